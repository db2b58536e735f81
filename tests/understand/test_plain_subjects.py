"""The subject of "say" as a plain noun phrase ("The gazette said …", "marine engineers
say …"), and the phrases that are no subject though they stand before the verb.

Each fixture is our own sentence in the shape of wire copy; the comment names the shape.
"""

from __future__ import annotations

import pytest

from storywatch.understand import extract_statements


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        # a determined noun phrase opening the sentence
        (
            "The gazette said the night ferry has run late on four of the past six Fridays.",
            "the night ferry has run late on four of the past six Fridays",
            "The gazette",
        ),
        # a plural noun after "but"
        (
            "Such a failure would be rare, but marine engineers say it is a real risk for "
            "older hulls.",
            "it is a real risk for older hulls",
            "marine engineers",
        ),
        # after a comma that ends an opening clause
        (
            "Even though the quay is open to the public, the dockers say guards still check "
            "every visitor at the gate.",
            "guards still check every visitor at the gate",
            "the dockers",
        ),
    ],
)
def test_a_plain_noun_phrase_says(text: str, content: str, speaker: str) -> None:
    statements = extract_statements(text)
    assert len(statements) == 1, statements
    assert statements[0].kind == "indirect"
    assert statements[0].text == content
    assert statements[0].speaker == speaker


@pytest.mark.parametrize(
    "text",
    [
        # the phrase before "say" is an object inside the subject
        "But those who back the ferry crews say the new levy has hurt the ferry trade.",
        # the phrase before "said" closes an aside set off by dashes
        "The ferry captain -- who has been at odds with the board over the past few weeks "
        "-- said the crossing was safe.",
        # a relative pronoun, not a subject
        "The small amount of fuel that inspectors said they found was not enough to matter.",
    ],
)
def test_a_phrase_that_does_not_open_its_clause_does_not_say(text: str) -> None:
    for statement in extract_statements(text):
        assert statement.speaker not in ("the ferry crews", "the past few weeks")
        assert not statement.speaker.startswith("that ")
