"""A pronoun in an opening subordinate clause stands for the name that opens the main clause."""

from __future__ import annotations

from storywatch.understand import extract_statements


def _direct(text: str) -> list[tuple[str, str | None]]:
    return [(s.text, s.speaker) for s in extract_statements(text) if s.kind == "direct"]


def test_the_pronoun_before_the_name_is_that_name() -> None:
    text = (
        "Harbor Chief Wants Crane Crews Fired.\n\n"
        "After he called the strike “a disgrace to the whole harbor,” Director Tomas Berg "
        "has now turned on the crane crews.\n"
    )
    assert _direct(text) == [("the strike “a disgrace to the whole harbor,”", "Tomas Berg")]


def test_a_name_in_a_list_after_the_comma_is_not_the_subject() -> None:
    text = (
        "Mayor Ines Varga opened the new pier on Monday.\n\n"
        "When she called the old pier “a danger to every family here,” Berg, Lind and "
        "Okafor applauded.\n"
    )
    assert _direct(text) == [("the old pier “a danger to every family here,”", "Ines Varga")]
