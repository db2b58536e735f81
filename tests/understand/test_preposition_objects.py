"""A name governed by a preposition ("vote for Okafor", "at the thought of Okafor as
chairman") is an object, not the subject a later "he" goes on with: the reader keeps the
person the sentence is about.

Each fixture is our own text in the shape of news copy. Each failed before this change:
the "he" went to the object, the nearest name.
"""

from __future__ import annotations

from tests.support.statements import direct_speaker_text


def _speakers(text: str) -> list[str | None]:
    return [speaker for speaker, _ in direct_speaker_text(text)]


def test_the_object_of_for_is_not_who_answers() -> None:
    text = (
        "Daniel Okafor, the harbour commissioner, wants a second term.\n\n"
        '"This is like a pep rally," said Kwame Ruiz, a ferry mechanic. "Does anyone here '
        'know what a mechanic makes?"\n\n'
        "Did that mean Ruiz would vote for Okafor?\n\n"
        '"No, no, no," he said, laughing.\n'
    )
    assert _speakers(text)[-1] == "Kwame Ruiz"


def test_the_object_of_of_is_not_who_speaks_next() -> None:
    text = (
        "Just a few months ago, harbour developer Kwame Vale expressed dismay at the thought "
        "of Daniel Okafor as the board's chairman. \"I kept telling myself that can't "
        'happen," he told the Gazette in February.\n'
    )
    assert _speakers(text) == ["Kwame Vale"]


def test_as_for_makes_its_name_the_topic() -> None:
    text = (
        "Daniel Okafor spoke first about the ferry levy.\n\n"
        'As for Kwame Vale, he said he was not worried. "I will have the votes," he said.\n'
    )
    assert _speakers(text) == ["Kwame Vale"]
