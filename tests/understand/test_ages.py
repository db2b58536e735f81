"""A person named again by age: "Gov. Maria Okafor, 56, … The 56-year-old said …".

Each fixture is our own sentence in the shape of wire copy. Each failed before this
change: "the 56-year-old" before a reported clause was no speaker at all (the statement was
lost, or after a quotation joined to the one before it), and after a quotation it stayed
the description instead of the person the article gave that age. The two-people test is
a guard (an age two people share names no one), not a fix.
"""

from __future__ import annotations

import pytest

from storywatch.understand.analysis import analyse
from storywatch.understand.statements import attribute

_LEAD = "Gov. Maria Okafor, 56, of Ohio opened the hearing. "


def _last_direct(text: str) -> tuple[str, str]:
    an = analyse(text)
    found = [a for a in attribute(an) if a.direct]
    last = found[-1]
    return last.speaker.name, " // ".join(an.text[a:b] for a, b in last.parts)


@pytest.mark.parametrize(
    "sentence",
    [
        "The 56-year-old said the levy was “a tax on ferries.”",
        "The 56-year-old said, “The levy is a tax on ferries.”",
        "“The levy is a tax on ferries,” the 56-year-old said.",
        "“The levy is a tax on ferries,” said the 56-year-old.",
        "The 56-year-old called the levy “a tax on ferries.”",
    ],
)
def test_the_age_is_the_person_given_it(sentence: str) -> None:
    speaker, _ = _last_direct(_LEAD + sentence)
    assert speaker == "Maria Okafor"


def test_an_age_before_the_name() -> None:
    text = (
        "56-year-old Maria Okafor opened the hearing. "
        "“The levy is a tax on ferries,” said the 56-year-old."
    )
    assert _last_direct(text)[0] == "Maria Okafor"


def test_an_age_clause_after_a_quotation_is_its_own_statement() -> None:
    text = (
        "“We will not back down,” said Gov. Maria Okafor, 56. "
        "The 56-year-old said the levy was “a tax on ferries.”"
    )
    assert _last_direct(text) == ("Maria Okafor", "the levy was “a tax on ferries.”")


def test_two_people_of_one_age_name_no_one() -> None:
    text = (
        "Maria Okafor, 56, and Tom Vale, 56, opened the hearing. "
        "“The levy is a tax on ferries,” said the 56-year-old."
    )
    assert _last_direct(text)[0] == "the 56-year-old"


def test_an_unnamed_age_still_speaks() -> None:
    text = "The hearing opened. A 30-year-old said the levy was “a tax on ferries.”"
    assert _last_direct(text)[0] == "A 30-year-old"
