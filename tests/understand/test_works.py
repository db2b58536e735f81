"""Words before a cue that name a work (a show, a play) instead of saying something."""

from __future__ import annotations

from tests.support.statements import direct_text_speaker


def test_a_show_in_an_opening_phrase_is_no_statement() -> None:
    text = (
        "Mayor Ilsa Varga spoke at the harbour on Sunday.\n\n"
        "Later on “Harbour Week,” Councillor Ruth Okonjo questioned the mayor's figures.\n"
    )
    assert direct_text_speaker(text) == []


def test_a_host_and_their_show_before_the_verb_are_no_statement() -> None:
    text = (
        "Tomas Berg, host of Channel Nine’s “Morning Tides,” suggested shipping magnate "
        "Piet Olsen’s refusal to pay the dock tax could sink his bid for mayor.\n"
    )
    assert direct_text_speaker(text) == []


def test_a_show_as_the_subject_of_its_sentence_is_no_statement() -> None:
    text = (
        '"Sons of the Harbour" is an adaptation of a play called "Brokers," written by a '
        "Portuguese comedy troupe, that mocks the lives of the shipping rich.\n"
    )
    assert direct_text_speaker(text) == []


def test_a_clause_that_mentions_a_show_is_still_what_was_said() -> None:
    text = (
        "Viewers in the port towns are big fans of “Harbour Week,” said Tomas Berg, the "
        "station's director.\n"
    )
    said = "Viewers in the port towns are big fans of “Harbour Week,”"
    assert direct_text_speaker(text) == [(said, "Tomas Berg")]


def test_a_slogan_alone_before_its_trailer_was_said() -> None:
    text = "“Keep The Harbour Open,” the dockers chanted outside City Hall.\n"
    assert [t for t, _ in direct_text_speaker(text)] == ["Keep The Harbour Open,"]


def test_a_title_after_a_kind_of_work_is_no_statement() -> None:
    text = (
        "In recent years, Tomas Berg opened a bakery, joined a rowing club and acted in the "
        "cable movie “Storm Surge 3: Not Again!” This spring he returned to the docks.\n"
    )
    assert direct_text_speaker(text) == []


def test_a_one_word_title_after_a_comma_is_no_statement() -> None:
    text = (
        "Actress Mira Solberg took home the festival’s “Bright Lights” prize for her roles "
        "in “The Long Tide” and as author of the hit play, “Moorings.” She thanked her crew.\n"
    )
    assert direct_text_speaker(text) == []


def test_words_about_a_film_are_still_what_was_said() -> None:
    text = "Critic Anna Berg praised the film as “a quiet triumph of craft and nerve.”\n"
    assert direct_text_speaker(text) == [
        ("the film as “a quiet triumph of craft and nerve.”", "Anna Berg")
    ]
