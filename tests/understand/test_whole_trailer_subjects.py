"""A trailer whose subject the noun phrase reader refuses: after a quotation closed with a
comma, "?" or "!", the words up to the first verb of saying are its speaker (a numeral
head, a surname that is also a preposition, a long coordinated name, "state" after a
plural). Every sentence here is written for these tests; the comment names the shape."""

from __future__ import annotations

import pytest

from storywatch.understand import extract_statements


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a numeral head and a present-tense verb
        ("“We see no reason for the delay,” the two write.", "the two"),
        # a surname that is also a preposition
        ("“The harbour needs a new quay,” From said.", "From"),
        # "state" after a plural is the verb, and a relative clause follows the trailer
        (
            "“The port is one of the busiest in the region,” the Danes state in the report, "
            "which was sent to the council on Monday.",
            "Danes",
        ),
        # a run of words ending in "over"
        ("“Who pays for the quay? Not the mayor!” a voice over says as the credits roll.", None),
    ],
)
def test_the_words_before_the_verb_speak(text: str, speaker: str | None) -> None:
    direct = [st for st in extract_statements(text) if st.kind == "direct"]
    assert len(direct) == 1, direct
    assert direct[0].text.startswith(text[1:12])
    if speaker is not None:
        assert direct[0].speaker == speaker
    else:
        assert direct[0].speaker_mention is not None


def test_a_long_coordinated_subject_speaks() -> None:
    text = (
        "“Tidal power could meet the island's needs,” marine engineers Ana Lopes and Bo "
        "Lindqvist of the Northern Institute for Coastal Studies wrote in March."
    )
    direct = [st for st in extract_statements(text) if st.kind == "direct"]
    assert len(direct) == 1, direct
    assert direct[0].text.startswith("Tidal power")


def test_state_after_an_article_is_the_noun() -> None:
    # the verb comes later: "state" is part of the subject, not its verb
    text = "“We will not wait,” officials in the state said on Monday."
    direct = [st for st in extract_statements(text) if st.kind == "direct"]
    assert [st.speaker_mention for st in direct] == ["officials in the state"]


def test_a_relative_clause_is_no_plain_run() -> None:
    # a title as a subject: its description holds "that", so nothing before "said" speaks
    text = "“Harbour Days,” a series that critics said was slow, is back on the air."
    assert not [st for st in extract_statements(text) if st.kind == "direct"]
