"""Words put in the mouth of anyone: "if you tell them, “…”", "when you say …".

The second person after "if" or "when" is nobody in particular, so what it "says" was
said by no one, as with "as if to say, “…”". Before this change the pronoun was resolved to
the last person named, who was credited with words they never said. Our own sentences.
"""

from __future__ import annotations

import pytest

from storywatch.understand import extract_statements


@pytest.mark.parametrize(
    "text",
    [
        # a conditional opening the sentence
        "Maria Okafor spoke first. If you tell the crews, “You will pay more next year!” they "
        "panic.",
        # after a first clause and "and"
        "Maria Okafor spoke first. Fares are rising, and if you tell the crews, “You will pay "
        "more next year,” they panic.",
        # "when"
        "Maria Okafor spoke to the crews. It scares them, and when you tell them, “You will pay "
        "more next year!” they panic.",
        # a reported clause
        "Maria Okafor knows what the crews mean when you say the ferries are late.",
    ],
)
def test_generic_you_says_nothing(text: str) -> None:
    assert extract_statements(text) == []


def test_a_named_speaker_after_if_still_speaks() -> None:
    text = "If asked, Maria Okafor says, “The levy is a tax on ferries.”"
    assert [(st.speaker, st.text) for st in extract_statements(text)] == [
        ("Maria Okafor", "The levy is a tax on ferries.")
    ]
