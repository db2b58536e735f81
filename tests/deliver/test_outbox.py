"""The outbox on SQLite and PostgreSQL: recording, dedupe, policy in the store, leases."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa

from storywatch.app import Services
from storywatch.bus import LIVE, NOTIFIED
from storywatch.clock import ManualClock
from storywatch.deliver.outbox import announce, record, record_many
from storywatch.deliver.policy import Limits
from storywatch.model import Reason
from storywatch.store.channels import (
    Outcome,
    claim,
    lease,
    leased,
    note_results,
    write_outcomes,
)
from storywatch.store.channels import get as get_channel
from storywatch.store.deliverylog import delivery_log
from storywatch.store.notifications import get_for_user
from storywatch.store.tables import channels as channels_table
from storywatch.store.tables import deliveries, notifications
from tests.deliver.helpers import add_channel, draft, new_story, new_user

WEBHOOK = {"url": "http://127.0.0.1:9/hook"}
NOON = datetime(2024, 6, 3, 12, 0, tzinfo=UTC)


async def _deliveries(services: Services, notification_id: int) -> list[sa.Row]:
    async with services.db.read() as conn:
        stmt = sa.select(deliveries).where(deliveries.c.notification_id == notification_id)
        return list(await conn.execute(stmt.order_by(deliveries.c.channel_id)))


async def test_record_writes_one_delivery_per_enabled_channel(any_dsvc: Services) -> None:
    svc = any_dsvc
    uid = await new_user(svc, "ana")
    a = await add_channel(svc, uid, "webhook", WEBHOOK)
    b = await add_channel(svc, uid, "ntfy", {"server": "http://127.0.0.1:9", "topic": "news"})
    off = await add_channel(svc, uid, "webhook", WEBHOOK)
    async with svc.db.write() as conn:
        await conn.execute(
            sa.text("UPDATE channels SET enabled = false WHERE id = :i"), {"i": off.id}
        )
    async with svc.db.write() as conn:
        created = await record(conn, draft(uid, 1), NOON)
    assert created is not None
    assert created.channel_count == 2
    rows = await _deliveries(svc, created.id)
    assert [r.channel_id for r in rows] == [a.id, b.id]
    assert {r.status for r in rows} == {"pending"}
    assert [r.idempotency_key for r in rows] == [f"n{created.id}.c{a.id}", f"n{created.id}.c{b.id}"]


async def test_one_notification_per_dedupe_key(any_dsvc: Services) -> None:
    svc = any_dsvc
    uid = await new_user(svc, "ana")
    other = await new_user(svc, "ben")
    async with svc.db.write() as conn:
        first = await record(conn, draft(uid, 1), NOON)
        again = await record(conn, draft(uid, 1), NOON)
        theirs = await record(conn, draft(other, 1), NOON)
        batch = await record_many(conn, [draft(uid, 2), draft(uid, 2), draft(uid, 1)], NOON)
    assert first is not None
    assert again is None
    assert theirs is not None
    assert [c.title for c in batch] == ["Development 2"]


async def test_a_rolled_back_match_leaves_no_notification(any_dsvc: Services) -> None:
    svc = any_dsvc
    uid = await new_user(svc, "ana")
    await add_channel(svc, uid, "webhook", WEBHOOK)
    try:
        async with svc.db.write() as conn:
            await record(conn, draft(uid, 1), NOON)
            raise RuntimeError("the match stage failed after recording")
    except RuntimeError:
        pass
    async with svc.db.read() as conn:
        assert (
            await conn.execute(sa.select(sa.func.count()).select_from(notifications))
        ).scalar() == 0
        assert (
            await conn.execute(sa.select(sa.func.count()).select_from(deliveries))
        ).scalar() == 0


async def test_threads_and_story_limit_hold_across_transactions(any_dsvc: Services) -> None:
    svc = any_dsvc
    uid = await new_user(svc, "ana")
    story = await new_story(svc)
    limits = Limits(coalesce_seconds=600, user_per_hour=50, story_per_hour=2)
    made = []
    for i, minutes in enumerate([0, 5, 9]):
        async with svc.db.write() as conn:
            made.append(
                await record(
                    conn,
                    draft(uid, i, story_id=story),
                    NOON + timedelta(minutes=minutes),
                    limits=limits,
                )
            )
    assert all(m is not None for m in made)
    assert made[0].thread_key == made[1].thread_key == made[2].thread_key  # type: ignore[union-attr]
    assert made[2].deliver_at == NOON + timedelta(hours=1)  # type: ignore[union-attr]


async def test_a_newer_push_supersedes_a_waiting_one(any_dsvc: Services) -> None:
    svc = any_dsvc
    uid = await new_user(svc, "ana", quiet_start_minute=22 * 60, quiet_end_minute=7 * 60)
    await add_channel(svc, uid, "webhook", WEBHOOK)
    story = await new_story(svc)
    night = datetime(2024, 6, 3, 23, 0, tzinfo=UTC)
    async with svc.db.write() as conn:
        old = await record(conn, draft(uid, 1, story_id=story), night)
    async with svc.db.write() as conn:
        new = await record(conn, draft(uid, 2, story_id=story), night + timedelta(hours=2))
    assert old is not None
    assert new is not None
    assert old.deliver_at == new.deliver_at == datetime(2024, 6, 4, 7, 0, tzinfo=UTC)
    (old_row,) = await _deliveries(svc, old.id)
    (new_row,) = await _deliveries(svc, new.id)
    assert old_row.status == "superseded"
    assert str(new.id) in old_row.last_error
    assert new_row.status == "pending"


async def test_an_urgent_push_goes_now_and_supersedes_the_waiting_one(any_dsvc: Services) -> None:
    svc = any_dsvc
    uid = await new_user(svc, "ana", quiet_start_minute=22 * 60, quiet_end_minute=7 * 60)
    await add_channel(svc, uid, "webhook", WEBHOOK)
    story = await new_story(svc)
    night = datetime(2024, 6, 3, 23, 0, tzinfo=UTC)
    async with svc.db.write() as conn:
        old = await record(conn, draft(uid, 1, story_id=story), night)
        urgent = await record(conn, draft(uid, 2, story_id=story, urgent=True), night)
    assert urgent is not None
    assert urgent.deliver_at == night
    assert [r.status for r in await _deliveries(svc, old.id)] == ["superseded"]  # type: ignore[union-attr]


async def test_digest_mode_is_held_on_every_channel(any_dsvc: Services) -> None:
    svc = any_dsvc
    uid = await new_user(svc, "ana", digest="hourly")
    await add_channel(svc, uid, "webhook", WEBHOOK)
    await add_channel(svc, uid, "webhook", {**WEBHOOK, "digest_only": True})
    async with svc.db.write() as conn:
        held = await record(conn, draft(uid, 1, mode="digest"), NOON)
        alert = await record(conn, draft(uid, 2), NOON)
    assert held is not None
    assert held.held
    assert alert is not None
    assert [r.status for r in await _deliveries(svc, held.id)] == ["digest", "digest"]
    assert len(await _deliveries(svc, alert.id)) == 1  # the digest-only channel skips alerts


async def test_fallback_channel_gets_copies_while_the_main_one_fails(any_dsvc: Services) -> None:
    svc = any_dsvc
    uid = await new_user(svc, "ana")
    backup = await add_channel(svc, uid, "ntfy", {"server": "http://127.0.0.1:9", "topic": "b"})
    main = await add_channel(svc, uid, "webhook", WEBHOOK, fallback=backup.id)
    async with svc.db.write() as conn:
        healthy = await record(conn, draft(uid, 1), NOON)
        await conn.execute(
            sa.text("UPDATE channels SET consecutive_failures = 5 WHERE id = :i"), {"i": main.id}
        )
        failing = await record(conn, draft(uid, 2), NOON)
    assert healthy is not None
    assert failing is not None
    assert len(await _deliveries(svc, healthy.id)) == 2  # both channels, as usual
    assert [r.channel_id for r in await _deliveries(svc, failing.id)] == [backup.id, main.id]


async def test_claims_are_leased_and_disjoint(any_dsvc: Services) -> None:
    svc = any_dsvc
    uid = await new_user(svc, "ana")
    await add_channel(svc, uid, "webhook", WEBHOOK)
    async with svc.db.write() as conn:
        await record_many(
            conn, [draft(uid, i) for i in range(40)], NOON, limits=Limits(user_per_hour=1000)
        )

    async def grab(worker: str) -> list[int]:
        async with svc.db.write() as conn:
            got = await claim(conn, worker_id=worker, now=NOON, lease_seconds=30, limit=15)
        return [c.delivery_id for c in got]

    a, b, c = await asyncio.gather(grab("a"), grab("b"), grab("c"))
    assert sorted([len(a), len(b), len(c)]) == [10, 15, 15]
    assert not set(a) & set(b)
    assert not set(b) & set(c)
    assert not set(a) & set(c)
    assert await grab("d") == []  # everything is leased
    later = NOON + timedelta(seconds=31)
    async with svc.db.write() as conn:
        retaken = await claim(conn, worker_id="e", now=later, lease_seconds=30, limit=100)
    assert len(retaken) == 40  # expired leases are retaken


async def test_outcomes_are_written_only_by_the_lease_holder(any_dsvc: Services) -> None:
    svc = any_dsvc
    uid = await new_user(svc, "ana")
    await add_channel(svc, uid, "webhook", WEBHOOK)
    async with svc.db.write() as conn:
        created = await record(conn, draft(uid, 1), NOON)
        (item,) = await claim(conn, worker_id="slow", now=NOON, lease_seconds=1, limit=5)
        (again,) = await claim(
            conn, worker_id="fast", now=NOON + timedelta(seconds=2), lease_seconds=30, limit=5
        )
    assert item.delivery_id == again.delivery_id
    assert again.notification.id == created.id
    outcome = Outcome(
        item.delivery_id, item.channel.id, NOON, True, "sent", 1, NOON, 204, None, 3.0
    )
    async with svc.db.write() as conn:
        assert await write_outcomes(conn, "slow", [outcome]) == 0
        assert await write_outcomes(conn, "fast", [outcome]) == 1


async def test_announce_rings_workers_and_live_listeners(dsvc: Services) -> None:
    svc = dsvc
    svc.clock = ManualClock(NOON)
    uid = await new_user(svc, "ana")
    live = svc.bus.broadcast(LIVE)
    listener = asyncio.ensure_future(live.__anext__())
    await asyncio.sleep(0)
    bell = svc.bus.consume(NOTIFIED, "deliver", "t")
    ringing = asyncio.ensure_future(bell.__anext__())
    await asyncio.sleep(0)
    async with svc.db.write() as conn:
        created = await record(conn, draft(uid, 1), NOON)
    assert created is not None
    await announce(svc, [created])
    (message,) = (await asyncio.wait_for(listener, 2))["notifications"]
    assert message["user_id"] == uid
    assert message["notification"]["id"] == created.id
    assert message["notification"]["reasons"] == [
        {"kind": "term", "value": "troops", "detail": "in the title"}
    ]
    assert (await asyncio.wait_for(ringing, 2)).data == {"notification_ids": [created.id]}
    await live.aclose()
    await bell.aclose()


async def test_two_developments_in_one_batch_send_only_the_newer(any_dsvc: Services) -> None:
    svc = any_dsvc
    uid = await new_user(svc, "ana")
    other = await new_user(svc, "ben")
    await add_channel(svc, uid, "webhook", WEBHOOK)
    await add_channel(svc, other, "webhook", WEBHOOK)
    story = await new_story(svc)
    async with svc.db.write() as conn:
        drafts = [draft(uid, 1, story_id=story), draft(uid, 2, story_id=story)]
        first, second, theirs = await record_many(
            conn, [*drafts, draft(other, 1, story_id=story)], NOON
        )
    assert [r.status for r in await _deliveries(svc, first.id)] == ["superseded"]
    assert [r.status for r in await _deliveries(svc, second.id)] == ["pending"]
    assert [r.status for r in await _deliveries(svc, theirs.id)] == ["pending"]  # not ana's


async def test_a_leased_delivery_is_never_superseded(any_dsvc: Services) -> None:
    svc = any_dsvc
    uid = await new_user(svc, "ana")
    await add_channel(svc, uid, "webhook", WEBHOOK)
    story = await new_story(svc)
    async with svc.db.write() as conn:
        old = await record(conn, draft(uid, 1, story_id=story), NOON)
        (in_flight,) = await claim(conn, worker_id="w", now=NOON, lease_seconds=30, limit=5)
        await record(conn, draft(uid, 2, story_id=story), NOON)
    assert in_flight.notification.id == old.id  # type: ignore[union-attr]
    assert [r.status for r in await _deliveries(svc, old.id)] == ["pending"]  # type: ignore[union-attr]


async def test_a_claim_reads_the_rows_as_stored(any_dsvc: Services) -> None:
    """The claim reads its columns untyped (store.rawvalues): it must give what the typed
    reads give, timestamps, JSON and flags included."""
    svc = any_dsvc
    uid = await new_user(svc, "ana")
    channel = await add_channel(svc, uid, "webhook", WEBHOOK, secret="whsec_" + "a" * 32)
    story = await new_story(svc)
    published = datetime(2024, 6, 3, 11, 58, 30, 123456, tzinfo=UTC)
    async with svc.db.write() as conn:
        created = await record(
            conn,
            draft(uid, 1, story_id=story, urgent=True, published_at=published),
            NOON,
        )
        assert created is not None
        success = NOON - timedelta(minutes=5)
        await conn.execute(
            sa.update(channels_table)
            .where(channels_table.c.id == channel.id)
            .values(last_success_at=success, consecutive_failures=2, last_error="it broke")
        )
        (item,) = await claim(conn, worker_id="w", now=NOON, lease_seconds=30, limit=5)
    async with svc.db.read() as conn:
        stored = await get_for_user(conn, uid, created.id)
        stored_channel = await get_channel(conn, uid, channel.id)
    assert item.notification == stored
    assert item.channel == stored_channel
    assert item.notification.published_at == published
    assert item.notification.urgent is True
    assert item.notification.reasons == (Reason("term", "troops", "in the title"),)
    assert item.channel.last_success_at == success
    assert item.channel.config == WEBHOOK
    assert item.attempts == 0
    assert item.idempotency_key == f"n{created.id}.c{channel.id}"
    assert item.superseded is False


async def test_a_claim_marks_what_a_newer_push_of_the_story_made_stale(
    any_dsvc: Services,
) -> None:
    """An older push whose lease ran out while a newer one of its story was recorded is due
    together with it: only the newer goes, per channel, and only in the same user's thread."""
    svc = any_dsvc
    ana, ben = await new_user(svc, "ana"), await new_user(svc, "ben")
    phone = await add_channel(svc, ana, "webhook", WEBHOOK, name="phone")
    laptop = await add_channel(svc, ana, "webhook", {"url": "http://127.0.0.1:9/l"}, name="l")
    theirs = await add_channel(svc, ben, "webhook", WEBHOOK)
    story = await new_story(svc)
    limits = Limits(user_per_hour=1000, story_per_hour=1000)
    async with svc.db.write() as conn:
        old, old_ben = await record_many(
            conn,
            [draft(ana, 1, story_id=story), draft(ben, 1, story_id=story)],
            NOON,
            limits=limits,
        )
        held = await claim(conn, worker_id="w1", now=NOON, lease_seconds=30, limit=10)
        assert len(held) == 3  # in flight: the newer one cannot supersede them at record time
        (new,) = await record_many(conn, [draft(ana, 2, story_id=story)], NOON, limits=limits)
        # the newer push is not due yet on the laptop
        await conn.execute(
            sa.update(deliveries)
            .where(deliveries.c.notification_id == new.id, deliveries.c.channel_id == laptop.id)
            .values(next_attempt_at=NOON + timedelta(hours=1))
        )
    later = NOON + timedelta(seconds=31)  # w1's leases ran out
    async with svc.db.write() as conn:
        retaken = await claim(conn, worker_id="w2", now=later, lease_seconds=30, limit=10)
    stale = {(c.notification.id, c.channel.id): c.superseded for c in retaken}
    assert stale == {
        (old.id, phone.id): True,  # the newer one is due on the phone
        (old.id, laptop.id): False,  # not on the laptop: the old one still goes there
        (old_ben.id, theirs.id): False,  # ben's thread has nothing newer
        (new.id, phone.id): False,
    }


async def test_outcomes_are_stored_as_the_typed_columns_read_them(any_dsvc: Services) -> None:
    """Outcomes are written with plain driver values (store.rawvalues): what the typed
    columns read back, and when a retry falls due, must be what was written."""
    svc = any_dsvc
    uid = await new_user(svc, "ana")
    channel = await add_channel(svc, uid, "webhook", WEBHOOK)
    async with svc.db.write() as conn:
        await record_many(conn, [draft(uid, 1), draft(uid, 2)], NOON)
        sent, failed = await claim(conn, worker_id="w", now=NOON, lease_seconds=30, limit=5)
    at = NOON + timedelta(seconds=1, microseconds=250_001)
    retry_at = at + timedelta(seconds=90)
    outcomes = [
        Outcome(sent.delivery_id, channel.id, at, True, "sent", 1, at, 201, None, 12.5),
        Outcome(
            failed.delivery_id, channel.id, at, False, "pending", 1, retry_at, 503, "busy", 3.0
        ),
    ]
    async with svc.db.write() as conn:
        changed = await write_outcomes(conn, "w", outcomes)
        if svc.db.is_sqlite:  # asyncpg does not count the rows of an executemany (-1)
            assert changed == 2
        await note_results(conn, {channel.id: at}, {})
    async with svc.db.read() as conn:
        rows = {r.id: r for r in await conn.execute(sa.select(deliveries))}
        log = await delivery_log(conn, uid, channel.id)
        stored_channel = await get_channel(conn, uid, channel.id)
    done, waiting = rows[sent.delivery_id], rows[failed.delivery_id]
    assert (done.status, done.attempts, done.sent_at, done.last_error) == ("sent", 1, at, None)
    assert done.leased_by is None and done.lease_until is None
    assert (waiting.status, waiting.next_attempt_at, waiting.last_error) == (
        "pending",
        retry_at,
        "busy",
    )
    assert waiting.sent_at is None
    assert sorted((e.ok, e.at, e.status_code, e.error, e.duration_ms) for e in log) == [
        (False, at, 503, "busy", 3.0),
        (True, at, 201, None, 12.5),
    ]
    assert stored_channel is not None and stored_channel.last_success_at == at
    for now, due in ((retry_at - timedelta(microseconds=1), 0), (retry_at, 1)):
        async with svc.db.write() as conn:
            again = await claim(conn, worker_id="w2", now=now, lease_seconds=30, limit=5)
        assert [c.delivery_id for c in again] == [failed.delivery_id] * due


async def test_leased_rows_are_read_only_by_their_holder(any_dsvc: Services) -> None:
    """A worker reads what it leased after committing the lease (the write lock is held for
    the lease alone); the read returns only rows that worker still holds."""
    svc = any_dsvc
    uid = await new_user(svc, "ana")
    await add_channel(svc, uid, "webhook", WEBHOOK)
    async with svc.db.write() as conn:
        await record_many(conn, [draft(uid, i) for i in range(3)], NOON)
        ids = await lease(conn, worker_id="a", now=NOON, lease_seconds=30, limit=2)
    assert len(ids) == 2
    async with svc.db.read() as conn:
        mine = await leased(conn, ids, worker_id="a", now=NOON)
        theirs = await leased(conn, ids, worker_id="b", now=NOON)
    assert [c.delivery_id for c in mine] == ids
    assert theirs == []
