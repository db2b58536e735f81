"""What a story already knows, and what a new article adds to it (T4).

A story remembers the sentences, statements, numbers and claims of its articles. A new
article's sentence is *repeated* when most of its words sit in one known sentence (a copy or
a light rewrite), and *new* otherwise, provided it brings words the story has not used: a
rewrite that rephrases known facts with known words is not news. Statements and numbers are
compared the same way. Lookups go through small inverted indexes, so the cost per article is
proportional to its own length, not to the size of the story.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from storywatch.model import Statement
from storywatch.stories.analysis import DocAnalysis
from storywatch.stories.claims import Claim
from storywatch.stories.numbers import NumberFact
from storywatch.stories.types import Novelty

#: A newsroom's credit line says who wrote, not what happened.
_CREDIT = re.compile(
    r"contributed (?:to )?(?:this|the) (?:report|story|article)|^(?:additional )?"
    r"(?:reporting|writing|editing|research) by\b|^\(?(?:reporting|editing) by",
    re.IGNORECASE,
)
REPEAT_CONTAINMENT = 0.6
NEW_TERMS_FOR_A_NEW_SENTENCE = 2
MIN_SENTENCE_TERMS = 3
MAX_SENTENCES = 4000
MAX_CLAIMS = 2000


@dataclass(frozen=True, slots=True)
class KnownClaim:
    article_id: int
    claim: Claim


@dataclass(frozen=True, slots=True)
class KnownNumber:
    article_id: int
    fact: NumberFact


class Knowledge:
    """The facts of one story, indexed for the novelty and contradiction checks."""

    def __init__(self) -> None:
        self.vocabulary: Counter[str] = Counter()
        self._sentences: list[frozenset[str]] = []
        self._sentence_index: dict[str, list[int]] = defaultdict(list)
        self._sentence_set: set[frozenset[str]] = set()
        self._statements: list[frozenset[str]] = []
        self._statement_index: dict[str, list[int]] = defaultdict(list)
        self.numbers: list[KnownNumber] = []
        self._number_index: dict[float, list[int]] = defaultdict(list)
        self.claims: list[KnownClaim] = []
        self._claim_index: dict[str, list[int]] = defaultdict(list)
        self.asserting: dict[str, list[int]] = defaultdict(list)
        self.denying: dict[str, list[int]] = defaultdict(list)
        self.event_keys: set[str] = set()
        self.contradicted: dict[str, set[str]] = {}  # predicate -> speakers on either side

    # ------------------------------------------------------------------ reading

    def best_containment(
        self, words: frozenset[str], *, statements: bool = False, at_least: float = 0.0
    ) -> float:
        """The largest share of ``words`` found together in one known sentence (or quote).

        Only shares of ``at_least`` or more are exact; below that the answer may be lower
        than the truth. That lets the search start from the rarest words alone: a sentence
        holding at least that share of ``words`` must hold one of the rarest
        ``floor((1 - at_least) * n) + 1`` of them (pigeonhole), so the long postings of the
        story's common words are never read.
        """
        if not words:
            return 1.0
        index = self._statement_index if statements else self._sentence_index
        known = self._statements if statements else self._sentences
        probes = sorted(words, key=lambda w: (len(index.get(w, ())), w))
        need = int((1.0 - at_least) * len(words)) + 1 if at_least > 0 else len(words)
        candidates: set[int] = set()
        for word in probes[:need]:
            candidates.update(index.get(word, ()))
        if not candidates:
            return 0.0
        return max(len(words & known[c]) for c in candidates) / len(words)

    def _similar_claims(self, claim: Claim) -> list[Claim]:
        """Known claims holding most of ``claim``'s words (whatever their polarity).

        Candidates come from the claims holding one of the claim's rarest words (pigeonhole,
        as in :meth:`best_containment`).
        """
        if not claim.terms or not (claim.asserted | claim.denied):
            return []
        index = self._claim_index
        probes = sorted(claim.terms, key=lambda w: (len(index.get(w, ())), w))
        need = int((1.0 - REPEAT_CONTAINMENT) * len(claim.terms)) + 1
        candidates: set[int] = set()
        for word in probes[:need]:
            candidates.update(index.get(word, ()))
        least = REPEAT_CONTAINMENT * len(claim.terms)
        return [
            self.claims[p].claim
            for p in sorted(candidates)
            if len(claim.terms & self.claims[p].claim.terms) >= least
        ]

    def knows_claim(self, claim: Claim) -> bool:
        """Whether the story already holds this claim: mostly the same words, same polarity.

        A claim made of names only (no predicate) counts as known.
        """
        if not (claim.asserted | claim.denied):
            return True
        return any(
            not ((claim.denied & k.asserted) or (claim.asserted & k.denied))
            for k in self._similar_claims(claim)
        )

    def flips(self, claim: Claim) -> bool:
        """Whether the claim says the opposite of one the story holds in the same words."""
        return any(
            (claim.denied & k.asserted) or (claim.asserted & k.denied)
            for k in self._similar_claims(claim)
        )

    def knows_number(self, fact: NumberFact) -> bool:
        """A number is known when the story stated the same value about the same thing."""
        for position in self._number_index.get(fact.value, ()):
            known = self.numbers[position].fact
            if known.unit == fact.unit or known.near & fact.near:
                return True
        return False

    def novelty(self, analysis: DocAnalysis) -> Novelty:
        """What ``analysis`` adds to this story: new sentences, statements and numbers."""
        new_sentences: list[str] = []
        repeated = 0
        corrections = set(analysis.corrections)
        # "did not pass" after "passed": the same words, but news
        flipped = {c.text for c in analysis.claims if self.flips(c) and not self.knows_claim(c)}
        for sentence in analysis.sentences:
            if (
                len(sentence.terms) < MIN_SENTENCE_TERMS
                or sentence.text in corrections
                or _CREDIT.search(sentence.text)
            ):
                continue
            if sentence.text in flipped:
                new_sentences.append(sentence.text)
                continue
            if (
                self.best_containment(sentence.terms, at_least=REPEAT_CONTAINMENT)
                >= REPEAT_CONTAINMENT
            ):
                repeated += 1
                continue
            fresh = sum(1 for t in sentence.terms if t not in self.vocabulary)
            if fresh >= NEW_TERMS_FOR_A_NEW_SENTENCE:
                new_sentences.append(sentence.text)
            else:
                repeated += 1
        new_statements: list[Statement] = []
        for statement, words in analysis.statements:
            if not words:
                continue
            share = max(
                self.best_containment(words, statements=True, at_least=REPEAT_CONTAINMENT),
                self.best_containment(words, at_least=REPEAT_CONTAINMENT),
            )
            if share < REPEAT_CONTAINMENT or any(statement.text[:40] in text for text in flipped):
                new_statements.append(statement)
        new_numbers: list[str] = []
        for fact in analysis.numbers:
            if not self.knows_number(fact) and fact.phrase not in new_numbers:
                new_numbers.append(fact.phrase)
        return Novelty(tuple(new_sentences), tuple(new_statements), tuple(new_numbers), repeated)

    # ------------------------------------------------------------------ writing

    def add(self, analysis: DocAnalysis) -> None:
        """Remember everything an article said (bounded: the oldest facts stay, the cap holds)."""
        article_id = analysis.doc.article_id
        for sentence in analysis.sentences:
            self.vocabulary.update(sentence.terms)
            if len(sentence.terms) < MIN_SENTENCE_TERMS or len(self._sentences) >= MAX_SENTENCES:
                continue
            if sentence.terms in self._sentence_set:
                continue  # an exact repeat adds nothing to remember
            self._sentence_set.add(sentence.terms)
            position = len(self._sentences)
            self._sentences.append(sentence.terms)
            for word in sentence.terms:
                self._sentence_index[word].append(position)
        for _, words in analysis.statements:
            if words and self.best_containment(words, statements=True, at_least=0.95) < 0.95:
                position = len(self._statements)
                self._statements.append(words)
                for word in words:
                    self._statement_index[word].append(position)
        for fact in analysis.numbers:
            # every wording of a number is kept, so that any later one is recognised
            variant = (fact.unit, fact.near)
            known = self._number_index.get(fact.value, [])
            if all(
                (self.numbers[p].fact.unit, self.numbers[p].fact.near) != variant for p in known
            ):
                self._number_index[fact.value].append(len(self.numbers))
                self.numbers.append(KnownNumber(article_id, fact))
        for claim in analysis.claims:
            if len(self.claims) >= MAX_CLAIMS:
                break
            position = len(self.claims)
            self.claims.append(KnownClaim(article_id, claim))
            for word in claim.terms:
                self._claim_index[word].append(position)
            for word in claim.asserted:
                self.asserting[word].append(position)
            for word in claim.denied:
                self.denying[word].append(position)

    @property
    def size(self) -> tuple[int, int, int, int]:
        """Counts of sentences, statements, numbers and claims held (for tests and stats)."""
        return len(self._sentences), len(self._statements), len(self.numbers), len(self.claims)
