"""A quotation named by a relative clause with its own subject is not the main subject's.

"Okafor moved to what locals call “the Flats” in 2010": "the Flats" is the locals' name for
the place; Okafor, the subject of a verb that reports nothing, said none of it. Each fixture
is our own sentence in the shape of wire copy; each credited Okafor with the quotation before
this change. The last must still be read: there the subject names the thing herself.
"""

from __future__ import annotations

import pytest

from storywatch.understand import extract_statements

_LEAD = "Maria Okafor ran for the harbour seat. "


def _direct_speakers(text: str) -> list[str]:
    return [st.speaker for st in extract_statements(text) if st.kind == "direct"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Okafor moved to what locals call “the Flats” in 2010.",
        "Okafor retired to what residents call “the island ward.”",
        "Okafor steered clear of what sailors call “the graveyard” for years.",
    ],
)
def test_a_name_others_give_is_not_the_subjects(sentence: str) -> None:
    assert "Maria Okafor" not in _direct_speakers(_LEAD + sentence)


def test_a_name_the_subject_gives_is_hers() -> None:
    text = _LEAD + "Okafor praised what she called a “fair deal” for riders."
    assert _direct_speakers(text) == ["Maria Okafor"]
