"""Addresses and article-body HTML shared by the demo feeds and pages.

GUIDs are independent of the server's host and port, so a second run of the demo (on a new
random port) publishes the same items under the same ids; URLs use the base URL the server
was given.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from html import escape

from storywatch.demo.story import DemoArticle, DemoStory, Outlet, Paragraph

_GUID_NS = uuid.UUID("6f1c1f5e-2b0c-4c39-9a8e-5d3c2a7b9e10")


def article_path(story: DemoStory, article: DemoArticle) -> str:
    """Path of an article's page; a corrected version keeps its original's path."""
    return f"/{article.outlet}/news/{story.original(article).slug}"


def image_path(story: DemoStory, article: DemoArticle) -> str:
    return f"/{article.outlet}/img/{story.original(article).id}.svg"


def article_guid(story: DemoStory, article: DemoArticle) -> str:
    """A stable, host-independent id shared by every version of an article."""
    original = story.original(article)
    return f"urn:uuid:{uuid.uuid5(_GUID_NS, f'{original.outlet}/{original.id}')}"


def latest_versions(
    story: DemoStory, released: Iterable[DemoArticle], outlet: str
) -> list[DemoArticle]:
    """The newest version of each of an outlet's released articles, newest first."""
    latest: dict[str, DemoArticle] = {}
    for article in released:
        if article.outlet != outlet:
            continue
        key = story.original(article).id
        current = latest.get(key)
        if current is None or article.simulated >= current.simulated:
            latest[key] = article
    return sorted(latest.values(), key=lambda a: (a.simulated, a.id), reverse=True)


def _paragraph_html(p: Paragraph, base_url: str, outlet: Outlet) -> str:
    text = escape(p.text, quote=False)
    if p.kind == "text":
        return f"<p>{text}</p>"
    if p.kind == "correction":
        return f'<p class="correction"><em>{text}</em></p>'
    if p.kind in ("subscribe", "newsletter"):
        return (
            f'<p class="promo {p.kind}"><a href="{base_url}/{outlet.slug}/subscribe">{text}</a></p>'
        )
    if p.kind == "readmore":
        return f'<p class="read-more"><strong>{text}</strong></p>'
    return f"<p>{text}</p>"


def body_html(story: DemoStory, article: DemoArticle, base_url: str) -> str:
    """The article body as an outlet's CMS would emit it: paragraphs, a figure with its
    caption and credit, promos and "Read more" lines, all inside the body (as in the wild)."""
    outlet = story.outlet(article.outlet)
    parts: list[str] = []
    paragraphs: Sequence[Paragraph] = article.paragraphs
    i = 0
    while i < len(paragraphs):
        p = paragraphs[i]
        if p.kind == "caption":
            credit = ""
            if i + 1 < len(paragraphs) and paragraphs[i + 1].kind == "credit":
                credit = (
                    f' <span class="credit">{escape(paragraphs[i + 1].text, quote=False)}</span>'
                )
                i += 1
            src = f"{base_url}{image_path(story, article)}"
            parts.append(
                f'<figure class="lead-image"><img src="{src}" alt="" width="1200" height="675">'
                f"<figcaption>{escape(p.text, quote=False)}{credit}</figcaption></figure>"
            )
        elif p.kind == "credit":
            parts.append(f'<p class="credit">{escape(p.text, quote=False)}</p>')
        else:
            parts.append(_paragraph_html(p, base_url, outlet))
        i += 1
    return "\n".join(parts)
