"""Where a reported clause holding a partial quotation ends on its right (clause_ends.py):
shapes measured on PolNeAR train, in sentences written for these tests."""

from __future__ import annotations

from storywatch.understand import extract_statements


def _direct(text: str) -> list[str]:
    return [s.text for s in extract_statements(text) if s.kind == "direct"]


def test_a_when_or_while_phrase_built_on_another_quotation_goes_on() -> None:
    text = (
        "The harbor vote was close.\n\n"
        "Mayor Ana Ruiz said that Tomas Berg was “a fine neighbor” while Lena Hale is “a "
        "menace to the docks.”\n"
    )
    [said] = _direct(text)
    assert said.endswith("“a menace to the docks.”")


def test_a_when_phrase_without_a_quotation_still_ends_the_clause() -> None:
    text = (
        "The harbor vote was close.\n\n"
        "Mayor Ana Ruiz said that Tomas Berg was “a fine neighbor” while the crowd in the "
        "hall cheered and waved flags.\n"
    )
    assert _direct(text) == ["that Tomas Berg was “a fine neighbor”"]
