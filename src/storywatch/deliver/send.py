"""One send and what to write about it: the step a worker and "send a test" share.

:func:`attempt` sends one claimed delivery on its channel and turns whatever happened into an
:class:`~storywatch.store.notifications.Outcome` (sent, retry at a time, or dead), never
raising: an unexpected exception is a failed attempt to retry, so a bug in one channel cannot
lose a notification. :func:`write` stores a batch of outcomes with their consequences (the
channel's health, a device a push service says is gone, copies to a fallback channel).
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection

from storywatch.deliver.channels import ChannelGone, ChannelSet, Outgoing
from storywatch.deliver.outbox import idempotency_key
from storywatch.deliver.policy import retry_delay, should_dead_letter
from storywatch.errors import (
    BlockedAddress,
    DeliveryError,
    FetchError,
    PermanentDeliveryError,
    StorywatchError,
)
from storywatch.settings import Settings
from storywatch.store import channels as channel_store
from storywatch.store import notifications as store
from storywatch.store.channels import Claimed, Outcome
from storywatch.store.notifications import Notification
from storywatch.store.tables import channels as channels_table
from storywatch.store.tables import deliveries

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Result:
    """An outcome plus what it implies beyond the delivery row."""

    outcome: Outcome
    channel_gone: bool = False
    fallback_channel_id: int | None = None
    notification_id: int = 0


async def attempt(
    item: Claimed,
    kinds: ChannelSet,
    settings: Settings,
    clock: Callable[[], datetime],
    rng: random.Random,
    *,
    items: Sequence[Notification] = (),
) -> Result:
    """Send ``item`` once and say what to record; never raises (but for cancellation)."""
    started = time.perf_counter()
    number = item.attempts + 1
    message = Outgoing(
        idempotency_key=item.idempotency_key,
        attempt=number,
        notification=item.notification,
        channel=item.channel,
        public_url=settings.public_url(),
        items=tuple(items),
    )
    error: StorywatchError | None = None
    status_code: int | None = None
    try:
        kind = kinds.get(item.channel.kind)
        async with asyncio.timeout(settings.fetch_timeout_seconds + 10):
            sent = await kind.send(message)
        status_code = sent.status_code
    except TimeoutError:
        error = DeliveryError("The send took too long and was abandoned; will retry.")
    except BlockedAddress as exc:
        error = PermanentDeliveryError(exc.message)
    except (DeliveryError, FetchError) as exc:
        error = exc
        status_code = getattr(exc, "status_code", None)
    except StorywatchError as exc:
        error = PermanentDeliveryError(exc.message)
    except Exception as exc:  # a bug in a channel must not lose the notification
        log.exception("channel %s crashed while sending", item.channel.kind)
        error = DeliveryError(
            f"Internal error while sending ({exc.__class__.__name__}); will retry."
        )
    now = clock()
    took = (time.perf_counter() - started) * 1000.0
    if error is None:
        return Result(
            Outcome(
                delivery_id=item.delivery_id,
                channel_id=item.channel.id,
                at=now,
                ok=True,
                status="sent",
                attempts=number,
                next_attempt_at=now,
                status_code=status_code,
                error=None,
                duration_ms=took,
            ),
            notification_id=item.notification.id,
        )
    permanent = isinstance(error, PermanentDeliveryError)
    dead = should_dead_letter(number, settings.delivery_max_attempts, permanent=permanent)
    retry_after = error.retry_after if isinstance(error, DeliveryError) else None
    wait = retry_delay(
        number,
        base=settings.delivery_backoff_base_seconds,
        cap=settings.delivery_backoff_max_seconds,
        rng=rng,
        retry_after=retry_after,
    )
    words = error.message
    if dead and not permanent:
        words = f"{words} (gave up after {number} attempts)"
    return Result(
        Outcome(
            delivery_id=item.delivery_id,
            channel_id=item.channel.id,
            at=now,
            ok=False,
            status="dead" if dead else "pending",
            attempts=number,
            next_attempt_at=now if dead else now + timedelta(seconds=wait),
            status_code=status_code,
            error=words,
            duration_ms=took,
        ),
        channel_gone=isinstance(error, ChannelGone),
        fallback_channel_id=item.channel.fallback_channel_id if dead else None,
        notification_id=item.notification.id,
    )


def superseded(item: Claimed, now: datetime) -> Result:
    """A claimed delivery that a newer push for the same story made pointless."""
    return Result(
        Outcome(
            delivery_id=item.delivery_id,
            channel_id=item.channel.id,
            at=now,
            ok=False,
            status="superseded",
            attempts=item.attempts,
            next_attempt_at=now,
            status_code=None,
            error="replaced by a newer push for the same story",
            duration_ms=0.0,
            attempted=False,
        ),
        notification_id=item.notification.id,
    )


async def write(conn: AsyncConnection, worker_id: str, results: Sequence[Result]) -> None:
    """Record a batch of results in one transaction, with their side effects."""
    if not results:
        return
    await channel_store.write_outcomes(conn, worker_id, [r.outcome for r in results])
    successes: dict[int, datetime] = {}
    failures: dict[int, tuple[int, str]] = {}
    for r in results:
        o = r.outcome
        if not o.attempted:
            continue
        if o.ok:
            successes[o.channel_id] = max(o.at, successes.get(o.channel_id, o.at))
        else:
            count = failures.get(o.channel_id, (0, ""))[0]
            failures[o.channel_id] = (count + 1, o.error or "failed")
    await channel_store.note_results(conn, successes, failures)
    for channel_id in {r.outcome.channel_id for r in results if r.channel_gone}:
        await _retire(conn, channel_id)
    fallback_rows: list[dict[str, Any]] = []
    for r in results:
        if r.fallback_channel_id and r.fallback_channel_id != r.outcome.channel_id:
            fallback_rows.append(
                {
                    "notification_id": r.notification_id,
                    "channel_id": r.fallback_channel_id,
                    "idempotency_key": idempotency_key(r.notification_id, r.fallback_channel_id),
                    "status": "pending",
                    "attempts": 0,
                    "next_attempt_at": r.outcome.at,
                    "created_at": r.outcome.at,
                }
            )
    if fallback_rows:
        enabled = {
            int(row[0])
            for row in await conn.execute(
                sa.select(channels_table.c.id).where(
                    channels_table.c.id.in_([f["channel_id"] for f in fallback_rows]),
                    channels_table.c.enabled.is_(sa.true()),
                )
            )
        }
        rows = [f for f in fallback_rows if f["channel_id"] in enabled]
        await store.insert_deliveries(conn, rows, ignore_existing=True)


async def _retire(conn: AsyncConnection, channel_id: int) -> None:
    """Switch off a device whose push subscription ended; it leaves the device list.

    The row stays (disabled, marked ``gone``) rather than being deleted, so the deliveries
    other tasks still hold for it and its delivery log remain consistent and readable.
    """
    channel = await channel_store.get_any(conn, channel_id)
    if channel is None:
        return
    config = {**channel.config, "gone": True}
    await conn.execute(
        sa.update(channels_table)
        .where(channels_table.c.id == channel_id)
        .values(enabled=False, config=config)
    )
    await conn.execute(
        sa.update(deliveries)
        .where(deliveries.c.channel_id == channel_id, deliveries.c.status == "pending")
        .values(status="skipped", last_error="the device's push subscription ended; device removed")
    )
