"""An "it" or "they" that goes on from a speaker written with no name ("the email",
"the newspaper", "the groups") is that speaker, not an organisation named in passing
further back ("a day after the Harbour Alliance PAC attacked her", "other GOP hopefuls").

Each fixture is our own text in the shape of news copy. Each failed before this change:
the pronoun went to the organisation named in passing.
"""

from __future__ import annotations

import pytest

from tests.support.statements import direct_speaker_text


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The Okafor campaign sent a fundraising email on Wednesday, a day after the "
            "Harbour Alliance PAC attacked her.\n\n"
            "“Friend, let me be blunt. I can win this seat,” the email read. It said that "
            "Vale supports “ferry-style tolls” on every bridge.\n",
            "the email",
        ),
        (
            "The remarks feed “the anti-ferry mood” stirred by Vale and other GOP hopefuls, "
            "the groups say. They argue that Okafor should “lead by example.”\n",
            "the groups",
        ),
        (
            "The editors urged the governor to decide on a basis other than its effect on "
            "the Harbour Authority.\n\n"
            "“The port is a reliable earner,” the newspaper admitted.\n\n"
            "“But the ferry crisis should be a call to compassion,” it added.\n",
            "the newspaper",
        ),
    ],
)
def test_the_pronoun_goes_on_with_the_unnamed_speaker(text: str, speaker: str) -> None:
    assert direct_speaker_text(text)[-1][0] == speaker


def test_a_plural_unnamed_speaker_is_no_it() -> None:
    # "the groups" is no "it": the singular pronoun keeps the named organisation.
    text = (
        "The Harbour Authority met the unions on Monday.\n\n"
        "“We need an answer,” the groups said. “It will cost us,” it added.\n"
    )
    assert direct_speaker_text(text)[-1][0] != "the groups"


def test_they_skips_a_singular_unnamed_speaker_for_the_named_paper() -> None:
    # "they" is no "the newspaper": with no named candidate near, the paper that spoke by
    # name three paragraphs back is who "they" are (this failed while an older fallback
    # gave "they" to the newest nameless speaker whatever its number).
    text = (
        "The Harbour Journal notes that the mayor missed the vote.\n\n"
        "The vote was on the ferry budget.\n\n"
        "The newspaper writes that he has failed the city.\n\n"
        "“The council deserves better than this,” they conclude.\n"
    )
    assert direct_speaker_text(text)[-1][0] == "Harbour Journal"


def test_it_goes_on_within_its_own_sentence() -> None:
    # The second act of "It goes on to fault …, saying …" is the same "it" as the first:
    # the nameless speaker the first act was given, noted at the sentence's start.
    text = (
        "The lawsuit contends that the mayor “acted with reckless haste” in the ferry deal. "
        "It goes on to fault the harbour board, saying the board “ignored every warning” "
        "it got.\n"
    )
    assert direct_speaker_text(text)[-1][0] == "The lawsuit"
