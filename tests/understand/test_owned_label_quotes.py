"""An owned noun of speech as a label before a colon and a whole quotation.

"Her answer: “We will not go back.”", "Her message to the crews: “Hold the line.”": the
sentence has no verb; the owner of the answer, the message or the reply said the words
(a name as the owner, "Okafor's message:", was read before as a label naming its
speaker). Each fixture is our own text in the shape of wire copy; each failed before this
change: the quotation was lost, or the message itself was credited with the words.
"""

from __future__ import annotations

import pytest

from tests.support.statements import direct_speaker_text

_LEAD = "Maria Okafor spoke at the ferry terminal on Tuesday.\n\n"


@pytest.mark.parametrize(
    "label",
    [
        # a possessive pronoun resolved to the person the story is about
        "Her answer:",
        "Her reply:",
        # a phrase of the noun's own before the colon
        "Her message to the crews:",
        "Her response to the council:",
    ],
)
def test_the_owner_of_the_noun_speaks(label: str) -> None:
    assert direct_speaker_text(_LEAD + label + " “The levy is dead.”") == [
        ("Maria Okafor", "The levy is dead.")
    ]
