"""What a second act in a sentence reports, and the first act cut where the second begins.

    "“…,” she said, adding that the fares “will rise.”" -> "that the fares “will rise.”"

Shared by :mod:`~storywatch.understand.followups`, which finds the second acts; kept apart so
that module stays small.
"""

from __future__ import annotations

from dataclasses import replace

from storywatch.understand.spans import (
    Found,
    Sentence,
    Span,
    _closes_at,
    _has_quote,
    _trim,
    is_title_quote,
    outside_quotes,
)
from storywatch.understand.text import Word

# A complementiser or a quotation this far after the cue starts the content there.
_OBJECT_WORDS = 6


def act_content(text: str, s: Sentence, k: int) -> tuple[tuple[Span, ...], bool] | None:
    """What a follow-up cue reports: from "that" (if it comes within a few words), else the
    quotation it introduces, else everything after the cue."""
    cue: Word = s.words[k]
    after = outside_quotes(s, k + 1)
    later = [q for q in s.quotes if q.start >= cue.end and not is_title_quote(text, q)]
    start = cue.end
    for n, w in enumerate(after[:_OBJECT_WORDS]):
        if later and w.start > later[0].start:
            break
        if w.text == "that" or (n == 0 and w.text in ("how", "what", "whether", "why", "if")):
            start = w.start
            break
    if start == cue.end and later:
        q = later[0]
        lead = text[cue.end : q.start]
        introduced = not lead.strip() or lead.rstrip()[-1] in ",:"
        tail = text[q.end : s.end].strip(" .,;").split()
        if len(lead.split()) <= _OBJECT_WORDS and introduced and len(tail) <= 2:
            return tuple(p for qq in later for p in qq.parts), True
    start, end = _trim(text, start, s.end)
    if end - start < 8 or len(text[start:end].split()) < 2:
        return None
    direct = _has_quote(s.quotes, start, end, text)
    if direct and _closes_at(text, end):
        end += 1
    return ((start, end),), direct


def cut_before(text: str, found: Found, cut: int) -> Found:
    """``found`` with every part ending before ``cut`` (a part running over it is cut)."""
    parts: list[Span] = []
    for a, b in found.parts:
        if a >= cut:
            continue
        if b > cut:
            a2, b2 = _trim(text, a, cut)
            if _closes_at(text, b2):
                b2 += 1
            if b2 > a2:
                parts.append((a2, b2))
            continue
        parts.append((a, b))
    direct = found.direct and any(
        text[a - 1 : a] in "\"“'‘" or quote_inside(text, a, b) for a, b in parts
    )
    return replace(found, parts=tuple(parts), direct=direct)


def quote_inside(text: str, a: int, b: int) -> bool:
    """A quotation mark between ``a`` and ``b``."""
    return any(c in text[a:b] for c in '"“”') or "''" in text[a:b]
