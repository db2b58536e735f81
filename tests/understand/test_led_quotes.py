"""A whole quotation that a cue leads in with a comma or colon ends at its closing mark
(led_quotes.py), in sentences written for these tests."""

from __future__ import annotations

import pytest

from storywatch.understand import extract_statements
from storywatch.understand.led_quotes import led_quote_end
from storywatch.understand.text import find_quotes
from tests.support.statements import direct_text_speaker


def test_a_rebuttal_after_a_led_in_quotation_is_the_writer() -> None:
    text = (
        "The ferry debate ran late.\n\n"
        'Later, Mayor Ruth Okafor said: "I have admitted many times that the ferry was a '
        'mistake," but in fact the city never bought a ferry.\n'
    )
    assert direct_text_speaker(text) == [
        ("I have admitted many times that the ferry was a mistake,", "Ruth Okafor")
    ]


def test_a_relative_clause_and_a_title_after_it_are_the_writer() -> None:
    text = (
        "The gala opened at eight.\n\n"
        "Okafor announced, “Please welcome our guest, Mr. Dan Reyes,” who went on to sing "
        "“Harbor Lights.”\n"
    )
    assert direct_text_speaker(text) == [("Please welcome our guest, Mr. Dan Reyes,", "Okafor")]


def test_another_quotation_after_it_stays_with_the_statement() -> None:
    text = 'Okafor told the council, "We are leaving tonight," and "we will not be back."\n'
    [(said, speaker)] = direct_text_speaker(text)
    assert said.endswith('"we will not be back."')
    assert speaker == "Okafor"


def test_without_a_comma_or_colon_the_quotation_may_start_a_clause() -> None:
    text = 'Okafor said "sweeping changes" are coming to the harbor next year.\n'
    quotes = find_quotes(text)
    start = text.index('"')
    assert led_quote_end(text, quotes, start, len(text) - 2) == len(text) - 2
    [(said, _)] = direct_text_speaker(text)
    assert said.endswith("are coming to the harbor next year")


@pytest.mark.parametrize(
    "text",
    [
        # A listener before the quotation and narration after it.
        "Okafor told reporters, “The port will reopen on Friday,” before she walked out.",
        "Okafor told reporters: “The port will reopen on Friday,” before she walked out.",
        # A time before it and a second act of the writer's after it.
        "Okafor said on Monday, “The port will reopen on Friday,” and then left the hall.",
    ],
)
def test_a_complete_utterance_after_a_listener_is_the_quotation_alone(text: str) -> None:
    (statement,) = extract_statements(text)
    assert statement.speaker == "Okafor"
    assert statement.text == "The port will reopen on Friday,"
