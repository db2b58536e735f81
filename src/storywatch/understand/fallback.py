"""The last reading of a sentence whose quotation no cue introduced: its subject and verb.

"Cross called the election “a citizenship election”.": the subject (a name or pronoun)
speaks and the content runs from after the verb to the end of the sentence. Without a cue
verb this is weak evidence, so :mod:`storywatch.understand.statements` keeps what it finds
only when the speaker resolves to a named identity (as for
:mod:`~storywatch.understand.long_quotes` and :mod:`~storywatch.understand.speech_nouns`).
"""

from __future__ import annotations

from storywatch.understand import lexicon as lx
from storywatch.understand.contents import other_sense
from storywatch.understand.partial_tails import cut_tail
from storywatch.understand.phrases import clause_subject
from storywatch.understand.spans import (
    _IRREGULAR_PAST,
    Found,
    Sentence,
    _closes_at,
    _inside,
    _trim,
    goes_somewhere,
)
from storywatch.understand.text import Quote, Word
from storywatch.understand.works import is_work_title
from storywatch.understand.writers_terms import writers_term

# Words between a verb outside the reporting lexicon and the first quotation after it,
# from which the quotation is no longer that verb's (on PolNeAR train, 9 of 10 readings
# this far were wrong).
_FAR = 25

# A dash straight after the word taken for the verb opens an aside about the subject, not
# the verb's object.
_DASHES = frozenset(("-", "--", "—", "–"))

# Verbs that link their subject to a description of it ("appears weak", "remained
# “cautiously optimistic”" is the writer's description unless a verb of saying follows:
# "appeared to call it …").
_LINKING = lx.words_of(
    "appear appears appeared seem seems seemed remain remains remained become becomes became"
)

# Prepositions of place and manner after which a verb outside the reporting lexicon
# describes where or how someone acted ("seized on …", "looked at …", "campaigned
# vigorously in …"), not what they said.
_PLACE_PREPOSITIONS = lx.words_of("at on in around into onto over across through upon")


def quote_fallback(text: str, s: Sentence) -> Found | None:
    """A sentence whose quotation no cue introduced: "Cross called the election “a citizenship
    election”." Its subject (a name or pronoun) is the speaker; the content runs from after
    the verb to the end of the sentence."""
    subject = clause_subject(text, s)
    if subject is None:
        return None
    after = [w for w in s.words if w.start >= subject[1]]
    k = 0
    while k < len(after) and after[k].text.lower() in lx.AUXILIARIES:
        k += 1
    if k >= len(after) - 1 or _inside(s.quotes, after[k].start):
        return None
    verb = after[k]
    low = verb.text.lower()
    # "Sanders is releasing a new ad that …": a form of "be" before a publishing verb in
    # "-ing" is a progressive, and its subject speaks through what it publishes; before
    # anything else it is a passive ("Atkinson was identified as …"), whose subject did not
    # speak, or a progressive of another act ("is choosing not to respond to accusations
    # that …", read as the accused's words when tried on train).
    progressive = (
        k > 0
        and low.endswith("ing")
        and low in lx.PUBLISHING_VERBS
        and after[k - 1].text.lower() in lx.BE_FORMS
    )
    if not progressive and any(w.text.lower() in lx.BE_FORMS for w in after[:k]):
        return None
    if verb.text[:1].isupper() or not (
        progressive
        or low in lx.CUE_WORDS
        or low.endswith("ed")
        or low in _IRREGULAR_PAST
        or (low.endswith("s") and len(low) > 3 and not low.endswith("ss"))
    ):
        return None
    if "," in text[subject[1] : verb.start] or goes_somewhere(text, (verb.start, verb.end)):
        return None
    if low in lx.CUE_LEMMA and other_sense(text, verb, after[k + 1 :], lx.CUE_LEMMA[low]):
        return None  # "called off the march, ending the “long summer”": cancelled, not said
    if text[verb.end : after[k + 1].start].strip() in _DASHES:
        return None  # "Party elites — what is left of the “establishment” — are …": an aside
    if low in _LINKING and after[k + 1].text != "to":
        return None  # "Vale appears weak before the “offensive”": a state, not words
    start, end = _trim(text, after[k + 1].start, s.end)
    if not any(
        q.start >= start
        and q.end <= end + 1
        and not is_work_title(text, q)
        and not writers_term(text, q, modifier=not _said_before(s, verb, q))
        for q in s.quotes
    ):
        return None
    # With a verb outside the reporting lexicon, where the first quotation stands decides
    # whether that verb governs it, and which later verb introduces it.
    first = None if low in lx.CUE_WORDS else _first_quote(s, start, end)
    if first is not None and (
        _far_from_verb(after[k + 1 :], first)
        or _acts_in_place(s, after[k:], first)
        or _named_by_others(after[k + 1 :], first)
    ):
        return None
    if _closes_at(text, end):
        end += 1
    end = cut_tail(text, s.quotes, start, end)
    if first is not None:
        start = _after_inner_cue(text, s, after[k + 1 :], start, first)
    if first is not None and _led_in_whole(text, first, end, after[k + 1 :]):
        # "shared her worry with donors, “I do not know …”": the quotation alone.
        return Found(first.parts, True, subject, (verb.start, verb.end), s.index)
    particle = after[k + 1].text in lx.PHRASAL_PARTICLES
    if particle and start == after[k + 1].start and k + 2 < len(after):
        start = after[k + 2].start  # "played down Trump's comments as “…”": the object
    return Found(((start, end),), True, subject, (verb.start, verb.end), s.index)


def _led_in_whole(text: str, first: Quote, end: int, words: list[Word]) -> bool:
    """The quotation follows a comma or colon and closes the reading: the verb's phrase
    before it ("shared a bit of her worry with donors in the Hamptons,") sets the scene, and
    what was said is the quotation alone. Not after a clause with "that" ("pointed to a
    report that a guard carried a syringe, ''for patients who …''"): there the quotation
    finishes the reported clause, and the annotators mark the two as one."""
    if not text[: first.start].rstrip().endswith((",", ":")) or first.end < end - 1:
        return False
    return not any(w.text.lower() == "that" for w in words if w.end <= first.start)


def _named_by_others(words: list[Word], first: Quote) -> bool:
    """ "Lopez moved to what locals call “the Flats” in 2010": the quotation is named by a
    relative clause with a subject of its own ("what locals call", "which critics dubbed"),
    whose words they are; the fallback's subject did not say them."""
    before = [w.text.lower() for w in words if w.end <= first.start]
    if len(before) < 3 or lx.CUE_LEMMA.get(before[-1], before[-1]) not in lx.NAMING_LEMMAS:
        return False
    return any(w in _RELATIVE_WORDS for w in before[:-2])


_RELATIVE_WORDS = lx.words_of("what which whom")


def _said_before(s: Sentence, verb: Word, q: Quote) -> bool:
    """A reporting verb or a participle stands between the fallback's verb and the
    quotation ("erred in saying that the “90 to 95 percent” figure was …", "joined a ruling
    striking down the law and strengthening the ''undue burden'' standard"): the quotation
    is in what the subject said or did, and the annotators give it to the subject even
    where it modifies a noun. A noun in -ing after a determiner ("won the backing of “blue
    dog” members") is no participle."""
    between = [w for w in s.words if verb.end <= w.start and w.end <= q.start]
    return any(
        w.text.lower() in lx.CUE_WORDS
        or (
            w.text.endswith("ing")
            and len(w.text) > 5
            and (n == 0 or between[n - 1].text.lower() not in _DETERMINERS)
        )
        for n, w in enumerate(between)
    )


_DETERMINERS = lx.words_of("the a an his her its their our my your this that these those")


def _first_quote(s: Sentence, start: int, end: int) -> Quote | None:
    return next((q for q in s.quotes if start <= q.start < end), None)


def _after_inner_cue(text: str, s: Sentence, words: list[Word], start: int, first: Quote) -> int:
    """ "Reid caucused in Nevada on Saturday and says he voted “uncommitted”": the verb the
    fallback took is no reporting verb, and a reporting verb later, before the quotation,
    introduces what was said; the clause starts after it."""
    inner = [
        n
        for n, w in enumerate(words)
        if n
        and w.end <= first.start
        and w.text.lower() in lx.CUE_WORDS
        and not _inside(s.quotes, w.start)
        and _same_subject(text[words[n - 1].end : w.start], words[n - 1].text, w.text)
    ]
    if not inner or inner[-1] + 1 >= len(words):
        return start
    nxt = words[inner[-1] + 1]
    return max(start, nxt.start) if nxt.start < first.start else start


def _same_subject(gap: str, before: str, cue: str) -> bool:
    """ "… and says he voted …", "… - bragging - conceding that …": a reporting verb joined
    to the fallback's verb by "and" or "but", or a participle after a comma or dash, has the same
    subject (a speaker named inside the clause, "what Bay Buchanan called", is not)."""
    if before.lower() in ("and", "but"):
        return True  # "… and says he voted", "signed the bill but said it “…”"
    return cue.endswith("ing") and any(mark in gap for mark in ",-–—")


def _far_from_verb(words: list[Word], first: Quote) -> bool:
    """ "Thompson started Thursday listening to …, then joining … for a “unity” lunch": a
    verb that reports nothing governs the words near it; a quotation two dozen words on sits
    in a phrase of its own (a description's scare quotes), not in what the subject said."""
    return sum(1 for w in words if w.end <= first.start) >= _FAR


def _acts_in_place(s: Sentence, words: list[Word], first: Quote) -> bool:
    """ "He seized on the issue of “religious liberty”", "Clinton campaigned vigorously in
    the state that made her husband the “comeback kid”": a verb outside the reporting
    lexicon followed (past adverbs in -ly) by a preposition of place tells where or how its
    subject acted; the quotation further on is a scare quote in that phrase, unless a
    reporting verb before it ("erred in saying that …") introduces it (a noun such as "the
    charged term" does not). On PolNeAR train all 7 such readings (7 documents) were wrong."""
    if len(words) < 2:
        return False
    n = 1
    while n < len(words) - 1 and words[n].text.lower().endswith("ly"):
        n += 1
    if words[n].text.lower() not in _PLACE_PREPOSITIONS or _inside(s.quotes, words[n].start):
        return False
    between = [w for w in words[n:] if w.end <= first.start]
    return not any(
        w.text.lower() in lx.CUE_WORDS
        and (
            w.text.lower().endswith("ing")
            or (m + 1 < len(between) and between[m + 1].text.lower() == "that")
        )
        for m, w in enumerate(between)
    )
