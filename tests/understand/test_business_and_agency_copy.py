"""Business, agency and family speakers: "Chief Executive Laura Feng", "the Food and Drug
Administration", "the victim's family", and a company or agency speaking through a
participle after its own clause ("The FDA approved the drug, saying …").

Each fixture is our own sentence in the shape of wire or local-paper copy.
"""

from __future__ import annotations

import pytest

from storywatch.understand import extract_statements
from storywatch.understand.analysis import analyse
from tests.support.statements import only_statement


def test_chief_executive_is_a_title_before_the_name() -> None:
    st = only_statement("Chief Executive Laura Feng said the quarter was the strongest yet.")
    assert (st.speaker, st.speaker_title) == ("Laura Feng", "Chief Executive")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The Food and Drug Administration said Monday it had approved the therapy.",
            "Food and Drug Administration",
        ),
        (
            "Officials at the Securities and Exchange Commission said the review was over.",
            "Securities and Exchange Commission",
        ),
        ("The Fish and Wildlife Service said the owl was endangered.", "Fish and Wildlife Service"),
    ],
)
def test_a_public_body_named_with_and_is_one_name(text: str, name: str) -> None:
    assert name in [m.name for m in analyse(text).mentions]


def test_two_names_joined_by_and_stay_two() -> None:
    """A given name before "and" is a person, not the first word of a body's name."""
    names = [m.name for m in analyse("Maria Lopez and Harbor Authority staff met.").mentions]
    assert "Maria Lopez and Harbor Authority" not in names


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The victim's family said in a statement that they were heartbroken.",
            "The victim's family",
        ),
        ("Greer's family said they would appeal the sentence.", "Greer's family"),
        ("A close ally said the mayor would not resign.", "A close ally"),
    ],
)
def test_a_noun_ending_in_ly_is_no_adverb_cut_from_the_subject(text: str, speaker: str) -> None:
    assert only_statement(text).speaker == speaker


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "The FDA approved the drug on Friday, saying the benefits outweighed the risks.",
            "the benefits outweighed the risks",
            "FDA",
        ),
        (
            "The judge denied the motion, writing that the officers had acted in good faith.",
            "that the officers had acted in good faith",
            "The judge",
        ),
        (
            "The Securities and Exchange Commission fined the former trader, saying he sold "
            "shares days before the losses were disclosed.",
            "he sold shares days before the losses were disclosed",
            "Securities and Exchange Commission",
        ),
        (
            "The company lowered its forecast for the year, saying demand in Europe had weakened.",
            "demand in Europe had weakened",
            "The company",
        ),
    ],
)
def test_an_opening_speaker_speaks_through_a_participle(
    text: str, content: str, speaker: str
) -> None:
    st = only_statement(text)
    assert (st.text, st.speaker) == (content, speaker)


@pytest.mark.parametrize(
    "text",
    [
        # the participle is set off inside the subject's clause: it describes the subject
        "One juror, responding to the judge's question about the verdict, stood up.",
        "The notice of a hearing, announcing that the case had been moved, sat unopened.",
        # a scene of several participles, none of them a report
        "Striking workers gathered outside the plant, clapping, singing, chanting and "
        "waving union flags.",
        # no speaker opens the sentence
        "The decision came days later, saying little about the cost.",
    ],
)
def test_participles_that_report_nothing(text: str) -> None:
    assert extract_statements(text) == []
