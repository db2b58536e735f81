"""Contradictions, revised numbers and corrections an article brings to its story (T5).

All three are found by rules a person can check, and each event cites both sides.
Contradictions follow :mod:`storywatch.stories.contradictions`; a **revision** follows the
rules of :mod:`storywatch.stories.numbers`; a **correction** is a newsroom's notice ("An
earlier version of this article ..."). Every event has a key that the story remembers, so
a wire copy never raises the same event twice.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

from storywatch.model import StoryEvent
from storywatch.stories.analysis import DocAnalysis
from storywatch.stories.contradictions import Describe, find_contradictions
from storywatch.stories.knowledge import Knowledge, KnownNumber, Match
from storywatch.stories.numbers import NumberFact, marks_revision
from storywatch.stories.text import words


def find_events(
    knowledge: Knowledge | None,
    analysis: DocAnalysis,
    source_of: Describe,
    matches: list[Match] | None = None,
) -> tuple[StoryEvent, ...]:
    """The contradictions, revisions and corrections ``analysis`` introduces to its story.

    ``matches`` is ``knowledge.compare(analysis)`` when the caller has it already.
    """
    if knowledge is not None and matches is None:
        matches = knowledge.compare(analysis)
    seen = set(knowledge.event_keys) if knowledge is not None else set()
    out: list[StoryEvent] = []
    for key, event in [
        *find_contradictions(knowledge, analysis, matches, source_of),
        *_revisions(knowledge, analysis, source_of),
        *_corrections(analysis),
    ]:
        if key not in seen:
            seen.add(key)
            out.append(event)
    return tuple(out)


def event_key(event: StoryEvent) -> str:
    return event.detail.get("key", "")


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode(), digest_size=8).hexdigest()


# ---------------------------------------------------------------- revisions


def _same_count(known: NumberFact, fact: NumberFact) -> bool:
    """Whether two numbers count the same thing (unit or wording, and their sentence)."""
    same_unit = known.unit is not None and known.unit == fact.unit
    return (same_unit or len(known.near & fact.near) >= 2) and len(
        known.context & fact.context
    ) >= 2


def _earlier_fact(knowledge: Knowledge | None, fact: NumberFact) -> KnownNumber | None:
    """The known number this fact revises, most recent first; None if it revises none."""
    if knowledge is None:
        return None
    candidates = [k for k in reversed(knowledge.numbers) if k.fact.value != fact.value]
    if fact.previous is not None:
        for known in candidates:
            if known.fact.value == fact.previous and (
                known.fact.unit == fact.unit or len(known.fact.context & fact.context) >= 2
            ):
                return known
        return None
    if marks_revision(fact):
        return next((k for k in candidates if _same_count(k.fact, fact)), None)
    if fact.toll:
        return next(
            (
                k
                for k in candidates
                if k.fact.toll
                and k.fact.unit == fact.unit
                and len(k.fact.near & fact.near) >= 2
                and len(k.fact.context & fact.context) >= 3
            ),
            None,
        )
    return None


def _revisions(
    knowledge: Knowledge | None, analysis: DocAnalysis, source_of: Describe
) -> Iterator[tuple[str, StoryEvent]]:
    doc = analysis.doc
    for fact in analysis.numbers:
        if knowledge is not None and knowledge.knows_number(fact):
            continue
        if fact.previous is not None and not (marks_revision(fact) or fact.toll):
            continue  # "rose to 38 from 31": the world changed, no count was corrected
        earlier = _earlier_fact(knowledge, fact)
        if earlier is None and fact.previous is None:
            continue
        old = earlier.fact.value if earlier is not None else fact.previous
        if old is None:
            continue
        what = (
            (earlier.fact.unit_word if earlier is not None else None) or fact.unit_word or "figure"
        )
        key = f"r:{what}:{old:g}:{fact.value:g}"
        cited = (earlier.article_id, doc.article_id) if earlier else (doc.article_id,)
        yield (
            key,
            StoryEvent(
                kind="revision",
                text=f"{what} revised from {_fmt(old)} to {_fmt(fact.value)}: {fact.sentence}",
                article_ids=tuple(dict.fromkeys(cited)),
                detail={
                    "key": key,
                    "what": what,
                    "from": _fmt(old),
                    "to": _fmt(fact.value),
                    "earlier": earlier.fact.sentence if earlier else "",
                    "later": fact.sentence,
                    "earlier_source": source_of(earlier.article_id) if earlier else "",
                    "later_source": doc.source,
                },
            ),
        )


def _fmt(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,g}"


# ---------------------------------------------------------------- corrections


def _corrections(analysis: DocAnalysis) -> Iterator[tuple[str, StoryEvent]]:
    for sentence in analysis.corrections:
        key = "x:" + _digest(" ".join(words(sentence)))
        yield (
            key,
            StoryEvent(
                kind="correction",
                text=sentence,
                article_ids=(analysis.doc.article_id,),
                detail={"key": key, "source": analysis.doc.source},
            ),
        )
