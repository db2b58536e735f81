"""A report inside a ", who said …," relative clause ends where the sentence's main verb
comes back, also when the quotation sits in the middle of the reported clause.

"Okafor, who said the “reckless” levy would hurt crews, voted against it.": after the
quotation, a comma and a finite verb close the relative clause. Each fixture is our own
sentence in the shape of wire copy; the comment names the shape. Each failed before this
change: the statement ran on into the main clause ("…, voted against it").
"""

from __future__ import annotations

import pytest

from storywatch.understand import extract_statements
from tests.support.statements import direct_speaker_text


@pytest.mark.parametrize(
    ("text", "said"),
    [
        # a quotation in the middle of the reported clause
        (
            "Maria Okafor, who said the “reckless” levy would hurt crews, voted against it.",
            "the “reckless” levy would hurt crews",
        ),
        # two quotations, the second without a comma inside its marks
        (
            "Maria Okafor, who said the levy was “a tax” and “a trap” that would sink crews, "
            "has since voted for it.",
            "the levy was “a tax” and “a trap” that would sink crews",
        ),
    ],
)
def test_the_relative_clause_closes_before_the_main_verb(text: str, said: str) -> None:
    assert direct_speaker_text("The hearing opened. " + text) == [("Maria Okafor", said)]


def test_a_paraphrase_in_the_relative_clause_closes_before_a_second_verb_of_saying() -> None:
    # ", who has said that …, said …": the main verb right after the clause's comma has no
    # subject of its own, so it is the name's second act, not words of the first.
    text = (
        "The hearing opened. Maria Okafor, who has said that the port is safe, said on "
        "Wednesday that the levy was “a disgrace.”"
    )
    acts = [(s.speaker, s.kind, s.text) for s in extract_statements(text)]
    assert acts == [
        ("Maria Okafor", "indirect", "that the port is safe"),
        ("Maria Okafor", "direct", "that the levy was “a disgrace.”"),
    ]


def test_a_relative_naming_after_a_plain_verb_ends_at_its_quotation_comma() -> None:
    # No report before it: the clause "whom she described as “…”," is the act, and the
    # main clause's "with Vale" after the comma is not part of it.
    text = (
        "Maria Okafor spoke on Monday. Okafor contrasted the old board, whom she described "
        "as “asleep,” with the new one."
    )
    acts = [(s.speaker, s.kind, s.text) for s in extract_statements(text)]
    assert acts == [("Maria Okafor", "direct", "whom she described as “asleep,”")]
