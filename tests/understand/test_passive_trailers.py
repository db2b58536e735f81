"""A trailer in the passive of asking or telling: “Will you resign?” the minister was asked.

Our own sentences, in the shape of interview copy and live blogs. Before this change the
trailer's subject (the one asked or told) was read as the speaker of the question put to
them. Now the agent after "by" speaks, and with no agent the trailer names no speaker.
"""

from __future__ import annotations

import pytest

from storywatch import extract_statements


@pytest.mark.parametrize(
    "text",
    [
        "“What do you make of the polls?” she was asked.",
        "“Will you resign?” the minister was asked on Tuesday.",
        "‘Is the deal dead?’ Mr Grady was asked.",
        "“You are finished here,” he was told.",
    ],
)
def test_the_one_asked_did_not_speak(text: str) -> None:
    assert extract_statements(text) == []


def test_the_agent_asked() -> None:
    text = "“Are you running?” he was asked by a reporter. “Not yet,” he said."
    found = [(s.text, s.speaker) for s in extract_statements(text)]
    assert found == [("Are you running?", "a reporter"), ("Not yet,", "he")]


def test_quoted_as_saying_still_speaks() -> None:
    found = extract_statements("“We have to win this,” he was quoted as saying.")
    assert [s.speaker for s in found] == ["he"]
