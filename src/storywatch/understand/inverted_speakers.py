"""What follows a speaker written after an inverted cue ("said a longtime adviser to Trump",
"said a spokesman for Sen. Marco Rubio", "said former Ostmark Gov. and Labour Party
Chairman Ed Vale", "said the company Tuesday."): which words still belong to the speaker's
phrase, and which say when it was said. Read by ``phrases._np_after`` word by word.
"""

from __future__ import annotations

from storywatch.understand import lexicon as lx
from storywatch.understand.text import Word


def said_when(text: str, words: list[Word], n: int, out: list[Word]) -> bool:
    """ "said the company Tuesday.", "said the senator Monday that …": a day closing the
    phrase after a speaker's noun is when it was said, not part of the speaker ("a
    Wednesday editorial", "a memo released Friday by …" keep theirs)."""
    if not out or words[n].text.lower() not in _WHEN_SAID or out[-1].text.endswith("ed"):
        return False
    after = text[words[n].end : words[n].end + 6]
    return after[:1] in tuple(".,;:!?") or after.startswith(" that ")


_WHEN_SAID = lx.WEEKDAYS | lx.words_of("yesterday today tonight")

# Nouns of someone near a person or a body: "an adviser to X", "a person close to X".
_TIED = frozenset(("adviser", "advisers", "advisor", "aide", "aides", "close", "ally", "allies"))


def names_whom(words: list[Word], n: int, out: list[Word]) -> bool:
    """The phrase after the speaker's noun at ``n`` ("to Trump", "for Sen. Rubio") says
    whom the speaker stands near or speaks for, and belongs to the speaker."""
    return _tied_to(words, n, out) or _for_a_body(words, n, out)


def _tied_to(words: list[Word], n: int, out: list[Word]) -> bool:
    """ "said a longtime adviser to Trump", "said a person close to the Clintons": the "to"
    names whom the anonymous speaker stands near, which says more about who spoke than the
    noun alone; it belongs to the speaker when a name follows it."""
    if words[n].text.lower() != "to" or not out or out[-1].text.lower() not in _TIED:
        return False
    return _name_follows(words, n, ("the", "both"))


def _name_follows(words: list[Word], n: int, skipped: tuple[str, ...]) -> bool:
    """A capitalised word follows the preposition at ``n``, past one of ``skipped``."""
    after = [w.text for w in words[n + 1 : n + 3]]
    if after[:1] and after[0].lower() in skipped:
        after = after[1:]
    return bool(after) and after[0][:1].isupper()


# Nouns of one who speaks for someone: "said a spokesman for Sen. Marco Rubio", "said an
# official with the State Department", "said a statement from the White House".
_FOR_BODY = frozenset(
    lx.words_of(
        """
        spokesman spokeswoman spokesperson official officials representative attorney
        lawyer lawyers aide aides statement
        """
    )
)


def _for_a_body(words: list[Word], n: int, out: list[Word]) -> bool:
    """ "said a spokesman for Sen. Marco Rubio": after a noun of one who speaks for someone,
    "for", "with" or "from" and a name (or "the" and a name) say for whom, as they do before
    the verb ("a spokesman for the city said")."""
    if words[n].text.lower() not in ("for", "with", "from") or not out:
        return False
    return out[-1].text.lower() in _FOR_BODY and (
        _name_follows(words, n, ("the",)) or _body_follows(words, n)
    )


def _body_follows(words: list[Word], n: int) -> bool:
    """ "said a spokesperson for the attorney general's office", "said a lawyer for the
    city": "the" and a few lowercase words ending in a body's noun say for whom as a name
    does."""
    after = words[n + 1 : n + 1 + _BODY_WORDS]
    if not after or after[0].text.lower() != "the":
        return False
    for w in after[1:]:
        low = w.text.lower()
        if not w.text.islower() or not low.replace("'", "").replace("’", "").isalpha():
            return False
        if low in _BODIES:
            return True
    return False


_BODY_WORDS = 4
# Nouns for a body someone speaks for, written in lowercase after "the".
_BODIES = frozenset(lx.ORG_HEADS) | lx.words_of("city county state company department office")


def joined_titles(words: list[Word], n: int, out: list[Word]) -> bool:
    """ "said former Ostmark Gov. and Labour Party Chairman Ed Vale": "and" between two
    capitalised titles of one person (the name comes after the second)."""
    if words[n].text.lower() != "and" or not out or n + 1 >= len(words):
        return False
    last = out[-1].text
    return (
        last[:1].isupper()
        and last.lower().rstrip(".") in lx.TITLE_WORDS
        and words[n + 1].text[:1].isupper()
    )
