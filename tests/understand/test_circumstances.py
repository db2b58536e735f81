"""Where, when and how a thing was said, written between the speaker and the cue.

"The company in a statement said", "Ruiz two weeks ago said", "said the company Tuesday."
Each fixture is our own sentence in the shape of wire copy; the comment names the shape.
Each failed before this change: the statement was lost, or the phrase's own noun ("a
statement", "Twitter", "a rally in Iowa", "two weeks ago") was credited with the words.
"""

from __future__ import annotations

import pytest

from storywatch.understand import extract_statements
from storywatch.understand.analysis import analyse
from storywatch.understand.statements import attribute
from tests.support.statements import direct_speaker_text


def _speaker_spans(text: str) -> list[str]:
    an = analyse(text)
    return [an.text[a.speaker_span[0] : a.speaker_span[1]] for a in attribute(an) if a.speaker_span]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a medium between a name and the cue
        ("Maria Okafor in a statement said the levy was “a tax on ferries.”", "Maria Okafor"),
        ("Maria Okafor on Twitter said, “The levy is a tax on ferries.”", "Maria Okafor"),
        # an occasion with a place after its noun
        ("Maria Okafor at a rally in Iowa said the levy was “a tax on ferries.”", "Maria Okafor"),
        # a time before a described subject (a determiner, no name)
        ("The senator on Tuesday said that the levy was “a tax on ferries.”", "the senator"),
        ("The company earlier this month said the levy was “a tax on ferries.”", "the company"),
        # how long ago
        ("Maria Okafor two weeks ago said the levy was “a tax on ferries.”", "Maria Okafor"),
        ("Maria Okafor less than a year ago said the levy was “a tax on ferries.”", "Maria Okafor"),
        # the phrase after an aside closed by a comma
        (
            "Sen. Maria Okafor, a Democrat from Ohio, in an interview said the levy was "
            "“a tax on ferries.”",
            "Sen. Maria Okafor",
        ),
        # a speaking noun with its own prepositional phrase, then a time
        (
            "A spokesman for the council on Tuesday said the levy was “a tax on ferries.”",
            "A spokesman for the council",
        ),
        # two phrases in a row
        (
            "The ministry in a statement on Friday said the levy was “a tax on ferries.”",
            "the ministry",
        ),
    ],
)
def test_the_subject_before_the_circumstance_speaks(text: str, speaker: str) -> None:
    found = direct_speaker_text("The hearing opened. " + text)
    assert len(found) == 1, found
    mention = extract_statements("The hearing opened. " + text)[0].speaker_mention
    assert (mention or "").lower() == speaker.lower()
    assert "tax on ferries" in found[0][1]


@pytest.mark.parametrize(
    "text",
    [
        # the year describes a noun: "on a 2010 recall of …" is no circumstance of a cue
        "Mr. Ruiz worked with Mr. Vale on a 2010 recall of three judges who had ruled.",
        # a participle hangs on its clause, not on a subject before a time
        "The ministry issued a statement Monday condemning what it called “a cowardly act.”",
    ],
)
def test_no_subject_is_made_of_a_phrase_that_is_not_a_circumstance(text: str) -> None:
    speakers = _speaker_spans(text)
    assert "Mr. Vale" not in speakers
    assert "a statement" not in speakers


def test_a_name_that_is_a_prepositions_object_is_no_subject() -> None:
    # "of the Senate in November say": the Senate is what they would regain, not who says
    text = (
        "Democrats trying to regain control of the Senate in November say they have a "
        "powerful new weapon: the governor."
    )
    speakers = _speaker_spans(text)
    assert "Senate" not in speakers
    assert "the Senate" not in speakers


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“The levy is a tax on ferries,” said the company Tuesday.", "the company"),
        ("“The levy is a tax on ferries,” said the senator Monday.", "the senator"),
    ],
)
def test_a_day_after_an_inverted_speaker_is_when_it_was_said(text: str, speaker: str) -> None:
    found = [st for st in extract_statements(text) if st.kind == "direct"]
    assert len(found) == 1, found
    assert found[0].speaker_mention == speaker


def test_a_day_that_describes_a_noun_stays_in_the_speaker() -> None:
    text = "“The levy is a tax on ferries,” said a Wednesday editorial in the Harbour Gazette."
    found = [st for st in extract_statements(text) if st.kind == "direct"]
    assert len(found) == 1, found
    assert "Wednesday editorial" in (found[0].speaker_mention or "")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a long name run before the cue after a question
        ("“Why now?” Secretary of State Maria Okafor asked.", "Maria Okafor"),
        # a possessive and a speaking noun
        ("“Why now?” Okafor's spokesman asked.", "Okafor's spokesman"),
    ],
)
def test_a_trailer_after_a_question_stays_in_its_sentence(text: str, speaker: str) -> None:
    found = [st for st in extract_statements("The hearing opened. " + text) if st.kind == "direct"]
    assert len(found) == 1, found
    assert found[0].text == "Why now?"
    assert found[0].speaker == speaker


def test_an_office_alone_is_not_a_persons_name() -> None:
    # "the Secretary of State" names an office; "State" is no one's name
    found = direct_speaker_text("The hearing opened. “It is now,” the Secretary of State said.")
    assert found == [("Secretary of State", "It is now,")]
    # with a name after it, the name is the person
    found = direct_speaker_text(
        "The hearing opened. “It is now,” Secretary of State Maria Okafor said."
    )
    assert found == [("Maria Okafor", "It is now,")]


def test_a_bracket_after_a_quoted_name_ends_the_naming() -> None:
    # "called X “Y” (aside) and promised …": the naming ends at its marks
    text = (
        "The break was complete when Vale called the ferry levy “a scam” (although he "
        "allowed that some fees were fair) and promised to repeal it."
    )
    found = direct_speaker_text(text)
    assert found == [("Vale", "the ferry levy “a scam”")]
