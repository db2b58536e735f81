"""Read one article once into everything the story parts compare (a :class:`DocAnalysis`).

Each later part (clustering, novelty, contradictions, revisions, the timeline) works on
these values instead of re-reading the text, so ``decide`` reads an article exactly once
and ``apply`` reuses the same reading.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, fields, replace
from itertools import chain
from typing import Any

import numpy as np
import numpy.typing as npt

from storywatch.model import Statement
from storywatch.stories.claims import (
    TRUTH_PREDICATES,
    Claim,
    focus_term,
    may_deny,
    quick_claim,
    read_claim,
)
from storywatch.stories.dedup import shingle_hashes, words_hash
from storywatch.stories.numbers import NumberFact, number_facts
from storywatch.stories.text import (
    TERMS,
    content_terms,
    names,
    reading_units,
    sentence_words,
    terms,
    words,
)
from storywatch.stories.types import StoryDoc

TITLE_WEIGHT = 2.0
NAME_WEIGHT = 1.0
ENTITY_WEIGHT = 0.5
LEAD_CHARS = 600


@dataclass(slots=True)
class Sentence:
    """One sentence: its text, its terms, who says it, and its claim.

    A voice's sentence that could deny something (a negation, verdict or refutation word)
    is read for its claim at once (``settled``): the article's own contradictions need it.
    Any other sentence is read on demand by :func:`claim_of`: one that can only *assert*
    matters only when some denial meets one of its words, which is rare, and narration
    that denies matters only against the story's other articles (a third of the stage's
    time went to reading claims no rule ever looked at). Treat it as a value.
    """

    text: str
    terms: frozenset[str]
    claim: Claim | None = None
    speaker: str | None = None
    speaker_key: str | None = None
    direct: bool = False
    settled: bool = True
    denies: bool = False  # it has a word that can make it deny (see claims.may_deny)
    shown: str = ""  # the whole sentence, when this is a part of a quotation (else "")

    @property
    def display(self) -> str:
        """What a person is shown for this sentence: the whole sentence it belongs to."""
        return self.shown or self.text


def claim_of(sentence: Sentence) -> Claim | None:
    """The sentence's claim, read now if it was left for later (then kept)."""
    if not sentence.settled:
        sentence.claim = read_plain(
            sentence.text, sentence.speaker, sentence.speaker_key, sentence.direct
        )
        if sentence.shown and sentence.claim is not None:
            sentence.claim = replace(sentence.claim, shown=sentence.shown)
        sentence.settled = True
    return sentence.claim


def read_plain(
    text: str, speaker: str | None, speaker_key: str | None, direct: bool
) -> Claim | None:
    """The claim of a sentence left for later (see :func:`claim_of`)."""
    return quick_claim(text, words(text), speaker, speaker_key, direct=direct)


@dataclass(frozen=True, slots=True)
class DocAnalysis:
    doc: StoryDoc
    features: dict[str, float]
    sentences: tuple[Sentence, ...]
    statements: tuple[tuple[Statement, frozenset[str]], ...]
    numbers: tuple[NumberFact, ...]
    corrections: tuple[str, ...]

    @property
    def claims(self) -> tuple[Claim, ...]:
        """Every claim of the article (reads the ones left for later)."""
        return tuple(c for s in self.sentences if (c := claim_of(s)) is not None)

    def denied_terms(self) -> frozenset[str]:
        """Everything the article's claims deny, in words."""
        return frozenset(
            t for s in self.sentences if s.settled and s.claim is not None for t in s.claim.denied
        )


@dataclass(frozen=True, slots=True)
class Words:
    """An article's reading units (:func:`~storywatch.stories.text.reading_units`), the
    folded words of each, and the whole sentence each belongs to: the first, cheap reading.
    """

    texts: list[str]
    words: list[list[str]]
    shown: list[str]

    @property
    def sentences(self) -> list[str]:
        """The whole sentences, in order, each once (what a person is shown)."""
        shown = self.shown
        return [s for i, s in enumerate(shown) if not i or s is not shown[i - 1]]


def read_words(text: str) -> Words:
    units, shown = reading_units(text)
    return Words(units, sentence_words(text, units), shown)


@dataclass(frozen=True, slots=True)
class TextReading:
    """Everything the engine reads from an article's title and text alone.

    It depends on nothing else (not the understanding, not earlier articles), so the process
    stage makes it in its worker processes beside understanding (``pipeline.work``) and the
    engine's one process only adds what depends on the people quoted and the known
    identities (:func:`analyse`). It is sent between processes as plain values
    (``__reduce__``): unpickling dataclasses field by field cost half of computing them.
    ``grams`` are the text's shingle hashes (:func:`~storywatch.stories.dedup.shingle_hashes`),
    the costly half of its MinHash sketch. The words themselves stay in the worker: making
    them again as strings here would cost as much as reading them.
    """

    title: str
    length: int  # of the text read: a reading only fits the document it was made from
    units: list[str]  # reading units and the whole sentence of each, as in :class:`Words`
    shown: list[str]
    terms: tuple[frozenset[str], ...]
    features: dict[str, float]  # terms, title terms and names; entity keys come later
    corrections: tuple[str, ...]
    denies: tuple[bool, ...]
    numbers: tuple[NumberFact, ...]
    spans: tuple[tuple[int, int], ...]
    digest: str | None
    grams: npt.NDArray[np.uint32]
    claims: dict[int, Claim | None]  # unit -> its claim, for the units a voice may deny in
    said: dict[str, frozenset[str]]  # a statement's text -> its terms

    @property
    def sentences(self) -> list[str]:
        """The whole sentences, in order, each once (:attr:`Words.sentences`)."""
        return Words(self.units, [], self.shown).sentences

    def fits(self, doc: StoryDoc) -> bool:
        """Whether this is the reading of ``doc``'s title and text."""
        return self.length == len(doc.text) and self.title == doc.title

    def __reduce__(self) -> tuple[Any, ...]:
        values = [getattr(self, name) for name in _READING_FIELDS]
        values[_GRAMS] = self.grams.tobytes()
        return (_rebuild, tuple(values))


def _rebuild(*values: Any) -> TextReading:
    """A :class:`TextReading` from the plain values its ``__reduce__`` gave (the shingle
    hashes as bytes)."""
    fields_ = list(values)
    fields_[_GRAMS] = np.frombuffer(fields_[_GRAMS], dtype=np.uint32)
    return TextReading(*fields_)


_READING_FIELDS = tuple(f.name for f in fields(TextReading))
_GRAMS = _READING_FIELDS.index("grams")


def read_text(
    title: str,
    text: str,
    read: Words | None = None,
    statements: tuple[Statement, ...] = (),
) -> TextReading:
    """The part of :func:`analyse` that needs only the title and the text (see
    :class:`TextReading`); ``read`` is :func:`read_words` of the text, if made already.

    With the article's ``statements`` it also reads, ahead, what :func:`analyse` will need
    of them: the claim of each unit a voice may deny in (a claim's reading does not depend
    on who says it; :func:`analyse` adds the speaker) and each statement's terms. Whatever
    is not read ahead is read there, so a reading made with other statements (people
    mapped to other identities since) still gives the same analysis.
    """
    if read is None:
        read = read_words(text)
    sents, sentence_words, shown = read.texts, read.words, read.shown
    term_lists = [content_terms(ws) for ws in sentence_words]
    sentence_terms = tuple(frozenset(ts) for ts in term_lists)
    corrections = tuple(s for s in sents if is_correction(s))
    denies = tuple(may_deny(s, ws) for s, ws in zip(sents, sentence_words, strict=True))
    numbers = tuple(
        replace(fact, sentence=whole) if whole is not s else fact
        for s, ws, ts, whole in zip(sents, sentence_words, sentence_terms, shown, strict=True)
        for fact in number_facts(s, context=ts, words=ws)
    )
    folded = list(chain.from_iterable(sentence_words))
    spans = _spans(text, sents)
    claims: dict[int, Claim | None] = {}
    said: dict[str, frozenset[str]] = {}
    if statements:
        speakers = _speakers_by_sentence(spans, statements)
        for i, (s, (_speaker, key, _direct), deny) in enumerate(
            zip(sents, speakers, denies, strict=True)
        ):
            if deny and key is not None and s not in corrections:
                claims[i] = read_claim(s)
        said = {st.text: frozenset(terms(st.text)) for st in statements if st.text}
    return TextReading(
        title,
        len(text),
        sents,
        shown,
        sentence_terms,
        _text_features(title, text, term_lists),
        corrections,
        denies,
        numbers,
        spans,
        words_hash(folded),
        shingle_hashes(folded),
        claims,
        said,
    )


def analyse(doc: StoryDoc, reading: TextReading | None = None) -> DocAnalysis:
    """Everything the story parts need from one article, computed once.

    ``reading`` is :func:`read_text` of the title and text, when the caller has it already
    (made in a worker process, or for the engine's exact-copy test); this adds what depends
    on the statements and the entities' keys.
    """
    if reading is None or not reading.fits(doc):
        reading = read_text(doc.title, doc.text)
    sents, shown = reading.units, reading.shown
    sentence_terms = reading.terms
    features = dict(reading.features)
    for entity in doc.entities:
        feature = "e:" + entity.key
        features[feature] = features.get(feature, 0.0) + ENTITY_WEIGHT * min(entity.count, 3)
    corrections = reading.corrections
    said = reading.said
    statements = tuple(
        (st, said.get(st.text) or frozenset(terms(st.text)))
        for st in doc.statements
        if st.text and not any(st.text[:40] in c for c in corrections)
    )
    claims = reading.claims
    speakers = _speakers_by_sentence(reading.spans, doc.statements)
    values: list[Sentence] = []
    for i, (s, ts, (speaker, key, direct), whole, denies) in enumerate(
        zip(sents, sentence_terms, speakers, shown, reading.denies, strict=True)
    ):
        part = "" if whole is s else whole
        if corrections and s in corrections:
            claim = None  # a correction notice restates the error it corrects
        elif denies and key is not None:
            if i in claims:  # read ahead, nobody's: the speaker is added here
                claim = claims[i]
                if claim is not None:
                    claim = replace(
                        claim, speaker=speaker, speaker_key=key, direct=direct, shown=part
                    )
            else:
                claim = read_claim(s, speaker, key, direct=direct)
                if part and claim is not None:
                    claim = replace(claim, shown=part)
        else:
            values.append(Sentence(s, ts, None, speaker, key, direct, False, denies, part))
            continue
        values.append(Sentence(s, ts, claim, speaker, key, direct, shown=part))
    for i, value in enumerate(values):
        claim = value.claim
        # a pronoun subject refers to the sentence before, when the same voice says both
        if claim is not None and claim.anaphora and i and speakers[i - 1][1] == claim.speaker_key:
            value.claim = _resolve(claim, sents[i - 1], sentence_terms[i - 1])
    return DocAnalysis(
        doc,
        features,
        tuple(values),
        statements,
        reading.numbers,
        corrections,
    )


def _resolve(claim: Claim, antecedent: str, antecedent_terms: frozenset[str]) -> Claim:
    """A claim with a pronoun subject, about what the sentence before it said.

    It borrows that sentence's words as its topic; a lone pronoun said not to be so ("That
    is not what's happening", "That is false") also denies what that sentence was about
    (its last content word: "implies withdrawal" -> *withdrawal*).
    """
    implied: frozenset[str] = frozenset()
    said_not_so = claim.denied | claim.implied
    if claim.anaphora == "bare" and said_not_so and said_not_so <= TRUTH_PREDICATES:
        focus = focus_term(antecedent)
        if focus is not None:
            implied = frozenset((focus,))
    return claim.lend(antecedent_terms, implied)


def _text_features(title: str, text: str, term_lists: list[list[str]]) -> dict[str, float]:
    """Clustering features of the title and text: stemmed terms (title terms weigh double)
    and names (:func:`analyse` adds the entity keys)."""
    counts: dict[str, float] = dict(Counter(chain.from_iterable(term_lists)))
    for term in content_terms(words(title)):
        counts[term] = counts.get(term, 0.0) + TITLE_WEIGHT
    for name in names(f"{title}\n{text}"):
        key = "n:" + name
        counts[key] = counts.get(key, 0.0) + NAME_WEIGHT
    return counts


def surfaces(analysis: DocAnalysis, features: Iterable[str]) -> dict[str, str]:
    """How ``features`` read to a person: a term as its word in the title or lead, a name
    in title case, an entity by its name. Computed only for the few features a join shows.
    """
    wanted = set(features)
    shown: dict[str, str] = {}
    doc = analysis.doc
    for entity in doc.entities:
        key = "e:" + entity.key
        if key in wanted:
            shown[key] = entity.name
    lead: list[str] = [doc.title]
    length = 0
    for sentence in analysis.sentences:
        if length >= LEAD_CHARS:
            break
        lead.append(sentence.text)
        length += len(sentence.text)
    for chunk in lead:
        for word in words(chunk):
            term = TERMS[word]
            if term in wanted:
                shown.setdefault(term, word)
    for feature in wanted:
        if feature.startswith("n:"):
            shown.setdefault(feature, feature[2:].title())
        shown.setdefault(feature, feature[2:] if feature.startswith("e:") else feature)
    return shown


def _spans(text: str, sents: list[str]) -> tuple[tuple[int, int], ...]:
    """Where each of ``sents`` lies in ``text`` (found in order)."""
    spans: list[tuple[int, int]] = []
    cursor = 0
    for s in sents:
        start = text.find(s, cursor)
        if start < 0:
            start = cursor
        spans.append((start, start + len(s)))
        cursor = start + len(s)
    return tuple(spans)


def _speakers_by_sentence(
    spans: tuple[tuple[int, int], ...], statements: tuple[Statement, ...]
) -> list[tuple[str | None, str | None, bool]]:
    """Speaker name and key of the statements each sentence overlaps, and if one is direct.

    The spans come in text order (starts and ends never decrease: :func:`_spans`), so one
    sweep over the statements by start keeps those open over the current span, instead of
    testing every statement against every sentence. The first is the earliest in
    ``statements`` order, as a scan of them in order would find it."""
    if not statements:
        return [(None, None, False)] * len(spans)
    spoken = sorted((st.start, i, st) for i, st in enumerate(statements) if st.speaker)
    out: list[tuple[str | None, str | None, bool]] = []
    active: list[tuple[int, Statement]] = []  # started before the span's end, by index
    taken = 0
    for start, end in spans:
        while taken < len(spoken) and spoken[taken][0] < end:
            active.append(spoken[taken][1:])
            taken += 1
        if active:
            # a statement that ends before this span ends before every later one too
            active = [item for item in active if item[1].end > start]
        if active:
            first = min(active)[1]
            direct = any(st.kind == "direct" for _, st in active)
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


def is_correction(sentence: str) -> bool:
    """Whether a sentence is a newsroom's correction notice."""
    lowered = sentence.lower()
    # plain substring tests first: they rule out nearly every sentence for little
    hinted = (
        "version" in lowered
        or "correct" in lowered
        or "clarif" in lowered
        or "editor" in lowered
        or "misstat" in lowered
        or "regret" in lowered
    )
    return hinted and _CORRECTION.search(sentence) is not None
