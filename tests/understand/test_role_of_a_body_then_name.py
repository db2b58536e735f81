"""A role hanging on a capitalised body, then the person's name: "“…,” said a spokeswoman
for the State Department, Ann Lee."

Each fixture is our own sentence in the shape of wire copy. Each failed before this
change: the body's capitalised name was read as the end of a person's name, so the role
("a spokeswoman for the State Department") or only its head ("a spokeswoman") was credited
with the words, not the person named after it. With a lowercase body ("for the ministry")
the name already spoke.
"""

from __future__ import annotations

import pytest

from tests.support.statements import direct_act_speakers


@pytest.mark.parametrize(
    "text",
    [
        "“The levy is a tax on ferries,” a spokeswoman for the Harbour Board, Ann Lee, said.",
        "“The levy is a tax on ferries,” said a spokeswoman for the Harbour Board, Ann Lee.",
        "“The levy is a tax on ferries,” said a spokeswoman for Acme Corp., Ann Lee.",
        "“The levy is a tax on ferries,” said the chair of the Ohio Ferry Union, Ann Lee.",
        "“The levy is a tax on ferries,” a spokeswoman for the Harbour Board, Ann Lee, said "
        "in an emailed statement.",
    ],
)
def test_the_name_after_the_role_speaks(text: str) -> None:
    assert direct_act_speakers(text) == ["Ann Lee"]
