"""Attributions by "according to": "…, according to Reuters." / "According to HuffPo: “…”".

Not a verb, so the cue-led reading of :mod:`~storywatch.understand.attribution` does not see
it; and at the end of a sentence that holds a quotation it reports the whole sentence, over
any attribution inside it (:func:`according_to_last`). An outlet's "…, the Times reported."
closing such a sentence does the same (:func:`reported_last`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from storywatch.understand import lexicon as lx
from storywatch.understand.according_sources import (
    appositive_next,
    source_after,
    source_apposition,
)
from storywatch.understand.asides import aside_around
from storywatch.understand.phrases import _np_after
from storywatch.understand.reportless import says_little
from storywatch.understand.spans import (
    Found,
    Sentence,
    Span,
    _closes_at,
    _has_quote,
    _inside,
    _trim,
    _words_between,
)
from storywatch.understand.text import Word


def according_to_last(text: str, s: Sentence) -> Found | None:
    """ "On Saturday, Francis made clear …, saying that those who … should “look for a
    psychiatrist,” according to Reuters.": "according to" closing a sentence with a
    quotation in it reports all of it, with whatever attribution it holds inside."""
    if not s.quotes or not _OUTER_ACCORDING.search(text, s.start, s.end):
        return None
    found = according_to(text, s)
    if found is None or found.cue is None or len(found.parts) != 1:
        return None
    if found.parts[0][0] > s.words[0].start + 1:
        return None
    return found


def according_over(text: str, s: Sentence, found: Found) -> Found | None:
    """ "Ruiz told aides that the port would close, according to two people in the room.":
    with no quotation too, "according to" closing the sentence reports all of it, the act
    inside with it, when the clause a cue inside reports runs on to it (PolNeAR's annotators
    credit the outer source with the whole sentence)."""
    if s.quotes or not found.parts or found.parts[-1][1] < s.end - 1:
        return None
    if found.speaker is None or not _opens_main_clause(text, s, found.speaker[0]):
        return None  # "… apparent this week when court filings revealed that …, alleging …"
    if says_little([w for w in s.words if w.start >= found.parts[0][0]]):
        return None  # "She said little, according to an attendee.": no claim to report
    m = _OUTER_ACCORDING.search(text, s.start, s.end)
    if m is None or found.parts[-1][0] >= m.start():
        return None
    outer = according_to(text, s)
    if outer is None or outer.cue is None or len(outer.parts) != 1:
        return None
    return outer if outer.parts[0][0] <= s.words[0].start + 1 else None


def _opens_main_clause(text: str, s: Sentence, at: int) -> bool:
    """The speaker at ``at`` opens the sentence (after at most a few words: "But", "More
    than"), or follows an opening phrase and its comma ("Earlier Tuesday, his campaign
    manager, …", "But after Vale came on the scene, he told …"): the sentence is its act, which the
    outer source reports whole. A speaker deep inside ("… were apparent this week when court
    filings revealed …") leaves the outer source a later part only."""
    before = [w for w in s.words if w.end <= at]
    if len(before) <= _LEAD_WORDS and "," not in text[s.start : at]:
        return True  # "More than 6 in 10 voters said …", "But Ruiz said …"
    comma = text.rfind(",", s.start, at)
    return len(before) <= _OPENING_WORDS and comma >= 0 and not text[comma + 1 : at].strip()


_LEAD_WORDS = 3
_OPENING_WORDS = 15


# ", according to Reuters." / "” according to a letter from …" at a sentence's end.
_OUTER_ACCORDING = re.compile(r"[,”\"]\s+according to [^,;:“”\"]{2,120}[.!?]?\s*\Z")


def reported_last(text: str, s: Sentence) -> Found | None:
    """ "Fans also chanted, “Build a wall,” referring to …, the Tribune reports.", "When asked
    about …, Trump said: “There will always be exceptions,” the Times reported.": a
    publication's report closing a sentence that holds a quotation reports all of it, with
    the attribution inside it, as with "according to" (PolNeAR's annotators credit the
    outlet with the whole sentence)."""
    if not s.quotes or s.quotes[0].start <= s.start + 1:
        return None
    m = _OUTER_REPORTED.search(text, s.start, s.end)
    if m is None or not any(q.end <= m.start() + 2 for q in s.quotes):
        return None
    start, end = _trim(text, s.start, m.start())
    if _closes_at(text, end):
        end += 1
    if len(_words_between(s, start, end)) < 3:
        return None
    return Found(((start, end),), True, m.span(1), m.span(2), s.index)


# ", the Chicago Tribune reports." / "…,” CNN reported." at a sentence's end: a name in
# capitals (a publication or network) and "reported"/"reports".
_OUTER_REPORTED = re.compile(
    r"(?:,[”\"]?|,'')\s+((?:[Tt]he\s+)?(?:[A-Z][\w.&’'-]*\s+){0,3}[A-Z][\w.&’'-]*)"
    r"\s+(reported|reports)\.?\s*\Z"
)


def according_to(text: str, s: Sentence) -> Found | None:
    """ "…, according to the council." / "According to HuffPo: “…”": the noun phrase after
    "according to" speaks; what it says is the sentence around it (or after its comma or
    colon when it opens the sentence or follows a linking word, :data:`_LINK_BEFORE`), or
    the quotation alone when that is all there is."""
    if "ccording to" not in text[s.start : s.end]:
        return None
    words = s.words
    for k in range(len(words) - 1):
        if words[k].text.lower() != "according" or words[k + 1].text != "to":
            continue
        if _inside(s.quotes, words[k].start):
            continue
        np = _np_after(text, words, k + 2, loose=True)
        loose = np is None
        if loose:
            np = _pronoun_after(words, k + 2) or source_after(text, words, k + 2)
        if np is None:
            return None
        if _in_accordance(text, np):
            continue  # "pull the lever … according to their instinctive preference"
        cue = (words[k].start, words[k + 1].end)
        lead = text[s.start : words[k].start]
        described = source_apposition(text, np, s.end)
        if k == 0 or not lead.strip(" ,") or _LINK_BEFORE.search(lead):
            comma = text.find(",", described or np[1], s.end)
            colon = text.find(":", np[1], s.end)
            if colon >= 0 and not text[np[1] : colon].strip():
                comma = colon  # "According to HuffPo: “…”"
            if comma < 0:
                return None
            comma = _past_participle_tail(text, _past_list_tail(text, comma, s.end), s.end)
            start, end = _trim(text, comma + 1, s.end)
        else:
            start, end = _trim(text, s.start, words[k].start)
            aside = (
                None
                if (loose and appositive_next(text, np)) or _described_to_end(text, s, described)
                else aside_around(text, s, start, end, (np[0], described or np[1]), cue)
            )
            if aside is not None:
                return replace(aside, speaker=np)  # the source, not its description
        if len(_words_between(s, start, end)) < 3:
            return None
        direct = _has_quote(s.quotes, start, end + 1, text)
        whole = [q for q in s.quotes if q.start >= start - 1]
        if (
            len(whole) == 1
            and whole[0].start <= start
            and not text[whole[0].end : s.end].strip(" .?!")
        ):
            return Found(whole[0].parts, True, np, cue, s.index)  # the quotation alone
        if direct and _closes_at(text, end):
            end += 1
        return Found(((start, end),), direct, np, cue, s.index)
    return None


def _in_accordance(text: str, np: Span) -> bool:
    """ "they simply pull the lever … according to their instinctive preference": after
    "according to", a noun of inclination ("preference", "wishes", "taste") says in keeping
    with what, not who said so; nobody speaks."""
    head = text[np[0] : np[1]].split()[-1].lower().strip(".,;:’'")
    return head in _INCLINATIONS


# Nouns of inclination that make "according to" mean "in keeping with".
_INCLINATIONS = lx.words_of(
    "preference preferences wish wishes taste tastes whim whims liking instinct instincts"
)


def _described_to_end(text: str, s: Sentence, described: int | None) -> bool:
    """ "The port will close, according to Lopez, who chairs the board.": the words after
    the source's comma describe the source up to the sentence's end, so they are no second
    part of what was said."""
    return described is not None and not text[described : s.end].strip(" .!?")


def _pronoun_after(words: list[Word], k: int) -> Span | None:
    """ "According to her, the plan is “…”", "“…,” according to him.": an object pronoun
    after "according to" is the source, resolved as the pronoun it stands for."""
    if k < len(words) and words[k].text.lower() in lx.OBJECT_PRONOUNS:
        return words[k].start, words[k].end
    return None


# "But according to the audit, …", "Vale stayed home because, according to Okafor, the
# hall was “unsafe”": a linking word right before "according to" joins the clause after
# it to what came before; the link is the writer's, not the source's claim, which is the
# clause after the source's comma alone.
_LINK_BEFORE = re.compile(
    r"(?:^|[\s,;:(])(?:but|and|yet|so|because|after|since|though|although|however|still"
    r"|instead|meanwhile|in addition)[\s,]*\Z",
    re.IGNORECASE,
)


def _past_list_tail(text: str, comma: int, stop: int) -> int:
    """ "According to interviews with his friends, aides and allies, he wants …": a comma
    inside the source's own list ("aides and allies": a few words joined by "and"/"or",
    no pronoun) is not where the source ends; the next comma is."""
    nxt = text.find(",", comma + 1, stop)
    if nxt < 0:
        return comma
    tail = text[comma + 1 : nxt].split()
    lows = {w.lower() for w in tail}
    if len(tail) > 4 or not lows & {"and", "or"} or lows & lx.PERSONAL_PRONOUNS:
        return comma
    return nxt


def _past_participle_tail(text: str, comma: int, stop: int) -> int:
    """ "According to the lawsuit, filed in federal court in Boston, the company …": a
    participle phrase set off after the source describes it (where it was filed, when it
    came out), and the claim starts after the phrase's closing comma."""
    m = _PARTICIPLE_TAIL.match(text, comma + 1, stop)
    return m.end() - 1 if m is not None else comma


# A document's participle phrase, closed by a comma within a dozen words.
_PARTICIPLE_TAIL = re.compile(
    r"\s+(?:filed|released|published|issued|obtained|reviewed|seen|submitted|unsealed|posted"
    r"|dated|sent|made public)\b[^,;:“”\"]{0,80},"
)
