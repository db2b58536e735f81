"""Attribution shapes with no cue verb in the lexicon, recognised by their layout alone.

- A quotation after a colon, running to the end of the sentence, whose clause has a subject:
  "Kasich resisted: “…”", "A footnote in the report makes that clear: “…”". The colon
  announces the quotation, so the verb before it need not be a reporting verb.
- A quotation credited on a line of its own after it, or after a dash on the same line:
  "“…”" followed by "– Hillary Clinton." (readers' letters, pull quotes, vox pops).
- "As Akhil Amar put it, “…”": "put it" is no reporting verb, but after "as" and before a
  quotation it credits the words that follow.
"""

from __future__ import annotations

import re

from storywatch.understand import lexicon as lx
from storywatch.understand.phrases import (
    _determined,
    _is_name_chunk,
    _is_role_chunk,
    _np_before,
    _plausible,
    clause_subject,
)
from storywatch.understand.spans import Found, Sentence, Span, _inside, is_title_quote
from storywatch.understand.text import Quote, Word

_NAME = r"[A-Z][\w’'.-]*(?: (?:[A-Z][\w’'.-]*|of|de|van|von|al))*"
# "– Hillary Clinton." / "—Michelle Marks, Philadelphia." (a place or role may follow).
_CREDIT = re.compile(r"[-–—]{1,2}\s?(" + _NAME + r")(?:,[^\n]{0,80})?\.?\s*$")


def colon_quote(text: str, s: Sentence) -> Found | None:
    """A quotation after a colon, to the sentence end, spoken by the clause's subject."""
    q = _last_whole_quote(text, s)
    if q is None:
        return None
    lead = text[s.start : q.start].rstrip()
    if not lead.endswith(":"):
        return None
    subject = clause_subject(text, s) or _determined_subject(s, q)
    if subject is None or subject[1] >= q.start:
        return None
    verb = next(
        (w for w in s.words if w.start >= subject[1] and not _inside(s.quotes, w.start)), None
    )
    if verb is None or verb.start >= q.start or not verb.text[:1].islower():
        return None
    return Found(q.parts, True, subject, (verb.start, verb.end), s.index)


def as_put_it(text: str, s: Sentence) -> Found | None:
    """ "As John Cornyn, the No. 2 in the leadership, put it: “…”": the quotation after "as X
    put it" is X's."""
    if not s.quotes or "put it" not in text[s.start : s.end]:
        return None
    words = s.words
    for k in range(1, len(words) - 1):
        if words[k].text != "put" or words[k + 1].text != "it" or _inside(s.quotes, words[k].start):
            continue
        later = [q for q in s.quotes if q.start > words[k + 1].end and not is_title_quote(text, q)]
        if not later or not _PUT_IT_LEAD.match(text, words[k + 1].end, later[0].start):
            return None
        speaker = _as_subject(text, s, k)
        if speaker is None:
            return None
        parts = [p for q in later for p in q.parts]
        return Found(tuple(parts), True, speaker, (words[k].start, words[k + 1].end), s.index)
    return None


def _as_subject(text: str, s: Sentence, k: int) -> Span | None:
    """The noun phrase between "as" and the verb at ``k``, before any appositive."""
    words = s.words
    for a in range(k - 1, max(-1, k - 25), -1):
        if _inside(s.quotes, words[a].start):
            return None
        if words[a].text.lower() != "as":
            continue
        chunks: list[list[Word]] = [[]]
        for w in words[a + 1 : k]:
            if chunks[-1] and "," in text[chunks[-1][-1].end : w.start]:
                chunks.append([])
            chunks[-1].append(w)
        np = chunks[0]
        if len(chunks) > 1 and _is_role_chunk(np) and _is_name_chunk(chunks[1]):
            np = chunks[1]  # "As the chief executive, Jeff Weiner, put it"
        if not np or len(np) > 8 or not _plausible(text, np, loose=True):
            return None
        return np[0].start, np[-1].end
    return None


# Between "put it" and the quotation: an adverbial or two and a comma or colon.
_PUT_IT_LEAD = re.compile(r"(?:[^“\"'.;]{0,60})[,:]\s*$")


def _last_whole_quote(text: str, s: Sentence) -> Quote | None:
    if not s.quotes:
        return None
    q = s.quotes[-1]
    if is_title_quote(text, q) or text[q.end : s.end].strip(" .?!…"):
        return None
    return q


def _determined_subject(s: Sentence, q: Quote) -> Span | None:
    """ "A footnote in the report", "The team": a determiner, then words up to the verb."""
    words = [w for w in s.words if w.end <= q.start]
    if len(words) < 3:
        return None
    np: list[Word] = []
    for w in words[:6]:
        low = w.text.lower()
        if np and (low in lx.CUE_WORDS or (w.text.endswith("s") and low not in lx.SPEAKER_NOUNS)):
            break
        np.append(w)
    while np and np[-1].text.lower() in ("in", "of", "the", "a", "an", "from"):
        np.pop()
    if len(np) < 2 or not _determined(np[:2]):
        return None
    return np[0].start, np[1].end


def credit_line(text: str, s: Sentence, next_line: tuple[int, int] | None) -> Span | None:
    """The name credited for a quotation paragraph: on the same line after a dash, or on the
    next line on its own ("– Hillary Clinton.")."""
    if not s.quotes:
        return None
    q = s.quotes[-1]
    rest = text[q.end : s.end]
    if rest.strip():
        m = _CREDIT.match(rest.strip())
        if m is None:
            return None
        offset = q.end + (len(rest) - len(rest.lstrip()))
        return offset + m.start(1), offset + m.end(1)
    if next_line is None:
        return None
    a, b = next_line
    m = _CREDIT.match(text, a, b)
    if m is None or m.end() < b:
        return None
    return m.start(1), m.end(1)


def announcement(text: str, s: Sentence) -> Found | None:
    """ "Iowa State University's Dianne Bystrom agreed." — a short sentence that ends on its
    cue announces the quotation that follows it; the caller attaches that quotation."""
    if s.quotes or not s.words or len(s.words) > 10:
        return None
    last = s.words[-1]
    if text[last.end : s.end].strip() not in (".", ":") or last.text.lower() not in lx.CUE_WORDS:
        return None
    if not last.text[:1].islower():
        return None
    j = len(s.words) - 1
    while j > 0 and s.words[j - 1].text.lower() in lx.AUXILIARIES:
        j -= 1
    if j == 0:
        return None
    speaker = _np_before(text, s.words, j, s.start, loose=True)
    if speaker is None or speaker[0] != s.words[0].start:
        return None
    return Found((), True, speaker, (last.start, last.end), s.index)
