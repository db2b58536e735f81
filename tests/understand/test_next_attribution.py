"""A paraphrase ends before the next attribution in its sentence ("…, Lee said he …") or
before the writer's label for what was said ("…, a plan the council has delayed").

Each fixture is our own sentence in the shape of wire copy; the comment names the shape.
"""

from __future__ import annotations

import pytest

from storywatch.understand import extract_statements


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        # a subordinate clause's report, then the main clause's speaker and cue
        (
            "While Ingrid Solberg has said that the quay is safe, Tomas Berg said he would "
            "not walk on it.",
            "that the quay is safe",
            "Ingrid Solberg",
        ),
        # the same speakers' second report after a comma
        (
            "Though captains who have sailed with Tomas Berg say they trust the new radar, "
            "they also say it fails in heavy snow.",
            "they trust the new radar",
            None,
        ),
        # a relative clause's report, then the main verb
        (
            "Tomas Berg, who said the hull was inspected by his own crew, said he knew of no "
            "cracks.",
            "the hull was inspected by his own crew",
            "Tomas Berg",
        ),
    ],
)
def test_a_paraphrase_ends_before_the_next_attribution(
    text: str, content: str, speaker: str | None
) -> None:
    first = extract_statements(text)[0]
    assert first.kind == "indirect"
    assert first.text == content
    if speaker is not None:
        assert first.speaker == speaker


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # the writer's label after the reported clause, with its own subject and verb
        (
            "Ingrid Solberg said the levy would fund a new quay, a plan the council has "
            "delayed twice since May.",
            "the levy would fund a new quay",
        ),
        (
            "The inspectors said the ferry should be taken out of service, a recommendation "
            "the harbour board adopted.",
            "the ferry should be taken out of service",
        ),
    ],
)
def test_a_paraphrase_ends_before_the_writer_s_label_for_it(text: str, content: str) -> None:
    assert extract_statements(text)[0].text == content
