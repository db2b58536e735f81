"""Claims: sentences read for polarity, the raw material of contradictions (T5).

A claim records which predicate words a sentence asserts and which it denies. The rules are
shallow on purpose (no parser, no model), and each one is written for a pattern that news
prose uses to deny something:

- a negation cue ("not", "no", "never", "nobody", "denied", an "n't" verb) denies the first
  content word after it in the same clause, and the next one too when the first is a verb
  of wanting or needing or a noun of existence: "is not withdrawing" denies *withdraw*,
  "nobody needs to leave" denies *need* and *leave*, "no trace of chlorine" denies *trace*
  and *chlorine*, "will not hold discussions about withdrawal" only *hold*;
- the rest of a negated clause is neither asserted nor denied ("not to discuss troop
  withdrawal" asserts no withdrawal), nor are the words of a topical phrase ("a letter
  regarding troop withdrawal") or of a conditional ("if those declarations were false"),
  nor what others are reported to say ("reports that the ship carried chlorine");
- a refutation of what others say denies its predicate: "contradicting reports that the
  ship was carrying chlorine gas" and "denied that it had signed him" deny what follows the
  clause's first auxiliary (*carry*, *chlorine*, *gas*; *sign*), not its subject;
- a verdict after a copula denies the clause before it, and the verdict's opposite: "that
  declaration was wrong" denies *declaration* and *correct*;
- capitalised words (names) and words of time ("days", "tonight") are never predicates;
- a few predicates that mean the same are read as one ("happening" = "occurring").

A claim that opens on a pronoun or a demonstrative ("That is not what's happening", "That
declaration was wrong") refers to what was said just before; :attr:`Claim.anaphora` marks
it so that the reading of the whole article can lend it that sentence's words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from operator import attrgetter
from typing import Any, Literal

from storywatch.stories.predicates import ANTONYM_WORDS, NOT_PREDICATES, SYNONYMS
from storywatch.stories.text import (
    STOPWORDS,
    TERMS,
    ascii_text,
    canonical_aliases,
    stem,
    words,
    wordset,
)

Anaphora = Literal["", "bare", "determiner"]


@dataclass(frozen=True, slots=True)
class Claim:
    """A sentence read for polarity.

    ``speaker``/``speaker_key`` come from the understanding stage's statements overlapping
    the sentence (None when nobody is quoted); ``direct`` says one of them is a direct
    quote. ``implied`` are predicates the claim denies only by implication (a verdict's
    opposite: "wrong" implies not *correct*; what a lone pronoun refers to): they add to a
    contradiction found on ``denied``, never make one alone. ``context`` holds words lent by
    the sentence a pronoun subject refers to: they say what the claim is about, never what
    it asserts or denies. ``anaphora`` is "bare"
    for a denial whose subject is a lone pronoun ("That is not true"), "determiner" for a
    demonstrative with a noun ("That declaration was wrong"), else "".
    """

    text: str
    speaker: str | None
    speaker_key: str | None
    terms: frozenset[str]
    asserted: frozenset[str]
    denied: frozenset[str]
    direct: bool = False
    implied: frozenset[str] = frozenset()
    context: frozenset[str] = frozenset()
    anaphora: Anaphora = ""
    shown: str = ""  # the whole sentence when ``text`` is part of a quotation (see text.py)

    @property
    def display(self) -> str:
        """What a person is shown for this claim: the whole sentence it comes from."""
        return self.shown or self.text

    def lend(self, context: frozenset[str], implied: frozenset[str] = frozenset()) -> Claim:
        """This claim about what an earlier sentence said: its words, and what it denies."""
        return replace(self, context=context - self.terms, implied=self.implied | implied)

    def __reduce__(self) -> tuple[Any, ...]:
        # as plain values: a dataclass's own pickling sets its fields one by one in Python
        # (claims read ahead cross from the worker processes in ``analysis.TextReading``)
        return (Claim, _CLAIM_VALUES(self))


_CLAIM_FIELDS = tuple(f.name for f in fields(Claim))
# the fields' values as one tuple, read in C (``__reduce__`` runs for every claim sent)
_CLAIM_VALUES = attrgetter(*_CLAIM_FIELDS)

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'\-]*|\d[\d,.]*|[,;:()?!]|(?<!\S)-+(?!\S)")
_CLAUSE_BREAK = frozenset(",;:()?!")
_NEGATION_CUES = wordset(
    "not no never nobody nothing none neither nor cannot without denied denies deny",
    "denying rejected rejects refused refuses",
)
#: verdict -> the words it says are not so ("wrong" = not correct)
_VERDICTS: dict[str, tuple[str, ...]] = {
    "wrong": ("correct", "correctly", "right"),
    "false": ("true", "truly"),
    "untrue": ("true", "truly"),
    "incorrect": ("correct", "correctly"),
    "inaccurate": ("accurate", "accurately"),
    "mistaken": ("correct", "correctly", "right"),
    "erroneous": ("correct", "correctly"),
    "baseless": (),
}
_COPULAS = wordset("is are was were be been being")
_AUXILIARIES = _COPULAS | wordset(
    "had has have will would could can may might should shall did does do must"
)
_CONDITIONAL = wordset("if unless whether")
_NOT_NEGATING = re.compile(
    r"\b(?:no less than|no more than|not only|not just|no doubt|no later than|no sooner|"
    r"nothing but)\b",
    re.IGNORECASE,
)
_REFUTATION_VERBS = (
    r"(?:contradict|disput|den(?:y|ies|ied|ying)|reject|dismiss|refut|rebut|debunk)[a-z]*"
)
_HEARSAY_NOUNS = (
    r"(?:reports?|claims?|rumou?rs?|allegations?|suggestions?|speculation|accusations?)"
)
#: "it is not true that X", "it is false that X": X said not to be so, as "denied that X".
_UNTRUE = r"(?:is|was|it's|that's)\s+(?:not\s+(?:true|correct|accurate|the\s+case)|untrue|false)"
#: "contradicting reports that X", "denied that X": X is said not to be so.
_REFUTED = re.compile(
    rf"\b{_REFUTATION_VERBS}\s+(?:(?:the|those|these|earlier|media|news|press)\s+)*"
    rf"(?:{_HEARSAY_NOUNS}\s+)?that\b",
    re.IGNORECASE,
)
_UNTRUE_THAT = re.compile(rf"\b{_UNTRUE}\s+that\b", re.IGNORECASE)
_REFUTES = "xrefutesx"  # stands for a refutation in the token stream
REFUTED_SCOPE = 4
#: "reports that X", "denied claims that X": X is what others say, not what this sentence says.
_HEARSAY = re.compile(rf"\b{_HEARSAY_NOUNS} that\b", re.IGNORECASE)
#: A piece of each of :data:`_BOILERPLATE`'s phrases, so a sentence with none is left alone
#: without the pattern (tried at most of its characters). Claims are read ahead for the
#: sentences that may deny: on PolNeAR 40% of them had one of the single words tested
#: before ("not", "comment", "declin", …), 7% have one of these pieces. Each piece avoids
#: "i" and "s", the only ASCII letters IGNORECASE also matches with other characters ("ı",
#: "ſ"), so the lower-cased sentence has the piece wherever the pattern matches.
_BOILERPLATE_HINTS = (
    "not to be",  # (who) asked / spoke on condition not to be named / identified
    "not author",  # not authorized / authorised to …
    "d not ",  # did not (immediately) respond / return / reply
    "ned to comment",  # declined to comment
    "not be reached",  # could not be reached
    "not comment",  # would not comment
    "no comment",
)
#: Any word a refutation needs (one search instead of a test per hint).
_REFUTATION_HINTS = re.compile("contradict|disput|den|reject|dismiss|refut|rebut|debunk")
_UNTRUE_HINTS = re.compile("true|false|the case|correct|accurate")
_HEARSAY_HINTS = (
    "report",
    "claim",
    "rumo",
    "allegation",
    "suggestion",
    "speculation",
    "accusation",
)
# Opens with a look-ahead for the branches' first letters (under the same case-blind flag,
# so only a condition every match meets): the alternation is then tried only where one of
# them stands, not at every position of the sentence (twice as fast, the same matches).
_BOILERPLATE = re.compile(
    r"(?=[wasbndc])(?:(?:who )?(?:asked|spoke on condition) not to be (?:named|identified)|"
    r"(?:because (?:he|she|they) (?:was|were) )?not authori[sz]ed to [a-z]+(?: publicly)?|"
    r"did not (?:immediately )?(?:respond|return|reply)[^.,;]*|declined to comment|"
    r"could not be reached[^.,;]*|would not comment[^.,;]*|no comment)",
    re.IGNORECASE,
)
NEGATION_SCOPE = 3
_TOPICAL = wordset("regarding about concerning amid despite")
_CLAUSE_START = wordset("that which who whom whose")
_CARRY_NEGATION = frozenset(
    stem(w)
    for w in wordset(
        "need needs want wants plan plans intend intends expect expects seek",
        "seeks try tries going able allowed required",
        # nouns of existence: "no trace of chlorine" denies the chlorine
        "trace traces sign signs evidence indication indications proof hint",
    )
)
#: What a bare pronoun can be said not to be or do: "That is not true / what's happening".
TRUTH_PREDICATES = frozenset(
    SYNONYMS.get(stem(w), stem(w))
    for w in wordset(
        "true truly correct correctly right accurate accurately case real fact happen occur"
    )
)
_PRONOUNS = wordset("that this it these those")
#: A negative prefix on a word after a copula ("is unsafe", "was still unharmed", "is
#: illegal") denies the word without it: *safe*, *harm*, *legal*. Only after a copula: "un-"
#: on a verb undoes rather than negates ("divers uncovered damage" does not deny *cover*),
#: and "under-", "uni-", "until", "unless" are no prefix at all.
_NEGATIVE_PREFIX = re.compile(r"^(?:un(?!der|til|less|i[ovqtfsn]|cle)|non-?|il(?=l)|ir(?=r))")
_NEGATIVE_PREFIXED = re.compile(
    r"\b(?:un(?!der|til|less|i[ovqtfsn]|cle)|non-?|il(?=l)|ir(?=r))[a-z]{4,}"
)
_PREFIX_HINT = re.compile(r" (?:un|non|ill|irr)")  # a literal scan, far quicker


def has_negative_prefix(sentence: str) -> bool:
    """Whether a word of ``sentence`` may carry a negative prefix (after a copula such a
    word is never the first of its sentence, so lower case is enough)."""
    return _PREFIX_HINT.search(sentence) is not None and (
        _NEGATIVE_PREFIXED.search(sentence) is not None
    )


_LINKING = _COPULAS | wordset("remain remains remained seem seems seemed stay stays stayed")
_LINK_REACH = 2  # "is unsafe", "is still unsafe", "remains largely unclear"


_PREFIX_STARTS = frozenset(("un", "no", "il", "ir"))


def _after_copula(tokens: list[str], index: int) -> bool:
    """Whether a copula (or "remain", "seem", "stay") comes at most two tokens before."""
    return any(t.lower() in _LINKING for t in tokens[max(0, index - _LINK_REACH) : index])


def unprefixed(word: str) -> str | None:
    """The word a negative prefix negates ("unsafe" -> "safe"), or None."""
    match = _NEGATIVE_PREFIX.match(word)
    if match is None or len(word) - match.end() < 4:
        return None
    return word[match.end() :]


def _term(word: str) -> str:
    term = stem(word)
    return SYNONYMS.get(term, term)


_CLOSING_QUOTE = re.compile(r"[”\"](?=[^”\"]*$)")


def focus_term(sentence: str) -> str | None:
    """What a sentence was last about: its last content word that is not a name, inside
    its quotation when it has one ("“Poorly worded, implies withdrawal,” Milley said." ->
    *withdraw*)."""
    match = _CLOSING_QUOTE.search(sentence)
    said = sentence[: match.start()] if match else sentence
    capitalised = {w.lower().replace("’", "'") for w in _CAPITALISED.findall(said)}
    for word in reversed(words(said)):
        term = TERMS[word]
        if term and len(word) > 2 and word not in capitalised and term not in NOT_PREDICATES:
            return SYNONYMS.get(term, term)
    return None


_NEGATION, _IF, _REFUTATION, _VERDICT, _TOPIC, _CLAUSE = range(1, 7)
#: Words after which a clause still opens ("and no ceasefire ...", "said no ...").
_OPENS_A_CLAUSE = _CLAUSE_START | wordset("and but or so yet said says")
_SUBJECT_SCOPE = 4
#: The words the reading loop treats specially, each with its role (one lookup a word).
_SPECIAL: dict[str, int] = {
    **dict.fromkeys(_CLAUSE_START, _CLAUSE),
    **dict.fromkeys(_TOPICAL, _TOPIC),
    **dict.fromkeys(_VERDICTS, _VERDICT),
    **dict.fromkeys(_CONDITIONAL, _IF),
    **dict.fromkeys(_NEGATION_CUES, _NEGATION),
    _REFUTES: _REFUTATION,
}
_BREAKS = frozenset(",;:()?!-")


def _anaphora(tokens: list[str], has_denial: bool) -> Anaphora:
    """Whether the sentence opens on a pronoun ("bare") or a demonstrative with a noun."""
    if not has_denial or not tokens or tokens[0].lower() not in _PRONOUNS:
        return ""
    following = tokens[1].lower() if len(tokens) > 1 else ""
    if following in _AUXILIARIES or following.endswith("'s") or following in _NEGATION_CUES:
        return "bare"
    if tokens[0].lower() in ("that", "this", "these", "those") and following.isalpha():
        return "determiner"
    return ""


def read_claim(
    sentence: str,
    speaker: str | None = None,
    speaker_key: str | None = None,
    *,
    direct: bool = False,
) -> Claim | None:
    """What ``sentence`` asserts and denies (see the module notes); None if nothing."""
    # each pattern runs only when a word it needs is there (they cost more than the rest)
    lowered = sentence.lower()
    text = sentence
    if any(map(lowered.__contains__, _BOILERPLATE_HINTS)):
        text = _BOILERPLATE.sub(" ", text)
    text = ascii_text(canonical_aliases(text))
    if "no" in lowered:
        text = _NOT_NEGATING.sub("about", text)
    if _REFUTATION_HINTS.search(lowered):
        text = _REFUTED.sub(f" {_REFUTES} ", text)
    if "that" in lowered and _UNTRUE_HINTS.search(lowered):
        text = _UNTRUE_THAT.sub(f" {_REFUTES} ", text)
    if any(map(lowered.__contains__, _HEARSAY_HINTS)):
        text = _HEARSAY.sub("if", text)
    tokens = _TOKEN.findall(text)
    asserted: set[str] = set()
    denied: set[str] = set()
    implied: set[str] = set()
    all_terms: set[str] = set()
    clause: list[str] = []  # terms asserted since the last clause break
    scope = 0  # how many more content words the last cue denies
    distance = 99
    topical = 0  # content words left in a topical phrase ("regarding troop withdrawal")
    hypothetical = False
    refuted = 0  # content words left to deny in a refuted clause
    subject_until = -1  # in a refuted clause, tokens before this index are its subject
    verdict = False
    last_word = ""
    opens = 0  # index of the clause's first token
    subject = 0  # content words left to deny after a clause-opening "no"
    auxiliary = False  # an auxiliary seen since that "no"
    special = _SPECIAL.get
    for index, raw in enumerate(tokens):
        if raw[0] in _BREAKS:
            scope, distance, topical, hypothetical, clause = 0, 99, 0, False, []
            refuted, subject_until = 0, -1
            opens, subject = index + 1, 0
            continue
        word = raw.lower()
        previous, last_word = last_word, word
        if subject and word in _AUXILIARIES:
            auxiliary = True
        kind = special(word, 0)
        if kind:
            if kind == _NEGATION:
                scope, distance = 1, 0
                if subject:  # a second negation: leave the clause to the usual rules
                    subject = 0
                elif (
                    word == "no"
                    and (index == opens or previous in _OPENS_A_CLAUSE)
                    and _names_a_subject(tokens, index + 1)
                ):
                    # "No ceasefire has been agreed": the subject and its verb are denied
                    subject, auxiliary, scope = _SUBJECT_SCOPE, False, 0
                continue
            if kind == _IF:
                hypothetical = True
                continue
            if kind == _REFUTATION:
                refuted, subject_until = REFUTED_SCOPE, _refuted_subject_end(tokens, index + 1)
                scope, distance, topical, hypothetical, clause = 0, 99, 0, False, []
                continue
            if kind == _VERDICT and previous in _COPULAS and not hypothetical:
                verdict = True
                for term in clause:
                    asserted.discard(term)
                    denied.add(term)
                implied.update(_term(w) for w in _VERDICTS[word])
                clause = []
                continue
            if kind == _TOPIC and distance > 90:
                topical = 3
                continue
            if kind == _CLAUSE:
                topical = 0
        elif word.endswith("n't"):
            scope, distance = 1, 0
            continue
        distance += 1
        if word.endswith("'s"):
            word = word[:-2]
        if len(word) < 3 or word[0].isdigit():
            continue
        term = TERMS[word.strip("'-") if word[-1] in "'-" else word]
        if not term:
            continue  # a stopword
        term = SYNONYMS.get(term, term)
        all_terms.add(term)
        if raw[0].isupper() or hypothetical or term in NOT_PREDICATES:
            continue
        if subject > 0:
            # "No ceasefire has been agreed": the subject's head, then the verb after the
            # auxiliary; the words between are neither asserted nor denied. Without an
            # auxiliary in reach the head alone is denied, as after any "no".
            if subject == _SUBJECT_SCOPE or auxiliary:
                denied.add(term)
            subject = 0 if auxiliary else subject - 1
            continue
        base = (
            unprefixed(word)
            if word[:2] in _PREFIX_STARTS and _after_copula(tokens, index)
            else None
        )
        if base is not None and (base_term := TERMS[base]):
            base_term = SYNONYMS.get(base_term, base_term)
            all_terms.add(base_term)
            if scope > 0 and distance <= NEGATION_SCOPE + 1:  # "not unsafe": safe
                asserted.add(base_term)
                scope = 0
            elif distance > 90 and not topical and not refuted:
                denied.add(base_term)
            continue
        if refuted > 0:
            if index >= subject_until:
                denied.add(term)
                refuted -= 1
            continue  # the subject of a refuted clause is what it is about, not denied
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
    if not (asserted or denied or implied):
        return None
    return Claim(
        text=sentence,
        speaker=speaker,
        speaker_key=speaker_key,
        terms=frozenset(all_terms),
        asserted=frozenset(asserted),
        denied=frozenset(denied),
        direct=direct,
        implied=frozenset(implied - denied),
        anaphora=_anaphora([t for t in tokens if t[0].isalpha()], bool(denied) or verdict),
    )


_NOT_A_SUBJECT = wordset("longer more less one matter doubt way time sooner")


def _names_a_subject(tokens: list[str], start: int) -> bool:
    """Whether "no" opens a noun phrase ("no ceasefire", "no fishing agreement"), not an
    idiom ("no longer", "no more", "no one")."""
    if start >= len(tokens):
        return False
    following = tokens[start]
    return following[0].isalpha() and following.lower() not in _NOT_A_SUBJECT


def _refuted_subject_end(tokens: list[str], start: int) -> int:
    """Index where the predicate of a refuted clause starts.

    After the clause's first auxiliary ("the ship *was* carrying chlorine"); without one,
    after its first content word that is not a name ("the *ship* carried chlorine").
    """
    first_content = -1
    for index in range(start, len(tokens)):
        raw = tokens[index]
        if raw in _CLAUSE_BREAK or raw[0] == "-":
            break
        word = raw.lower()
        if word in _AUXILIARIES:
            return index + 1
        if first_content < 0 and word not in STOPWORDS and len(word) > 2 and raw[0].islower():
            first_content = index
    return first_content + 1 if first_content >= 0 else start


_CUES = _NEGATION_CUES | _CONDITIONAL | _TOPICAL | frozenset(_VERDICTS) | {"cannot"}
_HEARSAY_WORDS = wordset(
    "report reports claim claims rumor rumors rumour rumours allegation allegations",
    "suggestion suggestions speculation accusation accusations",
    "contradicting contradicted contradicts disputed disputes disputing dismissed dismisses",
    "dismissing refuted refutes refuting rebutted rebuts debunked",
)
_CAPITALISED = re.compile(r"(?<![A-Za-z])[A-Z][A-Za-z'’\-]*")
_ALIASES = frozenset({"usa", "uk", "un", "eu"})


_DENIAL_WORDS = (
    _NEGATION_CUES
    | frozenset(_VERDICTS)
    | wordset(
        "contradicting contradicted contradicts contradict disputed disputes disputing",
        "dispute dismissed dismisses dismissing refuted refutes refuting refute rebutted",
        "rebuts debunked",
    )
)


def may_deny(sentence: str, words: list[str]) -> bool:
    """Whether a sentence has a word that can make it deny something (negation, verdict,
    refutation) or oppose something without a negation (one side of an antonym pair:
    "closed" against "open"). One that has none can only agree."""
    return (
        not _DENIAL_WORDS.isdisjoint(words)
        or not ANTONYM_WORDS.isdisjoint(words)
        or "n't" in sentence
        or "n’t" in sentence
        or (not _LINKING.isdisjoint(words) and has_negative_prefix(sentence))
    )


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
    if not present.isdisjoint(_LINKING) and has_negative_prefix(sentence):
        return read_claim(sentence, speaker, speaker_key, direct=direct)
    if "declin" in sentence and _BOILERPLATE.search(sentence):
        return read_claim(sentence, speaker, speaker_key, direct=direct)
    capitalised = {w.lower().replace("’", "'") for w in _CAPITALISED.findall(sentence)}
    all_terms: set[str] = set()
    asserted: set[str] = set()
    for word in words:
        term = TERMS[word]
        if not term or len(word) < 3:
            continue
        term = SYNONYMS.get(term, term)
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
