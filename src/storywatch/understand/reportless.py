"""Paraphrases that report nothing: where and when something was said, not what.

The readings that find a paraphrase take the words on one side of a cue as its content.
When those words are only the circumstances of the act ("responded on Twitter, calling
…", "said Tuesday in Paris, noting …") or the phrase that opens the sentence before its
subject ("In response, Trump assured …", "Last month, 26 percent said the same"), or the
words before a verb that has its own complement after it ("Even after the complaint was
filed, Lewandowski continued to say …", or a verb with its object after it: "…, Lee told a
joke"), or the particle of a phrasal verb and its object ("went on offense", "called on
the minister to resign"), a reader would be shown a "statement" that says
nothing, credited to someone. These tests find such content so the statement is left out;
a quotation is never judged here (its words are what was said, whatever they are).
"""

from __future__ import annotations

from itertools import pairwise

from storywatch.understand import lexicon as lx
from storywatch.understand.clauses import _DETERMINERS as CLAUSE_DETERMINERS
from storywatch.understand.clauses import _PREPOSITIONS as CLAUSE_PREPOSITIONS
from storywatch.understand.clauses import _TIME as CLAUSE_TIME
from storywatch.understand.text import Word

# Words of circumstance: where, when, through what ("on Twitter", "Tuesday in Paris",
# "earlier this month at a rally"): the clause reader's lists, plus "despite", "then", "now".
_PREPOSITIONS = CLAUSE_PREPOSITIONS | {"despite"}
_TIME = CLAUSE_TIME | {"then", "now"}
_DETERMINERS = CLAUSE_DETERMINERS - {"some"}
_JOINERS = lx.words_of("and but so yet")

# Words that open a verb's own complement right after it: an infinitive or a
# preposition it governs ("continued to say", "called for change", "pleaded for").
_PREPOSITION_OPENERS = lx.words_of("to for")
# Verbs whose "to"/"for" opens their own complement ("continued to say", "called for
# change", "pleaded for understanding", "points to reconsidering", "agreed to pay"); a
# verb of saying's "to"/"for" names the hearer or the outlet ("said to reporters",
# "confirmed to CNN", "wrote for Politico") and is left alone.
_GOVERNING_VERBS = lx.words_of(
    "continue continues continued continuing call calls called calling plead pleads "
    "pleaded pleading point points pointed pointing agree agrees agreed agreeing "
    "ask asks asked asking pledge pledges pledged pledging"
)

# Words that open a noun phrase the verb takes as its object ("told a joke", "stated his
# intention", "asked the court for …"): the verb's object is then after it, and the words
# before its subject are not what it reported.
_OBJECT_OPENERS = lx.words_of("the a an his its their more")
# Verbs whose object after them is the hearer ("…, he told the court", "…, she assured
# a panel"): the words before are still what was told.
_HEARER_VERBS = lx.words_of(
    "tell tells told telling assure assures assured assuring inform informs informed "
    "informing remind reminds reminded reminding warn warns warned warning"
)
# Nouns of time that a determiner can open after the verb ("said the next day", "said
# a week later"): a circumstance, not an object.
_TIME_NOUNS = _TIME | lx.words_of("day days weeks months years hour hours same")

# Particles that, straight after the cue, make it a phrasal verb of doing rather than
# saying ("went on offense", "called on the senator to quit", "wrote off the effort").
_PARTICLES = lx.words_of("on off")

# An opening phrase longer than this is more likely a clause of its own.
_OPENER_WORDS = 5


def circumstance_only(words: list[Word]) -> bool:
    """ "on Twitter", "Tuesday in Paris", "last week in Ohio": every word is a
    preposition, a determiner, a word of time, a number or a capitalised name, and the
    first is a preposition or a word of time; no verb or common noun says what was said."""
    if not words or words[0].text.lower() not in _PREPOSITIONS | _TIME:
        return False
    for w in words:
        low = w.text.lower()
        if low in _PREPOSITIONS or low in _TIME or low in _DETERMINERS:
            continue
        if w.text[:1].isupper() or w.text[:1].isdigit():
            continue
        return False
    return True


def sentence_opener(text: str, words: list[Word]) -> bool:
    """ "In response", "Amid discord", "For one thing", "Last month", "Reflecting his
    father's brashness": a short phrase with no comma inside that opens with a preposition,
    a word of time or a participle (after an optional "And"/"But") is how a sentence sets
    its scene before the subject, not a clause someone said."""
    if words and words[0].text.lower() in _JOINERS:
        words = words[1:]
    if not words or len(words) > _OPENER_WORDS:
        return False
    if any("," in text[a.end : b.start] for a, b in pairwise(words)):
        return False
    first = words[0].text
    low = first.lower()
    participle = low.endswith("ing") and len(low) > 5 and first[:1].isupper()
    return low in _PREPOSITIONS or low in _TIME or participle


def particle_led(words: list[Word]) -> bool:
    """ "on offense against the mayor", "on the council to resign", "off the rebels'
    efforts": a content that opens with a lower-case "on"/"off" is the particle of a
    phrasal verb ("went on", "called on", "wrote off") and its object, not a clause
    someone said; "on Friday to say …" (a day) and "On Monday, …" (a sentence's opener)
    are left to the other tests."""
    if len(words) < 2 or words[0].text not in _PARTICLES:
        return False
    return words[1].text.lower() not in _TIME


def joiner_only(words: list[Word]) -> bool:
    """ "found that" and nothing more: the clause it opened was read as another speaker's
    act ("finds that, while 37 percent say …"), and "that" alone reports nothing."""
    return len(words) == 1 and words[0].text.lower() == "that"


def says_little(words: list[Word]) -> bool:
    """ "has said little about the plan in recent months", "said nothing on the matter": a
    content that opens with how much was said and what about is the absence of a claim,
    not one ("said little, according to an attendee" too)."""
    return (
        len(words) >= 2
        and words[0].text in _AMOUNTS
        and (words[1].text in _ABOUT or words[1].text == "according")
    )


def names_a_writing(words: list[Word]) -> bool:
    """ "wrote a detailed letter to the college's president", "wrote the introduction for a
    new book", "wrote to investors": a content that is only the thing written (a
    determiner, a noun of a piece of writing, then nothing or a phrase saying to whom, for
    what or when) or only the ones written to is what the verb made or whom it addressed,
    not a claim. "the piece made Obama look good" goes on with a verb of its own, and "The
    Washington Post, Fiorina would …" names a paper (capitalised), the one told."""
    if len(words) == 2 and words[0].text == "to":
        return words[1].text.endswith("s") and words[1].text.islower()  # "to investors"
    if not words or words[0].text.lower() not in _WRITING_OPENERS:
        return False
    head = next((i for i, w in enumerate(words[:6]) if w.text in _WRITINGS), None)
    if head is None:
        return False
    rest = words[head + 1 :]
    return not rest or rest[0].text.lower() in _WRITTEN_TO or rest[0].text[:1].isupper()


_WRITING_OPENERS = lx.words_of("a an the his her their its")
_WRITINGS = lx.words_of(
    """
    letter letters introduction foreword preface memo memoir note notes op-ed column essay
    book books email e-mail post piece article editorial afterword chapter
    """
)
_WRITTEN_TO = lx.words_of("to for on about from in of")

_AMOUNTS = lx.words_of("little nothing much")
_ABOUT = lx.words_of("about on regarding")


def verb_takes_object(cue: Word, after: Word | None, next_after: Word | None) -> bool:
    """ "…, Lee told a joke", "…, the senator stated his intention to …", "…, the state
    asked the court for …": when the cue verb after its subject is followed by the
    opening of a noun phrase, that noun phrase is its object, and the words before the
    subject are not what it reported. A verb whose object is its hearer ("…, he told the
    court") and a noun of time ("…, she said the next day") are not this shape."""
    if after is None or after.text not in _OBJECT_OPENERS:
        return False
    if cue.text.lower() in _HEARER_VERBS:
        return False
    return next_after is None or next_after.text.lower() not in _TIME_NOUNS


def verb_has_own_complement(cue: Word, after: Word | None) -> bool:
    """ "Even after the complaint was filed, Lewandowski continued to say …", "In the
    wake of …, Trump called for the president to resign", "Most important, it points to
    …": when the cue verb after its subject is followed by a "to"/"for" that it governs,
    that is its complement, and the words before the subject are not what it reported
    (a reporting verb after its content closes the clause: "…, he said."). Only verbs
    that govern the preposition count: a verb of saying's "to"/"for" names the hearer or
    the outlet ("…, he said to reporters", "…, she wrote for Politico")."""
    if after is None:
        return False
    return after.text in _PREPOSITION_OPENERS and cue.text.lower() in _GOVERNING_VERBS
