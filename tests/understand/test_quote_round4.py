"""Text handling that lost quotations (fourth round of PolNeAR train misses): a sentence that
ends in a dotted word (a web address, a decimal), no-break spaces inside a speaker's name, and
a conjunction opening the clause a speaker stands in. Every article here is written for these
tests."""

from __future__ import annotations

from storywatch.understand import extract_statements
from storywatch.understand.text import find_quotes, paragraphs, plain_marks, sentences


def _sentences(text: str) -> list[str]:
    paras = paragraphs(text)
    return [text[a:b] for a, b in sentences(text, paras, find_quotes(text, paras))]


def test_web_address_at_a_sentence_end_ends_the_sentence() -> None:
    text = (
        "The figures were first published by Harbourwatch.org. "
        "“We counted every ship that came in,” said Ana Ruiz.\n"
    )
    assert _sentences(text) == [
        "The figures were first published by Harbourwatch.org.",
        "“We counted every ship that came in,” said Ana Ruiz.",
    ]
    [only] = extract_statements(text)
    assert only.text == "We counted every ship that came in,"
    assert only.speaker == "Ana Ruiz"


def test_decimal_at_a_sentence_end_ends_the_sentence() -> None:
    text = "Tolls rose to 12.75. “Nobody can pay that,” said Ana Ruiz.\n"
    [only] = extract_statements(text)
    assert only.text == "Nobody can pay that,"


def test_dotted_abbreviations_still_do_not_end_a_sentence() -> None:
    text = "The ferry left at 6 a.m. on Monday for the U.S. coast with Dr. Ana Ruiz aboard.\n"
    assert len(_sentences(text)) == 1


def test_no_break_spaces_in_a_name_are_plain_spaces() -> None:
    text = "“We will rebuild the breakwater,” said Rep.\u00a0Ana\u00a0Ruiz, who chairs the board.\n"
    assert plain_marks(text) == text.replace("\u00a0", " ")
    assert len(plain_marks(text)) == len(text)
    [only] = extract_statements(text)
    assert only.speaker == "Ana Ruiz"
    assert only.speaker_mention == "Rep. Ana Ruiz"


def test_a_subordinating_conjunction_is_not_part_of_the_speaker() -> None:
    text = (
        "The berth was closed in 2019, when the port director, who had run it for a decade, "
        "called it “beyond repair.”\n"
    )
    [only] = extract_statements(text)
    assert only.speaker_mention == "the port director"


def test_a_named_speaker_after_a_conjunction_is_written_without_it() -> None:
    text = (
        "The berth was closed in 2019, when Tomas Berg, who had run it for a decade, "
        "called it “beyond repair.”\n"
    )
    [only] = extract_statements(text)
    assert only.speaker == "Tomas Berg"
    assert only.speaker_mention == "Tomas Berg"
