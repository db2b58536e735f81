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
from storywatch.stories.claims import Claim, quick_claim
from storywatch.stories.numbers import NumberFact, number_facts
from storywatch.stories.text import (
    STOPWORDS,
    names,
    sentences,
    stem,
    terms,
    words,
)
from storywatch.stories.types import StoryDoc

TITLE_WEIGHT = 2.0
NAME_WEIGHT = 1.0
ENTITY_WEIGHT = 0.5
LEAD_CHARS = 600
LEAD_WEIGHT = 1.0


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    terms: frozenset[str]


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
    words: tuple[str, ...]


def analyse(doc: StoryDoc) -> DocAnalysis:
    """Everything the story parts need from one article, computed once."""
    sents = sentences(doc.text)
    sentence_words = [words(s) for s in sents]
    sentence_terms = [
        [stem(w) for w in ws if w not in STOPWORDS and len(w) > 1] for ws in sentence_words
    ]
    features, surfaces = _features(doc, sentence_words, sentence_terms)
    sentence_values = tuple(
        Sentence(s, frozenset(ts)) for s, ts in zip(sents, sentence_terms, strict=True)
    )
    corrections = tuple(s for s in sents if is_correction(s))
    statements = tuple(
        (st, frozenset(terms(st.text)))
        for st in doc.statements
        if st.text and not any(st.text[:40] in c for c in corrections)
    )
    speakers = _speakers_by_sentence(doc.text, sents, doc.statements)
    claims = tuple(
        claim
        for s, ws, (speaker, key, direct) in zip(sents, sentence_words, speakers, strict=True)
        if (claim := quick_claim(s, ws, speaker, key, direct=direct)) is not None
    )
    numbers = tuple(
        fact
        for s, ws in zip(sentence_values, sentence_words, strict=True)
        for fact in number_facts(s.text, context=s.terms, words=ws)
    )
    return DocAnalysis(
        doc,
        features,
        surfaces,
        sentence_values,
        statements,
        numbers,
        claims,
        corrections,
        tuple(w for ws in sentence_words for w in ws),
    )


def _features(
    doc: StoryDoc, sentence_words: list[list[str]], sentence_terms: list[list[str]]
) -> tuple[dict[str, float], dict[str, str]]:
    """Clustering features: stemmed terms (title and lead weigh more), names, entity keys."""
    counts: defaultdict[str, float] = defaultdict(float)
    surfaces: dict[str, str] = {}
    title_words = words(doc.title)
    for word in title_words:
        if word not in STOPWORDS and len(word) > 1:
            term = stem(word)
            counts[term] += TITLE_WEIGHT
            surfaces.setdefault(term, word)
    seen_chars = 0
    for ws, ts in zip(sentence_words, sentence_terms, strict=True):
        in_lead = seen_chars < LEAD_CHARS
        weight = LEAD_WEIGHT if in_lead else 1.0
        for term in ts:
            counts[term] += weight
        if in_lead:
            for word in ws:
                if word not in STOPWORDS:
                    surfaces.setdefault(stem(word), word)
        seen_chars += sum(len(w) + 1 for w in ws)
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
) -> list[tuple[str | None, str | None, bool]]:
    """Speaker name and key of the statements each sentence overlaps, and if one is direct."""
    if not statements:
        return [(None, None, False)] * len(sents)
    spans: list[tuple[int, int]] = []
    cursor = 0
    for s in sents:
        start = text.find(s, cursor)
        if start < 0:
            start = cursor
        spans.append((start, start + len(s)))
        cursor = start + len(s)
    out: list[tuple[str | None, str | None, bool]] = []
    for start, end in spans:
        overlapping = [st for st in statements if st.speaker and st.start < end and st.end > start]
        if overlapping:
            first = overlapping[0]
            direct = any(st.kind == "direct" for st in overlapping)
            out.append((first.speaker, first.speaker_key or first.speaker, direct))
        else:
            out.append((None, None, False))
    return out


# ---------------------------------------------------------------- corrections (T5)

_CORRECTION = re.compile(
    r"\b(?:an?|the) (?:earlier|previous|prior) version of this (?:article|story|report)|"
    r"^\s*(?:correction|clarification|editor'?s note)\s*[:.—-]|"
    r"\bthis (?:article|story|report) (?:has been|was) (?:corrected|updated to correct|amended)|"
    r"\bcorrected (?:to reflect|to show|to say)|\bwe regret the error\b|"
    r"\bincorrectly (?:stated|reported|said|identified)\b|\bmisstated\b",
    re.IGNORECASE,
)


_CORRECTION_HINTS = ("version", "correct", "clarif", "editor", "misstat", "regret")


def is_correction(sentence: str) -> bool:
    """Whether a sentence is a newsroom's correction notice."""
    lowered = sentence.lower()
    if not any(hint in lowered for hint in _CORRECTION_HINTS):
        return False
    return bool(_CORRECTION.search(sentence))
