"""Subscriptions in the API: create, follow, change, delete, errors at the column, the bus."""

from __future__ import annotations

import asyncio
from typing import Any

from storywatch.bus import SUBSCRIPTIONS_CHANGED
from tests.web.conftest import Web
from tests.web.seed import seed_story


async def _changes(web: Web, out: list[dict[str, Any]]) -> None:
    async for message in web.services.bus.broadcast(SUBSCRIPTIONS_CHANGED):
        out.append(message)


async def test_create_change_delete_and_each_change_is_announced(web: Web) -> None:
    seen: list[dict[str, Any]] = []
    listener = asyncio.create_task(_changes(web, seen))
    await asyncio.sleep(0)
    try:
        r = await web.client.post(
            "/api/v1/subscriptions",
            json={"name": "Bridge", "query": "bridge AND Orin", "mode": "every"},
            headers=web.auth("alice"),
        )
        assert r.status_code == 201
        sub = r.json()
        assert (sub["kind"], sub["query"], sub["mode"]) == ("query", "bridge AND Orin", "every")
        patched = await web.client.patch(
            f"/api/v1/subscriptions/{sub['id']}",
            json={"enabled": False, "query": '"Lake Orin"'},
            headers=web.auth("alice"),
        )
        assert patched.json()["enabled"] is False
        assert patched.json()["query"] == '"Lake Orin"'
        listed = (await web.client.get("/api/v1/subscriptions", headers=web.auth("alice"))).json()
        assert listed["total"] == 1
        assert listed["items"][0]["id"] == sub["id"]
        gone = await web.client.delete(
            f"/api/v1/subscriptions/{sub['id']}", headers=web.auth("alice")
        )
        assert gone.status_code == 204
        for _ in range(50):
            if len(seen) >= 3:
                break
            await asyncio.sleep(0.01)
        assert seen == [{"subscription_id": sub["id"]}] * 3
    finally:
        listener.cancel()


async def test_a_query_that_does_not_parse_says_where(web: Web) -> None:
    r = await web.client.post(
        "/api/v1/subscriptions", json={"query": "Iraq AND (troops"}, headers=web.auth("alice")
    )
    assert r.status_code == 422
    error = r.json()["error"]
    assert error["code"] == "query_syntax"
    assert isinstance(error["column"], int)
    assert 1 <= error["column"] <= len("Iraq AND (troops") + 1
    assert error["message"]
    listed = (await web.client.get("/api/v1/subscriptions", headers=web.auth("alice"))).json()
    assert listed["total"] == 0


async def test_follow_a_story_and_a_person(web: Web) -> None:
    async with web.services.db.write() as conn:
        seeded = await seed_story(conn)
    story = await web.client.post(
        "/api/v1/subscriptions",
        json={"kind": "story", "target": str(seeded.story_id)},
        headers=web.auth("bob"),
    )
    assert story.status_code == 201
    assert story.json()["query"] == f"story:{seeded.story_id}"
    assert story.json()["target"] == str(seeded.story_id)
    person = await web.client.post(
        "/api/v1/subscriptions",
        json={"kind": "person", "target": "Mara Quint"},
        headers=web.auth("bob"),
    )
    assert person.json()["query"] == 'person:"Mara Quint"'
    missing = await web.client.post(
        "/api/v1/subscriptions", json={"kind": "story", "target": "99999"}, headers=web.auth("bob")
    )
    assert missing.status_code == 404
    no_target = await web.client.post(
        "/api/v1/subscriptions", json={"kind": "person"}, headers=web.auth("bob")
    )
    assert no_target.status_code == 422


async def test_another_users_subscription_is_not_found(web: Web) -> None:
    r = await web.client.post(
        "/api/v1/subscriptions", json={"query": "bridge"}, headers=web.auth("alice")
    )
    sub_id = r.json()["id"]
    for method in ("GET", "PATCH", "DELETE"):
        kwargs: dict[str, Any] = {"json": {"enabled": False}} if method == "PATCH" else {}
        other = await web.client.request(
            method, f"/api/v1/subscriptions/{sub_id}", headers=web.auth("bob"), **kwargs
        )
        assert other.status_code == 404, method
    mine = await web.client.get(f"/api/v1/subscriptions/{sub_id}", headers=web.auth("alice"))
    assert mine.json()["enabled"] is True
