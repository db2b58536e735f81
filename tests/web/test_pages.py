"""Pages render what they promise, for the signed-in user only, with article HTML sanitised."""

from __future__ import annotations

import json
import struct
import zlib

import httpx

from tests.web.conftest import Web
from tests.web.seed import add_channel, add_notification, seed_story

HTML = {"Accept": "text/html"}


async def _browser(web: Web, name: str = "alice") -> httpx.AsyncClient:
    browser, _ = await web.signed_in(name)
    return browser


async def test_story_page_shows_timeline_statements_contradiction_and_sources(web: Web) -> None:
    async with web.services.db.write() as conn:
        seeded = await seed_story(conn)
    browser = await _browser(web)
    r = await browser.get(f"/stories/{seeded.story_id}", headers=HTML)
    assert r.status_code == 200
    page = r.text
    assert "Lake Orin bridge stays closed after safety warning" in page
    assert 'id="timeline"' in page
    assert "Reopening revised from Monday to next month." in page
    assert page.count('class="contradiction"') == 1
    assert "The engineer contradicts the minister on reopening." in page
    # statements grouped by speaker, the copied quote once with both outlets
    said = page[page.index('id="statements"') : page.index('id="sources"')]
    assert said.count("The bridge will reopen on Monday.") == 1
    assert "Northwind Wire, Coastline Herald" in said
    assert said.index("Mara Quint") < said.index("Ilan Brook")  # most statements first
    assert "1 copy of this article" in page
    # article HTML is sanitised: no script, no handlers, no javascript: links
    assert "__pwned" not in page
    assert "onclick" not in page
    assert "onerror" not in page
    assert "javascript:" not in page
    assert "<b>Lake Orin</b>" in page
    assert 'href="https://example.org/x"' in page
    assert "Content-Security-Policy" in r.headers
    assert "script-src 'self'" in r.headers["Content-Security-Policy"]


async def test_live_page_lists_only_my_notifications_with_why(web: Web) -> None:
    async with web.services.db.write() as conn:
        seeded = await seed_story(conn)
        await add_notification(
            conn, web.ids["alice"], title="Engineer: bridge unsafe", story_id=seeded.story_id
        )
        await add_notification(conn, web.ids["bob"], title="Bob's secret alert", key="b")
    page = (await (await _browser(web)).get("/", headers=HTML)).text
    assert "Engineer: bridge unsafe" in page
    assert f'href="/stories/{seeded.story_id}"' in page
    chip = '<span class="chip chip-term" title="in the title">“bridge”</span>'
    assert f"Matched</span> {chip}" in page
    assert "term:" not in page
    assert "Bob&#39;s secret alert" not in page
    assert "Bob's secret alert" not in page
    assert "Enable notifications" in page


async def test_stories_list_and_search(web: Web) -> None:
    async with web.services.db.write() as conn:
        await seed_story(conn)
    browser = await _browser(web)
    page = (await browser.get("/stories", headers=HTML)).text
    assert page.index("Lake Orin bridge") < page.index("Harbour festival dates")
    found = (await browser.get("/stories?q=festival", headers=HTML)).text
    assert "Harbour festival" in found
    assert "Lake Orin bridge" not in found


async def test_subscriptions_page_lists_mine_and_edits_one(web: Web) -> None:
    r = await web.client.post(
        "/api/v1/subscriptions",
        json={"name": "Bridge watch", "query": "bridge"},
        headers=web.auth("alice"),
    )
    sub_id = r.json()["id"]
    browser = await _browser(web)
    page = (await browser.get("/subscriptions", headers=HTML)).text
    assert "Bridge watch" in page
    assert "How to write a query" in page
    edit = (await browser.get(f"/subscriptions/{sub_id}", headers=HTML)).text
    assert "Edit “Bridge watch”" in edit
    bob = await _browser(web, "bob")
    assert (await bob.get(f"/subscriptions/{sub_id}", headers=HTML)).status_code == 404
    assert "Bridge watch" not in (await bob.get("/subscriptions", headers=HTML)).text


async def test_devices_page_shows_channels_and_failures(web: Web) -> None:
    import sqlalchemy as sa

    from storywatch.store import tables as t

    async with web.services.db.write() as conn:
        hook = await add_channel(conn, web.ids["alice"], "webhook")
        await add_channel(conn, web.ids["alice"], "webpush")
        note = await add_notification(conn, web.ids["alice"], title="Bridge alert")
        from tests.web.seed import T0

        await conn.execute(
            sa.insert(t.deliveries).values(
                notification_id=note,
                channel_id=hook,
                idempotency_key="k1",
                status="dead",
                attempts=8,
                next_attempt_at=T0,
                last_error="HTTP 500 from hooks.example",
                created_at=T0,
            )
        )
    page = (await (await _browser(web)).get("/devices", headers=HTML)).text
    assert "https://hooks.example/sw" in page
    assert "Push service push.example" in page
    assert "HTTP 500 from hooks.example" in page
    assert "The only delivery so far failed." in page
    assert ">gave up</span>" in page  # not the store's word "dead"
    assert ">dead<" not in page
    bob_page = (await (await _browser(web, "bob")).get("/devices", headers=HTML)).text
    assert "hooks.example" not in bob_page


async def test_sources_page_shows_health_and_admin_tools(web: Web) -> None:
    async with web.services.db.write() as conn:
        await seed_story(conn)
    admin_page = (await (await _browser(web, "admin")).get("/sources", headers=HTML)).text
    assert "HTTP 503 from the server" in admin_page
    assert "failing" in admin_page
    assert "healthy" in admin_page
    assert "waiting" in admin_page
    assert "Import an OPML file" in admin_page
    user_page = (await (await _browser(web)).get("/sources", headers=HTML)).text
    assert "Import an OPML file" not in user_page
    assert "Northwind Wire" in user_page


async def test_settings_page_for_admin_lists_users(web: Web) -> None:
    admin = (await (await _browser(web, "admin")).get("/settings", headers=HTML)).text
    assert "Europe/Paris" in admin
    assert '<h2 id="users-h">Users</h2>' in admin
    plain = (await (await _browser(web, "bob")).get("/settings", headers=HTML)).text
    assert "users-h" not in plain


async def test_installable_manifest_service_worker_and_icons(web: Web) -> None:
    manifest = (await web.client.get("/manifest.webmanifest")).json()
    assert manifest["display"] == "standalone"
    assert manifest["start_url"] == "/"
    sizes = {i["sizes"] for i in manifest["icons"] if i["type"] == "image/png"}
    assert {"192x192", "512x512"} <= sizes
    assert any(i.get("purpose") == "maskable" for i in manifest["icons"])
    sw = await web.client.get("/sw.js")
    assert sw.headers["content-type"].startswith("text/javascript")
    assert sw.headers["service-worker-allowed"] == "/"
    for needle in ('addEventListener("push"', "renotify", "notificationclick", "openWindow"):
        assert needle in sw.text
    png = (await web.client.get("/static/icons/icon-192.png")).content
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    assert (width, height) == (192, 192)
    # the image is really drawn: decode IDAT and count distinct colours
    idat = png[png.index(b"IDAT") + 4 : png.index(b"IEND") - 8]
    raw = zlib.decompress(idat)
    stride = 1 + 192 * 4
    pixels = {
        raw[i : i + 4] for row in range(192) for i in range(row * stride + 1, (row + 1) * stride, 4)
    }
    assert len(pixels) > 10
    assert (await web.client.get("/static/icons/icon-7.png")).status_code == 404
    svg = await web.client.get("/static/icons/icon.svg")
    assert svg.text.startswith("<svg")
    assert json.loads(json.dumps(manifest))["theme_color"]


async def test_unknown_address_is_a_page_for_browsers_and_json_for_the_api(
    client: httpx.AsyncClient,
) -> None:
    page = await client.get("/no-such-page", headers={"Accept": "text/html"})
    assert page.status_code == 404
    assert page.headers["content-type"].startswith("text/html")
    assert "Not found" in page.text
    api = await client.get("/api/v1/no-such-thing", headers={"Accept": "text/html"})
    assert api.status_code == 404
    assert api.json()["error"]["code"] == "not_found"
