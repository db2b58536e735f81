"""A relative clause's act inside or beside another: "Okafor said volunteers walked beside
the marchers, whom she described as “calm,” the whole way".

When the only quotation of what the first cue reports sits in a relative clause set off by
a comma ("…, whom she described as “calm,”"), with a pronoun subject and a cue for its
verb, the quoted words are that clause's act (the name or verdict the speaker gave), and
the clause before it is a paraphrase without them; the annotators mark the relative clause
from its relative word as the quotation's content. A comma at the quotation's close ends
the relative clause: what follows is the main clause's. The sentence's cue-led reader is
passed in (``reader(text, sentence, start_at)``) so this module does not import the one
that calls it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from storywatch.understand.lexicon import QUOTE_CUES
from storywatch.understand.relative_cues import relative_opener, resumed
from storywatch.understand.spans import Found, Sentence, Span, _closes_at, _is_cue
from storywatch.understand.text import Quote, Word

# The sentence's cue-led reader from a word on (``attribution._cue_led_pass``).
Reader = Callable[[str, Sentence, int], Found | None]


def relative_act(
    text: str, s: Sentence, first: Found, quote: Quote | None, reader: Reader
) -> Found | None:
    """ "Okafor said volunteers walked beside the marchers, whom she described as “calm,” the
    whole way", "Vale argued that Lindqvist would win the seat, which he called “a tragedy”
    for the town": when the only quotation in what the first cue reports sits in a relative
    clause set off by a comma, whose subject is a pronoun and whose verb is a cue, the quoted
    words are that clause's act (a name or a verdict the speaker gave the thing), and the
    clause before it a paraphrase without them; the annotators mark that clause as the
    quotation's content. (With a quotation of its own, "said that he had begun “to unmask”
    Trump, whom he called a “con artist”", the relative clause stays inside what the first
    cue reports, and so does one the first cue's clause goes on after: "chose between Ruiz,
    whom he called “cynical,” and a newcomer", or "said the levy, which she called
    “reckless,” would hurt crews".)"""
    if quote is None or first.cue is None or len(first.parts) != 1:
        return None
    a, b = first.parts[0]
    if [q for q in s.quotes if a <= q.start < b] != [quote] or resumed(text, quote.end):
        return None
    words = s.words
    k = max((n for n, w in enumerate(words) if w.end <= quote.start), default=-1)
    while k > 0 and not _is_cue(words[k], s.quotes):
        k -= 1
    rel = relative_opener(text, s, k)
    if words[k].start <= first.cue[1] or rel < 0:
        return None
    nearer = reader(text, s, k)
    if nearer is None or nearer.cue is None or nearer.cue[0] != words[k].start or not nearer.parts:
        return None
    # The content opens at the relative word, as the annotators mark it ("whom she described
    # as “calm”"): without it the quoted words have no object.
    end = nearer.parts[-1][1]
    if _closes_at(text, end):
        end += 1  # the closing mark goes with the words it closes, now inside the content
    if "," in text[quote.end - 2 : quote.end + 1]:
        # "…, whom he described as “peaceful,” for the length of the route": the comma
        # closes the relative clause set off by the one before it; the rest is the main
        # clause's.
        end = min(end, quote.end)
    return replace(nearer, parts=((words[rel].start, end),))


def relative_alone(text: str, s: Sentence, first: Found) -> Found | None:
    """ "Perez contrasted the candidate, whom he described as “volatile,” with Clinton": the
    first cue is the verb of a relative clause set off by a comma, and a comma at its
    quotation's close ends the clause, so the act is the clause from its relative word to
    that quotation (as :func:`relative_act` reads one after a report), not the main
    clause's words after it."""
    if first.cue is None or not first.parts or not first.direct:
        return None
    rel = _opener_of(text, s, first.cue)
    if rel < 0:
        return None
    words = s.words
    end = first.parts[-1][1]
    quote = next((q for q in s.quotes if first.cue[1] < q.start and q.end < end), None)
    if quote is None or "," not in text[quote.end - 2 : quote.end + 1]:
        return None
    return Found(((words[rel].start, quote.end),), True, first.speaker, first.cue, s.index)


def clause_before(text: str, s: Sentence, found: Found, reader: Reader) -> Found | None:
    """The first cue's clause before a relative clause that took the quotation as its own
    act (:func:`relative_act`): "Okafor said volunteers walked beside the marchers" in
    "Okafor said volunteers walked beside the marchers, whom she described as “calm”" is
    still her paraphrase, ending at the comma before "whom"."""
    if not found.direct or found.cue is None:
        return None
    rel = _opener_of(text, s, found.cue)
    if rel < 0:
        return None
    words = s.words
    first = reader(text, s, 0)
    if first is None or first.cue is None or len(first.parts) != 1 or first.cue == found.cue:
        return None
    a, b = first.parts[0]
    end = words[rel - 1].end
    quote = next((q for q in s.quotes if q.start > first.cue[1]), None)
    own = relative_act(text, s, first, quote, reader)
    if not (a < end < b) or own is None or own.cue != found.cue:
        return None
    return Found(((a, end),), False, first.speaker, first.cue, s.index)


def _opener_of(text: str, s: Sentence, cue: tuple[int, int]) -> int:
    """The index of the relative word opening the clause whose verb is ``cue``, or -1."""
    k = next((n for n, w in enumerate(s.words) if w.start == cue[0]), -1)
    return relative_opener(text, s, k) if k > 0 else -1


def relative_acts_beside(text: str, s: Sentence, acts: list[Found]) -> list[Found]:
    """ "Perez hammered Trump, calling him a “train wreck,” and contrasted the candidate,
    whom he described as “volatile,” with Clinton": a relative clause set off by a comma,
    with a he/she/they subject and a cue for its verb, whose quotation none of the
    sentence's acts took, is an act of its own, from its relative word to that quotation
    (as :func:`relative_act` reads one inside a report). The pronoun is its speaker, left
    to the resolver like any other."""
    if not acts or not s.quotes:
        return []
    words = s.words
    out: list[Found] = []
    for k, w in enumerate(words):
        if not _is_cue(w, s.quotes) and w.text not in QUOTE_CUES:
            continue
        rel = relative_opener(text, s, k)
        if rel < 0 or any(a <= w.start < b for f in acts for a, b in f.parts):
            continue
        quote = next((q for q in s.quotes if q.start > w.end), None)
        if quote is None or any(f.cue == (w.start, w.end) for f in acts):
            continue
        if any(a < quote.end and quote.start < b for f in [*acts, *out] for a, b in f.parts):
            continue
        if len(text[w.end : quote.start].split()) > _OBJECT_WORDS or any(
            c in text[w.end : quote.start] for c in ",;:.—–"
        ):
            continue
        end = quote.end
        if _closes_at(text, end):
            end += 1
        if "," not in text[quote.end - 2 : quote.end + 1] and text[end : end + 1].strip(" .”"):
            continue  # the clause goes on past its quotation: not only a name or a verdict
        speaker = _subject_of(text, words[rel + 1], [f for f in acts if f.parts[0][0] < w.start])
        found = Found(((words[rel].start, end),), True, speaker, (w.start, w.end), s.index)
        out.append(found)
    return out


def _subject_of(text: str, pronoun: Word, before: list[Found]) -> Span:
    """Who the relative clause's he/she/they is: the speaker of the sentence's last act
    before it when the number agrees ("Perez contrasted the candidate, whom he described"
    is Perez, not the candidate the clause describes, whom a resolver looking back for a
    "he" would take), else the pronoun itself, for the resolver."""
    own: Span = (pronoun.start, pronoun.end)
    if not before or before[-1].speaker is None:
        return own
    speaker = before[-1].speaker
    written = text[speaker[0] : speaker[1]].split()
    plural = written[-1].lower().endswith("s") and not written[-1].lower().endswith("ss")
    if plural != (pronoun.text.lower() == "they") or written[-1].lower() in _RELATIVES:
        return own
    return speaker


_RELATIVES = frozenset(("who", "whom", "which", "that"))
# The most words between a relative clause's verb and its quotation ("whom she described
# as “calm”", "which he called the city's “worst idea”").
_OBJECT_WORDS = 6
