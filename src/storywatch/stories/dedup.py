"""Exact and near duplicates (T1, T2): one text carried by many outlets is one article.

Exact copies are caught by the canonical URL (tracking parameters, ``www.``, fragments and
trailing slashes removed) or by a hash of the folded words of the text. Near copies (wire
reports with a changed headline, a trimmed ending, a local paragraph) are caught with
MinHash over word 4-grams and datasketch's LSH index. A truncated copy has a low Jaccard
against the full text, so a candidate also counts when the shorter text is almost all
contained in the longer one (containment estimated from Jaccard and the two set sizes).
"""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import numpy as np
import numpy.typing as npt
from datasketch import MinHash, MinHashLSH

from storywatch.stories.text import words, wordset

_TRACKING_PREFIXES = ("utm_", "mc_", "pk_", "ga_")
_TRACKING_KEYS = wordset(
    "fbclid gclid dclid msclkid yclid igshid ref ref_src cmpid cmp smid srnd src "
    "sh ito mbid rss ocid partner taid"
)


def canonical_url(url: str | None) -> str | None:
    """The form of a URL two outlets' feeds would agree on; None when there is none."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    if not parts.netloc:
        return None
    host = parts.netloc.lower()
    for prefix in ("www.", "m.", "amp."):
        if host.startswith(prefix):
            host = host[len(prefix) :]
    host = host.removesuffix(":80").removesuffix(":443")
    path = parts.path.rstrip("/") or "/"
    if path.endswith("/amp"):
        path = path[: -len("/amp")] or "/"
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not k.lower().startswith(_TRACKING_PREFIXES) and k.lower() not in _TRACKING_KEYS
    ]
    return urlunsplit(("", host, path, urlencode(sorted(query)), ""))


def content_hash(text: str) -> str | None:
    """A digest of the words of ``text``: the same text with other spacing or quotes agrees."""
    return words_hash(words(text))


def words_hash(folded: Sequence[str]) -> str | None:
    """:func:`content_hash` of text already split into folded words."""
    if len(folded) < 5:
        return None
    return hashlib.blake2b(" ".join(folded).encode(), digest_size=16).hexdigest()


def shingles(ws: Sequence[str], size: int = 4) -> set[bytes]:
    """Word ``size``-grams of folded words, as bytes for hashing."""
    if len(ws) < size:
        return {" ".join(ws).encode()} if ws else set()
    return {" ".join(ws[i : i + size]).encode() for i in range(len(ws) - size + 1)}


def _crc(data: bytes) -> int:
    return zlib.crc32(data)


class _WordHashes(dict[str, int]):
    """word -> CRC-32 of its UTF-8 bytes, filled on first use (bounded like the stems)."""

    def __missing__(self, word: str) -> int:
        if len(self) >= 200_000:
            self.clear()
        value = self[word] = zlib.crc32(word.encode())
        return value


_WORD_HASHES = _WordHashes()
_MIX = (np.uint32(0x9E3779B1), np.uint32(0x85EBCA77), np.uint32(0xC2B2AE3D), np.uint32(0x27D4EB2F))


def shingle_hashes(ws: Sequence[str]) -> npt.NDArray[np.uint32]:
    """Distinct 32-bit hashes of the word 4-grams of folded words.

    Each word is hashed once (CRC-32, so the values are the same in every process) and the
    four word hashes of a 4-gram are mixed with numpy, so no 4-gram string is ever built:
    the same sets as :func:`shingles`, up to hash collisions, at a fraction of the cost.
    """
    if not ws:
        return np.zeros(0, dtype=np.uint32)
    words = np.fromiter(map(_WORD_HASHES.__getitem__, ws), dtype=np.uint32, count=len(ws))
    if len(words) < 4:
        grams = np.bitwise_xor.reduce(words * _MIX[: len(words)], keepdims=True)
    else:
        n = len(words) - 3
        grams = (
            (words[:n] * _MIX[0])
            ^ (words[1 : n + 1] * _MIX[1])
            ^ (words[2 : n + 2] * _MIX[2])
            ^ (words[3:] * _MIX[3])
        )
    grams ^= grams >> np.uint32(16)  # murmur3's finaliser spreads the bits
    grams *= np.uint32(0x85EBCA6B)
    grams ^= grams >> np.uint32(13)
    grams *= np.uint32(0xC2B2AE35)
    grams ^= grams >> np.uint32(16)
    grams.sort()  # then distinct values: cheaper than np.unique's hashing at this size
    keep = np.empty(len(grams), dtype=bool)
    keep[0] = True
    np.not_equal(grams[1:], grams[:-1], out=keep[1:])
    return grams[keep]


@dataclass(frozen=True, slots=True)
class Sketch:
    """A MinHash signature of one text (the minimum of each permutation over its 4-gram
    hashes) with the size of its shingle set.

    The signature is kept as the bare array, not in a datasketch ``MinHash``: building one
    checks and copies its arguments (about 15 µs, once per article), and all the index
    does with a signature is compare it and cut it into band keys.
    """

    values: npt.NDArray[np.uint32]
    size: int

    def jaccard(self, other: Sketch) -> float:
        """The estimated Jaccard similarity: the share of permutations whose minimum agrees
        (as ``MinHash.jaccard`` computes it, to the last bit)."""
        return float(np.count_nonzero(self.values == other.values)) / float(len(self.values))


@dataclass(frozen=True, slots=True)
class NearMatch:
    article_id: int
    jaccard: float
    containment: float


class NearDuplicateIndex:
    """MinHash LSH over the texts of the window; keys are article ids.

    The banding (how many bands of how many rows) is the one datasketch's ``MinHashLSH``
    chooses for the candidate threshold; the band buckets are kept here, as tuples of
    article ids in one dict. datasketch's own storage keeps a set per bucket, about twenty
    per article, which the garbage collector then walks on every full collection; tuples of
    ints it does not (see docs/design/stories.md).
    """

    def __init__(
        self,
        *,
        num_perm: int = 128,
        candidate_threshold: float = 0.3,
        jaccard: float = 0.6,
        containment: float = 0.85,
        min_shingles: int = 12,
    ) -> None:
        self.num_perm = num_perm
        self.jaccard = jaccard
        self.containment = containment
        self.min_shingles = min_shingles
        banding = MinHashLSH(threshold=candidate_threshold, num_perm=num_perm)
        self.bands, self.rows = int(banding.b), int(banding.r)
        # datasketch's permutations for the seed; the signature is computed here (sketch_of)
        a, b = MinHash(num_perm=num_perm, seed=17, hashfunc=_crc).permutations
        if a.dtype != np.uint32 or b.dtype != np.uint32:
            raise ValueError("the MinHash permutations must be 32-bit (the affine32 scheme)")
        self._a: npt.NDArray[np.uint32] = a
        self._b: npt.NDArray[np.uint32] = b[:, None]
        self._sketches: dict[int, Sketch] = {}
        self._buckets: dict[bytes, tuple[int, ...]] = {}
        self._keys: dict[int, tuple[bytes, ...]] = {}

    def sketch(self, folded: Sequence[str]) -> Sketch | None:
        """A sketch of a text's folded words, or None when it is too short to judge copying.

        The minimum of each of the template's affine permutations over the 4-gram hashes
        is computed in one numpy pass (what ``MinHash.update_batch`` does after hashing
        each item in Python).
        """
        return self.sketch_of(shingle_hashes(folded))

    def sketch_of(self, grams: npt.NDArray[np.uint32]) -> Sketch | None:
        """:meth:`sketch` of a text whose :func:`shingle_hashes` are ``grams``."""
        if len(grams) < self.min_shingles:
            return None
        # one row per permutation, so that each minimum runs along contiguous memory (half
        # the time of the column-wise minimum at an article's size); uint32 arithmetic wraps
        # the same in either layout, so the values are those of the template's scheme
        products = np.multiply.outer(self._a, grams)
        products += self._b
        return Sketch(products.min(axis=1), len(grams))

    def _band_keys(self, sketch: Sketch) -> tuple[bytes, ...]:
        raw = sketch.values.tobytes()
        width = len(raw) // self.num_perm * self.rows
        return tuple(bytes((i,)) + raw[i * width : (i + 1) * width] for i in range(self.bands))

    def matches(self, sketch: Sketch) -> list[NearMatch]:
        """Indexed texts this one copies or is copied by, best first."""
        candidates: set[int] = set()
        get = self._buckets.get
        for key in self._band_keys(sketch):
            candidates.update(get(key, ()))
        found: list[NearMatch] = []
        for article_id in candidates:
            other = self._sketches[article_id]
            j = sketch.jaccard(other)
            smaller = min(sketch.size, other.size)
            contained = j * (sketch.size + other.size) / ((1.0 + j) * smaller) if smaller else 0.0
            if j >= self.jaccard or (j >= 0.25 and contained >= self.containment):
                found.append(NearMatch(article_id, j, min(1.0, contained)))
        found.sort(key=lambda m: (-m.jaccard, m.article_id))
        return found

    def add(self, article_id: int, sketch: Sketch) -> None:
        if article_id in self._sketches:
            return
        keys = self._band_keys(sketch)
        buckets = self._buckets
        for key in keys:
            buckets[key] = (*buckets.get(key, ()), article_id)
        self._keys[article_id] = keys
        self._sketches[article_id] = sketch

    def remove(self, article_id: int) -> None:
        if self._sketches.pop(article_id, None) is None:
            return
        buckets = self._buckets
        for key in self._keys.pop(article_id, ()):
            left = tuple(a for a in buckets.get(key, ()) if a != article_id)
            if left:
                buckets[key] = left
            else:
                buckets.pop(key, None)

    def __len__(self) -> int:
        return len(self._sketches)


def earliest(members: list[tuple[int, str, datetime]]) -> tuple[int, str, datetime]:
    """The first publisher among copies: earliest time, then lowest article id."""
    return min(members, key=lambda m: (m[2], m[0]))
