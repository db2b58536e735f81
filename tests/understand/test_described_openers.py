"""A person who opens a sentence, then a description set off by commas that ends in a
noun, then that noun's own name: "Tomas Vale, the editor of the port's newspaper, The
Gazette, said …". The name after the description is the newspaper's (or the mayor's);
the person who opens the sentence speaks.

Each fixture is our own sentence in the shape of news copy. Each failed before this
change: the name inside the description was credited.
"""

from __future__ import annotations

import pytest

from tests.support.statements import direct_speaker_text


@pytest.mark.parametrize(
    "sentence",
    [
        "Tomas Vale, the editor of the city's paper, The Gazette, said the levy was “a disgrace.”",
        "Tomas Vale, a spokesman for the mayor, Ana Ruiz, said the levy was “a disgrace.”",
    ],
)
def test_the_described_person_speaks(sentence: str) -> None:
    assert [speaker for speaker, _ in direct_speaker_text(sentence)] == ["Tomas Vale"]


def test_a_role_then_its_name_still_gives_the_name() -> None:
    sentence = "His campaign manager, Jeff Weaver, said the levy was “a disgrace.”"
    assert [speaker for speaker, _ in direct_speaker_text(sentence)] == ["Jeff Weaver"]
