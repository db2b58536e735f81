"""Partial quotations governed by a verb whose subject opens the sentence: "Halvorsen toured
the docks and said the plan was “dead on arrival.”" Every article here is written for these
tests."""

from __future__ import annotations

from storywatch.understand import extract_statements


def test_a_one_word_name_is_the_subject_of_a_verb_joined_by_and() -> None:
    text = (
        "The harbour plan lost another backer on Monday, when Senator Ilse Halvorsen said "
        "she could no longer support it.\n\n"
        "Halvorsen toured the docks on Friday and said that the plan was “dead on arrival” "
        "in the Senate.\n"
    )
    joined = [st for st in extract_statements(text) if "dead on arrival" in st.text]
    assert len(joined) == 1
    assert joined[0].kind == "direct"
    assert "Halvorsen" in joined[0].speaker
    assert joined[0].text.startswith("that the plan")


def test_a_cue_between_the_name_and_the_joined_verb_keeps_the_clause_whole() -> None:
    text = (
        "The mayor met Senator Ilse Halvorsen on Monday.\n\n"
        "Halvorsen says she would call the board in and tell it “enough is enough” before "
        "the vote.\n"
    )
    [st] = [st for st in extract_statements(text) if "enough" in st.text]
    assert st.text.startswith("she would call the board in")
