"""A trailer after a reported clause that holds a cue of its own: the trailer's subject
speaks ("Ruiz cannot say that “…,” Okafor added": the sentence is Okafor's, and Ruiz's
"say" is part of what she said). Each fixture is our own sentence in the shape of wire copy.
"""

from __future__ import annotations

import pytest

from storywatch.understand import extract_statements


def _direct(text: str) -> list[tuple[str, str, str | None]]:
    return [(s.text, s.speaker, s.cue) for s in extract_statements(text) if s.kind == "direct"]


_INTRO = "Harbour master Jane Okafor spoke on Monday.\n\n"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a modal "say" inside the reported clause
        (
            "Ruiz cannot claim that the ferries run “on schedule,” Okafor added.",
            ("that the ferries run “on schedule,”", "Jane Okafor", "added"),
        ),
        # a participle of naming inside the reported clause
        (
            "Her rivals have mocked the plan, calling it “a fantasy,” Okafor said as she left.",
            ("the plan, calling it “a fantasy,”", "Jane Okafor", "said"),
        ),
        # a passive "asked": the clause stops at the quotation, not over the trailer
        (
            "Members are asked to rank choices, and the budget panel is less likely to be "
            "“overrun with lobbyists,” Okafor said.",
            (
                "to rank choices, and the budget panel is less likely to be "
                "“overrun with lobbyists,”",
                "Jane Okafor",
                "said",
            ),
        ),
    ],
)
def test_trailer_speaks_for_the_clause_before_it(
    sentence: str, expected: tuple[str, str, str]
) -> None:
    assert _direct(_INTRO + sentence) == [expected]


def test_trailer_repeating_the_subject_keeps_both_acts() -> None:
    text = (
        "Okafor said the tolls would take time to settle but added, “We will not raise them "
        "again this year,” Okafor said."
    )
    acts = _direct(_INTRO + text)
    assert acts == [("We will not raise them again this year,", "Jane Okafor", "added")]


def test_trailer_after_a_quotation_a_participle_led_in_holds_the_quotation_alone() -> None:
    # "telling a listener …, “…,” she said": the listener and the interview before the
    # comma are who heard it, not what was said.
    text = (
        "Okafor weighed in as well, telling the Harbour Gazette in an interview on Monday, "
        "“Both plans are sound,” she said, adding, “We will build both.”"
    )
    assert _direct(_INTRO + text) == [
        ("Both plans are sound,", "Jane Okafor", "said"),
        ("We will build both.", "Jane Okafor", "adding"),
    ]
