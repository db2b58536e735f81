"""Stories in the API: order, cursor pages, and one story shaped for reading."""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa

from storywatch.store import tables as t
from tests.web.conftest import Web
from tests.web.seed import T0, seed_story


async def test_stories_come_newest_development_first_in_cursor_pages(web: Web) -> None:
    async with web.services.db.write() as conn:
        seeded = await seed_story(conn)
        for i in range(5):
            await conn.execute(
                sa.insert(t.stories).values(
                    title=f"Quiet story {i}",
                    first_seen_at=T0 - timedelta(days=10),
                    last_article_at=T0 - timedelta(days=10 - i),
                    created_at=T0,
                )
            )
    first = (await web.client.get("/api/v1/stories?limit=3", headers=web.auth("bob"))).json()
    titles = [s["title"] for s in first["items"]]
    assert titles[0].startswith("Lake Orin")
    assert first["items"][1]["id"] == seeded.other_story_id
    assert first["next_cursor"]
    seen = [s["id"] for s in first["items"]]
    cursor = first["next_cursor"]
    while cursor:
        page = (
            await web.client.get(
                f"/api/v1/stories?limit=3&cursor={cursor}", headers=web.auth("bob")
            )
        ).json()
        seen += [s["id"] for s in page["items"]]
        cursor = page["next_cursor"]
    assert len(seen) == len(set(seen)) == 7
    bad = await web.client.get("/api/v1/stories?cursor=garbage!", headers=web.auth("bob"))
    assert bad.status_code == 422
    assert bad.json()["error"]["code"] == "invalid_input"


async def test_story_detail_folds_copies_groups_speakers_and_splits_contradictions(
    web: Web,
) -> None:
    async with web.services.db.write() as conn:
        seeded = await seed_story(conn)
    r = await web.client.get(f"/api/v1/stories/{seeded.story_id}", headers=web.auth("alice"))
    assert r.status_code == 200
    story = r.json()
    a = seeded.article_ids
    originals = [x["id"] for x in story["articles"]]
    assert originals == [a["a1"], a["a3"], a["a4"]]
    assert [c["id"] for c in story["articles"][0]["copies"]] == [a["a2"]]
    assert story["articles"][0]["copies"][0]["source"] == "Coastline Herald"
    speakers = {s["speaker"]: s for s in story["speakers"]}
    assert set(speakers) == {"Mara Quint", "Ilan Brook"}
    quint = speakers["Mara Quint"]["statements"]
    assert len(quint) == 2  # the wire copy's identical quote is shown once...
    assert quint[0]["outlets"] == ["Northwind Wire", "Coastline Herald"]  # ...with both outlets
    assert [e["kind"] for e in story["timeline"]] == ["development", "development", "revision"]
    assert len(story["contradictions"]) == 1
    assert story["contradictions"][0]["article_ids"] == [a["a1"], a["a3"]]
    assert {e["name"] for e in story["entities"]} == {"Mara Quint", "Ilan Brook", "Lake Orin"}
    assert story["url"].endswith(f"/stories/{seeded.story_id}")


async def test_missing_story_is_a_404_with_an_error_body(web: Web) -> None:
    r = await web.client.get("/api/v1/stories/999999", headers=web.auth("alice"))
    assert r.status_code == 404
    assert r.json() == {"error": {"code": "not_found", "message": "No such story."}}
