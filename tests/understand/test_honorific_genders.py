"""An honorific tells a person's gender when the first name does not: "Rhonda Okafor, 52,
…" then "Ms. Okafor avoids …" is a woman, so a later "he" is not her.

Each fixture is our own text in the shape of New York Times copy (everyone named again
after an honorific). It failed before this change: the "he" went to Ms. Okafor, the
subject of the sentence before it, whose first name told no gender.
"""

from __future__ import annotations

from storywatch.understand.analysis import analyse
from tests.support.statements import direct_speaker_text

_TEXT = (
    "Rhonda Okafor, 52, lost her job at the ferry works in 2011. ''I never thought it "
    "would close,'' she said.\n\n"
    "Ms. Okafor avoids discussing the election with her mother, but their neighbor "
    "Benjamin Vale, 83, knows just what the capital needs. ''It'll take a junkyard dog "
    "to straighten this country out,'' he said.\n"
)


def test_a_he_is_not_the_woman_an_honorific_names() -> None:
    speakers = [speaker for speaker, _ in direct_speaker_text(_TEXT)]
    assert speakers == ["Rhonda Okafor", "Benjamin Vale"]


def test_mr_and_ms_on_one_surname_give_it_no_gender() -> None:
    text = (
        "Rhonda Quill spoke first. Mr. Quill, her husband, stood beside her. "
        "Ms. Quill said the ferry mattered.\n"
    )
    an = analyse(text)
    [rhonda] = [ident for ident in an.identities if ident.name == "Rhonda Quill"]
    assert rhonda.gender is None
