"""A pronoun in an opening subordinate clause stands for the name that opens the main clause."""

from __future__ import annotations

from tests.support.statements import direct_text_speaker


def test_the_pronoun_before_the_name_is_that_name() -> None:
    text = (
        "Harbor Chief Wants Crane Crews Fired.\n\n"
        "After he called the strike “a disgrace to the whole harbor,” Director Tomas Berg "
        "has now turned on the crane crews.\n"
    )
    assert direct_text_speaker(text) == [
        ("the strike “a disgrace to the whole harbor,”", "Tomas Berg")
    ]


def test_a_name_in_a_list_after_the_comma_is_not_the_subject() -> None:
    text = (
        "Mayor Ines Varga opened the new pier on Monday.\n\n"
        "When she called the old pier “a danger to every family here,” Berg, Lind and "
        "Okafor applauded.\n"
    )
    assert direct_text_speaker(text) == [
        ("the old pier “a danger to every family here,”", "Ines Varga")
    ]
