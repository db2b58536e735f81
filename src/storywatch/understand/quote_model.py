"""A learned second pass over the quotations the attribution rules left unclaimed.

The rules read sentence shapes; what they miss is a long tail of shapes, each rare (see
:mod:`storywatch.understand.quote_candidates`). Two small logistic models, trained on the
labelled attributions of the PolNeAR *train* split (``bench/train_quote_model.py``; the dev
split is never used to fit), take over there:

- *emit*: do this sentence's unclaimed quotations report someone's words at all, or are
  they scare quotes, titles and slogans nobody is credited with?
- *span*: which candidate is the content: the quotations alone, or the clause leading into
  them (and from which word)?

The weights are a table of named features in ``quote_model.json`` (a few thousand numbers,
no text of the corpus), read once per process. Scoring is a dictionary lookup per feature,
so the pass costs little beside the rules. A third model picks the speaker among the
names and pronouns of the sentence and whoever spoke in the sentence before
(:mod:`storywatch.understand.quote_speakers`).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from storywatch.understand.analysis import Analysis
from storywatch.understand.quote_candidates import Candidate, Group, candidates, groups
from storywatch.understand.speakers import History, Speaker, resolve
from storywatch.understand.quote_speakers import voices

Span = tuple[int, int]

WEIGHTS = Path(__file__).with_name("quote_model.json")
_NOBODY = Speaker("", -1, None, "")


@dataclass(frozen=True, slots=True)
class Linear:
    """A logistic model over named binary features."""

    bias: float
    weights: dict[str, float]

    def score(self, features: tuple[str, ...]) -> float:
        w = self.weights
        return self.bias + sum(w.get(f, 0.0) for f in features)

    def probability(self, features: tuple[str, ...]) -> float:
        return 1.0 / (1.0 + math.exp(-self.score(features)))


@dataclass(frozen=True, slots=True)
class QuoteModel:
    emit: Linear
    span: Linear
    speaker: Linear
    threshold: float  # emit when the emit model's probability reaches this

    def choose(self, an: Analysis, g: Group) -> Candidate | None:
        """The content this group reports, or None when it reports nobody's words."""
        if self.emit.probability(g.features) < self.threshold:
            return None
        return max(candidates(an, g), key=lambda c: self.span.score(c.features))

    def to_json(self) -> dict[str, object]:
        return {
            "threshold": self.threshold,
            "emit": {"bias": self.emit.bias, "weights": self.emit.weights},
            "span": {"bias": self.span.bias, "weights": self.span.weights},
            "speaker": {"bias": self.speaker.bias, "weights": self.speaker.weights},
        }


def from_json(data: dict[str, object]) -> QuoteModel:
    def linear(d: object) -> Linear:
        assert isinstance(d, dict)
        return Linear(float(d["bias"]), {str(k): float(v) for k, v in d["weights"].items()})

    threshold = data["threshold"]
    assert isinstance(threshold, (int, float))
    return QuoteModel(
        linear(data["emit"]), linear(data["span"]), linear(data["speaker"]), float(threshold)
    )


@cache
def load(path: Path = WEIGHTS) -> QuoteModel:
    return from_json(json.loads(path.read_text(encoding="utf-8")))


@dataclass(frozen=True, slots=True)
class Found:
    """A statement the model found: its content parts, sentence and speaker."""

    parts: tuple[Span, ...]
    sentence: int
    speaker: Speaker
    speaker_span: Span | None


def find(
    an: Analysis,
    claimed: list[Span],
    direct_sentences: set[int],
    history: History,
    last_speaker: dict[int, Speaker],
    model: QuoteModel | None = None,
) -> list[Found]:
    """Statements among the quotations the rules left: ``claimed`` are the rules' parts,
    ``direct_sentences`` the sentences holding their direct statements, ``last_speaker``
    the speaker of each sentence's last statement (for a quotation that goes on with it)."""
    model = model or load()
    out = []
    for g in groups(an, claimed, direct_sentences):
        chosen = model.choose(an, g)
        if chosen is None:
            continue
        s = g.sentence
        content = (chosen.parts[0][0], chosen.parts[-1][1])
        before = last_speaker.get(s.index - 1)
        options = voices(an, s, content, before is not None)
        span: Span | None = None
        speaker = _NOBODY
        if options:
            best = max(options, key=lambda v: model.speaker.score(v.features))
            span = best.span
            if span is not None:
                speaker = resolve(an, span, history)
            elif before is not None:
                speaker = before
        out.append(Found(chosen.parts, g.sentence.index, speaker, span))
    return out
