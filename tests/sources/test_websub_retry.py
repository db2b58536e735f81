"""A WebSub subscription that does not come about is asked for again, with backoff (S3).

A real hub on 127.0.0.1 (tests/sources/hub.py) behind a door that can refuse, a real
callback served by uvicorn, and a manual clock so that "later" needs no waiting.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from storywatch.app import Services
from storywatch.clock import ManualClock
from storywatch.sources.service import health
from storywatch.sources.websub import (
    RETRY_BASE,
    RETRY_MAX,
    VERIFY_WAIT,
    retry_delay,
    websub_for,
)
from storywatch.store import sources as source_store
from storywatch.store.sources import Source
from tests.sources.callback import serving
from tests.sources.hub import LocalHub
from tests.support.httpserver import LocalServer, Request, Response

START = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)


@dataclass
class Served:
    services: Services
    clock: ManualClock


@pytest.fixture
async def served(tmp_path: Path) -> AsyncIterator[Served]:
    clock = ManualClock(START)
    async with serving(tmp_path / "data", clock) as services:
        yield Served(services, clock)


async def _source_with_hub(services: Services, server: LocalServer) -> Source:
    topic = server.url("/feed.xml")
    async with services.db.write() as conn:
        source = await source_store.add(conn, topic, services.clock())
        await source_store.update(
            conn, source.id, {"hub_url": server.url("/hub"), "topic_url": topic}
        )
    return source


async def _row(services: Services, source_id: int) -> Source:
    async with services.db.read() as conn:
        return await source_store.require(conn, source_id)


def test_the_wait_doubles_from_the_base_up_to_the_cap_with_jitter_in_the_upper_half() -> None:
    rng = random.Random(7)
    for failures in range(1, 30):
        ceiling = min(RETRY_MAX, RETRY_BASE * 2 ** (failures - 1))
        wait = retry_delay(failures, rng)
        assert ceiling / 2 <= wait <= ceiling
    assert retry_delay(40, rng) <= RETRY_MAX
    waits = {retry_delay(3, rng) for _ in range(20)}
    assert len(waits) > 10  # jittered: feeds that failed together do not retry together


async def test_a_hub_that_refuses_is_asked_again_after_the_backoff(
    served: Served, local_server: LocalServer
) -> None:
    services, clock = served.services, served.clock
    hub = LocalHub()
    refusals = {"left": 2}

    def door(req: Request) -> Response:
        if refusals["left"] > 0:
            refusals["left"] -= 1
            hub.requests.append({"refused": "yes"})
            return Response(503, b"hub overloaded, try later")
        return hub._handle(req)

    local_server.route("/hub", door)
    source = await _source_with_hub(services, local_server)
    websub = websub_for(services)

    assert await websub.upkeep() == 1
    first = await _row(services, source.id)
    assert first.websub_state == "failed" and first.websub_failures == 1
    assert first.websub_error is not None and "HTTP 503" in first.websub_error
    assert first.websub_retry_at is not None
    assert START + RETRY_BASE / 2 <= first.websub_retry_at <= START + RETRY_BASE
    words = health(first, clock()).summary
    assert "WebSub not active" in words and "HTTP 503" in words and "asking again in" in words

    assert await websub.upkeep() == 0  # not before its time
    clock.advance((first.websub_retry_at - clock()).total_seconds())
    assert await websub.upkeep() == 1
    second = await _row(services, source.id)
    assert second.websub_failures == 2
    assert second.websub_retry_at is not None
    assert RETRY_BASE <= second.websub_retry_at - clock() <= 2 * RETRY_BASE  # doubled

    clock.advance((second.websub_retry_at - clock()).total_seconds())
    assert await websub.upkeep() == 1  # the hub accepts now and verifies our intent
    assert await asyncio.to_thread(hub.verified.wait, 10)
    done = await _row(services, source.id)
    assert done.websub_state == "active"
    assert (done.websub_failures, done.websub_retry_at, done.websub_error) == (0, None, None)
    assert len(hub.requests) == 3


async def test_an_accepted_request_the_hub_never_verifies_is_asked_again(
    served: Served, local_server: LocalServer
) -> None:
    services, clock = served.services, served.clock
    asked: list[bytes] = []

    def silent_hub(req: Request) -> Response:
        asked.append(req.body)
        return Response(202, b"")  # accepted, and then nothing

    local_server.route("/hub", silent_hub)
    source = await _source_with_hub(services, local_server)
    websub = websub_for(services)
    assert await websub.upkeep() == 1
    pending = await _row(services, source.id)
    assert pending.websub_state == "pending"
    assert pending.websub_retry_at == START + VERIFY_WAIT
    clock.advance((VERIFY_WAIT - timedelta(seconds=1)).total_seconds())
    assert await websub.upkeep() == 0
    clock.advance(2)
    assert await websub.upkeep() == 1
    assert len(asked) == 2


async def test_a_denial_is_recorded_with_the_hubs_reason_and_retried_later(
    served: Served, local_server: LocalServer
) -> None:
    services, clock = served.services, served.clock
    local_server.route("/hub", Response(202, b""))
    source = await _source_with_hub(services, local_server)
    websub = websub_for(services)
    assert await websub.upkeep() == 1
    callback = websub.callback_url(source.id)
    answer = await asyncio.to_thread(
        httpx.get,
        callback,
        params={
            "hub.mode": "denied",
            "hub.topic": source.url,
            "hub.reason": "topic not published here",
        },
    )
    assert answer.status_code == 200
    denied = await _row(services, source.id)
    assert denied.websub_state == "denied" and denied.websub_failures == 1
    assert denied.websub_error == (
        "The WebSub hub denied the subscription: topic not published here."
    )
    assert denied.websub_retry_at is not None and denied.websub_retry_at > clock()
    assert await websub.upkeep() == 0
    clock.advance((denied.websub_retry_at - clock()).total_seconds())
    assert await websub.upkeep() == 1
