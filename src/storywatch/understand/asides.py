"""Attributions set off inside a sentence, and the sentence around them.

"Despite his “…,” Quill wrote, Lazar is …", "Any “clear” reading, said Tomas Berg, a port
expert, would see …", "The harbour, according to the council, will be “…”": an attribution
between commas reports the sentence on both sides of it, in two parts (annotators and
readers take it as one act). "…, said Jeffery Hemsley, …" after a clause is the inverted
trailer: the clause before it is what was said.
"""

from __future__ import annotations

import re

from storywatch.understand import lexicon as lx
from storywatch.understand.clauses import _OBJECTS, TELL_LEMMAS
from storywatch.understand.finite_verbs import FINITE_AUXILIARIES, finite
from storywatch.understand.partial_tails import OCCASION, others_respond, turn_end
from storywatch.understand.phrases import _np_after
from storywatch.understand.spans import (
    CLOSING_MARKS,
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
from storywatch.understand.works import content_ahead


def parenthetical(text: str, s: Sentence, found: Found) -> Found:
    """ "Despite his “brash on-line personality,” public defender Shannon Quill wrote, Lazar is
    a devoted father": an attribution set off by commas inside the sentence reports the
    whole sentence around it, in two pieces."""
    if found.speaker is None or found.cue is None or len(found.parts) != 1:
        return found
    if found.speaker[1] > found.cue[0]:
        return found  # "…,” said Steve Bell, senior director …": an appositive follows
    whole = is_whole_quote(text, found)
    goes_on = whole and (_opens_lowercase(text, found.parts[0]) or _topic_first(text, s))
    if whole and not goes_on:
        # "As boos erupt, the executive says, “Please quiet down.”": the quotation alone is
        # what was said.
        return found
    left = min(found.speaker[0], found.cue[0])
    right = _listener_end(text, s, found.cue, max(found.speaker[1], found.cue[1]))
    right = _occasion_end(text, s, right)
    head = text[s.start : left].rstrip()
    tail = text[right : s.end]
    if not head.endswith((",", ",”", ',"', ",''")) or not tail.startswith(","):
        return found
    first = text[s.start : s.start + 12].lstrip().split(" ", 1)[0]
    if first in _SETTING_OPENERS and not goes_on:
        return found  # "When asked by a host if …, the mayor said, …": when, not what
    if PARTICIPLE_NEXT.match(tail):
        return found  # "…, he said, adding that": a second act
    if head.endswith(CLOSING_MARKS) and _FRAMING.match(tail):
        # "… “end all the kinds of health care we know,” Clinton declared, in the latest
        # escalation of words …": after a closed quotation, the writer frames the act.
        return found
    if others_respond(text, right, s.end):
        return found  # "“…,” Ruiz said, but critics disagreed": the writer goes on
    if text[s.start] in "“\"'‘" and _quote_runs_to(text, s, len(head)):
        return found  # "“…,” he said, …": a trailer
    h0, h1 = _trim(text, s.start, s.start + len(head))
    h0 = _interrupted_clause(text, s, h0, h1)
    colon = text.rfind(":", h0, h1)
    if colon >= 0 and not _inside(s.quotes, colon):
        # "Cruz was more restrained: the caucuses, he said, “reward …”": what the colon
        # opens is what was said; the writer's sentence before it is not.
        h0 = _trim(text, colon + 1, h1)[0]
    t0, t1 = _trim(text, right + 1, s.end)
    t1 = turn_end(text, s.quotes, t0, t1)  # "…, Ruiz said, was “a tax,” but critics …"
    head_words = _words_between(s, h0, h1)
    if len(_words_between(s, t0, t1)) < 2 or not (
        len(head_words) >= 2 or _lone_subject(text, head_words)
    ):
        return found
    if goes_on and len(head_words) > _LONGEST_LEAD:
        return found  # a long lead is narration the quotation only ends
    if _closes_at(text, h1):
        h1 += 1
    if _closes_at(text, t1):
        t1 += 1
    direct = _has_quote(s.quotes, h0, h1 + 1, text) or _has_quote(s.quotes, t0, t1 + 1, text)
    return Found(((h0, h1), (t0, t1)), direct, found.speaker, found.cue, s.index)


def _topic_first(text: str, s: Sentence) -> bool:
    """ "Of the scrutiny over the levy, she said, “It's a little much.”", "As for the ferry
    cuts, Ruiz said, “…”": a sentence that opens on what the speaker spoke of (the "said of"
    put first) sets the quotation's subject; annotators and readers take it with the words."""
    return _TOPIC_OPENER.match(text, s.start) is not None


# "Of …", "As for …", "As to …", "Regarding …": the topic of the act that follows.
_TOPIC_OPENER = re.compile(r"\s*(?:Of|As for|As to|Regarding|On the subject of) [\w’'“\"]")


def _lone_subject(text: str, head: list[Word]) -> bool:
    """ "Ryan, he said, “has a choice to make.”": one capitalised word before the aside, a
    name that opens the sentence, is the subject of the clause the aside interrupts."""
    if len(head) != 1:
        return False
    return head[0].text[:1].isupper() and head[0].text.lower() not in lx.NOT_NAMES


def _listener_end(text: str, s: Sentence, cue: Span, right: int) -> int:
    """ "The new chair, aides told the Gazette, has been chosen": a verb of telling set off
    inside the sentence names its listener before the closing comma; the aside runs to the
    end of the listener (a name, a pronoun or a short noun phrase with no verb or "that"),
    not what was said."""
    if cue[1] != right or lx.CUE_LEMMA.get(text[cue[0] : cue[1]].lower()) not in TELL_LEMMAS:
        return right
    after = [w for w in s.words if w.start >= cue[1]][:_LISTENER_WORDS]
    for n, w in enumerate(after):
        if _inside(s.quotes, w.start) or w.text.lower() in _NOT_LISTENER:
            return right
        if text.startswith(",", w.end):
            return w.end if n or _one_word_listener(w.text) else right
    return right


def _occasion_end(text: str, s: Sentence, right: int) -> int:
    """ "The bill, Okafor said Monday, is “dead on arrival.”", "… said in a statement on
    Tuesday, is …": when or where the words were said, after the aside's verb and before its
    closing comma, belongs to the aside, not to what was said."""
    m = OCCASION.match(text, right)
    if m is None:
        return right
    comma = text.find(",", m.end(), s.end)
    if comma < 0 or any(q.start < comma for q in s.quotes if q.start >= right):
        return right
    rest = text[m.end() : comma].split()
    if rest and rest[0] not in _OCCASION_GOES_ON:
        return right  # "argued Tuesday the plan, which …": what was said came on
    if len(rest) > _OCCASION_WORDS or any(w.lower() in lx.CUE_WORDS for w in rest):
        return right
    return comma


# A phrase of the writer's after an aside that closed a quotation: how the act stands.
# ("in which" opens a relative clause on the quotation's words, which goes on with them.)
_FRAMING = re.compile(
    r",\s+(?:in|amid|ahead|after|before|during|as|following|with)\b(?! which| whom)"
)

# Words after the occasion's head ("in an interview" + "with the Post") before the comma,
# and the words that may open them.
_OCCASION_WORDS = 5
_OCCASION_GOES_ON = lx.words_of("with on in at to from last this night afterward later earlier")


def _one_word_listener(word: str) -> bool:
    """A listener in one word: a name ("POLITICO"), an object pronoun or a plural noun
    ("friends", "donors"), not a day or an adverb ("told Tuesday", "told privately")."""
    if word in _OBJECTS or word[:1].isupper():
        return word.lower() not in lx.WEEKDAYS
    return word.endswith("s") and not word.endswith(("ss", "ly"))


# A listener is a few words ("the Gazette", "Harbor Radio", "reporters"); a word of these
# after the verb starts what was said or how.
_LISTENER_WORDS = 4
_NOT_LISTENER = lx.words_of("that in on at during after before with when while if as")


def _quote_runs_to(text: str, s: Sentence, end: int) -> bool:
    """ "“The pier is gone,” she said, …": the quotation opening the sentence runs up to
    the aside, which is then its trailer. " “A big wave” swept the pier, she said, and …":
    narration follows the quotation before the aside, which sets off the sentence."""
    q = s.quotes[0] if s.quotes else None
    return q is None or not text[q.end : s.start + end].strip(" ,")


def _interrupted_clause(text: str, s: Sentence, h0: int, h1: int) -> int:
    """ "Okafor said the towns had split the grant, which is a result, she said, “we had long
    expected.”": when the words before the aside already hold a report of their own (a cue
    of saying), the aside reports only the clause it interrupts, from the last ", which",
    ", who" or dash; the words before that are the first report."""
    cut = max((m.end() for m in _CLAUSE_BREAK.finditer(text, h0, h1)), default=h0)
    if cut == h0:
        return h0
    if not any(w.text.lower() in lx.CUE_LEMMA for w in s.words if h0 <= w.start < cut):
        return h0
    return _trim(text, cut, h1)[0]


_CLAUSE_BREAK = re.compile(r", (?=(?:which|who) )| (?:—|--|-) ")

# The most words before "X said, “…" that a lower-case quotation still finishes.
_LONGEST_LEAD = 16
_SETTING_OPENERS = frozenset(("When", "As", "Asked", "While", "After", "Before", "If", "Once"))


def inverted(text: str, s: Sentence, k: int) -> Found | None:
    """ "Trump's misinformation may be “strategic,” said Jeffery Hemsley, …": the cue comes
    after the content and before its speaker."""
    cue = s.words[k]
    before = text[s.start : cue.start].rstrip()
    if not before.endswith((",", ",”", ',"', ",''", ",’’")) or _reports_clause(s, k):
        return None
    speaker = _np_after(text, s.words, k + 1)
    if speaker is None or _inside(s.quotes, speaker[0]):
        return None  # "…, writing “Allow me to …”": the words after the cue are quoted
    if _subject_of_report(text, s, speaker):
        return None
    start, end = _trim(text, s.start, s.start + len(before))
    tail = _tail_after_aside(text, s, speaker[1])
    if tail is not None:
        # "Any “clear” reading, said Tomas Berg, a port expert, would see …" / "But, said
        # Berg, “I do not …”": the sentence goes on after the speaker; both sides are what
        # was said (a lone conjunction before the cue is not).
        t0, t1 = tail
        direct = _has_quote(s.quotes, start, end + 1, text) or _has_quote(s.quotes, t0, t1, text)
        whole = next((q for q in s.quotes if q.start == t0 and q.end >= t1), None)
        if _closes_at(text, t1):
            t1 += 1
        if len(_words_between(s, start, end)) < 2:
            parts = whole.parts if whole is not None else ((t0, t1),)
            return Found(tuple(parts), direct, speaker, (cue.start, cue.end), s.index)
        if _closes_at(text, end):
            end += 1
        return Found(((start, end), (t0, t1)), direct, speaker, (cue.start, cue.end), s.index)
    if len(_words_between(s, start, end)) < 3:
        return None
    if lx.CUE_LEMMA[cue.text.lower()] in lx.WEAK_CUES and _governs_later_quote(text, s, speaker[1]):
        return None
    return content_ahead(text, s, start, end, speaker, cue)


def _subject_of_report(text: str, s: Sentence, speaker: Span) -> bool:
    """ "The Rev. Calvin Foster, 58, pastor of a church in Orangeburg, said Clinton had
    “shown up”": a verb right after the name ("had", "was", "would", a past tense) makes the
    name the subject of the clause the cue reports, not a speaker written after it; the
    words before the comma are the speaker and their appositive."""
    inside = [w for w in s.words if speaker[0] < w.start and w.end <= speaker[1]]
    if any(w.text.lower() in FINITE_AUXILIARIES for w in inside):
        return True  # (the phrase reader may have run on into the verb: "Clinton had")
    nxt = next((w for w in s.words if w.start >= speaker[1]), None)
    if nxt is None or text[speaker[1] : nxt.start] != " " or not nxt.text[:1].islower():
        return False
    return finite(nxt.text) and nxt.text.lower() not in lx.CUE_WORDS


def _reports_clause(s: Sentence, k: int) -> bool:
    """ "…, and obtained by AP, concluded that the centre qualified as a “foreign principal”":
    a cue followed by "that" and a clause subject reports a clause; the noun phrase after
    "that" is that clause's subject, not a speaker written after the cue ("…, said Tomas
    Berg", "…, said that official")."""
    words = s.words
    if k + 2 >= len(words) or words[k + 1].text != "that":
        return False
    nxt = words[k + 2].text
    return nxt[:1].isupper() or nxt.lower() in _CLAUSE_OPENERS


# Words that open the subject of a clause after "that" ("that the centre", "that his
# party"); after "said that" a plain noun is a demonstrative's ("said that official").
_CLAUSE_OPENERS = lx.words_of(
    "the a an his her their its our my your this these those some many most no it he she "
    "they we i there"
)


def _governs_later_quote(text: str, s: Sentence, after: int) -> bool:
    """ "Kerry Washington, star of “Scandal,” thanked Obama for “taking these steps …”": after
    a verb that also acts ("thanked", "praised"), a quotation after the noun phrase with no
    comma between is what the verb governs; the noun phrase is its object and the words
    before the verb its subject, not an inversion ("said a former official who … described
    it as “…”" stays one)."""
    later = next((q for q in s.quotes if q.start >= after), None)
    return later is not None and not any(c in text[after : later.start] for c in ",;:")


def _tail_after_aside(text: str, s: Sentence, after: int) -> Span | None:
    """Where the sentence resumes after an inverted attribution and its appositive: the
    first comma or colon (of the next two) followed by a quotation or a finite verb."""
    pos = after
    for _ in range(2):
        comma = min(
            (p for p in (text.find(",", pos, s.end), text.find(":", pos, s.end)) if p >= 0),
            default=-1,
        )
        if comma < 0:
            return None
        rest = text[comma + 1 : s.end].lstrip()
        first = rest.split(" ", 1)[0] if rest else ""
        if rest[:1] in ("“", '"') or rest[:2] == "''" or finite(first):
            start, end = _trim(text, comma + 1, s.end)
            if len(_words_between(s, start, end)) >= 3:
                return start, end
            return None
        pos = comma + 1
    return None


def aside_around(text: str, s: Sentence, start: int, end: int, np: Span, cue: Span) -> Found | None:
    """ "The harbour, according to the council, will be “fully open” by June.": set off by
    commas inside a sentence, "according to" reports the sentence around it, in two parts
    (as :func:`parenthetical` does for a cue verb)."""
    if not text[end : cue[0]].strip().endswith(",") or text[np[1] : np[1] + 1] != ",":
        return None
    t0, t1 = _trim(text, np[1] + 1, s.end)
    t1 = turn_end(text, s.quotes, t0, t1)  # "…, was “fully open,” but critics doubt it"
    tail = len(_words_between(s, t0, t1))
    if t0 >= t1 or tail < 2 or (tail == 2 and not _has_quote(s.quotes, t0, t1 + 1, text)):
        return None  # ("…, according to the letter, remain “unchanged.”": two words will do)
    h1 = end
    if _closes_at(text, h1):
        h1 += 1
    direct = _has_quote(s.quotes, start, h1 + 1, text) or _has_quote(s.quotes, t0, t1 + 1, text)
    if _closes_at(text, t1):
        t1 += 1
    return Found(((start, h1), (t0, t1)), direct, np, cue, s.index)


def _opens_lowercase(text: str, part: Span) -> bool:
    """ "Instead, Axelrod said, “she started as …”": a quotation that opens in lower case
    finishes the sentence begun before the attribution, so it is not a sentence of its own."""
    inner = text[part[0] : part[1]].lstrip()
    return inner[:1].islower()


def is_whole_quote(text: str, found: Found) -> bool:
    start = found.parts[0][0] if found.parts else 0
    return start > 0 and text[start - 1] in "\"“'‘"


PARTICIPLE_NEXT = re.compile(r",\s+(?:[a-z]+ly\s+)?[a-z]+ing\b")
