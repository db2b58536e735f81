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


def test_an_irregular_past_after_and_is_the_next_act() -> None:
    text = (
        "The harbor vote was close.\n\n"
        "Councillor Tomas Berg called the levy “a quiet robbery” and cast himself as the "
        "only friend the dock workers had left on the council.\n"
    )
    assert _direct(text) == ["the levy “a quiet robbery”"]


def test_a_perfect_after_and_is_the_next_act() -> None:
    text = (
        "The harbor vote was close.\n\n"
        "Mayor Ana Ruiz told reporters the new fees were “entirely fair” and has urged the "
        "port board to publish every contract it signed last year.\n"
    )
    assert _direct(text) == ["the new fees were “entirely fair”"]
