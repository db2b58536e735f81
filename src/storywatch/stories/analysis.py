"""Read one article once into everything the story parts compare (a :class:`DocAnalysis`).

Each later part (clustering, novelty, contradictions, revisions, the timeline) works on
these values instead of re-reading the text, so ``decide`` reads an article exactly once
and ``apply`` reuses the same reading.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from storywatch.model import Statement
from storywatch.stories.text import (
    STOPWORDS,
    canonical_aliases,
    fold,
    names,
    parse_numbers,
    sentences,
    stem,
    terms,
    words,
    wordset,
)
from storywatch.stories.types import StoryDoc

TITLE_WEIGHT = 2.0
NAME_WEIGHT = 1.0
ENTITY_WEIGHT = 1.0
LEAD_CHARS = 600


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    terms: frozenset[str]


@dataclass(frozen=True, slots=True)
class Claim:
    """A sentence read for polarity: which predicate words it asserts and which it denies."""

    text: str
    speaker: str | None
    terms: frozenset[str]
    asserted: frozenset[str]
    denied: frozenset[str]


@dataclass(frozen=True, slots=True)
class NumberFact:
    """A number as the text states it, with the words around it (T4, T5 revisions).

    ``previous`` is the earlier value the same sentence names ("nine, up from six").
    ``revised`` says the sentence words it as a change ("rose to", "revised").
    """

    value: float
    phrase: str
    unit: str | None
    near: frozenset[str]
    context: frozenset[str]
    sentence: str
    previous: float | None = None
    revised: bool = False


@dataclass(frozen=True, slots=True)
class DocAnalysis:
    doc: StoryDoc
    features: dict[str, float]
    surfaces: dict[str, str]
    sentences: tuple[Sentence, ...]
    statements: tuple[tuple[Statement, frozenset[str]], ...]
    numbers: tuple[NumberFact, ...]
    claims: tuple[Claim, ...]
    corrections: tuple[str, ...]


def analyse(doc: StoryDoc) -> DocAnalysis:
    """Everything the story parts need from one article, computed once."""
    features, surfaces = _features(doc)
    sents = sentences(doc.text)
    sentence_values = tuple(Sentence(s, frozenset(terms(s))) for s in sents)
    statements = tuple((st, frozenset(terms(st.text))) for st in doc.statements if st.text)
    speakers = _speakers_by_sentence(doc.text, sents, doc.statements)
    claims = tuple(
        claim
        for s, speaker in zip(sents, speakers, strict=True)
        if (claim := read_claim(s, speaker)) is not None
    )
    numbers = tuple(fact for s in sents for fact in number_facts(s))
    corrections = tuple(s for s in sents if is_correction(s))
    return DocAnalysis(
        doc, features, surfaces, sentence_values, statements, numbers, claims, corrections
    )


def _features(doc: StoryDoc) -> tuple[dict[str, float], dict[str, str]]:
    """Clustering features: stemmed terms (title and lead weigh more), names, entity keys."""
    counts: defaultdict[str, float] = defaultdict(float)
    surfaces: dict[str, str] = {}
    for part, weight in ((doc.title, TITLE_WEIGHT), (doc.text[:LEAD_CHARS], 1.0)):
        for term in terms(part):
            counts[term] += weight
    for term in terms(doc.text[LEAD_CHARS:]):
        counts[term] += 1.0
    for word in words(f"{doc.title}\n{doc.text[:LEAD_CHARS]}"):
        if word not in STOPWORDS:
            surfaces.setdefault(stem(word), word)
    for name in names(f"{doc.title}\n{doc.text}"):
        key = "n:" + name
        counts[key] += NAME_WEIGHT
        surfaces.setdefault(key, name.title())
    for entity in doc.entities:
        key = "e:" + entity.key
        counts[key] += ENTITY_WEIGHT * min(entity.count, 3)
        surfaces[key] = entity.name
    return dict(counts), surfaces


def _speakers_by_sentence(
    text: str, sents: list[str], statements: tuple[Statement, ...]
) -> list[str | None]:
    """The speaker of the statement each sentence overlaps, when the pipeline gave one."""
    if not statements:
        return [None] * len(sents)
    spans: list[tuple[int, int]] = []
    cursor = 0
    for s in sents:
        start = text.find(s, cursor)
        if start < 0:
            start = cursor
        spans.append((start, start + len(s)))
        cursor = start + len(s)
    out: list[str | None] = []
    for start, end in spans:
        speaker = None
        for st in statements:
            if st.speaker and st.start < end and st.end > start:
                speaker = st.speaker_key or st.speaker
                break
        out.append(speaker)
    return out


# ---------------------------------------------------------------- polarity (T5)

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’\-]*|\d[\d,.]*|[,;:—–()?!]")
_CLAUSE_BREAK = frozenset(",;:—–()?!")
_NEGATION_CUES = wordset(
    "not no never nobody nothing none neither nor cannot without denied denies deny "
    "denying rejected rejects refused refuses"
)
_NOT_NEGATING = (
    "no less than",
    "no more than",
    "not only",
    "not just",
    "no doubt",
    "no later than",
    "no sooner",
    "nothing but",
)
_BOILERPLATE = re.compile(
    r"did not (?:immediately )?respond|declined to comment|not authori[sz]ed|"
    r"asked not to be (?:named|identified)|could not be reached|not immediately|"
    r"would not comment|did not return|no comment|did not reply",
    re.IGNORECASE,
)
NEGATION_SCOPE = 3
_TOPICAL = wordset(
    "regarding about concerning over on into amid despite after before following "
    "toward towards against"
)
_CARRY_NEGATION = frozenset(
    stem(w)
    for w in wordset(
        "need needs want wants plan plans intend intends expect expects seek",
        "seeks try tries going able allowed required",
    )
)


def read_claim(sentence: str, speaker: str | None = None) -> Claim | None:
    """Which words a sentence asserts and which it denies; None for boilerplate denials.

    A negation cue ("not", "no", "never", "nobody", "denied", an "n't" verb) denies the first
    content word after it in the same clause, and the word after that too when the first is
    a verb of wanting or needing: "is not withdrawing" denies "withdraw", "nobody needs to
    leave" denies "need" and "leave", "will not hold discussions about withdrawal" denies
    only "hold". The rest of a negated clause is neither asserted nor denied ("not to
    discuss troop withdrawal" asserts no withdrawal), and so are the words of a topical
    phrase ("a letter regarding troop withdrawal" asserts the letter, not a withdrawal).
    Capitalised words (names) are never predicates.
    """
    if _BOILERPLATE.search(sentence):
        return None
    text = canonical_aliases(sentence)
    lowered = fold(text).replace("’", "'")
    for phrase in _NOT_NEGATING:
        if phrase in lowered:
            text = re.sub(re.escape(phrase), "about", text, flags=re.IGNORECASE)
    asserted: set[str] = set()
    denied: set[str] = set()
    all_terms: set[str] = set()
    scope = 0  # how many more content words the last cue denies
    distance = 99
    topical = 0  # content words left in a topical phrase ("regarding troop withdrawal")
    for raw in _TOKEN.findall(text):
        if raw in _CLAUSE_BREAK:
            scope, distance, topical = 0, 99, 0
            continue
        word = fold(raw).replace("’", "'")
        if word.endswith("n't") or word in _NEGATION_CUES:
            scope, distance = 1, 0
            continue
        if word in _TOPICAL and distance > 90:
            topical = 3
            continue
        distance += 1
        if word.endswith("'s"):
            word = word[:-2]
        if word in STOPWORDS or len(word) < 3 or word[0].isdigit():
            continue
        term = stem(word.strip("'-"))
        all_terms.add(term)
        if raw[0].isupper():
            continue
        if scope > 0 and distance <= NEGATION_SCOPE + 1:
            denied.add(term)
            scope -= 1
            if term in _CARRY_NEGATION:
                scope, distance = 1, 0
        elif topical > 0:
            topical -= 1
        elif distance > 90:
            asserted.add(term)
        # else: the rest of a negated clause is neither asserted nor denied
    if not (asserted or denied):
        return None
    return Claim(sentence, speaker, frozenset(all_terms), frozenset(asserted), frozenset(denied))


# ---------------------------------------------------------------- numbers (T4, T5)

_REVISION_CUES = re.compile(
    r"\b(?:revised|revising|rose|risen|rising|climbed|increased|jumped|grew|fell|dropped|"
    r"declined|decreased|lowered|raised|corrected|updated|up from|down from|now stands)\b",
    re.IGNORECASE,
)
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:the\s+|an?\s+|about\s+|some\s+)*$", re.IGNORECASE)
_UNIT_SKIP = frozenset({"about", "some", "nearly", "more", "than", "least", "of", "the"})


def number_facts(sentence: str) -> list[NumberFact]:
    """The numbers a sentence states, each with its unit word and the words around it."""
    found = parse_numbers(sentence)
    if not found:
        return []
    context = frozenset(terms(sentence))
    revised = bool(_REVISION_CUES.search(sentence))
    olds: dict[int, bool] = {}
    for index, (_, start, _end) in enumerate(found):
        olds[index] = bool(_FROM_BEFORE.search(sentence[max(0, start - 24) : start]))
    facts: list[NumberFact] = []
    for index, (value, start, end) in enumerate(found):
        if olds[index] and len(found) > 1:
            continue  # stated as the old value of another number in this sentence
        previous = None
        for other, (other_value, _, _) in enumerate(found):
            if other != index and olds[other]:
                previous = other_value
                break
        after = [w for w in re.findall(r"[A-Za-z]+", sentence[end : end + 40]) if w]
        unit_words = [w.lower() for w in after if w.lower() not in _UNIT_SKIP][:2]
        unit = stem(unit_words[0]) if unit_words else None
        before = sentence[max(0, start - 40) : start]
        near = frozenset(terms(before)[-3:] + terms(" ".join(after[:4])))
        phrase = (sentence[start:end] + " " + " ".join(after[:2])).strip()
        facts.append(
            NumberFact(
                value=value,
                phrase=phrase,
                unit=unit,
                near=near,
                context=context,
                sentence=sentence,
                previous=previous,
                revised=revised or previous is not None,
            )
        )
    return facts


# ---------------------------------------------------------------- corrections (T5)

_CORRECTION = re.compile(
    r"\b(?:an?|the) (?:earlier|previous|prior) version of this (?:article|story|report)|"
    r"^\s*(?:correction|clarification|editor'?s note)\s*[:.—-]|"
    r"\bthis (?:article|story|report) (?:has been|was) (?:corrected|updated to correct|amended)|"
    r"\bcorrected (?:to reflect|to show|to say)|\bwe regret the error\b|"
    r"\bincorrectly (?:stated|reported|said|identified)\b|\bmisstated\b",
    re.IGNORECASE,
)


def is_correction(sentence: str) -> bool:
    """Whether a sentence is a newsroom's correction notice."""
    return bool(_CORRECTION.search(sentence))
