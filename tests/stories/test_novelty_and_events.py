"""T4 and T5: what an article adds, and the contradictions, revisions and corrections."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from storywatch.model import Statement
from storywatch.stories import StoryDoc, StoryEngine
from tests.stories.fixtures import (
    MONDAY,
    Store,
    corrected_follow_up,
    follow_up,
    quoted,
    trimmed_copy,
    verbatim_copy,
    wire,
)


def test_first_report_is_all_new() -> None:
    decision = Store(StoryEngine()).process(wire())
    assert decision.is_development
    assert "four people" in " ".join(decision.novelty.new_numbers)
    assert any("collapsed" in s for s in decision.novelty.new_sentences)


def test_follow_up_adds_new_numbers_and_statements() -> None:
    store = Store(StoryEngine())
    store.process(wire())
    text = follow_up().text
    quote = "The bridge did not pass its inspection in March."
    doc = quoted(follow_up(), "Mara Quill", "person:mara-quill", quote)
    decision = store.process(doc)
    novelty = decision.novelty
    assert decision.is_development
    assert any(n.startswith("seven") for n in novelty.new_numbers)
    assert [s.speaker for s in novelty.new_statements] == ["Mara Quill"]
    assert any("Prosecutors" in s for s in novelty.new_sentences)
    assert not any("four people" in n for n in novelty.new_numbers)
    assert quote in text


def test_rewrite_that_adds_nothing_is_not_a_development() -> None:
    store = Store(StoryEngine())
    store.process(wire())
    store.process(follow_up())
    recap = replace(
        wire(20),
        source="Weekly Digest",
        url="https://digest.example/recap",
        title="What we know about the Kessel Bridge",
        text=(
            "The Kessel Bridge in Farrowby collapsed on Monday. The death toll rose to seven, "
            "up from the four reported on Monday. The bridge did not pass its inspection in "
            "March, the engineer who led the inspection said."
        ),
        published=MONDAY + timedelta(days=2),
    )
    decision = store.process(recap)
    assert decision.story_id == store.story_of(1)
    assert decision.novelty.empty
    assert not decision.is_development
    assert decision.events == ()


def test_contradiction_between_two_speakers_cites_both_articles() -> None:
    store = Store(StoryEngine())
    store.process(
        quoted(wire(), "Odo Venn", "person:odo-venn", "The bridge passed its inspection in March.")
    )
    decision = store.process(
        quoted(
            follow_up(),
            "Mara Quill",
            "person:mara-quill",
            "The bridge did not pass its inspection in March.",
        )
    )
    contradictions = [e for e in decision.events if e.kind == "contradiction"]
    assert len(contradictions) == 1
    event = contradictions[0]
    assert event.article_ids == (1, 4)
    assert event.detail["predicate"] == "pass"
    assert event.detail["earlier_speaker"] == "Odo Venn"
    assert event.detail["later_speaker"] == "Mara Quill"
    assert "passed its inspection" in event.detail["earlier"]
    assert "did not pass" in event.detail["later"]
    assert "Odo Venn" in event.text and "Mara Quill" in event.text


def test_agreeing_statements_are_not_a_contradiction() -> None:
    store = Store(StoryEngine())
    store.process(wire())
    agreeing = replace(
        follow_up(),
        text="“The bridge passed its inspection in March,” the agency repeated on Tuesday.",
    )
    decision = store.process(agreeing)
    assert not [e for e in decision.events if e.kind == "contradiction"]


def _venn(doc: StoryDoc) -> StoryDoc:
    return quoted(doc, "Odo Venn", "person:odo-venn", "The bridge passed its inspection in March.")


def _quill(doc: StoryDoc) -> StoryDoc:
    quote = "The bridge did not pass its inspection in March."
    return quoted(doc, "Mara Quill", "person:mara-quill", quote)


def test_a_copy_never_raises_the_same_event_twice() -> None:
    store = Store(StoryEngine())
    store.process(_venn(wire()))
    first = store.process(_quill(follow_up()))
    assert {e.kind for e in first.events} == {"contradiction", "revision"}
    copy = replace(
        _quill(follow_up(30)),
        source="Coast Herald",
        url="https://herald.example/2026/03/03/bridge-toll",
        published=follow_up().published + timedelta(hours=1),
    )
    second = store.process(copy)
    assert second.duplicate_kind == "exact"
    assert second.events == ()
    rewrite = replace(
        copy,
        article_id=31,
        url=None,
        text=follow_up().text.replace("on Tuesday afternoon", "late on Tuesday"),
    )
    third = store.process(rewrite)
    assert third.duplicate_kind == "near"
    assert third.events == ()


def test_revised_toll_names_both_values_and_articles() -> None:
    store = Store(StoryEngine())
    store.process(wire())
    decision = store.process(follow_up())
    revisions = [e for e in decision.events if e.kind == "revision"]
    assert len(revisions) == 1
    detail = revisions[0].detail
    assert (detail["from"], detail["to"]) == ("4", "7")
    assert detail["what"] == "people"
    assert revisions[0].article_ids == (1, 4)


def test_a_number_that_grows_with_time_is_not_a_revision() -> None:
    store = Store(StoryEngine())
    store.process(wire())
    later = replace(
        follow_up(),
        text=(
            "The number of divers searching the river Dunn near the Kessel Bridge rose to 80 "
            "on Tuesday, up from 60 firefighters at the scene on Monday."
        ),
    )
    decision = store.process(later)
    assert not [e for e in decision.events if e.kind == "revision"]


def test_corrected_version_at_the_same_url_is_an_update_with_a_correction() -> None:
    store = Store(StoryEngine())
    store.process(wire())
    store.process(follow_up())
    decision = store.process(corrected_follow_up())
    assert decision.duplicate_of is None
    assert decision.story_id == store.story_of(4)
    assert decision.reasons[0].kind == "update"
    assert not decision.is_development
    corrections = [e for e in decision.events if e.kind == "correction"]
    assert len(corrections) == 1
    assert corrections[0].text.startswith("An earlier version of this article")
    assert corrections[0].article_ids == (5,)


def test_same_article_id_with_new_text_replaces_the_old_version() -> None:
    engine = StoryEngine()
    store = Store(engine)
    store.process(wire())
    store.process(follow_up())
    decision = store.process(corrected_follow_up(4))
    assert decision.reasons[0].kind == "update"
    summary = engine.headline(store.story_of(1))
    assert summary.article_ids.count(4) == 1


def test_near_copy_of_an_update_still_counts_its_new_numbers() -> None:
    store = Store(StoryEngine())
    store.process(wire())
    store.process(verbatim_copy())
    store.process(trimmed_copy())
    updated = replace(
        wire(40),
        url="https://northwire.example/farrowby-bridge-collapse-update",
        text=wire().text.replace("killing four people", "killing five people"),
        published=MONDAY + timedelta(hours=5),
    )
    decision = store.process(updated)
    assert decision.duplicate_kind == "near"
    assert decision.is_development
    assert any(n.startswith("five") for n in decision.novelty.new_numbers)
    assert [e.detail["to"] for e in decision.events if e.kind == "revision"] == ["5"]


def test_a_statement_joining_two_known_sentences_is_not_new() -> None:
    store = Store(StoryEngine())
    store.process(wire())
    joined = (
        "Divers searched the river through the morning and the fire service said that 60 "
        "firefighters were at the scene."
    )
    start = 0
    statement = Statement(
        joined[joined.index("60") :], "indirect", "Fire service", start, len(joined), "org:fs"
    )
    rewrite = replace(
        wire(50),
        url=None,
        source="Digest",
        title="Kessel Bridge: divers search the Dunn",
        text=joined,
        statements=(statement,),
        published=MONDAY + timedelta(hours=3),
    )
    decision = store.process(rewrite)
    assert decision.novelty.new_statements == ()
    assert not decision.is_development


def test_every_decision_has_a_headline_and_the_timeline_no_empty_item() -> None:
    engine = StoryEngine()
    store = Store(engine)
    numbers_only = replace(
        wire(60),
        url=None,
        source="Ticker",
        title="",
        text="The Kessel Bridge collapse in Farrowby killed five people, the fire service said.",
        published=MONDAY + timedelta(hours=2),
    )
    decisions = [store.process(d) for d in (wire(), verbatim_copy(), numbers_only)]
    assert all(d.headline.strip() for d in decisions)
    assert decisions[1].duplicate_kind == "exact"
    assert decisions[2].is_development
    assert "five people" in decisions[2].headline
    summary = engine.headline(store.story_of(1))
    assert all(item.text.strip() for item in summary.timeline)


def test_a_first_article_is_all_new_the_same_as_against_an_empty_story() -> None:
    from storywatch.stories.analysis import analyse
    from storywatch.stories.knowledge import Knowledge, Match, everything_new

    analysis = analyse(corrected_follow_up())
    empty = Knowledge()
    assert everything_new(analysis) == empty.novelty(analysis, [Match()] * len(analysis.sentences))
