"""A paraphrase that is only the thing written, or only the ones written to, is no claim.

Own sentences; before this change each gave a paraphrase of the noun phrase or "to …".
"""

from __future__ import annotations

import pytest

from tests.support.statements import kind_speaker_text


@pytest.mark.parametrize(
    "text",
    [
        "Late last month, the ferry company wrote a detailed, six-page letter to the mayor.",
        "Okafor wrote the introduction for a new book on the harbour.",
        "Okafor wrote the letter Feb. 2 to the port authority's legal adviser.",
        "On Tuesday, Okafor wrote to investors.",
    ],
)
def test_the_thing_written_is_not_what_was_claimed(text: str) -> None:
    assert [s for s in kind_speaker_text(text) if s[0] == "indirect"] == []


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        # a writing that goes on with a verb of its own is a clause, and a claim
        (
            "Okafor wrote that the piece made the council look careless.",
            "that the piece made the council look careless",
        ),
        # the one told, then the claim
        (
            "Okafor told The Harbour Gazette the levy would be repealed.",
            "the levy would be repealed",
        ),
    ],
)
def test_a_claim_after_a_writing_or_a_paper_stays(text: str, claim: str) -> None:
    said = [s[2] for s in kind_speaker_text(text) if s[0] == "indirect"]
    assert any(claim in s for s in said), said
