"""A share of those polled as the subject of "say"/"said" with a reported clause and no
quotation: "Two in three said …", "About four in 10 said …", "Almost half of respondents
said …", "four out of 10 voters said …", "a third of independents say …".

The subject walk stopped at the "in" of "six in 10" and the "of" of "half of respondents",
so no speaker was found and the share's clause was lost, or ran on inside the clause before
it ("Nearly half said A, and three-quarters said B" read as one act). Each fixture is our own
sentence in the shape of a poll report; each failed before this change.
"""

from __future__ import annotations

import pytest

from storywatch.understand import extract_statements


def _paraphrases(text: str) -> list[tuple[str, str]]:
    return [(st.speaker, st.text) for st in extract_statements(text) if st.kind == "indirect"]


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "Two in three said they would pay the new berth fee.",
            "Two in three",
            "they would pay the new berth fee",
        ),
        (
            "About four in 10 said the ferry should run at night.",
            "About four in 10",
            "the ferry should run at night",
        ),
        (
            "Almost half of respondents said the harbour had become too crowded.",
            "Almost half of respondents",
            "the harbour had become too crowded",
        ),
        (
            "Four out of 10 residents said the tunnel was a waste of money.",
            "Four out of 10 residents",
            "the tunnel was a waste of money",
        ),
        (
            "A third of independents say the levy should be scrapped.",
            "A third of independents",
            "the levy should be scrapped",
        ),
        # "that" before a number opens the clause; it is no part of the subject ("The survey
        # found that …" is the survey's finding, the whole clause its content: findings.py)
        (
            "The council learned that 62 percent of residents said the port was too noisy.",
            "62 percent of residents",
            "the port was too noisy",
        ),
    ],
)
def test_a_share_of_those_polled_speaks(text: str, speaker: str, content: str) -> None:
    assert _paraphrases(text) == [(speaker, content)]


def test_a_second_share_after_a_comma_and_starts_its_own_act() -> None:
    text = "Nearly half said they trust the council, and three-quarters said the same of Ruiz."
    assert _paraphrases(text) == [
        ("Nearly half", "they trust the council"),
        ("three-quarters", "the same of Ruiz"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # "a third" describing a noun, before a cue in another sense
        "The court has a heavy enough workload that it should have a third judge added to it.",
        # "of" before "what" is no share of people
        "The lab gets only half of what researchers say they need every year.",
    ],
)
def test_a_share_word_in_another_sense_speaks_for_no_one(text: str) -> None:
    assert all(
        speaker not in ("a third judge", "half of what researchers")
        for speaker, _ in _paraphrases(text)
    )


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("A majority of Canadians say the mayor should resign.", "A majority of Canadians"),
        ("About four in 10 Canadians said the mayor should resign.", "About four in 10 Canadians"),
        (
            "Sixty-one percent of Canadians said the mayor should resign.",
            "Sixty-one percent of Canadians",
        ),
    ],
)
def test_a_share_of_a_named_people_is_the_share_not_the_people(text: str, speaker: str) -> None:
    # "a majority of Canadians" is not every Canadian: the share is kept whole as the
    # speaker (it gave "Canadians" before the share words were one list, which "percent"
    # joined in the speaker's reading too).
    assert [s for s, _ in _paraphrases(text)] == [speaker]
