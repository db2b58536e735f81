""" "According to" closing a sentence with no quotation, over an act of saying inside it:
"Ruiz told aides that the port would close, according to two people in the room." The outer
source reports the whole sentence, the act inside with it (PolNeAR's annotators credit the
outer source so, as this reader already did for sentences with a quotation). The inner
cue's clause ran on to the trailer, so its content ended ", according to two people in the
room" and credited the inner speaker with the writer's sourcing.

Each fixture is our own sentence in the shape of wire copy; the first group failed before
this change. The last test holds the shape left alone: a speaker deep inside a clause of the
writer's, where the outer source may report only a later part.
"""

from __future__ import annotations

import pytest

from storywatch.understand import extract_statements


def _paraphrases(text: str) -> list[tuple[str, str]]:
    return [(st.speaker, st.text) for st in extract_statements(text) if st.kind == "indirect"]


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "Ruiz told aides that the port would close, according to two people in the room.",
            "two people",
            "Ruiz told aides that the port would close",
        ),
        # an opening phrase and an appositive before the inner speaker
        (
            "Earlier Tuesday, her deputy, Marco Vale, said the levy would pass easily, "
            "according to the Harbour Gazette.",
            "Harbour Gazette",
            "Earlier Tuesday, her deputy, Marco Vale, said the levy would pass easily",
        ),
        # a share of those polled as the inner speaker
        (
            "Nearly three in four say they would pay more for local fish, according to the survey.",
            "the survey",
            "Nearly three in four say they would pay more for local fish",
        ),
    ],
)
def test_according_to_closing_the_sentence_reports_the_act_inside(
    text: str, speaker: str, content: str
) -> None:
    assert _paraphrases(text) == [(speaker, content)]


def test_a_speaker_deep_in_the_writers_clause_keeps_its_own_reading() -> None:
    text = (
        "The strain showed this week when port filings revealed that the operator sought "
        "damages from Okafor, alleging that she leaked the plans, according to a letter "
        "from her lawyer."
    )
    readings = _paraphrases(text)
    assert ("port filings", "that the operator sought damages from Okafor") in readings
