"""The process stage with worker processes: same results as without, and failures stay local.

Everything is real: the stage on a SQLite file, its worker processes (started from the fork
server), the demo story's texts and web pages. Workers are killed with ``os.kill``.
"""

from __future__ import annotations

import asyncio
import os
import signal
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from storywatch.app import Services, open_services
from storywatch.bus import PROCESSED
from storywatch.demo.markup import article_path
from storywatch.demo.pages import render_article_page
from storywatch.demo.story import load_story
from storywatch.model import IncomingArticle
from storywatch.pipeline.process import ProcessStage
from storywatch.settings import Settings
from storywatch.store import sources as source_store
from storywatch.store.articles import insert_incoming
from storywatch.store.tables import (
    article_entities,
    articles,
    entities,
    statements,
    stories,
    story_events,
)

START = datetime(2026, 3, 1, 6, 0, tzinfo=UTC)


@asynccontextmanager
async def _services(tmp_path: Path, name: str, **values: Any) -> AsyncIterator[Services]:
    settings = Settings(data_dir=tmp_path / name, allow_loopback=True, **values)
    async with open_services(settings) as services:
        yield services


async def _insert_demo(services: Services, *, pages: bool, repeat: int = 1) -> dict[str, int]:
    """The demo story's articles stored ``new`` in release order (the correction a14 too).

    ``pages``: each item carries its web page (header, footer, share bar, "More from" list,
    captions, and a tagline of the outlet's that no rule removes), so extraction and the
    site boilerplate model both work; otherwise its text.
    """
    story = load_story()
    ids: dict[str, int] = {}
    source_ids: dict[str, int] = {}
    async with services.db.write() as conn:
        for outlet in story.outlets:
            source = await source_store.add(
                conn, f"https://{outlet.slug}.example/feed", START, title=outlet.name
            )
            source_ids[outlet.slug] = source.id
        for n, art in enumerate(story.articles):
            base = f"https://{art.outlet}.example"
            url = base + article_path(story, art)
            body = art.body if repeat == 1 else "\n\n".join([art.body] * repeat)
            html = ""
            if pages:
                html = render_article_page(
                    story, art, base_url=base, anchor=START, released=story.articles[:n]
                )
                # a line of the site's own on every page, which only repetition gives away
                tagline = (
                    f"{story.outlet(art.outlet).name} has covered the Carrow coast since 1921."
                )
                html = html.replace(
                    '<div class="article-body">', f'<div class="article-body"><p>{tagline}</p>'
                )
            item = IncomingArticle(
                guid=f"{url}#{art.id}",
                url=url,
                title=art.title,
                html=html,
                text="" if pages else body,
                published=START + art.simulated,
            )
            # arrived now, as in production: a restarted stage replays what arrived within
            # its window of the clock (arrival at START, months ago, replayed nothing)
            (ids[art.id],) = await insert_incoming(
                conn, source_ids[art.outlet], [item], services.clock()
            )
    return ids


def _rows(result: Any) -> list[tuple[Any, ...]]:
    return sorted((tuple(r) for r in result), key=repr)


async def _stored(services: Services) -> dict[str, list[tuple[Any, ...]]]:
    """Everything processing stores, without times of day that differ between runs."""
    queries = {
        "articles": sa.select(
            articles.c.id,
            articles.c.status,
            articles.c.error,
            articles.c.story_id,
            articles.c.duplicate_of,
            articles.c.duplicate_kind,
            articles.c.is_development,
            articles.c.text,
            articles.c.removed,
            articles.c.entities,
            articles.c.key_sentences,
            articles.c.summary,
            articles.c.novelty,
            articles.c.story_reasons,
            articles.c.language,
            articles.c.canonical_url,
            articles.c.content_hash,
        ),
        "statements": sa.select(*(c for c in statements.c if c.name != "id")),
        "entities": sa.select(entities.c.key, entities.c.name, entities.c.article_count),
        "links": sa.select(
            article_entities.c.article_id, entities.c.key, article_entities.c.count
        ).join(entities, entities.c.id == article_entities.c.entity_id),
        "stories": sa.select(
            stories.c.id,
            stories.c.title,
            stories.c.summary,
            stories.c.article_count,
            stories.c.source_count,
            stories.c.development_count,
            stories.c.state,
            stories.c.first_seen_at,
            stories.c.last_article_at,
            stories.c.last_development_at,
        ),
        "events": sa.select(*(c for c in story_events.c if c.name != "id")),
    }
    async with services.db.read() as conn:
        return {name: _rows(await conn.execute(q)) for name, q in queries.items()}


@pytest.mark.parametrize("pages", [False, True], ids=["text", "pages"])
async def test_workers_store_exactly_what_one_process_stores(tmp_path: Path, pages: bool) -> None:
    stored = {}
    for workers in (0, 2):
        async with _services(tmp_path, f"w{workers}", process_workers=workers) as services:
            ids = await _insert_demo(services, pages=pages)
            # a deep window: every page is judged on a stale view of its site's boilerplate
            stage = ProcessStage(services, depth=40 if workers else None)
            outcomes = await stage.process_many(sorted(ids.values()))
            assert [o.error for o in outcomes] == [None] * len(ids)
            stored[workers] = await _stored(services)
            if workers:
                assert stage.pool is not None and len(stage.pool.pids()) == 2
                if pages:  # the site model learned lines while pages were in flight
                    assert stage.stats["reprepared"] > 0
            await stage.aclose()
    serial, parallel = stored[0], stored[2]
    assert parallel.keys() == serial.keys()
    for table in serial:
        assert parallel[table] == serial[table], table
    # and the results are the demo story's: one story, copies found, clutter gone
    by_id = {row[0]: row for row in serial["articles"]}
    assert len({row[3] for row in serial["articles"]}) >= 2
    assert any(row[4] is not None for row in serial["articles"])  # a wire copy
    if pages:  # the tagline is learned, then removed, from the fifth page of an outlet on
        kept = [row[7] for row in serial["articles"] if "since 1921" in row[7]]
        assert 5 <= len(kept) <= 5 * len(load_story().outlets)
        assert any(any("since 1921" in line for line in row[8] or ()) for row in by_id.values())


async def _long_article(services: Services, times: int) -> int:
    async with services.db.write() as conn:
        source = await source_store.add(conn, "https://long.example/feed", START, title="Long")
        body = "\n\n".join([load_story().article("a01").body] * times)
        # published after a01, whose text it repeats: a copy, never the first publisher
        item = IncomingArticle(
            guid="long",
            url="https://long.example/1",
            title="Long",
            text=body,
            published=START + timedelta(days=1),
        )
        (article_id,) = await insert_incoming(conn, source.id, [item], services.clock())
    return article_id


async def _kill_when_busy(stage: ProcessStage, article_id: int, spare: int = 0) -> int:
    """Kill the worker running ``article_id`` (not ``spare``, a worker killed already)."""
    async with asyncio.timeout(30):
        while True:
            pool = stage.pool
            if pool is not None:
                for pid, running in pool.busy().items():
                    if running == article_id and pid != spare:
                        os.kill(pid, signal.SIGKILL)
                        return pid
            await asyncio.sleep(0.005)


async def test_a_worker_killed_mid_article_costs_a_retry_and_order_holds(
    services: Services,
) -> None:
    ids = await _insert_demo(services, pages=False)
    long_id = await _long_article(services, 300)
    order = [ids["a01"], long_id, ids["a02"], ids["a03"], ids["a07"], ids["x01"]]
    stage = ProcessStage(services, workers=2)
    services.bus.ensure_group(PROCESSED, "test")  # type: ignore[attr-defined]
    running = asyncio.create_task(stage.process_many(order))
    killed = await _kill_when_busy(stage, long_id)
    outcomes = await running
    assert [o.article_id for o in outcomes] == order
    assert all(o.error is None for o in outcomes), outcomes
    assert stage.stats["worker_lost"] == 1
    assert stage.pool is not None and killed not in stage.pool.pids()
    # decisions were taken in arrival order: the articles that were ready while the long
    # one was redone waited for it, and the wire copy a02 is the copy, not the original
    announced = []
    while len(announced) < len(order):
        message = await anext(services.bus.consume(PROCESSED, "test", "1"))
        announced.append(message.data["article_id"])
    assert announced == order
    async with services.db.read() as conn:
        a02 = (await conn.execute(sa.select(articles).where(articles.c.id == ids["a02"]))).one()
    assert a02.duplicate_of == ids["a01"]
    await stage.aclose()


async def test_an_article_that_kills_its_worker_twice_fails_alone(services: Services) -> None:
    ids = await _insert_demo(services, pages=False)
    long_id = await _long_article(services, 300)
    order = [ids["a01"], long_id, ids["a02"]]
    stage = ProcessStage(services, workers=2)
    running = asyncio.create_task(stage.process_many(order))
    first = await _kill_when_busy(stage, long_id)
    await _kill_when_busy(stage, long_id, spare=first)
    outcomes = {o.article_id: o for o in await running}
    assert outcomes[long_id].error and "died" in outcomes[long_id].error
    assert outcomes[ids["a01"]].error is None and outcomes[ids["a02"]].error is None
    async with services.db.read() as conn:
        rows = dict(
            (r.id, (r.status, r.error))
            for r in await conn.execute(
                sa.select(articles.c.id, articles.c.status, articles.c.error)
            )
        )
    assert rows[long_id][0] == "failed" and "twice" in rows[long_id][1]
    assert rows[ids["a02"]][0] == "processed"
    # the stage goes on with a full pool
    assert (await stage.process(ids["a03"])).story_id is not None
    assert stage.pool is not None and len(stage.pool.pids()) == 2
    await stage.aclose()


async def test_an_article_past_the_time_limit_fails_alone(tmp_path: Path) -> None:
    async with _services(
        tmp_path, "slow", process_workers=1, process_article_timeout_seconds=1.0
    ) as services:
        ids = await _insert_demo(services, pages=False)
        long_id = await _long_article(services, 3000)
        stage = ProcessStage(services)
        outcomes = await stage.process_many([ids["a01"], long_id, ids["a02"]])
        assert outcomes[1].error and "longer than 1 s" in outcomes[1].error
        assert outcomes[0].error is None and outcomes[2].error is None
        assert outcomes[2].story_id == outcomes[0].story_id
        assert stage.stats["timeouts"] == 1
        await stage.aclose()


async def test_a_restart_resumes_the_backlog_where_it_stopped(tmp_path: Path) -> None:
    """Stop the running stage half way; the next one redoes what is still new, in order."""
    async with _services(tmp_path, "restart", process_workers=2) as services:
        ids = await _insert_demo(services, pages=True)

        async def statuses() -> dict[int, str]:
            async with services.db.read() as conn:
                stmt = sa.select(articles.c.id, articles.c.status)
                return {int(r.id): str(r.status) for r in await conn.execute(stmt)}

        first = ProcessStage(services)
        stop = asyncio.Event()
        finish = first._finish

        async def finish_then_stop(batch: list[Any]) -> list[Any]:
            # stopped right after its first batch is written: the same point on any machine
            # (polling the store raced the workers, which may clear the backlog in between)
            done = await finish(batch)
            stop.set()
            return done

        first._finish = finish_then_stop  # type: ignore[method-assign]
        async with asyncio.timeout(60):
            await first.run(stop)
        assert first.pool is None  # run() stopped its workers
        after_first = await statuses()
        left = [i for i, s in after_first.items() if s == "new"]
        assert left, "the first stage finished everything before it was stopped"
        assert "processed" in after_first.values(), "the first stage wrote nothing"

        second = ProcessStage(services)
        stop = asyncio.Event()
        running = asyncio.create_task(second.run(stop))
        async with asyncio.timeout(60):
            while "new" in (await statuses()).values():
                await asyncio.sleep(0.02)
        stop.set()
        await running
        assert set((await statuses()).values()) == {"processed"}
        async with services.db.read() as conn:
            rows = {
                int(r.id): r
                for r in await conn.execute(
                    sa.select(articles.c.id, articles.c.story_id, articles.c.duplicate_of)
                )
            }
        # the demo's wire copy and follow-ups joined the first article's story across the stop
        assert rows[ids["a02"]].duplicate_of == ids["a01"]
        assert rows[ids["a07"]].story_id == rows[ids["a01"]].story_id


async def test_batches_on_postgresql_store_what_sqlite_stores(
    tmp_path: Path, pg_services: Services
) -> None:
    """Story ids reserved from the sequence, upserts and JSON columns behave alike."""
    async with _services(tmp_path, "sqlite", process_workers=0) as services:
        await _insert_demo(services, pages=False)
        stage = ProcessStage(services)
        await stage.process_many(await stage.pending())
        expected = await _stored(services)
    ids = await _insert_demo(pg_services, pages=False)
    stage = ProcessStage(pg_services, workers=2)
    outcomes = await stage.process_many(sorted(ids.values()))
    assert all(o.error is None for o in outcomes)
    got = await _stored(pg_services)
    await stage.aclose()
    for table in expected:
        assert got[table] == expected[table], table


async def test_an_article_the_database_refuses_fails_alone_and_leaves_no_trace(
    services: Services,
) -> None:
    """The engine learned the refused article before the commit failed: it forgets it."""
    ids = await _insert_demo(services, pages=False)
    async with services.db.write() as conn:  # the database itself refuses a01's results
        await conn.exec_driver_sql(
            "CREATE TRIGGER refuse_a01 BEFORE UPDATE OF status ON articles "
            f"WHEN NEW.id = {ids['a01']} AND NEW.status = 'processed' "
            "BEGIN SELECT RAISE(ABORT, 'refused by a test trigger'); END"
        )
    stage = ProcessStage(services, workers=2)
    order = [ids["a01"], ids["a02"], ids["a03"], ids["a07"]]
    outcomes = {o.article_id: o for o in await stage.process_many(order)}
    await stage.aclose()
    assert outcomes[ids["a01"]].error and "refused by a test trigger" in outcomes[ids["a01"]].error
    assert all(outcomes[i].error is None for i in order[1:])
    assert stage.stats["rebuilds"] >= 1
    async with services.db.read() as conn:
        rows = {
            int(r.id): r
            for r in await conn.execute(
                sa.select(articles.c.id, articles.c.status, articles.c.duplicate_of)
            )
        }
        counted = (await conn.execute(sa.select(stories.c.id, stories.c.article_count))).all()
    assert rows[ids["a01"]].status == "failed"
    # a02 copies a01 word for word; with a01 never stored, a02 is nobody's copy
    assert rows[ids["a02"]].status == "processed" and rows[ids["a02"]].duplicate_of is None
    assert sum(n for _id, n in counted) == 3  # every stored story counts stored articles only


async def test_the_event_loop_turns_between_the_decisions_of_a_batch(tmp_path: Path) -> None:
    # Workers' results are read and their next jobs sent only when the event loop runs; a
    # batch decided without a turn in between would leave the workers idle meanwhile.
    async with _services(tmp_path, "turns", process_workers=2) as services:
        ids = await _insert_demo(services, pages=False)
        stage = ProcessStage(services, depth=40)
        turns = [0]
        seen: list[int] = []

        async def tick() -> None:
            while True:
                turns[0] += 1
                await asyncio.sleep(0)

        decide = stage.engine.decide

        def counted(*args: Any, **kwargs: Any) -> Any:
            seen.append(turns[0])
            return decide(*args, **kwargs)

        stage.engine.decide = counted  # type: ignore[method-assign]
        ticker = asyncio.create_task(tick())
        try:
            outcomes = await stage.process_many(sorted(ids.values()))
        finally:
            ticker.cancel()
            await stage.aclose()
        assert [o.error for o in outcomes] == [None] * len(ids)
        assert stage.stats["batches"] < len(seen)  # some batches decided several articles
        assert len(seen) == len(ids) and all(b > a for a, b in pairwise(seen))
