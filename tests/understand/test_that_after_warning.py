"""A "that" straight after a verb of telling opens the reported clause.

"warned that lawmakers who backed the levy had “betrayed the voters”": "warn", "caution"
and "urge" may name whom they address ("warned the council that …"), but a "that" right
after the verb is the clause's own, not the determiner of someone warned. Each fixture is
our own sentence in the shape of wire copy; the comment names the shape. Each failed before
this change: the statement started inside the clause, after a relative clause's verb or
a determiner. The last test is a guard: the person warned stays out.
"""

from __future__ import annotations

import pytest

from tests.support.statements import kind_speaker_text


@pytest.mark.parametrize(
    ("text", "said"),
    [
        # a relative clause in the clause's subject, then the quotation
        (
            "Maria Okafor warned that lawmakers who backed the levy had “betrayed the voters.”",
            "that lawmakers who backed the levy had “betrayed the voters.”",
        ),
        # a pronoun subject with a relative clause
        (
            "Maria Okafor warned that those who backed the levy would “pay at the polls.”",
            "that those who backed the levy would “pay at the polls.”",
        ),
        # "such" opening the clause's subject
        (
            "Maria Okafor cautioned that such a levy would be “a tax on ferries.”",
            "that such a levy would be “a tax on ferries.”",
        ),
    ],
)
def test_the_clause_starts_at_that(text: str, said: str) -> None:
    assert kind_speaker_text("The hearing opened. " + text) == [("direct", "Maria Okafor", said)]


def test_a_person_warned_still_comes_before_that() -> None:
    # the person warned is not what was said
    text = "Maria Okafor warned the council that the levy would be “a tax on ferries.”"
    assert kind_speaker_text("The hearing opened. " + text) == [
        ("direct", "Maria Okafor", "that the levy would be “a tax on ferries.”")
    ]
