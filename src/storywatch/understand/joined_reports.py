"""A verb of saying joined by "and" or "but" to the clause's first verb, with a reported
clause and no quotation after it: "The spokesman defended the route and said the police had
trained for months", "Okafor declined to name the buyers but said two were local". The
joined verb shares the subject of the verb it is joined to, as it does before a quotation
(:func:`~storywatch.understand.subjects.joined_name`).

Some shapes only look like it and are passed over: a trailer at the sentence's end makes
the whole sentence the clause someone else reported ("Ruiz left the room and said nothing,
people at the session said"); a subject before a subordinate or relative clause that holds
the joined verb ("Vale signed it, while the mayor toured the docks and said …", "Ruiz, who
toured the port and said …, left") is not its subject; a bare "say" is an infinitive ("did
not come out and say …"); and a sentence with a quotation is left to the quotation layouts.
"""

from __future__ import annotations

import re

from storywatch.understand import lexicon as lx
from storywatch.understand.spans import Sentence, Span
from storywatch.understand.subjects import (
    coordinated_subject,
    joined_name,
    opening_name,
    opening_subject,
)
from storywatch.understand.text import Word

# Verbs that report words, not a belief, a finding or an act of writing ("wrote his thesis",
# "explained its consequences", "claimed self-defense"), in the forms a finite verb takes: a
# bare "say" is an infinitive or a question's verb ("did not come out and say", "Does the
# candidate … and say the wrong thing?"), whose words nobody said.
_SAYING = lx.words_of(
    """
    said says added adds argued argues insisted insists acknowledged acknowledges conceded
    concedes contended contends noted notes stressed stresses emphasized emphasizes told tells
    """
)
_JOINERS = frozenset(("and", "but"))
# Words that open a subordinate clause: its subject need not be the main clause's.
_SUBORDINATORS = lx.SUBORDINATORS | lx.words_of("unless whereas once")
# Words between the subject and the joined verb that open a clause of their own, whose
# subject may be another ("Jindal signed an order, while Vale proposed … and said …") or
# which the main clause goes on after ("Ruiz, who toured the port and said …, left").
_CLAUSE_OPENERS = lx.words_of(
    "while when whereas although though because unless if who whom whose which where"
)
# A trailer closing the sentence (", people familiar with the session said.", ", according
# to an aide."): the whole sentence is what someone else reported.
_TRAILER = re.compile(
    r",[^,]{0,120}?\b(?:according to|" + "|".join(sorted(lx.CUE_WORDS)) + r")\b[^,]{0,60}\Z"
)
_TIME_HEADS = lx.words_of(
    "time day days week weeks month months year years moment minute minutes hour hours later"
)
_TELL_REACH = 6


def joined_report_subject(text: str, s: Sentence, k: int) -> Span | None:
    """The subject that ``s.words[k]``, a verb of saying after "and"/"but", shares with the
    clause's first verb, or ``None`` when the shape does not hold. Only sentences with no
    quotation: with one, the layouts that read quotations decide."""
    words = s.words
    if s.quotes or k < 2 or words[k - 1].text.lower() not in _JOINERS:
        return None
    verb = words[k].text.lower()
    if verb not in _SAYING or (verb in ("told", "tells") and not _that_soon(words, k)):
        return None  # "told stories of how …": a thing told, not a clause
    if _TRAILER.search(text, words[k].end, s.end) is not None:
        return None
    subject = (
        opening_name(text, s)
        or joined_name(text, s, k)
        or coordinated_subject(text, s, k)
        or opening_subject(text, s, k)
    )
    if subject is None or _subordinate(s, subject) or _clause_between(s, subject, k):
        return None
    cut = text.find(" (", subject[0], subject[1])
    if cut > subject[0]:
        subject = (subject[0], cut)  # "Gov. Rick Scott (R) blasted …": the party is no name
    if not _plain_subject(text, subject):
        return None
    return subject


def _plain_subject(text: str, subject: Span) -> bool:
    """Whether the span reads as the clause's subject: not a time ("A few minutes later
    they …"), a dateline's bracketed credit ("(Reuters) - Okafor met …"), an owner ("the
    Harbour Authority's chief Vale runs …"), or a run past a verb into a clause ("a narrator
    reminds viewers that Vale …")."""
    written = text[subject[0] : subject[1]].split()
    if any(w.lower() in _TIME_HEADS or w == "that" for w in written):
        return False
    last = written[-1].lower()
    if last.endswith(("'s", "’s")) and last[:-2] not in lx.PERSONAL_PRONOUNS:
        return False  # (not "She's a supporter but concedes …")
    return _NOT_SUBJECT_NEXT.match(text, subject[1]) is None


# After a subject: a closing bracket, a spaced dash, or a possessive ending.
_NOT_SUBJECT_NEXT = re.compile(r"[)\]]|\s+[-–—]|['’]s?\b")


def _that_soon(words: list[Word], k: int) -> bool:
    """ "told The Herald on Monday that …": "tell" reports a clause through "that" after its
    listener."""
    return any(w.text == "that" for w in words[k + 1 : k + 1 + _TELL_REACH])


def _subordinate(s: Sentence, subject: Span) -> bool:
    """The subject follows a subordinating word ("while Vale proposed …"): its clause is not
    the sentence's main one."""
    before = [w for w in s.words if w.end <= subject[0]]
    return bool(before) and before[-1].text.lower() in _SUBORDINATORS


def _clause_between(s: Sentence, subject: Span, k: int) -> bool:
    """A clause opens between the subject and the joined verb, which may be that clause's."""
    return any(w.text.lower() in _CLAUSE_OPENERS for w in s.words[:k] if w.start >= subject[1])
