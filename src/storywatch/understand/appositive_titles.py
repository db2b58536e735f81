"""The title written after a name, in an appositive: "Tom Brandt, a spokesman for the
mayor, said", "said Lena Varga, the spokeswoman for the European Commission.", "Ruth
Vance, 54, a retired teacher from Dover, said", "Amir Sadeq, Okafor's deputy, told …".

News copy gives most people's roles so, after the name, more often than before it
(:mod:`~storywatch.understand.titles` reads those). The appositive is a role only when it
is a noun phrase headed by a noun for what a person does (a title or an occupation, from
the lexicon's lists), opened by "a", "an", "the" or a name's possessive, and closed by a
comma, a dash, a bracket or the sentence's end. It is kept as written, less its article
("spokesman for the mayor"). What is not a role stays out: "Dover, a town of 30,000",
"Okafor, who said …", an age alone ("Lee, 54,"), a kinsman or a friend ("the mayor's
brother": who the person is to someone else, not what they do), a plural ("Lee and Park,
the mayor's aides"), and a clause ("Asked about Lee, the mayor told reporters …").
"""

from __future__ import annotations

import re

from storywatch.understand import lexicon as lx
from storywatch.understand.name_tokens import norm
from storywatch.understand.text import ABBREVIATIONS, words

# Speaking nouns that name no occupation: someone by sex, kin, company kept or number
# ("a woman from Dover", "the mayor's wife", "one of the organisers"), or no person at all.
_NOT_ROLES = (
    lx.RELATION_NOUNS
    | lx.WORD_CARRIERS
    | lx.EVIDENCE_NOUNS
    | lx.ORG_WORDS
    | lx.PEOPLES
    | frozenset(lx.ORG_HEADS)
    | lx.words_of(
        """
        man woman person people one another both many some others couple family families
        friend friends father mother son daughter wife husband boy girl mom dad parent
        parents grandmother grandfather user users narrator crowd city government
        newspaper site website account
        """
    )
)
# A noun for what a person does: a title ("spokesman", "leader"), a speaking noun
# ("official", "teacher") or another noun for what someone does ("lecturer"), not for
# what they believe ("a conservative"); compounds for a person ("businessman") below.
_ROLE_NOUNS = (lx.TITLE_HEADS | lx.PERSON_HEADS | lx.SPEAKER_NOUNS) - _NOT_ROLES

# Prepositions that open what follows a role's head ("spokesman for the mayor", "leader
# of the opposition", "lecturer at Leeds", "teacher from Dover").
_AFTER_HEAD = lx.words_of("of for at in from with on to under since")
# A relative clause ends the role before it ("a teacher from Dover who taught …").
_RELATIVES = lx.words_of("who whose whom")
# Words no noun phrase holds before its head, and none after it: a verb or a pronoun
# means a clause ("Lee, the mayor told reporters"), not an appositive.
_CLAUSE_WORDS = (
    lx.CUE_WORDS
    | lx.QUOTE_CUES
    | lx.BE_FORMS
    | lx.PERSONAL_PRONOUNS
    | lx.words_of("has have had will would can could should may might must did does")
)
_ARTICLES = lx.words_of("a an the this that these those")
_MAX_BEFORE_HEAD = 4  # "a longtime Democratic Party strategist"
_MAX_AFTER_HEAD = 8  # "senior lecturer at the University of Leeds"

# After the name: a comma, an age, then the opener ("a", "an", "the", or a name's
# possessive: "Okafor's deputy", "the European Commission's chief negotiator").
_OPENER = re.compile(
    r", (?:\d{1,3}, )?(?:(?:an?|the) |(?=[A-Z][^\W_]*(?:[.\-][^\W_]+)*"
    r"(?: [A-Z][^\W_]*(?:[.\-][^\W_]+)*){0,3}[’']s ))"
)
# What may close the appositive: a comma, a semicolon, a colon, a dash, a bracket.
_CLOSERS = ",;:()—–"
# Marks no role runs past: those closers, a question, a line's end, a quotation mark.
_HARD_STOP = re.compile(r"[,;:()—–!?\n\"“”]")
_WINDOW = 160  # characters: longer than any role the limits above let through


def title_after(text: str, end: int) -> str:
    """The role written in an appositive right after a person's name ending at ``end``,
    as written less its article ("spokesman for the mayor"); "" when none is there."""
    if text[end : end + 2] != ", ":
        return ""
    m = _OPENER.match(text, end)
    if m is None:
        return ""
    start = m.end()
    # Tokenised only up to the first mark that must end the phrase (a full stop may not:
    # "the U.S. Embassy"), a third of the window on average.
    limit = min(len(text), start + _WINDOW)
    hard = _HARD_STOP.search(text, start, limit)
    toks = words(text, start, hard.end() if hard is not None else limit)
    phrase = []
    for k, tok in enumerate(toks):
        gap = text[toks[k - 1].end : tok.start] if k else ""
        if k and gap != " " and not _abbreviation_gap(gap, toks[k - 1].text):
            if not _closes(text, toks[k - 1].end):
                return ""
            break
        phrase.append(tok)
    else:
        if not toks or not _closes(text, toks[-1].end):
            return ""
    relative = next((k for k, t in enumerate(phrase) if k and t.text in _RELATIVES), -1)
    if relative > 0:
        phrase = phrase[:relative]
    lows = [norm(t.text) for t in phrase]
    stop = next((k for k, low in enumerate(lows) if k and low in _AFTER_HEAD), -1)
    head = len(lows) - 1 if stop < 0 else stop - 1
    if not _role_head(lows[head]) or head > _MAX_BEFORE_HEAD:
        return ""
    if len(lows) - head - 1 > _MAX_AFTER_HEAD or any(t.text in _CLAUSE_WORDS for t in phrase):
        return ""  # a verb ("the mayor told reporters"): a clause, not a noun phrase
    before = lows[:head]
    if any(low in _ARTICLES for low in before):
        return ""  # "the mayor blamed the council": two noun phrases, a clause
    for k, low in enumerate(before):
        # "the mayor's longtime rival and friend": both sides of "and" are roles.
        if low in ("and", "or") and (k == 0 or not _role_head(before[k - 1])):
            return ""
    return " ".join(text[phrase[0].start : phrase[-1].end].split())


def _role_head(low: str) -> bool:
    """A singular noun for what a person does ("spokesman", "lecturer", "businessman");
    a plural ("aides", "councilmen") is a group's, not the one person's named, and a
    possessive ("the mayor's") is no head."""
    if low.endswith(("men", "people", "'s", "’s", "'", "’")) or (
        low.endswith("s") and (low[:-1] in _ROLE_NOUNS or low[:-2] in _ROLE_NOUNS)
    ):
        return False
    return low in _ROLE_NOUNS or (
        lx.PERSON_COMPOUND.match(low) is not None and low not in lx.NOT_PERSON_COMPOUNDS
    )


def _abbreviation_gap(gap: str, before: str) -> bool:
    """ "the U.S. Embassy", "Lt. Col.": the full stop of an abbreviation or an initial
    (and a plural possessive's mark: "the teachers' union") joins two words."""
    if gap == ". ":
        return norm(before) in ABBREVIATIONS or (len(before) == 1 and before.isupper())
    return gap in ("’ ", "' ") and before.endswith("s")


def _closes(text: str, pos: int) -> bool:
    """What follows a phrase at ``pos`` ends it as an appositive ends: a comma, a dash, a
    bracket, or the sentence's full stop (then a space, a line's end or the text's)."""
    rest = text[pos : pos + 3]
    if not rest or rest[0] == "\n" or rest[0] in _CLOSERS or rest.startswith("--"):
        return True
    if rest[0] == " ":
        return rest[1:2] in ("—", "–", "(") or rest[1:] == "--"
    return rest[0] in ".!?" and (len(rest) == 1 or rest[1] in " \n”\"’'")
