"""Where a reported clause with a partial quotation ends: one whose speaker and cue come
after it ("…, the union says.") is what was said up to the trailer
(clause_ends._clause_before_trailer); a scene-setting phrase naming something ends where the
main clause's own subject speaks (partial_tails._determined_subject_verb). Sentences written
for these tests."""

from __future__ import annotations

from tests.support.statements import direct_texts


def test_a_relative_clause_before_the_trailer_stays_in_the_words() -> None:
    text = (
        "The harbor board met on Monday.\n\n"
        "The new levy was “deeply unfair” to the ferry crews, who had no say in the vote, "
        "the dock union says.\n"
    )
    assert direct_texts(text) == [
        "The new levy was “deeply unfair” to the ferry crews, who had no say in the vote"
    ]


def test_a_participle_phrase_before_the_trailer_stays_in_the_words() -> None:
    text = (
        "The harbor board met on Monday.\n\n"
        "The closure would bring “a winter of pain” for commuters, forcing them onto crowded "
        "buses, Mayor Ana Ruiz said.\n"
    )
    assert direct_texts(text) == [
        "The closure would bring “a winter of pain” for commuters, forcing them onto crowded buses"
    ]


def test_a_clause_after_the_cue_still_ends_at_the_writers_comment() -> None:
    text = (
        "The harbor board met on Monday.\n\n"
        "Mayor Ana Ruiz said the levy was “deeply unfair” to the ferry crews, which drew "
        "criticism from the council.\n"
    )
    assert direct_texts(text) == ["the levy was “deeply unfair” to the ferry crews"]


def test_a_naming_phrase_ends_where_the_main_clause_speaks() -> None:
    text = (
        "The harbor board met on Monday.\n\n"
        "Holding signs calling the mayor “the harbor thief,” the crowd chanted “Save our "
        "docks!”\n"
    )
    said = direct_texts(text)
    assert said[0] == "the mayor “the harbor thief,”"


def test_a_participle_describing_the_quoted_words_stays() -> None:
    text = (
        "The harbor board met on Monday.\n\n"
        "Mayor Ana Ruiz says no one on the board is “close to the 12 votes,” the number "
        "needed to pass the levy.\n"
    )
    [said] = direct_texts(text)
    assert said.endswith("the number needed to pass the levy")


def test_an_outer_source_does_not_keep_an_inner_attribution_whole() -> None:
    # The outer source's clause ends where the inner act's quotation closes; the inner
    # participle ("adding that …") is not taken into it as one act.
    from storywatch import extract_statements

    text = (
        "Maria Lopez said the plan would be “a disaster for working families,” adding that "
        "it would cost jobs, according to two people in the room.\n"
    )
    first = extract_statements(text)[0]
    assert first.text.endswith("“a disaster for working families,”")
