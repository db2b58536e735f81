"""A subject described by a participle's phrase before its verb of saying ("the order
released Friday said", "a report issued by the board on Tuesday said"): the noun phrase
before the participle speaks. Each fixture is our own sentence in the shape of wire copy;
the first three read nothing (or a wrong speaker) before this change, the others guard
what it must leave alone."""

from __future__ import annotations

from storywatch.understand import extract_statements


def _acts(text: str) -> list[tuple[str | None, str | None, str]]:
    return [(s.speaker, s.cue, s.text) for s in extract_statements(text)]


def test_a_trailer_subject_with_a_participle_and_a_day() -> None:
    text = "The harbour board met. The levy is “a fair price,” the order released Friday said."
    assert _acts(text) == [("the order", "said", "The levy is “a fair price,”")]


def test_a_trailer_subject_with_a_participle_and_an_agent() -> None:
    text = (
        "The harbour board met. The levy is “a fair price,” the report issued by the board "
        "on Tuesday said."
    )
    assert _acts(text) == [("the report", "said", "The levy is “a fair price,”")]


def test_a_sentence_opening_subject_with_a_participle() -> None:
    text = "The harbour board met. A court filing lodged Thursday says the levy is unlawful."
    assert _acts(text) == [("A court filing", "says", "the levy is unlawful")]


def test_a_past_verb_before_an_infinitive_is_no_participle() -> None:
    # "declined to say": the past verb is the clause's own, and nothing was said.
    text = "The harbour board met. The senator declined to say whether the levy is fair."
    assert all(speaker != "The senator" or cue != "say" for speaker, cue, _ in _acts(text))


def test_a_plural_noun_is_no_verb_of_saying() -> None:
    # "mixed feelings in many Asian states": "states" is a noun, "mixed" an adjective.
    text = (
        "The harbour board met. The levy has provoked mixed feelings in many coastal states, "
        "and the board has called it “a fair price,” said Ana Ruiz, a port economist."
    )
    speakers = {speaker for speaker, _, _ in _acts(text)}
    assert "The levy has provoked" not in speakers
    assert "The levy" not in speakers
