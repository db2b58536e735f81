"""A group named by a plural speaking noun that opens the sentence, then "at", "for" or
"to": "Officials at the ministry said …", "Lawyers for Vale said …", "Aides to Okafor
said …".

Each fixture is our own sentence in the shape of wire copy. Each failed before this
change: the noun, capitalised only because it opens the sentence, was not read as the
phrase's head, so the body or person after the preposition was credited with the words
(the aides' words were Okafor's).
"""

from __future__ import annotations

import pytest

from storywatch.understand.analysis import analyse
from storywatch.understand.statements import attribute


@pytest.mark.parametrize(
    "group",
    ["Officials at the harbour board", "Lawyers for Tom Vale", "Aides to Maria Okafor"],
)
def test_the_group_speaks(group: str) -> None:
    text = f"The hearing opened. {group} said the levy was “a tax on islanders.”"
    found = [a for a in attribute(analyse(text)) if a.direct]
    assert [a.speaker.name for a in found] == [group]
