"""A parsed query: a small tree of frozen nodes, built by :func:`storywatch.match.parse_query`.

Most leaves are a :class:`Term`: one *key* that an article either has or has not
(``troop`` for the word *troop*, ``us troops`` for the phrase, ``person:esper``,
``story:123``...). Keys are the common
currency of the whole package: a prepared article is a set of keys, the percolator indexes
queries by key and the preview corpus indexes articles by key, so a key test is one set
lookup everywhere. The other leaves need a closer look at the article (word order, a
prefix, a several-word name) and say which key an article must have before it is worth
looking at.

Keys: a bare stem is a word anywhere (``troop``); two folded words with a space are those
words side by side (``us troops``). Other keys have a namespace: ``t:`` the same two in the
title, ``v:`` a written word form that differs from its stem (``v:troops``, only in the
preview index), ``person:`` a surname or ``<earlier name word> <surname>``, ``org:`` /
``place:`` one word or two neighbouring words of a name, ``sid:`` a source id, ``sn:`` one
or two neighbouring words of a source name, ``story:`` a story id, ``lang:`` a primary
language subtag. Words never contain ``:`` or spaces, so the namespaces cannot collide.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import Literal

NameKind = Literal["person", "org", "place", "source"]


@dataclass(frozen=True, slots=True)
class Term:
    """A leaf that is exactly one key; ``kind`` is the reason kind shown to people."""

    key: str
    kind: str
    value: str
    column: int = field(default=0, compare=False)

    def __post_init__(self) -> None:
        # a million stored queries share a few thousand words: keep one copy of each
        object.__setattr__(self, "key", sys.intern(self.key))
        object.__setattr__(self, "value", sys.intern(self.value))


@dataclass(frozen=True, slots=True)
class Phrase:
    """Words in this order, side by side, folded but not stemmed (``"US troops"``).

    A one-word phrase is an exact word: ``"troops"`` does not match *troop*.
    """

    words: tuple[str, ...]
    in_title: bool = False
    column: int = field(default=0, compare=False)


@dataclass(frozen=True, slots=True)
class Prefix:
    """Any word starting with ``prefix``, in its written or its singular form."""

    prefix: str
    in_title: bool = False
    column: int = field(default=0, compare=False)


@dataclass(frozen=True, slots=True)
class Name:
    """A name of several words: a person, an organisation, a place or a source."""

    kind: NameKind
    words: tuple[str, ...]
    value: str
    column: int = field(default=0, compare=False)


@dataclass(frozen=True, slots=True)
class And:
    children: tuple[Node, ...]
    column: int = field(default=0, compare=False)


@dataclass(frozen=True, slots=True)
class Or:
    children: tuple[Node, ...]
    column: int = field(default=0, compare=False)


@dataclass(frozen=True, slots=True)
class Not:
    child: Node
    column: int = field(default=0, compare=False)


Node = Term | Phrase | Prefix | Name | And | Or | Not
Leaf = Term | Phrase | Prefix | Name


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed query: the text a person wrote and the tree it means."""

    text: str
    root: Node

    @property
    def canonical(self) -> str:
        """The query with every group in parentheses: how it was read."""
        return render(self.root, top=True)

    def __str__(self) -> str:
        return self.text


def _quote(text: str) -> str:
    return f'"{text}"' if (" " in text or not text) else text


def render(node: Node, *, top: bool = False) -> str:
    """Write a node back as query text, grouping explicitly."""
    if isinstance(node, Term):
        if node.kind == "term":
            return node.value
        if node.kind == "phrase":
            return f'"{node.value}"'
        field_name = "title" if node.kind == "title" else node.kind
        return f"{field_name}:{_quote(node.value)}"
    if isinstance(node, Phrase):
        text = '"' + " ".join(node.words) + '"'
        return f"title:{text}" if node.in_title else text
    if isinstance(node, Prefix):
        return ("title:" if node.in_title else "") + node.prefix + "*"
    if isinstance(node, Name):
        return f"{node.kind}:{_quote(node.value)}"
    if isinstance(node, Not):
        return "NOT " + render(node.child)
    joiner = " AND " if isinstance(node, And) else " OR "
    inner = joiner.join(render(c) for c in node.children)
    return inner if top else f"({inner})"


def walk(node: Node) -> list[Node]:
    """Every node of the tree, parents before children."""
    out: list[Node] = []
    stack: list[Node] = [node]
    while stack:
        current = stack.pop()
        out.append(current)
        if isinstance(current, And | Or):
            stack.extend(reversed(current.children))
        elif isinstance(current, Not):
            stack.append(current.child)
    return out
