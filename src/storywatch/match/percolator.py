"""The percolator: many stored queries, one article at a time.

Search engines index documents and run one query; a subscription service does the reverse:
it stores queries and, for each new article, must find the few that match. The percolator
files every query under its *cover* (see :mod:`storywatch.match.plan`): one rare key it
cannot match without, and where possible a second key as well. An article's candidates are
then the queries filed under keys it has, found with set operations in C:

- a query of one key (``troops``, ``"US troops"``, ``person:Esper``, ``story:12``) matches as
  soon as it is found, as do ``a b`` and ``(a OR b) c``, filed under two levels of keys;
- everything else found (exclusions, prefixes, long phrases, nested groups) is checked by
  its *plan*: a few set operations, and the full tree only for what is left.

Adding or removing a subscription touches only its own postings: there is no rebuild, and
the results are always exactly those of :func:`storywatch.match.evaluate` on every query
(a property test holds it to that).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from storywatch.errors import NotFound, QueryError
from storywatch.match.doc import MatchDoc, PreparedDoc, prepare
from storywatch.match.evaluate import explain, test
from storywatch.match.parse import parse_query
from storywatch.match.plan import Filing, cover, filing, option_keys, plan
from storywatch.match.query import Node, Query
from storywatch.model import Reason

#: One article in ``LEARN_EVERY`` is counted for the key statistics; they are used once
#: ``LEARN_AFTER`` articles were counted (see :meth:`Percolator.learned_frequencies`).
LEARN_EVERY = 8
LEARN_AFTER = 200

#: Prefixes are filed under their first ``HEAD`` letters, so an article probes at most
#: ``HEAD - 1`` slices of each of its words, however many prefix lengths are stored.
HEAD = 4

Postings = dict[str, set[int]]
TwoLevel = dict[str, dict[str, set[int]]]


@dataclass(frozen=True, slots=True)
class _Entry:
    query: Query
    required: frozenset[str]
    forbidden: tuple[str, ...]
    any_of: tuple[tuple[str, ...], ...]
    rest: Node | None
    filed: Filing


class Percolator:
    """An index over subscriptions' queries: ``add``, ``remove``, ``match``, ``explain``.

    Where a query is filed is decided from key statistics: ``frequencies`` if given (key →
    share of articles having it), otherwise a guess from word length until
    :meth:`rebalance` applies what the percolator learned from the articles it matched.
    Statistics only change speed, never results. Not thread-safe: use it from one thread,
    or guard it. Holding very many queries, call ``gc.freeze()`` after loading them so the
    garbage collector does not walk them all.
    """

    def __init__(self, frequencies: Mapping[str, float] | None = None) -> None:
        self._entries: dict[int, _Entry] = {}
        self._exact: Postings = {}  # found = matched
        self._check: Postings = {}  # found = worth checking
        self._exact2: TwoLevel = {}
        self._check2: TwoLevel = {}
        self._heads: Postings = {}
        self._head_lengths: dict[int, int] = {}
        self._frequencies = frequencies
        self._last: tuple[MatchDoc, PreparedDoc] | None = None
        self._known: dict[str, int] = {}  # key -> stored queries that may be filed under it
        self._seen: dict[str, int] = {}  # key -> counted articles that had it
        self._counted = 0
        self._matched = 0

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, sub_id: object) -> bool:
        return sub_id in self._entries

    def __iter__(self) -> Iterator[int]:
        return iter(self._entries)

    def query(self, sub_id: int) -> Query:
        """The stored query of a subscription (raises :class:`NotFound`)."""
        try:
            return self._entries[sub_id].query
        except KeyError:
            raise NotFound(f"subscription {sub_id} is not in the percolator") from None

    # ------------------------------------------------------------------------- changes

    def add(self, sub_id: int, query: Query | str) -> Query:
        """Store (or replace) a subscription's query; a string is parsed first.

        Raises :class:`~storywatch.errors.QueryError` for a string that does not parse.
        """
        parsed = parse_query(query) if isinstance(query, str) else query
        found = cover(parsed.root, self._frequencies)
        if found is None:  # only a hand-built Query gets here: the parser refuses these
            raise QueryError(
                "The query only says what to leave out, so it cannot be indexed.",
                column=1,
                expected=("a word the article must contain",),
            )
        if sub_id in self._entries:
            self.remove(sub_id)
        split = plan(parsed.root)
        filed = filing(split, found, self._frequencies, head=HEAD)
        filed = Filing(
            _intern(filed.keys), _intern(filed.heads), _intern(filed.seconds), filed.exact
        )
        self._entries[sub_id] = _Entry(
            query=parsed,
            # only a query that is checked needs its keys as a set (a frozenset is ~200 bytes)
            required=frozenset() if filed.exact else frozenset(_intern(split.required)),
            forbidden=_intern(split.forbidden),
            any_of=tuple(_intern(group) for group in split.any_of),
            rest=split.rest,
            filed=filed,
        )
        for key in filed.keys:
            if filed.seconds:
                levels = self._exact2 if filed.exact else self._check2
                inner = levels.setdefault(key, {})
                for second in filed.seconds:
                    inner.setdefault(second, set()).add(sub_id)
            else:
                (self._exact if filed.exact else self._check).setdefault(key, set()).add(sub_id)
        for head in filed.heads:
            self._heads.setdefault(head, set()).add(sub_id)
            self._head_lengths[len(head)] = self._head_lengths.get(len(head), 0) + 1
        for key in option_keys(parsed.root):
            self._known[key] = self._known.get(key, 0) + 1
        return parsed

    def remove(self, sub_id: int) -> bool:
        """Forget a subscription; False when it was not stored."""
        entry = self._entries.pop(sub_id, None)
        if entry is None:
            return False
        filed = entry.filed
        for key in filed.keys:
            if filed.seconds:
                levels = self._exact2 if filed.exact else self._check2
                inner = levels.get(key, {})
                for second in filed.seconds:
                    _discard(inner, second, sub_id)
                if not inner:
                    levels.pop(key, None)
            else:
                _discard(self._exact if filed.exact else self._check, key, sub_id)
        for head in filed.heads:
            _discard(self._heads, head, sub_id)
            left = self._head_lengths[len(head)] - 1
            if left:
                self._head_lengths[len(head)] = left
            else:
                del self._head_lengths[len(head)]
        for key in option_keys(entry.query.root):
            left = self._known[key] - 1
            if left:
                self._known[key] = left
            else:
                del self._known[key]
                self._seen.pop(key, None)
        return True

    def learned_frequencies(self) -> dict[str, float] | None:
        """The share of matched articles having each key the stored queries use.

        Counted on one article in ``LEARN_EVERY``; None until ``LEARN_AFTER`` were counted.
        A key never seen counts as half an article, so it looks rare but not impossible.
        """
        if self._counted < LEARN_AFTER:
            return None
        counted = self._counted
        seen = self._seen
        return {key: (seen.get(key, 0) or 0.5) / counted for key in self._known}

    def rebalance(self, frequencies: Mapping[str, float] | None = None) -> int:
        """Re-file every query by key statistics; returns how many moved.

        ``frequencies`` maps keys to the share of recent articles having them (for example
        :meth:`storywatch.match.DocIndex.frequencies`); by default the statistics learned
        from the articles matched so far (nothing moves before there are enough). Results
        never change, only speed: call it now and then (say hourly) from the match worker.
        It also decides where queries added later are filed.
        """
        if frequencies is None:
            frequencies = self.learned_frequencies()
            if frequencies is None:
                return 0
        self._frequencies = frequencies
        moved = 0
        for sub_id, entry in list(self._entries.items()):
            found = cover(entry.query.root, frequencies)
            assert found is not None
            if filing(plan(entry.query.root), found, frequencies, head=HEAD) != entry.filed:
                self.add(sub_id, entry.query)
                moved += 1
        return moved

    # ------------------------------------------------------------------------- matching

    def match(self, doc: MatchDoc | PreparedDoc) -> set[int]:
        """The ids of every stored subscription whose query matches ``doc``."""
        prepared = self._prepare(doc)
        self._matched += 1
        if self._matched % LEARN_EVERY == 0:
            self._count(prepared.keys)
        matched, to_check = self._found(prepared)
        keys = prepared.keys
        has_none = keys.isdisjoint
        entries = self._entries
        for sub_id in to_check:
            entry = entries[sub_id]
            if not entry.required <= keys or not has_none(entry.forbidden):
                continue
            if entry.any_of and any(has_none(group) for group in entry.any_of):
                continue
            if entry.rest is None or test(entry.rest, prepared):
                matched.add(sub_id)
        return matched

    def candidates(self, doc: MatchDoc | PreparedDoc) -> set[int]:
        """Every subscription found for ``doc`` before checks (a superset of the matches)."""
        matched, to_check = self._found(self._prepare(doc))
        return matched | to_check

    def explain(self, sub_id: int, doc: MatchDoc | PreparedDoc) -> tuple[Reason, ...]:
        """Why subscription ``sub_id`` matches ``doc`` (``()`` when it does not)."""
        return explain(self.query(sub_id), self._prepare(doc))

    def _count(self, keys: frozenset[str]) -> None:
        self._counted += 1
        seen = self._seen
        for key in self._known.keys() & keys:
            seen[key] = seen.get(key, 0) + 1

    def _prepare(self, doc: MatchDoc | PreparedDoc) -> PreparedDoc:
        """Prepare ``doc`` once for a ``match`` and the ``explain`` calls that follow it.

        The last article is kept (by identity: a :class:`MatchDoc` is frozen), so explaining
        each of an article's hundreds of matches does not read its text again each time.
        """
        if isinstance(doc, PreparedDoc):
            return doc
        last = self._last
        if last is not None and last[0] is doc:
            return last[1]
        prepared = prepare(doc)
        self._last = (doc, prepared)
        return prepared

    def _found(self, prepared: PreparedDoc) -> tuple[set[int], set[int]]:
        """(Subscriptions matched on sight, subscriptions to check) for this article.

        Every lookup is an intersection of a dict's keys with the article's keys, done in C;
        Python only touches the keys both sides share.
        """
        keys = prepared.keys
        matched = _union(self._exact, keys)
        to_check = _union(self._check, keys)
        for levels, into in ((self._exact2, matched), (self._check2, to_check)):
            for key in levels.keys() & keys:
                inner = levels[key]
                if len(inner) <= 8:  # small: a loop beats building an intersection
                    for second, subs in inner.items():
                        if second in keys:
                            into |= subs
                else:
                    for second in inner.keys() & keys:
                        into |= inner[second]
        if self._head_lengths:
            probe = prepared.word_set | prepared.stems
            slices = {w[:length] for length in self._head_lengths for w in probe}
            to_check |= _union(self._heads, frozenset(slices))
        return matched, to_check


def _intern(items: tuple[str, ...] | frozenset[str]) -> tuple[str, ...]:
    """Share one string object per distinct key across all stored queries."""
    return tuple(sys.intern(item) for item in items)


def _union(postings: Postings, keys: frozenset[str]) -> set[int]:
    """The union of the postings of ``keys``."""
    found: set[int] = set()
    for key in postings.keys() & keys:
        found |= postings[key]
    return found


def _discard(postings: Postings, key: str, sub_id: int) -> None:
    subs = postings.get(key)
    if subs is not None:
        subs.discard(sub_id)
        if not subs:
            del postings[key]
