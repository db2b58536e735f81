"""Contradictions an article brings to its story (T5), each reported once.

A contradiction is a pair of claims (see :mod:`storywatch.stories.claims`) where one asserts
a predicate the other denies, and the two are about the same thing:

- they share at least two other words ("the withdrawal of U.S. coalition troops was
  occurring" / "the United States is not withdrawing from Iraq": *USA*, *Iraq*), counting
  the words a pronoun subject borrows from the sentence it refers to, or
- one is short (at most two other words) and the other has all of its words ("Parvel is
  not closing" / "the Parvel paper mill will close in June"), or
- they oppose on two predicates at once ("the hold held cylinders of chlorine gas" /
  "contradicting reports that the ship was carrying chlorine gas": *chlorine*, *gas*;
  "declared correctly" / "that declaration was wrong": *declared*, *correct*), or
- two voices oppose on a predicate one of them denies of everyone, in a clause with no
  other words ("Nobody was injured" / "Two workers were injured by smoke"): within a story
  it speaks of the story's event, or
- one voice says both, in its own words (direct quotes), in two articles: a reversal
  ("nobody needs to leave their home", then "I am asking every household in Saltmarsh to
  leave tonight"). The same voice inside one article, or a paraphrase that mixes in what
  others said, is not a reversal.

Each new claim is paired with the best earlier one (a direct quote first, then an
attributed sentence, then the most words in common, then the oldest). An article raises at
most one contradiction per predicate and :data:`MAX_PER_ARTICLE` in all. A claim the story
already holds in the same words cannot raise one (wire copies and recaps restate), and a
pair whose denying side is a voice (or, for narration, a wording) already reported denying
the same predicate is the same contradiction again, whatever it is set against: the story
keeps its reported contradictions as :class:`~storywatch.stories.knowledge.Dispute` values.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator, Set
from dataclasses import dataclass

from storywatch.model import StoryEvent
from storywatch.stories.analysis import DocAnalysis, claim_of
from storywatch.stories.claims import Claim, read_claim, unprefixed
from storywatch.stories.knowledge import Dispute, Knowledge, Match
from storywatch.stories.predicates import NOT_PREDICATES, SYNONYMS, antonyms_of, with_forms
from storywatch.stories.text import TERMS, stem, terms, words

MIN_SHARED_TERMS = 2
MIN_SHARED_SHARE = 0.5
MAX_SHORT_TERMS = 2
_NAME_WORDS = 4  # the most words of a speaker's name a claim's words may hold
MAX_PER_ARTICLE = 3
UNKNOWN = "?"

Describe = Callable[[int], str]


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode(), digest_size=8).hexdigest()


def flipped(a: Claim, b: Claim) -> frozenset[str]:
    """Predicates one claim asserts and the other denies; empty unless one is denied in
    words (a denial by implication only adds to those). A predicate a claim both asserts
    and denies ("isn't talking to the public, they are talking to their base") says
    nothing either way."""
    ambiguous = (a.asserted & a.denied) | (b.asserted & b.denied) | NOT_PREDICATES
    said = ((a.asserted & b.denied) | (a.denied & b.asserted)) - ambiguous
    if not said:
        return frozenset()
    return said | (((a.asserted & b.implied) | (a.implied & b.asserted)) - ambiguous)


def antonymous(a: Claim, b: Claim) -> frozenset[str]:
    """Predicates on which two claims oppose without a negation: one asserts a predicate,
    the other its antonym ("open" / "closed"), and neither says both or denies its own."""
    found = (antonyms_of(a.asserted) & b.asserted) - b.denied - a.asserted
    if not found:
        return frozenset()
    mine = (antonyms_of(found) & a.asserted) - a.denied - b.asserted
    return (found | mine) - NOT_PREDICATES if mine else frozenset()


def about_the_same(a: Claim, b: Claim, opposed: frozenset[str]) -> bool:
    """Whether two claims opposed on ``opposed`` speak of one thing (module notes)."""
    if len(opposed) >= 2:
        return True
    shared = ((a.terms | a.context) & (b.terms | b.context)) - opposed
    if len(shared) < MIN_SHARED_TERMS:
        # a short denial ("Parvel is not closing") all of whose other words the other claim
        # has ("the Parvel paper mill will close in June") speaks of nothing else
        if min(len(a.terms), len(b.terms)) > MAX_SHORT_TERMS + len(opposed) + _NAME_WORDS:
            return False  # no claim short enough, whatever its speaker's name
        shorter = min(_own_words(a, opposed), _own_words(b, opposed), key=len)
        return 0 < len(shorter) <= MAX_SHORT_TERMS and shorter <= shared
    # two long sentences of one article share a few words by chance: the shorter claim
    # must be mostly about what the other says
    smaller = min(len(a.terms - opposed), len(b.terms - opposed))
    if len(shared) >= MIN_SHARED_SHARE * smaller:
        return True
    return _same_clause(a, b, opposed)


# Where a clause ends inside a sentence: punctuation, or a conjunction that starts another.
_CLAUSE_END = re.compile(
    r"[,;:()—–]|\s-\s|\b(?:and|but|while|whereas|although|because|until|unless|after|"
    r"before|so)\b",
    re.IGNORECASE,
)


def _same_clause(a: Claim, b: Claim, opposed: frozenset[str]) -> bool:
    """Whether the clauses that hold the opposed predicate share most of their words ("the
    Sable Hills fire is contained, and residents can go home" / "the Sable Hills fire is not
    contained and is spreading east"): each side's sentence says more, and who said it, but
    what is contradicted is about one thing."""
    here = _clause_terms(a, opposed) - _NOBODY
    there = _clause_terms(b, opposed) - _NOBODY
    if not here or not there:
        # "Nobody was injured" / "Two workers were injured by smoke": a denial of everyone
        # has no other words to share; between two voices it speaks of the story's event
        voices = a.speaker_key is not None and b.speaker_key is not None
        return voices and bool(here or there) and (_denies_everyone(a) or _denies_everyone(b))
    shared = here & there
    return len(shared) >= MIN_SHARED_TERMS and len(shared) >= MIN_SHARED_SHARE * max(
        len(here), len(there)
    )


def _clause_terms(claim: Claim, opposed: frozenset[str]) -> frozenset[str]:
    """The words of the clauses of a claim that hold one of ``opposed`` (as its predicate or
    under a negative prefix: "unsafe" holds *safe*), without it; a quote's own words only."""
    text = quoted(claim.text) if claim.direct else claim.text
    out: set[str] = set()
    for clause in _CLAUSE_END.split(text):
        found = set()
        holds = False
        for word in words(clause):
            term = TERMS[word]
            if not term:
                continue
            bare = unprefixed(word)
            if SYNONYMS.get(term, term) in opposed or (bare is not None and stem(bare) in opposed):
                holds = True
            else:
                found.add(term)
        if holds:
            out |= found
    return frozenset(out)


# A clause whose subject is nobody at all: "Nobody was injured", "No one was hurt".
_EVERYONE_DENIED = re.compile(
    r"(?:^|[,;:(—–]\s*|\b(?:and|but)\s+)(?:nobody|no one|no-one|nothing|none)\s+"
    r"(?:was|were|is|are|has been|have been|had been)\s+\w+\s*(?:$|[,;:.)—–]|\band\b|\bbut\b)",
    re.IGNORECASE,
)


_NOBODY = frozenset(TERMS[w] for w in ("nobody", "nothing", "none") if TERMS[w])


def _denies_everyone(claim: Claim) -> bool:
    """Whether the claim holds a bare clause denying a predicate of everyone ("Nobody was
    injured"), which has no words of its own to say what it is about."""
    text = quoted(claim.text) if claim.direct else claim.text
    return _EVERYONE_DENIED.search(text.strip()) is not None


def _own_words(claim: Claim, opposed: frozenset[str]) -> frozenset[str]:
    """A claim's words but its predicates and its speaker's name ("said Bo Tessel")."""
    return claim.terms - opposed - frozenset(terms(claim.speaker or ""))


@dataclass(frozen=True, slots=True)
class Pair:
    """A contradiction found: the earlier claim (and its article), the later one."""

    earlier_id: int
    earlier: Claim
    later: Claim
    predicates: frozenset[str]
    rank: tuple[int, int, int]
    by_antonym: bool = False  # opposed through an antonym pair, no denial in words

    def sides(self) -> tuple[tuple[Claim, bool], tuple[Claim, bool]]:
        """(asserting claim, is earlier), (denying claim, is earlier)."""
        for predicate in sorted(self.predicates):
            if predicate in self.earlier.asserted:
                return (self.earlier, True), (self.later, False)
            if predicate in self.later.asserted:
                return (self.later, False), (self.earlier, True)
        return (self.earlier, True), (self.later, False)


def judge(earlier: Claim, later: Claim, *, same_article: bool) -> frozenset[str]:
    """The predicates on which ``later`` contradicts ``earlier``; empty when it does not."""
    opposed = flipped(earlier, later)
    by_antonym = not opposed
    if by_antonym:
        opposed = antonymous(earlier, later)
    if not opposed:
        return frozenset()
    if earlier.speaker_key is not None and earlier.speaker_key == later.speaker_key:
        if same_article or not (earlier.direct and later.direct):
            return frozenset()
        # a reversal in the speaker's own words: the opposition holds inside the quotes
        return opposed & _quoted_opposition(earlier, later)
    # narration is the outlet's own framing: within one article two voices must disagree,
    # across articles at least one side must be somebody's statement
    voices = (earlier.speaker_key is not None) + (later.speaker_key is not None)
    if voices < (2 if same_article else 1):
        return frozenset()
    if by_antonym:
        # no negation says the two are about one thing: their clauses must; and both sides
        # must be voices, since narration that says "reopened" after "closed" tells a change
        if voices < 2:
            return frozenset()
        return opposed if _same_clause(earlier, later, opposed) else frozenset()
    return opposed if about_the_same(earlier, later, opposed) else frozenset()


_OPEN, _CLOSE = '“"', '”"'


def quoted(text: str) -> str:
    """The words of a sentence inside quotation marks (a quote left open runs to the end;
    one closed without opening ran from the start)."""
    parts: list[str] = []
    start: int | None = None
    for index, char in enumerate(text):
        if char in _OPEN and (start is None or char != '"'):
            start = index + 1
        elif char in _CLOSE and start is not None:
            parts.append(text[start:index])
            start = None
        elif char in _CLOSE and not parts:
            parts.append(text[:index])
    if start is not None:
        parts.append(text[start:])
    return " … ".join(p for p in parts if p.strip())


def _quoted_opposition(a: Claim, b: Claim) -> frozenset[str]:
    """The predicates on which the quoted words of two claims oppose each other."""
    inside_a = read_claim(quoted(a.text))
    inside_b = read_claim(quoted(b.text))
    if inside_a is None or inside_b is None:
        return frozenset()
    return flipped(inside_a, inside_b) or antonymous(inside_a, inside_b)


def _covered(disputes: list[Dispute], pair: Pair) -> bool:
    """Whether the pair's denying side already denied one of its predicates in the story."""
    (asserting, _), (denying, _) = pair.sides()
    for dispute in disputes:
        if not dispute.predicates & pair.predicates:
            continue
        if dispute.denying.holds(denying.speaker_key, denying.terms):
            return True
        if denying.speaker_key is None and dispute.asserting.holds(
            asserting.speaker_key, asserting.terms
        ):
            return True
    return False


def record(disputes: list[Dispute], detail: dict[str, str]) -> None:
    """Remember a reported contradiction (from its event's detail) in ``disputes``."""
    predicates = set(detail.get("predicates", detail.get("predicate", "")).split())
    side = {"earlier": "earlier", "later": "later"}
    denying = side.get(detail.get("denying", "later"), "later")
    asserting = "earlier" if denying == "later" else "later"
    dispute = Dispute(predicates)
    for camp, name in ((dispute.asserting, asserting), (dispute.denying, denying)):
        key = detail.get(f"{name}_speaker_key", UNKNOWN)
        camp.join(None if key == UNKNOWN else key, frozenset(terms(detail.get(name, ""))))
    for known in disputes:
        if known.predicates & predicates and known.denying.keys & dispute.denying.keys:
            known.predicates |= predicates
            known.asserting.keys |= dispute.asserting.keys
            known.asserting.texts += dispute.asserting.texts
            known.denying.texts += dispute.denying.texts
            return
    disputes.append(dispute)


def find_contradictions(
    knowledge: Knowledge | None,
    analysis: DocAnalysis,
    matches: list[Match] | None,
    known_source: Describe,
) -> Iterator[tuple[str, StoryEvent]]:
    """The contradictions ``analysis`` brings to its story, keyed (see the module notes)."""
    doc = analysis.doc

    def source_of(article_id: int) -> str:
        return doc.source if article_id == doc.article_id else known_source(article_id)

    # A sentence that denies nothing matters only when something denies one of its words:
    # a claim of the story (any sentence), or one of this article (only a voice's sentence:
    # within an article, narration never takes a side).
    # Both compare with the words as written, so a denial of *know* meets "knew".
    here = with_forms(analysis.denied_terms())
    known: Set[str] = frozenset()
    known_forms: Set[str] = frozenset()
    if knowledge is not None:
        known, known_forms = knowledge.denied_terms(), knowledge.denied_forms()
    claims: list[tuple[Claim, bool]] = []
    for i, sentence in enumerate(analysis.sentences):
        if (
            not sentence.settled
            and not (sentence.denies and knowledge is not None)
            and known.isdisjoint(sentence.terms)
            and known_forms.isdisjoint(sentence.terms)
            and (sentence.speaker_key is None or here.isdisjoint(sentence.terms))
        ):
            continue
        claim = claim_of(sentence)
        if claim is not None:
            claims.append((claim, matches is None or not matches[i].agrees))
    pairs: list[tuple[int, Pair]] = []
    # every pair of the article's claims is tested: what each claim's predicates oppose is
    # found once per claim, and a pair with nothing opposed is passed over without building
    # a set (antonymous is non-empty only where these meet the other claim's predicates)
    opposites = [antonyms_of(claim.asserted) for claim, _ in claims]
    for n, (later, fresh) in enumerate(claims):
        if not fresh:
            continue  # a claim the story holds in the same words raises nothing new
        if knowledge is not None:
            for position in sorted(knowledge.opposing(later)):
                earlier_id, earlier = knowledge.fact(position)
                found = judge(earlier, later, same_article=earlier_id == doc.article_id)
                if found:
                    pairs.append((n, _pair(earlier_id, earlier, later, found, position)))
        for m in range(n):
            earlier = claims[m][0]
            if (
                not earlier.denied.isdisjoint(later.asserted)
                or not earlier.asserted.isdisjoint(later.denied)
                or (not opposites[m].isdisjoint(later.asserted) and antonymous(earlier, later))
            ):
                found = judge(earlier, later, same_article=True)
                if found:
                    pairs.append((n, _pair(doc.article_id, earlier, later, found, 1_000_000 + m)))
    # a denial in words first: a pair opposed only through antonyms adds what no denial of
    # the same claim already says ("would stay open" after "is not closing" is one dispute)
    pairs.sort(key=lambda item: (item[1].by_antonym, item[0], item[1].rank))
    disputes = list(knowledge.disputes) if knowledge is not None else []
    used: set[str] = set()
    answered: set[tuple[int, str]] = set()  # earlier articles' claims this one contradicted
    found_count = 0
    for _, pair in pairs:
        if found_count >= MAX_PER_ARTICLE:
            return
        fresh_predicates = pair.predicates - used
        answers = (pair.earlier_id, pair.earlier.text)
        if not fresh_predicates or answers in answered or _covered(disputes, pair):
            continue
        if pair.by_antonym and not pair.predicates.isdisjoint(used):
            continue  # "would stay open" after this article's "is not closing"
        if pair.earlier_id != doc.article_id:
            # one article answering an earlier article's claim twice ("the claim was false",
            # then "every ballot was counted") is one contradiction for the reader; voices of
            # one article answering a claim made in it stay apart (the seed's letter,
            # answered by Esper and by Milley)
            answered.add(answers)
        used |= pair.predicates
        found_count += 1
        key, event = _event(pair, min(fresh_predicates), doc.article_id, doc.source, source_of)
        record(disputes, event.detail)
        yield key, event


def _pair(
    earlier_id: int, earlier: Claim, later: Claim, predicates: frozenset[str], position: int
) -> Pair:
    quoted = 0 if earlier.direct else 1 if earlier.speaker_key else 2
    rank = (quoted, -len(earlier.terms & later.terms), position)
    return Pair(earlier_id, earlier, later, predicates, rank, not flipped(earlier, later))


def _event(
    pair: Pair, predicate: str, article_id: int, source: str, source_of: Describe
) -> tuple[str, StoryEvent]:
    earlier, later = pair.earlier, pair.later
    sides = (earlier.speaker_key or UNKNOWN, later.speaker_key or UNKNOWN)
    (_, asserting_is_earlier), _ = pair.sides()
    key = "c:" + predicate + ":" + _digest("|".join(sorted(sides)))
    return (
        key,
        StoryEvent(
            kind="contradiction",
            text=f"{earlier.speaker or source_of(pair.earlier_id)}: "
            f"{said(earlier, pair.predicates)} — "
            f"{later.speaker or source}: {said(later, pair.predicates)}",
            article_ids=tuple(dict.fromkeys((pair.earlier_id, article_id))),
            detail={
                "key": key,
                "predicate": predicate,
                "predicates": " ".join(sorted(pair.predicates)),
                "denying": "later" if asserting_is_earlier else "earlier",
                "earlier": earlier.display,
                "later": later.display,
                "earlier_speaker": earlier.speaker or "",
                "later_speaker": later.speaker or "",
                "earlier_speaker_key": sides[0],
                "later_speaker_key": sides[1],
                "earlier_source": source_of(pair.earlier_id),
                "later_source": source,
            },
        ),
    )


def said(claim: Claim, predicates: frozenset[str] = frozenset()) -> str:
    """A claim as an event shows it: a quote's own words in quotation marks when they hold
    what is contradicted, any other sentence as written."""
    if claim.direct:
        words = quoted(claim.display).strip(" ,")
        inside = {SYNONYMS.get(t, t) for t in terms(words)}
        if words and (not predicates or inside & predicates):
            return f"“{words}”"
    return claim.display.strip()
