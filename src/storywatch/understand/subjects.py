"""Who speaks when no name or pronoun stands right before the cue.

News copy often puts the speaker away from the verb: a participle or an infinitive hangs
on the sentence's subject ("The mayor left no doubt, saying that “…”", "was prompted to
say, “…”", "upon saying, “…”"); a "who" clause sits between subject and cue ("A dock worker
who asked not to be named said"); a determined noun phrase opens the clause ("In a
statement, the network said …"); a verb joined by "and" or a participle shares the subject
of the clause it hangs on, even after an opening clause ("Asked about it, Ruiz shook her
head and said, “No.”"). Each helper answers with the speaker's span or ``None``.
"""

from __future__ import annotations

import re

from storywatch.understand import lexicon as lx
from storywatch.understand.chunks import plausible, verb_or_aux
from storywatch.understand.lexicon import words_of as _words
from storywatch.understand.phrases import _np_before, clause_subject
from storywatch.understand.spans import (
    _DETERMINERS,
    Sentence,
    Span,
    _inside,
    subject_end,
    subject_floor,
)
from storywatch.understand.text import Word


def governed(before: str, cue: str) -> bool:
    """A cue governed by a preposition ("by saying", "upon asking") or by "to" ("to say")."""
    if cue.endswith("ing"):
        return before in _GERUND_PREPOSITIONS
    return before == "to" and not cue.endswith(("ed", "s"))


def hypothetical(words: list[Word], k: int) -> bool:
    """ "his eyes gleaming, as if to say, “…”", "if you tell them, “…”", "who was not
    authorized to speak publicly": words nobody said (the second person after "if" or
    "when" is anyone at all; leave to speak is no speech)."""
    if k < 2:
        return False
    before = [w.text.lower() for w in words[max(0, k - 3) : k - 1]]
    if words[k - 1].text == "to" and before[-1] in _LEAVE:
        return True  # "who was not authorized to speak publicly": a source's anonymity
    return before[-2:] == ["as", "if"] or (
        words[k - 1].text.lower() == "you" and before[-1] in _CONDITIONS
    )


_CONDITIONS = frozenset(("if", "when", "whenever", "unless", "once"))
# Leave to speak, granted or not ("not authorized to discuss the talks"): no act of speech.
_LEAVE = frozenset(("authorized", "allowed", "permitted", "cleared", "empowered"))


_GERUND_PREPOSITIONS = frozenset(("by", "upon", "after", "before", "while", "on"))


def governing_subject(text: str, s: Sentence, k: int) -> Span | None:
    """ "When he returned he began by saying, “…”", "Ruiz tried to laugh it off by
    interjecting, “…”": the subject of the nearest verb before the preposition (or "to")
    that governs the cue at ``k``, within its clause."""
    words = s.words
    for i in range(k - 2, max(-1, k - 2 - _GOVERNING_REACH), -1):
        w = words[i]
        if _inside(s.quotes, w.start) or "," in text[w.end : words[i + 1].start]:
            return None
        low = w.text.lower()
        if not w.text[:1].islower() or not verb_or_aux(low):
            continue
        j = subject_end(words, i)
        return _np_before(text, words, j, subject_floor(text, s, words[j].start), loose=True)
    return None


# Words between the governing verb and the preposition: "laugh it off", "me in mid-sentence".
_GOVERNING_REACH = 5


def gerund_that_subject(text: str, s: Sentence, k: int) -> Span | None:
    """ "Vale landed in trouble last week by saying that the judge was “biased”", "after
    claiming that …": a gerund cue after a preposition, reporting a "that" clause (the
    caller asks only with a quotation after the cue); the subject of the verb the
    preposition hangs on speaks, or else the noun phrase that opens the sentence."""
    words = s.words
    if k < 2 or not words[k].text.endswith("ing") or not governed(words[k - 1].text, words[k].text):
        return None
    if _THAT.match(text, words[k].end) is None:
        return None
    return governing_subject(text, s, k) or opening_subject(text, s, k)


_THAT = re.compile(r"\s+that\s")


def opening_subject(text: str, s: Sentence, k: int) -> Span | None:
    """ "The president left no doubt about it, saying that “…”": the noun phrase that opens
    the sentence, up to its verb, is who speaks through a participle after a comma. The
    quotation after the participle is what makes any determined noun phrase plausible."""
    words = s.words
    i = 0
    if words and (words[0].text.lower() in _OPENERS or words[0].text.endswith("ing")):
        comma = text.find(",", words[0].end, words[k].start)
        if comma < 0:
            return None
        while i < k and words[i].start < comma:
            i += 1
    out: list[Word] = []
    for w in words[i:k]:
        low = w.text.lower()
        if _inside(s.quotes, w.start) or (out and "," in text[out[-1].end : w.start]):
            return None
        # "The retired neurosurgeon has …": right after "the", a participle describes.
        described = low.endswith("ed") and out[-1:] and out[-1].text.lower() in _DETERMINERS
        if out and w.text[:1].islower() and verb_or_aux(low) and not described:
            break
        out.append(w)
        if len(out) > 6:
            return None
    if not out or not plausible(text, out, loose=True):
        return None
    return out[0].start, out[-1].end


_OPENERS = _words("in on at after before during since with from for by as but and yet so")


def speaking_opening_subject(text: str, s: Sentence, k: int) -> Span | None:
    """ "The company cut its forecast, saying demand had weakened", "The judge denied the
    motion, writing that …": with no quotation after the participle, the opening noun
    phrase speaks through it when it could speak anywhere (a name, or a determiner and a
    speaking noun: "The company", "The FDA"), not any noun phrase ("The decision came
    days later, saying …" is nobody's)."""
    words = s.words
    if words[k].text.lower() in lx.SHOUT_VERBS or (
        k + 1 < len(words) and words[k + 1].text in ("and", "or")
    ):
        return None  # "clapping, singing, chanting and waving": a scene, not a report
    span = opening_subject(text, s, k)
    if span is None:
        return None
    predicate = [w for w in words[:k] if w.start > span[1]]
    if not predicate or text[span[1] : predicate[0].start].strip():
        # "One man, responding to …, interrupted": the participle is set off inside the
        # subject's own clause, before its verb; it describes the subject.
        return None
    np = [w for w in words if span[0] <= w.start and w.end <= span[1]]
    return span if plausible(text, np) else None


def clause_subject_np(text: str, s: Sentence, j: int, floor: int) -> Span | None:
    """ "In a statement, the network said that Cruz's description was “false.”": with a
    quotation after the cue, a determined noun phrase that opens its clause is the speaker
    even when its head is no speaking noun (not a time: "the past", "two weeks ago")."""
    np = _np_before(text, s.words, j, floor, loose=True)
    if np is None:
        return None
    lead = text[s.start : np[0]].rstrip()
    if lead in ("As", "as") or lead.endswith((", as", ", As")):
        lead = lead[:-2].rstrip()  # "As one employee told the paper, “…”"
    if lead and not lead.endswith(","):
        return None
    head = text[np[0] : np[1]].split()[-1].lower()
    if head in _TIME_HEADS or not head.isalpha():
        return None
    return np


_TIME_HEADS = _words(
    """past future time times day days week weeks month months year years ago moment point
    morning afternoon evening night weekend hour hours minute minutes"""
)


def relative_subject(text: str, s: Sentence, j: int) -> Span | None:
    """ "A dock worker who asked not to be named … said": the noun phrase before a "who"
    clause with no comma in it is the subject of the cue after the clause."""
    words = s.words
    for h in range(j - 1, 0, -1):
        if words[h].text != "who" or _inside(s.quotes, words[h].start):
            continue
        if "," in text[words[h].end : words[j].start]:
            return None
        # The noun phrase opens the sentence or the clause after a comma ("Although …, a
        # White House official who spoke anonymously … said").
        first = h
        while first > 0 and "," not in text[words[first - 1].end : words[first].start]:
            first -= 1
        np = words[first:h]
        if not np or len(np) > 6:
            return None
        if plausible(text, np, loose=True):  # "who" says it is someone
            return np[0].start, np[-1].end
        return None
    return None


def coordinated_subject(text: str, s: Sentence, k: int) -> Span | None:
    """ "Asked about it on Monday, Mrs. Ruiz shook her head and said, “No.”" / "On Thursday,
    after weeks of silence, Ruiz appeared on television, saying, “…”": a verb joined by
    "and", or a participle after a comma, shares the subject of the clause it hangs on.
    That is the nearest comma-bounded clause before the cue that opens with a name or a
    pronoun followed by a lowercase word (its verb); an introductory phrase ("On Thursday",
    "after weeks of silence") opens with neither and is passed over."""
    words = s.words
    starts = [0] + [
        i
        for i in range(1, k)
        if "," in text[words[i - 1].end : words[i].start] and not _inside(s.quotes, words[i].start)
    ]
    for i in reversed(starts):
        span = _leading_subject(text, words, i, k)
        if span is not None:
            return span
    return None


def _leading_subject(text: str, words: list[Word], i: int, k: int) -> Span | None:
    """A name run or a personal pronoun at ``words[i]`` followed by a lowercase word."""
    first = words[i]
    low = first.text.lower()
    if low in _SUBJECT_PRONOUNS:
        j = i + 1
    elif first.text[:1].isupper() and (low in _HONORIFICS or low not in _NOT_SUBJECTS):
        j = i + 1
        while j < k and words[j].text[:1].isupper() and j - i < 5:
            if text[words[j - 1].end : words[j].start] not in (" ", ". "):
                return None
            j += 1
    else:
        return None
    if j >= k or not words[j].text[:1].islower() or words[j].text.lower() in _NOT_VERBS:
        return None
    if text[words[j - 1].end : words[j].start] != " ":
        return None
    return first.start, words[j - 1].end


_SUBJECT_PRONOUNS = frozenset(("he", "she", "they", "we", "i"))
_HONORIFICS = frozenset(("mr", "mrs", "ms", "dr"))
# Capitalised words that open no subject: "However", "In", "But" (built once, not per word).
_NOT_SUBJECTS = lx.NOT_NAMES | _OPENERS
# A lowercase word after a capitalised run that shows it was no subject ("Warren of …").
_NOT_VERBS = _words("of and or who which that whose to in on at for from with by")


def opening_name(text: str, s: Sentence) -> Span | None:
    """The subject a joined verb shares: a pronoun or a full name (two words or more) that
    opens the sentence. A single capitalised word there is too often something else
    ("Hastily", "Eight")."""
    subject = clause_subject(text, s)
    if subject is None or not s.words or subject[0] != s.words[0].start:
        return None
    written = text[subject[0] : subject[1]]
    if written.lower() in lx.PERSONAL_PRONOUNS or len(written.split()) >= 2:
        return subject
    return None


def recurring_name(text: str, subject: Span | None) -> Span | None:
    """A one-word subject that the article also writes capitalised inside a sentence
    ("… said Carson"), so it is a name and not an opening adverb ("Hastily")."""
    if subject is None:
        return None
    word = text[subject[0] : subject[1]]
    if " " in word or not word[:1].isupper():
        return None
    inside = re.search(r"[a-z,] " + re.escape(word) + r"\b", text)
    return subject if inside is not None else None


def _subject_after_opener(text: str, s: Sentence, k: int) -> Span | None:
    """ "As the polls opened, the union sent a letter and urged members to “…”": after an
    opening phrase and its comma, a noun phrase with a determiner opens the main clause, and
    is the subject a joined verb shares as a name would be."""
    words = s.words
    if not words or words[0].text.lower() not in _OPENERS:
        return None
    subject = opening_subject(text, s, k)
    if subject is None or text[subject[0] : subject[1]].split()[0].lower() not in _DETERMINERS:
        return None
    return subject


def joined_name(text: str, s: Sentence, k: int) -> Span | None:
    """ "McConnell was quick to embrace the mogul and said that Trump will be “very
    competitive”", "However, Adelson met with Trump and declared that …": the name that
    opens the clause (one word only when it recurs in the article) is the subject a verb
    joined by "and" shares, when its own verb follows it and no cue between them reports a
    clause that could hold the joined verb ("Kasich says he'd sit Putin down and tell him
    “…”")."""
    subject = clause_subject(text, s)
    if subject is not None and " " not in text[subject[0] : subject[1]]:
        subject = recurring_name(text, subject)
    if subject is None:
        subject = _subject_after_opener(text, s, k)
    if subject is None:
        return None
    words = s.words
    after = [w for w in words[1:k] if w.start >= subject[1]]
    if not after or _inside(s.quotes, after[0].start):
        return None
    if any(w.text.lower() in lx.CUE_WORDS for w in after):
        return None
    return subject
