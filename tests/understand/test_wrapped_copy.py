"""Copy hard-wrapped at a fixed width, as plain-text wire feeds send it.

Each line break inside a paragraph is a space; a blank line ends the paragraph. Each
fixture is our own text in the shape of a plain-text wire story; each failed before this
change: a quotation lost the lines after its first, or its trailer on the next line.
"""

from __future__ import annotations

from storywatch.understand.wrapped_lines import unwrapped
from tests.support.statements import direct_speaker_text

_STORY = """\
Ferries to stop at Harwick terminal, minister says

LONDON, May 3 (Reuters) - Transport Minister Maria Okafor said on
Tuesday the ferry terminal at Harwick would close next month, ending
two centuries of crossings.

"We have no other choice," Okafor told reporters in London. "The
ferries are losing money and the crews know it."

"We tried for years to fix the terminal," she said, "but the money
never came."

Tom Berg, who leads the crews' union, said the decision was "a
betrayal of working people" and promised to fight it in the courts.
"""


def test_a_quotation_wrapped_over_lines_is_whole() -> None:
    found = direct_speaker_text(_STORY)
    assert ("Maria Okafor", "We have no other choice,") in found
    assert ("Maria Okafor", "The ferries are losing money and the crews know it.") in found


def test_a_split_quotation_keeps_its_second_part() -> None:
    found = direct_speaker_text(_STORY)
    assert (
        "Maria Okafor",
        "We tried for years to fix the terminal, but the money never came.",
    ) in found


def test_a_partial_quotation_over_a_break() -> None:
    found = direct_speaker_text(_STORY)
    assert any(
        speaker == "Tom Berg" and "a betrayal of working people" in text for speaker, text in found
    )


def test_headline_list_and_credit_lines_keep_their_breaks() -> None:
    text = _STORY + (
        "\nThe union listed its demands to the ministry on Tuesday in a letter:\n"
        "- a year's notice for every crew member\n"
        "- pensions paid in full\n\n"
        '"We will not let the crews pay for this. Not one of them."\n'
        "— Tom Berg\n"
    )
    out = unwrapped(text)
    assert out.splitlines()[0] == "Ferries to stop at Harwick terminal, minister says"
    assert "\n- a year's notice for every crew member\n- pensions paid in full\n" in out
    assert '"\n— Tom Berg' in out


def test_copy_with_a_paragraph_on_each_line_is_left_alone() -> None:
    text = (
        "Transport Minister Maria Okafor said on Tuesday the ferry terminal at Harwick would "
        "close next month, ending two centuries of crossings.\n\n"
        "“We have no other choice,” Okafor told reporters in London.\n"
        "— Tom Berg\n"
    )
    assert unwrapped(text) == text
