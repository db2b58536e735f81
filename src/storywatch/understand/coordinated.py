"""Acts joined to the sentence's main act of speech by the same subject.

    Merkel condemned “such a murderous attack” and declared a resolve to “stay open.”
    Clinton supports “fair pay raises,” opposes “arbitrary freezes” and said that …

The sentence's reading finds the act its cue verb reports (what Merkel declared). The verb
phrases before that cue, coordinated with it under the same subject, are that subject's
acts too when their object holds a quotation: the writer quotes the speaker's own words
for what was condemned or supported. Readers take each as a statement by the subject, and
PolNeAR's annotators mark each object as content of its own.

Only a verb phrase written right after the subject (no comma between: "Merkel, who …,"
opens a relative clause, not an act) and ending in "and" or "but" right before the main
cue is read, so the subject is certain; a comma alone is no join ("needled the CNN
“reporter,” saying …" leaves the writer's scare quotation before a participle as often as
the speaker's words), and an object whose only quotation is a title names a work.
"""

from __future__ import annotations

from itertools import pairwise

from storywatch.understand import lexicon as lx
from storywatch.understand.clauses import content_start
from storywatch.understand.phrases import main_subject
from storywatch.understand.spans import (
    Found,
    Sentence,
    Span,
    _inside,
    _words_between,
    in_aside_quote,
    is_title_quote,
)
from storywatch.understand.text import Word

# Words that join the last verb phrase to the main cue ("… and declared", "…, but said").
_JOINERS = frozenset(("and", "but"))

# Words that open something other than a verb phrase of the subject.
_NOT_VERBS = frozenset(
    lx.words_of(
        """
        who whom whose which that where when while as in on at of for from with by to
        after before during since and but or said says
        """
    )
)


def earlier_acts(text: str, s: Sentence, main: Found) -> list[Found]:
    """The verb phrases between ``main``'s subject and its cue whose objects hold a
    quotation, each as a statement by that subject (empty when the shape is not there)."""
    if main.speaker is None or main.cue is None or main.inherited or not main.parts:
        return []
    speaker, cue = main.speaker, main.cue
    if not speaker[1] <= cue[0] <= main.parts[0][0]:
        return []
    aside = _aside_act(text, s, speaker, cue)
    if aside is not None:
        return [aside]
    quotes = [q for q in s.quotes if speaker[1] <= q.start and q.end <= cue[0]]
    if not quotes:
        return []
    raw = [w for w in s.words if speaker[1] <= w.start and w.end <= cue[0]]
    if not raw or text[speaker[1] : raw[0].start].strip():
        return []
    words = _after_name(raw)
    if not words:
        return []
    end = _joined_end(words)
    if end is None or end <= quotes[-1].start:
        return []
    end = _past_marks(text, end)
    acts = []
    for start, stop in _phrases(text, s, words, end):
        found = _act(text, s, start, stop, speaker)
        if found is not None:
            acts.append(found)
    return acts


def _aside_act(text: str, s: Sentence, speaker: Span, cue: Span) -> Found | None:
    """ "Mr. Hale, citing ''the charm of the pier,'' said …": a participle of speech opening
    an aside right after the subject, with a quotation that the aside's comma closes before
    the cue, is the subject's own act (the annotators mark the quotation with the participle
    as its cue)."""
    words = [w for w in s.words if speaker[1] <= w.start and w.end <= cue[0]]
    if len(words) < 2 or text[speaker[1] : words[0].start] != ", ":
        return None
    verb = words[0]
    if verb.text not in lx.CUE_WORDS and verb.text not in lx.QUOTE_CUES:
        return None  # "The group, including “Moms for Parks,” said …": no act of speech
    quote = next((q for q in s.quotes if verb.end <= q.start < cue[0]), None)
    if quote is None or text[verb.end : quote.start] != " ":
        return None
    if not in_aside_quote(text, s, quote.start) or text[quote.end : cue[0]].strip(" ,"):
        return None
    return Found(quote.parts, True, speaker, (verb.start, verb.end), s.index)


def _after_name(words: list[Word]) -> list[Word]:
    """The words after the subject's name and an "of" phrase of place or body that belongs
    to it ("Chancellor Angela Merkel of Germany condemned …")."""
    if len(words) > 1 and words[0].text == "of" and words[1].text[:1].isupper():
        k = 1
        while k < len(words) and words[k].text[:1].isupper():
            k += 1
        return words[k:]
    return words


def _joined_end(words: list[Word]) -> int | None:
    """Where the phrases end: at the last word before the "and" or "but" that joins them
    to the main cue (over auxiliaries and adverbs: "and later said"), or ``None``. A comma
    alone is no join: "needled the CNN “reporter,” saying …" leaves the writer's scare
    quotation before a participle as often as the speaker's words."""
    k = len(words)
    while k > 0 and words[k - 1].text.lower() in lx.AUXILIARIES:
        k -= 1
    if k < 2 or words[k - 1].text.lower() not in _JOINERS:
        return None
    return words[k - 2].end


def _past_marks(text: str, end: int) -> int:
    """``end`` moved over the punctuation and closing mark of a quotation ending there."""
    pos = end
    while pos < len(text) and text[pos] in ".,!?":
        pos += 1
    if text[pos : pos + 2] == "''":
        return pos + 2
    if pos < len(text) and text[pos] in '”"':
        return pos + 1
    return end


def _phrases(text: str, s: Sentence, words: list[Word], end: int) -> list[Span]:
    """The verb phrases up to ``end``, split where a quotation and a comma are followed by
    another verb of the subject ("supports “…,” opposes “…”")."""
    out: list[Span] = []
    start = words[0].start
    for prev, w in pairwise(words):
        if w.start >= end:
            break
        gap = text[prev.end : w.start]
        if "," in gap and any(c in gap for c in "”\"'") and _verb_like(w):
            out.append((start, _past_marks(text, prev.end)))
            start = w.start
    out.append((start, end))
    return out


def _verb_like(w: Word) -> bool:
    """A lowercase word that may be a present or past verb ("opposes", "rejected")."""
    low = w.text
    return low.islower() and low not in _NOT_VERBS and low.endswith(("s", "ed"))


def _act(text: str, s: Sentence, start: int, stop: int, speaker: Span) -> Found | None:
    """One verb phrase as a statement: its object (the words after the verb and any
    auxiliaries before it) up to ``stop``, when a quotation is in it."""
    inside = _words_between(s, start, stop)
    k = 0
    while k < len(inside) and inside[k].text.lower() in lx.AUXILIARIES:
        k += 1
    if k >= len(inside) - 1:
        return None
    verb = inside[k]
    if not verb.text.islower() or verb.text in _NOT_VERBS or _inside(s.quotes, verb.start):
        return None
    a = inside[k + 1].start
    if _inside(s.quotes, a):
        a = next(q.start for q in s.quotes if q.start < a < q.end)
    held = [q for q in s.quotes if a <= q.start and q.end <= stop]
    if all(is_title_quote(text, q) for q in held):
        return None  # "his concerns in an interview with “The View”": a name, not words
    lemma = lx.CUE_LEMMA.get(verb.text.lower())
    if lemma is not None and held:
        # A verb of saying: its clause starts past the adverbials and the person told
        # ("tweeted Tuesday evening that Trump “will be …”").
        lead = [w for w in inside[k + 1 :] if w.end <= held[0].start]
        begin = content_start(text, verb.end, lead, lemma)
        if begin >= 0:
            a = begin
    cue = (verb.start, verb.end)
    if len(held) == 1 and (held[0].start, held[0].end) == (a, stop):
        return Found(held[0].parts, True, speaker, cue, s.index)  # the quotation alone
    return Found(((a, stop),), True, speaker, cue, s.index)


def opening_verb_act(text: str, s: Sentence, main: Found) -> Found | None:
    """ "Okafor cited “harbour-first” policies, which she said had saved the port", "Okafor
    also praised her brother's “quiet courage” – “…,” she said – and argued …": the
    sentence's opening subject and its verb of speech (``CUE_WORDS`` or ``QUOTE_CUES``), whose
    object a few words on holds a quotation, before the act the sentence's reading found
    (a relative clause's report, a trailer set off by dashes), is the subject's own act: the
    writer quotes their words for what they cited or praised. The object runs to the comma
    or dash that closes it, or to where the found act begins."""
    if not main.parts or not s.quotes or main.cue is None:
        return None
    if text[main.cue[0] : main.cue[1]].endswith("ing"):
        return None  # "blamed the delay on a “bad schedule,” claiming …": left to the participle
    quote = next((q for q in s.quotes if not is_title_quote(text, q)), None)
    if quote is None or quote.end > main.parts[0][0]:
        return None
    subject = main_subject(text, s)
    if subject is None or subject[0] != s.words[0].start:
        return None
    if s.words[0].text.lower() in lx.SUBORDINATORS:
        return None  # "When Francis said …, the pope …": a scene, read by clause_pairs
    rest = [w for w in s.words if subject[1] <= w.start < quote.start]
    k = 0
    while k < len(rest) and (rest[k].text in lx.AUXILIARIES or _adverb(rest[k].text)):
        k += 1
    if k >= len(rest):
        return None
    verb = rest[k]
    low = verb.text
    if not low.islower() or low.endswith("ing"):
        return None
    if low not in lx.CUE_WORDS and low not in lx.QUOTE_CUES:
        return None
    if main.cue is not None and main.cue[0] <= verb.start:
        return None
    lead = text[verb.end : quote.start]
    if len(lead.split()) > _OPENING_OBJECT_WORDS or any(c in lead for c in _BREAKS):
        return None
    if any(w.text.lower() in lx.CUE_WORDS for w in rest[k + 1 :]):
        return None
    cue = (verb.start, verb.end)
    if k + 1 == len(rest) and "," in text[quote.end - 3 : quote.end + 1]:
        return Found(quote.parts, True, subject, cue, s.index)  # the quotation alone
    end = _object_end(text, quote.end, main.parts[0][0])
    start = rest[k + 1].start if k + 1 < len(rest) else quote.start
    if _inside(s.quotes, start):
        start = next(q.start for q in s.quotes if q.start <= start < q.end)
    return Found(((start, end),), True, subject, cue, s.index)


def _adverb(word: str) -> bool:
    """ "also praised", "sharply criticized"."""
    return word in ("also", "again", "then") or (word.endswith("ly") and word.islower())


def _object_end(text: str, after: int, limit: int) -> int:
    """Where an object that holds a quotation ending at ``after`` ends: at the next comma,
    semicolon or dash, before ``limit`` (where the next act starts), past the closing mark."""
    end = _past_marks(text, after)
    if "," in text[after - 3 : end]:
        return end  # "read the “harbour-first,” a phrase …": the comma closes the object
    stop = limit
    for k in range(end, limit):
        if text[k] in ",;–—" or text[k : k + 3] == " - ":
            stop = k
            break
    while stop > end and text[stop - 1] in " ,;":
        stop -= 1
    return max(stop, end)


# The most words between the opening verb and its quotation ("cited “…”", "praised her
# brother's “…”").
_OPENING_OBJECT_WORDS = 5
# Marks that end a verb's object before its quotation.
_BREAKS = frozenset(",;:–—")
