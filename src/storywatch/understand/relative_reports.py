"""A report inside a relative clause: "the rules, which officials said will take effect in
May, do not cover …", "a hacker who officials say is tied to the ministry and who …".

The speaker is the noun phrase after the relative pronoun ("officials"), not the pronoun
with it ("which officials"), and what they said is the rest of the relative clause only: it
ends where the sentence's own predicate resumes after a comma, or where a second relative
clause begins ("… and who claimed credit"). Read to the sentence end, the content would
hold the writer's main clause.
"""

from __future__ import annotations

import re
from dataclasses import replace

from storywatch.understand.lexicon import words_of as _words
from storywatch.understand.spans import Found, _trim

# Verbs that open a predicate with no subject ("will", "is", "renders", "discriminated").
_MODALS = _words("is are was were has have had will would could can may might must should does did")
_MODAL_RE = "|".join(sorted(_MODALS))

_RELATIVE = re.compile(r"(?:which|that|who|whom)\s+(?=\S)")

# Where the relative clause ends inside the content: the main predicate resumes after a
# comma, or a second relative clause begins.
_CLAUSE_END = re.compile(
    rf",\s(?=(?:[a-z]+ly\s)?(?:(?:{_MODAL_RE})\b|[a-z]+ed\b))"  # ", will not apply …"
    r"|\s(?:and|but)\s(?:who|which|that)\s"  # "… and who claimed credit"
)


def relative_report(text: str, found: Found) -> Found:
    """``found`` with a leading relative pronoun taken off its speaker and its content ended
    with the relative clause, when the speaker opens with one; else ``found`` itself."""
    if found.direct or found.speaker is None or len(found.parts) != 1:
        return found
    m = _RELATIVE.match(text, found.speaker[0], found.speaker[1])
    if m is None:
        return found
    start, end = found.parts[0]
    first = text[start:end].split(maxsplit=1)[:1]
    if not first or not _predicate(first[0]):
        return found  # "…, that Lee interviewed said Clinton will …": the pronoun is not the gap
    speaker = (m.end(), found.speaker[1])
    cut = _CLAUSE_END.search(text, start, end)
    if cut is not None:
        start, end = _trim(text, start, cut.start())
    if start >= end:
        return found
    return replace(found, parts=((start, end),), speaker=speaker)


def _predicate(word: str) -> bool:
    """Whether the content opens with a verb, the relative pronoun being its subject
    ("which officials said will take effect", "who officials say is tied")."""
    low = word.lower()
    return word.islower() and (low in _MODALS or low.endswith(("ed", "s")))
