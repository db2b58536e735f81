"""Where a quotation is joined with the words around it, or kept apart from them. Every
article here is written for these tests."""

from __future__ import annotations

from storywatch.understand import extract_statements


def test_lower_case_quotation_after_a_set_off_attribution_finishes_the_clause() -> None:
    text = (
        "Tolls at the harbour rose again in March.\n\n"
        "If the ferry stops running, Ana Ruiz said, “the island will be cut off for weeks.”\n"
    )
    [only] = extract_statements(text)
    assert only.speaker == "Ana Ruiz"
    assert only.text == "If the ferry stops running “the island will be cut off for weeks.”"


def test_capitalised_quotation_after_a_set_off_attribution_stands_alone() -> None:
    text = (
        "Tolls at the harbour rose again in March.\n\n"
        "As the ferry left, Ana Ruiz said, “The island will be cut off for weeks.”\n"
    )
    [only] = extract_statements(text)
    assert only.text == "The island will be cut off for weeks."


def test_long_narration_before_a_lower_case_quotation_is_not_said() -> None:
    text = (
        "The council met on Monday to hear from the harbour board, the ferry operators, the "
        "fishermen's union and the families of Tarn Lane about the state of the quay, which, "
        "Ana Ruiz said, “nobody has mended in ten years.”\n"
    )
    [only] = extract_statements(text)
    assert only.text == "nobody has mended in ten years."
