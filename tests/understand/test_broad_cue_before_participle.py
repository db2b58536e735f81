"""A verb outside the reporting lexicon keeps its quotation when a participle follows.

"Okafor pointed out that the levy was “a tax on ferries,” adding that fares would rise":
the ordinary cues found only the participle's paraphrase, so the verb before it ("pointed
out", "was quoted as saying") was never tried and the quotation was lost. "quoted as
saying" reports with its "as saying", which is not what was said. Each fixture is our own
sentence in the shape of wire copy; the comment names the shape. Each failed before this
change. The last test is a guard: a verb naming a cause keeps to the participle.
"""

from __future__ import annotations

import pytest

from tests.support.statements import kind_speaker_text


@pytest.mark.parametrize(
    ("text", "said"),
    [
        # "pointed out that", a participle after the quotation
        (
            "Maria Okafor pointed out that the levy was “a tax on ferries,” adding that "
            "fares would rise.",
            "that the levy was “a tax on ferries,”",
        ),
        # an adverbial between the verb and "that"
        (
            "Maria Okafor pointed out Tuesday that the “reckless” levy would hurt crews, "
            "saying fares would rise.",
            "that the “reckless” levy would hurt crews",
        ),
        # no "that": a finite verb before the quotation makes it a clause
        (
            "Maria Okafor pointed out Tuesday the levy was “a tax on ferries,” adding that "
            "fares would rise.",
            "the levy was “a tax on ferries,”",
        ),
        # no "that", the quotation before the clause's verb
        (
            "Maria Okafor pointed out Tuesday the “reckless” levy would hurt crews, adding "
            "that fares would rise.",
            "the “reckless” levy would hurt crews",
        ),
        # "was quoted as saying", a participle after the quotation
        (
            "Maria Okafor was quoted as saying the levy was “a tax on ferries,” adding that "
            "fares would rise.",
            "the levy was “a tax on ferries,”",
        ),
    ],
)
def test_the_quotation_and_the_participle_are_both_read(text: str, said: str) -> None:
    found = kind_speaker_text("The hearing opened. " + text)
    assert found[0] == ("direct", "Maria Okafor", said)
    assert found[1][:2] == ("indirect", "Maria Okafor")
    assert "fares would rise" in found[1][2]


def test_quoted_as_saying_is_the_verb() -> None:
    text = "Maria Okafor was quoted as saying the levy was “a tax on ferries.”"
    assert kind_speaker_text("The hearing opened. " + text) == [
        ("direct", "Maria Okafor", "the levy was “a tax on ferries.”")
    ]


def test_a_cause_named_with_a_quotation_is_left_to_the_participle() -> None:
    text = "Maria Okafor blamed the delay on a “bad ferry schedule,” claiming she had warned them."
    found = kind_speaker_text("The hearing opened. " + text)
    assert [kind for kind, _, _ in found] == ["indirect"]
