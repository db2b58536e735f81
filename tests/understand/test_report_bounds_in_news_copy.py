"""Where a paraphrase in court, business and police copy ends or starts: not over the
writer's account of what the news did ("…, sending its shares up 15%"), nor the speaker's
refusal ("… and declined to name the suspects"), nor the description of a document after
"according to" ("According to the lawsuit, filed in …, the company …").

Each fixture is our own sentence in the shape of wire or local-paper copy.
"""

from __future__ import annotations

import pytest

from tests.support.statements import only_statement


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Apex Pharmaceuticals said the trial had met its primary endpoint, sending its "
            "shares up 15%.",
            "the trial had met its primary endpoint",
        ),
        (
            "The union said the talks had collapsed, prompting a walkout at two plants.",
            "the talks had collapsed",
        ),
        (
            "A spokesperson for the sheriff's office said the investigation is ongoing and "
            "declined to release the names of the suspects.",
            "the investigation is ongoing",
        ),
        (
            "Lund said the recall covered about 40,000 vehicles, and refused to say how "
            "many had been repaired.",
            "the recall covered about 40,000 vehicles",
        ),
    ],
)
def test_the_paraphrase_ends_where_the_writer_resumes(text: str, content: str) -> None:
    assert only_statement(text).text == content


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "According to the lawsuit, filed in federal court in Boston, the company ignored "
            "repeated warnings from its own engineers.",
            "the company ignored repeated warnings from its own engineers",
            "the lawsuit",
        ),
        (
            "According to the audit, released Monday by the state comptroller, the agency "
            "lost track of 40 laptops.",
            "the agency lost track of 40 laptops",
            "the audit",
        ),
    ],
)
def test_a_documents_description_is_no_part_of_its_claim(
    text: str, content: str, speaker: str
) -> None:
    st = only_statement(text)
    assert (st.text, st.speaker) == (content, speaker)
