"""Preview (M4): what a query would have matched over the last days of stored articles.

A person typing a subscription wants to see, while typing, what it would have caught. The
answer must agree with live matching, so every match is decided by
:func:`storywatch.match.evaluate` on the stored article; what makes it fast is finding the
few articles worth checking.

Design (rejected first: SQL ``LIKE`` over the text costs about 200 ms per word for a month
of news on SQLite, grows with every word, and cannot fold accents or plurals the way
matching does, so it would silently miss articles): each process keeps a
:class:`storywatch.match.DocIndex` of recent processed articles in ``services.extras``,
filled on first use and topped up from the database on every call (articles processed since
the last call). A query is answered from the index with set operations; for words, fields
and prefixes that answer is exact, and only phrases and several-word names leave candidates
to check against the stored rows. The story an article belongs to is read fresh from the
database each time (clustering may move articles between stories after they are indexed).

Reads only: ``articles``, ``sources``, ``entities``, ``article_entities`` and, for a user,
``notifications``. Only articles the process stage finished (``status = "processed"``) are
previewed, and wire copies (``duplicate_of`` set) are left out: a preview shows what moved,
once, as a subscription in the default "developments" mode would be told.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection

from storywatch.app import Services
from storywatch.errors import InvalidInput
from storywatch.match import DocIndex, MatchDoc, Query, evaluate, explain, parse_query, prepare
from storywatch.match.query import Term, walk
from storywatch.model import Reason
from storywatch.store.tables import (
    article_entities,
    articles,
    entities,
    notifications,
    sources,
)

EXTRAS_KEY = "match.preview"
MAX_DAYS = 366
MAX_LIMIT = 500
#: Time allowed for checking candidates one by one before the total becomes an estimate.
CHECK_BUDGET_S = 0.3
_BATCH = 400


@dataclass(frozen=True, slots=True)
class PreviewMatch:
    """One article the query would have matched, with why."""

    article_id: int
    title: str
    url: str | None
    source_title: str
    published: datetime | None
    story_id: int | None
    reasons: tuple[Reason, ...]
    notified: bool = False  # the user already got a notification for this article

    @property
    def source(self) -> str:
        """The outlet's name (the same as ``source_title``)."""
        return self.source_title


@dataclass(frozen=True, slots=True)
class PreviewResult:
    """Newest matches first (at most ``limit``), the total and what it cost.

    ``scanned`` is how many articles the window holds, ``checked`` how many had to be read
    and tested one by one. ``total_exact`` is False when checking ran out of time and
    ``total`` was extrapolated from the share of checked candidates that matched.
    """

    query: str
    days: int
    matches: tuple[PreviewMatch, ...]
    total: int
    total_exact: bool
    scanned: int
    checked: int
    elapsed_ms: float


@dataclass
class _Corpus:
    """The per-process preview index and how far it has read the database.

    Every article with an id above ``last_id`` is unseen; ``pending`` holds articles seen
    before the process stage finished them (with their time), to look at again.
    """

    index: DocIndex = field(default_factory=DocIndex)
    since: datetime | None = None  # the oldest time loaded
    last_id: int = 0
    pending: dict[int, datetime] = field(default_factory=dict)
    retention_days: int = 30
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)


async def preview(
    services: Services,
    query: str,
    *,
    days: int = 30,
    limit: int = 50,
    user_id: int | None = None,
) -> PreviewResult:
    """What ``query`` would have matched over the last ``days`` days, newest first.

    Raises :class:`~storywatch.errors.QueryError` when the query does not parse and
    :class:`~storywatch.errors.InvalidInput` for a window or limit out of range. With
    ``user_id``, each match says whether that user was already notified of it.
    """
    started = time.perf_counter()
    if not 1 <= days <= MAX_DAYS:
        raise InvalidInput(f"days must be between 1 and {MAX_DAYS}")
    if not 0 <= limit <= MAX_LIMIT:
        raise InvalidInput(f"limit must be between 0 and {MAX_LIMIT}")
    parsed = parse_query(query)
    now = services.clock()
    since = now - timedelta(days=days)
    corpus: _Corpus = services.extras.setdefault(EXTRAS_KEY, _Corpus())
    async with services.db.read() as conn:
        async with corpus.lock:
            await _sync(conn, corpus, since, now, days)
            external = await _story_members(conn, parsed, since)
            hits = corpus.index.search(parsed.root, since.timestamp(), external)
            scanned = corpus.index.count_since(since.timestamp())
        if hits.exact:
            matches, total, checked = await _exact(conn, parsed, hits.ids, limit)
            total_exact = True
        else:
            matches, total, checked, total_exact = await _checked(conn, parsed, hits.ids, limit)
        if user_id is not None and matches:
            matches = await _mark_notified(conn, matches, user_id)
    return PreviewResult(
        query=query,
        days=days,
        matches=tuple(matches),
        total=total,
        total_exact=total_exact,
        scanned=scanned,
        checked=checked,
        elapsed_ms=(time.perf_counter() - started) * 1000,
    )


async def warm(services: Services, *, days: int = 30) -> int:
    """Build the preview index now (at start-up) so the first preview is quick.

    Returns how many articles the index holds. Safe to call again: it only tops up.
    """
    corpus: _Corpus = services.extras.setdefault(EXTRAS_KEY, _Corpus())
    now = services.clock()
    async with services.db.read() as conn, corpus.lock:
        await _sync(conn, corpus, now - timedelta(days=days), now, days)
    return len(corpus.index)


# ----------------------------------------------------------------------------- the index


def _article_time(row: Any) -> datetime:
    published: datetime | None = row.published_at
    arrived: datetime = row.arrived_at
    return published if published is not None and published <= arrived else arrived


async def _sync(
    conn: AsyncConnection, corpus: _Corpus, since: datetime, now: datetime, days: int
) -> None:
    """Bring the index up to date: older articles if the window grew, then new ones.

    Each step reads by primary key or by the indexed time columns, so a call with nothing
    new costs two index lookups, not a scan.
    """
    corpus.retention_days = max(corpus.retention_days, days)
    if corpus.since is None or since < corpus.since:
        top = (await conn.execute(sa.select(sa.func.max(articles.c.id)))).scalar_one() or 0
        condition = sa.and_(
            sa.or_(articles.c.published_at >= since, articles.c.arrived_at >= since),
            articles.c.id <= top,
        )
        if corpus.since is not None:
            condition = sa.and_(condition, articles.c.arrived_at < corpus.since)
        corpus.since = since
        await _take(conn, corpus, condition)
        corpus.last_id = max(corpus.last_id, top)
    await _take(conn, corpus, articles.c.id > corpus.last_id)
    waiting = sorted(corpus.pending)
    for start in range(0, len(waiting), _BATCH):
        await _take(conn, corpus, articles.c.id.in_(waiting[start : start + _BATCH]))
    cutoff = now - timedelta(days=corpus.retention_days)
    corpus.index.discard_before(cutoff.timestamp())
    corpus.pending = {a: at for a, at in corpus.pending.items() if at >= cutoff}
    if corpus.index.dead > max(1000, len(corpus.index)):
        corpus.index.compact()


_ROW_COLUMNS = (
    articles.c.id,
    articles.c.title,
    articles.c.text,
    articles.c.language,
    articles.c.source_id,
    articles.c.entities,
    articles.c.published_at,
    articles.c.arrived_at,
    articles.c.processed_at,
    articles.c.status,
    articles.c.duplicate_of,
    sources.c.title.label("source_title"),
)


_STATE_COLUMNS = (
    articles.c.id,
    articles.c.status,
    articles.c.processed_at,
    articles.c.duplicate_of,
    articles.c.published_at,
    articles.c.arrived_at,
)


async def _take(conn: AsyncConnection, corpus: _Corpus, condition: sa.ColumnElement[bool]) -> None:
    """Index the processed, original articles that ``condition`` selects; note the others.

    States are read first (small rows), then the texts of the ready articles in batches by
    primary key; reading words is CPU work, done in a worker thread batch by batch so that
    the event loop (the web server) keeps answering while a month of news is indexed.
    """
    stmt = sa.select(*_STATE_COLUMNS).where(condition).order_by(articles.c.id)
    ready: list[int] = []
    oldest = corpus.since
    for row in await conn.execute(stmt):
        corpus.last_id = max(corpus.last_id, row.id)
        at = _article_time(row)
        if oldest is not None and at < oldest:
            continue
        if row.status != "processed":
            if row.processed_at is None:  # not processed yet: look again next time
                corpus.pending[row.id] = at
            else:  # processing failed: there is no text to match
                corpus.pending.pop(row.id, None)
            continue
        corpus.pending.pop(row.id, None)
        if row.duplicate_of is None:
            ready.append(row.id)
    for start in range(0, len(ready), _BATCH):
        rows = await _rows(conn, ready[start : start + _BATCH], with_story=False)
        batch = [(row.id, doc, _article_time(row).timestamp()) for row, doc in rows]
        await asyncio.to_thread(_index_all, corpus.index, batch)


def _index_all(index: DocIndex, batch: list[tuple[int, MatchDoc, float]]) -> None:
    for article_id, doc, at in batch:
        index.add(article_id, doc, at)


async def _story_members(
    conn: AsyncConnection, query: Query, since: datetime
) -> dict[str, set[int]]:
    """For each ``story:`` in the query, the articles in that story now."""
    wanted = {
        int(node.key.split(":", 1)[1])
        for node in walk(query.root)
        if isinstance(node, Term) and node.kind == "story"
    }
    if not wanted:
        return {}
    stmt = sa.select(articles.c.id, articles.c.story_id).where(
        articles.c.story_id.in_(wanted),
        sa.or_(articles.c.published_at >= since, articles.c.arrived_at >= since),
    )
    members: dict[str, set[int]] = {f"story:{s}": set() for s in wanted}
    for row in await conn.execute(stmt):
        members[f"story:{row.story_id}"].add(row.id)
    return members


# ----------------------------------------------------------------------------- rows → docs


def _entity_json(value: Any) -> list[tuple[str, str, str]]:
    """(kind, name, key) triples from the ``articles.entities`` JSON, whatever its shape.

    Understood shapes: a list of objects with ``kind``/``name``/``key`` (the
    :class:`~storywatch.model.Entity` fields), or an object mapping a kind (``people``,
    ``orgs``, ``places`` or the singular) to a list of names or such objects.
    """
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return []
    found: list[tuple[str, str, str]] = []
    if isinstance(value, dict):
        for kind, items in value.items():
            for item in items if isinstance(items, list) else []:
                if isinstance(item, str):
                    found.append((str(kind), item, ""))
                elif isinstance(item, dict):
                    found.append(_triple(item, str(kind)))
    elif isinstance(value, list):
        found.extend(_triple(item, "") for item in value if isinstance(item, dict))
    return found


def _triple(item: dict[str, Any], kind: str) -> tuple[str, str, str]:
    return (str(item.get("kind") or kind), str(item.get("name") or ""), str(item.get("key") or ""))


_KIND = {
    "person": "person",
    "people": "person",
    "persons": "person",
    "org": "org",
    "orgs": "org",
    "organisation": "org",
    "organization": "org",
    "organizations": "org",
    "place": "place",
    "places": "place",
    "location": "place",
    "locations": "place",
}


def _doc(row: Any, linked: Iterable[tuple[str, str, str]], *, with_story: bool) -> MatchDoc:
    """A :class:`MatchDoc` from an article row and its entities (JSON column and links)."""
    by_kind: dict[str, dict[str, None]] = {"person": {}, "org": {}, "place": {}}
    keys: dict[str, None] = {}
    for raw_kind, name, key in (*_entity_json(row.entities), *linked):
        kind = _KIND.get(raw_kind.casefold())
        if kind is None:
            continue
        if name:
            by_kind[kind][name] = None
        if key:
            keys[key] = None
    story = getattr(row, "story_id", None) if with_story else None
    return MatchDoc(
        title=row.title or "",
        text=row.text or "",
        source=row.source_title or "",
        source_id=row.source_id,
        language=row.language,
        people=tuple(by_kind["person"]),
        orgs=tuple(by_kind["org"]),
        places=tuple(by_kind["place"]),
        entity_keys=tuple(keys),
        story_id=story,
    )


async def _entity_names(
    conn: AsyncConnection, ids: Sequence[int]
) -> dict[int, list[tuple[str, str, str]]]:
    names: dict[int, list[tuple[str, str, str]]] = {}
    for start in range(0, len(ids), _BATCH):
        chunk = ids[start : start + _BATCH]
        stmt = (
            sa.select(
                article_entities.c.article_id, entities.c.kind, entities.c.name, entities.c.key
            )
            .join(entities, entities.c.id == article_entities.c.entity_id)
            .where(article_entities.c.article_id.in_(chunk))
        )
        for row in await conn.execute(stmt):
            names.setdefault(row.article_id, []).append((row.kind, row.name, row.key))
    return names


async def _rows(
    conn: AsyncConnection, ids: Sequence[int], *, with_story: bool = True
) -> list[tuple[Any, MatchDoc]]:
    """Fresh rows for ``ids`` (in that order) with their docs."""
    stmt = (
        sa.select(*_ROW_COLUMNS, articles.c.url, articles.c.story_id)
        .join(sources, sources.c.id == articles.c.source_id)
        .where(articles.c.id.in_(ids))
    )
    by_id = {row.id: row for row in await conn.execute(stmt)}
    names = await _entity_names(conn, list(by_id))
    return [
        (by_id[i], _doc(by_id[i], names.get(i, ()), with_story=with_story))
        for i in ids
        if i in by_id
    ]


def _match(row: Any, reasons: tuple[Reason, ...]) -> PreviewMatch:
    return PreviewMatch(
        article_id=row.id,
        title=row.title,
        url=row.url,
        source_title=row.source_title or "",
        published=row.published_at or row.arrived_at,
        story_id=row.story_id,
        reasons=reasons,
    )


# ----------------------------------------------------------------------------- answers


async def _exact(
    conn: AsyncConnection, query: Query, ids: tuple[int, ...], limit: int
) -> tuple[list[PreviewMatch], int, int]:
    """The index's answer is the truth: read only the rows to show, for their reasons."""
    matches: list[PreviewMatch] = []
    stale = 0
    start = 0
    while len(matches) < limit and start < len(ids):
        chunk = ids[start : start + max(limit - len(matches), 1)]
        start += len(chunk)
        for row, doc in await _rows(conn, chunk):
            reasons = explain(query, doc) if row.duplicate_of is None else ()
            if reasons:
                matches.append(_match(row, reasons))
            else:
                stale += 1  # the stored article changed since it was indexed
    return matches, len(ids) - stale, start


async def _checked(
    conn: AsyncConnection, query: Query, ids: tuple[int, ...], limit: int
) -> tuple[list[PreviewMatch], int, int, bool]:
    """Candidates checked one by one, newest first, until done or out of time.

    The checks are CPU work and run in a worker thread, a batch at a time, so the event
    loop keeps serving other requests meanwhile.
    """
    started = time.perf_counter()
    matches: list[PreviewMatch] = []
    matched = checked = 0
    for start in range(0, len(ids), _BATCH):
        if start and time.perf_counter() - started > CHECK_BUDGET_S:
            rate = matched / checked if checked else 0.0
            estimate = matched + round(rate * (len(ids) - checked))
            return matches, estimate, checked, False
        rows = await _rows(conn, ids[start : start + _BATCH])
        found = await asyncio.to_thread(_check_batch, query, rows, limit - len(matches))
        checked += len(rows)
        matched += len(found)
        matches.extend(found[: max(limit - len(matches), 0)])
    return matches, matched, checked, True


def _check_batch(
    query: Query, rows: list[tuple[Any, MatchDoc]], explain_first: int
) -> list[PreviewMatch]:
    """The rows that match, in order; the first ``explain_first`` with their reasons."""
    found: list[PreviewMatch] = []
    for row, doc in rows:
        prepared = prepare(doc)
        if row.duplicate_of is None and evaluate(query, prepared):
            why = explain(query, prepared) if len(found) < explain_first else ()
            found.append(_match(row, why))
    return found


async def _mark_notified(
    conn: AsyncConnection, matches: list[PreviewMatch], user_id: int
) -> list[PreviewMatch]:
    ids = [m.article_id for m in matches]
    stmt = sa.select(notifications.c.article_id).where(
        notifications.c.user_id == user_id, notifications.c.article_id.in_(ids)
    )
    seen = {row.article_id for row in await conn.execute(stmt)}
    return [replace(m, notified=m.article_id in seen) for m in matches]
