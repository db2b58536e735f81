"""A sentence led by a speech participle whose object holds a quotation.

    Citing “obligations at home,” the mayor's spokeswoman told reporters that …
    Acknowledging that the plan “costs too much,” though, Ruiz did suggest …
    Conceding that a deal would come “down the line” he warned: “…”

The participle phrase is an act of speech of its own, by the subject of the main clause
after it; the main clause's own statement (what the spokeswoman told reporters) is found
as usual. Annotators take both, the participle phrase without the participle.
"""

from __future__ import annotations

from storywatch.understand import lexicon as lx
from storywatch.understand.chunks import plausible
from storywatch.understand.spans import _IRREGULAR_PAST, Found, Sentence, Span, _trim
from storywatch.understand.text import Quote, Word

# Participles that report what their subject says ("Citing …", "Conceding that …");
# verbs that take a listener or a question first ("Telling …", "Asking …") are left out.
_LEADING = frozenset(
    {w for w in lx.CUE_WORDS if w.endswith("ing")} | {"citing", "quoting"}
) - frozenset(("continuing", "responding", "replying", "telling", "asking", "reporting"))

# Words that may stand between the phrase and the main clause's subject (", though,").
_BETWEEN = frozenset(("though", "however", "too", "also"))


def leading_participle(text: str, s: Sentence, main: Found) -> Found | None:
    """The participle phrase opening ``s`` as a statement by ``main``'s speaker, or
    ``None``: the phrase must hold a quotation and end where the main clause's subject
    begins (only punctuation and a connective like "though" between them)."""
    opening = _opening(text, s)
    if opening is None or main.speaker is None or len(s.words) < 3:
        return None
    lead, quote = opening
    if quote.end > main.speaker[0]:
        return None
    between = text[quote.end : main.speaker[0]].replace(",", " ").split()
    if any(w.lower() not in _BETWEEN for w in between):
        return None
    if any(p[0] < quote.end for p in main.parts):
        return None
    return _phrase(text, s, lead, quote, main.speaker)


def leading_participle_alone(text: str, s: Sentence) -> Found | None:
    """ "Citing the attack as a wake-up call and their “reveries about …,” Will urged the
    party to …": with no attribution in the main clause, its subject (a short noun phrase
    right after the phrase, before a past-tense verb) is the participle's speaker."""
    opening = _opening(text, s)
    if opening is None:
        return None
    lead, quote = opening
    if text[quote.end - 2 : quote.end - 1] != "," and text[quote.end : quote.end + 1] != ",":
        return None
    after = [w for w in s.words if w.start > quote.end][: _SUBJECT_WORDS + 1]
    verb = next(
        (
            n
            for n, w in enumerate(after)
            if w.text.islower() and (w.text.endswith("ed") or w.text in _IRREGULAR_PAST)
        ),
        None,
    )
    lone_name = verb == 1 and after[0].text[:1].isupper() and after[0].text.isalpha()
    if not verb or not (lone_name or plausible(text, after[:verb])):
        return None  # ("Will urged": a surname the name lists refuse as a modal)
    return _phrase(text, s, lead, quote, (after[0].start, after[verb - 1].end))


def phrase_read_as_trailer(text: str, s: Sentence, found: Found) -> bool:
    """ "Citing the storm and its “dreams of …,” Will urged the board to …": a reading whose
    cue comes after the opening participle phrase took that whole phrase, participle and
    all, as the words its trailer reports. The phrase is the participle's own act
    (:func:`leading_participle_alone` reads it); the main verb reports no quotation."""
    opening = _opening(text, s)
    if opening is None or found.speaker is None or not found.parts:
        return False
    lead, quote = opening
    return found.parts[0][0] <= lead.start and found.speaker[0] >= quote.end


def _opening(text: str, s: Sentence) -> tuple[Word, Quote] | None:
    """The speech participle that opens ``s`` (after an opening mark at most) and the first
    quotation after it, with no comma between them, or ``None`` ("Speaking in Ohio, Trump
    said “…”": the phrase ended before the quotation)."""
    if not s.words or not s.quotes:
        return None
    lead = s.words[0]
    if lead.text[:1].islower() or lead.text.lower() not in _LEADING:
        return None
    if text[s.start : lead.start].strip(" “\"'‘"):
        return None
    quote = next((q for q in s.quotes if q.start > lead.end), None)
    if quote is None or "," in text[lead.end : quote.start]:
        return None
    return lead, quote


def _phrase(text: str, s: Sentence, lead: Word, quote: Quote, speaker: Span) -> Found | None:
    """The participle phrase as what ``speaker`` said: the quotation alone when it is the
    participle's whole object ("Citing “…,” …"), else the words after the participle up to
    the quotation's end ("Conceding that a deal would come “down the line”")."""
    cue = (lead.start, lead.end)
    if not text[lead.end : quote.start].strip():
        return Found(quote.parts, True, speaker, cue, s.index)
    start, end = _trim(text, s.words[1].start, quote.end)
    return Found(((start, end),), True, speaker, cue, s.index) if end > start else None


_SUBJECT_WORDS = 5
