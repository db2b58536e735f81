"""A participle of saying right after a quotation that closes a reported clause is a second act.

"The lawmakers argue that “…,” citing a case …", "telling reporters that Vale is a “fraud”
and questioning how he …": the closing mark ends the first act, and the participle after it
reports the same speaker's next words, each with its own quotation.
"""

from __future__ import annotations

from storywatch.understand import extract_statements


def _acts(text: str) -> list[tuple[str, str | None]]:
    return [(s.text, s.cue) for s in extract_statements(text)]


def test_a_participle_after_a_quotation_comma_is_a_second_act() -> None:
    text = (
        "The two lawmakers argue that “there is precedent for closure,” citing a case in "
        "which a ferry was found “unsafe.”\n"
    )
    assert _acts(text) == [
        ("that “there is precedent for closure,”", "argue"),
        ("a case in which a ferry was found “unsafe.”", "citing"),
    ]


def test_a_participle_joined_by_and_after_a_quotation_is_a_second_act() -> None:
    text = (
        "Ruiz escalated her criticism on Tuesday, telling reporters that Vale is a “fraud” "
        "and questioning how he has “escaped any audit of the harbour.”\n"
    )
    assert _acts(text) == [
        ("that Vale is a “fraud”", "telling"),
        ("how he has “escaped any audit of the harbour.”", "questioning"),
    ]


def test_a_later_participle_keeps_its_own_quotation() -> None:
    text = (
        "In his first videos Okafor wears a suit in a series he calls “Harbour Watch,” "
        "pointing to bottles of cola and telling viewers that sugar is “ruining the port.”\n"
    )
    cues = [cue for _, cue in _acts(text)]
    assert "pointing" not in cues
