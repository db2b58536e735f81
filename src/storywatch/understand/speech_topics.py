"""Speech about a quoted topic: "he keeps talking about the “collective power of ‘we’”",
"she spoke out for ''shotgun marriages'' as the solution", "spoke instead about “improving
NAFTA”".

A verb of speaking ("talk", "speak") with "about", "of", "for" or "against" says that its
subject spoke, and a quotation in the noun phrase it governs gives the speaker's own words
for what they spoke of. Readers take that phrase as the speaker's, and PolNeAR's annotators
mark it (from the word after the preposition to the end of the clause) as the content. The
verb is not a reporting verb in the lexicon ("talks" more often starts a negotiation), so
the reading is tried only when no other reading found the sentence's quotation, and only
when the quotation opens within a few words of the preposition, with no punctuation between.
"""

from __future__ import annotations

from storywatch.understand.broad import verb_subject
from storywatch.understand.lexicon import words_of as _words
from storywatch.understand.partial_tails import cut_tail
from storywatch.understand.spans import _DETERMINERS, Found, Sentence, Span, _closes_at, _inside
from storywatch.understand.text import Quote, Word

_SPEAKING = _words(
    """
    talk talks talked talking speak speaks spoke spoken speaking
    """
)

# What the speech was about: the noun phrase after one of these holds the quotation.
_TOPIC_PREPOSITIONS = _words("about of for against")

# Adverbs between the verb and its preposition ("spoke out for", "talked instead about").
_PARTICLES = _words("out up instead often again openly repeatedly frequently publicly")

# Verbs of aspect before the participle ("keeps talking about"): the subject is theirs.
_ASPECT = _words("keeps kept keep began begins started starts continued continues")

# The quotation opens within this many words after the preposition ("about the “…”").
_MAX_LEAD_WORDS = 3

# Punctuation that ends the phrase spoken of.
_BREAKS = ",;:—–("


def spoke_about(text: str, s: Sentence) -> Found | None:
    """The first verb of speaking whose "about" (or "of", "for", "against") phrase holds a
    quotation, with its subject as the speaker; the content runs from the word after the
    preposition to the end of the clause."""
    if not s.quotes or _SPEAKING.isdisjoint(w.text for w in s.words):
        return None
    words = s.words
    for k, w in enumerate(words):
        if w.text not in _SPEAKING or _inside(s.quotes, w.start):
            continue
        if k and words[k - 1].text.lower() in _DETERMINERS:
            continue  # "the peace talks about “…”": a noun, not the verb
        p = _preposition_after(words, k)
        if p is None or p + 1 >= len(words):
            continue
        quote = _quote_in_phrase(text, s, words[p])
        if quote is None:
            continue
        speaker = _speaker(text, s, k)
        if speaker is None:
            continue
        start = min(words[p + 1].start, quote.start)
        end = _phrase_end(text, s, start, quote)
        return Found(((start, end),), True, speaker, (w.start, w.end), s.index)
    return None


def _preposition_after(words: list[Word], k: int) -> int | None:
    """The index of the topic preposition right after the verb at ``k`` or after one
    adverb ("spoke out for"), or ``None``."""
    for i in (k + 1, k + 2):
        if i >= len(words):
            return None
        if words[i].text in _TOPIC_PREPOSITIONS:
            return i
        if words[i].text not in _PARTICLES and not words[i].text.endswith("ly"):
            return None
    return None


def _quote_in_phrase(text: str, s: Sentence, prep: Word) -> Quote | None:
    """The quotation that opens the phrase after ``prep``: within a few words of it, with
    only words and spaces between, and not a title ("spoke of “The Art of the Deal”")."""
    quote = next((q for q in s.quotes if q.start > prep.end), None)
    if quote is None:
        return None
    lead = text[prep.end : quote.start]
    if any(c in lead for c in _BREAKS + '."“”') or len(lead.split()) > _MAX_LEAD_WORDS:
        return None
    inside = text[quote.start : quote.end].strip("“”\"' ")
    if inside.istitle() and len(inside.split()) > 1:
        return None
    return quote


def _speaker(text: str, s: Sentence, k: int) -> Span | None:
    """The subject of the verb at ``k``, read over an aspect verb ("he keeps talking")."""
    j, speaker = verb_subject(text, s, k)
    if speaker is None and j > 1 and s.words[j - 1].text in _ASPECT:
        j, speaker = verb_subject(text, s, j - 1)
    return speaker


def _phrase_end(text: str, s: Sentence, start: int, quote: Quote) -> int:
    """The end of the phrase spoken of: the first comma, semicolon, colon or dash outside
    the quotations after the first one (or a comma closing a quotation, "“spoiling the
    party,” and voters cheer"), else the end of the clause."""
    end = s.end
    while end > start and text[end - 1] in " .!?\n":
        end -= 1
    if text[quote.end - 2 : quote.end - 1] == ",":
        return quote.end
    for i in range(quote.end, end):
        if text[i] in _BREAKS and not any(q.start <= i < q.end for q in s.quotes):
            end = i
            break
    end = cut_tail(text, s.quotes, start, end)
    while end > start and text[end - 1] == " ":
        end -= 1
    if _closes_at(text, end):
        end += 1
    return end
