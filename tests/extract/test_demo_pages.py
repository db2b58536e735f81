"""The demo story's own pages (written by the project, cluttered as in the wild) come out clean."""

from __future__ import annotations

from datetime import UTC, datetime

from storywatch.demo.pages import render_article_page
from storywatch.demo.story.loader import load_story
from storywatch.extract import SiteBoilerplate, extract_article

CLUTTER = ("caption", "credit", "subscribe", "newsletter", "readmore")


def test_every_demo_page_loses_its_clutter_and_keeps_its_text() -> None:
    story = load_story()
    articles = list(story.articles)
    model = SiteBoilerplate()
    anchor = datetime(2026, 3, 1, 6, tzinfo=UTC)
    problems = []
    for n, art in enumerate(articles):
        html = render_article_page(
            story, art, base_url="http://127.0.0.1:8000", anchor=anchor, released=articles[:n]
        )
        url = f"http://127.0.0.1:8000/{art.outlet}/{art.slug}"
        extracted = extract_article(html, url, boilerplate=model)
        for p in art.paragraphs:
            if p.kind in CLUTTER and p.text in extracted.text:
                problems.append((art.id, "left", p.text))
            if p.kind not in CLUTTER and p.text[:80] not in extracted.text:
                problems.append((art.id, "lost", p.text))
        assert extracted.title == art.title
    assert problems == []
