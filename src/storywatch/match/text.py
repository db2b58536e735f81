"""Words as matching sees them: folded, split and lightly stemmed, the same way on both sides.

A query and an article must agree on what a "word" is, or a subscription silently misses.
So queries, article text, entity names and source names all go through these functions:

- **Folding**: case-insensitive (``str.casefold``) and accent-insensitive (Unicode NFKD, then
  the combining marks dropped), so ``Lopez`` matches ``López`` and ``IRAQ`` matches ``Iraq``.
  Letters that do not decompose (``ł``, ``ø``, ``æ``) stay as they are.
- **Splitting**: a word is a run of letters and digits. Dotted acronyms are joined
  (``U.S.`` → ``us``) and a possessive ``'s`` is dropped (``Esper's`` → ``esper``).
  Everything else separates words, so ``al-Sadr`` is the two words ``al sadr``,
  ``COVID-19`` is ``covid 19`` and ``O'Brien`` is ``o brien`` (a query that writes them the
  same way finds them: it is split the same way).
- **Stemming** (plain words only, never names or quoted phrases): English plurals are folded
  to the singular, both ways, so ``troop`` matches ``troops`` and ``troops`` matches
  ``troop``. The rules, applied to words of four letters or more that end in ``s``:
  ``-ies`` → ``-y`` (*countries*), ``-sses`` → ``-ss`` (*witnesses*), ``-xes`` → ``-x``
  (*taxes*), ``-ches``/``-shes`` drop ``es`` (*speeches*, *clashes*); words ending in
  ``-ss``, ``-us`` or ``-is`` are left alone (*congress*, *virus*, *crisis*), as are a few
  words that only look plural (*news*, *always*); any other final ``s`` is dropped
  (*troops*, *cases*, *1990s*). Nothing else is stemmed: ``withdraw`` does not match
  ``withdrawal`` (use ``withdraw*``), and irregular plurals (*men*, *crises*) are not joined.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# a word, with any possessive 's dropped (dotted acronyms are joined before)
_TOKEN = re.compile(r"([^\W_]+)(?:['’]s\b)?")
_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")

#: Words ending in "s" that are not plurals of a shorter word.
NOT_PLURAL = frozenset(
    {"news", "always", "perhaps", "whereas", "besides", "towards", "afterwards", "series"}
)

#: Very common English and news words: poor at telling articles apart. Matching never drops
#: them (a query says what it means); the indexes use the list to avoid picking them as the
#: word that finds a query's candidates.
_COMMON_WORDS = """
    a about after again against all also an and any are as at be because been before being
    but by can could did do does during each first for from had has have he her here him his
    how i if in into is it its just last more most new no not now of on one only or other our
    out over said says say she so some than that the their them then there these they this
    to two up us was we were what when where which while who will with would year years you
    your week day days told people time make made back may still state states president
    government news report reported according official officials percent million
"""
COMMON = frozenset(_COMMON_WORDS.split())


def fold(text: str) -> str:
    """Case- and accent-folded text (see the module docstring)."""
    text = text.casefold()
    if text.isascii():
        return text
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text))


def words(text: str) -> list[str]:
    """The folded words of ``text``, in order (no stemming)."""
    return _TOKEN.findall(join_acronyms(fold(text)))


def join_acronyms(text: str) -> str:
    """``u.s. troops`` → ``us troops``: single letters each followed by a dot, two or more.

    Written with ``str.find`` over the dots rather than a regular expression: a pattern that
    starts with a letter class makes ``re`` try every position, three times slower here.
    """
    spans: list[tuple[int, int]] = []
    size = len(text)
    dot = text.find(".")
    while dot != -1:
        if (
            dot >= 1
            and dot + 2 < size
            and text[dot - 1].isalpha()
            and (dot < 2 or not text[dot - 2].isalpha())
            and text[dot + 1].isalpha()
            and text[dot + 2] == "."
        ):
            end = dot + 2
            while end + 2 < size and text[end + 1].isalpha() and text[end + 2] == ".":
                end += 2
            spans.append((dot - 1, end + 1))
            dot = text.find(".", end + 1)
        else:
            dot = text.find(".", dot + 1)
    if not spans:
        return text
    parts: list[str] = []
    last = 0
    for start, end in spans:
        parts.append(text[last:start])
        parts.append(text[start:end].replace(".", ""))
        last = end
    parts.append(text[last:])
    return "".join(parts)


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Fold an English plural to its singular (rules in the module docstring)."""
    n = len(word)
    if n < 4 or word[-1] != "s" or word in NOT_PLURAL:
        return word
    if word.endswith("ies"):
        return word[:-3] + "y" if n > 4 else word[:-1]
    if word.endswith(("ss", "us", "is")):
        return word
    if word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    return word[:-1]


def person_words(name: str) -> tuple[str, ...]:
    """A person's name as words, without a generational suffix (``Jr.``, ``III``)."""
    parts = words(name)
    while len(parts) > 1 and parts[-1] in {"jr", "sr", "ii", "iii", "iv"}:
        parts.pop()
    return tuple(parts)


def split_key(key: str) -> tuple[str, str]:
    """Split an entity key (``person:mark-esper``) into its kind and its name as plain words."""
    kind, _, slug = key.partition(":")
    return kind.strip().casefold(), " ".join(slug.replace("_", " ").replace("-", " ").split())
