"""Quotations set off in unusual ways: a short quotation in Title Case after a reporting
verb and a comma, cue words the lexicon did not know, a closing mark of the wrong kind.
Sentences written for these tests."""

from __future__ import annotations

from storywatch.understand import extract_statements
from storywatch.understand.text import find_quotes
from tests.support.statements import direct_speaker_text


def test_a_title_case_quotation_after_a_cue_and_comma_is_said() -> None:
    text = (
        "The harbor debate grew heated.\n\n"
        "Mayor Ana Ruiz tried to brush it off by interjecting, “Only Uncle Tomas.” But her "
        "rival went on.\n"
    )
    assert direct_speaker_text(text) == [("Ana Ruiz", "Only Uncle Tomas.")]


def test_a_title_case_quotation_after_a_noun_stays_a_title() -> None:
    text = (
        "The harbor debate grew heated.\n\n"
        "Mayor Ana Ruiz quoted one of her favourite reads, “Old Harbor Roads.” Then she sat "
        "down.\n"
    )
    assert direct_speaker_text(text) == []


def test_interjects_is_a_reporting_verb() -> None:
    text = "The harbor debate grew heated.\n\n“We never agreed,” Ana Ruiz interjects.\n"
    assert direct_speaker_text(text) == [("Ana Ruiz", "We never agreed,")]


def test_a_curly_opener_closed_with_a_single_mark_ends_there() -> None:
    text = (
        "The harbor vote was close.\n\n"
        "Ana Ruiz posted: “Let’s win this. The docks need us.’ Ruiz spoke at the pier later.\n"
    )
    assert direct_speaker_text(text) == [("Ana Ruiz", "Let’s win this. The docks need us.")]


def test_a_single_mark_closes_before_a_new_quotation_in_the_paragraph() -> None:
    text = "Ruiz posted: “The docks need us.’ She later praised the film, “Tidewater.”\n"
    assert [text[a:b] for q in find_quotes(text) for a, b in q.parts] == [
        "The docks need us.",
        "Tidewater.",
    ]


def test_an_apostrophe_after_a_plural_does_not_close_a_quotation() -> None:
    text = "Ruiz said: “We back the dockers’ union, and the drivers’ too.\n"
    [quote] = find_quotes(text)
    assert not quote.closed
    assert text[quote.parts[0][0] : quote.parts[0][1]].endswith("drivers’ too.")


def test_a_single_mark_closing_its_own_single_opener_leaves_the_quotation_open() -> None:
    text = "Ruiz said: “They told me, ‘Go home.’ I stayed.\n"
    [quote] = find_quotes(text)
    assert not quote.closed


def test_a_clause_after_a_cue_ending_in_a_lone_closing_mark_is_a_quotation() -> None:
    text = (
        "The harbor vote was close.\n\n"
        "Reading out his failed plans, Ana Ruiz added, the old board is a proven failure.”\n"
    )
    said = [(s.kind, s.speaker, s.text) for s in extract_statements(text)]
    assert said == [("direct", "Ana Ruiz", "the old board is a proven failure.")]


def test_a_paraphrase_ending_in_a_closed_quotation_stays_a_paraphrase_with_it() -> None:
    text = "The harbor vote was close.\n\nAna Ruiz added, the board is “a proven failure.”\n"
    said = [(s.kind, s.text) for s in extract_statements(text)]
    assert said == [("direct", "the board is “a proven failure.”")]


def test_a_closing_mark_after_a_cue_and_comma_with_nothing_open_opens() -> None:
    text = "The harbor vote was close.\n\nRuiz says,” there is nobody left to ask.”\n"
    assert direct_speaker_text(text) == [("Ruiz", "there is nobody left to ask.")]


def test_a_closing_mark_after_a_cue_inside_a_quotation_still_closes() -> None:
    text = "“All I have said,” the mayor added, “is on the record.”\n"
    assert [text[a:b] for q in find_quotes(text) for a, b in q.parts] == [
        "All I have said,",
        "is on the record.",
    ]
