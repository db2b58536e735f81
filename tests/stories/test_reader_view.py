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
