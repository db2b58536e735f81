"""A phrase naming a work by its title before the subject is no content of the cue.

"In an essay titled “The End of the Ferry,” Vale argued for a new bridge": the words before
the subject end with a comma inside the title's marks, the way a quotation before its
trailer does, but "titled" only names the essay. Each fixture is our own sentence in the
shape of wire copy; each read the phrase as a direct statement before this change.
"""

from __future__ import annotations

import pytest

from tests.support.statements import direct_speaker_text

_LEAD = "Ivo Vale has written about the harbour for years. "


@pytest.mark.parametrize(
    "sentence",
    [
        "In an essay titled “The End of the Ferry,” Vale argued for a new bridge.",
        "In a column headlined “Tolls for Whom,” Vale argued against the levy.",
        "In a 2019 report entitled “Silt and Tide,” Vale warned of floods.",
    ],
)
def test_a_titled_work_before_the_subject_is_not_said(sentence: str) -> None:
    # The title is never the subject's words; a message's title (a column's, a report's) is
    # read as the message's own (``titled_works``), a work's like the essay's not at all.
    found = direct_speaker_text(_LEAD + sentence)
    assert all(speaker != "Ivo Vale" for speaker, _ in found)
    assert all(speaker in ("a column", "a 2019 report") for speaker, _ in found)


def test_a_quotation_before_its_trailer_is_still_said() -> None:
    found = direct_speaker_text(
        _LEAD + "“The ferry is finished,” Vale argued in an essay on Monday."
    )
    assert [speaker for speaker, _ in found] == ["Ivo Vale"]
