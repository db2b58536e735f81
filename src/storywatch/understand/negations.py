"""Negated verbs of saying: which report words and how the cue is written.

"A spokesman did not respond to a request for comment" reports no words, and neither does
"Lee has never said he would run" (what he never said is the writer's point, not his).
But "Lee would not say whether he would run" tells the reader what was asked and left
unanswered; PolNeAR's annotators mark it as an attribution and a reader following Lee
wants it. Such a statement is only honest with its negation in view, so the cue as written
takes it in ("would not say"), never "say" alone.
"""

from __future__ import annotations

import re

from storywatch.understand import lexicon as lx
from storywatch.understand.text import Word

_NEGATIONS = frozenset(("not", "never"))

# Verbs of saying that, negated before an open question, tell what was withheld ("would
# not say whether …"), and the words that open such a question.
_WITHHOLDING = lx.words_of(
    "say saying said says explain explaining specify disclose reveal confirm"
)
_OPEN_QUESTION = lx.words_of("whether if when how why who what where which")


def negated(words: list[Word]) -> bool:
    """One of ``words`` (those between a subject and its verb) negates the verb."""
    return any(w.text.lower() in _NEGATIONS or w.text.endswith(("n’t", "n't")) for w in words)


def withheld_answer(words: list[Word], k: int) -> bool:
    """ "Lee would not say whether he would run", "has not said how": a negated verb of
    saying at ``words[k]`` before an open question (a weekday may come between: "would not
    say Tuesday how …"); any other negated verb reports no words."""
    if words[k].text.lower() not in _WITHHOLDING:
        return False
    n = k + 1
    if n < len(words) and words[n].text.lower() in lx.WEEKDAYS:
        n += 1
    return n < len(words) and words[n].text.lower() in _OPEN_QUESTION


def says_nothing(words: list[Word], j: int, k: int) -> bool:
    """The verb at ``words[k]``, with its auxiliaries from ``words[j]``, is negated and
    reports no words."""
    return negated(words[j:k]) and not withheld_answer(words, k)


# A negation or refusal right before a cue ("did not say", "would never confirm", "declined
# to say", "wouldn’t say"), with an adverb between at most.
_NEGATED_CUE = re.compile(
    r"(?:\b(?:did|does|do|would|will|could|can|has|have|had|was|is|were|are)\s+(?:not|never)"
    r"|\b(?:didn|doesn|don|wouldn|won|couldn|can|hasn|haven|hadn|wasn|isn|weren|aren)[’']t"
    r"|\bnever|\b(?:declined|refused|declines|refuses|declining|refusing)\s+to)"
    r"(?:\s+\w+ly)?\s+\Z"
)
_NEGATION_REACH = 32


def cue_start(text: str, start: int) -> int:
    """Where a cue starting at ``start`` starts once a negation or refusal right before it
    is counted in: the start of "did not" in "did not say", else ``start``."""
    m = _NEGATED_CUE.search(text, max(0, start - _NEGATION_REACH), start)
    return m.start() if m is not None else start
