"""A subject that coordinates several people or organisations: they speak together.

    Mayor Dana Okafor and Governor Tim Lee said the budget was “a disgrace.”
    “We will not sign it,” Okafor, Lee and Brandt said.
    Senators Dana Okafor and Tim Lee said …  /  Okafor and her deputy, Tim Lee, said …

The readers that find a statement's speaker stop at "and", so they give the last name
alone, and the statement would be credited to Lee though the writer credits Okafor and Lee
alike. A reader sees one joint speaker: every name of the coordination, each resolved as a
single speaker would be ("Okafor" is the Dana Okafor named earlier), written together.

The coordination must be the clause's whole subject: its first name opens the sentence or
follows what ends a clause before it (a comma, a quotation's close, "according to"), and
only names, titles and the joiners stand between it and the speaker the readers found. So
"Okafor said Lee and Brandt …" (the coordination is in what was said), "Brandt thanked
Okafor and Lee said …" (Okafor is an object) and "Okafor and her aides disagreed, Lee said"
(no name before Lee's clause) are left alone. A joint speaker is no one identity: it has no
key, so nothing downstream merges it into one of its people.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storywatch.model import EntityKind
from storywatch.understand import lexicon as lx
from storywatch.understand.analysis import Analysis
from storywatch.understand.roles import TITLE_ALIASES
from storywatch.understand.spans import Span
from storywatch.understand.speakers import History, Speaker, resolve


@dataclass(frozen=True, slots=True)
class Conjunct:
    """One name of a coordinated subject: ``span`` as written (title, "her deputy, " and an
    organisation's "the" and a possessive owner included: "Reuters’ Ann Lee"), ``name``
    the mention's own words, ``mention`` its index."""

    span: Span
    name: Span
    mention: int
    # where a plural role written before the first name starts ("presidential hopefuls Jeb
    # Bush and …"): the role is every name's; -1 when there is none
    role: int = -1


def joint_parts(an: Analysis, span: Span) -> tuple[Conjunct, ...] | None:
    """The names coordinated with the speaker ``span``, in order, when ``span`` is one of two
    or more names joined as one subject: the last ("Okafor, Lee and Brandt said"), or, in
    an inverted trailer or after "according to", the first ("said Okafor and Lee.");
    ``None`` when it stands alone (see the module docstring)."""
    last = _conjunct_at(an, span)
    if last is None:
        return None
    return _before(an, last) or _after(an, last)


def _before(an: Analysis, last: Conjunct) -> tuple[Conjunct, ...] | None:
    """``last`` and the names coordinated before it, when they open their clause."""
    parts = [last]
    text = an.text
    while True:
        pos = parts[-1].span[0]
        m = _JOINER_BEFORE.search(text, max(0, pos - 6), pos)
        if m is None:
            break
        if len(parts) == 1 and "and" not in m.group():
            return None  # "…, Lee said": a comma alone joins no subject to its last name
        if len(parts) > 1 and m.group() != ", ":
            break  # only commas before the last "and": "Okafor, Lee and Brandt"
        before = _conjunct_ending(an, m.start())
        if before is None:
            if len(parts) > 1:
                break  # "Brandt disagreed, Okafor and Lee said": the clause before ends there
            return None
        parts.append(before)
    parts.reverse()
    if not _listed(an, parts):
        return None
    if _opens_clause(an, parts[0].span[0]):
        return tuple(parts)
    role = _role_before(an, parts[0].span[0])
    if role is None:
        return None
    first = parts[0]
    return (Conjunct((role, first.span[1]), first.name, first.mention, role), *parts[1:])


def _after(an: Analysis, first: Conjunct) -> tuple[Conjunct, ...] | None:
    """``first`` and the names coordinated after it, when they end their clause ("“…,”
    said Okafor and Lee." / "according to Okafor, Lee and Brandt, …")."""
    parts = [first]
    text = an.text
    while True:
        m = _JOINER_AFTER.match(text, parts[-1].span[1])
        if m is None:
            return None
        nxt = _conjunct_starting(an, m.end())
        if nxt is None:
            return None
        parts.append(nxt)
        if "and" in m.group():
            break
    if not _CLAUSE_END.match(text, parts[-1].span[1]) or not _listed(an, parts):
        return None
    return tuple(parts)


def _listed(an: Analysis, parts: list[Conjunct]) -> bool:
    """Two or more different names ("Okafor and Okafor" read twice is one speaker); a comma
    before the last "and" only in a list of three or more ("Brandt thanked Okafor, and Lee
    said": a new clause)."""
    if len(parts) < 2:
        return False
    if len(parts) == 2 and an.text[parts[0].span[1] : parts[1].span[0]] == ", and ":
        return False
    known = [an.owner[p.mention] for p in parts if an.owner[p.mention] >= 0]
    return len(set(known)) == len(known)  # the same person twice is one speaker


def joint_speaker(an: Analysis, parts: tuple[Conjunct, ...], history: History) -> Speaker:
    """The speaker of a coordinated subject: each name resolved alone, written together
    ("Dana Okafor and Tim Lee"), with no identity; the title only when one title stands
    before all of them ("Senators Dana Okafor and Tim Lee")."""
    names = [resolve(an, p.name, history).name for p in parts]
    joined = ", ".join(names[:-1]) + " and " + names[-1]
    written = " ".join(an.text[parts[0].span[0] : parts[-1].span[1]].split())
    return Speaker(joined, -1, _shared_title(an, parts), written, joint=True)


def _shared_title(an: Analysis, parts: tuple[Conjunct, ...]) -> str | None:
    """A plural title written before the first name and no other ("Senators", "Sens.",
    "Republican presidential hopefuls"): it is every name's."""
    if any(an.mentions[p.mention].title for p in parts[1:]):
        return None
    first = parts[0]
    if first.role >= 0:
        return " ".join(an.text[first.role : first.name[0]].split())
    title = an.mentions[first.mention].title
    return title if title and _plural_role(title.split()[-1]) else None


def _plural_role(word: str) -> bool:
    """ "senators", "Sens.", "hopefuls", "pundits": an office or a person's calling, in
    the plural."""
    low = word.lower().rstrip(".")
    if low in lx.PERSON_HEADS:
        return low.endswith("s") and low[:-1] in lx.PERSON_HEADS
    single = low[:-1] if low.endswith("s") else ""
    return single in lx.TITLE_HEADS or TITLE_ALIASES.get(single, single) in lx.TITLE_HEADS


def _role_before(an: Analysis, pos: int) -> int | None:
    """Where a plural role right before ``pos`` starts, when it opens its clause: "Republican
    presidential hopefuls Jeb Bush and …" (up to four words, no punctuation between)."""
    text = an.text
    words = list(_WORD.finditer(text, max(0, pos - 80), pos))
    if not words or words[-1].end() + 1 != pos or not _plural_role(words[-1].group()):
        return None
    for k in range(len(words) - 1, max(len(words) - 5, -1), -1):
        if k < len(words) - 1 and text[words[k].end() : words[k + 1].start()] != " ":
            return None
        if _opens_clause(an, words[k].start()):
            return words[k].start()
    return None


_WORD = re.compile(r"[\w’'.-]+")


# What joins two names of one subject, looked for right before or after a name.
_JOINER_BEFORE = re.compile(r"(?:, and |, | and )\Z")
_JOINER_AFTER = re.compile(r", and |, | and ")

# What ends a clause right after its last name: a stop, a comma, a dash, the text's end.
_CLAUSE_END = re.compile(r"\s*(?:[,.;:!?—–)]|\Z)")

# Words before a title that still belong to its name's phrase ("her deputy, Tim Lee"), and
# an organisation's article ("the State Department").
_DETERMINER = re.compile(r"(?:the|The|his|her|its|their) \Z")

# A possessive's ending and the space after it: "Reuters’ ", "MSNBC’s ".
_OWNER = re.compile(r"[’']s? ")

_SPEAKING = (EntityKind.PERSON, EntityKind.ORG, None)


def _conjunct_at(an: Analysis, span: Span) -> Conjunct | None:
    """The conjunct ``span`` is: a person's or organisation's name, with what it is written
    with (title, "the"), and nothing else."""
    for mi in an.mentions_in(span[0], span[1]):
        m = an.mentions[mi]
        if m.end != span[1]:
            continue
        found = _conjunct(an, mi)
        if found is not None and found.span[0] <= span[0] <= m.start:
            return found
    return None


def _conjunct_ending(an: Analysis, end: int) -> Conjunct | None:
    """The conjunct whose name ends at ``end``, if a mention does."""
    for mi in an.mentions_in(max(0, end - 120), end):
        if an.mentions[mi].end == end:
            return _conjunct(an, mi)
    return None


def _conjunct_starting(an: Analysis, start: int) -> Conjunct | None:
    """The conjunct written from ``start`` (its title or "the" included), if one is."""
    for mi in an.mentions_in(start, start + 120):
        found = _conjunct(an, mi)
        if found is not None and found.span[0] == start:
            return found
        return None
    return None


def _conjunct(an: Analysis, mi: int) -> Conjunct | None:
    m = an.mentions[mi]
    if m.possessive or an.kind_of(mi) not in _SPEAKING or an.in_quote(m.start):
        return None
    titled = 0 <= m.title_start < m.start
    start = m.title_start if titled else m.start
    det = _DETERMINER.search(an.text, max(0, start - 6), start)
    if det is not None and (titled or det.group() in ("the ", "The ")):
        start = det.start()  # "her deputy, Tim Lee", "the State Department"; not "his Ally"
    elif mi > 0 and an.kind_of(mi) is EntityKind.PERSON:
        owner = an.mentions[mi - 1]
        if _OWNER.fullmatch(an.text, owner.end, start):
            # "Reuters’ Ann Lee", "the Gazette’s Ann Lee": where she works, written first
            start = owner.start
            if an.text[max(0, start - 4) : start] in ("the ", "The "):
                start -= 4
    return Conjunct((start, m.end), (m.start, m.end), mi)


# What may stand between a sentence's start and its subject: nothing, a sentence's opening
# conjunction, or whatever ends in a clause's or quotation's close or "according to"; then
# "both" ("Both Okafor and Lee said").
_CLAUSE_OPEN = re.compile(
    r"\s*(?:(?:And|But|So|Yet)\s+"
    r"|.*(?:[,;:—–][\"”’']?|[.?!][\"”’']|\baccording to)\s+)?(?:both\s+)?\Z",
    re.IGNORECASE | re.DOTALL,
)


def _opens_clause(an: Analysis, pos: int) -> bool:
    """Whether a subject starting at ``pos`` opens its clause (see ``_CLAUSE_OPEN``)."""
    opens = an.sentences[an.sentence_of(pos)].start
    return _CLAUSE_OPEN.match(an.text, opens, pos) is not None
