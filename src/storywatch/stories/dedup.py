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


@dataclass(frozen=True, slots=True)
class Sketch:
    """A MinHash of one text with the size of its shingle set."""

    minhash: MinHash
    size: int


@dataclass(frozen=True, slots=True)
class NearMatch:
    article_id: int
    jaccard: float
    containment: float


class NearDuplicateIndex:
    """MinHash LSH over the texts of the window; keys are article ids."""

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
        self._lsh = MinHashLSH(threshold=candidate_threshold, num_perm=num_perm)
        self._template = MinHash(num_perm=num_perm, seed=17, hashfunc=_crc)
        self._sketches: dict[int, Sketch] = {}

    def sketch(self, folded: Sequence[str]) -> Sketch | None:
        """A sketch of a text's folded words, or None when it is too short to judge copying."""
        grams = shingles(folded)
        if len(grams) < self.min_shingles:
            return None
        minhash = MinHash(
            num_perm=self.num_perm,
            seed=17,
            hashfunc=_crc,
            permutations=self._template.permutations,
            scheme=self._template.scheme,
        )
        minhash.update_batch(list(grams))
        return Sketch(minhash, len(grams))

    def matches(self, sketch: Sketch) -> list[NearMatch]:
        """Indexed texts this one copies or is copied by, best first."""
        found: list[NearMatch] = []
        for key in self._lsh.query(sketch.minhash):
            other = self._sketches[key]
            j = float(sketch.minhash.jaccard(other.minhash))
            smaller = min(sketch.size, other.size)
            contained = j * (sketch.size + other.size) / ((1.0 + j) * smaller) if smaller else 0.0
            if j >= self.jaccard or (j >= 0.25 and contained >= self.containment):
                found.append(NearMatch(int(key), j, min(1.0, contained)))
        found.sort(key=lambda m: (-m.jaccard, m.article_id))
        return found

    def add(self, article_id: int, sketch: Sketch) -> None:
        if article_id in self._sketches:
            return
        self._lsh.insert(article_id, sketch.minhash)
        self._sketches[article_id] = sketch

    def remove(self, article_id: int) -> None:
        if self._sketches.pop(article_id, None) is not None:
            self._lsh.remove(article_id)

    def __len__(self) -> int:
        return len(self._sketches)


def earliest(members: list[tuple[int, str, datetime]]) -> tuple[int, str, datetime]:
    """The first publisher among copies: earliest time, then lowest article id."""
    return min(members, key=lambda m: (m[2], m[0]))
