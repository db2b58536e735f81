"""A story as a person reads it (T2, T4, T5, T6): whole sentences, a stable title, a summary
with current figures, quotation marks only around direct quotes, and provenance that does
not depend on the order in which feeds were fetched."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from itertools import permutations

import pytest

from storywatch.model import Statement
from storywatch.stories import StoryDoc, StoryEngine
from tests.stories.fixtures import (
    FOLLOW_UP_TEXT,
    MONDAY,
    WIRE_TEXT,
    Store,
    follow_up,
    quoted,
    trimmed_copy,
    verbatim_copy,
    wire,
)


def test_timeline_items_and_events_show_whole_sentences_not_half_a_quotation() -> None:
    engine = StoryEngine()
    store = Store(engine)
    store.process(wire())
    whole = (
        "“The span will not reopen before May. Repairs need steel from abroad,” said Ines "
        "Dorr, the city engineer in Farrowby."
    )
    later = StoryDoc(
        article_id=2,
        source="Farrowby Gazette",
        url="https://gazette.example/news/kessel-bridge-repairs",
        title="Kessel Bridge will stay closed until May",
        text=WIRE_TEXT.split("\n\n")[0] + "\n\n" + whole,
        published=MONDAY + timedelta(days=1),
    )
    store.process(later)
    timeline = engine.headline(store.story_of(1)).timeline
    development = next(item for item in timeline if item.article_ids == (2,))
    assert development.text == whole

    # an event shows each side's whole sentence, however the quote inside it is read
    engine = StoryEngine()
    store = Store(engine)
    store.process(wire())
    decision = store.process(
        quoted(
            follow_up(),
            "Mara Quill",
            "person:mara-quill",
            "The bridge did not pass its inspection in March.",
        )
    )
    contradiction = next(e for e in decision.events if e.kind == "contradiction")
    assert contradiction.detail["earlier"] == (
        "“The bridge passed its inspection in March. We had no warning of any kind,” said "
        "Odo Venn, a spokesman for the regional transport agency."
    )
    assert contradiction.detail["later"].endswith(
        "said Mara Quill, the engineer who led the inspection."
    )
    assert "We had no warning of any kind" in contradiction.text


RECAP_TEXT = (
    "The Kessel Bridge over the river Dunn in Farrowby collapsed four days ago, killing four "
    "people and injuring eleven, the regional fire service said.\n\n"
    "Two cars and a delivery van fell into the river when the central span gave way shortly "
    "after six in the morning, witnesses said.\n\n"
    "Odo Venn, 58, a spokesman for the regional transport agency, said the bridge had passed "
    "its inspection in March.\n\n"
    "Divers searched the river through the morning for 12 hours."
)


def _recap(text: str = RECAP_TEXT) -> StoryDoc:
    return StoryDoc(
        article_id=2,
        source="Dunn Valley Times",
        url="https://dvt.example/kessel-bridge-what-we-know",
        title="Kessel Bridge collapse: what we know",
        text=text,
        published=MONDAY + timedelta(days=4),
    )


def test_a_recap_with_durations_and_ages_is_not_a_development() -> None:
    store = Store(StoryEngine())
    store.process(wire())
    decision = store.process(_recap())
    # "four days ago", "58" (an age), "12 hours" say when and how long, not what happened
    assert decision.novelty.new_numbers == ()
    assert not decision.is_development
    # the same recap with a count the story never had is news
    store = Store(StoryEngine())
    store.process(wire())
    news = _recap(RECAP_TEXT.replace("for 12 hours.", "for 12 hours and found 3 more cars."))
    decision = store.process(news)
    assert decision.is_development
    assert decision.novelty.new_numbers == ("3 more cars",)


RECAP_OF_THE_WEEK = (
    "Here is what we know about the Kessel Bridge collapse in Farrowby.\n\n"
    "The bridge over the river Dunn collapsed early on Monday, when the central span gave way "
    "and two cars and a delivery van fell into the river.\n\n"
    "The death toll rose to seven on Tuesday after divers recovered three more bodies from the "
    "river.\n\n"
    "The regional transport agency said the bridge passed its inspection in March. The "
    "engineer who led the inspection, Mara Quill, said it did not, and that her report asked "
    "for urgent repairs to the central span.\n\n"
    "Prosecutors in Farrowby opened an inquiry into the collapse on Tuesday. Engineers will "
    "inspect 14 other bridges on the river Dunn."
)


def test_a_recap_does_not_rename_the_story() -> None:
    engine = StoryEngine()
    store = Store(engine)
    store.process(wire())
    store.process(
        quoted(
            follow_up(),
            "Mara Quill",
            "person:mara-quill",
            "The bridge did not pass its inspection in March.",
        )
    )
    before = engine.headline(store.story_of(1)).title
    recap = StoryDoc(
        article_id=7,
        source="Dunn Valley Times",
        url="https://dvt.example/kessel-bridge-what-we-know",
        title="Kessel Bridge collapse: what we know so far",
        text=RECAP_OF_THE_WEEK,
        published=MONDAY + timedelta(days=3),
    )
    decision = store.process(recap)
    # it adds one figure, so it is a development; but it mostly restates the story, and the
    # article that best names the story is still the one that did
    assert decision.is_development and decision.story_id == store.story_of(1)
    assert engine.headline(store.story_of(1)).title == before == wire().title


def test_the_summary_shows_a_revised_figure_as_it_stands_now() -> None:
    engine = StoryEngine()
    store = Store(engine)
    store.process(wire())
    before = engine.headline(store.story_of(1)).summary
    assert "killing four people" in before
    decision = store.process(follow_up())  # "rose to seven on Tuesday, up from the four"
    assert [e.detail["to"] for e in decision.events if e.kind == "revision"] == ["7"]
    summary = engine.headline(store.story_of(1)).summary
    assert "killing seven people (revised from four)" in summary
    assert "killing four people" not in summary


def test_a_paraphrase_is_never_shown_in_quotation_marks() -> None:
    engine = StoryEngine()
    store = Store(engine)
    store.process(wire())
    said = "the report had been sent to the transport agency in April"
    start = FOLLOW_UP_TEXT.index(said)
    paraphrase = Statement(
        text=said,
        kind="indirect",
        speaker="Mara Quill",
        start=start,
        end=start + len(said),
        speaker_key="person:mara-quill",
        cue="said",
    )
    decision = store.process(replace(follow_up(), statements=(paraphrase,)))
    assert decision.headline == f"Mara Quill: {said}"
    summary = engine.headline(store.story_of(1))
    development = next(i for i in summary.timeline if i.kind == "development")
    assert development.text == f"Mara Quill: {said}"
    assert "“" not in summary.summary.split("Latest:")[1]
    # a direct quote keeps its marks
    quote = "The bridge did not pass its inspection in March."
    store = Store(StoryEngine())
    store.process(wire())
    decision = store.process(quoted(follow_up(), "Mara Quill", "person:mara-quill", quote))
    assert decision.headline == f"Mara Quill: “{quote}”"


@pytest.mark.parametrize("order", list(permutations((1, 2, 3))))
def test_the_original_of_a_wire_story_is_the_first_published_whatever_the_arrival_order(
    order: tuple[int, ...],
) -> None:
    # the wire report (06:00), a verbatim copy (06:40) and a trimmed copy (07:00), fetched in
    # every order, then the follow-up
    made = {1: wire(1), 2: verbatim_copy(2), 3: trimmed_copy(3)}
    engine = StoryEngine()
    store = Store(engine)
    copy_of: dict[int, int | None] = {}  # what the store keeps: each article's original
    for article_id in (*order, 4):
        doc = made.get(article_id) or follow_up(4)
        decision = store.process(doc)
        copy_of[article_id] = decision.duplicate_of
        for earlier in decision.copies:  # what the pipeline writes for an earlier arrival
            copy_of[earlier] = article_id
    assert copy_of == {1: None, 2: 1, 3: 1, 4: None}
    provenance = engine.provenance(3)
    assert (provenance.original, provenance.original_source) == (1, "Northwire")
    assert [a for a, _ in provenance.copies] == [2, 3]
    start, development = engine.headline(store.story_of(1)).timeline[:2]
    assert (start.kind, start.when, start.article_ids) == ("start", MONDAY, (1, 2, 3))
    assert start.sources == ("Northwire", "Farrowby Gazette", "Coast Herald")
    assert (development.kind, development.article_ids) == ("development", (4,))
