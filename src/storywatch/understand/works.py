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

from storywatch.understand.clause_ends import finite
from storywatch.understand.spans import Sentence, _inside, is_title_quote
from storywatch.understand.text import Quote


def names_a_work(text: str, s: Sentence, start: int, end: int) -> bool:
    """The content ``text[start:end]`` holds only titles for quotations, and around them
    either no verb at all (a phrase: "Later on “Harbour Week,”") or a title as its subject
    ("“Sons of Harbour” is an adaptation …"). A clause that mentions a show is still what
    its speaker said ("Viewers are big fans of “Harbour Week,” the producer said"), and a
    Title Case quotation alone before its trailer was said ("“Make the Harbour Safe
    Again,” the crowd chanted")."""
    held = [q for q in s.quotes if q.start >= start and q.end <= end + 1]
    if not held or not all(_title_like(text, q) for q in held):
        return False
    outside = [w for w in s.words if start <= w.start < end and not _inside(held, w.start)]
    if not outside:
        return False
    if not any(finite(w.text) for w in outside):
        return True
    opening = held[0]
    return opening.start <= start + 1 and outside[0].start > opening.end and finite(outside[0].text)


def _title_like(text: str, q: Quote) -> bool:
    """A title (:func:`~storywatch.understand.spans.is_title_quote`), or one word in Title
    Case ("a play called “Brokers,”"), as a name is written."""
    inner = " ".join(text[a:b] for a, b in q.parts).strip().rstrip(",")
    return is_title_quote(text, q) or (
        len(inner.split()) == 1 and inner[:1].isupper() and inner[1:].islower()
    )
