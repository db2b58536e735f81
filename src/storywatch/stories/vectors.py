"""Sparse TF-IDF vectors with document frequencies learned online over the story window.

Why online: a news stream has no fixed corpus to fit an IDF on, and what is rare changes
week to week ("Soleimani" is rare until it is not). Frequencies count the documents applied
inside the window and forget evicted ones, so the weights follow the news and memory stays
bounded. A vector is frozen when its article is applied: later IDF drift does not rewrite
old vectors, which keeps replay exact and every update O(terms of one article).
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Collection, Mapping
from operator import itemgetter

Vector = dict[str, float]


class DocumentFrequencies:
    """How many documents in the window contain each feature.

    ``prior`` pseudo-documents that contain nothing are added to the count: with only a
    handful of articles in the window (a new installation, a quiet feed list), a story's own
    words would otherwise look common and weigh nothing. With a busy window the prior fades.
    """

    def __init__(self, prior: int = 0) -> None:
        self._df: Counter[str] = Counter()
        self.documents = 0
        self.prior = prior

    def add(self, features: Collection[str]) -> None:
        """Count one document holding ``features``: its distinct features, each once (the
        keys of its counts; deduplicating them here cost a set of a few hundred names an
        article)."""
        self._df.update(features)
        self.documents += 1

    def remove(self, features: Collection[str]) -> None:
        """Forget one document counted with :meth:`add` (the same ``features``)."""
        for feature in features:
            left = self._df[feature] - 1
            if left > 0:
                self._df[feature] = left
            else:
                del self._df[feature]
        self.documents = max(0, self.documents - 1)

    def idf(self, feature: str) -> float:
        """Smoothed IDF; unseen features get the highest weight."""
        total = self.documents + self.prior + 2
        return math.log(total / (self._df.get(feature, 0) + 1)) + 1.0

    def share(self, feature: str) -> float:
        """Fraction of window documents holding ``feature`` (0 when the window is empty)."""
        return self._df.get(feature, 0) / self.documents if self.documents else 0.0

    def __len__(self) -> int:
        return len(self._df)


class _Memo(dict[float, float]):
    """x -> a function of x, computed on first use (bounded like the stem cache)."""

    def __init__(self, function: Callable[[float], float]) -> None:
        super().__init__()
        self.function = function

    def __missing__(self, x: float) -> float:
        if len(self) >= MEMO_SIZE:
            self.clear()
        value = self[x] = self.function(x)
        return value


MEMO_SIZE = 100_000
#: A feature's count -> its log-scaled TF, negated (weigh ranks the heaviest first).
_NEGATED_TF = _Memo(lambda count: -(1.0 + math.log(count)))
#: A document frequency -> the log in its IDF.
_LOG_DF = _Memo(lambda df: math.log(df + 1))


def weigh(counts: Mapping[str, float], df: DocumentFrequencies, *, keep: int) -> Vector:
    """A unit-length TF-IDF vector of the ``keep`` heaviest features (log-scaled TF).

    Ties are broken by feature name, so the vector does not depend on the order of
    ``counts``. (The IDF of :meth:`DocumentFrequencies.idf` is inlined: this runs once per
    article over every feature. Its two logarithms are looked up: an article's few hundred
    features hold a few distinct counts and document frequencies, and a lookup of an
    equal number gives the very value the call would.)
    """
    tf = _NEGATED_TF
    log_df = _LOG_DF
    known = df._df.get
    base = math.log(df.documents + df.prior + 2) + 1.0
    ranked = _heaviest(
        [(tf[c] * (base - log_df[known(f, 0)]), f) for f, c in counts.items() if c > 0], keep
    )
    norm = math.sqrt(sum(w * w for w, _ in ranked))
    if norm == 0.0:
        return {}
    return {f: -w / norm for w, f in ranked}


def _heaviest(weighed: list[tuple[float, str]], keep: int) -> list[tuple[float, str]]:
    """``sorted(weighed)[:keep]`` (weights negated, so the heaviest first; ties by name).

    Many features tie on their weight (one mention, a word new to the window), and sorting
    all of them as pairs compares their names at every tie. They are sorted by weight alone
    first (float comparisons only); the ``keep`` first and the rest of the last one's tie
    are all that can be kept, and only those are sorted as pairs.
    """
    if len(weighed) <= keep or keep < 1:
        return sorted(weighed)[:keep]
    weighed.sort(key=_WEIGHT)
    end = bisect_right(weighed, weighed[keep - 1][0], lo=keep, key=_WEIGHT)
    return sorted(weighed[:end])[:keep]


_WEIGHT = itemgetter(0)


def dot(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Dot product of two sparse vectors (the key intersection runs in C; sparse vectors
    share few keys, so only those are multiplied). The intersection is a set, whose order
    changes with the hash seed, so the products are added with ``math.fsum``, exactly:
    a plain sum's last digit followed that order, and a join's score with it, between two
    processes or a replay after a restart."""
    return math.fsum([a[f] * b[f] for f in a.keys() & b.keys()])


class Centroid:
    """The running sum of a story's member vectors, with its squared norm kept current."""

    __slots__ = ("norm2", "weights")

    def __init__(self) -> None:
        self.weights: Vector = {}
        self.norm2 = 0.0

    def add(self, vector: Mapping[str, float], sign: float = 1.0) -> None:
        cross = dot(self.weights, vector)
        self_norm = sum(w * w for w in vector.values())
        self.norm2 = max(0.0, self.norm2 + 2.0 * sign * cross + self_norm)
        if not self.weights and sign == 1.0:
            # a new story's first member (most stories have one): 0.0 + 1.0 * w is w, or
            # 0.0 for -0.0, which the test below drops as it would
            self.weights = {f: w for f, w in vector.items() if not abs(w) < 1e-12}
            return
        for f, w in vector.items():
            value = self.weights.get(f, 0.0) + sign * w
            if abs(value) < 1e-12:
                self.weights.pop(f, None)
            else:
                self.weights[f] = value

    def cosine(self, vector: Mapping[str, float]) -> float:
        if self.norm2 <= 0.0:
            return 0.0
        return dot(vector, self.weights) / math.sqrt(self.norm2)
