"""Quotations set off in unusual ways: a short quotation in Title Case after a reporting
verb and a comma, cue words the lexicon did not know, a closing mark of the wrong kind.
Sentences written for these tests."""

from __future__ import annotations

from storywatch.understand import extract_statements


def _direct(text: str) -> list[tuple[str, str]]:
    return [(s.speaker, s.text) for s in extract_statements(text) if s.kind == "direct"]


def test_a_title_case_quotation_after_a_cue_and_comma_is_said() -> None:
    text = (
        "The harbor debate grew heated.\n\n"
        "Mayor Ana Ruiz tried to brush it off by interjecting, “Only Uncle Tomas.” But her "
        "rival went on.\n"
    )
    assert _direct(text) == [("Ana Ruiz", "Only Uncle Tomas.")]


def test_a_title_case_quotation_after_a_noun_stays_a_title() -> None:
    text = (
        "The harbor debate grew heated.\n\n"
        "Mayor Ana Ruiz quoted one of her favourite reads, “Old Harbor Roads.” Then she sat "
        "down.\n"
    )
    assert _direct(text) == []


def test_interjects_is_a_reporting_verb() -> None:
    text = "The harbor debate grew heated.\n\n“We never agreed,” Ana Ruiz interjects.\n"
    assert _direct(text) == [("Ana Ruiz", "We never agreed,")]
