"""T1 and T2: exact copies, near copies, and who published first."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from storywatch.stories import StoryEngine, canonical_url, content_hash
from tests.stories.fixtures import MONDAY, Store, trimmed_copy, verbatim_copy, wire


def test_canonical_url_drops_tracking_and_spelling_differences() -> None:
    a = canonical_url("https://www.Example.com/news/story/?utm_source=rss&id=7#top")
    b = canonical_url("http://example.com/news/story?id=7&fbclid=abc")
    assert a == b == "//example.com/news/story?id=7"
    assert canonical_url("https://example.com/news/other") != a
    assert canonical_url(None) is None


def test_content_hash_ignores_spacing_and_quote_style() -> None:
    assert content_hash("He said “no”  to the\nplan today.") == content_hash(
        'He said "no" to the plan today.'
    )
    assert content_hash("He said yes to the plan today.") != content_hash(
        "He said no to the plan today."
    )


def test_same_text_from_another_outlet_is_an_exact_duplicate() -> None:
    store = Store(StoryEngine())
    store.process(wire())
    decision = store.process(verbatim_copy())
    assert decision.duplicate_kind == "exact"
    assert decision.duplicate_of == 1
    assert decision.story_id == store.story_of(1)
    assert not decision.is_development
    assert decision.reasons[0].kind == "duplicate"


def test_same_url_and_text_is_an_exact_duplicate() -> None:
    store = Store(StoryEngine())
    store.process(wire())
    again = replace(wire(7), url="https://northwire.example/farrowby-bridge-collapse/?ref=home")
    decision = store.process(again)
    assert (decision.duplicate_kind, decision.duplicate_of) == ("exact", 1)


def test_trimmed_wire_copy_is_a_near_duplicate_that_adds_nothing() -> None:
    store = Store(StoryEngine())
    store.process(wire())
    decision = store.process(trimmed_copy())
    assert decision.duplicate_kind == "near"
    assert decision.duplicate_of == 1
    assert decision.story_id == store.story_of(1)
    assert not decision.is_development
    assert "near copy" in decision.reasons[0].detail


def test_provenance_names_the_first_publisher_even_when_it_arrives_last() -> None:
    engine = StoryEngine()
    store = Store(engine)
    # The copy is seen first, but the wire published it an hour earlier.
    store.process(trimmed_copy(3, when=MONDAY + timedelta(hours=1)))
    store.process(verbatim_copy(2, when=MONDAY + timedelta(hours=2)))
    store.process(wire(1, when=MONDAY))
    provenance = engine.provenance(2)
    assert provenance.original == 1
    assert provenance.original_source == "Northwire"
    assert [aid for aid, _ in provenance.copies] == [3, 2]
    assert engine.provenance(1) == provenance


def test_unrelated_text_is_not_a_duplicate() -> None:
    store = Store(StoryEngine())
    store.process(wire())
    decision = store.process(replace(wire(9), url=None, text="Short unrelated note."))
    assert decision.duplicate_of is None
