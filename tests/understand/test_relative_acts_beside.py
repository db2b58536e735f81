"""A relative clause with its own verb of naming, set off beside the sentence's acts
(`understand/relative_acts.relative_acts_beside`). Every article here is written for these
tests."""

from __future__ import annotations

from storywatch.understand import extract_statements


def test_a_naming_relative_clause_after_two_acts_is_the_subjects_own_act() -> None:
    text = (
        "Mayor Ruth Okafor spoke at the pier.\n\n"
        "Okafor praised the ferry crews, calling them “heroes,” and contrasted the council "
        "chief, whom she described as “erratic,” with the harbour master: “He has kept the "
        "boats running.”\n"
    )
    acts = {st.cue: st for st in extract_statements(text) if st.kind == "direct"}
    assert acts["described"].text == "whom she described as “erratic,”"
    assert acts["described"].speaker == "Ruth Okafor"
    assert acts["calling"].text == "them “heroes,”"


def test_the_relative_clauses_he_is_the_subject_not_the_one_it_describes() -> None:
    text = (
        "Councillor Tomas Brandt met Governor Elena Varga on Friday.\n\n"
        "Brandt mocked the ferry plan as “a fantasy,” and compared the harbour master, whom "
        "he described as “tireless,” with the governor.\n"
    )
    acts = {st.cue: st for st in extract_statements(text) if st.kind == "direct"}
    assert acts["described"].speaker == "Tomas Brandt"
