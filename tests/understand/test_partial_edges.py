"""Edges of reported clauses that carry a partial quotation (clause_ends._NEXT_ACT):
shapes measured on PolNeAR train, in sentences written for these tests."""

from __future__ import annotations

from storywatch.understand import extract_statements


def _direct(text: str) -> list[tuple[str, str | None]]:
    return [(s.text, s.speaker) for s in extract_statements(text) if s.kind == "direct"]


def test_and_a_pronoun_with_a_past_tense_after_the_quotation_is_the_next_act() -> None:
    text = (
        "The harbour board met on Monday.\n\n"
        "Mayor Ana Ruiz voiced a hope for a “calm, open and busy port,” and she pronounced "
        "the new pier “a gift.”\n"
    )
    [(first, _), *_rest] = _direct(text)
    assert first == "a hope for a “calm, open and busy port,”"


def test_a_participle_after_and_goes_on_with_what_was_said() -> None:
    text = (
        "The harbour board met on Monday.\n\n"
        "Mayor Ana Ruiz said she pictured the crews watching a “quiet tide” and knowing "
        "that “the work was worth it.”\n"
    )
    [(said, _)] = _direct(text)
    assert said.endswith("“the work was worth it.”")
