"""Where a quotation is joined with the words around it, or kept apart from them. Every
article here is written for these tests."""

from __future__ import annotations

from storywatch.understand import extract_statements
from storywatch.understand.analysis import analyse
from storywatch.understand.statements import attribute


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


def _acts(text: str) -> list[tuple[str, list[str]]]:
    """Each direct act of speech (as the PolNeAR scorer reads it): speaker and its parts."""
    return [
        (a.speaker.name, [text[s:e] for s, e in a.parts])
        for a in attribute(analyse(text))
        if a.direct
    ]


def test_a_tag_that_resumes_a_whole_quotation_joins_its_act_of_speech() -> None:
    text = (
        "The harbour board met on Monday.\n\n"
        "Ana Ruiz told the board, “The quay is a disgrace.” She added, “Nobody has mended "
        "it in ten years.”\n\n"
        "The board said it would reply in May.\n"
    )
    assert _acts(text) == [
        ("Ana Ruiz", ["The quay is a disgrace.", "Nobody has mended it in ten years."])
    ]
    first, second = [s for s in extract_statements(text) if s.kind == "direct"]
    assert first.text == "The quay is a disgrace."
    assert second.text == "Nobody has mended it in ten years."
    assert first.speaker == second.speaker == "Ana Ruiz"


def test_a_resumed_quotation_after_a_trailer_goes_on_the_same_act() -> None:
    text = (
        "“The quay is a disgrace,” Ana Ruiz said on Monday. “Nobody mends it.” She "
        "continued, “We will not wait another ten years.”\n"
    )
    [(speaker, parts)] = _acts(text)
    assert speaker == "Ana Ruiz"
    assert parts[-1] == "We will not wait another ten years."


def test_a_colon_after_the_tag_keeps_the_block_apart() -> None:
    text = (
        "Ana Ruiz told the board, “The quay is a disgrace.” She added: “Nobody has mended "
        "it in ten years.”\n"
    )
    assert len(_acts(text)) == 2


def test_narration_after_the_resumed_quotation_keeps_the_quotations_apart() -> None:
    text = (
        "Ana Ruiz told the board, “The quay is a disgrace.” She added, “Nobody has mended "
        "it.” The board, for its part, blamed the storms of 2019.\n"
    )
    assert len(_acts(text)) == 2


def test_a_tag_after_a_partial_quotation_opens_a_statement_of_its_own() -> None:
    text = (
        "Ana Ruiz said the board had “failed the island.” She added, “Nobody has mended "
        "the quay in ten years.”\n"
    )
    acts = _acts(text)
    assert len(acts) == 2
    assert acts[-1] == ("Ana Ruiz", ["Nobody has mended the quay in ten years."])


def test_a_tag_naming_someone_else_starts_their_own_statement() -> None:
    text = (
        "Ana Ruiz told the board, “The quay is a disgrace.” Tomas Berg added, “The ferry "
        "is worse.”\n"
    )
    acts = _acts(text)
    assert len(acts) == 2
    assert acts[-1] == ("Tomas Berg", ["The ferry is worse."])


def test_a_tag_repeating_the_speaker_s_name_resumes_the_quotation() -> None:
    text = (
        "Ana Ruiz told the board, “The quay is a disgrace.” Ruiz added, “Nobody has mended "
        "it in ten years.”\n"
    )
    [(speaker, parts)] = _acts(text)
    assert speaker == "Ana Ruiz"
    assert parts == ["The quay is a disgrace.", "Nobody has mended it in ten years."]
