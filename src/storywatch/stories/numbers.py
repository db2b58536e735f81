"""Numbers as facts: what a number counts, and whether a text revises an earlier one (T4, T5).

A revision is a *correction of a count*, not any change of a number: the queue of ships
waiting outside a harbor "rose to 38" because the world changed, while the count of people
injured by Sunday's fire "rose to nine" because the first count was incomplete. The rules:

- an explicit revision word ("revised", "corrected", "updated", "raised/lowered its
  estimate") or an earlier figure named as reported ("up from the six reported") marks a
  revision of any quantity;
- a change word ("rose", "climbed", "up from") marks one only for a toll of a past event
  (killed, injured, evacuated, missing, arrested ...);
- without such words, the same unit and the same surrounding words with a toll word make a
  revision ("10 people killed" then "14 people killed").

A number that says *when* or *how long* rather than *how many* is marked ``temporal``: a
length of time ("closed for four days", "72 hours ago", "a 12-year-old"), a time of day
("at six this morning") or an age ("Pell Dunmore, 64,", "aged 70"). A recap restates the
week in such numbers ("the harbor was closed for four days"); they are not new facts, so
they never make an article a development (:meth:`Knowledge.novelty` leaves them out).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, fields
from operator import attrgetter
from typing import Any

from storywatch.stories.text import (
    NUMBER_WORDS,
    STOPWORDS,
    TERMS,
    parse_numbers,
    stem,
    terms,
    wordset,
)


@dataclass(frozen=True, slots=True)
class NumberFact:
    """A number as the text states it, with the words around it.

    ``unit`` is the stem of the word the number counts ("peopl"), ``unit_word`` that word
    as written ("people"). ``previous`` is the earlier value the same sentence names ("nine,
    up from six");
    ``revision`` says how the sentence words a change: "explicit", "change" or "".
    ``toll`` says the number counts victims of an event (killed, injured, evacuated ...).
    """

    value: float
    phrase: str
    unit: str | None
    unit_word: str | None
    near: frozenset[str]
    context: frozenset[str]
    sentence: str
    previous: float | None = None
    revision: str = ""
    toll: bool = False
    temporal: bool = False
    #: where the number is written in the text ``number_facts`` read (for a part of a
    #: quotation that is the part, not the whole ``sentence`` the story keeps)
    start: int = 0
    end: int = 0

    def __reduce__(self) -> tuple[Any, ...]:
        # as plain values: a dataclass's own pickling sets its fields one by one in Python
        # (facts cross from the worker processes in :class:`~.analysis.TextReading`)
        return (NumberFact, _FACT_VALUES(self))


_FACT_FIELDS = tuple(f.name for f in fields(NumberFact))
# the fields' values as one tuple, read in C (``__reduce__`` runs for every fact sent)
_FACT_VALUES = attrgetter(*_FACT_FIELDS)


_EXPLICIT = re.compile(
    r"\b(?:revised|revising|revises|corrected|correcting|updated its|raised (?:its|the) "
    r"(?:estimate|count|figure|toll)|lowered (?:its|the) (?:estimate|count|figure|toll)|"
    r"(?:from|than) (?:the )?[\w,.]+ (?:\w+ ){0,3}(?:reported|given|announced|stated) "
    r"(?:earlier|previously|initially|on \w+))",
    re.IGNORECASE,
)
_CHANGE = re.compile(
    r"\b(?:rose|risen|rises|rising|climbed|climbs|increased|jumped|grew|fell|dropped|"
    r"declined|decreased|up from|down from|now stands|has reached|reached)\b",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")
_LETTERS = re.compile(r"[A-Za-z]+")
_CLAUSE_END = re.compile(r"[,;:()]")
_EXPLICIT_WORDS = wordset(
    "revised revising revises corrected correcting updated raised lowered reported given",
    "announced stated",
)
_CHANGE_WORDS = wordset(
    "rose risen rises rising climbed climbs increased jumped grew fell dropped declined",
    "decreased from stands reached",
)
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:the\s+|an?\s+|about\s+|some\s+)*$", re.IGNORECASE)
TOLL_WORDS = frozenset(
    stem(w)
    for w in wordset(
        "killed dead deaths death died dying toll injured injuries injuring wounded hurt",
        "casualties victims missing evacuated evacuees displaced arrested detained",
        "infected hospitalized hospitalised rescued affected homeless",
    )
)
#: Words that make a number a length of time or a time of day (stems).
_TIME_WORDS = frozenset(
    stem(w)
    for w in wordset(
        "second seconds minute minutes hour hours day days night nights week weeks weekend",
        "fortnight month months year years decade decades century centuries",
        "morning afternoon evening tonight midnight noon o'clock",
    )
)
#: An age: set off by commas after a name ("Pell Dunmore, 64,"), or "aged 70".
_AGE_AFTER_NAME = re.compile(r"[A-Z][a-z'’-]+,\s*$")
_AGE_CLOSED = re.compile(r"\s*[,;)]")
_AGED = re.compile(r"\b(?:aged|age)\s+$")
_UNIT_SKIP = STOPWORDS | wordset(
    "about nearly least its their two three four five six seven eight nine ten eleven",
    "twelve dozen twenty thirty forty fifty hundred thousand million billion",
)


def number_facts(
    sentence: str, context: frozenset[str] | None = None, words: Iterable[str] = ()
) -> list[NumberFact]:
    """The numbers a sentence states, each with its unit word and the words around it.

    ``words`` (the sentence's folded words, when the caller has them) lets a sentence with
    no digit and no number word skip the number patterns altogether.
    """
    spelled = True
    if words:
        spelled = not NUMBER_WORDS.isdisjoint(words)
        if not spelled and not _DIGIT.search(sentence):
            return []
    found = parse_numbers(sentence, spelled=spelled)
    if not found:
        return []
    present = set(words)
    if context is None:
        context = frozenset(terms(sentence))
    # the patterns run only when one of their words is there
    if (not present or present & _EXPLICIT_WORDS) and _EXPLICIT.search(sentence):
        revision = "explicit"
    elif (not present or present & _CHANGE_WORDS) and _CHANGE.search(sentence):
        revision = "change"
    else:
        revision = ""
    toll = bool(context & TOLL_WORDS)
    olds = [
        bool(_FROM_BEFORE.search(sentence[max(0, start - 24) : start])) for _, start, _ in found
    ]
    facts: list[NumberFact] = []
    for index, (value, start, end) in enumerate(found):
        if olds[index] and len(found) > 1:
            continue  # stated as the old value of another number in this sentence
        # "nine, up from six": the old value is the "from" number right after this one
        following = index + 1
        previous = found[following][0] if following < len(found) and olds[following] else None
        after = _LETTERS.findall(_CLAUSE_END.split(sentence[end : end + 40], 1)[0])
        unit_word = next(
            (w.lower() for w in after if len(w) > 2 and w.lower() not in _UNIT_SKIP), None
        )
        unit = stem(unit_word) if unit_word else None
        temporal = unit in _TIME_WORDS or (value < 130 and _is_age(sentence, start, end))
        before = _LETTERS.findall(sentence[max(0, start - 40) : start])
        near = frozenset(_quick_terms(before)[-3:] + _quick_terms(after[:6]))
        phrase = (sentence[start:end] + " " + " ".join(after[:2])).strip()
        facts.append(
            NumberFact(
                value=value,
                phrase=phrase,
                unit=unit,
                unit_word=unit_word,
                near=near,
                context=context,
                sentence=sentence,
                previous=previous,
                revision=revision,
                toll=toll,
                temporal=temporal,
                start=start,
                end=end,
            )
        )
    return facts


def _is_age(sentence: str, start: int, end: int) -> bool:
    """Whether the number at ``start:end`` is someone's age ("Dunmore, 64," / "aged 70")."""
    before = sentence[max(0, start - 30) : start]
    if "age" in before and _AGED.search(before):
        return True
    return (
        "," in before[-3:]
        and _AGE_AFTER_NAME.search(before) is not None
        and _AGE_CLOSED.match(sentence, end) is not None
    )


def _quick_terms(tokens: list[str]) -> list[str]:
    """Stemmed content words of already split ASCII tokens."""
    return list(filter(None, map(TERMS.__getitem__, map(str.lower, tokens))))


def marks_revision(fact: NumberFact) -> bool:
    """Whether the sentence itself words this number as a corrected count."""
    return fact.revision == "explicit" or (fact.revision == "change" and fact.toll)
