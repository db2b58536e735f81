"""A source named by how it knows: "two people familiar with the talks", "a source close to
the mayor", "officials briefed on the plan", before any cue, not only "said".

The phrase runs on past its head ("people", "source"), so the head test took the whole
phrase for a speaker only before "said" (where any noun phrase will do) or after a
quotation. Each fixture is our own sentence in the shape of wire copy; the comment names
the shape. Each failed before this change: the paraphrase was lost.
"""

from __future__ import annotations

import pytest

from storywatch.understand import extract_statements


def _paraphrases(text: str) -> list[tuple[str, str]]:
    return [(st.speaker, st.text) for st in extract_statements(text) if st.kind == "indirect"]


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        # "familiar with" before a cue other than "said"
        (
            "Two people familiar with the talks warned that the ferry port will close in May.",
            "Two people familiar with the talks",
            "that the ferry port will close in May",
        ),
        (
            "A source familiar with the budget insisted the levy would be dropped.",
            "A source familiar with the budget",
            "the levy would be dropped",
        ),
        # "close to", and a cue with its listener
        (
            "Two people close to the mayor told reporters that the vote would be delayed.",
            "Two people close to the mayor",
            "that the vote would be delayed",
        ),
        # the cue after the clause, with its listener
        (
            "The ferry port will close in May, two people familiar with the talks told reporters.",
            "two people familiar with the talks",
            "The ferry port will close in May",
        ),
    ],
)
def test_a_source_named_by_how_it_knows_speaks(text: str, speaker: str, content: str) -> None:
    assert _paraphrases(text) == [(speaker, content)]
