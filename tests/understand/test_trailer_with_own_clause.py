"""A verb after a quotation that reports a clause of its own is no trailer.

"But even as Trump claimed that “Petraeus got in trouble for far less,” a lawyer for
Petraeus said the two cases were quite different.": the subject and verb after the
quotation's closing comma looked like its trailer ("“…,” a lawyer said."), so the lawyer
was credited with Trump's words. A trailer reports nothing after its verb but a time or a
place; this verb reports "the two cases were quite different". Our own sentences; the
first failed before this change, the others are guards for real trailers.
"""

from __future__ import annotations

import pytest

from tests.support.statements import direct_speaker_text


def test_second_act_keeps_first_speaker() -> None:
    text = (
        "But even as Maria Lopez claimed on Tuesday that “the plan got in trouble for far "
        "less,” a lawyer for Tom Reyes said the two cases were quite different."
    )
    assert direct_speaker_text(text) == [
        ("Maria Lopez", "that “the plan got in trouble for far less,”")
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a time after the trailer's verb
        "Even as Maria Lopez claimed that “the plan failed,” Tom Reyes said on Tuesday.",
        # a scene after it, opened by "as"
        "Friends mocked the plan, calling it “a failure,” Tom Reyes said as he left.",
    ],
)
def test_real_trailer_still_speaks(text: str) -> None:
    speakers = [who for who, _ in direct_speaker_text(text)]
    assert speakers and speakers[-1] == "Tom Reyes"
