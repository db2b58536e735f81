"""The subject that speaks through ", saying …" when it opens the sentence as a description
("The retired surgeon has …", "The shipping magnate began by …"). Every article here is
written for these tests."""

from __future__ import annotations

from storywatch.understand import extract_statements


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
