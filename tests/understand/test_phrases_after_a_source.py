"""What a speaker's phrase goes on through after its head: "a source familiar with the
talks", "Mark Esper of the Brookings Institution".

Each fixture is our own sentence in the shape of wire copy. Each failed before this
change: the phrase stopped at the determiner after "with" or "of", so the thing the source
knows about ("the talks") or the body a named person works for ("Brookings Institution")
was credited with the words, or, before a reported clause, the statement was lost.
"""

from __future__ import annotations

import pytest

from tests.support.statements import direct_act_speakers


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # "familiar with" governs what it is familiar with
        (
            "“The levy is dead,” a source familiar with the talks said.",
            "a source familiar with the talks",
        ),
        (
            "Two people familiar with the negotiations said the levy was “dead.”",
            "Two people familiar with the negotiations",
        ),
        (
            "A source familiar with the matter called the levy “a tax on ferries.”",
            "A source familiar with the matter",
        ),
    ],
)
def test_familiar_with_stays_in_the_source(text: str, speaker: str) -> None:
    assert direct_act_speakers(text) == [speaker]


@pytest.mark.parametrize(
    "text",
    [
        # a name, then "of"/"at" and a body written with "the"
        "“The levy is a tax on ferries,” Maria Okafor of the Brookings Institution said.",
        "Maria Okafor of the Ohio Federation of Teachers said the levy was “a tax on ferries.”",
        "“The levy is a tax on ferries,” Maria Okafor at the Urban Institute wrote.",
    ],
)
def test_a_name_before_its_body_speaks(text: str) -> None:
    assert direct_act_speakers(text) == ["Maria Okafor"]
