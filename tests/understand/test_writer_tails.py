"""A reported clause with a partial quotation ends where the writer's own clause begins.

"Okafor said the levy was “a tax on ferries,” even as her party moved on": "even as",
"although" or "though" with a subject of its own, "then" and a past verb (the speaker's
next act), "which" and a past verb right after the closing mark ("which drew applause"),
and a bracket that closes the sentence ("(the mayor disagreed)") are the writer's, not
what was said. Each fixture is our own sentence in the shape of wire copy; the comment
names the shape. Each failed before the change that added it: the statement ran on. The
second test's fixtures are guards.
"""

from __future__ import annotations

import pytest

from tests.support.statements import direct_speaker_text


@pytest.mark.parametrize(
    ("text", "said"),
    [
        # "even as" after a comma inside the closing mark
        (
            "Maria Okafor said that the levy was “a tax on ferries,” even as her party moved on.",
            "that the levy was “a tax on ferries,”",
        ),
        # "although" after a quotation in the middle of the clause
        (
            "Maria Okafor said the “reckless” levy would hurt crews, although she later "
            "softened her tone.",
            "the “reckless” levy would hurt crews",
        ),
        # "though" after two quotations
        (
            "Maria Okafor said the levy was “a tax” and “a trap,” though the mayor has "
            "defended it.",
            "the levy was “a tax” and “a trap,”",
        ),
        # "then" and the speaker's next act
        (
            "Maria Okafor said that the levy was “a tax on ferries,” then left the room.",
            "that the levy was “a tax on ferries,”",
        ),
        # "then" and a past verb a few words after a quotation in the middle
        (
            "Maria Okafor said the “reckless” levy would hurt crews, then walked out.",
            "the “reckless” levy would hurt crews",
        ),
        # "which" and a past verb right after the quotation: what the words did
        (
            "Maria Okafor said that the levy was “a tax on ferries,” which drew applause.",
            "that the levy was “a tax on ferries,”",
        ),
        # a bracket closing the sentence
        (
            "Maria Okafor said that the levy was “a tax on ferries” (the mayor disagreed).",
            "that the levy was “a tax on ferries”",
        ),
        (
            "Maria Okafor said the “reckless” levy would hurt crews (the mayor disagreed).",
            "the “reckless” levy would hurt crews",
        ),
    ],
)
def test_the_clause_ends_before_the_writers_words(text: str, said: str) -> None:
    assert direct_speaker_text("The hearing opened. " + text) == [("Maria Okafor", said)]


@pytest.mark.parametrize(
    ("text", "said"),
    [
        # no subject after "although": the speaker's own concession
        (
            "Maria Okafor said the levy was “flawed,” although workable.",
            "the levy was “flawed,” although workable",
        ),
        # "then" and a verb of the clause's own
        (
            "Maria Okafor said the “reckless” levy would pass, then fail.",
            "the “reckless” levy would pass, then fail",
        ),
        # "which" and a modal: still about the thing named
        (
            "Maria Okafor said the ferries faced “a new tax,” which would double fares.",
            "the ferries faced “a new tax,” which would double fares",
        ),
        # a one-word bracket stays
        (
            "Maria Okafor said the “reckless” levy would hurt crews (sic).",
            "the “reckless” levy would hurt crews (sic)",
        ),
    ],
)
def test_the_speakers_words_go_on(text: str, said: str) -> None:
    assert direct_speaker_text("The hearing opened. " + text) == [("Maria Okafor", said)]
