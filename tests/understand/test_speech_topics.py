"""Speech about a quoted topic ("spoke instead about “…”", "keeps talking about the “…”"):
the verb's subject spoke, and the phrase after the preposition, quotation included, is what
they said. Every article here is written for these tests."""

from __future__ import annotations

from tests.support.statements import direct_text_speaker


def test_spoke_about_a_quoted_phrase_joined_to_a_second_one() -> None:
    text = (
        "Senator Maria Lopez toured the harbor on Monday. She spoke instead about "
        "“rebuilding trust” and making sure budgets are “balanced.”\n"
    )
    assert direct_text_speaker(text) == [
        ("“rebuilding trust” and making sure budgets are “balanced.”", "Maria Lopez")
    ]


def test_talking_about_runs_to_the_end_of_the_clause() -> None:
    text = (
        "Dana Whitfield keeps talking about the “quiet strength” of small towns and how the "
        "county wants to be a “good neighbor” to farmers.\n"
    )
    assert direct_text_speaker(text) == [
        (
            "the “quiet strength” of small towns and how the county wants to be a "
            "“good neighbor” to farmers",
            "Dana Whitfield",
        )
    ]


def test_a_comma_closing_the_quotation_ends_what_was_said() -> None:
    text = (
        "Mayor Tom Reed visited the plant on Monday. He talks about “saving the town,” and "
        "the crowd cheers.\n"
    )
    assert direct_text_speaker(text) == [("“saving the town,”", "Tom Reed")]


def test_talks_as_a_noun_report_nobody() -> None:
    text = "The trade talks about “market access” stalled on Friday.\n"
    assert direct_text_speaker(text) == []


def test_a_title_after_spoke_of_is_not_said() -> None:
    text = "Mayor Tom Reed spoke of “The Grapes of Wrath” at the library.\n"
    assert direct_text_speaker(text) == []
