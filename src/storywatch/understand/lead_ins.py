"""A sentence that names its speaker and a verb, then a quotation on its own.

"Ruiz touted her record on the harbour. “We need to find ways to keep the ferries.”",
"Ruiz praised the mayor's work after the flood.⏎“We need someone who gets things done.”":
the first sentence says who speaks and of what, with no quotation for its verb to govern,
so no other reading takes it; the quotation right after it (in the same paragraph, or
opening the next), with no trailer, is that speaker's own words. PolNeAR's annotators mark
the two as one act, from the words after the verb to the end of the quotation, so the
statement is read that way. The verb need not be a reporting verb ("distanced himself …
by saying he would …"), but a reporting verb must be in the sentence: without one
("Ruiz supports the mayor.") nothing says that anyone spoke. Only
a name opening the sentence with its finite verb right after it is taken (a pronoun or a
description there is too often not who spoke), and the caller keeps it only when the name
resolves to a named identity. On train (early half) this gained four statements for one
new false positive ("… seemed taken aback and mentioned that …" before a question the
annotators credit to its asker alone).
"""

from __future__ import annotations

from storywatch.understand import lexicon as lx
from storywatch.understand.phrases import clause_subject
from storywatch.understand.spans import Found, Sentence, Span


def lead_in_before(text: str, before: Sentence, s: Sentence) -> Found | None:
    """``before`` (no quotation in it) as "Name <finite verb> …", and ``s`` a quotation
    standing alone: one statement from after the verb to the end of the quotation."""
    if before.quotes or not s.quotes:
        return None
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
    if not verb.endswith(("ed", "s")):  # a finite verb in news copy's past or present
        return None
    if not any(w.text.lower() in lx.CUE_WORDS for w in words[k:]):
        return None  # "Ruiz supports the mayor.": no act of speech to go on with
    start = words[k + 1].start
    parts: list[Span] = [(start, before.end)]
    parts.extend(p for q in s.quotes for p in q.parts)
    return Found(tuple(parts), True, subject, (words[k].start, words[k].end), s.index)
