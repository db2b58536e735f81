"""The query grammar (lark, LALR) and the plain-word names of its pieces for error messages.

Precedence, loosest first: AND (written or implied by a space), then OR, then NOT / ``-``.
So ``Esper OR Milley withdrawal`` reads ``(Esper OR Milley) AND withdrawal``, as in web
search engines; parentheses override it. Keywords are upper case only: a lower-case ``or``
is an ordinary word.
"""

from __future__ import annotations

from functools import lru_cache

from lark import Lark

GRAMMAR = r"""
?start: conj

conj: disj (_AND? disj)*
disj: unary (_OR unary)*

?unary: NOT unary       -> negation
      | MINUS unary     -> negation
      | atom

?atom: LPAR conj RPAR   -> group
     | FIELD value      -> field
     | PHRASE           -> phrase
     | PREFIX           -> prefix
     | WORD             -> word

value: WORD | PHRASE | PREFIX

NOT.4: /NOT(?=[\s()"\u201c-]|$)/
_AND.4: /AND(?=[\s()"\u201c-]|$)/
_OR.4: /OR(?=[\s()"\u201c-]|$)/
MINUS: "-"
LPAR: "("
RPAR: ")"
FIELD.3: /[A-Za-z]+:/
PHRASE: /"[^"]*"|\u201c[^\u201d]*\u201d/
PREFIX.2: /[^\s()"\u201c\u201d:*\-][^\s()"\u201c\u201d:*]*\*(?=[\s()"\u201c]|$)/
WORD.1: /[^\s()"\u201c\u201d:*\-][^\s()"\u201c\u201d:*]*/

%ignore /\s+/
"""

#: What each terminal is called in an error message, in the order they are listed.
EXPECTED_NAMES: dict[str, str] = {
    "WORD": "a word",
    "PHRASE": 'a "phrase"',
    "PREFIX": "a prefix*",
    "FIELD": "a field such as title: or person:",
    "LPAR": "(",
    "MINUS": "-",
    "NOT": "NOT",
    "_AND": "AND",
    "AND": "AND",
    "_OR": "OR",
    "OR": "OR",
    "RPAR": ")",
    "$END": "the end of the query",
}

#: Something that can start a term: what a person should write where a term is missing.
TERM_START = ("a word", 'a "phrase"', "a prefix*", "a field such as title: or person:", "(")


@lru_cache(maxsize=1)
def parser() -> Lark:
    """The compiled parser (built once; lark parsers are safe to share between threads)."""
    return Lark(GRAMMAR, parser="lalr", lexer="basic", maybe_placeholders=False)
