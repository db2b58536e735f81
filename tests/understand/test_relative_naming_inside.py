"""A relative clause that names something in mid-clause stays inside what was said.

"Okafor said the levy, which she called “reckless,” would hurt crews": after the
quotation the reported clause goes on with its own finite verb, so the relative clause
with its naming verb is part of it, not an act of its own. At the end of the clause ("…
the seat, which he called “a tragedy” for the town") it still is its own act. Each fixture
is our own sentence in the shape of wire copy; the comment names the shape. Each failed
before this change: only the quoted name, or the words after it, was read.
"""

from __future__ import annotations

import pytest

from tests.support.statements import kind_speaker_text


@pytest.mark.parametrize(
    ("text", "said"),
    [
        # "which she called", then the clause's verb
        (
            "Maria Okafor said the levy, which she called “reckless,” would hurt crews.",
            "the levy, which she called “reckless,” would hurt crews",
        ),
        # inside a scene-setting clause
        (
            "When Maria Okafor said the levy, which she called “reckless,” would hurt crews, "
            "the mayor laughed.",
            "the levy, which she called “reckless,” would hurt crews",
        ),
        # "which she described as", then a modal
        (
            "Maria Okafor said the levy, which she described as “a tax on ferries,” could "
            "double fares.",
            "the levy, which she described as “a tax on ferries,” could double fares",
        ),
    ],
)
def test_the_clause_holds_the_relative(text: str, said: str) -> None:
    assert kind_speaker_text("The hearing opened. " + text) == [("direct", "Maria Okafor", said)]


def test_a_relative_at_the_end_is_still_its_own_act() -> None:
    # guard
    text = "Maria Okafor argued that Ruiz would win the seat, which she called “a tragedy.”"
    found = kind_speaker_text("The hearing opened. " + text)
    assert ("direct", "Maria Okafor", "which she called “a tragedy.”") in found
