"""Every endpoint of the OpenAPI document: no credentials → 401; another user's ids → 404.

The endpoints are read from the document itself, so an endpoint added later is checked too.
A path parameter this test does not know fails the test until it is classified below:
either a resource a user owns (with a factory that makes one for Alice), or a shared one.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.web.conftest import Web
from tests.web.seed import add_channel, add_notification, seed_story

# reachable without credentials by design
PUBLIC = {("POST", "/api/v1/sessions"), ("POST", "/api/v1/invites/accept")}
# WebSub hubs call their callback unauthenticated; the VAPID public key is public by nature
PUBLIC_PREFIXES = ("/api/v1/websub",)
MAY_BE_PUBLIC = {("GET", "/api/v1/push/key")}
# resources everyone shares (stories) or only admins manage (users, sources)
SHARED_PARAMS = {"story_id", "source_id"}
ADMIN_PATHS = ("/api/v1/users", "/api/v1/sources")


async def _alices(web: Web) -> dict[str, int]:
    """One of each thing Alice owns, keyed by the path parameter names that address it."""
    alice = web.ids["alice"]
    created = await web.client.post(
        "/api/v1/subscriptions", json={"query": "bridge"}, headers=web.auth("alice")
    )
    sub_id = created.json()["id"]
    tokens = (await web.client.get("/api/v1/tokens", headers=web.auth("alice"))).json()
    browser, _ = await web.signed_in("alice")
    sessions = (await browser.get("/api/v1/sessions")).json()
    async with web.services.db.write() as conn:
        story = await seed_story(conn)
        hook = await add_channel(conn, alice, "webhook")
        device = await add_channel(conn, alice, "webpush")
        note = await add_notification(conn, alice, title="Alice's", story_id=story.story_id)
    return {
        "sub_id": sub_id,
        "subscription_id": sub_id,
        "token_id": tokens[0]["id"],
        "session_id": sessions[0]["id"],
        "channel_id": hook,
        "device_id": device,
        "notification_id": note,
        "delivery_id": note,
        "user_id": alice,
        "story_id": story.story_id,
        "source_id": story.source_ids[0],
    }


def _operations(schema: dict[str, Any]) -> list[tuple[str, str]]:
    ops = []
    for path, item in schema["paths"].items():
        for method in item:
            if method in {"get", "post", "put", "patch", "delete"}:
                ops.append((method.upper(), path))
    return sorted(ops)


def _body(method: str) -> dict[str, Any]:
    return {"json": {}} if method in {"POST", "PUT", "PATCH"} else {}


async def test_every_endpoint_refuses_a_request_without_credentials(web: Web) -> None:
    schema = (await web.client.get("/api/v1/openapi.json")).json()
    ops = _operations(schema)
    assert len(ops) >= 15
    checked = 0
    for method, path in ops:
        if (method, path) in PUBLIC or path.startswith(PUBLIC_PREFIXES):
            continue
        url = re.sub(r"\{[^}]+\}", "1", path)
        r = await web.client.request(method, url, **_body(method))
        if (method, path) in MAY_BE_PUBLIC and r.status_code == 200:
            continue
        assert r.status_code == 401, f"{method} {path} → {r.status_code} {r.text[:200]}"
        assert r.json()["error"]["code"] == "unauthorized", f"{method} {path}"
        checked += 1
        bad = await web.client.request(
            method, url, headers={"Authorization": "Bearer sw_not-a-token"}, **_body(method)
        )
        assert bad.status_code == 401, f"{method} {path} with a bad token → {bad.status_code}"
    assert checked >= 15


async def test_every_endpoint_hides_another_users_things(web: Web) -> None:
    schema = (await web.client.get("/api/v1/openapi.json")).json()
    owned = await _alices(web)
    unknown = []
    checked = 0
    for method, path in _operations(schema):
        params = re.findall(r"\{([^}]+)\}", path)
        if not params or path.startswith(PUBLIC_PREFIXES):
            continue
        if any(p not in owned for p in params):
            unknown.append(f"{method} {path}")
            continue
        url = path
        for p in params:
            url = url.replace("{" + p + "}", str(owned[p]))
        r = await web.client.request(method, url, headers=web.auth("bob"), **_body(method))
        assert r.status_code < 500, f"{method} {path} → {r.status_code}"
        if (path.startswith(ADMIN_PATHS) and method != "GET") or path.startswith("/api/v1/users"):
            assert r.status_code in {403, 404}, f"{method} {path} → {r.status_code} as non-admin"
        elif set(params) <= SHARED_PARAMS:
            continue  # shared: Bob may read it; that it is not a 500 is checked above
        else:
            assert r.status_code == 404, f"{method} {url} as Bob → {r.status_code} {r.text[:200]}"
            assert r.json()["error"]["code"] == "not_found"
        checked += 1
    assert not unknown, f"classify the path parameters of: {unknown}"
    assert checked >= 8
    # and Alice still sees her own subscription: Bob's attempts changed nothing
    mine = await web.client.get(
        f"/api/v1/subscriptions/{owned['sub_id']}", headers=web.auth("alice")
    )
    assert mine.status_code == 200


@pytest.mark.parametrize("name", ["alice", "bob"])
async def test_lists_hold_only_my_own_rows(web: Web, name: str) -> None:
    for who in ("alice", "bob"):
        await web.client.post(
            "/api/v1/subscriptions", json={"query": f"{who}words"}, headers=web.auth(who)
        )
    listed = (await web.client.get("/api/v1/subscriptions", headers=web.auth(name))).json()
    assert [s["query"] for s in listed["items"]] == [f"{name}words"]
    tokens = (await web.client.get("/api/v1/tokens", headers=web.auth(name))).json()
    assert len(tokens) == 1
