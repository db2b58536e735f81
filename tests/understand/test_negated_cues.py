"""A negated verb of saying: "would not say whether …" tells what was withheld, with its
negation in the cue; "did not respond to a request for comment" reports nothing, and ends
an act before it. Every sentence here is written for these tests."""

from __future__ import annotations

from storywatch import extract_statements


def _read(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(s.text, s.speaker, s.cue) for s in extract_statements(text)]


def test_a_withheld_answer_is_read_with_its_negation() -> None:
    assert _read("Mayor Dana Okafor would not say whether the pier would reopen.\n") == [
        ("whether the pier would reopen", "Dana Okafor", "would not say")
    ]


def test_a_contracted_negation_is_no_part_of_the_speaker() -> None:
    assert _read("Harbour master Ian Pole hasn’t said when the levy will end.\n") == [
        ("when the levy will end", "Ian Pole", "hasn’t said")
    ]


def test_a_second_act_withheld_keeps_its_negation() -> None:
    text = "Police said the fire was set deliberately, but did not say who they suspected.\n"
    assert _read(text) == [
        ("the fire was set deliberately", "Police", "said"),
        ("who they suspected", "Police", "did not say"),
    ]


def test_a_negated_verb_before_anything_else_reports_nothing() -> None:
    assert _read("A spokesman for the harbour board did not respond to a request.\n") == []
    assert _read("Ian Pole has never said he would resign.\n") == []


def test_a_second_act_that_reports_nothing_still_ends_the_first() -> None:
    text = "Okafor said the pier was safe but did not respond to questions about the levy.\n"
    assert _read(text) == [("the pier was safe", "Okafor", "said")]
