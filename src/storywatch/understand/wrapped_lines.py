"""Copy hard-wrapped at a fixed width, as plain-text wire feeds and e-mails send it.

    "We have no other choice," Lopez told reporters in London. "The
    ships are gone and the money is gone."

The reading takes each line for a paragraph (news text on the web puts one paragraph on a
line), so a quotation wrapped over two lines lost its second line and a trailer on the
next line went unread. :func:`unwrapped` turns the line breaks inside a paragraph into
spaces, one character for one so that every offset holds, in a document written that way:
blank lines between paragraphs, no line longer than a terminal's width, and most lines
running on into the next. A line well short of the width ended where its writer ended it
(a headline, a dateline, a list's item, a credit), so the break after it stays, and so does
a break before a bullet, a hyphen or a number opening the next line, or before a dash after
a line that ended its sentence ("…”⏎— Maria Lopez"); a dash after words running on is
wrapped text ("had a warning for the owners⏎— “Pay …”").
"""

from __future__ import annotations

import re

# The widest a hard-wrapped line runs (72 and 80 are usual; some feeds use 100).
_MAX_WIDTH = 100
# Fewer runs-on than this, or a smaller share of the lines, is a list or a few short lines.
_MIN_RUNS = 3
_MIN_SHARE = 0.3
# A line shorter than this share of the widest ended where its writer ended it.
_FULL_SHARE = 0.6
# What opens a line that starts something of its own: a bullet, a hyphen, an item number;
# or a dash after a line that ended a sentence or a quotation (a credit, "— Maria Lopez").
_OWN_LINE = re.compile(r"\s*(?:[•*·▪-]|\d{1,2}[.)]\s)")
_DASH_LINE = re.compile(r"\s*[—–]")
_ENDED = re.compile(r"[.!?”\"’)]\s*\Z")


def unwrapped(text: str) -> str:
    """``text`` with the breaks inside its paragraphs as spaces, when it is hard-wrapped
    (see the module docstring); else ``text`` itself."""
    lines = text.split("\n")
    width = max((len(line.rstrip()) for line in lines), default=0)
    if width > _MAX_WIDTH or "\n\n" not in text:
        return text
    joins = [i for i in range(len(lines) - 1) if _runs_on(lines[i], lines[i + 1], width)]
    filled = sum(1 for line in lines if line.strip())
    if len(joins) < _MIN_RUNS or len(joins) < _MIN_SHARE * filled:
        return text
    chars = list(text)
    at = -1
    breaks = []
    for line in lines[:-1]:
        at += len(line) + 1
        breaks.append(at)
    for i in joins:
        chars[breaks[i]] = " "
    return "".join(chars)


def _runs_on(line: str, nxt: str, width: int) -> bool:
    """The paragraph goes on from ``line`` into ``nxt``: both hold words, ``line`` is near
    the full width, and ``nxt`` opens nothing of its own."""
    if not line.strip() or not nxt.strip():
        return False
    if len(line.rstrip()) < _FULL_SHARE * width:
        return False
    if _DASH_LINE.match(nxt) is not None:
        return _ENDED.search(line) is None  # "the owners⏎— “Pay …”" runs on
    return _OWN_LINE.match(nxt) is None
