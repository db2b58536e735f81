"""Where a paraphrase in court, business and police copy ends or starts: not over the
writer's account of what the news did ("…, sending its shares up 15%"), nor the speaker's
refusal ("… and declined to name the suspects"), nor the description of a document after
"according to" ("According to the lawsuit, filed in …, the company …").

Each fixture is our own sentence in the shape of wire or local-paper copy.
"""

from __future__ import annotations

import pytest

from storywatch.understand import extract_statements
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


@pytest.mark.parametrize(
    "text",
    [
        'Knoll said on his podcast, "Tech Unfiltered," that the company would not be raising '
        "money this year.",
        "Knoll said on his podcast, Tech Unfiltered, that the company would not be raising "
        "money this year.",
    ],
)
def test_a_name_of_where_it_was_said_before_that(text: str) -> None:
    """After adverbials, the show or paper named between commas is where it was said; the
    "that" clause after it is what was said."""
    st = only_statement(text)
    assert (st.text, st.speaker) == (
        "that the company would not be raising money this year",
        "Knoll",
    )


def test_an_adverbial_then_a_participle_is_still_no_content() -> None:
    """The shape the name reading must not take: a participle after the comma ends the
    attribution, so the sentence waits for its words elsewhere."""
    assert extract_statements("Knoll said on Wednesday, citing the results, that it held.") == []


def test_a_set_off_written_by_is_no_act() -> None:
    text = (
        "The ruling, written by Judge Ana Whitfield, said the city had violated the "
        "plaintiffs' due process rights."
    )
    st = only_statement(text)
    assert (st.speaker, st.cue, st.text) == (
        "The ruling",
        "said",
        "the city had violated the plaintiffs' due process rights",
    )
