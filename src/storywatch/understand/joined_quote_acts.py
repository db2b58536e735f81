"""A second verb of the same subject, joined by "and"/"but", that governs a quotation.

    Okafor lamented the “chaotic” state of the harbour and criticized the “reckless
    spending” of the council.
    Okafor voiced a hope for a “calm harbour,” and she pronounced the ferry chief “a partner.”

The lexicon's ``QUOTE_CUES`` (criticized, praised, pronounced, …) attribute the quotation
they govern but are too common to open a report on their own, so the cue follow-ups in
:mod:`followups` (which walk ``CUE_WORDS``) pass them by. Joined to the first act by "and"
or "but", with no subject of their own or with he/she/they, and with a quotation in their
object a few words on, they are the same speaker's next act: the writer quotes the
speaker's words for what was criticized or pronounced, and readers (and PolNeAR's
annotators) take each object as a statement of its own. The first act ends before the
conjunction.

Only after a first act whose verb takes an object (not "said that …", where "and criticized"
may be the reported clause's own verb), and only for a finite verb: participles are read by
:mod:`followups`.
"""

from __future__ import annotations

from storywatch.understand import lexicon as lx
from storywatch.understand.contrast_clauses import COORD, comma_before
from storywatch.understand.followup_parts import act_content
from storywatch.understand.spans import Found, Sentence, _inside, is_title_quote

# Subjects a joined verb may have of its own that stand for the first act's speaker.
_PRONOUNS = frozenset(("he", "she", "they"))
# The most words between the verb and its quotation ("criticized the “…”", "pronounced the
# new ferry chief “a partner”").
_OBJECT_WORDS = 8
# Words that stop the object before its quotation: a clause or a new act begins.
_STOPS = frozenset((",", ";", ":", ".", "—", "–"))


def joined_quote_act(text: str, s: Sentence, anchor: int, prev: Found) -> tuple[int, Found] | None:
    """The first verb of ``lexicon.QUOTE_CUES`` after ``anchor`` joined to ``prev`` by
    "and"/"but" (and he/she/they) whose object holds a quotation, as (where ``prev``
    stops, the act), or ``None``."""
    if prev.speaker is None or prev.cue is None or not prev.parts or not s.quotes:
        return None
    if _reports_clause(text, prev) or _set_off_credit(text, prev):
        return None
    words = s.words
    for k in range(2, len(words)):
        w = words[k]
        if w.start <= anchor or w.text not in lx.QUOTE_CUES or w.text.endswith("ing"):
            continue
        if _inside(s.quotes, w.start):
            continue
        j = k - 1
        while j > 0 and (words[j].text in lx.AUXILIARIES or _adverb(words[j].text)):
            j -= 1
        speaker = prev.speaker
        if words[j].text.lower() in _PRONOUNS and j > 0:
            speaker = (words[j].start, words[j].end)
            j -= 1
        if words[j].text not in COORD or words[j].start <= anchor:
            continue
        if not _quoted_object(text, s, k):
            continue
        content = act_content(text, s, k)
        if content is None or not content[1]:
            continue
        cut = comma_before(text, words[j].start, words[j - 1].end)
        found = Found(content[0], True, speaker, (w.start, w.end), s.index, inherited=True)
        return cut, found
    return None


def _adverb(word: str) -> bool:
    """ "and also criticized", "and sharply criticized"."""
    return word in ("also", "later", "then") or (word.endswith("ly") and word.islower())


def _set_off_credit(text: str, prev: Found) -> bool:
    """ "Spicer -- as the Vale campaign noted -- promoted … and taunted …": the first act's
    speaker only credits the clause around it ("as X noted", "according to X"); the joined
    verb is the clause subject's, not the credited speaker's."""
    if prev.speaker is None:
        return False
    before = text[max(0, prev.speaker[0] - 14) : prev.speaker[0]].lower().split()
    return before[-1:] == ["as"] or before[-2:] == ["according", "to"]


def _reports_clause(text: str, prev: Found) -> bool:
    """The first act reports a clause ("said that …", "said the council …"): a verb joined
    after it may be that clause's own."""
    if prev.cue is None:
        return True
    verb = text[prev.cue[0] : prev.cue[1]].lower()
    if verb in lx.QUOTE_CUES:
        return False
    lemma = lx.CUE_LEMMA.get(verb)
    if lemma is None:
        return False
    start = prev.parts[0][0]
    if start < prev.cue[0]:
        return False  # a quotation and its trailer: the clause is the quotation
    return text[start : start + 5] == "that " or lemma in _CLAUSE_LEMMAS


# Cues whose object is mostly a reported clause with no "that" ("said the council lied").
_CLAUSE_LEMMAS = frozenset(("say", "tell", "add", "argue", "claim", "insist", "suggest", "warn"))


def _quoted_object(text: str, s: Sentence, k: int) -> bool:
    """A quotation (not a title) opens within a few words after the verb at ``k``, with no
    clause break before it."""
    verb = s.words[k]
    q = next((q for q in s.quotes if q.start >= verb.end), None)
    if q is None or is_title_quote(text, q):
        return False
    between = text[verb.end : q.start]
    if any(c in between for c in _STOPS) or len(between.split()) > _OBJECT_WORDS:
        return False
    return not any(w.text.lower() in lx.CUE_WORDS for w in s.words if verb.end <= w.start < q.start)
