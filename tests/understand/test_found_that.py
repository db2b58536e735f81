""" "found that" reports a finding when what was found holds a quotation.

"Two analysts found in 2014 that the air force is “the best in the world.”": on PolNeAR
train "X found that …" is annotated as an attribution 33 times in 47, so "found" is a verb
that governs a quotation (lexicon.QUOTE_CUES). Before this change only a named subject
found anything ("Pew found …", read by the fallback). Like the other such verbs it reads
only a content that holds someone's words; the body found at a scene stays unread. Our own
sentences; the first three failed before this change.
"""

from __future__ import annotations

import pytest

from tests.support.statements import direct_speaker_text


@pytest.mark.parametrize(
    ("text", "speaker", "said"),
    [
        ("Two analysts found in 2014 that the air force is “the best in the world.”",
         "Two analysts", "that the air force is “the best in the world.”"),
        ("A study found that the cuts caused “significant” harm.",
         "A study", "that the cuts caused “significant” harm"),
        ("A lobbyist for the industry found that the levy was “a tax on ferries.”",
         "A lobbyist for the industry", "that the levy was “a tax on ferries.”"),
    ],
)  # fmt: skip
def test_found_reports_a_quotation(text: str, speaker: str, said: str) -> None:
    assert direct_speaker_text(text) == [(speaker, said)]


def test_found_object_is_not_words() -> None:
    assert direct_speaker_text("Police found the body near a sign reading “Keep Out.”") == []
