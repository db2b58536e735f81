"""A story as a person reads it (T2, T4, T5, T6): whole sentences, a stable title, a summary
with current figures, quotation marks only around direct quotes, and provenance that does
not depend on the order in which feeds were fetched."""

from __future__ import annotations

from datetime import timedelta

from storywatch.stories import StoryDoc, StoryEngine
from tests.stories.fixtures import MONDAY, WIRE_TEXT, Store, follow_up, quoted, wire


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
