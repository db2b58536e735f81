"""What was vowed, urged or called for starts at the verb's own complement, past a time
word or the person addressed.

"Okafor vowed Tuesday to fight the levy “to the bitter end”": the infinitive after the time
word is what was vowed, not a phrase to skip on the way to a clause. So is a "to"/"for"
right before a quotation ("called Tuesday for “a full accounting”"). After "urged", the
person urged stays with what was urged, as it does with nothing between. Each fixture is
our own sentence in the shape of wire copy; the comment names the shape. Each failed before
this change: the statement started at the infinitive's object, or took in the time word.
"""

from __future__ import annotations

import pytest

from tests.support.statements import kind_speaker_text


@pytest.mark.parametrize(
    ("text", "said"),
    [
        # a time word, then an infinitive whose object comes before the quotation
        (
            "Maria Okafor vowed Tuesday to fight the levy “to the bitter end.”",
            "to fight the levy “to the bitter end.”",
        ),
        (
            "Maria Okafor pledged last week to rid the port of “this ruinous levy.”",
            "to rid the port of “this ruinous levy.”",
        ),
        # the person urged, then the infinitive
        (
            "Maria Okafor urged lawmakers to fight the levy “to the bitter end.”",
            "lawmakers to fight the levy “to the bitter end.”",
        ),
        # a time word, then "to" or "for" right before the quotation
        (
            "Maria Okafor promised Tuesday to “repeal the levy on day one.”",
            "to “repeal the levy on day one.”",
        ),
        (
            "Maria Okafor called Tuesday for “a full and honest accounting.”",
            "for “a full and honest accounting.”",
        ),
    ],
)
def test_the_complement_starts_the_statement(text: str, said: str) -> None:
    assert kind_speaker_text("The hearing opened. " + text) == [("direct", "Maria Okafor", said)]


def test_an_infinitive_of_saying_is_not_the_content() -> None:
    # guard: "replied … to suggest" reports with its own verb; its clause is what was said
    text = "Maria Okafor replied later Saturday to suggest the levy was “a misunderstanding.”"
    assert kind_speaker_text("The hearing opened. " + text) == [
        ("direct", "Maria Okafor", "the levy was “a misunderstanding.”")
    ]
