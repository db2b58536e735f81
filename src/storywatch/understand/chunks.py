"""What a short run of words is: a name, a role, an aside, a plausible speaker.

The attribution rules cut a sentence into chunks at commas and around cue verbs ("A top
strategist, John Weaver, said", "Joe Madison, 66, a radio host, recalled") and ask of
each chunk what it is before they decide which one speaks. Those tests are pure
functions of the words, kept here so that every rule asks them the same way.
"""

from __future__ import annotations

import re

from storywatch.understand import lexicon as lx
from storywatch.understand.name_tokens import norm
from storywatch.understand.share_phrases import names_a_share
from storywatch.understand.spans import _CONJUNCTIONS, _DETERMINERS, _PREPOSITIONS, past_tense
from storywatch.understand.text import Word


def is_aside(text: str, chunk: list[Word]) -> bool:
    """An age, an indefinite description, a lowercase or bracketed aside ("(R)") between a
    name and its cue."""
    first = chunk[0].text
    return (
        first[:1].isdigit()
        or first.lower() in ("a", "an")
        or first[:1].islower()
        or text[chunk[0].start - 1 : chunk[0].start] == "("
    )


def names_someone(chunk: list[Word]) -> bool:
    """A chunk opening with a capital that is not a preposition or determiner and holding a
    word that can be part of a name ("Joe Madison", "Sen. Vale"): someone, not a place
    phrase ("In Ohio") or a description ("The senator"). An age before the name is
    stepped over ("56-year-old Maria Lopez")."""
    if len(chunk) > 1 and is_age(chunk[0].text):
        chunk = chunk[1:]
    if len(chunk) > 2 and chunk[0].text in ("The", "the") and chunk[1].text in _THE_TITLES:
        chunk = chunk[1:]  # "The Rev. Calvin Foster": the title's article, then the name
    first = chunk[0].text
    low = first.lower()
    return (
        first[:1].isupper()
        and low not in _PREPOSITIONS
        and low not in _DETERMINERS
        and any(w.text[:1].isupper() and w.text.lower() not in lx.NOT_NAMES for w in chunk)
    )


# Titles written with "the" before a name ("the Rev. Al Sharpton", "the Hon. Ann Lee").
_THE_TITLES = frozenset(("Rev.", "Rev", "Reverend", "Hon.", "Honorable"))


def is_name_chunk(chunk: list[Word]) -> bool:
    """Two to four capitalised words: the shape of a full name ("Pam Bondi")."""
    return 2 <= len(chunk) <= 4 and all(w.text[:1].isupper() for w in chunk)


def is_owned_role(chunk: list[Word]) -> bool:
    """ "And Florida's attorney general, Pam Bondi, vowed …": a role owned by a place or a
    body (a possessive name), after an optional "And"/"But", before the person's name."""
    if chunk and chunk[0].text in _CONJUNCTIONS:
        chunk = chunk[1:]
    if len(chunk) < 2 or not chunk[0].text[:1].isupper():
        return False
    if not chunk[0].text.endswith(("’s", "'s")):
        return False
    heads = [w.text.lower() for w in chunk[1:] if w.text[:1].islower()]
    return bool(heads) and heads[-1] in lx.TITLE_HEADS


def is_capitalised_role(chunk: list[Word]) -> bool:
    """ "Facebook VP of Global Affairs, Nick Clegg, announced", "White House Chief of Staff,
    Mick Mulvaney, said": a role written in capitals, with no determiner, before the
    person's name. Nothing but "of" and its body may follow the last title word: in
    "President Trump, …" the name after the title makes the chunk a person."""
    if not 2 <= len(chunk) <= 7 or not chunk[0].text[:1].isupper():
        return False
    low = [norm(w.text) for w in chunk]
    heads = [k for k, w in enumerate(low) if w in lx.TITLE_HEADS]
    if not heads:
        return False
    after = low[heads[-1] + 1 :]
    return not after or after[0] == "of"


def is_role_chunk(chunk: list[Word]) -> bool:
    """ "A top strategist", "her senior policy adviser", "the director of the FBI"."""
    first = chunk[0].text.lower()
    if first not in _DETERMINERS and first not in ("her", "his", "their"):
        return False
    heads = [w.text.lower() for w in chunk if w.text[:1].islower()]
    return any(h in lx.TITLE_HEADS or h in lx.SPEAKER_NOUNS for h in heads)


def is_person_chunk(chunk: list[Word]) -> bool:
    """ "The jury foreman", "the couple's landlord", "his neighbor": a determined phrase
    ending in a noun for a person by what they do or who they are to someone. Before a
    name set off by commas ("The jury foreman, Paul Ackerman, said") it is that person's
    role; read only there (elsewhere "a favorite aunt" may be a phrase of what was said)."""
    first = chunk[0].text.lower()
    if first not in _DETERMINERS and first not in ("her", "his", "their"):
        return False
    low = chunk[-1].text.lower()
    return (
        low in lx.PERSON_HEADS
        or low in lx.RELATION_NOUNS
        or (bool(lx.PERSON_COMPOUND.fullmatch(low)) and low not in lx.NOT_PERSON_COMPOUNDS)
    )


def plausible(text: str, np: list[Word], loose: bool = False) -> bool:
    """A speaker needs a name, a pronoun or a speaking noun (source, official, spokesman).

    ``loose`` is for places where the shape alone says someone speaks (“…,” the investor
    said): there any determined noun phrase will do ("the suit", "another commenter")."""
    if loose and determined(np):
        return True
    last = np[-1].text.lower()
    if is_age(last) and determined(np):
        return True  # "The 56-year-old said": an age stands for a person
    if loose and len(np) <= 3 and _AGENT.search(last) and np[0].text[:1].islower():
        return True  # “…,” federal prosecutors wrote
    if (
        2 <= len(np) <= 3
        and np[0].text.lower() in QUANTIFIERS
        and _AGENT.search(last)
        and last.endswith("s")
    ):
        return True  # "many commentators called him …"
    if len(np) == 1 and (
        last in _PRONOUNS_OR_RELATIVES
        or (last[:-2] in lx.PERSONAL_PRONOUNS and last[-2:] in ("’s", "'s", "’d", "'d"))
    ):
        return True
    if any(w.text[:1].isupper() and w.text.lower() not in lx.NOT_NAMES for w in np):
        return True
    if np[-1].text in lx.MODAL_NAMES:
        return True  # "(which) Will said": the walk stopped there only before a past or "-s"
    if share_of_people(np):
        return True  # (after the name test, which answers for most phrases)
    base = last.rstrip("s") if last.endswith("s") else last
    if last in lx.SPEAKER_NOUNS or base in lx.SPEAKER_NOUNS or last in lx.TITLE_HEADS:
        return True
    # "former secretary of state": the head is before "of".
    of = next((n for n, w in enumerate(np) if w.text == "of"), 0)
    if of > 0 and plausible(text, np[:of], loose):
        return True
    if _people_in_a_place(text, np):
        return True
    held = _held_by(np)
    return held > 0 and plausible(text, np[:held], loose)


def _people_in_a_place(text: str, np: list[Word]) -> bool:
    """ "Many residents in the district", "Most voters across the state": a share of a
    speaking group, placed by "in", "at" or "across" and a determined place. The place
    ends the phrase (no trailing determiner or possessive: "a source for his" is a phrase
    cut short), and the head before it must be a speaker without the place."""
    at = next((n for n, w in enumerate(np) if w.text in ("in", "at", "across")), 0)
    if at == 0 or at + 2 > len(np) or np[0].text.lower() not in QUANTIFIERS:
        return False
    last = np[-1].text.lower()
    if last in _DETERMINERS or last in lx.PERSONAL_PRONOUNS or last.endswith(("’s", "'s")):
        return False
    return plausible(text, np[:at])


# An adjective or participle that leaves a source's phrase unfinished, and the preposition
# it takes: "two people familiar with the talks", "a person briefed on the matter".
_SOURCE_QUALIFIERS = {"familiar": "with", "close": "to", "knowledgeable": "about", "briefed": "on"}


def _held_by(np: list[Word]) -> int:
    """Where the phrase's head ends before a qualifier that says how the source knows:
    "Two people familiar with the talks warned …" is a speaker if "Two people" is one
    (the phrase runs on past the head, so the head test above misses it); else 0."""
    for n, w in enumerate(np[1:-1], 1):
        if _SOURCE_QUALIFIERS.get(w.text.lower()) == np[n + 1].text.lower():
            return n
    return 0


QUANTIFIERS = frozenset(("many", "some", "several", "most", "few", "other", "both", "all"))
# Words after which "that" is a conjunction, not a demonstrative ("that most residents").
_AFTER_THAT = _DETERMINERS | QUANTIFIERS


def joins_clause(first: Word) -> bool:
    """ "that most residents", "that 72 percent of voters", "which 67 percent": "that" or
    "which" before a determiner, a quantifier or a number opens a clause; it is no
    demonstrative of the subject."""
    low = first.text.lower()
    return low in _AFTER_THAT or low in _SHARE_OPENERS or first.text[:1].isdigit()


# Words that open a share of people ("that about half said …", "that nearly six in 10 …").
_SHARE_OPENERS = lx.COUNT_HEDGES | lx.COUNT_WORDS | {"half"}


def person_noun(low: str) -> bool:
    """ "broadcaster", "investigators", "radioman": a noun for someone beyond the speaking
    nouns (:data:`~storywatch.understand.lexicon.PERSON_NOUNS`, and compounds ending in
    "-man", "-woman", "-people")."""
    return low in lx.PERSON_NOUNS or (
        lx.PERSON_COMPOUND.match(low) is not None and low not in lx.NOT_PERSON_COMPOUNDS
    )


def opening_group(noun: str, preposition: str) -> bool:
    """ "Officials at the ministry", "Lawyers for Vale", "Aides to Lopez": a plural speaking
    noun, capitalised only because it opens the sentence, heads its phrase before "at",
    "for" or "to" (the body after it does not speak). Not before "of" ("Members of the
    press accused …" found acts that are no statements)."""
    low = noun.lower()
    if preposition in ("of", "in", "on"):
        return low in _GROUPS_THROUGH_OF
    return preposition in ("at", "for", "to") and low.endswith("s") and low in lx.SPEAKER_NOUNS


_GROUPS_THROUGH_OF = frozenset(
    ("critics", "supporters", "opponents", "leaders", "officials", "residents", "allies")
)


_PRONOUNS_OR_RELATIVES = lx.PERSONAL_PRONOUNS | {"who", "which"}


def share_of_people(np: list[Word]) -> bool:
    """ "21 percent said", "Several said", "Others say": in poll reports a share
    of those asked is who speaks."""
    if len(np) == 1:
        low = np[0].text.lower()
        return low in QUANTIFIERS or low in ("others", "half") or names_a_share(np)
    if len(np) > 6:
        return False
    return names_a_share(np)


def is_age(token: str) -> bool:
    """An age written as one word: "56-year-old" (a noun in "the 56-year-old", a modifier
    in "56-year-old Maria Lopez")."""
    return _AGE.fullmatch(token.lower()) is not None


_AGE = re.compile(r"\d{1,3}-year-olds?")

# Nouns for people by what they do: "prosecutors", "organizers", "activists", "historian".
_AGENT = re.compile(r"(?:[a-z]{3}(?:er|or|ist|ian)s?|[a-z]{4}(?:ant|ent)s)$")


def agent_noun(low: str) -> bool:
    """ "prosecutor", "columnist", "historians": shaped like a noun for someone by what
    they do."""
    return _AGENT.search(low) is not None


def determined(np: list[Word]) -> bool:
    """ "the suit", "Another commenter", "his campaign": a determiner and a noun head."""
    first = np[0].text.lower()
    last = np[-1].text.lower()
    return (
        len(np) >= 2
        and (first in _DETERMINERS or first in ("her", "his", "their", "its", "our"))
        and (last.isalpha() or ("-" in last and last.rsplit("-", 1)[1].isalpha()))
        and last not in lx.NOT_NAMES
        and last not in _DETERMINERS
    )


# Past tenses that open the predicate after a subject ("The businessman began by …",
# "Ruiz tried to laugh it off by …").
_MORE_PAST = lx.words_of(
    """began became held stood ran spent paid sought knew grew drew fought struck chose rose
    fell broke wore stole swore hid shook forgot forgave did does has have had is was are were"""
)


def verb_or_aux(low: str) -> bool:
    """A lowercase word that opens a predicate: an auxiliary, a cue verb or a past tense."""
    return low in lx.AUXILIARIES or low in lx.CUE_WORDS or low in _MORE_PAST or past_tense(low)


def coordinate_adjective(text: str, words: list[Word], i: int, right: list[Word]) -> bool:
    """ "the bespectacled, 71-year-old diplomat said": ``words[i]`` is the first of two
    adjectives set apart by a comma, right after the determiner that opens the phrase;
    ``right`` (what was taken so far) is the second adjective and its lowercase noun."""
    w = words[i]
    return (
        i > 0
        and 2 <= len(right) <= 3
        and w.text.replace("-", "").isalpha()
        and w.text.islower()
        and ("-" in w.text or w.text.endswith(_ADJECTIVE_ENDINGS))
        and not any(r.text[:1].isupper() for r in right)
        and any(c.isalpha() for c in right[0].text)  # "those asked, 30 percent": a count
        and right[0].text not in QUANTIFIERS
        and right[0].text not in _DETERMINERS
        and words[i - 1].text.lower() in _DETERMINERS
        and text[words[i - 1].end : w.start] == " "
    )


# How an adjective ends, not a noun ("bespectacled", "soft-spoken", "tireless").
_ADJECTIVE_ENDINGS = ("ed", "ful", "ous", "ive", "ic", "less", "able", "ible", "ish", "en")
