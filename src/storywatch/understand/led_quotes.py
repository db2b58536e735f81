"""Where a whole quotation led in by its cue ends.

"Ruiz said: “We were wrong about the ferry,” but the ferry never ran." A quotation that a
cue introduces with a comma or a colon, and that closes on its own punctuation inside the
marks, is a complete utterance: what follows the closing mark is the writer again (a
rebuttal, "who then sang …", "and walked out"), whatever its shape, so the statement ends
with the quotation. Without the comma or colon before it the quotation may be only the
start of a clause ("said “sweeping changes” are coming"), which goes on after the mark.
"""

from __future__ import annotations

from storywatch.understand.spans import is_title_quote
from storywatch.understand.text import Quote

_LEAD_PUNCTUATION = (",", ":")
_OWN_END = ",.!?"


def complete_utterance(text: str, q: Quote, before: str) -> bool:
    """``q`` is led in by a comma or colon (``before`` is the text up to it, listener or
    time included) and closes on its own comma, full stop, question or exclamation mark
    inside the marks: a whole utterance, not the start of a clause that goes on after the
    mark."""
    return (
        q.closed
        and bool(q.parts)
        and before.rstrip().endswith(_LEAD_PUNCTUATION)
        and text[q.parts[-1][1] - 1] in _OWN_END
    )


def led_quote_end(text: str, quotes: list[Quote], start: int, end: int) -> int:
    """``end``, or the closing mark of the quotation opening the content at ``start`` when
    a comma or colon leads it in, it ends on its own punctuation, and no other quotation
    (a title aside) comes after it before ``end``."""
    first = next((q for q in quotes if q.start == start), None)
    if first is None or first.end >= end or not complete_utterance(text, first, text[:start]):
        return end
    later = [q for q in quotes if first.end <= q.start < end]
    if any(not is_title_quote(text, q) for q in later):
        return end
    return first.end
