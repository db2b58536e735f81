"""Verb phrases joined by "and" to the sentence's main act of speech, under the same
subject, whose objects hold a quotation (`understand/coordinated.py`). Every article here is
written for these tests."""

from __future__ import annotations

from storywatch.understand import extract_statements


def test_a_quoted_object_before_and_said_is_the_subjects_own_act() -> None:
    text = (
        "Mayor Ana Orlov of Lisbon spoke at the harbour on Sunday.\n\n"
        "Mayor Ana Orlov of Lisbon condemned the “reckless sabotage” of the pier and "
        "declared that “the port will reopen on Monday.”\n"
    )
    found = {st.text: st.speaker for st in extract_statements(text) if st.kind == "direct"}
    assert found["the “reckless sabotage” of the pier"] == "Ana Orlov"
    assert found["that “the port will reopen on Monday.”"] == "Ana Orlov"


def test_each_verb_phrase_of_a_list_is_an_act_of_its_own() -> None:
    text = (
        "Governor Elena Varga supports “modest fee increases,” opposes “any new toll” and "
        "said that the budget “must balance this year.”\n"
    )
    acts = [st for st in extract_statements(text) if st.kind == "direct"]
    assert [st.cue for st in acts] == ["supports", "opposes", "said"]
    assert {st.speaker for st in acts} == {"Elena Varga"}
    assert acts[1].text == "any new toll"


def test_a_show_named_before_and_said_is_no_statement() -> None:
    text = (
        "Senator Tomas Brandt discussed his plans on “The Late Show” and said that the bill "
        "“will pass in June.”\n"
    )
    acts = [st for st in extract_statements(text) if st.kind == "direct"]
    assert [st.text for st in acts] == ["that the bill “will pass in June.”"]


def test_a_relative_clause_after_the_subject_is_not_read_as_a_joined_act() -> None:
    text = (
        "Senator Tomas Brandt, who watched “The Late Show” and laughed, said that the bill "
        "“will pass in June.”\n"
    )
    acts = [st for st in extract_statements(text) if st.kind == "direct"]
    assert [st.text for st in acts] == ["that the bill “will pass in June.”"]


def test_an_opening_verb_with_a_quoted_object_before_a_relative_report_is_an_act() -> None:
    text = (
        "Mayor Ruth Okafor spoke on Monday.\n\n"
        "Okafor criticized the “harbour-first” policies of the council, which she said had "
        "ruined the port.\n"
    )
    acts = {st.cue: st for st in extract_statements(text)}
    assert acts["criticized"].text == "the “harbour-first” policies of the council"
    assert acts["criticized"].speaker == "Ruth Okafor"
    assert acts["criticized"].kind == "direct"
    assert acts["said"].text == "had ruined the port"


def test_an_opening_verb_before_a_trailer_set_off_by_dashes_is_an_act() -> None:
    text = (
        "Mayor Ruth Okafor spoke on Monday.\n\n"
        "Okafor also praised her brother's “quiet and steady courage” – “courage that never "
        "asks for thanks,” she said – and argued for a new pier.\n"
    )
    acts = {st.cue: st for st in extract_statements(text) if st.kind == "direct"}
    assert acts["praised"].text == "her brother's “quiet and steady courage”"
    assert acts["said"].text == "courage that never asks for thanks,"


def test_a_scene_clause_opening_the_sentence_gives_no_opening_act() -> None:
    text = (
        "When Okafor said the pier was “unsafe” on Monday, the council, “stunned,” declared "
        "an emergency.\n"
    )
    assert all(st.cue != "said" or "unsafe" in st.text for st in extract_statements(text))
