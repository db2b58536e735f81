"""One identity per person, organisation and place within an article (U1).

Mentions are grouped the way a reader groups them: "Secretary of Defense Mark Esper",
"Esper" and "Mr. Esper" are one person because the bare surname matches the full name
written in the same article (the nearest full name before it, or the first one after).
Each identity gets a stable key ("person:mark-esper") so other articles and outlets can
agree on it; :class:`~storywatch.understand.directory.EntityDirectory` does that across
articles.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import insort
from dataclasses import dataclass, field, replace
from functools import lru_cache

from storywatch.model import Entity, EntityKind
from storywatch.understand.lexicon import CUE_WORDS
from storywatch.understand.mentions import Mention
from storywatch.understand.name_tokens import first_name_gender

_PLACE_ALIASES = {
    "u.s.": "united states",
    "u.s": "united states",
    "us": "united states",
    "usa": "united states",
    "u.s.a.": "united states",
    "u.s.a": "united states",
    "america": "united states",
    "united states of america": "united states",
    "u.k.": "united kingdom",
    "u.k": "united kingdom",
    "uk": "united kingdom",
    "britain": "united kingdom",
    "great britain": "united kingdom",
    "d.c.": "washington",
    "d.c": "washington",
}
_ORG_PREFIXES = ("the ", "u.s. ", "us ", "american ")
_NON_SLUG = re.compile(r"[^a-z0-9]+")


def slug(name: str) -> str:
    """Lowercase ASCII words joined by hyphens; initials ("J.") are dropped."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    folded = folded.replace("’", "").replace("'", "")
    parts = [p for p in _NON_SLUG.split(folded) if p]
    if len(parts) > 2:
        parts = [p for p in parts if len(p) > 1] or parts
    return "-".join(parts)


def org_name(name: str) -> str:
    low = name.lower()
    for prefix in _ORG_PREFIXES:
        if low.startswith(prefix) and len(name) > len(prefix) + 2:
            return name[len(prefix) :]
    return name


@lru_cache(maxsize=65536)
def entity_key(kind: EntityKind, name: str) -> str:
    if kind is EntityKind.PLACE:
        low = name.lower()
        return f"place:{slug(_PLACE_ALIASES.get(low, low))}"
    if kind is EntityKind.ORG:
        return f"org:{slug(org_name(name))}"
    return f"person:{slug(name)}"


@dataclass(slots=True)
class Identity:
    """A mutable identity while an article is read; frozen into an :class:`Entity` at the end."""

    kind: EntityKind
    name: str
    titles: list[str] = field(default_factory=list)
    # Roles written in appositives after the name ("spokesman for the mayor"): shown with
    # the titles, but not read where a title written before a name decides something (a
    # role resolving to the person titled so, a pronoun's gender).
    roles: list[str] = field(default_factory=list)
    mentions: list[str] = field(default_factory=list)
    count: int = 0
    gender: str | None = None
    first_at: int = 0

    @property
    def key(self) -> str:
        return entity_key(self.kind, self.name)

    @property
    def surname(self) -> str:
        toks = self.name.split()
        return toks[-1].lower() if toks else ""

    def add(self, mention: Mention, written: str) -> None:
        self.count += 1
        if mention.title and mention.title not in self.titles:
            self.titles.append(mention.title)
        if mention.role and self.kind is EntityKind.PERSON and mention.role not in self.roles:
            self.roles.append(mention.role)
        if written not in self.mentions:
            self.mentions.append(written)

    @property
    def shown_title(self) -> str | None:
        """The title a reader is shown for this person: the first written before the name,
        else the first role written after it."""
        if self.titles:
            return self.titles[0]
        return self.roles[0] if self.roles else None

    def freeze(self) -> Entity:
        return Entity(
            key=self.key,
            name=self.name,
            kind=self.kind,
            titles=(*self.titles, *(r for r in self.roles if r not in self.titles)),
            mentions=tuple(self.mentions),
            count=self.count,
        )


def _written(text: str, m: Mention) -> str:
    start = m.title_start if m.title and m.title_start >= 0 else m.start
    return " ".join(text[start : m.end].split())


def group_mentions(text: str, mentions: list[Mention]) -> tuple[list[Identity], list[int]]:
    """Group mentions into identities; returns them and, per mention, its identity index
    (-1 for a mention that names nobody we can tell, such as a stray capitalised word)."""
    idents: list[Identity] = []
    owner = [-1] * len(mentions)
    by_key: dict[str, int] = {}
    by_surname: dict[str, list[int]] = {}
    # Pass 1: full names, organisations and places.
    for i, m in enumerate(mentions):
        if m.kind is None or (m.kind is EntityKind.PERSON and len(m.tokens) < 2):
            continue
        name = m.name
        if m.kind is EntityKind.PERSON:
            found = _find_person(idents, by_surname, m)
            if found >= 0:
                owner[i] = found
                continue
        key = entity_key(m.kind, name)
        if key not in by_key:
            by_key[key] = len(idents)
            gender = first_name_gender(name) if m.kind is EntityKind.PERSON else None
            idents.append(Identity(m.kind, name, gender=gender, first_at=m.start))
            if m.kind is EntityKind.PERSON:
                by_surname.setdefault(_surname(name), []).append(len(idents) - 1)
        owner[i] = by_key[key]
    # Pass 2: single words ("Esper", "Mr. Esper") join the person with that surname.
    index: dict[str, list[int]] = {}
    family_first: dict[str, list[int]] = {}
    for j, ident in enumerate(idents):
        toks = ident.name.lower().split()
        if ident.kind is EntityKind.PERSON and len(toks) >= 2:
            for tok in set(toks[1:]):
                index.setdefault(tok, []).append(j)
            family_first.setdefault(toks[0], []).append(j)
    titled = {owner[i] for i, m in enumerate(mentions) if owner[i] >= 0 and m.title}
    honours: dict[int, set[str]] = {}
    for i, m in enumerate(mentions):
        if owner[i] >= 0:
            continue
        candidates = index.get(m.name.lower(), [])
        honour = _honorific_gender(text, m)
        if not candidates and len(m.tokens) == 1:
            candidates = _family_name_first(
                idents, family_first, m.name, titled if honour is not None else set()
            )
        if honour is not None and candidates:
            # "Mrs. Clinton" is not Bill Clinton, even when he was named first.
            candidates = [j for j in candidates if idents[j].gender in (None, honour)]
            if not candidates:
                m = replace(m, kind=EntityKind.PERSON)
                mentions[i] = m
        best = _surname_owner(idents, candidates, m.start)
        if best < 0 and honour is not None and m.kind is None:
            # "Mr. Obama" with no full name in the article: the honorific makes a person.
            m = replace(m, kind=EntityKind.PERSON)
            mentions[i] = m
        if best < 0 and m.kind is None and len(m.tokens) == 1 and _speaks(text, m):
            # "Sarandon told MSNBC": a lone surname that speaks is a person.
            m = replace(m, kind=EntityKind.PERSON)
            mentions[i] = m
        if best < 0 and m.kind is EntityKind.PERSON:
            key = entity_key(EntityKind.PERSON, m.name)
            if key not in by_key:
                by_key[key] = len(idents)
                idents.append(Identity(EntityKind.PERSON, m.name, gender=honour, first_at=m.start))
            best = by_key[key]
        if best >= 0 and honour is not None:
            honours.setdefault(best, set()).add(honour)
        owner[i] = best
    for j, given in honours.items():
        if idents[j].gender is None and len(given) == 1:
            # "Rhonda Hughes, 43, …" then "Ms. Hughes avoids …": the honorific tells what the
            # first name did not (unless "Mr." and "Ms." both joined one name: two people).
            idents[j].gender = given.pop()
    for i, m in enumerate(mentions):
        if owner[i] >= 0:
            idents[owner[i]].add(m, _written(text, m))
    return idents, owner


def _family_name_first(
    idents: list[Identity], family_first: dict[str, list[int]], word: str, titled: set[int]
) -> list[int]:
    """The people whose name's first word is ``word`` when that word is their family name:
    "Mr. Ban" and "Ban said" after "Ban Ki-moon", "Mr. Lou" after "Finance Minister Lou
    Jiwei". A name is read family name first when its given name is hyphenated, as Korean
    and Taiwanese given names are written ("Ki-moon", "Ing-wen"), or when an honorific
    stands before the word and the full name was written with a title (``titled``, given
    only with an honorific): "Warren" alone is not Warren Buffett, and "Mr. Biden" is not a
    headline's "Biden Defends Afghan Pullout"."""
    out = []
    for j in family_first.get(word.lower(), ()):
        given = idents[j].name.split()[1:]
        if len(given) == 1 and ("-" in given[0] or j in titled):
            out.append(j)
    return out


_HONORIFIC = re.compile(r"\b(Mrs|Ms|Miss|Mr)\.?\s+$")


def _honorific_gender(text: str, m: Mention) -> str | None:
    """The gender an honorific written before a surname gives ("Mrs. Clinton" → "f",
    "Mr. Clinton" → "m"), None without one."""
    hit = _HONORIFIC.search(text, max(0, m.start - 6), m.start)
    if hit is None:
        return None
    return "m" if hit.group(1) == "Mr" else "f"


def _surname(name: str) -> str:
    """The last word of a person identity's name, lowercased: the key of ``by_surname``."""
    return name.lower().split()[-1]


def _find_person(idents: list[Identity], by_surname: dict[str, list[int]], m: Mention) -> int:
    """An earlier identity this full name extends or repeats ("Donald J. Trump", "Trump").

    Only the people with this surname are read (``by_surname``: their indices in
    ``idents``, in order), not every identity of the article, which made pass 1 of
    :func:`group_mentions` quadratic in the number of names."""
    toks = [t.lower() for t in m.tokens]
    for j in by_surname.get(toks[-1], ()):
        ident = idents[j]
        itoks = ident.name.lower().split()
        if itoks[-1] != toks[-1]:
            continue
        if itoks[0] == toks[0] or len(itoks) == 1:
            if len(m.name) > len(ident.name) and len(itoks) == 1:
                ident.name = m.name
                _refile(by_surname, j, toks[-1], _surname(m.name))
            return j
    return -1


def _refile(by_surname: dict[str, list[int]], j: int, old: str, new: str) -> None:
    """Keep ``by_surname`` in step with a renamed identity (its surname cannot change in
    practice, as the longer name ends in the same word; kept exact all the same)."""
    if new == old:
        return
    by_surname[old].remove(j)
    insort(by_surname.setdefault(new, []), j)


_NEXT_WORD = re.compile(r"(?:, \d{1,3},)?(?:,? (?:also |later |then |has |had )?)([a-z]+)")


def _speaks(text: str, m: Mention) -> bool:
    """A name directly followed by a cue verb, or directly after "said" and before a
    comma or full stop ("…,” said Esper."; not "said Velmora harbor would …")."""
    nxt = _NEXT_WORD.match(text, m.end)
    if nxt is not None and nxt.group(1) in CUE_WORDS and nxt.start() == m.end:
        if nxt.group(1).endswith("ing") and text[m.end : m.end + 1] == ",":
            return False  # "in Velmora, calling the notice …": a participle, not its subject
        return text[m.end : m.end + 1] in " ,"
    return text[max(0, m.start - 5) : m.start] == "said " and text[m.end : m.end + 1] in ",."


def _surname_owner(idents: list[Identity], candidates: list[int], at: int) -> int:
    """The person a bare surname names: the first one introduced before it with that
    surname (the article's main "Clinton", not the daughter), else the first one after."""
    before, after = -1, -1
    for j in candidates:
        if idents[j].first_at <= at and before < 0:
            before = j
        elif idents[j].first_at > at and after < 0:
            after = j
    return before if before >= 0 else after
