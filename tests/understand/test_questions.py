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
