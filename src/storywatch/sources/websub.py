"""WebSub subscriber (S3, W3C Recommendation 2018): subscribe, verify, receive, renew.

A feed that names a hub (``Link: rel="hub"`` or ``atom:link rel="hub"``) is subscribed with a
callback under our public URL, ``{public_url}/websub/{source_id}``, and a fresh random secret
per subscription. The hub then checks our intent with a GET carrying a challenge, which we
echo only for a subscription we asked for (right source, right topic). Content the hub pushes
is accepted only with a valid ``X-Hub-Signature`` (sha1, sha256 or sha512 HMAC of the body
with that secret); anything else is ignored, as the specification asks. Pushed items take the
same path as polled ones (parse, store, ``INGESTED`` on the bus) in one transaction, so a push
reaches the next stage in milliseconds. Leases are renewed before they end; removing a source
unsubscribes it. Polling continues at a slow pace while a lease is live, as a safety net.

A subscription that does not come about is asked for again, never given up on: a hub that
cannot be reached or refuses the request, one that denies it, and one that accepts but never
verifies our intent (within :data:`VERIFY_WAIT`) each put the source in a state with a retry
time, backed off exponentially with jitter from :data:`RETRY_BASE` to :data:`RETRY_MAX`, and
the reason in words on the source's health. Polling carries the feed meanwhile.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import hmac
import logging
import random
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlencode

import sqlalchemy as sa

from storywatch.app import Services
from storywatch.bus import INGESTED
from storywatch.errors import FeedError, FetchError
from storywatch.sources.decide import ordered_items
from storywatch.sources.feeds import parse_feed
from storywatch.sources.fetch import SafeFetcher, shared_fetcher
from storywatch.store import articles as article_store
from storywatch.store import sources as source_store
from storywatch.store.sources import Source
from storywatch.store.tables import kv

log = logging.getLogger(__name__)

WEBSUB_KEY = "websub"
RENEW_MARGIN = 0.2  # renew when less than this share of the lease remains
MIN_RENEW_MARGIN = timedelta(hours=1)
LOOP_SECONDS = 60.0
VERIFY_WAIT = timedelta(minutes=15)  # an accepted request the hub has not verified by then failed
RETRY_BASE = timedelta(minutes=2)
RETRY_MAX = timedelta(hours=12)


def retry_delay(failures: int, rng: random.Random | None = None) -> timedelta:
    """How long to wait before asking again after ``failures`` failures in a row (≥ 1).

    Doubling from :data:`RETRY_BASE`, capped at :data:`RETRY_MAX`, with "full jitter" over
    the upper half so that many feeds on one hub that failed together do not retry together.
    """
    ceiling = min(RETRY_MAX, RETRY_BASE * (1 << min(max(failures, 1) - 1, 20)))
    share: float = 0.5 + 0.5 * (rng.random() if rng is not None else random.random())
    return ceiling * share


_DIGESTS = {"sha1": hashlib.sha1, "sha256": hashlib.sha256, "sha512": hashlib.sha512}


def signature_valid(secret: str, body: bytes, header: str | None) -> bool:
    """Whether ``X-Hub-Signature: method=hex`` is the HMAC of ``body`` with ``secret``."""
    if not header or "=" not in header:
        return False
    method, _, given = header.strip().partition("=")
    digest = _DIGESTS.get(method.strip().lower())
    if digest is None:
        return False
    expected = hmac.new(secret.encode(), body, digest).hexdigest()
    return hmac.compare_digest(expected, given.strip().lower())


def _failure(failures_before: int, state: str, problem: str, now: datetime) -> dict[str, Any]:
    """The source's WebSub columns after one more failure: state, count, next try, reason."""
    failures = failures_before + 1
    return {
        "websub_state": state,
        "websub_failures": failures,
        "websub_retry_at": now + retry_delay(failures),
        "websub_error": problem,
    }


@dataclass(frozen=True, slots=True)
class Delivery:
    """What a pushed notification did: whether it was accepted, and the new article ids."""

    accepted: bool
    new_article_ids: tuple[int, ...] = ()
    reason: str = ""


def _unsub_key(source_id: int) -> str:
    return f"websub:unsubscribe:{source_id}"


class WebSub:
    """One per process that serves the callback or runs ingest (``websub_for(services)``)."""

    def __init__(self, services: Services, *, fetcher: SafeFetcher | None = None) -> None:
        self.services = services
        self.settings = services.settings
        self.fetcher = fetcher or shared_fetcher(services)

    def callback_url(self, source_id: int) -> str:
        return f"{self.settings.public_url()}/websub/{source_id}"

    # ------------------------------------------------------------------ to the hub

    async def _send(self, hub: str, params: Mapping[str, str]) -> str | None:
        """POST a (un)subscription request; None when the hub accepted it, else why not."""
        try:
            result = await self.fetcher.request(
                "POST",
                hub,
                content=urlencode(params).encode(),
                headers={"Content-Type": "application/x-www-form-urlencoded"},
                max_bytes=64_000,
            )
        except FetchError as exc:
            return f"The WebSub hub could not be reached: {exc.message}"
        if 200 <= result.status < 300:
            return None
        detail = result.text.strip()[:200]
        said = f": {detail}" if detail else ""
        return f"The WebSub hub refused the request (HTTP {result.status}){said}."

    async def subscribe(self, source_id: int) -> str | None:
        """Ask the source's hub for a subscription; None on success, else why not (in words).

        The state is ``pending`` until the hub verifies our intent (then ``active``).
        """
        async with self.services.db.read() as conn:
            source = await source_store.get(conn, source_id)
        if source is None or not source.hub_url:
            return "The source names no WebSub hub."
        topic = source.topic_url or source.url
        secret = secrets.token_hex(32)
        async with self.services.db.write() as conn:
            await source_store.update(
                conn,
                source_id,
                {"websub_secret": secret, "websub_state": "pending", "topic_url": topic},
            )
        problem = await self._send(
            source.hub_url,
            {
                "hub.callback": self.callback_url(source_id),
                "hub.mode": "subscribe",
                "hub.topic": topic,
                "hub.lease_seconds": str(self.settings.websub_lease_seconds),
                "hub.secret": secret,
            },
        )
        now = self.services.clock()
        if problem is not None:
            async with self.services.db.write() as conn:
                await source_store.update(
                    conn, source_id, _failure(source.websub_failures, "failed", problem, now)
                )
            log.info("WebSub subscribe for source %s failed: %s", source_id, problem)
        else:
            # accepted; the hub verifies our intent next. Should it never do so, ask again.
            async with self.services.db.write() as conn:
                await source_store.update(conn, source_id, {"websub_retry_at": now + VERIFY_WAIT})
        return problem

    async def unsubscribe(self, source: Source) -> str | None:
        """Tell the hub to stop; remembers the request so its verification can be answered
        after the source row is gone."""
        if not source.hub_url or source.websub_state not in ("active", "pending"):
            return None
        topic = source.topic_url or source.url
        async with self.services.db.write() as conn:
            await conn.execute(sa.delete(kv).where(kv.c.key == _unsub_key(source.id)))
            await conn.execute(sa.insert(kv).values(key=_unsub_key(source.id), value=topic))
        return await self._send(
            source.hub_url,
            {
                "hub.callback": self.callback_url(source.id),
                "hub.mode": "unsubscribe",
                "hub.topic": topic,
            },
        )

    # ------------------------------------------------------------------ from the hub

    async def verify(
        self,
        source_id: int,
        mode: str,
        topic: str,
        challenge: str,
        lease_seconds: str | None,
        *,
        denial_reason: str = "",
    ) -> str | None:
        """The challenge to echo when we asked for this, else None (answered with 404)."""
        if mode == "unsubscribe":
            async with self.services.db.write() as conn:
                query = sa.select(kv.c.value).where(kv.c.key == _unsub_key(source_id))
                row = (await conn.execute(query)).first()
                if row is None or row[0] != topic:
                    return None
                await conn.execute(sa.delete(kv).where(kv.c.key == _unsub_key(source_id)))
            return challenge
        async with self.services.db.write() as conn:
            source = await source_store.get(conn, source_id)
            if source is None or (source.topic_url or source.url) != topic:
                return None
            if mode == "denied":
                reason = denial_reason.strip()[:200]
                problem = "The WebSub hub denied the subscription" + (
                    f": {reason}." if reason else "."
                )
                await source_store.update(
                    conn,
                    source_id,
                    _failure(source.websub_failures, "denied", problem, self.services.clock()),
                )
                return ""
            if mode != "subscribe" or source.websub_state not in ("pending", "active"):
                return None
            given = lease_seconds or ""
            lease = int(given) if given.isdigit() else self.settings.websub_lease_seconds
            now = self.services.clock()
            await source_store.update(
                conn,
                source_id,
                {
                    "websub_state": "active",
                    "websub_lease_until": now + timedelta(seconds=lease),
                    "websub_failures": 0,
                    "websub_retry_at": None,
                    "websub_error": None,
                },
            )
        return challenge

    async def receive(self, source_id: int, body: bytes, headers: Mapping[str, str]) -> Delivery:
        """Store what the hub pushed, when its signature holds; announce new articles."""
        async with self.services.db.read() as conn:
            source = await source_store.get(conn, source_id)
        if source is None or source.websub_state not in ("active", "pending"):
            return Delivery(False, reason="no subscription for this callback")
        lowered = {k.lower(): v for k, v in headers.items()}
        if not source.websub_secret or not signature_valid(
            source.websub_secret, body, lowered.get("x-hub-signature")
        ):
            log.warning("WebSub push for source %s ignored: bad or missing signature", source_id)
            return Delivery(False, reason="bad or missing X-Hub-Signature")
        try:
            feed = parse_feed(body, source.topic_url or source.url, headers=lowered)
        except FeedError as exc:
            async with self.services.db.write() as conn:
                await source_store.update(
                    conn,
                    source_id,
                    {
                        "last_error": f"A WebSub push was not a feed: {exc.message}",
                        "last_error_at": self.services.clock(),
                    },
                )
            return Delivery(False, reason=exc.message)
        items = ordered_items(feed)
        now = self.services.clock()
        async with self.services.db.write() as conn:
            known = await source_store.known_guids(conn, source_id, [i.guid for i in items])
            fresh = [i for i in items if i.guid not in known or i.updated is not None]
            new_ids = await article_store.insert_incoming(conn, source_id, fresh, now)
            await source_store.update(conn, source_id, {"last_success_at": now})
        for article_id in new_ids:
            await self.services.bus.publish(INGESTED, {"article_id": article_id})
        return Delivery(True, tuple(new_ids))

    # ------------------------------------------------------------------ upkeep

    async def upkeep(self, now: datetime | None = None) -> int:
        """Subscribe feeds that found a hub, renew leases that end soon; returns requests sent."""
        now = now or self.services.clock()
        margin = max(
            MIN_RENEW_MARGIN, timedelta(seconds=self.settings.websub_lease_seconds * RENEW_MARGIN)
        )
        async with self.services.db.read() as conn:
            todo = await source_store.websub_to_subscribe(conn, now)
            todo += await source_store.websub_due_for_renewal(conn, now + margin)
        for source in todo:
            await self.subscribe(source.id)
        return len(todo)

    async def run(self, stop: asyncio.Event) -> None:
        """Keep subscriptions alive until ``stop`` is set."""
        if not self.settings.websub_enabled:
            return
        while not stop.is_set():
            try:
                await self.upkeep()
            except Exception:
                log.exception("WebSub upkeep failed; trying again later")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), LOOP_SECONDS)


def websub_for(services: Services) -> WebSub:
    """The process's WebSub manager, kept in ``services.extras``."""
    existing = services.extras.get(WEBSUB_KEY)
    if isinstance(existing, WebSub):
        return existing
    manager = WebSub(services)
    services.extras[WEBSUB_KEY] = manager
    return manager
