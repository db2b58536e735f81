"""A role owned by a name or a place, set off before the speaker's name in a trailer, is
the speaker's, not part of what was said: "…, Okafor's spokesman, Dan Vale, said."

Each fixture is our own sentence in the shape of wire copy; the comment names the shape.
Each failed before this change: the paraphrase ran on through the role ("…, Okafor's
spokesman").
"""

from __future__ import annotations

import pytest

from storywatch.understand import extract_statements


def _paraphrases(text: str) -> list[tuple[str, str]]:
    return [(st.speaker, st.text) for st in extract_statements(text) if st.kind == "indirect"]


@pytest.mark.parametrize(
    "text",
    [
        # a person's spokesman
        "The ferry port will close in May, Okafor's spokesman, Dan Vale, said.",
        # a place's official, and a time after the cue
        "The ferry port will close in May, Maine's attorney general, Dan Vale, said Tuesday.",
        # a company's officer, and a listener after the cue
        "The ferry port will close in May, Acme's press secretary, Dan Vale, told reporters.",
    ],
)
def test_the_owned_role_belongs_to_the_speaker(text: str) -> None:
    assert _paraphrases(text) == [("Dan Vale", "The ferry port will close in May")]
