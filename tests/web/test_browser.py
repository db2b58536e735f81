"""The web app in Chromium against the real server: the whole journey, every page's look,
keyboard use and accessibility (axe-core), on phone and desktop widths."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright

from storywatch.app import Services
from storywatch.clock import ManualClock
from storywatch.deliver.model import NotificationDraft
from storywatch.deliver.outbox import announce, record
from storywatch.model import Reason
from storywatch.settings import Settings
from tests.web.browser_support import (
    CHROMIUM,
    CHROMIUM_ARGS,
    DESKTOP,
    accessibility_problems,
    axe_script,
    screenshot,
    setup_app,
)
from tests.web.conftest import PASSWORDS
from tests.web.live_server import LiveApp
from tests.web.seed import add_channel, add_notification

pytestmark = pytest.mark.browser
FROZEN_NOW = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveApp]:
    settings = Settings(
        data_dir=tmp_path_factory.mktemp("live"),
        allow_loopback=True,
        fetch_timeout_seconds=2.0,
        fetch_connect_timeout_seconds=1.0,
    )
    # a clock that stands still: the screenshots show the same times on every run
    with LiveApp(settings, setup_app, clock=ManualClock(FROZEN_NOW)) as app:
        yield app


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    axe_script()  # installed before the clock of any test starts
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def _context(browser: Browser, live: LiveApp, **extra: Any) -> BrowserContext:
    context = browser.new_context(
        viewport=DESKTOP,
        bypass_csp=True,
        base_url=live.url,
        locale="en-GB",
        timezone_id="UTC",
        **extra,
    )
    context.set_default_timeout(15_000)
    return context


def _sign_in(page: Page, username: str, password: str) -> None:
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/signin\?next="))
    page.get_by_label("User name").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"^http://127\.0\.0\.1:\d+/$"))


def _api(live: LiveApp, method: str, path: str, token: str, **kwargs: Any) -> httpx.Response:
    return httpx.request(
        method, live.url + path, headers={"Authorization": f"Bearer {token}"}, timeout=30, **kwargs
    )


def _notify(live: LiveApp, user_id: int, story_id: int, title: str) -> int:
    """Record a notification through the real outbox and ring the bus, as the matcher does."""

    async def go(services: Services) -> int:
        now = services.clock()
        draft = NotificationDraft(
            user_id=user_id,
            subscription_id=None,
            article_id=None,
            story_id=story_id,
            title=title,
            body="Chief engineer Ilan Brook: the bridge is not safe to reopen this month.",
            url=f"{live.url}/stories/{story_id}",
            reasons=(Reason("term", "bridge", "in the title"), Reason("story", str(story_id))),
            dedupe_key=f"browser:{title}",
            collapse_key=f"story:{story_id}",
            urgent=False,
            mode="every",
            published_at=now - timedelta(seconds=5),
            arrived_at=now - timedelta(seconds=3),
        )
        async with services.db.write() as conn:
            created = await record(conn, draft, now)
        assert created is not None
        await announce(services, [created])
        return created.id

    return live.call(go)


def test_a_new_user_subscribes_gets_a_live_update_and_reads_the_story(
    live: LiveApp, browser: Browser
) -> None:
    admin = live.info["tokens"]["admin"]
    story_id = live.info["story"].story_id
    created = _api(
        live,
        "POST",
        "/api/v1/users",
        admin,
        json={"username": "carol", "display_name": "Carol", "password": "carol-pass-123"},
    )
    assert created.status_code == 201, created.text
    carol_id = created.json()["user"]["id"]

    context = _context(browser, live)
    context.grant_permissions(["notifications"], origin=live.url)
    page = context.new_page()
    _sign_in(page, "carol", "carol-pass-123")
    expect(page.get_by_role("heading", name="Live")).to_be_visible()

    # write a subscription: a mistake is pointed at, then the preview shows past matches
    page.goto("/subscriptions")
    query = page.get_by_label("Query")
    query.fill("bridge AND (")
    error = page.locator("#query-error")
    expect(error).to_be_visible()
    expect(error).to_contain_text("column")
    expect(query).to_have_attribute("aria-invalid", "true")
    query.fill("bridge AND Orin")
    expect(error).to_be_hidden()
    expect(page.locator("#preview-list li").first).to_be_visible()
    expect(page.locator("#preview-status")).to_contain_text("would have matched")
    expect(page.locator("#preview-list")).to_contain_text("Lake Orin")
    page.get_by_label("Name").fill("Lake Orin bridge")
    page.get_by_role("button", name="Subscribe").click()
    expect(page.locator(".sub").first).to_contain_text("bridge AND Orin")
    subs = _api(live, "GET", "/api/v1/subscriptions", _token_for(live, "carol"))
    assert [s["query"] for s in subs.json()["items"]] == ["bridge AND Orin"]

    # enable notifications on this device (permission granted in the context)
    page.goto("/")
    page.get_by_role("button", name="Enable notifications").click()
    expect(page.get_by_role("button", name="Notifications on ✓")).to_be_visible()
    expect(page.locator("#push-status")).to_contain_text("Notifications are on")
    expect(page.locator("#live-status")).to_contain_text("Live")

    page.evaluate(
        """() => {
            window.__shown = [];
            const original = ServiceWorkerRegistration.prototype.showNotification;
            ServiceWorkerRegistration.prototype.showNotification = function (title, options) {
                window.__shown.push({title, tag: options.tag, renotify: options.renotify});
                return original.call(this, title, options);
            };
        }"""
    )
    # a development arrives: it appears at the top of the live page, with why
    title = "Engineer: Lake Orin bridge not safe to reopen"
    nid = _notify(live, carol_id, story_id, title)
    first = page.locator("#feed li").first
    expect(first).to_contain_text(title)
    expect(first).to_have_attribute("data-id", str(nid))
    # why, in words: the matched word and the followed story, no internal kind names
    expect(first.locator(".why")).to_have_text("Matched “bridge”, a story you follow")
    # and a browser notification was asked for, tagged by story so a newer one replaces it
    # (headless Chromium draws none, so the call itself is what can be observed)
    shown = page.evaluate("window.__shown")
    assert {"title": title, "tag": f"story-{story_id}", "renotify": True} in shown

    # open the story: timeline, statements by speaker, contradiction
    first.get_by_role("link", name=title).click()
    page.wait_for_url(f"**/stories/{story_id}")
    expect(page.locator("#timeline li")).to_have_count(3)
    expect(page.locator("#statements details.speaker")).to_have_count(2)
    expect(page.locator("#statements")).to_contain_text("The bridge will reopen on Monday.")
    expect(page.locator("#contradictions blockquote")).to_have_count(2)
    assert page.evaluate("window.__pwned === undefined")
    context.close()


def _token_for(live: LiveApp, name: str) -> str:
    return str(live.info["tokens"].get(name) or _new_token(live, name))


def _new_token(live: LiveApp, name: str) -> str:
    from storywatch.store import users as user_store

    async def go(services: Services) -> str:
        async with services.db.write() as conn:
            user = await user_store.get_by_username(conn, name)
            assert user is not None
            return await user_store.create_token(conn, user.id, services.clock(), "browser")

    token = live.call(go)
    live.info["tokens"][name] = token
    return token


def _dress_admin(live: LiveApp) -> None:
    """Give the admin things to show on every page."""
    admin = live.info["ids"]["admin"]
    story_id = live.info["story"].story_id

    async def go(services: Services) -> None:
        import sqlalchemy as sa

        from storywatch.store import tables as t

        now = services.clock()
        async with services.db.write() as conn:
            hook = await add_channel(conn, admin, "webhook", now)
            await add_channel(conn, admin, "webpush", now)
            for i, title in enumerate(
                ("Minister: Lake Orin bridge reopens Monday", "Engineer: bridge unsafe")
            ):
                note = await add_notification(
                    conn, admin, title=title, story_id=story_id, key=f"dress{i}", at=now
                )
                await conn.execute(
                    sa.insert(t.deliveries).values(
                        notification_id=note,
                        channel_id=hook,
                        idempotency_key=f"dress{i}",
                        status="sent" if i == 0 else "dead",
                        attempts=1 if i == 0 else 8,
                        next_attempt_at=now,
                        sent_at=now if i == 0 else None,
                        last_error=None if i == 0 else "HTTP 500 from hooks.example",
                        created_at=now,
                    )
                )

    live.call(go)
    token = live.info["tokens"]["admin"]
    _api(live, "POST", "/api/v1/subscriptions", token, json={"name": "Bridge", "query": "bridge"})
    _api(
        live,
        "POST",
        "/api/v1/subscriptions",
        token,
        json={"kind": "story", "target": str(story_id)},
    )


PAGES = [
    ("live", "/", "Live"),
    ("stories", "/stories", "Stories"),
    ("story", "/stories/{story}", "Lake Orin bridge stays closed after safety warning"),
    ("subscriptions", "/subscriptions", "Subscriptions"),
    ("devices", "/devices", "Devices and channels"),
    ("sources", "/sources", "Sources"),
    ("settings", "/settings", "Settings"),
]


def test_every_page_on_phone_and_desktop_is_accessible(live: LiveApp, browser: Browser) -> None:
    _dress_admin(live)
    problems: dict[str, list[str]] = {}
    written: list[Path] = []

    anonymous = _context(browser, live)
    page = anonymous.new_page()
    page.goto("/signin")
    written += screenshot(page, "signin")
    problems["signin"] = accessibility_problems(page)
    anonymous.close()

    context = _context(browser, live)
    page = context.new_page()
    _sign_in(page, "admin", PASSWORDS["admin"])
    for name, path, heading in PAGES:
        page.goto(path.format(story=live.info["story"].story_id))
        expect(page.get_by_role("heading", level=1)).to_contain_text(heading)
        if name == "subscriptions":
            page.get_by_label("Query").fill('"Lake Orin" AND bridge')
            expect(page.locator("#preview-list li").first).to_be_visible()
        written += screenshot(page, name)
        problems[name] = accessibility_problems(page)
        if name == "live":
            # keyboard: the first Tab lands on the skip link, which leads to the main content
            page.reload()
            page.keyboard.press("Tab")
            assert page.evaluate("document.activeElement.textContent") == "Skip to content"
            page.keyboard.press("Enter")
            assert page.evaluate("document.activeElement.id") == "main"
    context.close()

    assert len(written) == 2 * (len(PAGES) + 1)
    assert all(p.stat().st_size > 5_000 for p in written)
    assert not any(problems.values()), problems
