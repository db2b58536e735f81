"""The subject of "said" when it is a plain noun phrase: "The magazine said …", "security
specialists say …", "the women say …".

Before most cue verbs a speaker must look like one (a name, a pronoun, a noun of speaking),
because "criticized", "called" or "noted" often have subjects that say nothing. "Say" only
reports speech, so whatever noun phrase opens its clause is who spoke. The phrase must stand
right before the verb and open its clause (after the sentence's start, a comma, a
conjunction or "that"): a phrase that ends an aside ("The justice -- involved … over the
past few days -- said") or an object ("those who back her opponents say") is not the
subject, and a relative pronoun ("information that investigators said they found") is not
part of it.
"""

from __future__ import annotations

from storywatch.understand.lexicon import words_of as _words
from storywatch.understand.phrases import _np_before
from storywatch.understand.spans import Sentence, Span

# Words after which a new clause, and so its subject, begins.
_CLAUSE_STARTS = _words("but and so yet while though although because since when that if")

# A noun phrase opening with these is a relative clause's, not a subject.
_RELATIVES = _words("that which who whom whose what where")


def plain_subject(text: str, s: Sentence, j: int, k: int, floor: int) -> Span | None:
    """The determined noun phrase right before the cue ``s.words[k]`` (``j`` is where the
    subject ends, after auxiliaries) when it opens its clause, else ``None``."""
    words = s.words
    if j != k or j == 0:
        return None
    span = _np_before(text, words, j, floor, loose=True)
    if span is None or text[span[1] : words[j].start] != " ":
        return None
    first = next(i for i, w in enumerate(words) if w.start == span[0])
    if words[first].text.lower() in _RELATIVES:
        return None
    if first == 0:
        return span
    gap = text[words[first - 1].end : span[0]]
    return span if "," in gap or words[first - 1].text.lower() in _CLAUSE_STARTS else None
