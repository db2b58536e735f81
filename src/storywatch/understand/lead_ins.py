"""A sentence that names its speaker and a verb, then a quotation on its own.

"Ruiz touted her record on the harbour. “We need to find ways to keep the ferries.”",
"Ruiz praised the mayor's work after the flood.⏎“We need someone who gets things done.”":
the first sentence says who speaks and of what, with no quotation for its verb to govern,
so no other reading takes it; the quotation right after it (in the same paragraph, or
opening the next), with no trailer, is that speaker's own words. PolNeAR's annotators mark
the two as one act, from the words after the verb to the end of the quotation, so the
statement is read that way. The verb need not be a reporting verb ("distanced himself …
by saying he would …"). Without any reporting verb in the sentence ("Ruiz is unapologetic
about her plan. “I am not hiding that I want the ferries back.”") the sentence says only
who the paragraph is about, and the quotation standing after it is still that person's
words, but nothing in the sentence was said: the statement is the quotation alone. Only
a name opening the sentence with its finite verb right after it is taken (a pronoun or a
description there is too often not who spoke), and the caller keeps it only when the name
resolves to a named identity. On train (early half) this gained four statements for one
new false positive ("… seemed taken aback and mentioned that …" before a question the
annotators credit to its asker alone).

The same introduction may end in a colon inside the sentence, after a verb of no speech:
"Ruiz praised the crews and contrasted the old fleet with the new: “What I have seen this
year is a service that works.”" (:func:`colon_led`). On train the two readings of a
sentence with no reporting verb gained three statements (two late, one early) and no false
positive.
"""

from __future__ import annotations

from dataclasses import replace

from storywatch.understand import lexicon as lx
from storywatch.understand.phrases import clause_subject
from storywatch.understand.spans import Found, Sentence, Span, is_title_quote
from storywatch.understand.text import words as tokens

# Irregular past forms of a lead-in's verb of response ("Cruz struck back.", "Cruz hit
# back.", "Cruz had a different view.", "Cruz took issue with that."); not every irregular
# past ("Clinton began Sunday with a tweet …" introduces a document, not her next words).
_IRREGULAR_FINITE = frozenset(("struck", "shot", "hit", "had", "took", "fought"))

# Fewer words than this after the colon is a term or a label, not someone's words.
_MIN_COLON_WORDS = 4


def lead_in_before(text: str, before: Sentence, s: Sentence) -> Found | None:
    """``before`` (no quotation in it) as "Name <finite verb> …", and ``s`` a quotation
    standing alone: one statement from after the verb to the end of the quotation."""
    if before.quotes or not s.quotes:
        return None
    if not before.words:  # words are only read where a cue or a mark is
        before = replace(before, words=tokens(text, before.start, before.end))
    subject = clause_subject(text, before)
    if subject is None or not text[subject[0] : subject[0] + 1].isupper():
        return None
    if text[subject[0] : subject[1]].lower() in lx.PERSONAL_PRONOUNS:
        return None
    words = before.words
    k = next((i for i, w in enumerate(words) if w.start >= subject[1]), None)
    if k is None or k + 1 >= len(words) or text[subject[1] : words[k].start] != " ":
        return None  # the verb right after the name, not after an aside ("Coan, her …,")
    verb = words[k].text.lower()
    if not (verb.endswith(("ed", "s")) or verb in _IRREGULAR_FINITE):
        return None  # a finite verb in news copy's past or present ("struck back", "had")
    if not any(w.text.lower() in lx.CUE_WORDS for w in words[k:]):
        # "Ruiz is unapologetic about her plan.": nothing said there, only the quotation.
        return Found(tuple(p for q in s.quotes for p in q.parts), True, subject, None, s.index)
    start = words[k + 1].start
    parts: list[Span] = [(start, before.end)]
    parts.extend(p for q in s.quotes for p in q.parts)
    return Found(tuple(parts), True, subject, (words[k].start, words[k].end), s.index)


def colon_led(text: str, s: Sentence, claimed: list[Span]) -> Found | None:
    """The quotation after a colon that closes ``s``, when no reading claimed any of it and
    the sentence opens with a name (not a pronoun): "Ruiz … contrasted the old fleet with the
    new: “…”" is Ruiz's words, whatever the verb before the colon. The statement is the
    quotation alone; the caller keeps it only when the name resolves to a named identity."""
    if not s.quotes:
        return None
    q = s.quotes[-1]
    if not text[s.start : q.start].rstrip().endswith(":") or text[q.end : s.end].strip():
        return None
    if is_title_quote(text, q) or len(text[q.start : q.end].split()) < _MIN_COLON_WORDS:
        return None
    if any(a < q.end and q.start < b for a, b in claimed):
        return None
    sentence = s if s.words else replace(s, words=tokens(text, s.start, s.end))
    subject = clause_subject(text, sentence)
    if subject is None or text[subject[0] : subject[1]].lower() in lx.PERSONAL_PRONOUNS:
        return None
    return Found(q.parts, True, subject, None, s.index)
