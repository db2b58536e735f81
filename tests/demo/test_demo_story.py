"""The demo story loads from the package data and keeps the shape other parts rely on."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from importlib import resources

import pytest

from storywatch.demo.story import DEMO_QUERY, STORY_TZ, load_story
from storywatch.demo.story.loader import DemoStoryError, parse_article, parse_when

PHRASES = ("velmora harbor", "corrandel star")


def test_every_article_file_is_loaded() -> None:
    files = [
        f.name
        for f in resources.files("storywatch.demo.story").joinpath("articles").iterdir()
        if f.name.endswith(".txt")
    ]
    story = load_story()
    assert len(files) == len(story.articles) == 25
    assert {f.removesuffix(".txt") for f in files} == {a.id for a in story.articles}


def test_outlets_cover_every_feed_format() -> None:
    story = load_story()
    assert sorted(o.feed_format for o in story.outlets) == sorted(
        ["rss20", "atom10", "jsonfeed11", "rss10", "rss20-summary"]
    )
    assert [o.slug for o in story.outlets if not o.full_text_in_feed] == ["coastwatch"]
    used = {a.outlet for a in story.articles}
    assert used == {o.slug for o in story.outlets}


def test_articles_are_in_release_order_over_a_few_minutes() -> None:
    story = load_story()
    releases = [a.release_s for a in story.articles]
    assert releases == sorted(releases)
    assert releases[0] == 0
    assert 180 <= story.duration_s <= 300
    # a few at a time: no wave releases more than three articles
    waves: dict[float, int] = {}
    for r in releases:
        waves[r] = waves.get(r, 0) + 1
    assert max(waves.values()) <= 3
    assert len(waves) >= 10
    # the simulated week runs from Sunday to Saturday
    assert story.articles[0].day == 0
    assert story.articles[-1].day == 6


def test_clean_body_drops_clutter_and_keeps_news() -> None:
    story = load_story()
    a02 = story.article("a02")
    subscribe = "Get Courier alerts on your phone the moment news breaks — subscribe now."
    assert a02.body.count(subscribe) == 2
    assert subscribe not in a02.clean_body
    assert "Tamsin Orrick | Meridian Press Service" in a02.body
    assert "Tamsin Orrick" not in a02.clean_body
    assert a02.clean_body.startswith("VELMORA, Lestria (MPS)")
    for article in story.articles:
        assert article.clutter, article.id
        for line in article.clutter:
            assert line not in article.clean_body


def test_story_articles_match_the_demo_query_and_others_do_not() -> None:
    story = load_story()
    assert DEMO_QUERY == '"Velmora harbor" OR "Corrandel Star"'
    for article in story.articles:
        text = f"{article.title}\n{article.clean_body}".lower()
        hit = any(p in text for p in PHRASES)
        assert hit == article.id.startswith("a"), article.id


def test_correction_replaces_the_original_at_the_same_url() -> None:
    story = load_story()
    fixed = story.article("a14")
    original = story.article("a05")
    assert fixed.replaces == "a05"
    assert fixed.slug == original.slug
    assert "chlorine" in original.clean_body
    assert "Correction, Tuesday" in fixed.clean_body
    anchor = story.anchor(datetime(2030, 5, 20, 12, tzinfo=UTC))
    assert story.published(fixed, anchor) == story.published(original, anchor)
    assert story.updated(fixed, anchor) > story.updated(original, anchor)


@pytest.mark.parametrize(
    "now",
    [
        datetime(2030, 5, 20, 12, tzinfo=UTC),  # a Monday
        datetime(2030, 5, 25, 23, 59, tzinfo=UTC),  # a Saturday night
        datetime(2030, 5, 26, 0, 1, tzinfo=STORY_TZ),  # just after Sunday midnight local
    ],
)
def test_anchor_is_a_sunday_midnight_that_keeps_the_week_in_the_past(now: datetime) -> None:
    story = load_story()
    anchor = story.anchor(now)
    local = anchor.astimezone(STORY_TZ)
    assert local.weekday() == 6
    assert (local.hour, local.minute) == (0, 0)
    assert anchor + story.span <= now
    assert now - anchor < story.span + timedelta(days=7)
    # weekday names in the files agree with the dates
    for article in story.articles:
        assert (
            story.updated(article, anchor).astimezone(STORY_TZ).weekday() + 1
        ) % 7 == article.day


def test_parse_errors_name_the_problem() -> None:
    with pytest.raises(DemoStoryError, match="missing header"):
        parse_article("id: z\n\nText.", name="z.txt")
    with pytest.raises(DemoStoryError, match="unknown paragraph kind"):
        parse_article(
            "id: z\noutlet: mps\ntitle: T\nauthor: A\nwhen: Sun 01:00\nrelease: 0\n\n"
            "News.\n\n[banner] Buy now",
        )
    with pytest.raises(DemoStoryError, match="expected like"):
        parse_when("Someday 10:00")


def test_quotes_use_the_house_style_of_each_outlet() -> None:
    story = load_story()
    for article in story.articles:
        straight = len(re.findall(r'"', article.clean_body))
        curly = len(re.findall(r"[“”]", article.clean_body))
        if article.outlet == "harborline":
            assert curly == 0, article.id
            assert straight > 0, article.id
        else:
            assert straight == 0, article.id
    assert sum(a.clean_body.count("“") for a in story.articles) > 40
