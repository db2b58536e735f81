"""Speakers that are words, not people: a contraction read as a name ("I'm", a headline's
"Isn’t"), a lone title word before lowercase titles and "and" ("Former prosecutor and …").
Every article here is written for these tests."""

from __future__ import annotations

from storywatch.understand import extract_entities, extract_statements
from storywatch.understand.name_tokens import contraction


def test_contractions_are_told_from_names_with_an_apostrophe() -> None:
    for word in ("I'm", "I’ve", "Isn’t", "We'll", "Don't", "She’d"):
        assert contraction(word), word
    for word in ("O'Malley", "D’Souza", "Vale's", "N'Golo"):
        assert not contraction(word), word


def test_a_headline_contraction_does_not_join_the_name() -> None:
    text = (
        "Tomas Vale Isn’t Happy With The Harbour Deal.\n\n"
        "Tomas Vale spoke to the council on Monday.\n\n"
        "“It gives away the docks for nothing,” Vale said.\n"
    )
    names = {e.name for e in extract_entities(text)}
    assert "Tomas Vale" in names
    assert not any("Isn’t" in n for n in names)
    [only] = extract_statements(text)
    assert only.speaker == "Tomas Vale"


def test_a_first_person_contraction_is_no_name() -> None:
    text = (
        "I'm old enough to remember Mayor Ada Brune on the radio, "
        "declaring a “war on potholes” in the old town.\n"
    )
    names = {e.name for e in extract_entities(text)}
    assert "I'm" not in names
    assert all(s.speaker != "I'm" for s in extract_statements(text))


def test_a_lowercase_title_after_former_runs_to_the_name() -> None:
    text = (
        "Senator Ada Brune spoke on Friday.\n\n"
        "Former prosecutor and Ostmark Governor Tomas Vale criticised the ruling, calling "
        "it a “disgrace” to the court.\n"
    )
    [only] = extract_statements(text)
    assert only.speaker == "Tomas Vale"
    assert only.speaker_mention == "Former prosecutor and Ostmark Governor Tomas Vale"


def test_a_modifier_before_the_title_noun_is_part_of_the_title() -> None:
    text = (
        "Senator Ada Brune spoke on Friday.\n\n"
        "Former federal prosecutor Tomas Vale criticised the ruling, calling it a "
        "“disgrace” to the court.\n"
    )
    [only] = extract_statements(text)
    assert only.speaker == "Tomas Vale"


def test_a_verb_between_the_title_word_and_a_name_stops_the_title() -> None:
    text = (
        "Senator Ada Brune spoke on Friday.\n\n"
        "Former federal officials told Tomas Vale on Tuesday, calling the plan a "
        "“fresh start” for the port.\n"
    )
    for s in extract_statements(text):
        assert "Tomas Vale" not in s.speaker_mention


def test_a_quoted_title_stays_inside_the_speakers_phrase() -> None:
    text = (
        "Senator Ada Brune spoke on Friday.\n\n"
        "“We have to win back the harbour towns and earn their trust,” wrote the authors "
        "of the “Open Harbour Plan,” citing the last election.\n"
    )
    [only] = extract_statements(text)
    assert only.speaker_mention == "the authors of the “Open Harbour Plan,”"


def test_a_quoted_title_after_according_to_keeps_its_noun() -> None:
    text = (
        "The scheme would cost about $2 billion a year, according to the "
        '"Ports for all" paper she released.\n'
    )
    [only] = extract_statements(text)
    assert only.speaker_mention.startswith('the "Ports for all" paper')


def test_a_long_quotation_after_the_is_no_title() -> None:
    text = (
        "Senator Ada Brune spoke on Friday.\n\n"
        "“We will not sell the docks,” said the mayor of the “town that built the fleet "
        "and then lost every ship to the storms,” in her speech.\n"
    )
    for s in extract_statements(text):
        assert "storms" not in s.speaker_mention


def test_ever_opening_a_sentence_is_no_name() -> None:
    text = (
        "Ada Brune spoke on Monday.\n\n"
        "Ever since she endorsed Mr. Vale this month, Ms. Brune has been a powerful "
        "surrogate, attacking Mr. Kross and telling young staffers: “Fight for every vote.”\n"
    )
    assert "Ever" not in {e.name for e in extract_entities(text)}
    [only] = extract_statements(text)
    assert only.speaker != "Ever"


def test_an_honorific_after_a_name_is_not_part_of_it() -> None:
    text = (
        "Posted 9:15PM Ada Brune And Tomas Vale Miss The Point On Ports, as both spoke "
        "on Monday.\n\n"
        "“We will not sell the docks,” Vale said.\n"
    )
    names = {e.name for e in extract_entities(text)}
    assert "Tomas Vale" in names
    assert "Tomas Vale Miss" not in names
    [only] = extract_statements(text)
    assert only.speaker == "Tomas Vale"


def test_the_name_after_a_whose_phrase_is_not_the_subject() -> None:
    text = (
        "Mr. Vale, whose newest firm, Harbourline, ships parts across the bay, said the "
        "mayor was “a builder at heart.”\n"
    )
    [only] = extract_statements(text)
    assert only.speaker == "Vale"
