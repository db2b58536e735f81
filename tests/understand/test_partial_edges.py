"""Edges of reported clauses that carry a partial quotation (partial_tails._NEXT_ACT,
clause_ends.clause_opened):
shapes measured on PolNeAR train, in sentences written for these tests."""

from __future__ import annotations

from storywatch.understand import extract_statements
from tests.support.statements import direct_text_speaker


def test_and_a_pronoun_with_a_past_tense_after_the_quotation_is_the_next_act() -> None:
    text = (
        "The harbour board met on Monday.\n\n"
        "Mayor Ana Ruiz voiced a hope for a “calm, open and busy port,” and she pronounced "
        "the new pier “a gift.”\n"
    )
    [(first, _), *_rest] = direct_text_speaker(text)
    assert first == "a hope for a “calm, open and busy port,”"


def test_a_participle_after_and_goes_on_with_what_was_said() -> None:
    text = (
        "The harbour board met on Monday.\n\n"
        "Mayor Ana Ruiz said she pictured the crews watching a “quiet tide” and knowing "
        "that “the work was worth it.”\n"
    )
    [(said, _)] = direct_text_speaker(text)
    assert said.endswith("“the work was worth it.”")


def test_a_clause_opened_by_subject_and_verb_starts_at_the_cue() -> None:
    text = (
        "The harbour board met on Monday.\n\n"
        "Mayor Ana Ruiz said there was clear evidence that the board was “asleep at the "
        "wheel” during the storm.\n"
    )
    [(said, speaker)] = direct_text_speaker(text)
    assert said.startswith("there was clear evidence that the board was “asleep")
    assert speaker == "Ana Ruiz"


def test_a_that_after_a_noun_of_the_opened_clause_stays_inside_it() -> None:
    text = (
        "The ferry season closed early.\n\n"
        "Tomas Berg says his crew is the only one that “has finished every season” on time.\n"
    )
    [(said, _)] = direct_text_speaker(text)
    assert said.startswith("his crew is the only one that “has finished")


def test_a_cue_inside_the_opened_clause_does_not_take_over_its_quotation() -> None:
    text = (
        "The toll vote was delayed.\n\n"
        "Mayor Ana Ruiz said she expected that voters will say “no” to the new toll.\n"
    )
    [(said, speaker)] = direct_text_speaker(text)
    assert said.startswith("she expected that voters will say “no”")
    assert speaker == "Ana Ruiz"


def test_a_nested_quotation_closing_with_the_outer_one_ends_the_clause_like_a_comma() -> None:
    for opening, inner_open, inner_close, closing in (("“", "‘", "’", "”"), ('"', "'", "'", '"')):
        text = (
            "Mayor Ana Orlov spoke at the harbour.\n\n"
            f"The plan {opening}was never as simple as {inner_open}build it and they will "
            f"come,{inner_close}{closing} Orlov said on Monday.\n"
        )
        [st] = [st for st in extract_statements(text) if "build it" in st.text]
        assert st.kind == "direct"
        assert st.speaker == "Ana Orlov"
        assert st.text.startswith(f"The plan {opening}was never as simple as")


def test_a_quotation_opening_a_that_clause_keeps_the_words_that_finish_it() -> None:
    # Two lowercase words after the closing mark are the clause's verb, not an adverbial.
    statements = extract_statements("Okafor said that “the dockers” love him.")
    assert [(s.text, s.speaker) for s in statements] == [("that “the dockers” love him", "Okafor")]
