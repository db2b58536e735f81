"""A quotation whose opening mark was dropped: "she added, Ruiz is a proven failure.”"."""

from __future__ import annotations

from dataclasses import replace

from storywatch.understand.spans import Found


def unopened_quote(text: str, found: Found) -> Found:
    """A paraphrase that opens right after its cue and a comma or colon and ends with the
    sentence's punctuation and a closing quote mark, with no other mark in it, is a
    quotation whose opening mark the copy lost: "Listing his ventures she added, Ruiz is a
    proven failure.”" reads as words said, not a paraphrase. Direct, without the mark."""
    if found.direct or len(found.parts) != 1 or found.cue is None:
        return found
    a, b = found.parts[0]
    inner = text[a:b].rstrip()
    if text[found.cue[1] : a] not in (", ", ": ") or not inner.endswith(_CLOSERS):
        return found
    if _marks_outside_words(inner[:-2]):
        return found
    return replace(found, parts=((a, a + len(inner) - 1),), direct=True)


# The sentence's own punctuation, then the closing mark (“… a proven failure.”").
_CLOSERS = (".”", "!”", "?”", ",”")


def _marks_outside_words(inner: str) -> bool:
    """A quote mark that is no apostrophe ("Ruiz’s" and "don't" keep theirs inside a word)."""
    return any(
        ch in "“”\"‘’'" and not (0 < i < len(inner) - 1 and inner[i - 1].isalpha())
        for i, ch in enumerate(inner)
    )
