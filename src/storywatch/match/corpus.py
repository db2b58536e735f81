"""Many articles, one query: an in-memory inverted index for the preview (M4).

The percolator answers "which queries match this article"; a preview asks the reverse,
"which of last month's articles would this query have matched", for a query typed a second
ago. Scanning tens of thousands of stored texts with SQL ``LIKE`` costs a few hundred
milliseconds per word and cannot fold accents or plurals the way matching does, so the
preview keeps this index of article *keys* (the same keys :class:`PreparedDoc` computes,
plus ``v:<word>`` for written forms that differ from their stem) and answers a query with
set operations over postings.

Every query node maps to a set of articles: exactly for words, fields and prefixes (their
keys are the truth), as a superset for phrases, several-word names and title prefixes
(their keys are necessary, not sufficient). :meth:`DocIndex.search` says which: when the
answer is not exact, each candidate must still be checked with
:func:`storywatch.match.evaluate` on the stored article.

Postings are arrays of 32-bit positions, combined as numpy boolean masks (a month of news
is a few tens of thousands of positions: a mask operation takes microseconds). A removed or
replaced article leaves a dead position behind until :meth:`DocIndex.compact` renumbers
them.
"""

from __future__ import annotations

import itertools
import math
from array import array
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from storywatch.match.doc import MatchDoc, PreparedDoc, index_keys, name_keys
from storywatch.match.query import And, Name, Node, Not, Phrase, Prefix, Term
from storywatch.match.text import stem


@dataclass(frozen=True, slots=True)
class Hits:
    """Articles found by :meth:`DocIndex.search`, newest first.

    ``exact`` is True when ``ids`` is exactly the set the query matches; otherwise it is a
    superset whose members must be checked one by one.
    """

    ids: tuple[int, ...]
    exact: bool


class DocIndex:
    """An inverted index from keys to articles, with a time per article."""

    def __init__(self) -> None:
        self._postings: dict[str, array[int]] = {}
        self._ids: array[int] = array("q")
        self._times: array[float] = array("d")
        self._position: dict[int, int] = {}
        self._by_head: dict[str, set[str]] = {}  # word keys by their first two letters

    def __len__(self) -> int:
        return len(self._position)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._position

    @property
    def dead(self) -> int:
        """Positions left behind by removed or replaced articles."""
        return len(self._ids) - len(self._position)

    def add(self, article_id: int, doc: MatchDoc | PreparedDoc, at: float) -> None:
        """Index (or re-index) an article; ``at`` is its time in seconds since the epoch."""
        if isinstance(doc, PreparedDoc):
            keys = {k for k in doc.keys if " " not in k or ":" in k}
            keys.update("v:" + w for w in doc.word_set if stem(w) != w)
        else:
            keys = index_keys(doc)
        self.discard(article_id)
        position = len(self._ids)
        self._ids.append(article_id)
        self._times.append(at)
        self._position[article_id] = position
        postings = self._postings
        for key in keys:
            bucket = postings.get(key)
            if bucket is None:
                postings[key] = array("i", (position,))
                self._file_head(key)
            else:
                bucket.append(position)

    def _file_head(self, key: str) -> None:
        """Group word keys (stems and ``v:`` forms) by two letters, for prefix lookups."""
        if ":" not in key:
            self._by_head.setdefault(key[:2], set()).add(key)
        elif key.startswith("v:"):
            self._by_head.setdefault(key[:4], set()).add(key)

    def words_starting(self, prefix: str) -> list[str]:
        """Word keys (stems and ``v:`` written forms) starting with ``prefix`` (2+ letters)."""
        stems = self._by_head.get(prefix[:2], set())
        forms = self._by_head.get("v:" + prefix[:2], set())
        written = "v:" + prefix
        return [k for k in stems if k.startswith(prefix)] + [
            k for k in forms if k.startswith(written)
        ]

    def discard(self, article_id: int) -> bool:
        """Drop an article; False when it was not indexed."""
        position = self._position.pop(article_id, None)
        if position is None:
            return False
        self._times[position] = math.nan
        return True

    def discard_before(self, cutoff: float) -> list[int]:
        """Drop every article older than ``cutoff``; returns their ids."""
        times = np.frombuffer(self._times, dtype=np.float64)
        ids = np.frombuffer(self._ids, dtype=np.int64)
        old = [int(ids[p]) for p in np.flatnonzero(times < cutoff)]
        del times, ids  # release the views before the arrays change
        for article_id in old:
            self.discard(article_id)
        return old

    def frequencies(self) -> dict[str, float]:
        """The share of indexed articles having each key (for :meth:`Percolator.rebalance`)."""
        size = max(len(self._ids), 1)
        return {key: len(bucket) / size for key, bucket in self._postings.items()}

    def count_since(self, since: float) -> int:
        """How many indexed articles are at or after ``since``."""
        return int(np.count_nonzero(np.frombuffer(self._times, dtype=np.float64) >= since))

    def compact(self) -> None:
        """Renumber positions so that dead ones no longer take room in the postings."""
        times = np.frombuffer(self._times, dtype=np.float64)
        alive = ~np.isnan(times)
        mapping = np.full(len(times), -1, dtype=np.int64)
        mapping[alive] = np.arange(int(alive.sum()))
        postings: dict[str, array[int]] = {}
        for key, bucket in self._postings.items():
            moved = mapping[np.frombuffer(bucket, dtype=np.int32)]
            moved = moved[moved >= 0].astype(np.int32)
            if moved.size:
                postings[key] = array("i", moved.tobytes())
        self._postings = postings
        self._by_head = {}
        for key in postings:
            self._file_head(key)
        self._ids = array("q", np.frombuffer(self._ids, dtype=np.int64)[alive].tobytes())
        self._times = array("d", times[alive].tobytes())
        self._position = {int(a): p for p, a in enumerate(self._ids)}

    def search(
        self, root: Node, since: float, external: Mapping[str, set[int]] | None = None
    ) -> Hits:
        """Articles at or after ``since`` that ``root`` may match, newest first.

        ``external`` gives, for some keys (``story:12``), the article ids that have them
        now, overriding what was indexed: the caller's fresher truth for fields that change
        after an article is indexed.
        """
        times = np.frombuffer(self._times, dtype=np.float64)
        window = times >= since  # dead positions hold NaN: never in the window
        found, exact = _Search(self, window, external or {}).run(root)
        positions = np.flatnonzero(found & window)
        newest_first = positions[np.argsort(-times[positions], kind="stable")]
        ids = np.frombuffer(self._ids, dtype=np.int64)[newest_first]
        return Hits(tuple(ids.tolist()), exact)


class _Search:
    """One query evaluated over postings as boolean masks: each node gives (mask, exact)."""

    def __init__(
        self, index: DocIndex, window: np.ndarray[Any, Any], external: Mapping[str, set[int]]
    ) -> None:
        self.index = index
        self.window = window
        self.external = external

    def run(self, node: Node) -> tuple[np.ndarray[Any, Any], bool]:
        if isinstance(node, Term):
            if " " in node.key and ":" not in node.key:
                return self.all_keys([stem(w) for w in node.key.split(" ")]), False
            return self.key(node.key), True
        if isinstance(node, Phrase):
            if node.in_title and len(node.words) > 1:
                pairs = itertools.pairwise(node.words)
                return self.all_keys([f"t:{a} {b}" for a, b in pairs]), False
            return self.all_keys([stem(w) for w in node.words]), False
        if isinstance(node, Name):
            space = "sn" if node.kind == "source" else node.kind
            return self.all_keys(name_keys(space, node.words)), False
        if isinstance(node, Prefix):
            return self.prefix(node.prefix), not node.in_title
        if isinstance(node, Not):
            inner, exact = self.run(node.child)
            return (~inner, True) if exact else (self.window.copy(), False)
        parts = [self.run(child) for child in node.children]
        masks = [m for m, _ in parts]
        combined = masks[0].copy()
        for mask in masks[1:]:
            if isinstance(node, And):
                combined &= mask
            else:
                combined |= mask
        return combined, all(e for _, e in parts)

    def mask(self, positions: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
        found = np.zeros(len(self.window), dtype=bool)
        found[positions] = True
        return found

    def key(self, key: str) -> np.ndarray[Any, Any]:
        if key in self.external:
            where = self.index._position
            hits = [where[a] for a in self.external[key] if a in where]
            return self.mask(np.array(hits, dtype=np.int64))
        bucket = self.index._postings.get(key)
        if bucket is None:
            return np.zeros(len(self.window), dtype=bool)
        return self.mask(np.frombuffer(bucket, dtype=np.int32))

    def all_keys(self, keys: list[str]) -> np.ndarray[Any, Any]:
        found = self.key(keys[0])
        for key in keys[1:]:
            found &= self.key(key)
        return found

    def prefix(self, prefix: str) -> np.ndarray[Any, Any]:
        found = np.zeros(len(self.window), dtype=bool)
        postings = self.index._postings
        for key in self.index.words_starting(prefix):
            found[np.frombuffer(postings[key], dtype=np.int32)] = True
        return found
