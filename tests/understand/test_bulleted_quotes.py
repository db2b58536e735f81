"""Quotations set out as the items of a bulleted list.

"Okafor made three points:⏎⏎• “The levy is dead.”⏎⏎• “The ferries will run.”": a bullet
(or an item number, "1.", "2)") before a quotation is layout, like the dash some lists use,
so the item opens with its quotation and reads as one (a trailer after it, or the speaker
who introduced the list). Each fixture is our own text in the shape of wire copy; each
failed before this change: the items were lost, or a numbered item's statement held its
number and marks.
"""

from __future__ import annotations

import pytest

from tests.support.statements import direct_speaker_text


@pytest.mark.parametrize("bullet", ["•", "*", "·", "▪"])
def test_bare_items_continue_the_introducing_speaker(bullet: str) -> None:
    text = (
        "Maria Okafor made several points on Tuesday:\n\n"
        f"{bullet} “The levy is dead.”\n\n"
        f"{bullet} “The ferries will run on time.”"
    )
    assert direct_speaker_text(text) == [
        ("Maria Okafor", "The levy is dead."),
        ("Maria Okafor", "The ferries will run on time."),
    ]


def test_items_with_their_own_trailers() -> None:
    text = (
        "Maria Okafor made several points on Tuesday:\n\n"
        "• “The levy is dead,” Okafor said.\n\n"
        "• “The ferries will run on time,” said Tom Berg, the port director."
    )
    assert direct_speaker_text(text) == [
        ("Maria Okafor", "The levy is dead,"),
        ("Tom Berg", "The ferries will run on time,"),
    ]


@pytest.mark.parametrize("number", ["{n}.", "{n})"])
def test_numbered_items_read_as_bulleted_ones(number: str) -> None:
    # the item number is no sentence of its own and no words before the quotation
    one, two = number.format(n=1), number.format(n=2)
    text = (
        "Maria Okafor made several points on Tuesday:\n\n"
        f"{one} “The levy is dead.”\n\n"
        f"{two} “The ferries will run on time,” Okafor said."
    )
    assert direct_speaker_text(text) == [
        ("Maria Okafor", "The levy is dead."),
        ("Maria Okafor", "The ferries will run on time,"),
    ]
