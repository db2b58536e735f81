"""Quotations set off in unusual ways: a short quotation in Title Case after a reporting
verb and a comma, cue words the lexicon did not know, a closing mark of the wrong kind.
Sentences written for these tests."""

from __future__ import annotations

from storywatch.understand import extract_statements


def _direct(text: str) -> list[tuple[str, str]]:
    return [(s.speaker, s.text) for s in extract_statements(text) if s.kind == "direct"]


def test_interjects_is_a_reporting_verb() -> None:
    text = "The harbor debate grew heated.\n\n“We never agreed,” Ana Ruiz interjects.\n"
    assert _direct(text) == [("Ana Ruiz", "We never agreed,")]
