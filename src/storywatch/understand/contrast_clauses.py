"""A second act of speech set beside or against the first in the same sentence.

    Okafor said the ferry would run, though she added that …
    Trump said the deal was “terrible,” and Reince Priebus, the chairman of the RNC, said …

After a comma, "though", "although", "while", "even as", "and" or "but", then a subject of
its own and a cue, the writer reports a second speaker, not more of what the first said.
Read for :mod:`followups`, which splits the first act where this one begins.
"""

from __future__ import annotations

from storywatch.understand import lexicon as lx
from storywatch.understand.phrases import _np_before
from storywatch.understand.share_phrases import names_a_share
from storywatch.understand.spans import CLOSING_MARKS, OPENING_MARKS, Sentence, Span, _inside

# Words that join a second act to the first ("…, and Vale said", "…, but she added").
COORD = frozenset(("and", "but"))
# The longest subject read between the conjunction and the cue ("while House Minority
# Leader Nancy Pelosi accused …").
JOINED_SUBJECT_WORDS = 7


def comma_before(text: str, pos: int, floor: int) -> int:
    """Where the first statement stops: before the comma (or space) that leads to ``pos``."""
    while pos > floor and text[pos - 1] in " ,;—–-":
        pos -= 1
    return pos


def contrast_clause(text: str, s: Sentence, j: int, k: int) -> tuple[Span, int] | None:
    """ "Okafor said the ferry would run, though she added that …", "Vale argued that the
    levy was fair, while Lindqvist said it would “ruin the port”", "Okafor said the port
    would close, and Vale said it would not": after a comma, "though", "although", "while",
    "even as", "and" or "but", then a subject of its own and a cue, is a second act the
    writer sets beside or against the first, not more of what the first speaker said: (its
    speaker, where the first act stops). ``j`` is the subject's last word, ``k`` the cue. A
    weak cue needs "that" after it: "while the mayor went after the board", "while Vale leads
    by 21 points among …" report nothing. The subject may be a name with a long title
    ("and New Jersey Senate President Stephen Sweeney said") or carry an appositive set off
    by commas ("and Reince Priebus, the chairman of the Republican National Committee,
    said"): wire copy introduces the second speaker that way as often as by name alone."""
    words = s.words
    nxt = words[k + 1].text if k + 1 < len(words) else ""
    if lx.CUE_LEMMA[words[k].text.lower()] in lx.WEAK_CUES and nxt != "that":
        return None
    listed = listed_clause(text, s, j, k)
    if listed is not None:
        return listed
    for a in range(j - 1, max(0, j - _APPOSED_SUBJECT_WORDS - 1), -1):
        low = words[a].text.lower()
        even_as = low == "as" and a > 1 and words[a - 1].text.lower() == "even"
        if low not in _CONTRASTS and words[a].text not in COORD and not even_as:
            continue
        first = a - 1 if even_as else a
        if first == 0 or "," not in text[words[first - 1].end : words[first].start]:
            return None
        if _inside(s.quotes, words[a].start):
            return None
        speaker = _np_before(text, words, j + 1, words[a].end)
        if speaker is None or speaker[0] != words[a + 1].start:
            return None
        subject = j - a
        if speaker[1] != words[j].end:
            if not _apposed(text, speaker[1], words[k].start):
                return None
        elif subject > _SUBJECT_WORDS and not (
            subject <= JOINED_SUBJECT_WORDS
            and all(w.text[:1].isupper() for w in words[a + 1 : j + 1])
        ):
            return None
        return speaker, comma_before(text, words[first].start, words[first - 1].end)
    return None


def listed_clause(text: str, s: Sentence, j: int, k: int) -> tuple[Span, int] | None:
    """ "More than six in 10 said A; 46 percent said B", "79 percent said A and 60 percent
    said B", "Ruiz says A and Okafor says B": poll reports and round-ups list acts of
    saying side by side, after a semicolon, or after a bare "and" when the new subject is a
    share of those polled or a name. Only "say", in sentences with no quotation (where one
    follows, annotators keep the list as one quoted act): (its speaker, where the first act
    stops)."""
    words = s.words
    if s.quotes or lx.CUE_LEMMA[words[k].text.lower()] != "say" or words[k].text.endswith("ing"):
        return None  # (a quotation's acts are read by the layouts for quotations)
    for a in range(j, max(0, j - _SUBJECT_WORDS), -1):
        gap = text[words[a - 1].end : words[a].start]
        joined = words[a - 1].text == "and" and gap == " " and a > 1
        if ";" not in gap and not joined:
            continue
        if _inside(s.quotes, words[a].start) or (
            joined and "," in text[words[a - 2].end : words[a - 1].start]
        ):
            return None  # (", and Vale said" is read below)
        speaker = _np_before(text, words, j + 1, words[a].start)
        if speaker is None or speaker[0] != words[a].start or speaker[1] != words[j].end:
            return None
        if joined and not (names_a_share(words[a : j + 1]) or words[a].text[:1].isupper()):
            return None
        stop = words[a - 1].start if joined else words[a].start
        return speaker, comma_before(text, stop, words[a - 2 if joined else a - 1].end)
    return None


def _apposed(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` (between a subject and its cue) is only an appositive
    set off by commas, with no quotation or clause of its own: ", the chairman of the
    Republican National Committee, "."""
    mid = text[start:end]
    if not mid.startswith(",") or not mid.rstrip().endswith(","):
        return False
    inner = mid.strip(" ,")
    if not inner or any(q in inner for q in OPENING_MARKS + CLOSING_MARKS):
        return False
    return not any(w in lx.CUE_WORDS for w in inner.split())


# Words that set a second act against the first. ("whereas" mostly goes on with the
# speaker's own argument: "said that …, whereas the other agency admitted …".)
_CONTRASTS = frozenset(("though", "although", "while"))
# The most words a subject between the contrast word and the cue runs to (a name with a
# long title may run to JOINED_SUBJECT_WORDS).
_SUBJECT_WORDS = 5
# The most words from the contrast word to the cue when the subject carries an appositive.
_APPOSED_SUBJECT_WORDS = 16
