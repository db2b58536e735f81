"""A noun of speech whose speaker follows it after "by", "of" or "from".

"the contention of former secretary of state Maria Lopez that her emails were
“over-classified”", "a report by Politico that he “fabricated” the story", "2013 comments
from Tom Reyes that “time and distance prevented a response”": the owned form ("Lopez's
contention that …") was read; this one, with the speaker after the noun, was not. On
PolNeAR train each of the four uses of the shape with a quotation is annotated, and three
were missed. Our own sentences; each of the first three failed before this change. The
guards: a relative "that" after the speaker, and a speaker with no name.
"""

from __future__ import annotations

import pytest

from tests.support.statements import direct_speaker_text


@pytest.mark.parametrize(
    ("text", "speaker", "said"),
    [
        ("Her remarks buttress the contention of former secretary of state Maria Lopez that "
         "her emails were “over-classified.”",
         "Maria Lopez", "that her emails were “over-classified.”"),
        ("On Friday it was a report by Politico that he “fabricated” the story of an offer.",
         "Politico", "that he “fabricated” the story of an offer"),
        ("The email contradicts 2013 comments from Gov. Tom Reyes that “time and distance "
         "prevented a response.”",
         "Tom Reyes", "that “time and distance prevented a response.”"),
    ],
)  # fmt: skip
def test_speaker_after_the_noun(text: str, speaker: str, said: str) -> None:
    assert direct_speaker_text(text) == [(speaker, said)]


@pytest.mark.parametrize(
    "text",
    [
        # "that" opens a relative clause about the report, not what it said
        "It was a report by Politico that ran on Friday under the headline “Fabricated.”",
        # no name: a description alone does not make a statement of a noun
        "The suggestion by a potential president that someone “ought to look into” the judge "
        "was striking.",
    ],
)
def test_not_a_speakers_words(text: str) -> None:
    assert direct_speaker_text(text) == []
