"""The source named after "according to" when it is no speaker's noun phrase.

"according to state corporate records", "according to officials familiar with the
system", "according to a report Tuesday from a local station": the words after "according
to" name where the claim comes from, and that is all they can do there, so any noun phrase
will do as the source, not only one a cue verb's subject would need (a name, a pronoun, a
noun of speaking). The phrase runs to the first punctuation or to the word that opens a
clause of its own.

What a comma after the source sets off can describe the source rather than open the claim
("According to Lopez, 56, the port …", "…, according to Tom Reyes, a spokesman for the
union."): :func:`source_apposition` says where such a description ends.
"""

from __future__ import annotations

import re

from storywatch.understand import lexicon as lx
from storywatch.understand.chunks import verb_or_aux
from storywatch.understand.lexicon import HONORIFICS
from storywatch.understand.lexicon import words_of as _words
from storywatch.understand.spans import Span
from storywatch.understand.text import Word

# Words that end the source's phrase: what follows is a clause or the content again.
_STOPS = _words(
    """
    that who whom which whose while although though because but when where as if since
    after before said says say and or
    """
)

# Words that cannot open a source ("according to it"): a pronoun needs the stricter reading.
_NOT_FIRST = _words("it this that these those he she they we i you him her them us me there")

# A longer phrase is more likely narration than a source.
_MAX_WORDS = 10


def source_after(text: str, words: list[Word], k: int) -> Span | None:
    """The noun phrase from ``words[k]`` up to the first punctuation or clause word, or
    ``None`` when it would be empty, open with a pronoun, or run too long."""
    if k >= len(words) or words[k].text.lower() in _NOT_FIRST:
        return None
    out = [words[k]]
    for w in words[k + 1 :]:
        gap = text[out[-1].end : w.start]
        if gap == ". " and out[-1].text.lower() in HONORIFICS:
            gap = " "  # "… of Mr. Cruz's friends": the abbreviation's full stop
        if gap != " " or w.text.lower() in _STOPS:
            break
        out.append(w)
        if len(out) > _MAX_WORDS:
            return None
    return (out[0].start, out[-1].end)


# Words that open an appositive after the source ("…, the ABC affiliate in Madison").
_APPOSITIVE_OPENERS = _words("the a an its their his her")


def appositive_next(text: str, source: Span) -> bool:
    """Whether a comma after ``source`` opens a phrase that describes it ("according to a
    report from WKOW, the ABC affiliate in Madison.") rather than the rest of the sentence
    the attribution was set into ("The mine, according to state records, closed in
    2010."): a determiner or a capitalised word after the comma."""
    rest = text[source[1] : source[1] + 40]
    if not rest.startswith(","):
        return False
    first = rest[1:].split(maxsplit=1)[:1]
    return bool(first) and (first[0] in _APPOSITIVE_OPENERS or first[0][:1].isupper())


def source_apposition(text: str, source: Span, stop: int) -> int | None:
    """Where an apposition after the source ends, when the comma after ``source`` opens
    one: "According to Lopez, 56, the port …", "according to Tom Reyes, a spokesman for
    the union, …", "according to Lopez, who chairs the board.", "According to Lopez's
    spokesman, Tom Reyes, …": an age, a party tag, a relative clause on the person, a
    role with no verb, or a name after a role. The offset of the comma or full stop that
    closes it (before ``stop``); ``None`` when the comma opens anything else (the content:
    "According to Lopez, the port will close")."""
    if text.startswith(" who ", source[1]):
        # "according to members who spoke with reporters afterward, was …": a restrictive
        # relative clause on the source runs to the aside's comma.
        comma = text.find(",", source[1], stop)
        return comma if comma > 0 and not _QUOTE.search(text, source[1], comma) else None
    if text[source[1] : source[1] + 1] != ",":
        return None
    m = _UP_TO_PUNCTUATION.match(text, source[1] + 1, stop)
    if m is None:
        return None
    chunk = m.group(1).split()
    if not chunk or not _describes_source(text[source[0] : source[1]].split(), chunk):
        return None
    return m.end(1)


_QUOTE = re.compile(r"[“”\"]|''")

# The words after the source's comma, up to the next comma or the sentence's full stop.
_UP_TO_PUNCTUATION = re.compile(r"\s*([^,;:.“”\"()]+(?:\.[A-Z][^,;:.“”\"()]*)*)(?=,|\.?\s*\Z)")
_PARTY_TAG = re.compile(r"[DRI]-[A-Z][\w.]*\Z")
_ROLE_OPENERS = _words("a an the")


def _describes_source(source: list[str], chunk: list[str]) -> bool:
    """``chunk`` (the words after the source's comma) says who the source is."""
    first = chunk[0].lower()
    if len(chunk) == 1 and (chunk[0].isdigit() or _PARTY_TAG.match(chunk[0])):
        return True  # "Lopez, 56,", "Sen. Maria Lopez, D-Ohio,"
    if first in ("who", "whose"):
        return True  # "Lopez, who chairs the board,"
    lows = [w.lower() for w in chunk]
    if any(verb_or_aux(w) for w in lows[1:]):
        return False  # "the port will close": a clause, the content
    if first in _ROLE_OPENERS and len(chunk) <= 9:
        return _role_head(lows)  # "a spokesman for the union", not "the most of any …"
    role = source[-1].lower()
    named = 2 <= len(chunk) <= 4 and all(w[:1].isupper() for w in chunk)
    return named and (role in lx.TITLE_HEADS or role in lx.SPEAKER_NOUNS)


_HEAD_ENDS = _words("of for at in with from on to")


def _role_head(lows: list[str]) -> bool:
    """The phrase's head (its last word before a preposition) names a role or a speaker:
    "a spokesman for the union", "an analyst at Pivotal", "a Republican strategist"."""
    head = next((n for n, w in enumerate(lows) if n and w in _HEAD_ENDS), len(lows))
    word = lows[head - 1]
    base = word[:-1] if word.endswith("s") else word
    return any(w in lx.TITLE_HEADS or w in lx.SPEAKER_NOUNS for w in (word, base))
