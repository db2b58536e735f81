"""A middle initial that is also a word ("A.", "I.") keeps a name whole: "Odalys A. Brenner"
is one person, not "Odalys" and "Brenner", so her later "she" resolves to her. Each fixture
is our own text in the shape of wire copy."""

from __future__ import annotations

from tests.support.statements import direct_text_speaker


def test_initial_a_keeps_the_name_for_a_later_pronoun() -> None:
    text = (
        "Judge Tomas Ruiz heard the case on Monday.\n\n"
        "Odalys A. Brenner, a lawyer from Portland, argued for the ferry workers. "
        "“There can be no second-class contract,” she told Ruiz."
    )
    assert direct_text_speaker(text) == [
        ("There can be no second-class contract,", "Odalys A. Brenner")
    ]


def test_initial_i_in_a_full_name() -> None:
    text = "“We will appeal,” said Kester I. Vandal, the union's counsel."
    assert direct_text_speaker(text) == [("We will appeal,", "Kester I. Vandal")]
