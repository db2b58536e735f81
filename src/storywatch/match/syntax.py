"""Lark's parse errors, said in plain words with the column they point at.

The grammar's terminal names (``WORD``, ``RPAR``...) never reach a person: each error names
what went wrong ("the ( at column 1 is never closed") and lists what could go there, in the
words of :data:`storywatch.match.grammar.EXPECTED_NAMES`.
"""

from __future__ import annotations

from lark.exceptions import UnexpectedCharacters, UnexpectedInput, UnexpectedToken

from storywatch.errors import QueryError
from storywatch.match.grammar import EXPECTED_NAMES, TERM_START

_VALUE_TERMINALS = frozenset({"WORD", "PHRASE", "PREFIX"})


def _column(start_pos: int | None) -> int:
    return (start_pos or 0) + 1


def _expected_words(names: set[str] | frozenset[str]) -> tuple[str, ...]:
    order = list(EXPECTED_NAMES)
    known = sorted((n for n in names if n in EXPECTED_NAMES), key=order.index)
    return tuple(dict.fromkeys(EXPECTED_NAMES[n] for n in known))


def _unclosed_paren(text: str) -> int | None:
    opened: list[int] = []
    in_quote = False
    for at, char in enumerate(text):
        if char == '"':
            in_quote = not in_quote
        elif not in_quote and char == "(":
            opened.append(at + 1)
        elif not in_quote and char == ")" and opened:
            opened.pop()
    return opened[-1] if opened else None


def syntax_error(text: str, exc: UnexpectedInput) -> QueryError:
    if isinstance(exc, UnexpectedCharacters):
        return _bad_character(text, exc)
    assert isinstance(exc, UnexpectedToken)
    token = exc.token
    expected = _expected_words(exc.expected)
    if token.type == "$END":
        column = len(text.rstrip()) + 1
        opened = _unclosed_paren(text)
        if opened is not None and "RPAR" in exc.expected:
            return QueryError(
                f"The ( at column {opened} is never closed: add a ) at column {column}.",
                column=column,
                expected=(")",),
            )
        last = text.rstrip().split(" ")[-1]
        if exc.expected <= _VALUE_TERMINALS:
            return QueryError(
                f"The field “{last}” needs a value right after the colon, at column {column}.",
                column=column,
                expected=expected,
            )
        return QueryError(
            f"The query ends too early, after “{last}”; expected {_or_list(expected)} "
            f"at column {column}.",
            column=column,
            expected=expected,
        )
    column = _column(token.start_pos)
    if token.type == "RPAR" and _unclosed_paren(text[: column - 1]) is None:
        return QueryError(
            f"The ) at column {column} closes nothing: there is no ( before it.",
            column=column,
            expected=("a ( before it", "the end of the query"),
        )
    if exc.expected <= _VALUE_TERMINALS:
        return QueryError(
            f'The field before column {column} needs a word, a "phrase" or a prefix* right '
            f"after its colon, not “{token}” (quote it to look for it as a word).",
            column=column,
            expected=expected,
        )
    if token.type in ("_AND", "_OR"):
        word = str(token)
        return QueryError(
            f"{word} at column {column} needs something to look for on each side; "
            f"expected {_or_list(expected)} before it.",
            column=column,
            expected=expected,
        )
    return QueryError(
        f"Unexpected “{token}” at column {column}; expected {_or_list(expected)}.",
        column=column,
        expected=expected,
    )


def _bad_character(text: str, exc: UnexpectedCharacters) -> QueryError:
    column = (exc.pos_in_stream or 0) + 1
    char = exc.char
    if char in '"“':
        closing = "”" if char == "“" else '"'
        return QueryError(
            f"The quote at column {column} is never closed: add a closing {closing}.",
            column=column,
            expected=('a closing "',),
        )
    if char == "”":
        return QueryError(
            f"The closing quote at column {column} has no opening quote before it.",
            column=column,
            expected=('an opening "',),
        )
    if char == "*":
        return QueryError(
            f"The * at column {column} must end a word of at least 2 letters, as in withdraw*.",
            column=column,
            expected=("a word before *",),
        )
    if char == ":":
        return QueryError(
            f"The : at column {column} must follow a field name, as in title: or person:.",
            column=column,
            expected=("a field name before :",),
        )
    return QueryError(  # pragma: no cover - every other character is part of a word
        f"Unexpected “{char}” at column {column}.", column=column, expected=TERM_START
    )


def _or_list(items: tuple[str, ...]) -> str:
    if not items:
        return "something else"
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " or " + items[-1]
