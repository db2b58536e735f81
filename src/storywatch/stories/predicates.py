"""When two claims speak of one predicate: the words that never are one, and the verbs
whose irregular forms are one.

Claims (:mod:`storywatch.stories.claims`) read a predicate as its stem, with an irregular
past read as its verb ("knew" is *know*); sentence terms and the story's indexes keep the
word as written. Both sides of that meet here: :data:`SYNONYMS` maps a written form to its
predicate, :data:`FORMS` a predicate to its written forms (for lookups in indexes of
written words), and :func:`with_forms` widens a set of predicates to what a sentence's
terms may hold.
"""

from __future__ import annotations

from collections.abc import Iterable

from storywatch.stories.text import stem, wordset

#: Words that are never the predicate of a contradiction: time, quantity, filler, and the
#: light verbs whose sense is in the words after them ("came into the contest" / "can't
#: come up with an example").
NOT_PREDICATES = frozenset(
    stem(w)
    for w in wordset(
        "day days week weeks month months year years hour hours minute minutes morning",
        "mornings evening evenings night nights tonight afternoon time times people person",
        "thing things way ways part parts lot lots one two three four five six seven eight",
        "nine ten hundred thousand million billion first second third last next",
        "early earlier later come go get",
    )
)
#: Irregular past forms and the verb they are ("knew" is "know"): a denial says "did not
#: know", the claim it denies "knew".
_IRREGULAR = {
    "know": "knew known",
    "leave": "left",
    "go": "went gone",
    "take": "took taken",
    "find": "found",
    "sell": "sold",
    "pay": "paid",
    "hold": "held",
    "keep": "kept",
    "lose": "lost",
    "win": "won",
    "make": "made",
    "give": "gave given",
    "bring": "brought",
    "buy": "bought",
    "begin": "began begun",
    "break": "broke broken",
    "come": "came",
    "fall": "fell fallen",
    "speak": "spoke spoken",
    "write": "wrote written",
    "see": "saw seen",
    "send": "sent",
    "spend": "spent",
    "build": "built",
    "meet": "met",
    "run": "ran",
    "hide": "hid hidden",
    "steal": "stole stolen",
    "choose": "chose chosen",
    "drive": "drove driven",
    "fly": "flew flown",
    "grow": "grew grown",
    "throw": "threw thrown",
    "strike": "struck stricken",
    "fight": "fought",
    "catch": "caught",
    "teach": "taught",
    "seek": "sought",
    "think": "thought",
    "understand": "understood",
    "withdraw": "withdrew withdrawn",
    "lead": "led",
    "rise": "rose risen",
    "sink": "sank sunk",
    "shoot": "shot",
    "bear": "bore borne",
    "forbid": "forbade forbidden",
    "forget": "forgot forgotten",
    "swear": "swore sworn",
}
#: Predicates read as one: the first stem stands for the others.
SYNONYMS = {stem("happening"): stem("occurring")} | {
    stem(form): stem(verb) for verb, forms in _IRREGULAR.items() for form in forms.split()
}
#: The stems a predicate is written as, besides its own ("know" -> "knew", "known"):
#: sentence terms keep the form as written, claims the predicate.
FORMS: dict[str, tuple[str, ...]] = {}
for _form, _predicate in SYNONYMS.items():
    FORMS[_predicate] = (*FORMS.get(_predicate, ()), _form)


def with_forms(predicates: Iterable[str]) -> frozenset[str]:
    """Predicates and the irregular forms they are written as, so that one set test tells
    whether a sentence's terms hold one of them ("left" holds *leave*): the test that
    decides whether a sentence is read for its claim at all, so a denial of "know" still
    finds the "knew" it denies."""
    out = set(predicates)
    for predicate in FORMS.keys() & out:
        out.update(FORMS[predicate])
    return frozenset(out)


#: Predicates that oppose without a negation ("the pass is open" / "the pass is closed"),
#: as canonical stems, both ways. Only pairs whose two sides cannot hold of one thing at
#: once; a pair is a contradiction only when the clauses holding it are about one thing
#: (``contradictions._same_clause``), which is what makes antonyms safe to use at all.
_OPPOSITES = (
    ("open", "clos"),
    ("open", "shut"),
    ("reopen", "clos"),
    ("reopen", "shut"),
    ("guilty", "innocent"),
    ("accept", "reject"),
    ("approv", "reject"),
    ("rise", "fall"),
    ("aliv", "dead"),
    ("allow", "ban"),
    ("increas", "decreas"),
)
ANTONYMS: dict[str, frozenset[str]] = {}
for _a, _b in _OPPOSITES:
    ANTONYMS[_a] = ANTONYMS.get(_a, frozenset()) | {_b}
    ANTONYMS[_b] = ANTONYMS.get(_b, frozenset()) | {_a}
#: The words (folded, as written) that carry one side of an antonym pair: a sentence with
#: one is read for its claim like a sentence that may deny.
ANTONYM_WORDS = wordset(
    "open opens opened reopen reopens reopened close closes closed shut shuts guilty",
    "innocent accept accepts accepted reject rejects rejected approve approves approved",
    "rise rises rose risen fall falls fell fallen alive dead allow allows allowed ban bans",
    "banned increase increases increased decrease decreases decreased",
)


def antonyms_of(asserted: frozenset[str]) -> frozenset[str]:
    """The predicates that oppose what ``asserted`` holds, without a negation."""
    found = ANTONYMS.keys() & asserted
    if not found:
        return frozenset()
    return frozenset().union(*(ANTONYMS[p] for p in found))
