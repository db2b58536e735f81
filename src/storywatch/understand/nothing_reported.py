"""Paraphrases that report nothing: what a reading took for content says only when, where or how.

:func:`~storywatch.understand.statements.attribute` drops an indirect statement whose
content is only where and when it was said ("on Twitter", "Tuesday in Paris"), the phrase
opening the sentence before its speaker ("In response, Trump assured …"), or the words
before a speaker whose verb has a complement of its own ("Even after …, Lewandowski
continued to say …"). The word-level tests are :mod:`~storywatch.understand.reportless`;
this module applies them to a statement. Split out of
:mod:`~storywatch.understand.statements`.
"""

from __future__ import annotations

from storywatch.understand.analysis import Analysis
from storywatch.understand.attributed import Attributed
from storywatch.understand.lexicon import CUE_WORDS
from storywatch.understand.reportless import (
    circumstance_only,
    joiner_only,
    names_a_writing,
    particle_led,
    says_little,
    sentence_opener,
    verb_has_own_complement,
    verb_takes_object,
)
from storywatch.understand.spans import Sentence, _words_between
from storywatch.understand.text import Word


def reports_nothing(an: Analysis, item: Attributed) -> bool:
    """A paraphrase whose content is only where and when it was said ("on Twitter",
    "Tuesday in Paris"), the phrase opening the sentence before its speaker ("In
    response, Trump assured …") or the words opening the sentence before a speaker whose
    verb has its own complement ("Even after …, Lewandowski continued to say …"):
    :mod:`~storywatch.understand.reportless`."""
    if not item.parts:
        return False
    start, end = item.parts[0][0], item.parts[-1][1]
    s = an.sentences[item.sentence]
    inside = _words_between(s, start, end)
    if (
        circumstance_only(inside)
        or particle_led(inside)
        or says_little(inside)
        or names_a_writing(inside)
        or joiner_only(inside)
    ):
        return True
    speaker = item.speaker_span
    if speaker is None or end > speaker[0] or start > s.start + 1:
        return False
    return sentence_opener(an.text, inside) or complement_after_cue(
        an.text, s, speaker[1], item.cue
    )


def complement_after_cue(text: str, s: Sentence, end: int, cue: str | None) -> bool:
    """The cue verb after the speaker (``end`` is where the speaker ends) of a content
    that precedes both has a complement of its own
    (:func:`~storywatch.understand.reportless.verb_has_own_complement`); a verb before its
    speaker ("…, said the official") is not this shape."""
    if cue is None:
        return False
    later = [w for w in s.words if w.start >= end]
    at = next((i for i, w in enumerate(later) if w.text.lower() == cue.lower()), None)
    if at is None:
        return False
    after = later[at + 1] if at + 1 < len(later) else None
    if after is not None and text[later[at].end : after.start].strip():
        return False  # "…, he continued, to …": punctuation closes the verb first
    if at + 2 < len(later) and _closes_on_saying(text, s, later[at + 2]):
        return False  # "…, Trump continued to insist.": the words before are insisted
    next_after = later[at + 2] if at + 2 < len(later) else None
    return verb_has_own_complement(later[at], after) or verb_takes_object(
        later[at], after, next_after
    )


def _closes_on_saying(text: str, s: Sentence, verb: Word) -> bool:
    """ "continued to insist." / "called to say," : a verb of saying that ends its clause
    takes the words before the subject as its content."""
    return verb.text.lower() in CUE_WORDS and text[verb.end : s.end].lstrip()[:1] in ".,;"
