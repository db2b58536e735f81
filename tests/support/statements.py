"""Reading the statements of an invented text in the plain shapes tests compare.

Most statement tests say a sentence and compare what is read from it with a literal list,
e.g. ``assert direct_speaker_text(text) == [("Ms. Okafor", "We will not wait.")]``. The
readers here are the few shapes those lists take, so each test module need not define its
own copy; a module whose reading is its own (a single quote by its words, the parts of one
act) keeps it.
"""

from __future__ import annotations

from storywatch.model import Statement
from storywatch.understand import extract_statements
from storywatch.understand.analysis import analyse
from storywatch.understand.statements import attribute


def by_text(statements: list[Statement], words: str) -> Statement:
    """The first statement whose text holds ``words`` (StopIteration when none does: the
    statement was not found, which is what such a test checks)."""
    return next(s for s in statements if words in s.text)


def only_statement(text: str) -> Statement:
    """The one statement ``text`` gives; fails, showing them, when it gives none or several
    (so a test of one reading also checks that nothing else was read)."""
    statements = extract_statements(text)
    assert len(statements) == 1, statements
    return statements[0]


def direct_texts(text: str) -> list[str]:
    """The words of each direct quote, in order: for tests of where a quote starts and ends.

    ``“We are ready,” she said.`` -> ``["We are ready,"]``"""
    return [s.text for s in extract_statements(text) if s.kind == "direct"]


def direct_speaker_text(text: str) -> list[tuple[str | None, str]]:
    """(speaker, words) of each direct quote, in order: for tests of who is credited.

    ``“We are ready,” Ana Ruiz said.`` -> ``[("Ana Ruiz", "We are ready,")]``"""
    return [(s.speaker, s.text) for s in extract_statements(text) if s.kind == "direct"]


def direct_text_speaker(text: str) -> list[tuple[str, str | None]]:
    """(words, speaker) of each direct quote, in order: :func:`direct_speaker_text` for the
    tests that list the words first.

    ``“We are ready,” Ana Ruiz said.`` -> ``[("We are ready,", "Ana Ruiz")]``"""
    return [(s.text, s.speaker) for s in extract_statements(text) if s.kind == "direct"]


def kind_speaker_text(text: str) -> list[tuple[str, str | None, str]]:
    """(kind, speaker, words) of every statement, direct and indirect, in order: for tests
    that a clause is (or is not) read as a report.

    ``Ana Ruiz said the plant would close.`` -> ``[("indirect", "Ana Ruiz", "the plant would
    close")]``"""
    return [(s.kind, s.speaker, s.text) for s in extract_statements(text)]


def direct_act_speakers(text: str) -> list[str]:
    """The speaker's name of each direct act of speech as attribution builds it
    (``attribute(analyse(text))``), before acts become statements: one name for a quote
    continued across sentences, as the PolNeAR scorer counts it.

    ``“We are ready,” the mayor’s office said.`` -> ``["the mayor’s office"]``"""
    return [a.speaker.name for a in attribute(analyse(text)) if a.direct]
