"""Contradictions, revised numbers and corrections an article brings to its story (T5).

All three are found by rules a person can check, and each event cites both sides:

- a contradiction is a claim that denies a predicate another claim of the story asserts
  ("withdrawal ... was occurring" against "the United States is not withdrawing"), when the
  two also share at least two other content words (so that they speak of the same thing);
- a revision is a number stated about the same thing as an earlier, different number:
  explicitly ("nine, up from six", "revised to 3,400 from 1,200", "rose to 38") or, without
  such words, with the same unit and the same words around it;
- a correction is a newsroom's notice ("An earlier version of this article ...").

Each event has a key; the story remembers the keys, so a wire copy of an article never
raises the same event twice.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator

from storywatch.model import StoryEvent
from storywatch.stories.analysis import Claim, DocAnalysis, NumberFact
from storywatch.stories.knowledge import Knowledge, KnownNumber
from storywatch.stories.text import words

MIN_SHARED_TERMS = 2
MAX_CONTRADICTIONS_PER_ARTICLE = 3

Describe = Callable[[int], str]


def find_events(
    knowledge: Knowledge | None, analysis: DocAnalysis, source_of: Describe
) -> tuple[StoryEvent, ...]:
    """The contradictions, revisions and corrections ``analysis`` introduces to its story."""
    seen = set(knowledge.event_keys) if knowledge is not None else set()
    out: list[StoryEvent] = []
    for key, event in _contradictions(knowledge, analysis, source_of):
        if key not in seen:
            seen.add(key)
            out.append(event)
    for key, event in _revisions(knowledge, analysis, source_of):
        if key not in seen:
            seen.add(key)
            out.append(event)
    for sentence in analysis.corrections:
        key = "x:" + _digest(" ".join(words(sentence)))
        if key not in seen:
            seen.add(key)
            out.append(
                StoryEvent(
                    kind="correction",
                    text=sentence,
                    article_ids=(analysis.doc.article_id,),
                    detail={"key": key, "source": analysis.doc.source},
                )
            )
    return tuple(out)


def event_key(event: StoryEvent) -> str:
    return event.detail.get("key", "")


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode(), digest_size=8).hexdigest()


# ---------------------------------------------------------------- contradictions


def _opposed(a: Claim, b: Claim) -> str | None:
    """The predicate one claim asserts and the other denies, if they share a subject."""
    flipped = (a.asserted & b.denied) | (a.denied & b.asserted)
    if not flipped:
        return None
    for term in sorted(flipped):
        if len((a.terms & b.terms) - {term}) >= MIN_SHARED_TERMS:
            return term
    return None


def _contradictions(
    knowledge: Knowledge | None, analysis: DocAnalysis, known_source: Describe
) -> Iterator[tuple[str, StoryEvent]]:
    doc = analysis.doc

    def source_of(article_id: int) -> str:
        return doc.source if article_id == doc.article_id else known_source(article_id)

    found = 0
    pairs: list[tuple[int, Claim, Claim]] = []
    if knowledge is not None:
        for claim in analysis.claims:
            positions: set[int] = set()
            for term in claim.denied:
                positions.update(knowledge.asserting.get(term, ()))
            for term in claim.asserted:
                positions.update(knowledge.denying.get(term, ()))
            for position in sorted(positions):
                known = knowledge.claims[position]
                pairs.append((known.article_id, known.claim, claim))
    claims = analysis.claims
    for i, earlier in enumerate(claims):
        for later in claims[i + 1 :]:
            if (earlier.denied & later.asserted) or (earlier.asserted & later.denied):
                pairs.append((doc.article_id, earlier, later))
    for earlier_id, earlier, later in pairs:
        if found >= MAX_CONTRADICTIONS_PER_ARTICLE:
            return
        predicate = _opposed(earlier, later)
        if predicate is None:
            continue
        sides = sorted(" ".join(sorted(c.terms)) for c in (earlier, later))
        key = "c:" + predicate + ":" + _digest("|".join(sides))
        found += 1
        yield (
            key,
            StoryEvent(
                kind="contradiction",
                text=f"{_who(earlier, earlier_id, source_of)}: “{earlier.text}” — "
                f"{_who(later, doc.article_id, source_of)}: “{later.text}”",
                article_ids=tuple(dict.fromkeys((earlier_id, doc.article_id))),
                detail={
                    "key": key,
                    "predicate": predicate,
                    "earlier": earlier.text,
                    "later": later.text,
                    "earlier_speaker": earlier.speaker or "",
                    "later_speaker": later.speaker or "",
                    "earlier_source": source_of(earlier_id),
                    "later_source": doc.source,
                },
            ),
        )


def _who(claim: Claim, article_id: int, source_of: Describe) -> str:
    return claim.speaker or source_of(article_id) or "the article"


# ---------------------------------------------------------------- revisions


def _same_thing(known: NumberFact, fact: NumberFact, *, strict: bool) -> bool:
    shared_context = len(known.context & fact.context)
    if strict:
        return (
            known.unit is not None
            and known.unit == fact.unit
            and len(known.near & fact.near) >= 2
            and shared_context >= 3
        )
    return (known.unit == fact.unit or bool(known.near & fact.near)) and shared_context >= 2


def _earlier_fact(knowledge: Knowledge | None, fact: NumberFact) -> KnownNumber | None:
    """The known number this fact revises, most recent first."""
    if knowledge is None:
        return None
    candidates = [k for k in knowledge.numbers if k.fact.value != fact.value]
    if fact.previous is not None:
        for known in reversed(candidates):
            if known.fact.value == fact.previous and (
                known.fact.unit == fact.unit
                or known.fact.near & fact.near
                or len(known.fact.context & fact.context) >= 2
            ):
                return known
        return None
    for known in reversed(candidates):
        if _same_thing(known.fact, fact, strict=not fact.revised):
            return known
    return None


def _revisions(
    knowledge: Knowledge | None, analysis: DocAnalysis, source_of: Describe
) -> Iterator[tuple[str, StoryEvent]]:
    doc = analysis.doc
    for fact in analysis.numbers:
        if knowledge is not None and knowledge.knows_number(fact):
            continue
        earlier = _earlier_fact(knowledge, fact)
        if earlier is None and fact.previous is None:
            continue
        old = earlier.fact.value if earlier is not None else fact.previous
        assert old is not None
        what = fact.unit or "figure"
        key = f"r:{what}:{old:g}:{fact.value:g}"
        cited = (earlier.article_id, doc.article_id) if earlier else (doc.article_id,)
        yield (
            key,
            StoryEvent(
                kind="revision",
                text=f"{what}: revised from {_fmt(old)} to {_fmt(fact.value)} — {fact.sentence}",
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
