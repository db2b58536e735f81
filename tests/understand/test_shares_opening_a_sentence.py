"""A share of those polled opening the sentence, capitalised: "A majority of those polled
said …", "Three-quarters of those surveyed said …".

Each fixture is our own sentence in the shape of wire copy. Each failed before this
change: the share was recognised only in lower case ("…, a majority of those polled
said"), so at a sentence's start the statement was lost.
"""

from __future__ import annotations

import pytest

from storywatch.understand.analysis import analyse
from storywatch.understand.statements import attribute


@pytest.mark.parametrize(
    "share",
    ["A majority of those polled", "Three-quarters of those surveyed", "A quarter of those asked"],
)
def test_a_capitalised_share_speaks(share: str) -> None:
    text = f"The poll closed Monday. {share} said the ferry levy was “a tax on islanders.”"
    found = [a for a in attribute(analyse(text)) if a.direct]
    assert [a.speaker.name for a in found] == [share]
