"""What a relative pronoun that speaks stands for: "voters who say", "Smith, who said".

A statement's subject is sometimes "who" ("business leaders who say the law targets gay
people"). A reader takes the noun right before it: a name when the name is there ("Smith,
who said"), the people described when they are not named ("voters who say" speak as
"voters", not as whichever name came last), and the subject of "X is a N who" when the noun
only describes X ("Trump … is a serial liar and birther who has pledged"). A place or an
organisation that ends an appositive is no "who" ("Nicky Driscoll, 24, from Manchester,
who"); "anybody who" names no one, and the older reading (the nearest name) stands.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storywatch.model import EntityKind
from storywatch.understand import lexicon as lx
from storywatch.understand.analysis import Analysis
from storywatch.understand.place_phrases import PREPOSITION_BEFORE, is_place_or_org

# Words a described group's phrase does not run past, leftwards.
_STOPS = lx.words_of(
    """
    with among of by for to from in on at about than and or but as like including includes
    include
    is are was were be been being has have had said says say
    """
)
_DETERMINERS = lx.words_of("the a an these those some many most all both several")
_TOKEN = re.compile(r"\S+")
_LOWER_WORD = re.compile(r"[a-z][a-z’'-]*")
_NP_WORD = re.compile(r"[A-Za-z][\w’'.-]*|\d[\d,.]*-[A-Za-z][\w-]*")  # "a 30-second ad"
_ANYONE = lx.words_of(
    "anybody anyone everybody everyone nobody whoever somebody someone anything everything"
)
# Determiners that stand alone for people ("those who said", "many who voted").
_GROUP_DETERMINERS = lx.words_of("those some many most")
_PREDICATE = re.compile(r"\b(?:is|was)\s+(?:a|an|the|among|one\s+of)\s", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Antecedent:
    """A mention (index into ``an.mentions``) or, with ``mention`` −1, a phrase's span."""

    mention: int
    start: int = -1
    end: int = -1


def antecedent(an: Analysis, pos: int) -> Antecedent | None:
    """What the relative pronoun at ``pos`` stands for, or None (no reading)."""
    text = an.text
    end = pos
    while end > 0 and text[end - 1] == " ":
        end -= 1
    comma = end > 0 and text[end - 1] == ","
    if comma:
        end -= 1
        while end > 0 and text[end - 1] == " ":
            end -= 1
    named = _mention_ending_at(an, end)
    if named is not None:
        if comma and text.startswith("who", pos) and is_place_or_org(an, named):
            # "Nicky Driscoll, 24, from Manchester, who", "Sen. Dianne Feinstein of
            # California, the ranking Democrat on the … Committee, who": a place or an
            # organisation ending the appositive is no "who"; the person it follows is.
            floor = an.sentences[an.sentence_of(pos)].start
            person = person_before_appositive(an, named, floor)
            if person is not None:
                return Antecedent(person)
            # "residents of Oakland, who": the people the place belongs to.
            place = an.mentions[named]
            start = group_before_place(text, place.start, floor)
            if start is not None:
                return Antecedent(-1, start, place.end)
        return Antecedent(named)
    start = phrase_start(text, end, an.sentences[an.sentence_of(pos)].start, comma)
    if start is None and comma and text.startswith("which", pos):
        start = _body_after_preposition(text, end, an.sentences[an.sentence_of(pos)].start)
    if start is None:
        party = _PARTY_RUN.search(text, max(0, end - 60), end)
        if party is not None and party.end() == end:
            # "The move angered House Republicans, who said …": a party, capitalised.
            return Antecedent(-1, party.start(), end)
        return None
    before = text[:start].rstrip(" ")
    if before.endswith((" and", " or")):
        # "Bob Mulholland, a superdelegate and Clinton supporter who": two nouns of one
        # appositive; look past the first for the name it describes.
        floor = an.sentences[an.sentence_of(pos)].start
        first = phrase_start(text, len(before.rsplit(" ", 1)[0].rstrip()), floor, False)
        if first is not None and text[:first].rstrip(" ").endswith(","):
            before = text[:first].rstrip(" ")
    if before.endswith(","):
        # "Trump, the billionaire who said": the phrase describes the name before it.
        owner = _mention_ending_at(an, len(before) - 1)
        if owner is not None:
            return Antecedent(owner)
    subject = _predicate_subject(an, start)
    if subject is not None:
        return Antecedent(subject)
    return Antecedent(-1, start, end)


# A party's members, capitalised ("Republicans", "House Democrats"), as a relative's
# antecedent: no name the mention finder keeps, and no lowercase noun phrase either.
_PARTY_RUN = re.compile(
    r"(?:[A-Z][a-z]+ ){0,2}(?:Republicans|Democrats|Conservatives|Liberals|Progressives"
    r"|Independents|Evangelicals)"
)

# After a person's name, what opens an appositive: a comma, or "of"/"from" and a place.
_APPOSITIVE_AFTER = re.compile(r"\s*(?:,|(?:of|from|in)\s)")


def person_before_appositive(an: Analysis, place: int, floor: int) -> int | None:
    """The nearest person named earlier in the sentence whose name an appositive follows."""
    for mi in range(place - 1, -1, -1):
        m = an.mentions[mi]
        if m.start < floor:
            return None
        # A name of unknown kind ("Pierre de Vos", named once) may be the person.
        if an.kind_of(mi) not in (EntityKind.PERSON, None):
            continue
        if PREPOSITION_BEFORE.search(an.text, max(floor, m.start - 8), m.start):
            continue  # "a gynecologist from Englewood, New Jersey": a town, not the person
        if _APPOSITIVE_AFTER.match(an.text, m.end):
            return mi
    return None


def _mention_ending_at(an: Analysis, end: int) -> int | None:
    for mi in reversed(an.mentions_in(max(0, end - 80), end + 1)):
        m = an.mentions[mi]
        if _text_gap(an.text, m.end, end):
            return mi
    return None


def _text_gap(text: str, a: int, b: int) -> bool:
    """Whether only a closing parenthesis, a party label or spaces sit between a and b
    ("Sen. Ayotte (R-N.H.), who")."""
    return a <= b and re.fullmatch(r"\s*(?:\([^()]{1,12}\))?\s*", text[a:b]) is not None


def _body_after_preposition(text: str, end: int, floor: int) -> int | None:
    """ "a blow to the company, which had argued …": "which" stands for a body named by a
    determiner and a speaking noun even after a preposition (a person there, "familiar with
    the talks, who", is what the phrase describes, not who speaks)."""
    start = phrase_start(text, end, floor, False)
    if start is None:
        return None
    words = text[start:end].split()
    return start if words[0].lower() == "the" and words[-1].lower() in lx.ORG_HEADS else None


def phrase_start(text: str, end: int, floor: int, after_comma: bool) -> int | None:
    """Where the noun phrase ending at ``end`` in a lowercase noun starts ("business
    leaders", "those", "a former East German spymaster", "the Chamber's chief strategist"),
    or None when there is no such phrase. The walk stops at a preposition, a verb of the
    clause ("rebuked critics who": a word in "-ed", "-ing" or "-ly" not right after a
    determiner), an auxiliary or adverb ("also includes individuals who")
    and after a determiner. After a comma, a phrase hanging off a preposition ("familiar
    with the discussion, who") is not what "who" stands for."""
    tokens = list(_TOKEN.finditer(text, floor, end))
    if not tokens:
        return None
    last = tokens[-1]
    if not _LOWER_WORD.fullmatch(last.group(0) if last.start() > floor else last.group(0).lower()):
        return None
    first = len(tokens)
    for n in range(len(tokens) - 1, max(-1, len(tokens) - 8), -1):
        word = tokens[n].group(0)
        low = word.lower()
        if not _NP_WORD.fullmatch(word) or low in _STOPS or low in lx.AUXILIARIES:
            break
        before = tokens[n - 1].group(0).lower() if n > 0 else ""
        if n < len(tokens) - 1 and low.endswith(("ed", "ly", "ing")) and before not in _DETERMINERS:
            break
        first = n
        if low in _DETERMINERS:
            break
    if first == len(tokens):
        return None
    if after_comma and first > 0 and tokens[first - 1].group(0).lower() in _STOPS:
        return None
    start = tokens[first].start()
    head = text[start:end].split()[-1].lower()
    if head in lx.PERSONAL_PRONOUNS or head in _DETERMINERS - _GROUP_DETERMINERS:
        return None
    if head in _ANYONE:
        # "anybody who complains about the microphone is not having a good night": a
        # clause about anyone at all, inside someone else's words, names no speaker.
        return None
    return start


def _predicate_subject(an: Analysis, start: int) -> int | None:
    """ "Trump regularly incites violence and is a serial liar … and birther who", "Jahangir,
    a supporter from Hemet, is among those who say": a noun after "is a" or "is among"
    describes the sentence's subject, a name that opens the sentence."""
    sent = an.sentences[an.sentence_of(start)]
    prefix = an.text[sent.start : start]
    matches = list(_PREDICATE.finditer(prefix))
    if not matches:
        return None
    found = matches[-1]
    # Only a list of nouns may stand between "is a" and the phrase ("is a serial liar,
    # racist and birther who"), not a clause of its own ("is among those sounding the
    # alarm, echoing experts who").
    between = prefix[found.end() :].replace(",", " ").split()
    if any(w.endswith("ing") or (w in _STOPS and w not in ("and", "or")) for w in between):
        return None
    mids = an.mentions_in(sent.start, start)
    if not mids:
        return None
    first = an.mentions[mids[0]]
    opener = an.text[sent.start : first.title_start if first.title_start >= 0 else first.start]
    # A label before the sentence ("Editor’s note: Trump …") leaves the name its subject.
    opener = opener.rsplit(":", 1)[-1]
    return mids[0] if len(opener.split()) <= 1 else None


def group_before_place(text: str, place_start: int, floor: int) -> int | None:
    """Where the people "in <place>" are named, for a speaker read as the place alone
    ("two-thirds of Republicans in New Hampshire — said", "Officials in Beijing said"): the
    start of the group before the preposition, or None when there is none."""
    prep = PREPOSITION_BEFORE.search(text, floor, place_start)
    if prep is None:
        return None
    tokens = list(_TOKEN.finditer(text, floor, prep.start()))
    if not tokens or not _NP_WORD.fullmatch(tokens[-1].group(0)):
        return None
    head = tokens[-1].group(0).lower()
    if head in _STOPS or head in lx.AUXILIARIES or head in lx.PERSONAL_PRONOUNS:
        return None
    if head.endswith(("ed", "ing")):
        return None  # "considered in San Diego": a verb, no group
    # The head noun alone, with its determiner: without word classes the words before it
    # may as well be a verb ("He met leaders in Paris").
    first = len(tokens) - 1
    if first > 0 and tokens[first - 1].group(0).lower() in _DETERMINERS:
        first -= 1
    return tokens[first].start()
