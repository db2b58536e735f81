"""A newcomer's rough edges, in Chromium against the real server: a story's developments
stack in one live card updated in place, times read the same whether the server or the
page drew them, form errors stay put and point at the field, and the delivery log fits a
phone."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright

from storywatch.app import Services
from storywatch.clock import ManualClock
from storywatch.deliver.model import NotificationDraft
from storywatch.deliver.outbox import announce, record
from storywatch.model import Reason
from storywatch.settings import Settings
from storywatch.store import tables as t
from storywatch.store import users as user_store
from storywatch.web.ui.render import local_time
from tests.web.browser_support import CHROMIUM, CHROMIUM_ARGS, DESKTOP, PHONE, setup_app
from tests.web.conftest import PASSWORDS
from tests.web.live_server import LiveApp
from tests.web.seed import add_channel, add_notification

pytestmark = pytest.mark.browser
NOW = datetime(2026, 3, 2, 23, 30, tzinfo=UTC)  # already Tuesday in Tokyo, still Monday in UTC
READER_ZONE = "Asia/Tokyo"


async def _setup(services: Services) -> dict[str, Any]:
    info = await setup_app(services)
    async with services.db.write() as conn:
        await user_store.update_user(conn, info["ids"]["alice"], timezone=READER_ZONE)
    return info


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveApp]:
    settings = Settings(data_dir=tmp_path_factory.mktemp("ux"), allow_loopback=True)
    with LiveApp(settings, _setup, clock=ManualClock(NOW)) as app:
        yield app


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def _signed_in(
    browser: Browser, live: LiveApp, name: str, zone: str = "America/New_York", **extra: Any
) -> tuple[BrowserContext, Page]:
    # the browser's own zone differs from the reader's chosen one on purpose
    context = browser.new_context(
        viewport=extra.pop("viewport", DESKTOP),
        base_url=live.url,
        locale="en-US",
        timezone_id=zone,
        **extra,
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.goto("/signin")
    page.get_by_label("User name").fill(name)
    page.get_by_label("Password").fill(PASSWORDS[name])
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    return context, page


def _notify(live: LiveApp, user: int, story: int, title: str, body: str, key: str) -> int:
    """A notification through the real outbox and the bus, as the matcher records one."""

    async def go(services: Services) -> int:
        now = services.clock()
        draft = NotificationDraft(
            user_id=user,
            subscription_id=None,
            article_id=None,
            story_id=story,
            title=title,
            body=body,
            url=f"{live.url}/stories/{story}",
            reasons=(Reason("phrase", "Lake Orin", "in the title"), Reason("story", str(story))),
            dedupe_key=f"ux:{key}",
            collapse_key=f"story:{story}",
            urgent=False,
            mode="every",
            published_at=now,
            arrived_at=now,
        )
        async with services.db.write() as conn:
            created = await record(conn, draft, now)
        assert created is not None
        await announce(services, [created])
        return created.id

    return live.call(go)


def test_a_storys_developments_update_one_card_in_place(live: LiveApp, browser: Browser) -> None:
    alice = live.info["ids"]["alice"]
    story = live.info["story"].story_id
    context, page = _signed_in(browser, live, "alice")
    page.goto("/")
    expect(page.locator("#live-status")).to_contain_text("Live")

    first = _notify(live, alice, story, "Lake Orin bridge", "Minister: reopens Monday", "a")
    cards = page.locator("#feed > li")
    expect(cards).to_have_count(1)
    expect(cards.first).to_have_attribute("data-id", str(first))
    expect(cards.first.locator(".earlier")).to_be_hidden()

    second = _notify(live, alice, story, "Lake Orin bridge", "Engineer: not safe", "b")
    expect(cards).to_have_count(1)  # the same story: the card is updated, not repeated
    card = cards.first
    expect(card).to_have_attribute("data-id", str(second))
    expect(card.locator(".note-latest .note-body")).to_have_text("Engineer: not safe")
    expect(card.locator(".earlier summary")).to_have_text("1 earlier update")
    expect(card.locator(".updates > li")).to_have_count(1)
    expect(card.locator(".updates .note-body")).to_have_text("Minister: reopens Monday")
    expect(card.locator(".why")).to_have_count(1)  # why, once, on the newest push
    expect(card.locator(".why")).to_have_text("Matched “Lake Orin”, a story you follow")

    # a third arrives: the newest leads, both earlier ones fold under it, newest first
    _notify(live, alice, story, "Lake Orin bridge", "Date revised to next month", "c")
    expect(card.locator(".earlier summary")).to_have_text("2 earlier updates")
    expect(card.locator(".updates .note-body")).to_have_text(
        ["Engineer: not safe", "Minister: reopens Monday"]
    )

    # the time the page drew is the reader's zone (Tokyo), as the server would draw it
    expected = local_time(NOW, READER_ZONE)
    assert expected.startswith("Tue")  # Monday in UTC and in the browser's New York
    expect(card.locator(".note-latest time")).to_have_text(expected)
    full = card.locator(".note-latest time").get_attribute("title")
    assert full == local_time(NOW, READER_ZONE, "%A %d %B %Y, %H:%M") + " Asia/Tokyo"

    # after a reload the server draws the same card the live stream built
    live_text = card.inner_text()
    page.reload()
    expect(cards).to_have_count(1)
    assert cards.first.inner_text() == live_text
    assert cards.first.locator(".note-latest time").get_attribute("title") == full
    context.close()


def test_subscription_errors_stay_and_say_things_once(live: LiveApp, browser: Browser) -> None:
    context, page = _signed_in(browser, live, "alice")
    page.goto("/subscriptions")
    query = page.get_by_label("Query")
    query.fill("bridge")
    query.fill("")  # a preview is still scheduled when the form is sent
    page.get_by_role("button", name="Subscribe").click()
    error = page.locator("#query-error")
    expect(error).to_be_visible()
    expect(error).to_contain_text("Write what to match")
    page.wait_for_timeout(800)  # longer than the preview's delay: the error is still there
    expect(error).to_be_visible()
    assert "query:" not in error.inner_text()

    query.fill("bridge AND AND Orin")
    expect(error).to_be_visible()
    expect(error.locator("pre.caret")).to_be_visible()
    assert error.inner_text().lower().count("column") == 1

    query.fill('"Lake Orin"')
    expect(error).to_be_hidden()
    expect(page.locator("#preview-status")).to_contain_text("in the last 7 days")
    page.get_by_label("Preview window").select_option("1")
    expect(page.locator("#preview-status")).to_contain_text("in the last day")
    assert "day(s)" not in page.locator("#preview-status").inner_text()
    context.close()


def test_channel_form_points_at_the_field_and_settings_offer_the_device_zone(
    live: LiveApp, browser: Browser
) -> None:
    context, page = _signed_in(browser, live, "bob", zone="Europe/Berlin")
    page.goto("/devices")
    page.get_by_label("Kind").select_option("webhook")
    page.get_by_label("Webhook URL").fill("not a url")
    page.get_by_role("button", name="Add channel").click()
    expect(page.locator("#channel-error")).to_have_text(
        "Enter the address of your webhook, starting with https://."
    )
    url = page.get_by_label("Webhook URL")
    expect(url).to_have_attribute("aria-invalid", "true")
    expect(url).to_be_focused()

    page.goto("/settings")
    offer = page.get_by_role("button", name="Use this device's zone, Europe/Berlin")
    expect(offer).to_be_visible()
    offer.click()
    expect(page.get_by_label("Time zone")).to_have_value("Europe/Berlin")
    page.get_by_role("button", name="Save settings").click()
    expect(page.locator("footer")).to_contain_text("Times are shown in Europe/Berlin")
    expect(page.get_by_role("button", name="Use this device's zone, Europe/Berlin")).to_be_hidden()
    context.close()


def test_the_delivery_log_fits_a_phone(live: LiveApp, browser: Browser) -> None:
    admin = live.info["ids"]["admin"]

    async def go(services: Services) -> None:
        now = services.clock()
        async with services.db.write() as conn:
            hook = await add_channel(conn, admin, "webhook", now)
            note = await add_notification(conn, admin, title="Bridge alert", key="log", at=now)
            await conn.execute(
                sa.insert(t.deliveries).values(
                    notification_id=note,
                    channel_id=hook,
                    idempotency_key="ux-log",
                    status="dead",
                    attempts=8,
                    next_attempt_at=now,
                    last_error="HTTP 500 from hooks.example after 8 tries",
                    created_at=now - timedelta(minutes=5),
                )
            )

    live.call(go)
    context, page = _signed_in(browser, live, "admin", viewport=PHONE)
    page.goto("/devices")
    error = page.locator("table.log td", has_text="HTTP 500 from hooks.example")
    expect(error).to_be_visible()
    box = error.bounding_box()
    assert box is not None and box["x"] + box["width"] <= PHONE["width"]
    expect(page.locator("table.log td[data-label=Status]")).to_have_text("gave up")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    context.close()


def test_follow_buttons_show_their_state_and_undo(live: LiveApp, browser: Browser) -> None:
    story = live.info["story"].story_id
    token = live.info["tokens"]["bob"]

    def bobs_follows() -> list[tuple[str, str]]:
        items = httpx.get(
            f"{live.url}/api/v1/subscriptions",
            headers={"Authorization": f"Bearer {token}"},
            timeout=30,
        ).json()["items"]
        return sorted((s["kind"], s["target"]) for s in items if s["kind"] != "query")

    before = bobs_follows()
    context, page = _signed_in(browser, live, "bob")
    page.goto(f"/stories/{story}")
    follow = page.get_by_role("button", name="Follow this story")
    follow.click()
    following = page.get_by_role("button", name="Following ✓")
    expect(following).to_have_attribute("aria-pressed", "true")
    person = page.get_by_role("button", name="Follow Mara Quint")
    person.click()
    expect(person).to_have_text("✓ Mara Quint")  # the chip keeps its name
    assert bobs_follows() == sorted([*before, ("story", str(story)), ("person", "Mara Quint")])

    # after a reload the page still knows; one click undoes, without a second subscription
    page.reload()
    expect(page.get_by_role("button", name="Follow Mara Quint")).to_have_attribute(
        "aria-pressed", "true"
    )
    page.get_by_role("button", name="Following ✓").click()
    expect(page.get_by_role("button", name="Follow this story")).to_have_attribute(
        "aria-pressed", "false"
    )
    assert bobs_follows() == sorted([*before, ("person", "Mara Quint")])
    context.close()


def test_adding_a_source_says_what_is_wrong_at_the_field(live: LiveApp, browser: Browser) -> None:
    context, page = _signed_in(browser, live, "admin")
    page.goto("/sources")
    url = page.get_by_label("Feed or site URL")
    url.fill("not a url")
    page.get_by_role("button", name="Add", exact=True).click()
    status = page.locator("#source-status")
    expect(status).to_have_text(
        "Enter the address of a feed or a site, like https://example.org/feed.xml."
    )
    expect(status).to_have_class("meta error")
    expect(url).to_have_attribute("aria-invalid", "true")
    expect(url).to_be_focused()
    page.get_by_role("button", name="Import", exact=True).click()
    expect(status).to_have_text("Choose an OPML file first.")
    expect(url).not_to_have_attribute("aria-invalid", "true")
    context.close()
