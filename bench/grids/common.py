"""What every grid shares: a family of cases, a failure with its cause, and the reading.

A *family* is a set of invented sentences, each with a known answer, and the check that
compares Storywatch's reading of the sentence with that answer. A check returns ``None``
when the reading is right, or a :class:`Failure` naming the cause (``MISS``, ``SPEAKER``,
``END-LONG`` ...) so the runner can group failures by what went wrong.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

from storywatch.understand.analysis import analyse
from storywatch.understand.attributed import Attributed
from storywatch.understand.statements import attribute


class Case(Protocol):
    """A sentence to read: ``label`` names its shape (what the grid crossed), for grouping."""

    @property
    def label(self) -> str: ...

    @property
    def text(self) -> str: ...


C = TypeVar("C", bound=Case)


@dataclass(frozen=True)
class Failure:
    """Why a case failed: ``cause`` groups failures, ``detail`` shows what was read."""

    cause: str
    detail: str = ""


@dataclass(frozen=True)
class Family(Generic[C]):
    """A grid: its name (the metric's name on the headline), what it checks, its cases and
    the check of one case."""

    name: str
    about: str
    cases: Callable[[], Sequence[C]]
    check: Callable[[C], Failure | None]


@dataclass(frozen=True)
class SpeakerCase:
    """A sentence after a ``lead`` sentence that introduces the people: the first direct
    statement after the lead must be found, start after the lead, and name ``wanted``
    (a word of the speaker's name, compared case-blind)."""

    label: str
    lead: str
    sentence: str
    wanted: str

    @property
    def text(self) -> str:
        return self.lead + self.sentence


def read(text: str) -> list[Attributed]:
    """Every statement Storywatch reads in ``text``, in order."""
    return attribute(analyse(text))


def speaker_name(statement: Attributed) -> str:
    """The resolved speaker's name, or "" when there is none."""
    return statement.speaker.name or ""


def check_speaker(case: SpeakerCase) -> Failure | None:
    """``MISS`` when no direct statement ends after the lead, ``SPEAKER`` when its speaker
    lacks the wanted word, ``JOINED`` when it starts inside the lead (the lead's words were
    swept into the statement)."""
    after = len(case.lead)
    found = [a for a in read(case.text) if a.direct and a.parts[-1][1] > after]
    if not found:
        return Failure("MISS")
    first = found[0]
    if case.wanted.lower() not in speaker_name(first).lower():
        return Failure("SPEAKER", repr(first.speaker.name))
    if first.parts[0][0] < after:
        return Failure("JOINED", case.text[first.parts[0][0] : first.parts[-1][1]])
    return None


def capitalised(words: str) -> str:
    """``words`` with its first letter upper case, as at the start of a sentence."""
    return words[:1].upper() + words[1:]


# A subject that ends in its own comma ("Lopez, 45,") put before a comma, a full stop or a
# possessive: "According to Lopez, 45,, the plan", "… according to Lopez, 45,.", "Lopez,
# 45,'s statement". Templates crossed with such subjects make these; no copy does.
_COLLIDING_COMMA = re.compile(r",\s*[,.;:]|,['’]s\b")


def reads_as_copy(text: str) -> bool:
    """False for a crossing no writer would produce (see ``_COLLIDING_COMMA``)."""
    return not _COLLIDING_COMMA.search(text)
