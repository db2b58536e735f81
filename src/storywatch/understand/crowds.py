"""Words a crowd chants or shouts: "protesters gathered, chanting “Dump Trump”", "their
chants of “Ted! Ted!”", "his friends jeered, “Do svidaniya!”".

A verb of crying out right before a quotation says whose words they are as surely as "said"
does, but the words are often a slogan in Title Case ("Dump Trump", "Feel the Bern"), which
the other readers take for the title of a work and pass over. Here the verb alone decides.
The one who chants is the verb's subject (a crowd, a group, a person), or the subject of the
clause a participle hangs on; for "chants of “…”" it is the owner written before the noun
("their chants of …"), else the noun phrase itself ("near-constant calls"): the sentence
names no one, and a guessed person would put the words on the wrong speaker.

Run among the last readers (``statements.attribute``), when no other reading found
anything in the sentence.
"""

from __future__ import annotations

import re
from dataclasses import replace

from storywatch.understand import lexicon as lx
from storywatch.understand.lexicon import words_of
from storywatch.understand.phrases import _np_before
from storywatch.understand.spans import (
    _DETERMINERS,
    _PREPOSITIONS,
    Found,
    Sentence,
    Span,
    _inside,
    subject_end,
    subject_floor,
)
from storywatch.understand.subjects import coordinated_subject, opening_subject, recurring_name
from storywatch.understand.text import Quote

# Nouns for what a crowd cries, followed by "of" and the words ("chants of “…”").
_SHOUT_NOUNS = words_of("chant chants shout shouts cries calls chorus screams")

# Lowercase words that open a clause before its subject.

# A cheap first test for any of the words above.
# The look-ahead for the branches' first letters lets the case-blind alternation be tried
# only where one of them stands (under the same flags, so it is only a condition every match
# meets): three times faster over a sentence.
_STEMS = re.compile(
    r"(?=[cshjy])(?:chant|shout|yell|scream|jeer|holler|cries|calls of|chorus)", re.IGNORECASE
)

# Between the cue and its quotation: nothing, a comma or a colon.
_LEAD = re.compile(r"\s*[,:]?\s*\Z")
# Between two quotations of one chant: "“We are Orlando” and “Disarm hate”".
_JOIN = re.compile(r"\s*(?:,\s*)?(?:and|or)?\s*\Z")


def crowd_words(text: str, s: Sentence) -> Found | None:
    """The first verb or noun of crying out followed by its quotation, with who cried it."""
    if not s.quotes or _STEMS.search(text, s.start, s.end) is None:
        return None  # most sentences: one regex search, no look at every word
    words = s.words
    for k, w in enumerate(words):
        low = w.text.lower()
        is_noun = low in _SHOUT_NOUNS and k + 1 < len(words) and words[k + 1].text == "of"
        is_verb = not is_noun and low in lx.SHOUT_VERBS and w.text[:1].islower()
        if not (is_verb or is_noun) or _inside(s.quotes, w.start):
            continue
        after = w.end if is_verb else words[k + 1].end
        quote = next((q for q in s.quotes if q.start >= after), None)
        if quote is None or not _LEAD.match(text[after : quote.start]):
            continue
        speaker = _owner(text, s, k) if is_noun else _shouter(text, s, k)
        if speaker is None:
            continue
        parts = tuple(p for q in _joined(text, s, quote) for p in q.parts)
        return Found(parts, True, speaker, (w.start, w.end), s.index)
    return None


def crowd_speaker(text: str, s: Sentence, found: Found) -> Found:
    """A reading whose cue is a participle of crying out after a comma ("Hundreds of
    dockers marched … on the first day of the Trade Summit, chanting “…”", "…, where about
    50 protesters had gathered, chanting “…”") takes the crowd :func:`crowd_words` finds
    for that verb: the subject of the clause the participle hangs on, not the noun phrase
    right before the comma (the summit, the tower), which the general readers take."""
    if found.cue is None or found.speaker is None:
        return found
    k = next((n for n, w in enumerate(s.words) if w.start == found.cue[0]), None)
    if k is None or k == 0 or s.words[k].text.lower() not in lx.SHOUT_VERBS:
        return found
    if not s.words[k].text.endswith("ing") or "," not in text[s.words[k - 1].end : found.cue[0]]:
        return found
    crowd = crowd_words(text, s)
    if crowd is None or crowd.cue != found.cue or crowd.speaker is None:
        return found
    return replace(found, speaker=crowd.speaker)


def _joined(text: str, s: Sentence, first: Quote) -> list[Quote]:
    """``first`` and the quotations joined to it by "and", "or" or a comma."""
    out = [first]
    for q in s.quotes:
        if q.start <= out[-1].start:
            continue
        if not _JOIN.match(text[out[-1].end : q.start]) or q.start - out[-1].end > 6:
            break
        out.append(q)
    return out


def _shouter(text: str, s: Sentence, k: int) -> Span | None:
    """Who cries out through the verb at ``k``: its subject ("Some chanted", "his friends
    jeered"), or for a participle after a comma or "and" the subject of the clause it hangs
    on ("about 200 protesters gathered, holding signs and chanting …")."""
    words = s.words
    j = subject_end(words, k, any_ly=True)
    if j == 0:
        return None
    before = words[j - 1].text.lower()
    gap = text[words[j - 1].end : words[k].start]
    if before == "and" or (words[k].text.endswith("ing") and "," in gap):
        return _clause_np(text, s, k) or _named_subject(text, s, k)
    if before in _PREPOSITIONS - {"with"}:
        return None
    floor = subject_floor(text, s, words[j - 1].start)
    return _before_verb(s, _np_before(text, words, j, floor, loose=True))


def _before_verb(s: Sentence, span: Span | None) -> Span | None:
    """ "his supporters were shown chanting": the subject ends before the passive verb the
    walk took in with it."""
    if span is None:
        return None
    inside = [w for w in s.words if span[0] <= w.start < span[1]]
    for n, w in enumerate(inside):
        if n and w.text.lower() in lx.AUXILIARIES:
            return span[0], inside[n - 1].end
    return span


# A comma or a dash between two words may open a clause ("… Taj Mahal — now owned by …
# — where about 50 protesters had gathered, chanting …").
_CLAUSE_BREAK = re.compile(r",|\s[-–—]{1,2}\s|—")


def _clause_np(text: str, s: Sentence, k: int) -> Span | None:
    """The subject of the nearest clause before the participle at ``k`` that does not open
    with a participle itself: "Outside the arena, about 200 protesters gathered, holding
    signs and chanting …" gives "about 200 protesters"."""
    words = s.words
    starts = [0] + [
        i
        for i in range(1, k)
        if _CLAUSE_BREAK.search(text, words[i - 1].end, words[i].start)
        and not _inside(s.quotes, words[i].start)
    ]
    for i in reversed(starts):
        if words[i].text.endswith("ing"):
            continue  # "holding signs and chanting": the participle's own clause
        while i < k and words[i].text in lx.SUBORDINATORS:
            i += 1  # "…, when Sanders protesters interrupted her, shouting …"
        chunk = Sentence(s.index, words[i].start, s.end, words[i:], s.quotes)
        found = opening_subject(text, chunk, k - i)
        if found is not None:
            return found
    return None


def _named_subject(text: str, s: Sentence, k: int) -> Span | None:
    """ "Mr. Trump tries to …, alternately shouting “…”": a name or pronoun opening a clause
    before the participle; one capitalised word only when the article writes it so inside a
    sentence too ("Outside" opens a sentence, it names no one)."""
    subject = coordinated_subject(text, s, k)
    if subject is None or " " in text[subject[0] : subject[1]]:
        return subject
    if text[subject[0] : subject[1]].lower() in lx.PERSONAL_PRONOUNS:
        return subject
    return recurring_name(text, subject)


def _owner(text: str, s: Sentence, k: int) -> Span | None:
    """Who cries "chants of …": the possessive before the noun ("their chants"), or the one
    a verb moved to them ("roused the crowd to chants"), else the noun with its modifiers
    ("near-constant calls", not the "and" joining it to "booing and loud chants"), as the
    sentence names it."""
    words = s.words
    i = k
    while i > 0 and k - i < 3:
        prev = words[i - 1]
        low = prev.text.lower()
        if text[prev.end : words[i].start] != " " or _inside(s.quotes, prev.start):
            break
        if low in lx.OWNER_PRONOUNS or prev.text.endswith(("’s", "'s")):
            return (prev.start, prev.end - (0 if low in lx.OWNER_PRONOUNS else 2))
        if low == "to" and i > 2 and words[i - 3].text.lower() in _DETERMINERS:
            # "roused the crowd to chants of “…”": the one moved to chant
            return (words[i - 3].start, words[i - 2].end)
        if (
            low in _PREPOSITIONS
            or low in _LINKS
            or low in lx.BE_FORMS
            or low in _DETERMINERS
            or not prev.text[:1].islower()
            or prev.text.endswith(("ed", "ing"))
        ):
            break
        i -= 1
    return _joined_in(text, s, i) or (words[i].start, words[k].end)


# Words that join the noun phrase to what comes before it ("booing and loud chants of",
# "roused the crowd to spontaneous chants of"), no part of it.
_LINKS = words_of("and or but to")

# Prepositions after a verb of joining in a chant: "joined in", "broke into", "erupted in".
_INTO = words_of("in into")


def _joined_in(text: str, s: Sentence, i: int) -> Span | None:
    """ "Students joined in a thunderous chant of “…”", "The crowd broke into chants of
    “…”": the noun phrase starting at ``i`` is what a verb's subject joined in, so that
    subject is who chanted (the noun phrase is no one)."""
    words = s.words
    n = i - 1
    if n >= 0 and words[n].text.lower() in _DETERMINERS:
        n -= 1
    if n < 1 or words[n].text.lower() not in _INTO or not words[n - 1].text.islower():
        return None
    return opening_subject(text, s, n - 1) or _shouter(text, s, n - 1)
