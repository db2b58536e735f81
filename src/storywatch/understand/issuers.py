"""Who put out a document that speaks: "Pell issued a statement saying …" is Pell's.

A participle after a document noun ("a statement saying", "a press release calling …")
first reads the document as the speaker, which names nobody. When the document is the
object of a verb of putting out ("issued", "released", "put out", "sent out"), the reader
credits the words to whoever put it out, the subject of that verb; a pronoun there ("she
released a statement") resolves like any other subject.
"""

from __future__ import annotations

import re

from storywatch.understand.lexicon import words_of as _words
from storywatch.understand.phrases import _np_before
from storywatch.understand.spans import Sentence, Span, subject_end, subject_floor

# Heads of a document that is put out in someone's name.
_DOCUMENTS = _words(
    """statement statements release releases message messages email e-mail emails memo
    letter video post tweet note"""
)
# Verbs of putting a document out; "put" and "sent" also with "out".
_ISSUING = _words("issued released put sent posted circulated distributed published emailed")
_PARTICLES = _words("out")
# A document phrase: an article, at most three modifiers ("a joint", "a brief written"),
# the head, and at most a short "to …" for its addressees ("a text message to supporters").
_ARTICLES = _words("a an")
_ARTICLE_AT = re.compile(r"(?i)an?\s")


def issuer(text: str, s: Sentence, span: Span) -> Span | None:
    """The subject of the verb that put out the document written at ``span``, or None
    when the span is no document or nothing put it out."""
    if _ARTICLE_AT.match(text, span[0]) is None:
        return None  # the cheap test first: most speakers are names, not "a statement"
    words = s.words
    inside = [i for i, w in enumerate(words) if w.start >= span[0] and w.end <= span[1]]
    if not inside or words[inside[0]].text.lower() not in _ARTICLES:
        return None
    phrase = [words[i].text.lower() for i in inside]
    head_at = next((n for n, w in enumerate(phrase) if w in _DOCUMENTS), -1)
    if head_at < 1 or head_at > 4:
        return None
    rest = phrase[head_at + 1 :]
    if rest and (rest[0] != "to" or len(rest) > 3):
        return None
    k = inside[0] - 1
    if k >= 0 and words[k].text.lower() in _PARTICLES:
        k -= 1
    if k < 1 or words[k].text.lower() not in _ISSUING:
        return None
    if text[words[k].end : words[inside[0]].start].strip(" ").replace("out", "").strip():
        return None  # punctuation between the verb and the document: not its object
    j = subject_end(words, k)
    if j == 0:
        return None
    floor = subject_floor(text, s, words[j - 1].start)
    return _np_before(text, words, j, floor, loose=True)
