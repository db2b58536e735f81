"""A dash standing for a colon before a quotation that closes the sentence.

"Okafor was blunt — “The levy is dead.”", "Okafor said -- “The levy is dead.”": the dash
sets the quotation off as what the clause announces, as a colon would. Each fixture is our
own sentence in the shape of wire copy; each failed before this change: the quotation was
lost, or (after a cue) the statement held the dash and the marks as a reported clause.
"""

from __future__ import annotations

import pytest

from storywatch.understand import extract_statements


def _direct(text: str) -> list[tuple[str | None, str]]:
    return [(st.speaker, st.text) for st in extract_statements(text) if st.kind == "direct"]


_LEAD = "Maria Okafor spoke at the ferry terminal on Tuesday.\n\n"


@pytest.mark.parametrize(
    "sentence",
    [
        # a stance before a spaced em dash
        "Okafor was blunt — “The levy is dead.”",
        # a doubled hyphen, as plain-text wires write the dash
        "Okafor was blunt -- “The levy is dead.”",
        # an unspaced em dash
        "Okafor was blunt—“The levy is dead.”",
        # a verb of no speech with its object, then the dash
        "Okafor had a warning for the operators — “The levy is dead.”",
        # straight marks
        'Okafor was blunt — "The levy is dead."',
    ],
)
def test_a_dash_sets_off_the_quotation_for_the_subject(sentence: str) -> None:
    assert _direct(_LEAD + sentence) == [("Maria Okafor", "The levy is dead.")]


def test_a_dash_after_the_cue_gives_the_words_alone() -> None:
    # "said —" as "said:": the statement is the quotation, not "— “…”" as a clause
    assert _direct(_LEAD + "Okafor said — “The levy is dead.”") == [
        ("Maria Okafor", "The levy is dead.")
    ]
