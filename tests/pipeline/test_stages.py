"""The process and match stages over a real SQLite store, fed with the demo story's texts.

These drive the stages directly (no poller, no web server), so each assertion is about one
stage's behaviour: stories formed, copies collapsed, statements stored, notifications written
with their reasons, and nothing notified twice.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from storywatch.app import Services
from storywatch.demo.story import DEMO_QUERY, load_story
from storywatch.pipeline.matching import MatchStage, wants
from storywatch.pipeline.process import ProcessStage
from storywatch.service.publish import PublishRequest, publish
from storywatch.store import subscriptions as subscription_store
from storywatch.store import users
from storywatch.store.tables import articles, deliveries, notifications, statements, stories

START = datetime(2026, 3, 1, 6, 0, tzinfo=UTC)


async def _publish(services: Services, admin: users.User, article_id: str) -> int:
    story = load_story()
    art = story.article(article_id)
    outlet = story.outlet(art.outlet)
    result = await publish(
        services,
        admin,
        PublishRequest(
            url=f"https://{outlet.slug}.example/news/{art.slug}",
            title=art.title,
            text=art.body,
            published=START + art.simulated,
            source=outlet.name,
        ),
    )
    return result.article_id


async def _published_and_processed(
    services: Services, admin: users.User, keys: tuple[str, ...]
) -> dict[str, int]:
    """Publish the demo articles ``keys`` in this order, each processed before the next;
    their article ids by key."""
    process = ProcessStage(services)
    ids = {}
    for key in keys:
        ids[key] = await _publish(services, admin, key)
        outcome = await process.process(ids[key])
        assert outcome.error is None, outcome.error
    return ids


@pytest.fixture
async def admin(services: Services) -> users.User:
    async with services.db.write() as conn:
        return await users.ensure_admin(conn, services.clock())


async def _subscribe(services: Services, admin: users.User, query: str, mode: str) -> int:
    async with services.db.write() as conn:
        sub = await subscription_store.create(
            conn, admin.id, services.clock(), query=query, mode=mode
        )
    return sub.id


async def test_demo_story_becomes_one_story_with_copies_collapsed(
    services: Services, admin: users.User
) -> None:
    ids = await _published_and_processed(services, admin, ("a01", "a02", "a03", "a07", "x01"))
    async with services.db.read() as conn:
        rows = {
            r.id: r
            for r in await conn.execute(
                sa.select(
                    articles.c.id,
                    articles.c.story_id,
                    articles.c.duplicate_of,
                    articles.c.is_development,
                    articles.c.text,
                    articles.c.removed,
                )
            )
        }
        said = list(await conn.execute(sa.select(statements)))
    a01, a02, a07, x01 = (rows[ids[k]] for k in ("a01", "a02", "a07", "x01"))
    # the wire copy joins the original's story as a copy that adds nothing
    assert a02.story_id == a01.story_id
    assert a02.duplicate_of == a01.id
    assert a01.is_development and not a02.is_development
    # a later development of the same story joins it; an unrelated article does not
    assert a07.story_id == a01.story_id
    assert x01.story_id != a01.story_id
    # clutter is gone from the stored text, and listed as removed
    assert "Sign up here" not in a01.text
    assert any("Sign up here" in line for line in a01.removed)
    # statements carry their speakers ("he added" resolved to the harbor master)
    speakers = {s.speaker for s in said if s.article_id == a01.id}
    assert any(sp and "Rimsby" in sp for sp in speakers)
    assert any(sp and "Faltsky" in sp for sp in speakers)


async def test_match_writes_one_notification_per_development_with_reasons(
    services: Services, admin: users.User
) -> None:
    sub_id = await _subscribe(services, admin, DEMO_QUERY, "developments")
    process, match = ProcessStage(services), MatchStage(services)
    assert await match.reconcile() == 1
    created_for = {}
    for key in ("a01", "a02", "a07"):
        article_id = await _publish(services, admin, key)
        await process.process(article_id)
        created_for[key] = await match.match(article_id)
        # matching the same article again never notifies twice
        assert await match.match(article_id) == []
    assert len(created_for["a01"]) == 1
    assert created_for["a02"] == []  # a wire copy is not a development
    assert len(created_for["a07"]) == 1
    first = created_for["a01"][0]
    assert first.subscription_id == sub_id
    assert first.url and first.url.endswith(f"/stories/{first.story_id}")
    assert {r.kind for r in first.reasons} & {"phrase", "term"}
    assert first.title
    async with services.db.read() as conn:
        stored = list(await conn.execute(sa.select(notifications)))
        story_rows = list(await conn.execute(sa.select(stories)))
    assert len(stored) == 2
    assert {n.collapse_key for n in stored} == {f"story:{first.story_id}"}
    assert any(s.article_count >= 3 for s in story_rows)


async def test_every_mode_gets_near_copies_but_not_exact_ones(
    services: Services, admin: users.User
) -> None:
    await _subscribe(services, admin, "Velmora", "every")
    process, match = ProcessStage(services), MatchStage(services)
    await match.reconcile()
    counts = []
    for key in ("a01", "a02"):
        article_id = await _publish(services, admin, key)
        await process.process(article_id)
        counts.append(len(await match.match(article_id)))
    assert counts[0] == 1
    assert wants("every", is_development=False, duplicate=True, near_copy=True)
    assert not wants("every", is_development=False, duplicate=True, near_copy=False)
    assert not wants("developments", is_development=True, duplicate=True, near_copy=True)


async def test_subscription_changes_reach_the_percolator(
    services: Services, admin: users.User
) -> None:
    match = MatchStage(services)
    sub_id = await _subscribe(services, admin, "harbor", "every")
    assert await match.reconcile() == 1
    async with services.db.write() as conn:
        await subscription_store.update(conn, admin.id, sub_id, query="Velmora AND fire")
    assert await match.reconcile() == 1
    assert match.subs[sub_id].query == "Velmora AND fire"
    async with services.db.write() as conn:
        await subscription_store.delete(conn, admin.id, sub_id)
    await match.refresh_one(sub_id)
    assert sub_id not in match.subs and sub_id not in match.percolator


async def test_bad_article_fails_alone_and_restart_replays_stories(
    services: Services, admin: users.User
) -> None:
    process = ProcessStage(services)
    good = await _publish(services, admin, "a01")
    empty = (
        await publish(
            services,
            admin,
            PublishRequest(url="https://x.example/empty", title="", html="<html></html>"),
        )
    ).article_id
    assert (await process.process(empty)).error
    assert (await process.process(good)).story_id is not None
    async with services.db.read() as conn:
        status = dict(
            (r.id, (r.status, r.error))
            for r in await conn.execute(
                sa.select(articles.c.id, articles.c.status, articles.c.error)
            )
        )
    assert status[empty][0] == "failed" and status[empty][1]
    assert status[good][0] == "processed"
    # a new process stage (a restart) rebuilds the story state from the store
    restarted = ProcessStage(services)
    assert await restarted.restore() == 1
    copy = await _publish(services, admin, "a02")
    outcome = await restarted.process(copy)
    assert outcome.story_id == (await process.process(good)).story_id


async def test_deliveries_are_written_with_the_notification(
    services: Services, admin: users.User
) -> None:
    from storywatch.store.tables import channels

    async with services.db.write() as conn:
        await conn.execute(
            sa.insert(channels).values(
                user_id=admin.id,
                kind="webhook",
                name="hook",
                config={"url": "http://127.0.0.1:9/hook"},
                secret="whsec_" + "A" * 32,
                created_at=services.clock(),
            )
        )
    await _subscribe(services, admin, "Velmora", "developments")
    process, match = ProcessStage(services), MatchStage(services)
    await match.reconcile()
    article_id = await _publish(services, admin, "a01")
    await process.process(article_id)
    created = await match.match(article_id)
    async with services.db.read() as conn:
        rows = list(await conn.execute(sa.select(deliveries)))
    assert len(created) == 1 and len(rows) == 1
    assert rows[0].notification_id == created[0].id
    assert rows[0].status == "pending"
    assert rows[0].next_attempt_at <= services.clock() + timedelta(seconds=1)


async def test_stages_on_postgresql(pg_services: Services) -> None:
    """The same path on PostgreSQL: upserts, JSON columns and the outbox behave alike."""
    services = pg_services
    async with services.db.write() as conn:
        admin = await users.ensure_admin(conn, services.clock())
    await _subscribe(services, admin, DEMO_QUERY, "developments")
    process, match = ProcessStage(services), MatchStage(services)
    await match.reconcile()
    created = []
    for key in ("a01", "a07"):
        article_id = await _publish(services, admin, key)
        outcome = await process.process(article_id)
        assert outcome.error is None
        created += await match.match(article_id)
    assert len(created) == 2
    async with services.db.read() as conn:
        said = (await conn.execute(sa.select(sa.func.count()).select_from(statements))).scalar()
        entity_rows = (
            await conn.execute(sa.select(sa.func.count()).select_from(sa.table("entities")))
        ).scalar()
    assert said and said > 3
    assert entity_rows and entity_rows > 3


async def test_a_processed_article_whose_doorbell_was_lost_is_matched_by_the_sweep(
    services: Services, admin: users.User
) -> None:
    from storywatch.clock import ManualClock

    clock = ManualClock(datetime.now(UTC))
    services.clock = clock
    await _subscribe(services, admin, "Velmora", "every")
    process, match = ProcessStage(services), MatchStage(services)
    await match.reconcile()
    article_id = await _publish(services, admin, "a01")
    await process.process(article_id)  # ... and the articles.processed message is lost
    assert await match.unmatched() == []  # too soon to call it lost
    clock.advance(120)
    assert await match.unmatched() == [article_id]
    created = await match.match(article_id)
    assert len(created) == 1
    assert await match.unmatched() == []
