"""A second speaker after ", and" or ", but": "Okafor said the port would close, and Vale
said it would not" is two statements, not one that puts Vale's words in Okafor's mouth.
And "said little about …" reports no claim.

Each fixture is our own sentence in the shape of wire copy; the comment names the shape.
Each failed before this change: the first paraphrase ran on through the second speaker's
clause and the second statement was lost, or "little about the levy" was a paraphrase.
"""

from __future__ import annotations

import pytest

from storywatch.understand import extract_statements


def _paraphrases(text: str) -> list[tuple[str, str]]:
    return [(st.speaker, st.text) for st in extract_statements(text) if st.kind == "indirect"]


@pytest.mark.parametrize(
    ("text", "second"),
    [
        # ", and" with a named speaker
        (
            "Maria Okafor said the ferry port would close, and Mayor Dan Vale said it would not.",
            ("Dan Vale", "it would not"),
        ),
        # ", but" with a described speaker and "that"
        (
            "Maria Okafor said the ferry port would close, but harbour officials said that it "
            "would stay open.",
            ("harbour officials", "that it would stay open"),
        ),
    ],
)
def test_a_second_speaker_after_a_conjunction_is_a_second_statement(
    text: str, second: tuple[str, str]
) -> None:
    assert _paraphrases(text) == [("Maria Okafor", "the ferry port would close"), second]


def test_saying_little_about_a_thing_is_no_claim() -> None:
    text = (
        "Maria Okafor has said little about the levy in recent weeks, and people close to "
        "her say she now backs it."
    )
    assert _paraphrases(text) == [("people close to her", "she now backs it")]


def test_saying_little_by_a_witness_account_is_no_claim() -> None:
    # The account's source sits after the comma; "little" is still all that was said.
    text = "Maria Okafor spoke on Monday. She said little, according to an attendee."
    assert _paraphrases(text) == []
