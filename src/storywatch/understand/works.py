"""Words before a cue that name a work instead of saying something.

"Later on “Harbour Week,” the senator questioned …", "Ann Lee, host of the station's
“Morning Tides,” suggested …", "“Sons of Harbour” is an adaptation of a play called
“Brokers,” written by …": the comma before the cue is a title's, and the words before it are
a phrase about a show (when it aired, who hosts it) or a sentence whose subject is the show.
Nobody said them, so the readers of a content written before its cue
(:func:`~storywatch.understand.contents.content_before`,
:func:`~storywatch.understand.asides.inverted`) read nothing there.
"""

from __future__ import annotations

import re

from storywatch.understand.finite_verbs import finite
from storywatch.understand.spans import (
    Found,
    Sentence,
    Span,
    _closes_at,
    _has_quote,
    _inside,
    is_title_quote,
)
from storywatch.understand.text import Quote, Word


def content_ahead(
    text: str, s: Sentence, start: int, end: int, speaker: Span, cue: Word
) -> Found | None:
    """The content ``text[start:end]``, written before its cue, as a statement of
    ``speaker``: direct when it holds a quotation (its closing mark kept in the span), and
    nothing at all when it only names a work (:func:`names_a_work`). The one ending of both
    readers of a content before its cue, so they cannot drift apart."""
    direct = _has_quote(s.quotes, start, end + 1, text)
    if direct and names_a_work(text, s, start, end):
        return None
    if direct and _closes_at(text, end):
        end += 1
    return Found(((start, end),), direct, speaker, (cue.start, cue.end), s.index)


def names_a_work(text: str, s: Sentence, start: int, end: int) -> bool:
    """The content ``text[start:end]`` holds only titles for quotations, and around them
    either no verb at all (a phrase: "Later on “Harbour Week,”") or a title as its subject
    ("“Sons of Harbour” is an adaptation …"). A clause that mentions a show is still what
    its speaker said ("Viewers are big fans of “Harbour Week,” the producer said"), and a
    Title Case quotation alone before its trailer was said ("“Make the Harbour Safe
    Again,” the crowd chanted"). "In an essay titled “The End of the Ferry,” Vale argued
    …" is a phrase too: "titled" names, it is no verb of a clause."""
    held = [q for q in s.quotes if q.start >= start and q.end <= end + 1]
    if not held or not all(_title_like(text, q) for q in held):
        return False
    outside = [w for w in s.words if start <= w.start < end and not _inside(held, w.start)]
    if not outside:
        return False
    if not any(finite(w.text) and w.text not in _NAMING_PARTICIPLES for w in outside):
        return True
    opening = held[0]
    return opening.start <= start + 1 and outside[0].start > opening.end and finite(outside[0].text)


# Participles that give a work its title after its noun ("In an essay titled “…,”"): no
# clause of their own, so the phrase stays a phrase.
_NAMING_PARTICIPLES = frozenset(("titled", "entitled", "headlined", "subtitled"))


def _title_like(text: str, q: Quote) -> bool:
    """A title (:func:`~storywatch.understand.spans.is_title_quote`), or one word in Title
    Case ("a play called “Brokers,”"), as a name is written."""
    inner = " ".join(text[a:b] for a, b in q.parts).strip().rstrip(",")
    return is_title_quote(text, q) or (
        len(inner.split()) == 1 and inner[:1].isupper() and inner[1:].islower()
    )


# A noun naming a kind of work, and the comma that may part it from the title it is given
# ("the movie “…”", "the hit play, “…”").
_WORK_NOUN = re.compile(
    r"\b(?:movie|film|play|series|miniseries|sitcom|documentary|musical|opera|book|novel"
    r"|memoir|song|album|podcast)s?,?\s*\Z",
    re.IGNORECASE,
)


def is_work_title(text: str, q: Quote) -> bool:
    """A quotation that names a work: a title as titles are written
    (:func:`~storywatch.understand.spans.is_title_quote`), or any quotation opening with a
    capital straight after a noun for a kind of work ("acted in the movie “Storm Surge 3:
    Not Again!”", "wrote the hit play, “Tides.”"), whose punctuation is the title's own."""
    if is_title_quote(text, q):
        return True
    first = text[q.parts[0][0] : q.parts[0][0] + 1]
    return first.isupper() and _WORK_NOUN.search(text, max(0, q.start - 30), q.start) is not None
