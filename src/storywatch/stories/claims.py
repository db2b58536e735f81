"""Claims: sentences read for polarity, the raw material of contradictions (T5).

A claim records which predicate words a sentence asserts and which it denies. The rules are
shallow on purpose (no parser, no model), and each one is written for a pattern that news
prose uses to deny something:

- a negation cue ("not", "no", "never", "nobody", "denied", an "n't" verb) denies the first
  content word after it in the same clause, and the next one too when the first is a verb
  of wanting or needing: "is not withdrawing" denies *withdraw*, "nobody needs to leave"
  denies *need* and *leave*, "will not hold discussions about withdrawal" only *hold*;
- the rest of a negated clause is neither asserted nor denied ("not to discuss troop
  withdrawal" asserts no withdrawal), nor are the words of a topical phrase ("a letter
  regarding troop withdrawal") or of a conditional ("if those declarations were false");
- a verdict after a copula denies the clause before it: "that declaration was wrong"
  denies *declaration*;
- capitalised words (names) and words of time ("days", "tonight") are never predicates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storywatch.stories.text import STOPWORDS, ascii_text, canonical_aliases, stem, wordset


@dataclass(frozen=True, slots=True)
class Claim:
    """A sentence read for polarity.

    ``speaker``/``speaker_key`` come from the understanding stage's statements overlapping
    the sentence (None when nobody is quoted); ``direct`` says one of them is a direct
    quote.
    """

    text: str
    speaker: str | None
    speaker_key: str | None
    terms: frozenset[str]
    asserted: frozenset[str]
    denied: frozenset[str]
    direct: bool = False


_TOKEN = re.compile(r"[A-Za-z][A-Za-z'\-]*|\d[\d,.]*|[,;:()?!]|(?<!\S)-+(?!\S)")
_CLAUSE_BREAK = frozenset(",;:()?!")
_NEGATION_CUES = wordset(
    "not no never nobody nothing none neither nor cannot without denied denies deny",
    "denying rejected rejects refused refuses",
)
_VERDICTS = wordset("wrong false untrue incorrect inaccurate mistaken erroneous baseless")
_COPULAS = wordset("is are was were be been being")
_CONDITIONAL = wordset("if unless whether")
_NOT_NEGATING = re.compile(
    r"\b(?:no less than|no more than|not only|not just|no doubt|no later than|no sooner|"
    r"nothing but)\b",
    re.IGNORECASE,
)
#: "reports that X", "denied claims that X": X is what others say, not what this sentence says.
_HEARSAY = re.compile(
    r"\b(?:reports?|claims?|rumou?rs?|allegations?|suggestions?|speculation|accusations?)"
    r" that\b",
    re.IGNORECASE,
)
_BOILERPLATE = re.compile(
    r"(?:who )?(?:asked|spoke on condition) not to be (?:named|identified)|"
    r"(?:because (?:he|she|they) (?:was|were) )?not authori[sz]ed to [a-z]+(?: publicly)?|"
    r"did not (?:immediately )?(?:respond|return|reply)[^.,;]*|declined to comment|"
    r"could not be reached[^.,;]*|would not comment[^.,;]*|no comment",
    re.IGNORECASE,
)
_BOILERPLATE_HINTS = ("not", "comment", "declin", "reached", "reply", "respond")
NEGATION_SCOPE = 3
_TOPICAL = wordset("regarding about concerning amid despite")
_CLAUSE_START = wordset("that which who whom whose")
_CARRY_NEGATION = frozenset(
    stem(w)
    for w in wordset(
        "need needs want wants plan plans intend intends expect expects seek",
        "seeks try tries going able allowed required",
    )
)
#: Words that are never the predicate of a contradiction: time, quantity, filler.
NOT_PREDICATES = frozenset(
    stem(w)
    for w in wordset(
        "day days week weeks month months year years hour hours minute minutes morning",
        "mornings evening evenings night nights tonight afternoon time times people person",
        "thing things way ways part parts lot lots one two three four five six seven eight",
        "nine ten hundred thousand million billion first second third last next",
        "early earlier later",
    )
)


def read_claim(
    sentence: str,
    speaker: str | None = None,
    speaker_key: str | None = None,
    *,
    direct: bool = False,
) -> Claim | None:
    """What ``sentence`` asserts and denies (see the module notes); None if nothing."""
    lowered = sentence.lower()
    if any(hint in lowered for hint in _BOILERPLATE_HINTS):
        sentence_for_polarity = _BOILERPLATE.sub(" ", sentence)
    else:
        sentence_for_polarity = sentence
    text = ascii_text(canonical_aliases(sentence_for_polarity))
    if _NOT_NEGATING.search(text):
        text = _NOT_NEGATING.sub("about", text)
    if _HEARSAY.search(text):
        text = _HEARSAY.sub("if", text)
    asserted: set[str] = set()
    denied: set[str] = set()
    all_terms: set[str] = set()
    clause: list[str] = []  # terms asserted since the last clause break
    scope = 0  # how many more content words the last cue denies
    distance = 99
    topical = 0  # content words left in a topical phrase ("regarding troop withdrawal")
    hypothetical = False
    last_word = ""
    for raw in _TOKEN.findall(text):
        if raw in _CLAUSE_BREAK or raw[0] == "-":
            scope, distance, topical, hypothetical, clause = 0, 99, 0, False, []
            continue
        word = raw.lower()
        previous, last_word = last_word, word
        if word.endswith("n't") or word in _NEGATION_CUES:
            scope, distance = 1, 0
            continue
        if word in _CONDITIONAL:
            hypothetical = True
            continue
        if word in _VERDICTS and previous in _COPULAS and not hypothetical:
            for term in clause:
                asserted.discard(term)
                denied.add(term)
            clause = []
            continue
        if word in _TOPICAL and distance > 90:
            topical = 3
            continue
        if word in _CLAUSE_START:
            topical = 0
        distance += 1
        if word.endswith("'s"):
            word = word[:-2]
        if word in STOPWORDS or len(word) < 3 or word[0].isdigit():
            continue
        term = stem(word.strip("'-"))
        all_terms.add(term)
        if raw[0].isupper() or hypothetical or term in NOT_PREDICATES:
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
            clause.append(term)
        # else: the rest of a negated clause is neither asserted nor denied
    if not (asserted or denied):
        return None
    return Claim(
        text=sentence,
        speaker=speaker,
        speaker_key=speaker_key,
        terms=frozenset(all_terms),
        asserted=frozenset(asserted),
        denied=frozenset(denied),
        direct=direct,
    )


_CUES = _NEGATION_CUES | _CONDITIONAL | _TOPICAL | _VERDICTS | {"cannot"}
_HEARSAY_WORDS = wordset(
    "report reports claim claims rumor rumors rumour rumours allegation allegations",
    "suggestion suggestions speculation accusation accusations",
)
_CAPITALISED = re.compile(r"(?<![A-Za-z])[A-Z][A-Za-z'’\-]*")
_ALIASES = frozenset({"usa", "uk", "un", "eu"})


def quick_claim(
    sentence: str,
    words: list[str],
    speaker: str | None = None,
    speaker_key: str | None = None,
    *,
    direct: bool = False,
) -> Claim | None:
    """:func:`read_claim` for a sentence already split into folded ``words``.

    Most sentences carry no negation, condition, verdict, hearsay or topical cue; their
    claim is every content word, asserted, which needs no second tokenisation. The others
    go through :func:`read_claim`.
    """
    present = set(words)
    if present & _CUES or present & _HEARSAY_WORDS or "n't" in sentence or "n’t" in sentence:
        return read_claim(sentence, speaker, speaker_key, direct=direct)
    lowered = sentence.lower()
    if any(hint in lowered for hint in _BOILERPLATE_HINTS) and _BOILERPLATE.search(sentence):
        return read_claim(sentence, speaker, speaker_key, direct=direct)
    capitalised = {w.lower().replace("’", "'") for w in _CAPITALISED.findall(sentence)}
    all_terms: set[str] = set()
    asserted: set[str] = set()
    for word in words:
        if word in STOPWORDS or len(word) < 3:
            continue
        term = stem(word)
        all_terms.add(term)
        if word in capitalised or word in _ALIASES or term in NOT_PREDICATES:
            continue
        asserted.add(term)
    if not asserted:
        return None
    return Claim(
        text=sentence,
        speaker=speaker,
        speaker_key=speaker_key,
        terms=frozenset(all_terms),
        asserted=frozenset(asserted),
        denied=frozenset(),
        direct=direct,
    )
