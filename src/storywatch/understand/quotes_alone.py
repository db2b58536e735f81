"""Quotations said for themselves: a sentence quoted whole at the end of a clause.

A sentence quoted whole after "…, saying," or a colon at the end of a clause an earlier cue
reached over is said for itself, and the clause before it is narration
(:func:`quote_alone`, :func:`introduced_quote`); so is one right after a word that labels it
("by saying “…”", "a note reading “…”", :func:`labelled_quote`) or the words a verb of
crying out takes ("yelled “You lie!” at …", :func:`cried_quote`). Split out of
:mod:`~storywatch.understand.clause_ends`, which applies these readings when it clips a
reported clause.
"""

from __future__ import annotations

import re
from dataclasses import replace

from storywatch.understand import lexicon as lx
from storywatch.understand.finite_verbs import finite
from storywatch.understand.spans import Found, Sentence, Span, past_tense
from storywatch.understand.subjects import coordinated_subject
from storywatch.understand.text import Quote


def quote_alone(text: str, s: Sentence, found: Found) -> Found:
    """``found`` narrowed to a quotation introduced at the end of its clause (see
    :func:`introduced_quote`). Its speaker is a new subject opening the clause of the
    introducing verb inside what the earlier cue reached over ("When the mayor hinted that
    …, Ruiz shot back: “…”"), else the one ``found`` has."""
    if not found.direct or len(found.parts) != 1:
        return found
    a, b = found.parts[0]
    labelled = labelled_quote(text, s.quotes, a, b) or cried_quote(text, s.quotes, a, b, found)
    if labelled is not None:
        return replace(found, parts=labelled.parts)
    intro = introduced_quote(text, s.quotes, a, b, found.cue)
    if intro is None:
        return found
    quote, at = intro
    k = next((i for i, w in enumerate(s.words) if w.end >= at), len(s.words))
    subject = coordinated_subject(text, s, k + 1)
    speaker = subject if subject is not None and subject[0] > a else found.speaker
    return replace(found, parts=quote.parts, speaker=speaker)


def labelled_quote(text: str, quotes: list[Quote], start: int, end: int) -> Quote | None:
    """ "punctuated his list by saying “Too many.”", "posted a message reading “Thank you
    Georgia” moments after …", "responded with chants of “I'm with her” until …": a
    sentence quoted right after a word that labels it as words said or written is what was
    said, whole; the phrase before it (the object, the setting) and the narration after it
    are the writer's. Only when neither a finite verb nor a subject pronoun comes before
    the label, so the words are not the end of a longer reported clause ("said he would be
    yelling at people saying “Hey, vote for me”")."""
    inside = [q for q in quotes if start <= q.start and q.end <= end + 1]
    if len(inside) != 1 or not inside[0].parts:
        return None
    q = inside[0]
    if not text[q.parts[0][0] : q.parts[0][0] + 1].isupper():
        return None
    m = _LABEL.search(text, max(start, q.start - 20), q.start)
    if m is None:
        return None
    lead = [w.strip(",.;:").lower() for w in text[start : m.start()].split()]
    if any(finite(w) or w.split("’")[0].split("'")[0] in _PERSONAL for w in lead):
        return None
    return q


def cried_quote(text: str, quotes: list[Quote], start: int, end: int, found: Found) -> Quote | None:
    """ "Wilson yelled “You lie!” at the president during …", "chanted “Close the border!”
    as Hale took the stage": the words a verb of crying out takes, a sentence of their own
    opening right after it, are what was cried; what follows the closing mark (at whom,
    when, while what) is the writer's narration, which annotators leave out."""
    if found.cue is None or text[found.cue[0] : found.cue[1]].lower() not in lx.SHOUT_VERBS:
        return None
    inside = [q for q in quotes if start <= q.start and q.end <= end + 1]
    if len(inside) != 1 or not inside[0].parts:
        return None
    q = inside[0]
    if text[found.cue[1] : q.start].strip(" ,:") or not text[q.parts[0][0]].isupper():
        return None
    return q if text[q.end : end].strip(" ,.;") else None


# "he’d be doing … saying “…”": a subject pronoun before the label ("it" is as often an
# object: "challenged it … under the slogan “…”").
_PERSONAL = lx.PERSONAL_PRONOUNS - {"it"}


def labelled_quote_before(lead: str) -> bool:
    """Whether ``lead``, the words before a quotation's opening mark, ends in a label
    (:func:`labelled_quote`)."""
    return _LABEL.search(lead.rstrip("“\"'")) is not None


# A word that labels the quotation after it as words said or written, with no comma
# between ("by saying “…”", "a sign reading “…”", "chants of “…”"). "the slogan “…”" is
# left out: on train the one such case gained a match whose annotator credits "the slogan"
# itself, so the party we credit was judged a wrong speaker.
_LABEL = re.compile(r"\b(?:saying|reading|chants? of)\s*\Z")


def introduced_quote(
    text: str, quotes: list[Quote], start: int, end: int, cue: Span | None
) -> tuple[Quote, int] | None:
    """ "…, put out a note on Friday saying, “We never …”", "and then said, “Nobody …”",
    "…, Ruiz shot back: “If they …”": a sentence quoted whole after a cue and a comma, or
    after a colon, at the end of a clause an earlier cue reached over, is said for itself;
    the clause before it is narration. The quotation, and where its introducing word ends."""
    first = next((q for q in quotes if start < q.start and q.end <= end + 1), None)
    if first is None or not first.parts or end > first.end + 1:
        return None
    inner = first.parts[0][0]
    if not text[inner : inner + 1].isupper():
        return None  # "said the tax was not their fault, “not by a long shot.”"
    m = _INTRODUCER.search(text, max(start, inner - 40), inner)
    if m is None or (cue is not None and (cue[1] == m.end(1) or cue[0] > first.start)):
        # No introducer, or the reading's own cue ("X said: “…”"), or a trailer that
        # reports the whole sentence ("…: “…,” according to a letter").
        return None
    word = m.group(1).lower()
    if m.group(2) == ":" and _that_clause_to_colon(text, start, m.start(1)):
        return None
    if m.group(2) == "," and not (
        word in lx.CUE_WORDS and (word.endswith("ing") or past_tense(word))
    ):
        return None  # "only to have her ask, “…”": a report inside the clause
    return first, m.end(1)


def _that_clause_to_colon(text: str, start: int, end: int) -> bool:
    """ "Vale adds that the council has two choices: “Build it or sell it.”": a reported
    "that" clause running into a colon says the speaker's point, and the quotation after
    the colon spells it out in their words; the two are one report, not narration and a
    quotation. Not when a cue inside the clause introduces the quotation for someone else
    ("adding that Okafor said of the plan: “…”"), nor for a relative "that", which a verb
    follows ("answered with a line that could be his rival's: “…”")."""
    lead = text[start:end].split()
    if len(lead) < 2 or lead[0].lower() != "that" or finite(lead[1]):
        return False
    return not any(w.strip(",;").lower() in lx.CUE_WORDS for w in lead[1:])


# A word, then a comma or a colon, right before the quotation mark.
_INTRODUCER = re.compile(r"(\w+)\s*([,:])\s*(?:“|\"|'')\Z")
