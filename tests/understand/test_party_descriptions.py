"""A person named again by party alone: "“…,” said Sen. Maria Okafor, D-Ohio. The Democrat
added …".

Each fixture is our own sentence in the shape of wire copy. The fixes failed before this
change: "the Democrat" stayed a description although the person just quoted was written
with that party. The guards passed before and must go on passing: a party the article
never gave the person, or the other party, leaves the description as written.
"""

from __future__ import annotations

import pytest

from tests.support.statements import direct_act_speakers


@pytest.mark.parametrize(
    "first",
    [
        "“We will fight,” said Sen. Maria Okafor, D-Ohio.",
        "“We will fight,” said Sen. Maria Okafor (D-Ohio).",
        "“We will fight,” said Democratic Sen. Maria Okafor.",
        "“We will fight,” said Maria Okafor, a Democrat from Ohio.",
        "“We will fight,” said Gov. Maria Okafor, 56, a Democrat from Ohio.",
    ],
)
def test_the_party_is_the_person_just_quoted(first: str) -> None:
    text = first + " “The levy is a tax on ferries,” the Democrat added."
    assert direct_act_speakers(text) == ["Maria Okafor", "Maria Okafor"]


def test_the_party_before_a_reported_clause() -> None:
    text = (
        "“We will fight,” said Sen. Maria Okafor, D-Ohio. "
        "The Democrat said the levy was “a tax on ferries.”"
    )
    assert direct_act_speakers(text) == ["Maria Okafor", "Maria Okafor"]


@pytest.mark.parametrize(
    "first",
    [
        "“We will fight,” said Sen. Maria Okafor.",  # no party written
        "“We will fight,” said Sen. Maria Okafor, R-Ohio.",  # the other party
        # a party near the name but about others
        "Democratic lawmakers praised Maria Okafor. “We will fight,” said Okafor.",
    ],
)
def test_a_party_not_written_names_no_one(first: str) -> None:
    text = first + " “The levy is a tax on ferries,” the Democrat added."
    assert direct_act_speakers(text) == ["Maria Okafor", "the Democrat"]
