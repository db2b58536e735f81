"""A statement while :func:`~storywatch.understand.statements.attribute` builds it.

    “We are not there yet,” Milley said. “That is not what’s happening.”

Reading goes on after a statement is made: a quotation standing alone, a resumed tag or a
run-on sentence may still go on it (:mod:`~storywatch.understand.continued_quotes`). So a
statement stays open, its parts and the sentence and paragraph it reached so far, until the
whole article is read; only then is it frozen into the :class:`~storywatch.model.Statement`
a reader sees. It lives apart from ``statements.py`` so that the readers which extend it
need not import the module that runs them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise

from storywatch.model import Statement
from storywatch.understand.analysis import Analysis
from storywatch.understand.spans import Span
from storywatch.understand.speakers import Speaker


@dataclass(slots=True)
class Attributed:
    """A statement while it is being built, with the spans the evaluation needs.

    ``breaks`` are the indices in ``parts`` where a quotation standing alone continued the
    statement ("“…,” Milley said. “That is not what’s happening.”"): one act of speech
    for the annotators of PolNeAR (whose scorer reads ``parts`` whole), two quotations for a
    reader, so :meth:`statements` gives one statement per quotation."""

    parts: list[Span]
    direct: bool
    speaker: Speaker
    speaker_span: Span | None
    cue: str | None
    sentence: int
    paragraph: int
    breaks: list[int] = field(default_factory=list)

    def freeze(self, an: Analysis) -> Statement:
        """The whole act of speech as one statement (quotations joined by a space)."""
        return self._statement(an, self.parts)

    def statements(self, an: Analysis) -> list[Statement]:
        """One statement per quotation, as a reader sees them."""
        bounds = [0, *self.breaks, len(self.parts)]
        return [self._statement(an, self.parts[a:b]) for a, b in pairwise(bounds) if b > a]

    def _statement(self, an: Analysis, parts: list[Span]) -> Statement:
        text = an.text
        pieces = [" ".join(text[s:e].split()) for s, e in parts]
        ident = an.identities[self.speaker.identity] if self.speaker.identity >= 0 else None
        return Statement(
            text=" ".join(p for p in pieces if p),
            kind="direct" if self.direct else "indirect",
            speaker=self.speaker.name,
            start=parts[0][0],
            end=parts[-1][1],
            speaker_key=ident.key if ident is not None else None,
            speaker_mention=self.speaker.mention,
            speaker_title=self.speaker.title,
            cue=self.cue,
        )
