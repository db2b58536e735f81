"""A reading of the text made ahead (in a worker process) decides exactly as the engine's own.

The process stage's workers make :func:`read_text` beside understanding and send it
pickled; the engine then only adds what depends on the statements and the known identities.
These tests hold the two ways to the same decisions, on the demo story (real understanding,
contradictions, revisions, copies) and the bridge fixtures.
"""

from __future__ import annotations

import pickle
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from storywatch.demo.story import load_story
from storywatch.model import Statement
from storywatch.stories import StoryDoc, StoryEngine
from storywatch.stories.analysis import TextReading, analyse, read_text
from storywatch.understand import understand
from tests.stories.fixtures import concert, follow_up, quoted, trimmed_copy, verbatim_copy, wire

START = datetime(2026, 3, 2, 6, 0, tzinfo=UTC)


def _demo_docs() -> list[StoryDoc]:
    docs = []
    for n, article in enumerate(load_story().articles, start=1):
        understood = understand(article.body, title=article.title)
        docs.append(
            StoryDoc(
                article_id=n,
                source=article.outlet,
                url=f"https://{article.outlet}.example/{article.slug}",
                title=article.title,
                text=article.body,
                published=START + article.simulated,
                entities=understood.entities,
                statements=understood.statements,
                key_sentences=understood.key_sentences,
            )
        )
    return docs


def _rekeyed(statement: Statement) -> Statement:
    """The statement as the worker saw it: its speaker not yet mapped to a known identity."""
    if statement.speaker_key is None:
        return statement
    return replace(statement, speaker_key="unmapped:" + statement.speaker_key, speaker="Someone")


def _sent(doc: StoryDoc) -> TextReading:
    """What a worker sends for ``doc``: read with its own statements, through pickle."""
    statements = tuple(_rekeyed(s) for s in doc.statements)
    reading = read_text(doc.title, doc.text, statements=statements)
    back = pickle.loads(pickle.dumps(reading, protocol=pickle.HIGHEST_PROTOCOL))
    assert isinstance(back, TextReading)
    return back


def _both(docs: list[StoryDoc]) -> None:
    alone, ahead = StoryEngine(), StoryEngine()
    next_story = 1
    for doc in docs:
        reading = _sent(doc)
        expected = alone.decide(doc)
        decision = ahead.decide(doc, reading)
        assert decision == expected, doc.article_id
        story_id = decision.story_id
        if story_id is None:
            story_id, next_story = next_story, next_story + 1
        alone.apply(doc, expected, story_id)
        ahead.apply(doc, decision, story_id, reading)
    assert alone.story_ids() == ahead.story_ids()
    for story_id in alone.story_ids():
        assert ahead.headline(story_id) == alone.headline(story_id)


def test_the_demo_story_decides_the_same_with_its_reading_made_ahead() -> None:
    docs = _demo_docs()
    assert any(doc.statements for doc in docs)
    _both(docs)


def test_the_bridge_story_decides_the_same_with_its_reading_made_ahead() -> None:
    spoken = quoted(
        follow_up(), "Mara Quill", "person:mara-quill", "The bridge did not pass its inspection"
    )
    _both([wire(), verbatim_copy(), trimmed_copy(), concert(), spoken])


def test_claims_read_ahead_take_the_speaker_the_engine_knows() -> None:
    doc = quoted(
        follow_up(), "Mara Quill", "person:mara-quill", "The bridge did not pass its inspection"
    )
    reading = _sent(doc)
    assert reading.claims, "a voice that denies is read ahead"
    assert all(c is None or c.speaker_key is None for c in reading.claims.values())
    claims = [c for c in analyse(doc, reading).claims if c.denied]
    assert claims and {c.speaker_key for c in claims} == {"person:mara-quill"}
    assert claims == [c for c in analyse(doc).claims if c.denied]


def test_a_reading_of_another_text_is_not_used() -> None:
    first, other = wire(), concert()
    engine = StoryEngine()
    stray = read_text(first.title, first.text)
    assert not stray.fits(other)
    expected = StoryEngine().decide(other)
    assert engine.decide(other, stray) == expected
    shorter = replace(first, text=first.text[:-1])
    assert not stray.fits(shorter)
    assert engine.decide(shorter, stray) == StoryEngine().decide(shorter)


def test_a_reading_crosses_processes_as_plain_values() -> None:
    doc = follow_up(when=START + timedelta(days=1))
    reading = read_text(doc.title, doc.text)
    back = pickle.loads(pickle.dumps(reading))
    assert back.units == reading.units and back.shown == reading.shown
    assert back.sentences == reading.sentences  # whole sentences shared between units
    assert back.terms == reading.terms and back.features == reading.features
    assert back.numbers == reading.numbers and back.digest == reading.digest
    assert list(back.grams) == list(reading.grams)
