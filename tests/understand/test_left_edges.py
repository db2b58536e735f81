"""Where a reported clause holding a quotation starts: the left edge of what was said.
Every article here is written for these tests."""

from __future__ import annotations

from storywatch.understand import extract_statements
from tests.support.statements import direct_text_speaker


def test_quotation_after_a_colon_inside_a_reported_clause_is_said_alone() -> None:
    text = (
        "When Mayor Tomas Varga suggested that the port would close for a month, "
        "Ana Ruiz answered sharply: “If they close it, we will all lose our jobs.”\n"
    )
    assert direct_text_speaker(text) == [
        ("If they close it, we will all lose our jobs.", "Ana Ruiz")
    ]


def test_quotation_after_a_participle_and_a_comma_is_said_alone() -> None:
    text = (
        "Ana Ruiz, who said last week that the council had misled the dockers, issued a "
        "statement on Tuesday saying, “We never meant to blame anyone.”\n"
    )
    assert direct_text_speaker(text) == [("We never meant to blame anyone.", "Ana Ruiz")]


def test_lowercase_quotation_after_a_comma_still_finishes_its_clause() -> None:
    text = "Ana Ruiz said the delay was not the council's fault, “not by a long shot.”\n"
    [only] = direct_text_speaker(text)
    assert only[0].startswith("the delay was not")


def test_quotation_before_according_to_keeps_the_whole_sentence() -> None:
    text = (
        "One notice, apparently written for the night shift, said: “Nobody leaves before "
        "the last crane is down,” according to a letter from the union.\n"
    )
    [only] = direct_text_speaker(text)
    assert only[0].startswith("One notice")


def test_owned_noun_after_a_naming_verb_is_its_object() -> None:
    text = (
        "Senator Ana Ruiz, who has called Mayor Tomas Varga's remarks “plainly reckless,” "
        "spent the week touring the docks.\n"
    )
    [(said, speaker)] = direct_text_speaker(text)
    assert said.startswith("Mayor Tomas Varga's remarks “plainly reckless,”")
    assert speaker == "Ana Ruiz"


def test_contracted_pronoun_is_no_owner() -> None:
    text = "Ana Ruiz was upbeat. She's predicting the port will be “busier than ever.”\n"
    [only] = direct_text_speaker(text)
    assert only[1] == "Ana Ruiz"


def test_that_before_a_subordinator_opens_the_clause_after_an_adverbial() -> None:
    text = (
        "Vale said in a statement Sunday that although the vote was “a step forward,” it was "
        "“far from fair.”\n"
    )
    [only] = extract_statements(text)
    assert only.text.startswith("that although the vote was")


def test_that_before_such_opens_the_clause_after_an_adverbial() -> None:
    text = "Okafor wrote in a court filing that such a request was “pointless” for the port.\n"
    [only] = extract_statements(text)
    assert only.text == "that such a request was “pointless” for the port"
