"""A quotation standing alone after a sentence that names its speaker and a verb
(`lead_ins.py`). Every article here is written for these tests."""

from __future__ import annotations

from storywatch.understand.analysis import analyse
from storywatch.understand.statements import attribute


def _direct(text: str) -> list[tuple[str, str]]:
    return [
        (a.speaker.name, " ".join(text[s:e] for s, e in a.parts))
        for a in attribute(analyse(text))
        if a.direct
    ]


def test_a_quotation_after_a_named_sentence_is_read_with_it() -> None:
    text = (
        "Ana Ruiz is the harbour master of Velmora.\n\n"
        "Ruiz touted her record on the ferries over ten years. "
        "“We need to find ways to keep every crossing open.”\n"
    )
    [(speaker, said)] = _direct(text)
    assert speaker == "Ana Ruiz"
    assert said.startswith("her record on the ferries")
    assert said.endswith("keep every crossing open.")


def test_the_quotation_may_open_the_next_paragraph() -> None:
    text = (
        "Ana Ruiz is the harbour master of Velmora.\n\n"
        "Ruiz praised the mayor's work after the flood.\n\n"
        "“We need someone who gets the boats moving again.”\n"
    )
    [(speaker, said)] = _direct(text)
    assert speaker == "Ana Ruiz"
    assert said.startswith("the mayor's work")


def test_a_pronoun_or_a_description_is_not_taken() -> None:
    text = (
        "Ana Ruiz is the harbour master of Velmora.\n\n"
        "The clerk reviewed the ferry accounts on Monday. "
        "“Nobody has paid the fees since spring.”\n"
    )
    assert _direct(text) == []


def test_a_sentence_without_a_reporting_verb_is_not_taken() -> None:
    text = (
        "Ana Ruiz is the harbour master of Velmora.\n\n"
        "Ruiz supports the mayor's ferry plan: new boats and lower fares. "
        "“Nobody has paid the fees since spring.”\n"
    )
    assert _direct(text) == []


def test_a_possessive_after_an_aside_is_no_verb() -> None:
    text = (
        "Ana Ruiz is the harbour master of Velmora.\n\n"
        "Ruiz, Park's deputy, said nothing at the hearing. "
        "“Nobody has paid the fees since spring.”\n"
    )
    assert all(not said.startswith("deputy") for _, said in _direct(text))
