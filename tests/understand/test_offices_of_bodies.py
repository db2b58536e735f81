"""An office named by its title and the body it heads: "the Speaker of the House", "the
head of the World Bank", "the Secretary-General of the United Nations".

Each fixture is our own sentence in the shape of wire copy. Each failed before this
change: the body after "of" ("the House", "World Bank", "United Nations") was credited
with the words, because a capitalised title or "head" did not hold the phrase together.
The last test is a guard, not a fix: a title with a person's name after the body still
speaks as that person (a first try at this change lost that).
"""

from __future__ import annotations

import pytest

from tests.support.statements import direct_act_speakers


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a capitalised title before "of" and a body
        (
            "The Speaker of the House said the levy was “a tax on ferries.”",
            "The Speaker of the House",
        ),
        (
            "“The levy is a tax on ferries,” the Speaker of the House said.",
            "the Speaker of the House",
        ),
        (
            "“The levy is a tax on ferries,” said the Secretary-General of the United Nations.",
            "the Secretary-General of the United Nations",
        ),
        (
            "The Secretary-General of the United Nations, speaking to reporters on Tuesday, "
            "said the levy was “a tax on ferries.”",
            "The Secretary-General of the United Nations",
        ),
        # "head" before "of"
        (
            "The head of the World Bank called the levy “a tax on ferries.”",
            "The head of the World Bank",
        ),
        (
            "“The levy is a tax on ferries,” the head of the World Bank told reporters.",
            "the head of the World Bank",
        ),
    ],
)
def test_office_of_a_body_speaks(text: str, speaker: str) -> None:
    assert direct_act_speakers(text) == [speaker]


def test_title_of_body_before_a_name_is_the_person() -> None:
    text = "Secretary of State Maria Okafor said the levy was “a tax on ferries.”"
    assert direct_act_speakers(text) == ["Maria Okafor"]
