"""The title written before a name: "Secretary of Defense Mark Esper", "State Department
spokesperson Morgan Ortagus", "the nation's prime minister, Adel Abdul Mahdi".

Read from the words left of a name, so :mod:`storywatch.understand.mentions` can attach a
title to any mention it finds (the name itself decides nothing here).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from storywatch.understand import lexicon as lx
from storywatch.understand.text import ABBREVIATIONS, Word


def _norm(token: str) -> str:
    return token.lower().rstrip(".")


def title_start(text: str, title: str, title_words: list[Word], first: Word) -> int:
    if not title:
        return -1
    found = text.rfind(title, 0, first.start + len(title) + 1)
    return found if found >= 0 else first.start


def title_before(text: str, first: Word, title_words: list[Word]) -> str:
    """The title as written: capitalised title words, plus lowercase role words before them.

    "State Department spokesperson Morgan Ortagus" has its title run broken by the lowercase
    "spokesperson"; walking left over role words and the capitalised words they qualify
    recovers "State Department spokesperson".
    """
    start = title_words[0].start if title_words else first.start
    end = title_words[-1].end if title_words else first.start
    seen_head = any(_norm(w.text) in lx.TITLE_HEADS for w in title_words)
    for tok, tok_start in _words_left(text, start):
        low = _norm(tok)
        if low in lx.TITLE_HEADS or (low in lx.TITLE_WORDS and low not in ("the", "and", "of")):
            seen_head = seen_head or low in lx.TITLE_HEADS
            start = tok_start
        elif seen_head and tok[:1].isupper() and low not in lx.NOT_NAMES:
            start = tok_start
        else:
            break
    if end <= start:
        return _appositive_title(text, first.start) if not title_words else ""
    title = text[start:end]
    if title_words and text[end : end + 1] == ".":
        title += "."
    title = title.strip()
    if not (seen_head or title_words) or _norm(title) in lx.HONORIFICS:
        return ""
    return title


_TRAILING_WORDS = re.compile(r"(?:[A-Za-z’'-]+ ){0,4}[a-z’'-]+$")
_LAST_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz’'-")  # the pattern's [a-z’'-]


def _last_word(text: str, start: int, end: int) -> str:
    """The word :data:`_TRAILING_WORDS` searched in ``text[start:end]`` ends with ("" when
    it finds nothing): the run of its last-word characters that ends the window (or ends
    before a final newline, where "$" also matches), cut at ``start``. A match that starts
    earlier reaches that run through a space, so its last word is still the whole run."""
    if text[end - 1] == "\n":
        end -= 1
    begin = end
    while begin > start and text[begin - 1] in _LAST_WORD_CHARS:
        begin -= 1
    return text[begin:end]


def _appositive_title(text: str, name_start: int) -> str:
    """ "the nation's prime minister, Adel Abdul Mahdi": the role written just before a
    comma and the name is that person's title too ("prime minister")."""
    if name_start < 3 or text[name_start - 2 : name_start] != ", ":
        return ""
    window_start = max(0, name_start - 60)
    # Only a title word last can make a title: the pattern (tried at each of the 60
    # characters, every name after a comma) runs only when the last word is one.
    if _last_word(text, window_start, name_start - 2) not in lx.TITLE_HEADS:
        return ""
    m = _TRAILING_WORDS.search(text, window_start, name_start - 2)
    if m is None:
        return ""
    words = m.group(0).split()
    if not words or _norm(words[-1]) not in lx.TITLE_HEADS:
        return ""
    kept: list[str] = []
    for tok in reversed(words):
        low = _norm(tok)
        if tok[:1].isupper() or low not in lx.TITLE_WORDS or low in ("the", "and", "of"):
            break
        kept.insert(0, tok)
    return " ".join(kept)


def _words_left(text: str, pos: int) -> Iterator[tuple[str, int]]:
    """Words before ``pos``, nearest first, while they are joined by a space (or by an
    abbreviation's ". "): the stretch a title written before a name can occupy."""
    while pos >= 2 and text[pos - 1] == " ":
        end = pos - 1
        dotted = text[end - 1] == "."
        if dotted:
            end -= 1
        start = end
        while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "’'-&."):
            start -= 1
        token = text[start:end]
        if not token or (dotted and _norm(token) not in ABBREVIATIONS):
            return
        yield token, start
        pos = start
