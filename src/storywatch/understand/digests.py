"""Quotations in newsletter digests, credited by the item's layout rather than a cue verb.

Morning e-mails and polling round-ups are lists of items, each a quotation lifted from
elsewhere with its credit written as a label before it:

- "TURNOUT WAS NOT THE PROBLEM - Dana Reyes and Tom Olsen: “…” [Pollster.]": a headline, a
  dash, the authors, a colon, the quotation. The authors speak.
- "Why the averages moved -More from Reyes: “…”" / "From the report: “…”": the label
  names the source after "from".
- "HARBOUR TOLLS DOUBLE OVERNIGHT “…” [Harbour Post.]": a headline in capitals run into a
  quotation from the outlet in brackets after it; the outlet speaks.
- a pull quote signed on its own last line, inside the marks: "“We will need stimulus again.
  ⏎ Dana Reyes, Harbour Policy Institute.”" The signature's name speaks.

The label is short and has no verb, so nothing else in a sentence can look like it: a clause
before a colon ("Kasich resisted: “…”") is read by :func:`~storywatch.understand.shapes.
colon_quote`.
"""

from __future__ import annotations

import re

from storywatch.understand.chunks import determined
from storywatch.understand.spans import Found, Sentence, Span, is_title_quote
from storywatch.understand.text import Word

# The separator between a digest item's headline and its credit: a spaced or half-spaced
# hyphen or dash ("HEADLINE - Name:", "headline -More from Name:").
_DASH = re.compile(r"\s[-–—]{1,2}\s?|[-–—]{1,2}\s")
_FROM = ("more from", "from")
_CONNECTORS = frozenset(("and", "of", "de", "van", "von", "&"))
_LABEL_MAX_WORDS = 8


def labelled_quote(text: str, s: Sentence) -> Found | None:
    """ "HEADLINE - Dana Reyes and Tom Olsen: “…”" / "From the report: “…”": the quotation
    after a colon credited to the label before it (see the module docstring)."""
    if not s.quotes:
        return None
    q = s.quotes[0]  # the label opens the sentence, so no quotation comes before this one
    lead = text[s.start : q.start].rstrip()
    if not lead.endswith(":") or is_title_quote(text, q):
        return None
    quotes = [o for o in s.quotes if not is_title_quote(text, o)]
    label_start = s.start
    for m in _DASH.finditer(text, s.start, s.start + len(lead)):
        label_start = m.end()
    label = [w for w in s.words if label_start <= w.start and w.end < s.start + len(lead)]
    speaker = _label_speaker(label, after_dash=label_start > s.start)
    if speaker is None:
        return None
    parts = [p for o in quotes for p in o.parts]
    return Found(tuple(parts), True, speaker, None, s.index)


def _label_speaker(label: list[Word], after_dash: bool) -> Span | None:
    """The source a label names: "Dana Reyes and Tom Olsen" after a dash, or whatever
    follows "(More) from" ("the report", "Reyes")."""
    if not label or len(label) > _LABEL_MAX_WORDS + 2:
        return None
    lows = [w.text.lower() for w in label]
    np = label
    for lead in _FROM:
        n = len(lead.split())
        if " ".join(lows[:n]) == lead:
            np = label[n:]
            if np and (_is_names(np) or (len(np) <= 4 and determined(np))):
                return np[0].start, np[-1].end
            return None
    if after_dash and _is_names(np) and len(np) <= _LABEL_MAX_WORDS:
        return np[0].start, np[-1].end
    return None


def _is_names(np: list[Word]) -> bool:
    """ "Dana Reyes and Tom Olsen", "Michael P. McDonald", "Pew Research": capitalised
    words (not a headline in capitals) joined by "and"."""
    if not np or not np[0].text[:1].isupper() or not np[-1].text[:1].isupper():
        return False
    for w in np:
        if w.text.lower() in _CONNECTORS:
            continue
        if not w.text[:1].isupper() or (len(w.text) > 1 and w.text.isupper()):
            return False
    return True


def headline_quote(text: str, s: Sentence) -> Found | None:
    """ "HARBOUR TOLLS DOUBLE OVERNIGHT “Ferry operators woke to a bill twice the size …”
    [Harbour Post.]": a morning e-mail's item, a headline in capitals run into a quotation
    from the article it links to, credited in brackets. The words are the outlet's, so the
    outlet speaks. (PolNeAR's annotators credit the headline itself; a headline is no
    speaker a reader would be shown, so that costs some speaker accuracy there.)"""
    if not s.quotes or (s.start and text[s.start - 1] != "\n"):
        return None
    if not s.words or not (s.words[0].text.isupper() or s.words[0].text.isdigit()):
        return None  # cheap test first: no headline in capitals opens the sentence
    quotes = [q for q in s.quotes if not is_title_quote(text, q)]
    if not quotes or text[quotes[-1].end : s.end].strip(" .") or s.quotes[0] is not quotes[0]:
        return None
    q = quotes[0]
    head = [w for w in s.words if w.end <= q.start]
    if len(head) < _HEADLINE_MIN_WORDS or text[head[-1].end : q.start].strip(" ’'‘"):
        return None
    if not all(w.text.isupper() or w.text.isdigit() for w in head):
        return None
    credit = _BRACKET_CREDIT.match(text, quotes[-1].end) or _line_credit(text, quotes[-1].end)
    if credit is None:
        return None
    parts = [p for o in quotes for p in o.parts]
    return Found(tuple(parts), True, credit.span(1), None, s.index)


def _line_credit(text: str, start: int) -> re.Match[str] | None:
    """The outlet credited at the end of the item's line when the editor's own sentences
    come between it and the quotation ("… “…” Tune in tonight at 9. [AP.]")."""
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    bracket = text.rfind("[", start, end)
    if bracket < 0:
        return None
    credit = _BRACKET_CREDIT.match(text, bracket)
    return credit if credit is not None and not text[credit.end() : end].strip() else None


_HEADLINE_MIN_WORDS = 3

# "[WaPo.]", "[Mother Jones]", "[WSJ | Paywall]": the outlet credited after the quotation.
_BRACKET_CREDIT = re.compile(r"[.\s\xa0]*\[([A-Z][^\]\n|.]{1,40}?)\.?\s*(?:\||\])")


def signed_quote(text: str, s: Sentence) -> Found | None:
    """ "“We will need stimulus again.⏎Dana Reyes, Harbour Policy Institute.”": a pull quote
    (opinion round-ups run them) whose last line, still inside the marks, is its signature:
    a name, and after a comma who they are. The quotation stops at the line break, so it is
    open in this sentence and the signature is the next line."""
    if not s.quotes or s.quotes[-1].closed:
        return None
    q = s.quotes[-1]
    if text[q.end : q.end + 1] != "\n":
        return None
    m = _SIGNATURE.match(text, q.end + 1)
    if m is None:
        return None
    return Found(q.parts, True, m.span(1), None, s.index)


# A signature line closed by the quotation's mark: "Josh Bivens, Economic Policy Institute.”",
# "S.C. Rep. Jim Clyburn.”", "Donald Trump.”". Up to five capitalised words (initials and
# abbreviated titles allowed), then an optional ", who they are", a period and the mark.
_SIGNATURE = re.compile(
    r"((?:[A-Z][\w’'.-]*\s){0,4}[A-Z][\w’'-]+)(?:,\s[^\n\"“”]{2,80}?)?\.?[\"”][ \t]*(?:\n|\Z)"
)
