"""An aside set off by commas right after the cue is the writer's; the clause after it is
what was said.

"Okafor said, however, the levy was “a tax on ferries”", "said, in a statement, the levy
…", "said, without offering evidence, the levy …": an adverb or a prepositional phrase
between commas, then a clause's subject. Each fixture is our own sentence in the shape of
wire copy; the comment names the shape. Each failed before this change: the statement
took the aside in. The guards keep an infinitive after the comma, and a quotation's own
opening words.
"""

from __future__ import annotations

import pytest

from tests.support.statements import kind_speaker_text


@pytest.mark.parametrize(
    ("text", "said"),
    [
        # an adverb, no "that"
        (
            "Maria Okafor said, however, the levy was “a tax on ferries.”",
            "the levy was “a tax on ferries.”",
        ),
        # a prepositional phrase
        (
            "Maria Okafor said, in a statement, the “reckless” levy would hurt crews.",
            "the “reckless” levy would hurt crews",
        ),
        # an aside, then a bare plural subject
        (
            "Maria Okafor said, however, lawmakers who backed the levy had “betrayed the voters.”",
            "lawmakers who backed the levy had “betrayed the voters.”",
        ),
        # a phrase with a participle inside
        (
            "Maria Okafor said, without offering evidence, the levy was “rigged.”",
            "the levy was “rigged.”",
        ),
    ],
)
def test_the_clause_after_the_aside_is_what_was_said(text: str, said: str) -> None:
    assert kind_speaker_text("The hearing opened. " + text) == [("direct", "Maria Okafor", said)]


def test_an_infinitive_after_the_comma_is_not_an_aside() -> None:
    text = "It was her job, Okafor said, to warn the council, the crews and the port."
    found = kind_speaker_text("The hearing opened. " + text)
    assert not any(said.startswith("the crews") for _, _, said in found)
