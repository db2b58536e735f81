"""A trailer that goes on after its cue to a second act ("…,” Ruiz said, and her brother
broke in. “…”"): the quotation after it is a statement of its own (an act of speech apart
from the first quotation's, not a part of it), the new subject's when the act has one.
Every article here is written for these tests."""

from __future__ import annotations

from storywatch.understand.analysis import analyse
from storywatch.understand.statements import attribute


def _acts(text: str) -> list[tuple[list[str], str]]:
    """Each direct act of speech: its parts' words and its speaker."""
    return [
        ([text[a:b] for a, b in item.parts], item.speaker.name)
        for item in attribute(analyse(text))
        if item.direct
    ]


def test_a_new_subject_after_the_trailer_speaks_the_next_quotation() -> None:
    text = (
        "The harbor crowd was in a good mood on Friday.\n\n"
        "“Tell the mayor I saved her a seat,” Nadia Okafor said, and her brother broke in. "
        "“Don’t forget the boat. We painted it together last spring.”\n"
    )
    assert _acts(text) == [
        (["Tell the mayor I saved her a seat,"], "Nadia Okafor"),
        (["Don’t forget the boat. We painted it together last spring."], "her brother"),
    ]


def test_a_second_act_without_a_subject_starts_a_new_statement_of_the_same_speaker() -> None:
    text = (
        "Vale spoke after the count in Riverton.\n\n"
        "“We know we have a lot of work ahead,” Dana Vale told the crowd, then turned to her "
        "rival’s slogan. “But that work is not to make the pier shine again.”\n"
    )
    assert _acts(text) == [
        (["We know we have a lot of work ahead,"], "Dana Vale"),
        (["But that work is not to make the pier shine again."], "Dana Vale"),
    ]


def test_a_trailer_that_stops_at_its_cue_still_joins_the_next_quotation() -> None:
    text = "“We will finish the pier,” Dana Vale said. “Nobody can stop the town now.”\n"
    assert _acts(text) == [
        (["We will finish the pier,", "Nobody can stop the town now."], "Dana Vale")
    ]


def test_a_new_subject_that_does_not_speak_leaves_the_quotation_to_the_speaker() -> None:
    text = (
        "“We will finish the pier,” Dana Vale said, and the crowd cheered. "
        "“Nobody can stop the town now.”\n"
    )
    assert _acts(text) == [
        (["We will finish the pier,", "Nobody can stop the town now."], "Dana Vale")
    ]
