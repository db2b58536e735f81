"""T6 (title, summary, timeline citing articles) and restoring the state by replay."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from storywatch.stories import ArticleRecord, StoryDecision, StoryEngine, summarize_story
from storywatch.stories.types import Novelty
from tests.stories.fixtures import (
    MONDAY,
    Store,
    concert,
    corrected_follow_up,
    follow_up,
    quoted,
    trimmed_copy,
    verbatim_copy,
    wire,
)


def _all(store: Store) -> None:
    store.process(wire())
    store.process(verbatim_copy())
    store.process(trimmed_copy())
    store.process(concert())
    store.process(
        quoted(
            follow_up(),
            "Mara Quill",
            "person:mara-quill",
            "The bridge did not pass its inspection in March.",
        )
    )
    store.process(corrected_follow_up())


def test_timeline_items_cite_articles_and_fold_copies() -> None:
    engine = StoryEngine()
    store = Store(engine)
    _all(store)
    summary = engine.headline(store.story_of(1))
    assert summary.article_ids == (1, 2, 3, 4, 5)
    assert summary.sources == ("Northwire", "Farrowby Gazette", "Coast Herald")
    kinds = [item.kind for item in summary.timeline]
    assert kinds == ["start", "development", "revision", "contradiction", "correction"]
    start = summary.timeline[0]
    assert start.article_ids == (1, 2, 3)  # the wire report and the two outlets that copied it
    assert start.sources == ("Northwire", "Farrowby Gazette", "Coast Herald")
    development = summary.timeline[1]
    assert development.article_ids == (4,)
    assert development.text.startswith("Mara Quill: “The bridge did not pass")
    assert summary.timeline[2].article_ids == (1, 4)
    assert summary.timeline[3].article_ids == (1, 4)
    assert summary.timeline[4].article_ids == (5,)
    assert [i.when for i in summary.timeline] == sorted(i.when for i in summary.timeline)
    assert summary.first_seen == MONDAY
    assert summary.last_seen == corrected_follow_up().published
    assert [e.kind for e in summary.contradictions] == ["contradiction"]


def test_title_and_summary_describe_the_story() -> None:
    engine = StoryEngine()
    store = Store(engine)
    _all(store)
    summary = engine.headline(store.story_of(1))
    assert "Kessel Bridge" in summary.title or "Farrowby" in summary.title
    assert summary.summary.startswith("FARROWBY (Northwire) — The Kessel Bridge")
    assert "Latest: Mara Quill" in summary.summary
    assert len(summary.summary) <= 480
    other = engine.headline(store.story_of(6))
    assert other.title == concert().title
    assert [i.kind for i in other.timeline] == ["start"]


def test_summarize_story_is_a_pure_function_of_records() -> None:
    def record(aid: int, hours: int, title: str, dev: bool) -> ArticleRecord:
        decision = StoryDecision(
            duplicate_of=None,
            duplicate_kind=None,
            story_id=1,
            reasons=(),
            novelty=Novelty(new_sentences=(f"New fact number {aid} in this story.",)),
            is_development=dev,
            events=(),
        )
        doc = replace(wire(aid), title=title, published=MONDAY + timedelta(hours=hours))
        return ArticleRecord.of(doc, decision, {"bridg": 1.0 if aid == 2 else 0.5}, ())

    records = [
        record(1, 0, "First", True),
        record(2, 5, "Central", True),
        record(3, 9, "Quiet", False),
    ]
    summary = summarize_story(7, records, (), {"bridg": 1.0})
    assert summary.title == "Central"
    assert [i.article_ids for i in summary.timeline] == [(1,), (2,)]
    assert summary.summary.endswith("Latest: New fact number 2 in this story.")
    with pytest.raises(ValueError, match="no articles"):
        summarize_story(7, (), (), {})


def test_replay_restores_the_same_state() -> None:
    live = StoryEngine()
    store = Store(live)
    _all(store)
    restored = StoryEngine()
    assert restored.replay(store.applied) == len(store.applied)
    assert restored.stats() == live.stats()
    assert restored.story_ids() == live.story_ids()
    for story_id in live.story_ids():
        assert restored.headline(story_id) == live.headline(story_id)
    assert restored.provenance(3) == live.provenance(3)
    # And both decide the next article the same way.
    nxt = replace(
        follow_up(70),
        url=None,
        published=MONDAY + timedelta(days=2),
        text=(
            "FARROWBY — The transport agency said on Wednesday that it had received the "
            "inspection report on the Kessel Bridge in April and would publish it."
        ),
    )
    assert restored.decide(nxt) == live.decide(nxt)


def test_replaying_an_article_twice_changes_nothing() -> None:
    engine = StoryEngine()
    store = Store(engine)
    _all(store)
    before = engine.stats(), engine.headline(store.story_of(1))
    engine.replay(store.applied[:2])
    assert (engine.stats(), engine.headline(store.story_of(1))) == before
