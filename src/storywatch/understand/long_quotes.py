"""A named subject, any verb, and a clause that ends with a long quotation.

"Nordhaus welcomed “the recognition that we do not have all the tools we need.”", "Gwen Hale
pummeled the plan while praising the mayor as a “work horse, not a show horse.”": the verb
is no reporting verb, and no word list can hold every verb news writing puts there, but a
quotation of several words that closes what the verb governs is someone's words, and the
subject who did it is the one the reader credits them to.

A short quotation is different: “Great Satan”, “refugees” and “working-class” are more often
a term the writer holds at arm's length than anyone's words, so :func:`long_quote_led` wants
:data:`MIN_QUOTED_WORDS` words inside the marks. The caller keeps what this finds only when
the speaker resolves to a named person or organisation (as for
:func:`~storywatch.understand.fallback.quote_fallback`): a pronoun or a description
that resolves to nobody is too often not the one who spoke. It runs among the last readers,
when no cue, no broader verb and no layout read the sentence and quote_fallback's reading
named nobody (``statements._named_fallback``).
"""

from __future__ import annotations

import re

from storywatch.understand import lexicon as lx
from storywatch.understand.broad import verb_subject
from storywatch.understand.clause_ends import SCENE_SETTERS
from storywatch.understand.contents import content_after
from storywatch.understand.spans import Found, Sentence, Span, asked_of, past_tense
from storywatch.understand.subjects import hypothetical
from storywatch.understand.text import Quote, Word
from storywatch.understand.works import is_work_title

# Fewer words than this inside the marks is a term set off, not someone's words.
MIN_QUOTED_WORDS = 4

_CLOSING = ("”", '"')

# A lemma no list holds: the verb is read as a plain verb that reports a clause.
_PLAIN = "_governs"


def long_quote_led(text: str, s: Sentence) -> Found | None:
    """The first finite verb with a subject before it whose content, read to its clause end,
    ends with a quotation of at least :data:`MIN_QUOTED_WORDS` words."""
    if not s.quotes or _quoted_words(text, s.quotes) < MIN_QUOTED_WORDS:
        return None  # cheap test first: no long quotation anywhere in the sentence
    words = s.words
    last_open = max(q.start for q in s.quotes)
    for k, w in enumerate(words):
        if w.end >= last_open:
            break  # no quotation after the verb: nothing for it to govern
        if not _finite(w) or hypothetical(words, k) or _determined_noun(words, k):
            continue  # "if you tell them, “…”": nobody said it
        j, speaker = verb_subject(text, s, k)
        if j and asked_of(text, words, j, k):
            return None  # "Kim was asked, “…?”": the question is someone else's
        if (
            speaker is None
            or _in_scene_setter(words, speaker)
            or _in_relative_aside(text, s, k, speaker)
            or _in_adverbial_clause(text, s, k, speaker)
        ):
            continue
        found = content_after(text, s, k, _PLAIN, speaker)
        if found is None or not found.direct:
            continue
        if not _ends_with_long_quote(text, s, found):
            return None
        return _from_participle(text, s, found)
    return None


# Words after which a lowercase word in "-s" names things: "Trump's latest victories", "his
# comments", "the first results".
_DETERMINERS = frozenset(("his", "her", "their", "its", "our", "my", "your", "the", "a", "an"))


def _determined_noun(words: list[Word], k: int) -> bool:
    """ "Donald Trump's latest victories unleashed a wave of comments, from … to “…”": a word
    in "-s" after a possessive or a determiner, with at most one lowercase modifier between,
    is a plural noun ("victories"), not the finite verb of a subject ("Trump's latest")."""
    for n in (k - 1, k - 2):
        if n < 0:
            return False
        prev = words[n].text
        if prev.endswith(lx.POSSESSIVE_ENDINGS) or prev.lower() in _DETERMINERS:
            return words[k].text.endswith("s")
        if not prev[:1].islower():
            return False
    return False


def _in_scene_setter(words: list[Word], speaker: Span) -> bool:
    """ "As Blumenthal spoke, the NRA was whipping lawmakers against “…”": a subject after
    the "as", "when" or "while" that opens the sentence is in a clause that sets the scene;
    the main clause after the comma has its own subject."""
    n = next((i for i, w in enumerate(words) if w.start == speaker[0]), 0)
    return n == 1 and words[0].text.lower() in SCENE_SETTERS


def _in_adverbial_clause(text: str, s: Sentence, k: int, speaker: Span) -> bool:
    """ "Filling in at the event where Okafor and Ruiz appeared Sunday, Berg landed a dig at
    “…”": a subject right after "where", "when" or another word that opens a clause of
    place, time or cause is that clause's; when a comma closes the clause before the
    quotation, the main clause after it has its own subject and verb, and the clause's verb
    governs nothing of what follows."""
    words = s.words
    n = next((i for i, w in enumerate(words) if w.start == speaker[0]), 0)
    for m in range(n - 1, max(n - 1 - _SUBJECT_WORDS, -1), -1):
        if words[m].text.lower() in _CLAUSE_OPENERS:
            opening = min((q.start for q in s.quotes if q.start > words[k].end), default=s.end)
            return ", " in text[words[k].end : opening]
        if "," in text[words[m].end : words[m + 1].start]:
            return False  # "…, Okafor and Ruiz appeared": the subject starts a clause
    return False


# Words that open a clause of place, time or cause inside a sentence ("the event where
# Okafor spoke, …", "… on Sunday, when Ruiz arrived, …").
_CLAUSE_OPENERS = SCENE_SETTERS | lx.words_of("where whereas wherever whenever")
# At most this many words of a subject before the speaker found ("where Okafor and Ruiz").
_SUBJECT_WORDS = 4


def _in_relative_aside(text: str, s: Sentence, k: int, speaker: Span) -> bool:
    """ "The listing, which got 5,000 views, was replaced by …", "Marsh, whose aide drafted
    the plan, welcomed …": a verb whose subject is "which" or "who" after a comma, or a
    noun after ", whose", is inside an aside, and when a comma closes that aside before the
    quotation and the sentence's own predicate follows ("…, was replaced", "…, welcomed"),
    the aside's verb governs nothing after it."""
    before = text[: speaker[0]].rstrip()
    if text[speaker[0] : speaker[1]].lower() in _RELATIVES:
        if not before.endswith(","):
            return False
    elif not _WHOSE.search(before):
        return False
    words = s.words
    opening = min((q.start for q in s.quotes if q.start > words[k].end), default=s.end)
    for n in range(k + 1, len(words)):
        if words[n].start >= opening:
            return False
        if ", " in text[words[n - 1].end : words[n].start]:  # not "5,000"
            return words[n].text.lower() in lx.AUXILIARIES or _finite(words[n])
    return False


_RELATIVES = frozenset(("which", "who"))
_WHOSE = re.compile(r",\s+whose\Z")


def _from_participle(text: str, s: Sentence, found: Found) -> Found:
    """ "Couric has promoted a modest approach in speeches, advising graduates to “become
    …”": a participle after a comma (or "while", "by") that comes before the quotation is
    the act that governs it; what was said starts after it."""
    start, end = found.parts[0][0], found.parts[-1][1]
    first = next(q.start for q in s.quotes if q.start >= start - 1)
    words = [w for w in s.words if start < w.start < first]
    for n in range(len(words) - 1, 0, -1):
        w = words[n]
        if not w.text.endswith("ing") or not w.text[:1].islower():
            continue
        joined = "," in text[words[n - 1].end : w.start] or words[n - 1].text.lower() in (
            "while",
            "by",
        )
        if joined and n + 1 < len(words):
            return Found(((words[n + 1].start, end),), True, found.speaker, found.cue, s.index)
    return found


def _finite(w: Word) -> bool:
    """A lowercase word that reads as a past or present-tense verb ("welcomed", "lists",
    "put")."""
    low = w.text.lower()
    if not w.text[:1].islower():
        return False
    if low in lx.CUE_WORDS or low in lx.QUOTE_CUES or past_tense(low):
        return True
    return low.endswith("s") and len(low) > 3 and not low.endswith(("ss", "'s", "’s", "us", "is"))


def _ends_with_long_quote(text: str, s: Sentence, found: Found) -> bool:
    start, end = found.parts[0][0], found.parts[-1][1]
    if text[end - 1] not in _CLOSING and text[end : end + 1] not in _CLOSING:
        return False
    inside = [q for q in s.quotes if start <= q.start + 1 and q.end <= end + 1]
    if inside and is_work_title(text, inside[-1]):
        return False  # "… and acted in the movie “Storm Surge 3: Not Again!”": a title
    return _quoted_words(text, inside) >= MIN_QUOTED_WORDS


def _quoted_words(text: str, quotes: list[Quote]) -> int:
    return sum(len(text[a:b].split()) for q in quotes for a, b in q.parts)
