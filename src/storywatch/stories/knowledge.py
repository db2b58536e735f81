"""What a story already knows, and what a new article adds to it (T4).

A story remembers the sentences of its articles as *facts*: a sentence's terms and, when it
asserts or denies something, its claim (see :mod:`storywatch.stories.claims`). It also
remembers its quoted statements, its numbers and the contradictions already reported.

A new article's sentence is *repeated* when most of its words sit in one known fact (a copy
or a light rewrite), and *new* otherwise, provided it brings words the story has not used: a
rewrite that rephrases known facts with known words is not news. A repeated sentence that
says the opposite of the fact it repeats ("did not pass" after "passed") is news again.
Statements and numbers are compared the same way. Lookups go through small inverted
indexes, so the cost per article is proportional to its own length, not to the size of the
story.
"""

from __future__ import annotations

import heapq
import re
from collections import Counter
from collections.abc import Iterable, KeysView
from dataclasses import dataclass, field

from storywatch.model import Statement
from storywatch.stories.analysis import DocAnalysis, Sentence, claim_of, read_plain
from storywatch.stories.claims import Claim
from storywatch.stories.numbers import NumberFact
from storywatch.stories.predicates import FORMS, antonyms_of
from storywatch.stories.types import Novelty

#: A newsroom's credit line says who wrote, not what happened.
_CREDIT = re.compile(
    r"contributed (?:to )?(?:this|the) (?:report|story|article)|^(?:additional )?"
    r"(?:reporting|writing|editing|research) by\b|^\(?(?:reporting|editing) by",
    re.IGNORECASE,
)
_CREDIT_OPENINGS = ("additional ", "reporting", "writing", "editing", "research", "(")


def is_credit(sentence: str) -> bool:
    """Whether ``sentence`` is a newsroom's credit line (:data:`_CREDIT`).

    Every sentence of an article is tested, and a case-blind pattern with an unanchored
    branch is tried at every position; an ASCII sentence is first ruled out by plain
    substring tests on its lower case, which say the same there (the pattern is ASCII, and
    only non-ASCII letters such as the dotless "ı" match ASCII ones case-blind): neither
    "contributed" anywhere nor one of the anchored branches' openings at its start."""
    if sentence.isascii():
        low = sentence.lower()
        if "contributed" not in low and not low.startswith(_CREDIT_OPENINGS):
            return False
    return _CREDIT.search(sentence) is not None


REPEAT_CONTAINMENT = 0.6
PIECED_CONTAINMENT = 0.8
NEW_TERMS_FOR_A_NEW_SENTENCE = 2
MIN_SENTENCE_TERMS = 3
MAX_FACTS = 4000
MAX_STATEMENTS = 2000

#: word -> the positions holding it, each position one character (``chr(position)``).
Postings = dict[str, str]
#: (article_id, text, speaker, speaker_key, direct, asserted, denied, implied, context,
#: shown); ``asserted`` is None until a sentence that denies nothing is read (see
#: ``_read``); ``shown`` is the whole sentence when ``text`` is part of a quotation, else ""
Record = tuple[int, str, str | None, str | None, bool, str | None, str, str, str, str]
_UNREAD_DENIAL = "?"  # ``denied`` of an unread fact that may deny (read when indexed)


def _post(index: Postings, words: Iterable[str], position: int) -> None:
    """Add ``position`` to the postings of each of ``words``."""
    mark = chr(position)
    get = index.get
    for word in words:
        index[word] = get(word, "") + mark


def _joined(words: Iterable[str]) -> str:
    """Words as " a b c ", so that ``f" {w} " in joined`` tests membership."""
    text = " ".join(words)
    return f" {text} " if text else ""


def _record(article_id: int, text: str, claim: Claim) -> Record:
    return (
        article_id,
        text,
        claim.speaker,
        claim.speaker_key,
        claim.direct,
        _joined(claim.asserted),
        _joined(claim.denied),
        " ".join(claim.implied),
        " ".join(claim.context),
        claim.shown,
    )


class _Counts(dict[str, int]):
    """How many known sentences hold each word; 0 for an unknown word (not stored)."""

    def __missing__(self, word: str) -> int:
        return 0


@dataclass(frozen=True, slots=True)
class KnownNumber:
    article_id: int
    fact: NumberFact


@dataclass(frozen=True, slots=True)
class Match:
    """How one sentence of a new article compares with what the story knows.

    ``repeated``: one known fact holds most of its words. ``agrees``: such a fact says it
    with the same polarity (the claim is known). ``flips``: such a fact says the opposite.
    """

    repeated: bool = False
    agrees: bool = False
    flips: bool = False


NO_MATCH = Match()


def everything_new(analysis: DocAnalysis) -> Novelty:
    """The novelty of a story's first article: all it says (what :meth:`Knowledge.novelty`
    gives against an empty story, without its lookups)."""
    corrections = set(analysis.corrections)
    sentences = tuple(
        dict.fromkeys(
            s.shown or s.text
            for s in analysis.sentences
            if len(s.terms) >= MIN_SENTENCE_TERMS
            and s.text not in corrections
            and not is_credit(s.text)
        )
    )
    statements = tuple(st for st, words in analysis.statements if words)
    numbers = tuple(dict.fromkeys(f.phrase for f in analysis.numbers if not f.temporal))
    return Novelty(sentences, statements, numbers, 0)


@dataclass(slots=True)
class Camp:
    """One side of a reported contradiction: who said it and in which words."""

    keys: set[str] = field(default_factory=set)
    texts: list[frozenset[str]] = field(default_factory=list)

    def holds(self, key: str | None, terms: frozenset[str]) -> bool:
        """Whether a claim by ``key`` in ``terms`` belongs to this side."""
        if key is not None:
            return key in self.keys
        least = REPEAT_CONTAINMENT * len(terms)
        return bool(terms) and any(len(terms & known) >= least for known in self.texts)

    def join(self, key: str | None, terms: frozenset[str]) -> None:
        if key is not None:
            self.keys.add(key)
        self.texts.append(terms)


@dataclass(slots=True)
class Dispute:
    """A contradiction reported in the story: its predicates and its two sides."""

    predicates: set[str]
    asserting: Camp = field(default_factory=Camp)
    denying: Camp = field(default_factory=Camp)


class Knowledge:
    """The facts of one story, indexed for the novelty and contradiction checks.

    A fact is kept as its terms (a tuple of words) and one plain tuple
    ``(article_id, text, speaker, speaker_key, direct, asserted, denied, implied, context)``,
    the word sets joined into strings. The indexes map a word to a *string* of positions
    (one character each). Strings and tuples of strings are not tracked by the garbage
    collector, lists, sets and objects are: a window holds hundreds of thousands of
    postings and tens of thousands of claims, and walking them on every full collection
    cost more than everything else the engine did (docs/design/stories.md). Positions stay
    far below ``0x110000`` (the caps above).
    """

    def __init__(self) -> None:
        self.vocabulary = _Counts()
        self._terms: list[tuple[str, ...]] = []
        self._facts: list[Record] = []
        self._index: Postings = {}
        self._denying: Postings = {}
        # the irregular forms of the denied predicates ("knew" for a denied *know*): sentence
        # terms keep words as written, so the test "does a denial meet this sentence" needs
        # them beside the predicates (``denied_terms``)
        self._denied_forms: set[str] = set()
        self._seen: set[int] = set()  # hashes of the facts held (their words and denials)
        self._statements: list[tuple[str, ...]] = []
        self._statement_index: Postings = {}
        self._numbers: list[KnownNumber] = []
        self._number_index: dict[float, str] = {}
        # What ``add`` stored but has not indexed yet (see ``_index_pending``)
        self._indexed = 0  # facts indexed so far
        self._pending_terms: list[tuple[str, ...]] = []  # sentences not kept as facts
        self._pending_statements: list[frozenset[str]] = []
        self._pending_numbers: list[KnownNumber] = []
        self.event_keys: set[str] = set()
        self.disputes: list[Dispute] = []

    # ------------------------------------------------------------------ indexing

    def _index_pending(self) -> None:
        """Index what ``add`` stored since the last read.

        Most stories never get a second article; indexing an article's facts only when the
        story is next read (a new article compared with it) means a story of one article
        never pays for its indexes.
        """
        vocabulary = self.vocabulary
        for terms in self._pending_terms:
            for term in terms:
                vocabulary[term] += 1
        self._pending_terms = []
        index, denying = self._index, self._denying
        for position in range(self._indexed, len(self._facts)):
            terms = self._terms[position]
            for term in terms:
                vocabulary[term] += 1
            _post(index, terms, position)
            denied = self._facts[position][6]
            if denied == _UNREAD_DENIAL:
                denied = self._read(position)[6]
            if denied:
                predicates = denied.split()
                _post(denying, predicates, position)
                for predicate in FORMS.keys() & predicates:
                    self._denied_forms.update(FORMS[predicate])
        self._indexed = len(self._facts)
        for words in self._pending_statements:
            if len(self._statements) < MAX_STATEMENTS and not self._similar(
                words, self._statement_index, self._statements
            ):
                _post(self._statement_index, words, len(self._statements))
                self._statements.append(tuple(words))
        self._pending_statements = []
        for known in self._pending_numbers:
            # every wording of a number is kept, so that any later one is recognised
            fact = known.fact
            variant = (fact.unit, fact.near)
            numbers, number_index = self._numbers, self._number_index
            held = map(ord, number_index.get(fact.value, ""))
            if all((numbers[p].fact.unit, numbers[p].fact.near) != variant for p in held):
                number_index[fact.value] = number_index.get(fact.value, "") + chr(len(numbers))
                numbers.append(known)
        self._pending_numbers = []

    def _ready(self) -> None:
        if (
            self._indexed < len(self._facts)
            or self._pending_terms
            or self._pending_numbers
            or (self._pending_statements)
        ):
            self._index_pending()

    @property
    def numbers(self) -> list[KnownNumber]:
        """The numbers the story stated, each wording once, oldest first."""
        self._ready()
        return self._numbers

    # ------------------------------------------------------------------ reading

    def _similar(
        self, terms: frozenset[str], index: Postings, known: list[tuple[str, ...]]
    ) -> list[int]:
        """Positions of the known texts holding at least :data:`REPEAT_CONTAINMENT` of
        ``terms``.

        A text holding that share must hold one of the rarest ``floor((1 - share) * n) + 1``
        of the terms (pigeonhole), so only their postings are read, never the long postings
        of the story's common words. Rarity is read from the story's word counts; any choice
        of that many terms keeps the guarantee, so ties do not matter.
        """
        n = len(terms)
        need = int((1.0 - REPEAT_CONTAINMENT) * n) + 1
        candidates: set[int] = set()
        get = index.get
        for word in sorted(terms, key=self.vocabulary.__getitem__)[:need]:
            postings = get(word)
            if postings:
                candidates.update(map(ord, postings))
        if not candidates:
            return []
        least = REPEAT_CONTAINMENT * n
        overlap = terms.intersection
        return [c for c in candidates if len(overlap(known[c])) >= least]

    def _read(self, position: int) -> Record:
        """A fact's record, its claim read first if it was stored unread."""
        record = self._facts[position]
        if record[5] is not None:
            return record
        article_id, text, speaker, key, direct = record[:5]
        claim = read_plain(text, speaker, key, direct)
        if claim is None:
            record = (article_id, text, speaker, key, direct, "", "", "", "", record[9])
        else:
            record = (*_record(article_id, text, claim)[:9], record[9])
        self._facts[position] = record
        return record

    def _pieced(self, words: frozenset[str]) -> bool:
        """Whether two known facts together hold :data:`PIECED_CONTAINMENT` of ``words``: a
        rewrite that joins two known sentences into one statement says nothing new."""
        counts: Counter[int] = Counter()
        get = self._index.get
        for word in words:
            counts.update(map(ord, get(word, "")))
        # the two facts sharing most words, the earlier first on a tie: by position, not by
        # the order the words were counted in (a set's order, which varies with the hash
        # seed, so a tie once gave different answers in different processes)
        top = heapq.nsmallest(2, counts.items(), key=lambda item: (-item[1], item[0]))
        if len(top) < 2:
            return False
        union = set(self._terms[top[0][0]]).union(self._terms[top[1][0]])
        return len(words & union) >= PIECED_CONTAINMENT * len(words)

    def _stance(self, sentence: Sentence, position: int) -> int:
        """How a sentence stands to a known fact holding most of its words: -1 it says the
        opposite of it, 1 it says the same (restates it), 0 it does not speak to it.

        A denial restates a fact only when the fact denies the same thing: "the plant is not
        closing" does not restate "the plant has built vans in Brisk since 1971", however
        many words they share. A sentence that denies nothing restates a fact unless it
        asserts what the fact denies.
        """
        denied = self._facts[position][6]
        if (
            not sentence.settled
            and not sentence.denies
            and (not denied or not any(f" {t} " in denied for t in sentence.terms))
        ):
            return 1  # two assertions in mostly the same words
        claim = claim_of(sentence)
        if claim is None:
            return 1
        if claim.denied:
            asserted = self._read(position)[5]
            if asserted and any(f" {t} " in asserted for t in claim.denied):
                return -1
            return 1 if denied and any(f" {t} " in denied for t in claim.denied) else 0
        return -1 if denied and any(f" {t} " in denied for t in claim.asserted) else 1

    def compare(self, analysis: DocAnalysis) -> list[Match]:
        """How each sentence of ``analysis`` compares with the story's facts."""
        self._ready()
        out: list[Match] = []
        for sentence in analysis.sentences:
            hits = self._similar(sentence.terms, self._index, self._terms) if sentence.terms else []
            if not hits:
                out.append(NO_MATCH)
            elif sentence.settled and sentence.claim is None:
                out.append(Match(repeated=True, agrees=True))
            else:
                agrees = flips = False
                for position in hits:
                    stance = self._stance(sentence, position)
                    flips = flips or stance < 0
                    agrees = agrees or stance > 0
                    if agrees and flips:
                        break
                out.append(Match(repeated=True, agrees=agrees, flips=flips))
        return out

    def knows_number(self, fact: NumberFact) -> bool:
        """A number is known when the story stated the same value about the same thing."""
        self._ready()
        for position in map(ord, self._number_index.get(fact.value, "")):
            known = self._numbers[position].fact
            if known.unit == fact.unit or known.near & fact.near:
                return True
        return False

    def novelty(self, analysis: DocAnalysis, matches: list[Match]) -> Novelty:
        """What ``analysis`` adds to this story: new sentences, statements and numbers."""
        self._ready()
        new_sentences: list[str] = []
        repeated = 0
        corrections = set(analysis.corrections)
        vocabulary = self.vocabulary
        # "did not pass" after "passed": the same words, but news
        flipped = {
            s.text
            for s, m in zip(analysis.sentences, matches, strict=True)
            if m.flips and not m.agrees
        }
        for sentence, match in zip(analysis.sentences, matches, strict=True):
            if (
                len(sentence.terms) < MIN_SENTENCE_TERMS
                or sentence.text in corrections
                or is_credit(sentence.text)
            ):
                continue
            if sentence.text in flipped:
                new_sentences.append(sentence.shown or sentence.text)
            elif match.repeated:
                repeated += 1
            elif sum(1 for t in sentence.terms if t not in vocabulary) >= (
                NEW_TERMS_FOR_A_NEW_SENTENCE
            ):
                new_sentences.append(sentence.shown or sentence.text)
            else:
                repeated += 1
        new_statements: list[Statement] = []
        for statement, words in analysis.statements:
            if not words:
                continue
            known = (
                self._similar(words, self._statement_index, self._statements)
                or self._similar(words, self._index, self._terms)
                or self._pieced(words)
            )
            if not known or any(statement.text[:40] in text for text in flipped):
                new_statements.append(statement)
        new_numbers: list[str] = []
        for fact in analysis.numbers:
            if fact.temporal:
                continue  # when or how long, not a new fact (see numbers.py)
            if not self.knows_number(fact) and fact.phrase not in new_numbers:
                new_numbers.append(fact.phrase)
        return Novelty(
            tuple(dict.fromkeys(new_sentences)), tuple(new_statements), tuple(new_numbers), repeated
        )

    def denied_terms(self) -> KeysView[str]:
        """Every word some known claim denies."""
        self._ready()
        return self._denying.keys()

    def denied_forms(self) -> set[str]:
        """The irregular forms in which the denied words are written ("knew", "left")."""
        self._ready()
        return self._denied_forms

    def opposing(self, claim: Claim) -> set[int]:
        """Positions of known facts asserting what ``claim`` denies, denying what it
        asserts, or asserting an antonym of what it asserts ("closed" against a known
        "open")."""
        self._ready()
        out: set[int] = set()
        for term in claim.denied:
            self._asserting(term, out)
        for term in claim.asserted:
            out.update(map(ord, self._denying.get(term, "")))
        for term in antonyms_of(claim.asserted):
            self._asserting(term, out)
        return out

    def _asserting(self, predicate: str, out: set[int]) -> None:
        """Add the positions of the known facts that assert ``predicate``. A fact's words
        are indexed as written, so each written form is looked up ("knew" for *know*)."""
        mark = f" {predicate} "
        get = self._index.get
        for form in (predicate, *FORMS.get(predicate, ())):
            for position in map(ord, get(form, "")):
                asserted = self._read(position)[5]
                if asserted and mark in asserted:
                    out.add(position)

    def fact(self, position: int) -> tuple[int, Claim]:
        """The article and the claim of a known fact."""
        article_id, text, speaker, key, direct, asserted, denied, implied, context, shown = (
            self._read(position)
        )
        claim = Claim(
            text=text,
            speaker=speaker,
            speaker_key=key,
            terms=frozenset(self._terms[position]),
            asserted=frozenset((asserted or "").split()),
            denied=frozenset(denied.split()),
            direct=direct,
            implied=frozenset(implied.split()),
            context=frozenset(context.split()),
            shown=shown,
        )
        return article_id, claim

    # ------------------------------------------------------------------ writing

    def add(self, analysis: DocAnalysis) -> None:
        """Remember everything an article said (bounded: the oldest facts stay, the cap holds).

        A fact already known in the same words and with the same denials (a copy's
        sentence) is not stored again, so every fact cites the first article that said it.
        The indexes are built when the story is next read (``_index_pending``).
        """
        article_id = analysis.doc.article_id
        for sentence in analysis.sentences:
            terms = sentence.terms
            claim = sentence.claim
            denials = claim is not None and bool(claim.denied)
            key = hash((terms, claim.denied)) if claim is not None and denials else hash(terms)
            if (
                (len(terms) < MIN_SENTENCE_TERMS and not denials)
                or len(self._facts) >= MAX_FACTS
                or key in self._seen
            ):
                if terms:
                    self._pending_terms.append(tuple(terms))
                continue
            self._seen.add(key)
            record: Record
            if not sentence.settled:  # read when indexed (it may deny) or first met
                record = (
                    article_id,
                    sentence.text,
                    sentence.speaker,
                    sentence.speaker_key,
                    sentence.direct,
                    None,
                    _UNREAD_DENIAL if sentence.denies else "",
                    "",
                    "",
                    sentence.shown,
                )
            elif claim is None:
                record = (article_id, sentence.text, None, None, False, "", "", "", "", "")
            else:
                record = _record(article_id, sentence.text, claim)
            self._facts.append(record)
            self._terms.append(tuple(terms))
        self._pending_statements.extend(words for _, words in analysis.statements if words)
        self._pending_numbers.extend(KnownNumber(article_id, fact) for fact in analysis.numbers)

    @property
    def size(self) -> tuple[int, int, int]:
        """Counts of facts, statements and numbers held (for tests and stats)."""
        self._ready()
        return len(self._facts), len(self._statements), len(self._numbers)
