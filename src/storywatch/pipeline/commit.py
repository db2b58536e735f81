"""Writing a batch of processed articles with a handful of statements, in one transaction.

The process stage decides a run of consecutive articles and writes them together: every
article row of the batch in one ``executemany``, all their statements in another, then the
story events, the entity upserts (one statement; counts add up), the article–entity links,
and each touched story's counts, title, summary and timeline. About ten statements per batch
instead of ten per article: on SQLite each statement costs a round trip to the driver's
thread, and that overhead, not the disk, was what bounded the stage (docs/benchmarks.md,
"End to end").

A reader never sees an article in a story without its statements (one transaction); a
crash before the commit leaves every article of the batch ``new``, to be redone. Text that
goes into bounded columns is cut to fit here, so a long speaker name cannot fail a batch on
PostgreSQL.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection

from storywatch.errors import StorywatchError
from storywatch.model import ExtractedArticle, Understanding
from storywatch.pipeline.persist import _summary_values as summary_values  # same package
from storywatch.pipeline.persist import entity_json, novelty_json, reason_json
from storywatch.store.articles import content_hash
from storywatch.store.database import Database
from storywatch.store.rawvalues import DriverStatement, inserting, time_binder
from storywatch.store.tables import (
    article_entities,
    articles,
    entities,
    statements,
    stories,
    story_events,
)
from storywatch.stories import StoryDecision, StorySummary

CHUNK = 500  # rows per multi-row statement (SQLite bounds a statement's values)


@dataclass(frozen=True, slots=True)
class Written:
    """One article as the engine decided it, ready to be stored."""

    article_id: int
    story_id: int
    extracted: ExtractedArticle
    understanding: Understanding
    decision: StoryDecision
    published: datetime
    source_title: str
    note: str | None = None
    title: str = ""  # the article's title: a new story's first title
    new_story: bool = False  # its story starts with it (the row is written with the batch)


def _cut(value: str | None, limit: int) -> str | None:
    return value[:limit] if value is not None else None


async def still_new(db: Database, ids: Iterable[int]) -> set[int]:
    """Which of ``ids`` are still ``new``."""
    wanted = list(ids)
    found: set[int] = set()
    async with db.read() as conn:
        for start in range(0, len(wanted), CHUNK):
            rows = await conn.execute(
                sa.select(articles.c.id).where(
                    articles.c.id.in_(wanted[start : start + CHUNK]), articles.c.status == "new"
                )
            )
            found.update(int(r[0]) for r in rows)
    return found


class ArticlesChanged(StorywatchError):
    """An article of the batch stopped being ``new`` while it was decided."""

    code = "articles_changed"


class StoryIds:
    """Ids for new stories, known before their rows are written with the batch.

    The engine needs a new story's id before it decides the next article, and inserting
    each new story on its own would cost a round trip and hold the write lock while the
    engine works. On SQLite the next ids follow the largest stored one, read once and
    again after :meth:`forget` (a failed batch): only the process stage creates stories,
    one consumer per deployment, and should anything else insert one meanwhile, the
    batch's insert fails and is redone. On PostgreSQL each id comes from the table's
    sequence.
    """

    def __init__(self, db: Database) -> None:
        self.db = db
        self._next: int | None = None

    def forget(self) -> None:
        self._next = None

    async def take(self) -> int:
        if self.db.dialect == "postgresql":
            async with self.db.read() as conn:
                found = await conn.execute(
                    sa.text("SELECT nextval(pg_get_serial_sequence('stories', 'id'))")
                )
                return int(found.scalar_one())
        if self._next is None:
            async with self.db.read() as conn:
                top = (await conn.execute(sa.select(sa.func.max(stories.c.id)))).scalar()
            self._next = int(top or 0) + 1
        taken, self._next = self._next, self._next + 1
        return taken


async def write_batch(
    conn: AsyncConnection,
    items: Sequence[Written],
    failed: Sequence[tuple[int, str]],
    summaries: Mapping[int, StorySummary],
    now: datetime,
) -> None:
    """Store a batch: the processed articles (in order) and the failed ones with reasons."""
    if failed:
        await conn.execute(
            sa.update(articles)
            .where(articles.c.id == sa.bindparam("b_id"))
            .values(status="failed", error=sa.bindparam("b_error"), processed_at=now),
            [{"b_id": article_id, "b_error": error[:2000]} for article_id, error in failed],
        )
    if not items:
        return
    started = [item for item in items if item.new_story]
    when = time_binder(conn.dialect.name)
    stamp = when(now)
    if started:
        await _STORY_INSERT.executemany(
            conn,
            [
                (item.story_id, item.title[:500], at, at, stamp)
                for item in started
                for at in (when(item.published),)
            ],
        )
    await _update_articles(conn, items, stamp)
    await _repoint_copies(conn, items)
    said: list[tuple[Any, ...]] = []
    events: list[tuple[Any, ...]] = []
    for item in items:
        at = when(item.published)  # the driver's value, for its statements and its events
        said += _statement_rows(item, at)
        events += _event_rows(item, at)
    await _STATEMENT_INSERT.executemany(conn, said)
    await _EVENT_INSERT.executemany(conn, events)
    await write_entities(conn, items)
    await _refresh_stories(conn, items, summaries)


_ARTICLE_COLUMNS = (
    "status",
    "error",
    "processed_at",
    "text",
    "canonical_url",
    "image",
    "language",
    "removed",
    "content_hash",
    "entities",
    "key_sentences",
    "summary",
    "story_id",
    "duplicate_of",
    "duplicate_kind",
    "story_reasons",
    "is_development",
    "novelty",
)


# The three statements below run with rows of plain driver values (store.rawvalues): a
# batch's rows went through SQLAlchemy's per-row parameter building and per-value type
# processing before, the largest part of the store's CPU per article in the stage. JSON
# values are serialised as ``sa.JSON`` does (``json.dumps``; None is JSON ``null``), times
# as ``UTCDateTime`` stores them (``time_binder``).
_json = json.dumps

_ARTICLE_UPDATE = DriverStatement(
    lambda: (
        sa.update(articles)
        .where(
            articles.c.id == sa.bindparam("b_id"),
            articles.c.status == sa.literal_column("'new'"),
        )
        .values({name: sa.bindparam(f"b_{name}") for name in _ARTICLE_COLUMNS})
    ),
    (*(f"b_{name}" for name in _ARTICLE_COLUMNS), "b_id"),
)
_STATEMENT_COLUMNS = (
    "article_id",
    "story_id",
    "position",
    "kind",
    "text",
    "speaker",
    "speaker_key",
    "speaker_mention",
    "speaker_title",
    "cue",
    "said_at",
)
_STATEMENT_INSERT = inserting(statements, _STATEMENT_COLUMNS)
_STORY_INSERT = inserting(
    stories, ("id", "title", "first_seen_at", "last_article_at", "created_at")
)
_LINK_INSERT = inserting(article_entities, ("article_id", "entity_id", "count"))
_EVENT_COLUMNS = ("story_id", "article_id", "kind", "at", "text", "article_ids", "detail")
_EVENT_INSERT = inserting(story_events, _EVENT_COLUMNS)


async def _update_articles(conn: AsyncConnection, items: Sequence[Written], now: Any) -> None:
    """Every article row of the batch; ``now`` is already the driver's value."""
    rows: list[tuple[Any, ...]] = []
    for item in items:
        extracted, understanding, decision = item.extracted, item.understanding, item.decision
        removed = list(extracted.removed) or None
        rows.append(
            (
                "processed",  # status
                item.note,  # error
                now,  # processed_at
                extracted.text,
                _cut(extracted.canonical_url, 2048),
                _cut(extracted.image, 2048),
                _cut(extracted.language or understanding.language, 16),
                _json(removed),
                content_hash(extracted.text),
                _json([entity_json(e) for e in understanding.entities]),
                _json(list(understanding.key_sentences)),
                understanding.summary,
                item.story_id,
                decision.duplicate_of,
                decision.duplicate_kind,
                _json([reason_json(r) for r in decision.reasons]),
                decision.is_development,
                _json(novelty_json(decision.novelty)),
                item.article_id,
            )
        )
    changed = await _ARTICLE_UPDATE.executemany(conn, rows)
    if conn.dialect.supports_sane_multi_rowcount and changed != len(rows):
        raise ArticlesChanged("an article of the batch was processed elsewhere meanwhile")


async def _repoint_copies(conn: AsyncConnection, items: Sequence[Written]) -> None:
    """Articles that arrived before the first publisher of their text now point at it
    (``StoryDecision.copies``): provenance must not depend on the order feeds were read."""
    rows = [
        {"b_id": copy, "b_original": item.article_id}
        for item in items
        for copy in item.decision.copies
    ]
    if rows:
        await conn.execute(
            sa.update(articles)
            .where(articles.c.id == sa.bindparam("b_id"))
            .values(
                duplicate_of=sa.bindparam("b_original"),
                duplicate_kind=sa.func.coalesce(articles.c.duplicate_kind, "near"),
            ),
            rows,
        )


def _statement_rows(item: Written, said_at: Any) -> list[tuple[Any, ...]]:
    return [
        (
            item.article_id,
            item.story_id,
            i,
            s.kind,
            s.text,
            _cut(s.speaker, 300),
            _cut(s.speaker_key, 300),
            _cut(s.speaker_mention, 300),
            _cut(s.speaker_title, 300),
            _cut(s.cue, 100),
            said_at,
        )
        for i, s in enumerate(item.understanding.statements)
    ]


def _event_rows(item: Written, at: Any) -> list[tuple[Any, ...]]:
    decision, story_id, article_id = item.decision, item.story_id, item.article_id
    rows: list[tuple[Any, ...]] = [
        (
            story_id,
            article_id,
            event.kind,
            at,
            event.text,
            _json(list(event.article_ids) or [article_id]),
            _json(dict(event.detail) or None),
        )
        for event in decision.events
    ]
    if decision.is_development:
        lead = (decision.novelty.new_sentences or (item.extracted.title or "",))[0]
        detail = {"source": item.source_title}
        rows.insert(
            0, (story_id, article_id, "development", at, lead, _json([article_id]), _json(detail))
        )
    return rows


_ENTITY_COLUMNS = ("key", "name", "kind", "titles", "article_count")


def _entity_upsert(insert: Any) -> sa.ClauseElement:
    stmt = insert(entities).inline().values({c: sa.bindparam(f"b_{c}") for c in _ENTITY_COLUMNS})
    return stmt.on_conflict_do_update(  # type: ignore[no-any-return]
        index_elements=["key"],
        set_={"article_count": entities.c.article_count + stmt.excluded.article_count},
    )


_ENTITY_KEYS = tuple(f"b_{c}" for c in _ENTITY_COLUMNS)
_ENTITY_UPSERT = {
    "sqlite": DriverStatement(lambda: _entity_upsert(sqlite.insert), _ENTITY_KEYS),
    "postgresql": DriverStatement(lambda: _entity_upsert(postgresql.insert), _ENTITY_KEYS),
}


async def write_entities(conn: AsyncConnection, items: Sequence[Written]) -> None:
    """Upsert the batch's entities (one statement per chunk), then link the articles."""
    per_article = [
        (item.article_id, {e.key[:300]: e for e in item.understanding.entities}) for item in items
    ]
    first: dict[str, dict[str, Any]] = {}
    for _article_id, found in per_article:
        for key, entity in found.items():
            row = first.get(key)
            if row is None:
                first[key] = {
                    "key": key,
                    "name": entity.name[:300],
                    "kind": str(entity.kind),
                    "titles": list(entity.titles) or None,
                    "article_count": 1,
                }
            else:
                row["article_count"] += 1
    if not first:
        return
    # one statement, executed for every row (compiled once, unlike a multi-row VALUES
    # whose shape changes with every batch), with driver values
    await _ENTITY_UPSERT[conn.dialect.name].executemany(
        conn,
        [
            (r["key"], r["name"], r["kind"], _json(r["titles"]), r["article_count"])
            for r in first.values()
        ],
    )
    keys = list(first)
    ids: dict[str, int] = {}
    for start in range(0, len(keys), CHUNK):
        stored = await conn.execute(
            sa.select(entities.c.key, entities.c.id).where(
                entities.c.key.in_(keys[start : start + CHUNK])
            )
        )
        ids.update((str(k), int(i)) for k, i in stored)
    links = [
        (article_id, ids[key], entity.count)
        for article_id, found in per_article
        for key, entity in found.items()
    ]
    await _LINK_INSERT.executemany(conn, links)


async def _refresh_stories(
    conn: AsyncConnection, items: Sequence[Written], summaries: Mapping[int, StorySummary]
) -> None:
    """Each touched story's counts and latest times, and its title, summary and timeline.

    Values are what one-article-at-a-time writing would leave after the batch's last
    article: the last article's time, developments added up, the latest development's time.
    """
    latest: dict[int, datetime] = {}
    developments: dict[int, int] = {}
    last_development: dict[int, datetime] = {}
    for item in items:
        latest[item.story_id] = item.published
        if item.decision.is_development:
            developments[item.story_id] = developments.get(item.story_id, 0) + 1
            last_development[item.story_id] = item.published
    touched = list(latest)
    counts: dict[int, tuple[int, int, datetime | None]] = {}
    for start in range(0, len(touched), CHUNK):
        rows = await conn.execute(
            sa.select(
                articles.c.story_id,
                sa.func.count(),
                sa.func.count(sa.distinct(articles.c.source_id)),
                sa.func.max(articles.c.published_at),
            )
            .where(
                articles.c.story_id.in_(touched[start : start + CHUNK]),
                articles.c.status == "processed",
            )
            .group_by(articles.c.story_id)
        )
        counts.update((int(r[0]), (int(r[1]), int(r[2]), r[3])) for r in rows)
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for story_id in touched:
        n, n_sources, newest = counts.get(story_id, (0, 0, None))
        values: dict[str, Any] = {
            "article_count": n,
            "source_count": n_sources,
            "last_article_at": max(t for t in (newest, latest[story_id]) if t is not None),
        }
        if story_id in developments:
            values["development_add"] = developments[story_id]
            values["last_development_at"] = last_development[story_id]
        summary = summaries.get(story_id)
        if summary is not None:
            values.update(summary_values(summary))
        groups.setdefault(tuple(sorted(values)), []).append(values | {"story_id": story_id})
    for keys, rows_of in groups.items():
        await conn.execute(_story_update(keys), [_bound(row) for row in rows_of])


def _story_update(keys: tuple[str, ...]) -> sa.Update:
    values: dict[str, Any] = {}
    for key in keys:
        if key == "development_add":
            values["development_count"] = stories.c.development_count + sa.bindparam("b_add")
        else:
            values[key] = sa.bindparam(f"b_{key}", type_=stories.c[key].type)
    return sa.update(stories).where(stories.c.id == sa.bindparam("b_story_id")).values(values)


def _bound(row: dict[str, Any]) -> dict[str, Any]:
    return {("b_add" if k == "development_add" else f"b_{k}"): v for k, v in row.items()}
