"""Apprise sends obey the address policy at the lookup its plugins really make (R1, D1).

The check is made on the answer the connection itself uses, not on an earlier lookup a
hostile name could contradict (DNS rebinding): ``localhost``, looked up by Apprise's own
plugin, answers loopback, and that lookup is refused.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import sqlalchemy as sa

from storywatch.app import open_services
from storywatch.deliver.channels import close_delivery
from storywatch.settings import Settings
from storywatch.store.tables import deliveries
from tests.deliver.conftest import FAST
from tests.deliver.helpers import add_channel, draft, new_user, record, running_worker
from tests.deliver.receivers import until
from tests.support.httpserver import LocalServer, Request, Response


async def test_a_name_answering_loopback_at_apprises_own_lookup_is_refused(
    tmp_path: Path, local_server: LocalServer
) -> None:
    hits: list[Request] = []

    def handler(req: Request) -> Response:
        hits.append(req)
        return Response(200, b"{}")

    local_server.route("/apprise", handler)
    settings = Settings(data_dir=tmp_path / "data", **{**FAST, "allow_loopback": False})  # type: ignore[arg-type]
    async with open_services(settings) as svc:
        try:
            uid = await new_user(svc, "ana")
            target = f"json://localhost:{local_server.port}/apprise"
            await add_channel(svc, uid, "apprise", {}, secret=target)
            async with running_worker(svc):
                created = await record(svc, [draft(uid, 1)])
                stmt = sa.select(deliveries.c.status, deliveries.c.last_error).where(
                    deliveries.c.notification_id == created[0].id
                )
                async with asyncio.timeout(15):
                    while True:
                        async with svc.db.read() as conn:
                            status, error = (await conn.execute(stmt)).one()
                        if status == "dead":
                            break
                        await asyncio.sleep(0.05)
        finally:
            await close_delivery(svc)
    assert hits == []  # but the receiver on 127.0.0.1 was never reached
    assert "Refused to connect to localhost" in error and "loopback" in error


async def test_with_loopback_allowed_the_same_channel_delivers(
    dsettings: Settings, local_server: LocalServer
) -> None:
    got: list[Request] = []

    def handler(req: Request) -> Response:
        got.append(req)
        return Response(200, b"{}")

    local_server.route("/apprise", handler)
    async with open_services(dsettings) as svc:
        try:
            uid = await new_user(svc, "bo")
            await add_channel(
                svc, uid, "apprise", {}, secret=f"json://localhost:{local_server.port}/apprise"
            )
            async with running_worker(svc):
                await record(svc, [draft(uid, 1)])
                assert await until(lambda: len(got) == 1)
        finally:
            await close_delivery(svc)
