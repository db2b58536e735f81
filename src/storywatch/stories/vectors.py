"""Sparse TF-IDF vectors with document frequencies learned online over the story window.

Why online: a news stream has no fixed corpus to fit an IDF on, and what is rare changes
week to week ("Soleimani" is rare until it is not). Frequencies count the documents applied
inside the window and forget evicted ones, so the weights follow the news and memory stays
bounded. A vector is frozen when its article is applied: later IDF drift does not rewrite
old vectors, which keeps replay exact and every update O(terms of one article).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping

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

    def add(self, features: Iterable[str]) -> None:
        self._df.update(set(features))
        self.documents += 1

    def remove(self, features: Iterable[str]) -> None:
        for feature in set(features):
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


def weigh(counts: Mapping[str, float], df: DocumentFrequencies, *, keep: int) -> Vector:
    """A unit-length TF-IDF vector of the ``keep`` heaviest features (log-scaled TF).

    Ties are broken by feature name, so the vector does not depend on the order of
    ``counts``. (The IDF of :meth:`DocumentFrequencies.idf` is inlined: this runs once per
    article over every feature.)
    """
    log = math.log
    known = df._df.get
    base = log(df.documents + df.prior + 2) + 1.0
    ranked = sorted(
        [(-(1.0 + log(c)) * (base - log(known(f, 0) + 1)), f) for f, c in counts.items() if c > 0]
    )[:keep]
    norm = math.sqrt(sum(w * w for w, _ in ranked))
    if norm == 0.0:
        return {}
    return {f: -w / norm for w, f in ranked}


def dot(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Dot product of two sparse vectors (the key intersection runs in C; sparse vectors
    share few keys, so only those are multiplied)."""
    return sum([a[f] * b[f] for f in a.keys() & b.keys()])


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
