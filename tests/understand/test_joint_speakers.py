"""A subject that coordinates people or organisations ("Okafor and Lee said …") is one joint
speaker: every name, each resolved as a single speaker would be, not the last name alone.
A coordination that is not the subject, or that a clause boundary splits, is left alone.

Every article here is written for these tests; each joint case failed before the change
(the statement went to the last name only).
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from storywatch.stories.analysis import analyse as analyse_doc
from storywatch.stories.types import StoryDoc
from storywatch.understand import EntityDirectory, extract_statements, understand
from tests.support.statements import by_text, only_statement


@pytest.mark.parametrize(
    ("text", "speaker", "mention"),
    [
        (
            "Mayor Dana Okafor and Governor Tim Lee said the budget was “a disgrace.”\n",
            "Dana Okafor and Tim Lee",
            "Mayor Dana Okafor and Governor Tim Lee",
        ),
        (
            "Dana Okafor opened the hearing.\n\n"
            "Okafor, Lee and Brandt said the budget was “a disgrace.”\n",
            "Dana Okafor, Lee and Brandt",
            "Okafor, Lee and Brandt",
        ),
        (
            "Mayor Dana Okafor and her deputy, Tim Lee, said the budget was “a disgrace.”\n",
            "Dana Okafor and Tim Lee",
            "Mayor Dana Okafor and her deputy, Tim Lee",
        ),
        (
            "On Monday, Okafor and the Harbor Authority said the ferry plan was “dead.”\n",
            "Okafor and Harbor Authority",
            "Okafor and the Harbor Authority",
        ),
        (
            "Both Okafor and Lee said the ferry plan was “dead.”\n",
            "Okafor and Lee",
            "Okafor and Lee",
        ),
        (
            "Instead, Brandt, the Gazette’s Dana Okafor and Reuters’ Tim Lee argued that the "
            "ferry plan was “dead.”\n",
            "Brandt, Dana Okafor and Tim Lee",
            "Brandt, the Gazette’s Dana Okafor and Reuters’ Tim Lee",
        ),
    ],
)
def test_a_coordinated_subject_is_one_joint_speaker(text: str, speaker: str, mention: str) -> None:
    said = only_statement(text)
    assert (said.speaker, said.speaker_mention) == (speaker, mention)
    assert said.speaker_key is None  # no one person's identity
    assert said.speaker_title is None  # each has a title of their own, or none


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Senators Dana Okafor and Tim Lee said the bill was “dead on arrival.”\n", "Senators"),
        ("Sens. Dana Okafor and Tim Lee said the bill was “dead on arrival.”\n", "Sens."),
        (
            "Republican presidential hopefuls Dana Okafor and Tim Lee say the bill is “dead on "
            "arrival.”\n",
            "Republican presidential hopefuls",
        ),
    ],
)
def test_one_plural_title_before_the_names_is_all_of_theirs(text: str, title: str) -> None:
    said = only_statement(text)
    assert said.speaker == "Dana Okafor and Tim Lee"
    assert said.speaker_title == title
    assert said.speaker_mention is not None and said.speaker_mention.startswith(title)


@pytest.mark.parametrize(
    "text",
    [
        "“We will not sign it,” Okafor and Lee said.\n",
        "“We will not sign it,” said Okafor and Lee.\n",
        "“We will not sign it,” according to Okafor and Lee.\n",
    ],
)
def test_a_trailer_credits_every_name(text: str) -> None:
    said = only_statement(text)
    assert (said.speaker, said.speaker_mention, said.speaker_key) == (
        "Okafor and Lee",
        "Okafor and Lee",
        None,
    )


def test_a_later_they_is_the_joint_speaker() -> None:
    text = (
        "Dana Okafor and Tim Lee said the plan was “a disgrace.” “We will fight it in "
        "court,” they added.\n"
    )
    later = by_text(extract_statements(text), "fight it")
    assert (later.speaker, later.speaker_mention, later.speaker_key) == (
        "Dana Okafor and Tim Lee",
        "they",
        None,
    )


def test_a_later_he_is_still_one_person() -> None:
    text = (
        "Tim Lee and the Harbor Authority said the plan was “a disgrace.” “I will fight it "
        "in court,” he added.\n"
    )
    later = by_text(extract_statements(text), "fight it")
    assert later.speaker == "Tim Lee"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the coordination is in what was said
        ("Okafor said Lee and Brandt were “wrong” about the ferries.\n", "Okafor"),
        # Okafor is the object of a verb, not a subject joined to Lee
        ("Brandt thanked Okafor and Lee said the ferry plan was “fine.”\n", "Lee"),
        # a comma before "and" with two names joins clauses, not names
        ("Brandt praised Okafor, and Lee said the ferry plan was “fine.”\n", "Lee"),
        # a role with no name is no name to join
        ("Okafor and her aides disagreed, Lee said of the “fine” plan.\n", "Lee"),
    ],
)
def test_a_coordination_that_is_not_the_subject_is_left_alone(text: str, speaker: str) -> None:
    said = by_text(extract_statements(text), "“")
    assert said.speaker == speaker
    assert said.speaker_key is not None


def test_a_possessive_is_no_conjunct() -> None:
    text = "Okafor and Lee’s lawyer said the ferry plan was “dead.”\n"
    said = only_statement(text)
    assert said.speaker != "Okafor and Lee"


def test_a_joint_speaker_is_no_one_persons_identity_downstream() -> None:
    """Across articles the directory rekeys a person's statements to the known identity; a
    joint speaker has none to rekey, and the story layer hears it as a voice of its own,
    not as the last person named."""
    directory = EntityDirectory()
    understand("Mayor Dana Okafor spoke.\n\nGovernor Tim Lee spoke too.\n", directory=directory)
    text = "Okafor and Lee said the ferry plan was “dead on arrival.”\n"
    later = understand(text, directory=directory)
    [said] = later.statements
    assert (said.speaker, said.speaker_key) == ("Okafor and Lee", None)
    doc = StoryDoc(
        1,
        "Harbor Gazette",
        None,
        "Ferry plan",
        text,
        datetime(2024, 5, 6, tzinfo=UTC),
        later.entities,
        later.statements,
    )
    voices = {s.speaker_key for s in analyse_doc(doc).sentences if s.speaker_key}
    assert voices == {"Okafor and Lee"}
