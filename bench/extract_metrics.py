"""Scoring functions for bench/eval_extract.py, written from the metrics' published definitions.

- Snippet metric of the trafilatura evaluation (its SOURCE.md): whitespace-normalised
  substring checks of "with" and "without" segments, summed over the corpus.
- Shingle metric of the article-extraction benchmark (scrapinghub): 4-word shingles of
  ``\\w+`` tokens, multiset tp/fp/fn normalised per document, precision and recall averaged
  over documents, F1 from those means.
- Metadata checks of the readability test pages (its SOURCE.md): title exact after
  whitespace/case normalisation, byline token F1, published time within the same UTC minute
  (or the same date when only a date is given).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime

_WS = re.compile(r"\s+")
_TOKEN = re.compile(r"\w+")


def ws_norm(text: str) -> str:
    return _WS.sub(" ", text).strip()


@dataclass(slots=True)
class SnippetScore:
    """Corpus sums of the trafilatura snippet metric."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    failures: int = 0

    def add(self, extracted: str | None, with_: list[str], without: list[str]) -> None:
        if not extracted:
            self.failures += 1
            self.fn += len(with_)
            self.tn += len(without)
            return
        text = ws_norm(extracted)
        found = sum(1 for seg in with_ if ws_norm(seg) in text)
        leaked = sum(1 for seg in without if ws_norm(seg) in text)
        self.tp += found
        self.fn += len(with_) - found
        self.fp += leaked
        self.tn += len(without) - leaked

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def accuracy(self) -> float:
        total = self.tp + self.fp + self.fn + self.tn
        return (self.tp + self.tn) / total if total else 0.0


def _shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
    count = max(1, len(tokens) - n + 1)
    return Counter(tuple(tokens[i : i + n]) for i in range(count) if tokens[i : i + n])


def shingle_counts(expected: str, predicted: str) -> tuple[float, float, float]:
    """Per-document tp, fp, fn over 4-shingles, normalised to sum to one."""
    true, pred = _shingles(expected), _shingles(predicted)
    tp = float(sum((true & pred).values()))
    fp = float(sum((pred - true).values()))
    fn = float(sum((true - pred).values()))
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


@dataclass(slots=True)
class ShingleScore:
    docs: list[tuple[float, float, float]] = field(default_factory=list)

    def add(self, expected: str, predicted: str) -> None:
        self.docs.append(shingle_counts(expected, predicted))

    @staticmethod
    def _p(tp: float, fp: float, fn: float) -> float:
        if fp == fn == 0:
            return 1.0
        return 0.0 if tp == fp == 0 else tp / (tp + fp)

    @staticmethod
    def _r(tp: float, fp: float, fn: float) -> float:
        if fp == fn == 0:
            return 1.0
        return 0.0 if tp == fn == 0 else tp / (tp + fn)

    @property
    def precision(self) -> float:
        values = [self._p(*d) for d in self.docs if d[0] + d[1] > 0]
        return sum(values) / len(values) if values else 0.0

    @property
    def recall(self) -> float:
        values = [self._r(*d) for d in self.docs if d[0] + d[2] > 0]
        return sum(values) / len(values) if values else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def title_match(gold: str | None, ours: str | None) -> bool:
    return ws_norm(gold or "").casefold() == ws_norm(ours or "").casefold()


def token_f1(gold: str | None, ours: str | None) -> float:
    g = Counter(t.casefold() for t in _TOKEN.findall(gold or ""))
    o = Counter(t.casefold() for t in _TOKEN.findall(ours or ""))
    common = sum((g & o).values())
    if not g and not o:
        return 1.0
    if not common:
        return 0.0
    p, r = common / sum(o.values()), common / sum(g.values())
    return 2 * p * r / (p + r)


def _gold_instant(text: str) -> tuple[datetime, bool] | None:
    """The gold time and whether it carries a time of day (else: compare dates only)."""
    raw = text.strip()
    date_only = bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw))
    cleaned = raw.replace(" ", "T", 1)
    cleaned = re.sub(r"Z$", "+00:00", cleaned)
    cleaned = re.sub(r"([+-]\d{2})(\d{2})$", r"\1:\2", cleaned)
    cleaned = re.sub(r"(\.\d{1,6})\d*", r"\1", cleaned)
    try:
        value = datetime.fromisoformat(cleaned)
    except ValueError:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC), not date_only


def same_time(gold: str, ours: datetime | None) -> bool:
    parsed = _gold_instant(gold)
    if parsed is None or ours is None:
        return False
    value, has_time = parsed
    ours = ours.astimezone(UTC)
    if not has_time:
        return value.date() == ours.date()
    return abs((value - ours).total_seconds()) < 60
