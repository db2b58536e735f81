"""Quotation marks the writer puts around a term, where no one is quoted.

"Vale won 19 percent among ''very liberal'' voters", "Okafor served as the mayor's
''fixer,'' or go-between", "Vale opposed the so-called “reform”": a verb outside the
reporting lexicon read a statement only because a quotation followed it, and the quotation
is a label or a glossed word. Each fixture is our own sentence in the shape of wire copy.
The first group each read a direct statement before this change; the second must still be
read (a verb of saying reports the clause the term stands in).
"""

from __future__ import annotations

import pytest

from tests.support.statements import direct_speaker_text

_LEAD = "Maria Okafor and Ivo Vale ran for the harbour seat. "


@pytest.mark.parametrize(
    "sentence",
    [
        # a quoted term modifying the noun after it, under a verb that reports nothing
        "Vale won just 19 percent among ''very liberal'' voters in the county.",
        "Vale won the backing of “blue dog” members in the House.",
        # a quoted word glossed for the reader
        "Okafor later served as the mayor's ''fixer,'' or go-between, at the port authority.",
        "Okafor's study focuses on the harbour's “tidal debt” (the silt left after each storm).",
        # "so-called": the writer hands the term to others
        "Vale opposed the so-called “reform” of the pension system.",
    ],
)
def test_a_writers_term_is_no_quotation(sentence: str) -> None:
    assert direct_speaker_text(_LEAD + sentence) == []


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        # a verb of saying reports the clause the term stands in
        ("Vale said the “poison pill” clauses would sink the bill.", "Ivo Vale"),
        # a reporting verb between the first verb and the term
        ("Okafor erred in saying that the “40 percent” figure came from the port.", "Maria Okafor"),
        # a quotation ending its phrase is the subject's words
        ("Vale called the levy “a tax on ferries” and left the hall.", "Ivo Vale"),
        # a noun naming words: the term is what the subject said
        ("Vale doubled down on the “harbour king” moniker on Tuesday.", "Ivo Vale"),
    ],
)
def test_words_said_around_a_term_are_kept(sentence: str, speaker: str) -> None:
    found = direct_speaker_text(_LEAD + sentence)
    assert found and found[0][0] == speaker
