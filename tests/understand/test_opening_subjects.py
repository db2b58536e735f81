"""The subject that speaks through ", saying …" when it opens the sentence as a description
("The retired surgeon has …", "The shipping magnate began by …"). Every article here is
written for these tests."""

from __future__ import annotations

from storywatch.understand import extract_statements
from tests.support.statements import kind_speaker_text


def test_a_participle_after_the_determiner_describes_the_subject() -> None:
    text = (
        "The retired surgeon has given no details of his plans, saying only that he was "
        "“refining some practices on the ward.”\n"
    )
    [only] = extract_statements(text)
    assert only.speaker_mention == "The retired surgeon"
    assert only.text.startswith("that he was “refining")


def test_an_irregular_past_ends_the_subject() -> None:
    text = (
        "The shipping magnate began by talking about the harbour, saying that a berth is "
        "now “cheaper than a parking space.”\n"
    )
    [only] = extract_statements(text)
    assert only.speaker_mention == "The shipping magnate"
    assert only.text.startswith("that a berth is now")


def test_that_before_a_quantifier_joins_a_clause_and_is_no_part_of_its_subject() -> None:
    # "learned that most residents say …": "that" opens the learned clause; "most residents"
    # is who says (a demonstrative takes a noun: "That man said"). (With "A poll found" the
    # poll's finding holds the whole clause, as the annotators mark it: findings.py.)
    text = "The vote was close. The council learned that most residents say the levy is unfair."
    assert ("indirect", "most residents", "the levy is unfair") in kind_speaker_text(text)
