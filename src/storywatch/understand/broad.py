"""Quotations governed by a verb outside the reporting lexicon.

"Trump defended his campaign manager as a “very decent man”", "Lewandowski ripped Comey for
acting as “the judge and the jury”": the verb is not a reporting verb in general, but with a
quotation in what it governs the sentence reports someone's words. These verbs
(:data:`~storywatch.understand.lexicon.QUOTE_CUES`) are tried only when the ordinary cues
found nothing, and only a content holding a quotation is kept. A verb of using with "the
words" or "the term" ("used the words, “…”") is read the same way, for the quotation alone.
"""

from __future__ import annotations

import re

from storywatch.understand import lexicon as lx
from storywatch.understand.chunks import person_noun
from storywatch.understand.contents import content_after
from storywatch.understand.finite_verbs import finite_clause
from storywatch.understand.phrases import _np_before, clause_subject, main_subject
from storywatch.understand.spans import (
    Found,
    Sentence,
    Span,
    _inside,
    asked_of,
    is_title_quote,
    subject_end,
    subject_floor,
)
from storywatch.understand.subjects import opening_subject
from storywatch.understand.text import Word
from storywatch.understand.writers_terms import writers_term


def broad_cue_led(text: str, s: Sentence) -> Found | None:
    """Subject, a quotation-governing verb, and a content with a quotation in it."""
    if not s.quotes:
        return None
    words = s.words
    for k, w in enumerate(words):
        low = w.text.lower()
        if not w.text[0].islower():
            continue
        if low not in lx.QUOTE_CUES and not _uses_words(words, k):
            continue
        j, speaker = verb_subject(text, s, k)
        if j == 0:
            continue
        if speaker is None and low.endswith("ing"):
            speaker = _participle_subject(text, s, j, k)
        if speaker is None and low.endswith("ing") and words[k - 1].text == "by":
            # "Comey couched his concern by repeating the phrase ''we assess''": the means
            # of the clause's act, so its subject speaks.
            speaker = clause_subject(text, s) or main_subject(text, s)
        if speaker is None:
            continue
        if low not in lx.QUOTE_CUES:
            # "used the words, “…”": the object only names the quotation, which is all
            # that was said.
            quote = next(q for q in s.quotes if q.start > w.end)
            return Found(quote.parts, True, speaker, (w.start, w.end), s.index)
        found = content_after(text, s, k, low, speaker)
        if found is not None and found.direct and _holds_words(text, s, found):
            return found
    return None


def broad_before_act(text: str, s: Sentence, found: Found) -> Found | None:
    """ "Ruiz pointed out that the levy was “a tax on ferries,” adding that fares would
    rise": the ordinary cues found only the participle's paraphrase after the quotation, so
    the verb outside the reporting lexicon before it ("pointed out", "was quoted as saying")
    was never tried. Its reading, when a reported clause that holds the quotation, is the
    sentence's first act (the participle stays as its follow-up); ``None`` when there is
    none."""
    if found.direct or found.cue is None or not found.parts:
        return None
    cue = text[found.cue[0] : found.cue[1]]
    if not cue.endswith("ing") or not any(q.end <= found.cue[0] for q in s.quotes):
        return None
    broad = broad_cue_led(text, s)
    if broad is None or broad.cue is None or broad.cue[1] > found.cue[0]:
        return None
    lead = text[broad.cue[1] : broad.parts[0][0]].split() + text[broad.parts[0][0] :].split()[:1]
    if "that" in lead or lead[:2] == ["as", "saying"]:
        return broad
    # Only a reported clause, with a finite verb of its own ("pointed out Tuesday the levy
    # was “…”", "… the “reckless” levy would hurt crews"): "blamed his slip on a “bad
    # earpiece,” claiming …" names a cause, and annotators leave it to the participle.
    return broad if finite_clause(text, (broad.parts[0][0], broad.parts[-1][1])) else None


def _holds_words(text: str, s: Sentence, found: Found) -> bool:
    """Some quotation in the content is more than a term the writer marks ("opposed the
    so-called “reform”", "focuses on “benchmarks” (the figures …)",
    :func:`~storywatch.understand.writers_terms.writers_term`): the verb reads a statement
    only for words someone said. A term modifying a noun counts as said here: under these
    verbs ("cited another “trap” debate", "chided Ruiz over the “natural born” test") the
    PolNeAR annotators give it to the subject."""
    start, end = found.parts[0][0], found.parts[-1][1]
    return any(
        q.start >= start - 1 and q.end <= end + 1 and not writers_term(text, q, modifier=False)
        for q in s.quotes
    )


def _uses_words(words: list[Word], k: int) -> bool:
    """ "When Trump used the words, “I'm not quite there yet,” he …", "coined the term
    ''…''": a verb of using with "the words" or "the term" as its object gives the
    quotation as its subject's words."""
    return (
        words[k].text in _USING
        and k + 2 < len(words)
        and words[k + 1].text == "the"
        and words[k + 2].text in _WORDS_NOUNS
    )


_USING = lx.words_of("used uses uttered utters coined coins employed")
_WORDS_NOUNS = lx.words_of("words word phrase term line slogan expression")


def verb_subject(text: str, s: Sentence, k: int) -> tuple[int, Span | None]:
    """For a verb at ``words[k]`` outside quotation marks with a quotation after it: where
    its subject ends (``j``, the word after the subject, past auxiliaries; 0 when nothing
    comes before) and the noun phrase written there, if any."""
    words = s.words
    w = words[k]
    if _inside(s.quotes, w.start) or not any(
        q.start > w.end and not is_title_quote(text, q) for q in s.quotes
    ):
        return 0, None
    j = subject_end(words, k)
    if j == 0:
        return 0, None
    floor = subject_floor(text, s, words[j - 1].start)
    found = _np_before(text, words, j, floor)
    if found is None:
        # "The radioman pointed out that …": a noun for a person the speaking lexicon
        # lacks. Only such a head is taken from the looser reading, which would also give
        # "the stage" or "a statement Thursday night".
        loose = _np_before(text, words, j, floor, loose=True)
        found = loose if loose is not None and person_noun(_head(text, loose)) else None
    return j, found


def _head(text: str, span: Span) -> str:
    """The head noun of a subject, lowercased: its last word, or the last before a
    preposition it goes on through ("a lobbyist for the industry" → "lobbyist")."""
    phrase = text[span[0] : span[1]].split()
    cut = next((n for n, w in enumerate(phrase) if n and w in _AFTER_HEAD), len(phrase))
    return phrase[cut - 1].lower()


_AFTER_HEAD = frozenset(("for", "at", "of", "with", "from", "in"))


def _participle_subject(text: str, s: Sentence, j: int, k: int) -> Span | None:
    """ "Huckabee rounded out the list, citing “…” as his guilty pleasure": a participle
    after a comma shares the sentence's subject. Right after that subject it opens an aside
    ("Mr. Manafort, citing “…,” said …") whose quotation the main verb's reading keeps
    apart."""
    words = s.words
    if "," not in text[words[j - 1].end : words[j].start]:
        return None
    speaker = clause_subject(text, s) or opening_subject(text, s, k)
    if speaker is None or speaker[1] == words[j - 1].end:
        return None
    return speaker


def verb_then_quote(text: str, s: Sentence) -> Found | None:
    """ "Hillary Clinton cracked, ''I'm a progressive …''": a past-tense verb, a comma or
    colon, and a quotation running to the end of the sentence (or of an aside between
    dashes); the verb's subject speaks."""
    if not s.quotes:
        return None
    q = s.quotes[-1]
    floor = s.start
    tail = text[q.end : s.end]
    if _ASIDE_END.match(tail):
        # "… - during their first debate, Clinton cracked, ''…'' - he has …": an aside
        # between dashes ends with its quotation.
        dashes = [m.end() for m in _ASIDE_END.finditer(text, s.start, q.start)]
        if not dashes:
            return None
        floor, tail = dashes[-1], ""
    if is_title_quote(text, q) or tail.strip(" .?!…"):
        return None
    lead = text[floor : q.start].rstrip()
    if not lead.endswith((",", ":")):
        return None
    before = [
        w
        for w in s.words
        if floor <= w.start and w.end <= q.start and not _inside(s.quotes, w.start)
    ]
    if len(before) < 2:
        return None
    k = len(before) - 1
    verb = before[k]
    if not (_past(verb.text) or verb.text.lower() in lx.CUE_WORDS):
        return None
    j = subject_end(before, k)
    if j == 0 or asked_of(text, before, j, k):
        return None
    speaker = _np_before(text, before, j, floor, loose=True)
    if speaker is None:
        return None
    return Found(q.parts, True, speaker, (verb.start, verb.end), s.index)


# A spaced dash, as asides are set off ("… - during the debate, Clinton cracked, “…” - …").
_ASIDE_END = re.compile(r"\s[-–—]{1,2}\s")


def _past(token: str) -> bool:
    return token[:1].islower() and token.endswith("ed") and len(token) > 4
