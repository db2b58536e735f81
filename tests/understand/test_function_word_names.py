"""Family names spelled like function words ("From", "Will", "May"): a capitalised
preposition between a quotation's closing comma and its cue is the speaker, and a modal
before a cue's "-s" form is a name, since no modal governs one. Our own sentences; the
first three read nothing, or a wrong speaker, before this change."""

from __future__ import annotations

from storywatch.understand import extract_statements


def _acts(text: str) -> list[tuple[str | None, str | None, str]]:
    return [(s.speaker, s.cue, s.text) for s in extract_statements(text)]


def test_a_preposition_name_after_a_quotation_comma() -> None:
    text = "Many dockers saw the council as “a closed shop,” From said."
    assert _acts(text) == [("From", "said", "Many dockers saw the council as “a closed shop,”")]


def test_a_modal_name_before_a_present_cue() -> None:
    text = (
        "George Will writes a weekly column. While Will acknowledges the mayor’s appeal as "
        "a “forceful persona,” he prefers Vale."
    )
    acts = _acts(text)
    assert [(a[1], a[2]) for a in acts] == [
        ("acknowledges", "the mayor’s appeal as a “forceful persona,”")
    ]


def test_a_modal_name_after_a_relative_pronoun() -> None:
    text = (
        "George Will writes a weekly column. He liked the harbour speech in Tampa, Florida, "
        "which Will claims affirmed “the old belief in the harbour.”"
    )
    assert _acts(text) == [("George Will", "claims", "affirmed “the old belief in the harbour.”")]


def test_a_preposition_opening_a_sentence_is_no_name() -> None:
    text = "From the harbour, Okafor said the levy was “a fair price.”"
    assert [a[0] for a in _acts(text)] == ["Okafor"]


def test_a_modal_before_a_plain_verb_is_no_name() -> None:
    text = "Okafor spoke. Will the board say the levy is “a fair price”?"
    assert all(a[0] != "Will" for a in _acts(text))
