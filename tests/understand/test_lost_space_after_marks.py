"""A sentence ends at a closing curly mark even when the copy lost the space after it.

"“I love Hispanics!”Former candidate Jeb Bush told a newspaper: “…”": with no space before
the next capital the two sentences were read as one, and the tweet's second half went to
Jeb Bush; "she said.“We have the votes.”" is the same slip before an opening mark. On
PolNeAR train the slip joins three pairs of sentences. Our own sentences; both failed
before this change (the second read the two quotations as one sentence's). A straight mark
is left alone: after a full stop it may open the next quotation or close the last one, so
no space says nothing there.
"""

from __future__ import annotations

from tests.support.statements import direct_speaker_text


def test_no_space_after_a_closing_mark() -> None:
    text = (
        "Maria Lopez posted a photo. “Happy holidays!,” she wrote. “I love Ohio!”Former "
        "governor Tom Reyes told a newspaper: “What she did was so insensitive.”"
    )
    assert direct_speaker_text(text) == [
        ("Maria Lopez", "Happy holidays!,"),
        ("Maria Lopez", "I love Ohio!"),
        ("Tom Reyes", "What she did was so insensitive."),
    ]


def test_no_space_before_an_opening_mark_reads_as_spaced_copy() -> None:
    lost = "Tom Reyes spoke. “We will win,” he said.“We have the votes.” Lopez left."
    spaced = "Tom Reyes spoke. “We will win,” he said. “We have the votes.” Lopez left."
    assert direct_speaker_text(lost) == direct_speaker_text(spaced)
    assert direct_speaker_text(spaced) == [
        ("Tom Reyes", "We will win,"),
        ("Tom Reyes", "We have the votes."),
    ]
