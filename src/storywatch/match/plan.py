"""How an index finds and checks a query cheaply: its *cover* and its *plan*.

The **cover** of a query is a small set of keys (and word prefixes) such that every article
the query matches has at least one of them. Indexing each query under its cover makes the
candidates for an article the union of the postings of the article's keys; a query whose
cover the article lacks cannot match it, so skipping it is exact, never a guess.

For an AND, any one child's cover will do, so the child whose keys look rarest is chosen
(field keys such as a story or a person before words, long words before short ones, common
words last). An OR needs the union of its children's covers. A NOT covers nothing, which is
why a query made only of NOTs is refused by the parser.

The **plan** splits a query for verification: the keys its top-level AND requires, the keys
it forbids (``-word``), groups of keys of which one is needed (an OR of words), and what is
left (long phrases, prefixes, nested groups). Most subscriptions are conjunctions of words,
two-word phrases and fields, whose whole check is a few set operations in C.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass

from storywatch.match.doc import name_keys
from storywatch.match.query import And, Name, Node, Not, Or, Phrase, Prefix, Term
from storywatch.match.text import COMMON, stem

_FIELD_WEIGHT = {
    "story": 0.001,
    "sid": 0.02,
    "sn": 0.02,
    "person": 0.01,
    "org": 0.01,
    "place": 0.02,
    "lang": 0.9,
}


def word_weight(word: str) -> float:
    """A rough guess of the share of articles containing ``word`` (no statistics needed)."""
    if word in COMMON:
        return 0.5
    if word.isdigit():
        return 0.05
    return min(0.2, 1.0 / (len(word) ** 2))


def key_weight(key: str, frequencies: Mapping[str, float] | None = None) -> float:
    """Estimated share of articles having ``key``.

    With ``frequencies`` (shares measured on recent articles) a key they know gets its
    measured share and a key they lack is taken as rare; two words side by side get a
    fraction of their rarer word's share. Without, the share is guessed from word length.
    """
    if frequencies is not None:
        known = frequencies.get(key)
        if known is not None:
            return known
        if " " in key and ":" not in key:
            return 0.2 * min(key_weight(stem(w), frequencies) for w in key.split(" "))
        return min(_guess(key), 1e-4)
    return _guess(key)


def _guess(key: str) -> float:
    space, sep, value = key.partition(":")
    if not sep:
        if " " in key:  # two words side by side: rarer than the rarer word
            return 0.2 * min(word_weight(w) for w in key.split(" "))
        return word_weight(key)
    pair = 0.2 if " " in value else 1.0
    if space == "t":
        return pair * min(word_weight(w) for w in value.split(" ")) * 0.1
    return pair * _FIELD_WEIGHT.get(space, 0.1)


@dataclass(frozen=True, slots=True)
class Cover:
    """Keys and word prefixes of which every matching article has at least one."""

    keys: frozenset[str]
    prefixes: frozenset[str]
    cost: float


def cover(node: Node, frequencies: Mapping[str, float] | None = None) -> Cover | None:
    """The cheapest cover found for ``node``, or None when it has none (pure negation)."""
    if isinstance(node, Term):
        return Cover(frozenset((node.key,)), frozenset(), key_weight(node.key, frequencies))
    if isinstance(node, Phrase | Name):
        key = _rarest_key(node, frequencies)
        return Cover(frozenset((key,)), frozenset(), key_weight(key, frequencies))
    if isinstance(node, Prefix):
        return Cover(frozenset(), frozenset((node.prefix,)), 0.5 / len(node.prefix))
    if isinstance(node, Not):
        return None
    parts = [cover(child, frequencies) for child in node.children]
    if isinstance(node, And):
        usable = [p for p in parts if p is not None]
        return min(usable, key=lambda p: p.cost) if usable else None
    if any(p is None for p in parts):
        return None
    keys = frozenset().union(*(p.keys for p in parts if p is not None))
    prefixes = frozenset().union(*(p.prefixes for p in parts if p is not None))
    return Cover(keys, prefixes, sum(p.cost for p in parts if p is not None))


def _rarest_key(node: Phrase | Name, frequencies: Mapping[str, float] | None) -> str:
    """One key every article matching the phrase or name must have: the rarest-looking."""
    if isinstance(node, Phrase):
        if len(node.words) == 1:
            options = [("t:" if node.in_title else "") + stem(node.words[0])]
        else:
            space = "t:" if node.in_title else ""
            pairs = itertools.pairwise(node.words)
            options = [f"{space}{a} {b}" for a, b in pairs]
    else:
        options = name_keys("sn" if node.kind == "source" else node.kind, node.words)
    return min(options, key=lambda k: (key_weight(k, frequencies), -len(k)))


def option_keys(node: Node) -> set[str]:
    """Every key an index might file ``node`` under (what statistics are worth keeping for)."""
    if isinstance(node, Term):
        return {node.key}
    if isinstance(node, Phrase):
        if len(node.words) == 1:
            return {("t:" if node.in_title else "") + stem(node.words[0])}
        space = "t:" if node.in_title else ""
        return {f"{space}{a} {b}" for a, b in itertools.pairwise(node.words)}
    if isinstance(node, Name):
        return set(name_keys("sn" if node.kind == "source" else node.kind, node.words))
    if isinstance(node, And | Or):
        return set().union(*(option_keys(c) for c in node.children))
    return set()  # prefixes are filed by their letters; a NOT is never filed


@dataclass(frozen=True, slots=True)
class Plan:
    """A query split for a fast check.

    It matches when the article has every ``required`` key, none of the ``forbidden`` ones,
    at least one key of each of the ``any_of`` groups, and ``rest`` (if any) holds.
    """

    required: tuple[str, ...]
    forbidden: tuple[str, ...]
    any_of: tuple[tuple[str, ...], ...]
    rest: Node | None


def _keys_only(node: Node) -> tuple[str, ...] | None:
    """The keys of an OR made only of key leaves, or None."""
    if isinstance(node, Or) and all(isinstance(c, Term) for c in node.children):
        return tuple(c.key for c in node.children if isinstance(c, Term))
    return None


def plan(root: Node) -> Plan:
    """Split the top-level AND of ``root`` into set checks and a remaining tree."""
    parts = root.children if isinstance(root, And) else (root,)
    required: list[str] = []
    forbidden: list[str] = []
    any_of: list[tuple[str, ...]] = []
    rest: list[Node] = []
    for part in parts:
        if isinstance(part, Term):
            required.append(part.key)
        elif isinstance(part, Not) and isinstance(part.child, Term):
            forbidden.append(part.child.key)
        elif isinstance(part, Not) and (keys := _keys_only(part.child)) is not None:
            forbidden.extend(keys)
        elif (keys := _keys_only(part)) is not None:
            any_of.append(keys)
        else:
            rest.append(part)
    remaining: Node | None = None
    if len(rest) == 1:
        remaining = rest[0]
    elif rest:
        remaining = And(tuple(rest))
    return Plan(tuple(required), tuple(forbidden), tuple(any_of), remaining)


@dataclass(frozen=True, slots=True)
class Filing:
    """Where an index files a query, and whether being found there is already a match.

    ``keys`` (or prefix ``heads``) are the first level: the article must have one. When
    there is a single first key, ``seconds`` may add a second level: the article must also
    have one of them (the next rarest required key, or an OR group of keys). ``exact`` says
    that an article found through the filing matches without any further check: true for
    the plain conjunctions of one or two keys and for ``(a OR b) c`` shapes.
    """

    keys: tuple[str, ...]
    heads: tuple[str, ...]
    seconds: tuple[str, ...]
    exact: bool


def filing(
    split: Plan, found: Cover, frequencies: Mapping[str, float] | None = None, *, head: int = 4
) -> Filing:
    """File a query by its plan and cover (see :class:`Filing`)."""
    heads = tuple(sorted({p[:head] for p in found.prefixes}))
    keys = tuple(sorted(found.keys))
    extra = bool(split.forbidden or split.rest)
    if heads or len(keys) != 1 or keys[0] not in split.required:
        only_group = (
            not split.required
            and len(split.any_of) == 1
            and not heads
            and set(split.any_of[0]) == set(keys)
        )
        return Filing(keys, heads, (), only_group and not extra)
    first = keys[0]
    others = sorted(k for k in split.required if k != first)
    if others:
        second = min(others, key=lambda k: (key_weight(k, frequencies), k))
        exact = len(split.required) == 2 and not split.any_of and not extra
        return Filing(keys, (), (second,), exact)
    if split.any_of:
        group = min(split.any_of, key=lambda g: sum(key_weight(k, frequencies) for k in g))
        return Filing(keys, (), tuple(sorted(set(group))), len(split.any_of) == 1 and not extra)
    return Filing(keys, (), (), not extra)
