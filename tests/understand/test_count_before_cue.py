"""A number set off by a comma before a verb in -s is an age or an aside's end, not a count
of the noun that follows: "Okafor, 56, says …" reports; "leads by 29 points" does not.

Each fixture is our own sentence in the shape of wire copy; the comment names the shape.
Each failed before this change: "says" after "56," was taken for a plural noun ("29
points") and the paraphrase was lost.
"""

from __future__ import annotations

import pytest

from storywatch.understand import extract_statements


def _paraphrases(text: str) -> list[tuple[str, str]]:
    return [(st.speaker, st.text) for st in extract_statements(text) if st.kind == "indirect"]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # an age between the name and "says"
        ("Okafor, 56, says the ferry port will close in May.", "the ferry port will close in May"),
        # the same after the clause
        ("The ferry port will close in May, Okafor, 56, says.", "The ferry port will close in May"),
        # a relative clause ending in a number
        (
            "Okafor, who has worked at the harbour since she was 25, says the levy is unfair.",
            "the levy is unfair",
        ),
    ],
)
def test_a_verb_after_a_set_off_number_reports(text: str, content: str) -> None:
    assert _paraphrases(text) == [("Okafor", content)]
