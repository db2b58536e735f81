"""Copy rewritten into the other quoting style, one character for one, to measure the reader
on it: ``as_single_marks`` turns copy that quotes with double marks into copy that quotes
with single marks (British style), so every gold offset read from the original still holds.

    “We won’t pay for ‘their’ mistakes,” Okafor said.
    ‘We won’t pay for “their” mistakes,’ Okafor said.

- “ → ‘, ” → ’, " → ' (the quotation's own marks);
- a quotation within a quotation, in single marks inside a double-mark one, takes double
  marks: ‘ → “, its closing ’ → ”, a straight ' → ";
- the marks of markup tags scraped copy keeps (``<tweet pic="" author="…">``) stay;
- every other single mark stays: apostrophes ("won’t", "Okafor’s", "the voters’ say"),
  elisions ("’90s", "'em") and single marks outside any double-mark quotation (headlines'
  quotations and scare quotes, which are already in single marks);
- copy that writes doubled singles for its quotation marks (New York Times ''…'', or
  ‘‘…’’) is left as it is. One character for one, a pair can only become a mark and a
  space (``us,'' he said`` → ``us,'  he said``), and that space is no mark's: on PolNeAR
  train the same statements change when each pair becomes a double mark and a space (the
  rules read what follows a quotation one space after it), so the figures would measure
  spacing, not marks.

Which single marks inside a quotation open and close a quotation within it is read here
independently of ``storywatch.understand.single_marks`` (a mark at a word start opens; the
closer is the first mark after it that ends a word before punctuation, else the first that
ends a word not in "s"), so the reader is not measured against its own reading.
"""

from __future__ import annotations

import re

_PARAGRAPH = re.compile(r"[^\n]+")
_MARK = re.compile(r"[\"“”]")
_DOUBLED = re.compile(r"''|‘‘|’’")
# Elisions written at a word start, never an opener: "'90s", "'em", "rock 'n' roll".
_ELISION = re.compile(r"['‘’](?:n['’‘]|em|til|cause|bout|tis|twas|\d\ds)(?![^\W_])", re.I)
_OPEN_BEFORE = "([{—–-/:"
_YEAR = re.compile(r"['‘]\d\d(?![^\W_])")
# A markup tag scraped copy keeps ("<tweet pic=\"\" author=\"ana_ruiz\">"): its marks are
# HTML's, not the prose's, and stay.
_TAG = re.compile(r"<[A-Za-z/][^<>\n]*>")


def as_single_marks(text: str) -> str:
    """``text`` written in single-mark style, one character for one (see the module doc).

    "“Fine,” he said." → "‘Fine,’ he said."; "''Fine,'' he said." stays as it is.
    """
    if quotes_with_doubled_singles(text):
        return text
    chars = list(text)
    for m in _PARAGRAPH.finditer(text):
        for start, end in _quotations(text, m.start(), m.end(), chars):
            _inner(text, start, end, chars)
    for m in _TAG.finditer(text):
        chars[m.start() : m.end()] = m.group()
    return "".join(chars)


def quotes_with_doubled_singles(text: str) -> bool:
    """Whether ``text`` writes doubled single marks outside markup tags (''…'', ‘‘…’’)."""
    return _DOUBLED.search(_TAG.sub(lambda m: " " * len(m.group()), text)) is not None


def _quotations(text: str, ps: int, pe: int, chars: list[str]) -> list[tuple[int, int]]:
    """The insides of the paragraph's double-mark quotations (marks excluded), with their
    marks rewritten in ``chars``; one left open runs to the paragraph's end."""
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    for m in _MARK.finditer(text, ps, pe):
        s = m.start()
        opening = _opening(text, s, ps, pe, open_at is not None)
        chars[s] = {"“": "‘", "”": "’"}.get(text[s], "'")
        if opening:
            if open_at is not None:
                spans.append((open_at, s))
            open_at = s + 1
        elif open_at is not None:
            spans.append((open_at, s))
            open_at = None
    if open_at is not None:
        spans.append((open_at, pe))
    return spans


def _opening(text: str, s: int, ps: int, pe: int, is_open: bool) -> bool:
    """Whether the double mark at ``s`` opens a quotation (a straight one by its place)."""
    mark = text[s]
    if mark in "“”":
        return mark == "“"
    before = text[s - 1] if s > ps else " "
    after = text[s + 1] if s + 1 < pe else " "
    if (before.isspace() or before in _OPEN_BEFORE) and not after.isspace():
        return True
    if not before.isspace() and not after.isalnum():
        return False
    return not is_open


def _inner(text: str, start: int, end: int, chars: list[str]) -> None:
    """Pair the single marks inside one quotation into quotations within it and write
    them as double marks. An opener that never closes is written as one too: at a word
    start it was a mark, not an apostrophe, in the copy as written ("“He said, ‘no.”"),
    unless it is a year's ("in ‘16", as autocorrect turns "’16")."""
    pos = start
    while True:
        opener = _next_opener(text, pos, end, start)
        if opener is None:
            return
        closer = _closer(text, opener + 1, end, start)
        if closer is not None or _YEAR.match(text, opener) is None:
            chars[opener] = "“" if text[opener] == "‘" else '"'
        if closer is None:
            pos = opener + 1
            continue
        chars[closer] = "”" if text[closer] == "’" else '"'
        pos = closer + 1


def _next_opener(text: str, pos: int, end: int, start: int) -> int | None:
    for i in range(pos, end):
        if text[i] not in "'‘":
            continue
        before = text[i - 1] if i > start else " "
        after = text[i + 1] if i + 1 < end else " "
        if not (before.isspace() or before in _OPEN_BEFORE):
            continue
        if (after.isalnum() or after in "…$£") and _ELISION.match(text, i) is None:
            return i
    return None


def _closer(text: str, pos: int, end: int, start: int) -> int | None:
    """The mark closing a quotation within the quotation opened before ``pos``: the first
    single mark ending a word before punctuation or the quotation's end, else the first
    ending a word that is no plural (a plural's ’ may be its possessive: "the voters’ say").
    Stops at the next opener."""
    weak: list[int] = []
    for i in range(pos, end):
        ch = text[i]
        if ch not in "'’‘":
            continue
        before = text[i - 1]
        after = text[i + 1] if i + 1 < end else "”"  # the quotation's end
        if before.isspace() and ch != "’" and (after.isalnum() or after in "…$£"):
            break  # the next opener: this one never closed
        if ch == "‘" or before.isspace() or after.isalnum():
            continue
        if not after.isspace():
            return i
        weak.append(i)
    plain = [i for i in weak if text[i - 1] not in "sS"]
    return plain[0] if plain else (weak[-1] if weak else None)
