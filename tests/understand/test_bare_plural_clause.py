"""A reported clause without "that" may open on a bare plural noun after adverbials.

"Okafor said Tuesday lawmakers had “betrayed the voters”", "said in an email lawmakers
who backed the levy had …": a lower-case plural noun after the time word or the phrase,
then a finite auxiliary or a relative pronoun, is the clause's subject. Each fixture is our
own sentence in the shape of wire copy; the comment names the shape. Each failed before
this change: the statement took in the adverbial, or started inside the relative clause.
The guard keeps a later "that" as the clause's start.
"""

from __future__ import annotations

import pytest

from tests.support.statements import kind_speaker_text


@pytest.mark.parametrize(
    ("text", "said"),
    [
        # a time word, then a plural subject and an auxiliary
        (
            "Maria Okafor said last week officials were “asleep at the wheel.”",
            "officials were “asleep at the wheel.”",
        ),
        # a time word, then a plural subject with a relative clause
        (
            "Maria Okafor said Tuesday lawmakers who backed the levy had “betrayed the voters.”",
            "lawmakers who backed the levy had “betrayed the voters.”",
        ),
        # a prepositional phrase, then the same
        (
            "Maria Okafor said in an email lawmakers who backed the levy had “betrayed the "
            "voters.”",
            "lawmakers who backed the levy had “betrayed the voters.”",
        ),
    ],
)
def test_the_plural_subject_opens_the_clause(text: str, said: str) -> None:
    assert kind_speaker_text("The hearing opened. " + text) == [("direct", "Maria Okafor", said)]


def test_a_later_that_still_opens_the_clause() -> None:
    text = "Maria Okafor said in a note to supporters who gathered that the levy was “a tax.”"
    assert kind_speaker_text("The hearing opened. " + text) == [
        ("direct", "Maria Okafor", "that the levy was “a tax.”")
    ]
