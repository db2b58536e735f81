"""A reported "that" clause running into a colon and a quotation that spells it out."""

from __future__ import annotations

from storywatch import extract_statements


def _said(text: str) -> list[tuple[str, str | None]]:
    return [(s.text, s.speaker) for s in extract_statements(text)]


def test_that_clause_before_a_colon_stays_with_the_quotation() -> None:
    text = (
        "Mayor Okafor adds that the council now has two choices: "
        "“We build the bridge or we sell the land.”\n"
    )
    [(words, speaker)] = _said(text)
    assert words == (
        "that the council now has two choices: “We build the bridge or we sell the land.”"
    )
    assert speaker == "Okafor"


def test_a_cue_inside_the_clause_hands_the_quotation_over() -> None:
    text = (
        "The aide recalled the meeting, adding that Lindqvist said of the budget: "
        "“It will not pass this year.”\n"
    )
    [(words, _)] = _said(text)
    assert words == "It will not pass this year."


def test_a_relative_that_is_no_reported_clause() -> None:
    text = (
        "Vale answered with a line that could have come from her rival: "
        "“Stop complaining and start working.”\n"
    )
    [(words, _)] = _said(text)
    assert words == "Stop complaining and start working."
