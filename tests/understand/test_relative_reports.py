"""A report inside a relative clause: "the levy, which officials said will take effect in
May, does not cover …".

Each fixture is our own sentence in the shape of wire copy; the comment names the shape.
"""

from __future__ import annotations

import pytest

from storywatch.understand import extract_statements


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        # the main predicate resumes after the relative clause
        (
            "The new fares, which harbour officials said will take effect in May, will not "
            "apply to island residents.",
            "will take effect in May",
            "harbour officials",
        ),
        # a second relative clause follows
        (
            "The blast was set off by a diver who coast guard officials say is tied to the "
            "smugglers and who fled the island last week.",
            "is tied to the smugglers",
            "coast guard officials",
        ),
    ],
)
def test_a_report_inside_a_relative_clause(text: str, content: str, speaker: str) -> None:
    statements = extract_statements(text)
    assert len(statements) == 1, statements
    assert statements[0].kind == "indirect"
    assert statements[0].text == content
    assert statements[0].speaker == speaker
