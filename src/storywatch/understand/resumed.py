"""A quotation resumed after a short tag that opens the next sentence.

    “The quay is a disgrace.” She added, “Nobody has mended it in ten years.”

The second sentence names no one new: the speaker (a pronoun, or the same name) and a verb
of going on lead straight back into the same speaker's words. It is one act of speech, as
“…,” she said. “…” is (a bare quotation after a trailer already goes on with it), so the
second quotation goes on the statement before it, which a reader still gets as two
quotations (a break between them). Only a whole quotation before it qualifies: after a
partial one inside narration ('Reid said Sanders energized “a lot of people.” He added,
“…”') the tag opens the first quotation of the speaker's own. A colon after the tag ("He
added: “…”") sets off a block of its own, as a colon after "said" does, and stays apart;
so do quotations the writer goes on to narrate after in the same paragraph (each is then a
piece of the writer's account, not one passage of the speaker's).
"""

from __future__ import annotations

from storywatch.understand.spans import Found, Sentence, Span

# Verbs that say the speaker went on with what they were saying.
GOING_ON = frozenset(("added", "adds", "continued", "continues"))

_OPENING = ("“", '"', "''", "‘")
_CLOSING = "”\"'’"


def resumes_quotation(text: str, s: Sentence, found: Found, before: Span) -> bool:
    """``found`` reads ``s`` as "<speaker> added, “…”" (tag first, then one quotation to the
    sentence end) and ``before``, the last part of the statement in the sentence just
    before, is a whole quotation closing that sentence."""
    if found.cue is None or found.speaker is None or not found.parts:
        return False
    if text[found.cue[0] : found.cue[1]].lower() not in GOING_ON:
        return False
    if found.speaker[0] != s.start or text[found.speaker[1] : found.cue[0]].strip():
        return False  # the tag is the subject and its verb, nothing else, opening s
    start, end = found.parts[0][0], found.parts[-1][1]
    lead = text[found.cue[1] : start].strip()
    if not lead.startswith(",") or lead[1:].strip() not in _OPENING:
        return False
    if text[end : s.end].strip(_CLOSING + ".?! "):
        return False  # narration after the quotation: not the same run of words
    if not _closes_paragraph(text, s.end):
        return False
    return _whole_quotation_closing(text, before, found.speaker[0])


def _closes_paragraph(text: str, end: int) -> bool:
    """Nothing but closing marks follows ``end`` in its paragraph. A paragraph that is the
    speaker's words with the tag between them reads as one passage; narration after it
    ("He added, “…” The government, for instance, refused …") weaves the quotations into
    the writer's account, each a piece of its own."""
    nl = text.find("\n", end)
    return not text[end : nl if nl >= 0 else len(text)].strip(_CLOSING + " \xa0")


def _whole_quotation_closing(text: str, part: Span, tag: int) -> bool:
    """``part`` opens right after a quotation mark and ends the text before the tag at
    ``tag``, with only closing punctuation between (“…” She added)."""
    a, b = part
    if a == 0 or not text[:a].endswith(_OPENING):
        return False
    return not text[b:tag].strip(_CLOSING + ".?!, ")
