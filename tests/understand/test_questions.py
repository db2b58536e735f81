"""A question put to the speaker before the answer: "Asked whether …, Lee said: “…”".

Each fixture is our own sentence in the shape of wire copy; the comment names the shape.
"""

from __future__ import annotations

import pytest

from storywatch.understand import extract_statements
from storywatch.understand.analysis import analyse
from storywatch.understand.questions import answer_start


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a long question with no pronoun in it: "Asked" is no inverted cue
        (
            "Asked whether mostly watching the campaign from the bench had been painful for "
            "the mayor, Ms. Okafor said: “Of course. She wanted to run.”",
            "Okafor",
        ),
        # the one who asked follows "by": the answer is still the main clause's subject's
        (
            "Asked by Vandermeer to respond to the governor's charge, Ruiz said, “What does "
            "that tell you about him?”",
            "Ruiz",
        ),
        # a cue word inside the question ("went") governs nothing of the answer
        (
            "Asked if he thought the memo went beyond what the campaign planned, Lindqvist "
            "responded: “I suppose it did.”",
            "Lindqvist",
        ),
        # "When asked …" opens the same way
        (
            "When asked whether mostly watching the campaign from afar had cost the union "
            "members, Harlow replied, “Not one.”",
            "Harlow",
        ),
    ],
)
def test_the_answer_is_the_main_clause_speakers(text: str, speaker: str) -> None:
    direct = [st for st in extract_statements(text) if st.kind == "direct"]
    assert len(direct) == 1, direct
    assert direct[0].speaker == speaker


def test_an_inverted_cue_still_names_its_speaker() -> None:
    # "Said Lee: …" is an inverted cue; only "asked" opens a question.
    text = "Said Marta Lindqvist, the committee's chair: “We are not done yet.”"
    direct = [st for st in extract_statements(text) if st.kind == "direct"]
    assert [st.speaker for st in direct] == ["Marta Lindqvist"]


@pytest.mark.parametrize(
    "text",
    [
        # no quotation after the main clause's cue: nothing to skip
        "Asked whether the plan would pass, most members said yes.",
        # no opening "asked"
        "After the vote, Lee said: “We won.”",
    ],
)
def test_nothing_is_skipped_without_a_question_and_an_answer(text: str) -> None:
    s = analyse(text).sentences[0]
    assert answer_start(text, s) == 0


def test_the_main_clause_cue_is_where_reading_starts() -> None:
    text = "Asked about the vote, Lee said: “We won.”"
    s = analyse(text).sentences[0]
    assert s.words[answer_start(text, s)].text == "said"


@pytest.mark.parametrize(
    ("text", "asker", "question", "direct"),
    [
        # the asker after "by", a "whether" question, an answer reported in the main clause
        (
            "Asked by Vandermeer whether the ferry would run in winter, Ruiz said it would run "
            "twice a week.",
            "Vandermeer",
            "whether the ferry would run in winter",
            False,
        ),
        # "When asked", a time phrase after the asker, a quoted answer
        (
            "When asked by Okafor on Monday about raising the harbour fees, Ruiz said: "
            "“Not this year.”",
            "Okafor",
            "about raising the harbour fees",
            False,
        ),
        # a quotation inside the question makes it direct; the main verb is no cue
        (
            "Asked by a reporter if the mayor “understands” the islands, Ruiz dodged the question.",
            "a reporter",
            "if the mayor “understands” the islands",
            True,
        ),
    ],
)
def test_the_question_is_the_askers(text: str, asker: str, question: str, direct: bool) -> None:
    asked = [st for st in extract_statements(text) if st.speaker_mention == asker]
    assert len(asked) == 1, extract_statements(text)
    assert asked[0].text == question
    assert (asked[0].kind == "direct") is direct


def test_a_cue_inside_the_question_reports_nothing_of_the_answer() -> None:
    # "believed" sits in the question; the answer is Ruiz's
    text = (
        "Asked by Vandermeer if he believed the quay was at risk, Ruiz said that it was "
        "not, but that the “sea wall is old.”"
    )
    direct = [st for st in extract_statements(text) if st.kind == "direct"]
    assert [st.speaker for st in direct] == ["Ruiz"]
    assert direct[0].text.startswith("that it was not")


def test_no_question_act_without_an_asker() -> None:
    text = "Asked whether the ferry would run in winter, Ruiz said it would."
    assert all(
        st.text != "whether the ferry would run in winter" for st in extract_statements(text)
    )
