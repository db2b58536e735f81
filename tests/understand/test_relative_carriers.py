"""A thing that carries words speaks through a relative clause with any reporting verb.

"Sanders aired an ad that urges voters to “send a message” to the banks", "letters that
called him an “academic and musician”", "a message that said the item was “gone”": the
relative pronoun stands for the ad, the letters, the message. Before, only a cue that opens
a quotation with a comma ("a message that said, “…”") read the noun before "that"; with a
reported clause nothing was read. On PolNeAR train two such sentences are gold and were
missed. Our own sentences; the first three failed before this change. The guard: a noun
that carries no words ("a group that pledged loyalty") does not become a speaker this way,
and a thing put out by a named publisher is the publisher's words, as before.
"""

from __future__ import annotations

import pytest

from tests.support.statements import direct_speaker_text


@pytest.mark.parametrize(
    ("text", "speaker", "said"),
    [
        ("On Monday the union is running an ad that urges voters to “send a message” to the "
         "banks.",
         "an ad", "voters to “send a message” to the banks"),
        ("The board penned a series of letters that called him an “academic and musician.”",
         "letters", "him an “academic and musician.”"),
        ("The page was replaced by a message that said the item was “gone.”",
         "a message", "the item was “gone.”"),
    ],
)  # fmt: skip
def test_carrier_speaks_through_relative(text: str, speaker: str, said: str) -> None:
    assert direct_speaker_text(text) == [(speaker, said)]


def test_publisher_of_the_carrier_speaks() -> None:
    text = "Maria Lopez is releasing a video that said, “We will win.”"
    assert direct_speaker_text(text) == [("Maria Lopez", "We will win.")]


def test_group_is_no_carrier() -> None:
    text = "Police arrested members of a group that pledged loyalty to the movement."
    assert direct_speaker_text(text) == []


def test_a_modifier_with_a_number_stays_in_the_carriers_name() -> None:
    """ "a new 30-second ad that calls …": the carrier is the whole phrase, not "ad" (the
    walk back from "that" stopped at the number)."""
    text = "On Monday a new 30-second ad that calls the toll plan “highway robbery” aired."
    assert [who for who, _ in direct_speaker_text(text)] == ["a new 30-second ad"]


def test_a_publisher_releasing_a_carrier_speaks_through_its_clause() -> None:
    """ "Sanders is releasing a new 30-second ad that urges voters … to “send a message”":
    the publisher's words (the train sentence credited them to "ad"; with the whole phrase
    read, nothing was read until "is releasing" was taken as a progressive, not a
    passive)."""
    text = (
        "Maria Lopez is releasing a new 30-second ad that urges voters in the harbour towns "
        "to “send a message” to the port board."
    )
    assert [who for who, _ in direct_speaker_text(text)] == ["Maria Lopez"]
