"""Contradictions, revised numbers and corrections an article brings to its story (T5).

All three are found by rules a person can check, and each event cites both sides.

A **contradiction** is a pair of claims (see :mod:`storywatch.stories.claims`) where one
asserts a predicate the other denies, and the two are about the same thing:

- they share at least two other content words ("the withdrawal of U.S. coalition troops was
  occurring" / "the United States is not withdrawing from Iraq": *USA*, *Iraq*), or
- one speaker says both (a reversal: "nobody needs to leave their home", then "I am asking
  every household in Saltmarsh to leave tonight").

An article raises at most one contradiction per predicate (the earlier side chosen by:
a direct quote first, then the most words in common, then the oldest), and none that the
story already holds between the same speakers: recaps and follow-ups that restate a known
contradiction add nothing. A **revision** follows the rules of
:mod:`storywatch.stories.numbers`. A **correction** is a newsroom's notice ("An earlier
version of this article ..."). Every event has a key that the story remembers, so a wire copy
never raises the same event twice.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from storywatch.model import StoryEvent
from storywatch.stories.analysis import DocAnalysis
from storywatch.stories.claims import NOT_PREDICATES, Claim
from storywatch.stories.knowledge import Knowledge, KnownNumber
from storywatch.stories.numbers import NumberFact, marks_revision
from storywatch.stories.text import words

MIN_SHARED_TERMS = 2
MAX_CONTRADICTIONS_PER_ARTICLE = 3
UNKNOWN = "?"

Describe = Callable[[int], str]


def find_events(
    knowledge: Knowledge | None, analysis: DocAnalysis, source_of: Describe
) -> tuple[StoryEvent, ...]:
    """The contradictions, revisions and corrections ``analysis`` introduces to its story."""
    seen = set(knowledge.event_keys) if knowledge is not None else set()
    out: list[StoryEvent] = []
    for key, event in [
        *_contradictions(knowledge, analysis, source_of),
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


# ---------------------------------------------------------------- contradictions


def opposed(a: Claim, b: Claim) -> str | None:
    """The predicate one claim asserts and the other denies, when both speak of one thing."""
    flipped = ((a.asserted & b.denied) | (a.denied & b.asserted)) - NOT_PREDICATES
    if not flipped:
        return None
    same_speaker = a.speaker_key is not None and a.speaker_key == b.speaker_key
    for term in sorted(flipped):
        if len((a.terms & b.terms) - {term}) >= MIN_SHARED_TERMS or same_speaker:
            return term
    return None


@dataclass(frozen=True, slots=True)
class _Pair:
    earlier_id: int
    earlier: Claim
    later: Claim
    predicate: str
    rank: tuple[int, int, int]


def _sides(pair: _Pair) -> tuple[str, str]:
    return (pair.earlier.speaker_key or UNKNOWN, pair.later.speaker_key or UNKNOWN)


def _covered(covered: dict[str, set[str]], predicate: str, sides: tuple[str, str]) -> bool:
    """Whether a contradiction on ``predicate`` between these speakers is already known."""
    known = covered.get(predicate)
    if not known:
        return False
    return all(side in known or side == UNKNOWN for side in sides)


def _contradictions(
    knowledge: Knowledge | None, analysis: DocAnalysis, known_source: Describe
) -> Iterator[tuple[str, StoryEvent]]:
    doc = analysis.doc

    def source_of(article_id: int) -> str:
        return doc.source if article_id == doc.article_id else known_source(article_id)

    claims = analysis.claims
    # a restatement of a claim the story holds cannot raise anything new
    fresh = [knowledge is None or not knowledge.knows_claim(c) for c in claims]
    candidates: list[tuple[int, int, int, Claim]] = []
    if knowledge is not None:
        for index, claim in enumerate(claims):
            if not fresh[index]:
                continue
            positions: set[int] = set()
            for term in claim.denied:
                positions.update(knowledge.asserting.get(term, ()))
            for term in claim.asserted:
                positions.update(knowledge.denying.get(term, ()))
            for position in positions:
                known = knowledge.claims[position]
                candidates.append((index, position, known.article_id, known.claim))
    for i, earlier in enumerate(claims):
        for j in range(i + 1, len(claims)):
            later = claims[j]
            if not fresh[j]:
                continue
            if (earlier.denied & later.asserted) or (earlier.asserted & later.denied):
                candidates.append((j, 1_000_000 + i, doc.article_id, earlier))
    pairs: list[tuple[int, _Pair]] = []
    for index, position, earlier_id, earlier in candidates:
        later = claims[index]
        predicate = opposed(earlier, later)
        if predicate is None:
            continue
        quoted = 0 if earlier.direct else 1 if earlier.speaker_key else 2
        rank = (quoted, -len(earlier.terms & later.terms), position)
        pairs.append((index, _Pair(earlier_id, earlier, later, predicate, rank)))
    # Per new claim: the best earlier claim first (a direct quote, then an attributed
    # sentence, then the most words in common, then the oldest).
    pairs.sort(key=lambda item: (item[0], item[1].rank))
    covered = {p: set(s) for p, s in knowledge.contradicted.items()} if knowledge else {}
    found = 0
    predicates: set[str] = set()
    for _, pair in pairs:
        if found >= MAX_CONTRADICTIONS_PER_ARTICLE:
            return
        sides = _sides(pair)
        if pair.predicate in predicates or _covered(covered, pair.predicate, sides):
            continue
        predicates.add(pair.predicate)
        covered.setdefault(pair.predicate, set()).update(s for s in sides if s != UNKNOWN)
        found += 1
        yield _contradiction_event(pair, doc.article_id, doc.source, source_of)


def _contradiction_event(
    pair: _Pair, article_id: int, source: str, source_of: Describe
) -> tuple[str, StoryEvent]:
    earlier, later = pair.earlier, pair.later
    sides = _sides(pair)
    key = "c:" + pair.predicate + ":" + _digest("|".join(sorted(sides)))
    return (
        key,
        StoryEvent(
            kind="contradiction",
            text=f"{earlier.speaker or source_of(pair.earlier_id)}: “{earlier.text}” — "
            f"{later.speaker or source}: “{later.text}”",
            article_ids=tuple(dict.fromkeys((pair.earlier_id, article_id))),
            detail={
                "key": key,
                "predicate": pair.predicate,
                "earlier": earlier.text,
                "later": later.text,
                "earlier_speaker": earlier.speaker or "",
                "later_speaker": later.speaker or "",
                "earlier_speaker_key": sides[0],
                "later_speaker_key": sides[1],
                "earlier_source": source_of(pair.earlier_id),
                "later_source": source,
            },
        ),
    )


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
