"""A second act hung on a partial quotation by a verb that attributes the quotation it
governs ("… a “coward” and questioning why …", "…,” citing a ruling …"). Every article here
is written for these tests."""

from __future__ import annotations

from storywatch.understand import extract_statements


def test_a_participle_joined_by_and_after_the_quotation_is_a_second_act() -> None:
    text = (
        "The mayor stepped up her attacks on Friday, telling reporters that Brandt is a "
        "“coward” and questioning why he has “never once visited the quay.”\n"
    )
    first, second = extract_statements(text)
    assert first.text == "that Brandt is a “coward”"
    assert second.text.startswith("why he has “never once visited the quay")
    assert first.speaker == second.speaker == "The mayor"
    assert second.cue == "questioning"


def test_a_participle_after_the_closing_comma_is_a_second_act() -> None:
    text = (
        "The two councillors, however, argue that “there is a case for repayment,” citing a "
        "ruling in which a port board was found guilty of “gross neglect.”\n"
    )
    first, second = extract_statements(text)
    assert first.text.startswith("that “there is a case for repayment")
    assert "citing" not in first.text
    assert second.text.startswith("a ruling in which a port board was found guilty")
    assert second.cue == "citing"
    assert first.speaker == second.speaker


def test_a_participle_that_only_describes_stays_with_the_clause() -> None:
    text = "Ruiz said the plan was “reckless,” drawing loud boos and “shame” chants in the hall.\n"
    [only] = extract_statements(text)
    assert only.speaker == "Ruiz"
    assert only.text.startswith("the plan was “reckless,” drawing loud boos")
