"""One capitalised word between a quotation's close and its cue is the speaker's family
name, whatever common word it also is (a modal, a verb, a preposition), with a preposition
only after the quotation's closing comma. Both readers of that place (the trailer reader
and the subject walk) ask the one rule in ``lone_surnames``. Our own sentences."""

from __future__ import annotations

import pytest

from storywatch.understand import extract_statements
from storywatch.understand.lone_surnames import lone_surname
from storywatch.understand.text import Word


def _word(text: str, token: str) -> Word:
    at = text.index(token)
    return Word((token, at, at + len(token)))


@pytest.mark.parametrize(
    ("text", "token", "name"),
    [
        ("“The levy is fair,” Will wrote.", "Will", True),
        ("“The levy is fair,” Read said.", "Read", True),
        ("“The levy is fair,” From said.", "From", True),
        ("“The levy is fair”, Will wrote.", "Will", True),
        ("“Is the levy fair?” From said.", "From", False),
        ("“The levy is fair,” he said.", "he", False),
        ("“The levy is fair,” The said.", "The", False),
        ("“The levy is fair,” Then said.", "Then", False),
    ],
)
def test_one_word_after_a_close_is_a_name(text: str, token: str, name: bool) -> None:
    assert lone_surname(text, _word(text, token)) is name


def test_a_modal_name_in_a_trailer_speaks() -> None:
    text = "George Will wrote on Sunday. “The harbour levy is a fair price,” Will wrote."
    assert [s.speaker for s in extract_statements(text)] == ["George Will"]
