"""Copy that quotes with single marks, as British house style has it.

"‘We have no other choice,’ Okafor said.": the outer marks are single and a quotation
inside one takes double marks. Each fixture is our own text in the shape of British wire
or newspaper copy; each failed before this change: no quotation was read at all.
"""

from __future__ import annotations

from storywatch.understand.single_marks import single_marks_as_double
from tests.support.statements import direct_speaker_text

_ARTICLE = (
    "Ferry levy ‘a betrayal’, says union\n\n"
    "Maria Okafor, the transport minister, said: ‘We have no other choice. The ferries are "
    "losing money.’\n\n"
    "‘We tried for years to fix the service,’ she told reporters. ‘The money never came.\n\n"
    "‘Now the passengers are paying for it, and that’s not something I take lightly.’\n\n"
    "Tom Berg, the union’s general secretary, said: ‘They told us, “Trust us, the route is "
    "safe,” and we did.’\n\n"
    "‘The crews’ pensions are now at risk,’ he said."
)


def test_single_marks_open_and_close_quotations() -> None:
    found = direct_speaker_text(_ARTICLE)
    assert ("Maria Okafor", "We have no other choice. The ferries are losing money.") in found
    assert ("Tom Berg", "The crews’ pensions are now at risk,") in found


def test_a_quotation_carried_over_paragraphs() -> None:
    # the first paragraph opens without closing; the next opens again and closes
    found = direct_speaker_text(_ARTICLE)
    assert ("Maria Okafor", "We tried for years to fix the service,") in found
    assert (
        "Maria Okafor",
        "The money never came. Now the passengers are paying for it, and that’s not "
        "something I take lightly.",
    ) in found


def test_double_marks_inside_are_a_quotation_within() -> None:
    found = direct_speaker_text(_ARTICLE)
    assert ("Tom Berg", "They told us, ‘Trust us, the route is safe,’ and we did.") in found


def test_american_copy_keeps_its_marks() -> None:
    # double marks for quotations, single ones for a title and a headline's words
    text = (
        "Okafor calls levy ‘unfair’\n\n"
        "“The levy is unfair,” Okafor said after a screening of ‘Harbour Lights.’ "
        "The crews’ union agreed."
    )
    assert single_marks_as_double(text) == text
