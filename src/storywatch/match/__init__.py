"""Subscriptions matching (M1–M3): a query language, a percolator, explanations.

Pure: values in, values out, no I/O. The language is taught in ``docs/queries.md``.

- :func:`parse_query` turns text into a :class:`Query` (or raises
  :class:`storywatch.errors.QueryError` with the column and what was expected);
- :func:`evaluate` / :func:`explain` test one query against one :class:`MatchDoc`;
- :class:`Percolator` holds many queries and returns, for an article, exactly the ids whose
  query matches it, fast;
- :func:`follow_query` writes the query of a follow (story, person, org, place, source);
- :class:`DocIndex` is the reverse index (many articles, one query) used by the preview.
"""

from __future__ import annotations

from storywatch.match.corpus import DocIndex, Hits
from storywatch.match.doc import MatchDoc, PreparedDoc, prepare
from storywatch.match.evaluate import evaluate, explain
from storywatch.match.follows import FOLLOW_KINDS, follow_query
from storywatch.match.parse import parse_query
from storywatch.match.percolator import Percolator
from storywatch.match.query import Query

__all__ = [
    "FOLLOW_KINDS",
    "DocIndex",
    "Hits",
    "MatchDoc",
    "Percolator",
    "PreparedDoc",
    "Query",
    "evaluate",
    "explain",
    "follow_query",
    "parse_query",
    "prepare",
]
