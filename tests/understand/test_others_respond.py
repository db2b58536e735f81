"""A reported clause with a partial quotation ends where the writer turns to others.

"Okafor said the levy was “a tax on ferries,” but critics disagreed": after a semicolon,
or a comma and "but"/"and"/"while", a plural or named subject with a verb of its own is the
writer telling someone else's turn, however short. Each fixture is our own sentence in the
shape of wire copy; the comment names the shape. Each failed before this change: the
statement ran on into the writer's next clause. The guards below (the speaker's own words
going on, a sentence before a trailer) passed before and failed on a first, broader draft.
"""

from __future__ import annotations

import pytest

from storywatch.understand import extract_statements
from tests.support.statements import direct_speaker_text


@pytest.mark.parametrize(
    ("text", "said"),
    [
        # a short turn right after the quotation
        (
            "Maria Okafor said the levy would be “a tax on ferries,” but critics disagreed.",
            "the levy would be “a tax on ferries,”",
        ),
        # a named subject
        (
            "Maria Okafor said the levy would be “a tax on ferries,” but Republicans scoffed.",
            "the levy would be “a tax on ferries,”",
        ),
        # doubled apostrophes for quotation marks, the comma inside them
        (
            "Maria Okafor said the levy would be ''a tax on ferries,'' but critics disagreed.",
            "the levy would be ''a tax on ferries,''",
        ),
        # an adverb between the others' subject and verb
        (
            "Maria Okafor said the levy would be “a tax on ferries,” and Republicans quickly "
            "agreed.",
            "the levy would be “a tax on ferries,”",
        ),
        # a semicolon
        (
            "Maria Okafor argued that the levy would be “a tax on ferries”; critics disagreed.",
            "that the levy would be “a tax on ferries”",
        ),
        # a longer turn with a named subject and "were"
        (
            "Maria Okafor said the levy was “a tax on ferries,” and Democrats were quick to agree.",
            "the levy was “a tax on ferries,”",
        ),
        # a second reported clause before the turn
        (
            "Maria Okafor said the “reckless” levy would hurt ferry workers and that it would "
            "cost the port jobs, but critics disagreed.",
            "the “reckless” levy would hurt ferry workers and that it would cost the port jobs",
        ),
        # a few words after a quotation in the middle of the clause
        (
            "Maria Okafor warned that the “reckless” levy would hurt ferry workers, but "
            "critics disagreed.",
            "that the “reckless” levy would hurt ferry workers",
        ),
    ],
)
def test_the_clause_ends_before_the_others_turn(text: str, said: str) -> None:
    found = direct_speaker_text("The hearing opened. " + text)
    assert found == [("Maria Okafor", said)]


@pytest.mark.parametrize(
    ("text", "said"),
    [
        # no subject of its own: the speaker's words go on
        (
            "Maria Okafor said the levy was “flawed,” but workable.",
            "the levy was “flawed,” but workable",
        ),
        # a second reported clause of hers
        (
            "Maria Okafor said the levy was “flawed,” but that it could be fixed.",
            "the levy was “flawed,” but that it could be fixed",
        ),
    ],
)
def test_the_speakers_own_words_go_on(text: str, said: str) -> None:
    found = direct_speaker_text("The hearing opened. " + text)
    assert found == [("Maria Okafor", said)]


def test_a_sentence_opening_on_a_quotation_keeps_its_trailer_clause() -> None:
    # the whole sentence before the trailer is what was said
    text = "“Fares are steady now,” and bookings began to rise last week, Okafor said."
    found = direct_speaker_text("The hearing opened. " + text)
    assert found == [("Okafor", "“Fares are steady now,” and bookings began to rise last week")]


@pytest.mark.parametrize(
    ("text", "tail"),
    [
        # a cue set off by commas inside the clause
        (
            "The levy, Maria Okafor said, was “a tax on ferries,” but critics disagreed.",
            "was “a tax on ferries,”",
        ),
        # "according to" set off by commas
        (
            "The levy, according to Maria Okafor, was “a tax on ferries,” but critics disagreed.",
            "was “a tax on ferries,”",
        ),
    ],
)
def test_a_split_clause_ends_before_the_others_turn(text: str, tail: str) -> None:
    found = direct_speaker_text("The hearing opened. " + text)
    assert len(found) == 1 and found[0][0] == "Maria Okafor"
    assert found[0][1].endswith(tail)


def test_a_trailer_then_others_turn_adds_nothing() -> None:
    text = "The levy was “a tax on ferries,” Maria Okafor said, but critics disagreed."
    assert direct_speaker_text("The hearing opened. " + text) == [
        ("Maria Okafor", "The levy was “a tax on ferries,”")
    ]


def test_the_split_clause_keeps_its_own_second_verb() -> None:
    # guard: after a split, "and passed" is the clause subject's, not the speaker's next act
    text = (
        "The mayor, Maria Okafor said, had run the port for “a thousand years” and passed "
        "“no reforms.”"
    )
    found = direct_speaker_text("The hearing opened. " + text)
    assert found[0][1].endswith("and passed “no reforms.”")


def test_yet_and_a_pronoun_start_the_speakers_second_act() -> None:
    text = "Maria Okafor conceded the levy was “not perfect,” yet she insisted it was “a start.”"
    assert direct_speaker_text("The hearing opened. " + text) == [
        ("Maria Okafor", "the levy was “not perfect,”"),
        ("Maria Okafor", "it was “a start.”"),
    ]


def test_not_yet_is_no_conjunction() -> None:
    # guard: "who have not yet announced" goes on with the paraphrase
    text = "Maria Okafor said the vote would turn on members who have not yet announced a view."
    found = [st.text for st in extract_statements("The hearing opened. " + text)]
    assert found == ["the vote would turn on members who have not yet announced a view"]
