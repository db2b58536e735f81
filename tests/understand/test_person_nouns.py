"""Speakers named by a noun for a person that the speaking lexicon lacks.

"The radioman pointed out that …", "A lobbyist for the industry said …", "“…,” a historian
at Ohio State University said.": the subject is a person by what they do, but the noun
("radioman", "lobbyist", "historian") was not among the speaking nouns, so a verb outside
the reporting lexicon found no subject and a phrase hanging off "for"/"at" credited the body
after it ("the industry", "Ohio State University"). Each fixture is our own sentence; each
failed before this change. The guards keep what the looser reading would wrongly take.
"""

from __future__ import annotations

import pytest

from storywatch.understand.chunks import person_noun
from tests.support.statements import direct_speaker_text, kind_speaker_text


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a verb outside the reporting lexicon, a compound in "-man"
        ("The radioman pointed out that the levy was “a tax on ferries.”", "The radioman"),
        # the same with an agent noun missing from the speaking nouns
        ("The broadcaster pointed out that the levy was “a tax on ferries.”", "The broadcaster"),
        # a person for a body: the person speaks, not the body
        ("A lobbyist for the industry said that the levy was “a tax on ferries.”",
         "A lobbyist for the industry"),
        ("A consultant for the campaign said the levy was “a tax on ferries.”",
         "A consultant for the campaign"),
        ("“The levy is a tax on ferries,” a historian at Ohio State University said.",
         "a historian at Ohio State University"),
    ],
)  # fmt: skip
def test_person_noun_speaks(text: str, speaker: str) -> None:
    [(who, _)] = direct_speaker_text(text)
    assert who == speaker


@pytest.mark.parametrize(
    "text",
    [
        # a thing before the verb: no one speaks, however the quotation reads
        "The stage pointed out that the levy was “a tax on ferries.”",
        "A statement Thursday night pointed out that the levy was “a tax on ferries.”",
    ],
)
def test_things_do_not_speak(text: str) -> None:
    assert direct_speaker_text(text) == []


def test_person_noun_words() -> None:
    assert person_noun("radioman") and person_noun("congresswomen") and person_noun("lobbyist")
    assert not person_noun("human") and not person_noun("stage") and not person_noun("order")


def test_councillors_speak_as_lawmakers_do() -> None:
    # British and American spellings of a council's members, counted ("The two councillors
    # said that …"): the plural had been no speaking noun, so nothing was read.
    text = "The harbour vote was close. The two councillors said that the levy was unfair."
    assert kind_speaker_text(text) == [("indirect", "two councillors", "that the levy was unfair")]
