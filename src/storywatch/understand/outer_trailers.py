"""A trailer that reports a whole cue-led clause: "Smith cannot say that “from his
perspective,” Okafor added", "Her critics mocked the plan, calling it “a fantasy,” Okafor
said", "They are asked to rank choices, and the panel is less likely to be “overrun,”
Okafor said".

A sentence that ends with a subject and a verb of saying right after a quotation's closing
mark ("…,” Okafor said.") is an act of speech whose content is the words before it. A cue
earlier in that content ("say", "calling", "asked") is part of what the trailer's speaker
said, not the sentence's act: the reader takes the sentence as Okafor's, and crediting the
earlier cue gave its subject ("Smith cannot", "Her critics", "They") the quotation. So when
the sentence's first cue-led reading is only a reported clause and a trailer closes the
sentence, the trailer's speaker and cue take the act; its words are the first reading's,
up to the quotation's closing mark (before, a clause reading ran on over the trailer:
"to rank choices, and … “overrun,” Okafor said"). A trailer that repeats the first
reading's subject ("Pence said … but added, “…,” Pence said") is the same act, left as read.
"""

from __future__ import annotations

from storywatch.understand import lexicon as lx
from storywatch.understand.clause_ends import SUBORDINATE
from storywatch.understand.contents import content_before
from storywatch.understand.finite_verbs import finite_clause
from storywatch.understand.led_quotes import complete_utterance
from storywatch.understand.spans import Found, Sentence, Span


def trailer_start(s: Sentence, first: Found) -> int | None:
    """Index of the word right after the first quotation that closes past the first
    reading's cue: where a trailer's subject would stand ("…,” Okafor said")."""
    if first.cue is None:
        return None
    quote = next((q for q in s.quotes if q.start >= first.cue[1]), None)
    if quote is None:
        return None
    return next((n for n, w in enumerate(s.words) if w.start >= quote.end), None)


def outer_act(text: str, s: Sentence, first: Found, later: Found | None, at: int) -> Found | None:
    """The trailer's act covering the first reading, or ``None``.

    ``later`` is the cue-led reading from word ``at`` on; it is the trailer when its subject
    starts at that word with only spaces after the closing mark, and the clause before the
    subject (the words of :func:`~storywatch.understand.contents.content_before`) holds the
    first reading's cue."""
    if later is None or later.speaker is None or later.cue is None or first.cue is None:
        return None
    if later.speaker[0] != s.words[at].start or text[s.words[at - 1].end : later.speaker[0]].strip(
        "”\"' ,"
    ):
        return None
    if first.speaker is not None and _head(text, first.speaker) == _head(text, later.speaker):
        return None  # "Pence said … but added, “…,” Pence said": one speaker said it twice
    if _opens_quotation(text, s, later.cue[1]):
        return None  # "After Ruiz said “…,” Okafor said: “…”": a new act, not a trailer
    if later.parts and later.parts[0][0] > later.cue[1] and finite_clause(text, later.parts[0]):
        # "Even as Ruiz claimed that “…,” a lawyer for Vale said the cases differed": the
        # verb after the quotation reports a clause of its own, so it is no trailer.
        return None
    if _in_opening_scene(text, s, first.cue[0]):
        return None  # "After Ruiz said that …“…,” Okafor responded.": the main clause
    cue = next((n for n, w in enumerate(s.words) if w.start == later.cue[0]), None)
    if cue is None:
        return None
    found = content_before(text, s, cue, later.speaker)
    if found is None or not found.direct or found.parts[0][0] > first.cue[0]:
        return None
    end = found.parts[-1][1]
    parts = tuple((a, min(b, end)) for a, b in first.parts if a < end)
    if not parts:
        return None
    led = next((q for q in s.quotes if q.end == end and q.start > first.cue[1]), None)
    if led is not None and complete_utterance(text, led, text[first.cue[1] : led.start]):
        # "Biden weighed in, telling Mic in an interview, “They are both qualified,” he
        # said": the first cue led the quotation in with its listener and a comma, so
        # what the trailer's speaker said is the quotation alone.
        parts = led.parts
    return Found(parts, True, later.speaker, later.cue, s.index)


def _in_opening_scene(text: str, s: Sentence, cue: int) -> bool:
    """ "After Ruiz said that the levy was “a tax on ferries,” Okafor responded.": the first
    cue sits in a clause that opens the sentence and sets the scene ("after", "when",
    "while" …), so the subject and verb after its quotation are the main clause, not a
    trailer; a bare "When Ruiz said …" is no one's words. ("As Ruiz put it, …" credits
    what follows to Ruiz and is left out.)"""
    opener = SUBORDINATE.match(text, s.start, cue)
    if opener is None or opener.group(0).split()[-1].lower() == "as":
        return False
    return "," not in text[s.start : cue]


def _head(text: str, span: Span) -> str:
    """The last word of a speaker span, lowercased ("Mayor Jane Okafor" → "okafor")."""
    words = text[span[0] : span[1]].split()
    return words[-1].lower().rstrip(",.") if words else ""


def _opens_quotation(text: str, s: Sentence, after: int) -> bool:
    """A quotation opens after the cue with no verb of saying in a participle before it:
    the cue introduces words of its own ("Okafor said: “…”", "replied, smiling, “…”"),
    unlike a trailer going on to another act ("Okafor added, saying it should be “…”")."""
    quote = next((q for q in s.quotes if q.start >= after), None)
    if quote is None:
        return False
    between = [w.text.lower() for w in s.words if after <= w.start < quote.start]
    return not any(w.endswith("ing") and w in lx.CUE_WORDS for w in between)
