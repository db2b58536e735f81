"""A quotation standing alone after a sentence that names its speaker and a verb
(`lead_ins.py`). Every article here is written for these tests."""

from __future__ import annotations

from storywatch.understand.analysis import analyse
from storywatch.understand.lead_ins import colon_led
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


def test_without_a_reporting_verb_the_quotation_alone_is_read() -> None:
    text = (
        "Ana Ruiz is the harbour master of Velmora.\n\n"
        "Ruiz supports the mayor's ferry plan: new boats and lower fares. "
        "“Nobody has paid the fees since spring.”\n"
    )
    assert _direct(text) == [("Ana Ruiz", "Nobody has paid the fees since spring.")]


def test_a_named_subject_with_no_speech_verb_introduces_the_quotation() -> None:
    text = (
        "Tomas Vidal runs the night ferry out of Portmere.\n\n"
        "Mr. Vidal is unrepentant about his timetable. "
        "“I am not hiding the fact that I want every crossing to leave on the hour.”\n"
    )
    [(speaker, said)] = _direct(text)
    assert speaker == "Tomas Vidal"
    assert said == "I am not hiding the fact that I want every crossing to leave on the hour."


def test_a_quotation_after_a_colon_closing_a_named_sentence() -> None:
    text = (
        "Marta Keel chairs the port board of Velmora.\n\n"
        "Keel praised the crews on Friday and contrasted the old fleet with the new one: "
        "“What I have seen this year is a service that finally works.”\n"
    )
    [(speaker, said)] = _direct(text)
    assert speaker == "Marta Keel"
    assert said == "What I have seen this year is a service that finally works."


def test_colon_led_wants_a_name_and_several_unclaimed_words() -> None:
    def read(sentence: str, claimed: list[tuple[int, int]] | None = None) -> str | None:
        text = "Marta Keel chairs the port board of Velmora.\n\n" + sentence + "\n"
        an = analyse(text)
        found = colon_led(text, an.sentences[-1], claimed or [])
        return None if found is None else text[found.speaker[0] : found.speaker[1]]

    assert read("Keel compared the fleets: “What I have seen is a service that works.”") == "Keel"
    assert read("She compared the fleets: “What I have seen is a service that works.”") is None
    assert read("Keel's new boat carries one word on its bow: “Patience.”") is None
    whole = (0, 10_000)
    assert read("Keel compared the fleets: “What I have seen is a fine service.”", [whole]) is None
