"""Statements in transcripts: paragraphs that open with a speaker's label, not a mark.

"Q: Will the port close?⏎⏎A: Yes." after an intro naming the interviewee; "MORALES: We will
not resign.⏎⏎HOST: Why not?"; "Sen. Ruth Vance (D-Ore.): …". Each turn is the labelled
person's own words (:mod:`storywatch.understand.transcripts`), a direct statement though no
mark encloses it; an unnamed interviewer's questions are left out. The negatives are the
other things news copy opens a paragraph with ("Note:", "Update:", "10:45 a.m.:", "Pros:",
a section heading over a candidate's paragraph). Each fixture is our own text; the positive
ones read nothing before this change.
"""

from __future__ import annotations

import pytest

from storywatch.understand import extract_statements
from tests.support.statements import direct_speaker_text


def test_answers_go_to_the_interviewee_and_unnamed_questions_are_left_out() -> None:
    text = (
        "Maria Lopez spoke to reporters on Tuesday. Excerpts:\n\n"
        "Q: Will the port close?\n\n"
        "A: Yes. We have no other choice.\n\n"
        "Q: When?\n\n"
        "A: In May, once the last ship has gone."
    )
    assert direct_speaker_text(text) == [
        ("Maria Lopez", "Yes. We have no other choice."),
        ("Maria Lopez", "In May, once the last ship has gone."),
    ]


def test_a_quoted_answer_is_read_inside_its_marks() -> None:
    text = (
        "Maria Lopez spoke to reporters on Tuesday. Excerpts:\n\n"
        "Q: Will the port close?\n\n"
        "A: “Yes. We have no other choice.”"
    )
    assert direct_speaker_text(text) == [("Maria Lopez", "Yes. We have no other choice.")]


def test_a_family_name_in_capitals_is_the_person_named_before() -> None:
    text = (
        "Ana Morales, the opposition leader, went on the radio on Monday.\n\n"
        "MORALES: We will not resign.\n\n"
        "HOST: Why not?\n\n"
        "MORALES: Because the vote was fair."
    )
    assert direct_speaker_text(text) == [
        ("Ana Morales", "We will not resign."),
        ("Ana Morales", "Because the vote was fair."),
    ]


def test_the_outlet_asks_through_the_reporter_the_intro_names() -> None:
    text = (
        "Ana Morales sat down with Harbour Times reporter Tom Pole on Monday.\n\n"
        "The Harbour Times: Will you resign?\n\n"
        "Morales: No. The vote was fair."
    )
    assert direct_speaker_text(text) == [
        ("Tom Pole", "Will you resign?"),
        ("Ana Morales", "No. The vote was fair."),
    ]


def test_titled_labels_and_a_party_in_brackets() -> None:
    text = (
        "The committee heard from two witnesses on Thursday.\n\n"
        "Minister Hale: The talks failed because the other side walked out.\n\n"
        "Sen. Ruth Vance (D-Ore.): They did not fail. They were never held.\n\n"
        "Mr. Hale: That is not what the minutes say."
    )
    statements = extract_statements(text)
    assert [(s.speaker, s.kind, s.text) for s in statements] == [
        ("Hale", "direct", "The talks failed because the other side walked out."),
        ("Ruth Vance", "direct", "They did not fail. They were never held."),
        ("Hale", "direct", "That is not what the minutes say."),
    ]


def test_one_turn_after_a_note_that_announces_the_interview() -> None:
    text = (
        "Ana Morales spoke on Monday. This interview has been edited for length and clarity.\n\n"
        "Morales: We will not resign, whatever the council says."
    )
    assert direct_speaker_text(text) == [
        ("Ana Morales", "We will not resign, whatever the council says.")
    ]


def test_an_answer_over_two_paragraphs_but_not_the_writers_comment() -> None:
    text = (
        "Ana Morales, the opposition leader, went on the radio on Monday.\n\n"
        "HOST: Will you resign?\n\n"
        "MORALES: No.\n\n"
        "I was elected to finish the job, and I will.\n\n"
        "HOST: And the council?\n\n"
        "MORALES: It can wait.\n\n"
        "Whatever happened to her promise of an early vote?\n\n"
        "HOST: Thank you."
    )
    assert direct_speaker_text(text) == [
        ("Ana Morales", "No."),
        ("Ana Morales", "I was elected to finish the job, and I will."),
        ("Ana Morales", "It can wait."),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Maria Lopez spoke on Tuesday.\n\nNote: This story has been updated.\n\n"
        "Update: The port reopened on Wednesday.",
        "Maria Lopez spoke on Tuesday.\n\nPhoto: The port at dawn.\n\n"
        "Editor's note: An earlier version misspelled the port's name.",
        "Maria Lopez spoke on Tuesday.\n\n10:45 a.m.: Lopez arrives at the port.\n\n"
        "11:00 a.m.: Lopez leaves.",
        "Maria Lopez and Tom Pole weighed the plan.\n\nPros: Cheap fares.\n\nCons: Slow trains.",
        "Here is what each candidate needs on Tuesday.\n\nLopez: Win in a walk.\n\n"
        "Maria Lopez has led every poll in the state this year.\n\nPole: Finish second.\n\n"
        "Tom Pole is counting on the north of the state.",
        "The count stood as follows.\n\nMaria Lopez: 1,204.\n\nTom Pole: 988.",
    ],
)
def test_labels_that_are_no_speaker(text: str) -> None:
    assert direct_speaker_text(text) == []


def test_a_we_inside_quoted_words_does_not_carry_the_turn_on() -> None:
    text = (
        "Ana Morales, the opposition leader, went on the radio on Monday.\n\n"
        "HOST: Will you resign?\n\n"
        "MORALES: No.\n\n"
        "Her posters still read “We will finish the job.”\n\n"
        "HOST: Thank you."
    )
    assert ("Ana Morales", "No.") in direct_speaker_text(text)
    assert not any(
        s.speaker == "Ana Morales" and "posters" in s.text for s in extract_statements(text)
    )
