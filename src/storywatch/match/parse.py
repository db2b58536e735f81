"""Text → :class:`~storywatch.match.query.Query`, with errors a person can act on.

Every error is a :class:`storywatch.errors.QueryError` whose ``column`` (1-based) points at
the problem and whose ``expected`` lists, in plain words, what could go there. A query that
could only match by leaving things out (``NOT x``, ``-a OR b``) is refused too: it would
match almost every article, which is never what a subscription means.
"""

from __future__ import annotations

import re

from lark import Token, Tree
from lark.exceptions import UnexpectedInput

from storywatch.errors import QueryError
from storywatch.match.grammar import TERM_START, parser
from storywatch.match.query import And, Name, Node, Not, Or, Phrase, Prefix, Query, Term
from storywatch.match.syntax import syntax_error
from storywatch.match.text import person_words, stem, words

MAX_LENGTH = 2000
MAX_DEPTH = 16
FIELDS = ("title", "source", "person", "org", "place", "lang", "story")
_LANG = re.compile(r"[a-z]{2,3}(?:[-_][a-z0-9]{1,8})*", re.IGNORECASE)
_WHITESPACE = re.compile(r"\s")


def parse_query(text: str) -> Query:
    """Parse a subscription query (the language is taught in ``docs/queries.md``).

    Raises :class:`~storywatch.errors.QueryError` with the 1-based column of the problem
    and what was expected there.
    """
    if len(text) > MAX_LENGTH:
        raise QueryError(
            f"The query is {len(text)} characters long; the limit is {MAX_LENGTH}.",
            column=MAX_LENGTH + 1,
            expected=("a shorter query",),
        )
    flat = _WHITESPACE.sub(" ", text)
    if not flat.strip():
        raise QueryError(
            "The query is empty: write at least one word to look for.",
            column=1,
            expected=TERM_START,
        )
    _check_depth(flat)
    try:
        tree = parser().parse(flat)
    except UnexpectedInput as exc:
        raise syntax_error(flat, exc) from None
    root = _simplify(_build(tree))
    _require_positive(root, text)
    return Query(text=text, root=root)


# ----------------------------------------------------------------------------- tree → nodes


def _build(tree: Tree[Token] | Token) -> Node:
    if isinstance(tree, Token):  # pragma: no cover - the grammar never yields a bare token
        raise AssertionError(f"unexpected token {tree!r}")
    kind = tree.data
    children = tree.children
    if kind in ("conj", "disj"):
        nodes = tuple(_build(c) for c in children)
        column = nodes[0].column
        return And(nodes, column) if kind == "conj" else Or(nodes, column)
    if kind == "negation":
        sign = children[0]
        assert isinstance(sign, Token)
        return Not(_build(children[1]), _column(sign))
    if kind == "group":
        return _build(children[1])
    if kind == "field":
        name, value = children
        assert isinstance(name, Token)
        assert isinstance(value, Tree)
        token = value.children[0]
        assert isinstance(token, Token)
        return _field(name, token)
    token = children[0]
    assert isinstance(token, Token)
    if kind == "phrase":
        return _phrase(token, in_title=False)
    if kind == "prefix":
        return _prefix(token, in_title=False)
    return _word(token)


def _column(token: Token) -> int:
    return (token.start_pos or 0) + 1


def _word(token: Token, *, field: str = "term") -> Node:
    found = words(str(token))
    if not found:
        raise QueryError(
            f"“{token}” at column {_column(token)} has no letters or digits to look for; "
            "write a word, or AND / OR / NOT in capitals.",
            column=_column(token),
            expected=("a word",),
        )
    in_title = field == "title"
    if len(found) > 1:  # al-Sadr, COVID-19: the words side by side
        return _sequence(tuple(found), in_title, str(token), _column(token))
    prefix = "t:" if in_title else ""
    return Term(prefix + stem(found[0]), field, str(token), _column(token))


def _phrase(token: Token, *, in_title: bool) -> Node:
    inner = _unquoted(str(token))
    found = words(inner)
    if not found:
        raise QueryError(
            f"The phrase at column {_column(token)} is empty: put words between the quotes.",
            column=_column(token),
            expected=("a word inside the quotes",),
        )
    return _sequence(tuple(found), in_title, " ".join(inner.split()), _column(token))


def _unquoted(phrase: str) -> str:
    """The inside of a quoted phrase, without stray quote marks (“a "b”)."""
    return phrase[1:-1].replace('"', " ").replace("“", " ").replace("”", " ")


def _sequence(found: tuple[str, ...], in_title: bool, value: str, column: int) -> Node:
    """Words side by side: two of them are one key (see :class:`PreparedDoc`)."""
    if len(found) == 2:
        space = "t:" if in_title else ""
        kind = "title" if in_title else "phrase"
        return Term(f"{space}{found[0]} {found[1]}", kind, value, column)
    return Phrase(found, in_title, column)


def _prefix(token: Token, *, in_title: bool) -> Node:
    found = words(str(token)[:-1])
    column = _column(token)
    if len(found) != 1:
        raise QueryError(
            f"“{token}” at column {column}: a * may only end one plain word, as in withdraw*.",
            column=column,
            expected=("a single word before *",),
        )
    if len(found[0]) < 2:
        raise QueryError(
            f"“{token}” at column {column} is too short: a prefix needs at least 2 letters "
            "before the *.",
            column=column,
            expected=("at least 2 letters before *",),
        )
    return Prefix(found[0], in_title, column)


def _field(name_token: Token, value: Token) -> Node:
    column = _column(name_token)
    name = str(name_token)[:-1].casefold()
    raw = str(value)
    if name not in FIELDS:
        hint = " (use source: for an outlet)" if name in ("site", "domain", "from") else ""
        raise QueryError(
            f"Unknown field “{name}:” at column {column}{hint}; the fields are "
            + ", ".join(f"{f}:" for f in FIELDS)
            + ".",
            column=column,
            expected=tuple(f"{f}:" for f in FIELDS),
        )
    if value.type == "PREFIX" and name != "title":
        raise QueryError(
            f'{name}: takes a word or a "phrase", not a prefix* (column {_column(value)}); '
            "prefixes work in the text and in title: only.",
            column=_column(value),
            expected=("a word", 'a "phrase"'),
        )
    if name == "title":
        if value.type == "PHRASE":
            return _phrase(value, in_title=True)
        if value.type == "PREFIX":
            return _prefix(value, in_title=True)
        return _word(value, field="title")
    text = _unquoted(raw) if value.type == "PHRASE" else raw
    if name == "story":
        if not text.strip().isdigit():
            raise QueryError(
                f"story: takes a story number, like story:123 (column {_column(value)}).",
                column=_column(value),
                expected=("a story number",),
            )
        return Term(f"story:{int(text)}", "story", text.strip(), column)
    if name == "lang":
        if not _LANG.fullmatch(text.strip()):
            raise QueryError(
                f"lang: takes a language code, like lang:en or lang:fr (column {_column(value)}).",
                column=_column(value),
                expected=("a language code",),
            )
        subtag = text.strip().replace("_", "-").split("-", 1)[0].casefold()
        return Term(f"lang:{subtag}", "lang", text.strip(), column)
    if name == "source" and text.strip().isdigit():
        return Term(f"sid:{int(text)}", "source", text.strip(), column)
    found = person_words(text) if name == "person" else tuple(words(text))
    if not found:
        raise QueryError(
            f"{name}: needs a name with letters or digits (column {_column(value)}).",
            column=_column(value),
            expected=("a word", 'a "phrase"'),
        )
    if len(found) <= 2:
        key = "sn" if name == "source" else name
        return Term(f"{key}:{' '.join(found)}", name, " ".join(text.split()), column)
    return Name(name, found, " ".join(text.split()), column)  # type: ignore[arg-type]


def _simplify(node: Node) -> Node:
    """Flatten nested AND/OR, drop one-child groups and double negations."""
    if isinstance(node, Not):
        child = _simplify(node.child)
        return child.child if isinstance(child, Not) else Not(child, node.column)
    if isinstance(node, And | Or):
        kind = type(node)
        flat: list[Node] = []
        for child in (_simplify(c) for c in node.children):
            flat.extend(child.children if isinstance(child, kind) else (child,))
        if len(flat) == 1:
            return flat[0]
        return kind(tuple(flat), node.column)
    return node


# ----------------------------------------------------------------------------- checks


def _positive(node: Node) -> bool:
    """True when a matching article must contain something (the query is not only NOTs)."""
    if isinstance(node, Not):
        return False
    if isinstance(node, And):
        return any(_positive(c) for c in node.children)
    if isinstance(node, Or):
        return all(_positive(c) for c in node.children)
    return True


def _first_negative(node: Node) -> Node:
    if isinstance(node, Or):
        for child in node.children:
            if not _positive(child):
                return _first_negative(child)
    if isinstance(node, And) and node.children:
        return _first_negative(node.children[0])
    return node


def _require_positive(root: Node, text: str) -> None:
    if _positive(root):
        return
    culprit = _first_negative(root)
    column = max(culprit.column, 1)
    raise QueryError(
        f"The query only says what to leave out (from column {column}), so it would match "
        "almost every article. Add a word the article must contain, as in "
        "“troops -Syria”, or put the NOT inside a group with such a word.",
        column=column,
        expected=("a word the article must contain",),
    )


def _check_depth(text: str) -> None:
    depth = 0
    in_quote = False
    for at, char in enumerate(text):
        if char in '"“”':
            in_quote = not in_quote if char == '"' else char == "“"
        elif not in_quote and char == "(":
            depth += 1
            if depth > MAX_DEPTH:
                raise QueryError(
                    f"Too many nested parentheses at column {at + 1} (at most {MAX_DEPTH}).",
                    column=at + 1,
                    expected=("fewer nested groups",),
                )
        elif not in_quote and char == ")":
            depth = max(depth - 1, 0)
