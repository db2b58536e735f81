"""What the pages say to a person: stacked stories, words instead of ids, pages for bad ids."""

from __future__ import annotations

import re
from datetime import timedelta

import sqlalchemy as sa

from storywatch.store import tables as t
from tests.web.conftest import Web
from tests.web.seed import T0, add_notification, seed_story

HTML = {"Accept": "text/html"}


async def test_a_storys_developments_stack_in_one_live_card(web: Web) -> None:
    alice = web.ids["alice"]
    async with web.services.db.write() as conn:
        seeded = await seed_story(conn)
        sub = int(
            (
                await conn.execute(
                    sa.insert(t.subscriptions)
                    .values(
                        user_id=alice,
                        name="Bridge watch",
                        kind="query",
                        query="bridge",
                        created_at=T0,
                    )
                    .returning(t.subscriptions.c.id)
                )
            ).scalar_one()
        )
        for i, title in enumerate(("Minister: bridge reopens", "Engineer: bridge unsafe")):
            await add_notification(
                conn,
                alice,
                title=title,
                story_id=seeded.story_id,
                subscription_id=sub,
                key=f"s{i}",
                at=T0 + timedelta(hours=i),
            )
        await add_notification(conn, alice, title="Festival news", key="other", at=T0)
    browser, _ = await web.signed_in("alice")
    page = (await browser.get("/", headers=HTML)).text
    feed = page[page.index('id="feed"') :]
    cards = re.findall(r'<li class="note[^"]*" data-id="(\d+)"', feed)
    assert len(cards) == 2  # the story's two pushes are one card, the other its own
    start = feed.index(f'data-story="{seeded.story_id}"')
    story_card = feed[start : feed.index("</details>", start)]
    assert story_card.index("Engineer: bridge unsafe") < story_card.index("Minister: bridge")
    assert "1</span> earlier update" in story_card
    # the subscription is named once, on the newest push, not on every folded one
    assert story_card.count(">Bridge watch</a>") == 1
    assert "Times are shown in UTC" in page
    assert '<meta name="timezone" content="UTC">' in page


async def test_bad_ids_in_page_addresses_get_a_page_not_json(web: Web) -> None:
    browser, _ = await web.signed_in("alice")
    for path in ("/stories/abc", "/stories/0", f"/stories/{2**70}", "/subscriptions/x1"):
        r = await browser.get(path, headers=HTML)
        assert r.status_code == 404, path
        assert r.headers["content-type"].startswith("text/html"), path
        assert "<h1>Not found</h1>" in r.text
    story = (await browser.get("/stories/999", headers=HTML)).text
    assert "There is no such story." in story  # stories are everyone's: no "not yours"
    assert (await browser.get("/devices?failures=yes", headers=HTML)).status_code == 200
    assert (await browser.get("/settings?saved=x", headers=HTML)).status_code == 200


async def test_story_page_reads_like_a_story(web: Web) -> None:
    async with web.services.db.write() as conn:
        seeded = await seed_story(conn)
        a4 = seeded.article_ids["a4"]
        # the same person once with an entity key and once without: one speaker on the page
        for pos, (speaker, key, kind, text, cue) in enumerate(
            (
                ("Mara Quint", None, "direct", "We will publish the new date on Friday,", "said"),
                ("The agency", None, "indirect", "that traffic could use the ferry", "told"),
            )
        ):
            await conn.execute(
                sa.insert(t.statements).values(
                    article_id=a4,
                    story_id=seeded.story_id,
                    position=10 + pos,
                    kind=kind,
                    text=text,
                    speaker=speaker,
                    speaker_key=key,
                    cue=cue,
                    said_at=T0 + timedelta(hours=31),
                )
            )
        await conn.execute(
            sa.insert(t.story_events).values(
                story_id=seeded.story_id,
                article_id=a4,
                kind="revision",
                at=T0 + timedelta(hours=31),
                text="closure revised from 2 to 5: The closure now lasts five weeks.",
                article_ids=[seeded.article_ids["a1"], a4],
                detail={"what": "closure", "from": "2", "to": "5", "later": "It lasts 5 weeks."},
            )
        )
    browser, _ = await web.signed_in("alice")
    page = (await browser.get(f"/stories/{seeded.story_id}", headers=HTML)).text
    # jump links to each part of a long page
    assert 'href="#timeline"' in page and 'href="#statements"' in page
    timeline = page[page.index('id="timeline"') : page.index('id="contradictions"')]
    # each development leads with its article's headline, then what it said
    assert '<p class="event-head">Engineer warns Lake Orin bridge is unsafe</p>' in timeline
    assert "Chief engineer Ilan Brook says the bridge is unsafe." in timeline
    assert '<p class="event-head">Closure revised from 2 to 5</p>' in timeline
    assert "It lasts 5 weeks." in timeline
    said = page[page.index('id="statements"') : page.index('id="sources"')]
    assert said.count("<strong>Mara Quint</strong>") == 1
    assert "<q>We will publish the new date on Friday.</q>" in said  # a sentence, in marks
    # reported speech reads after its verb, never in quotation marks
    assert '<span class="lead">said</span> that traffic could use the ferry' in said
    assert said.index("Ilan Brook") < said.index("The agency")  # a vague speaker goes last
    assert "Follow who and what this story is about" in page


async def test_settings_sources_and_subscriptions_speak_plainly(web: Web) -> None:
    async with web.services.db.write() as conn:
        seeded = await seed_story(conn)
        await conn.execute(
            sa.update(t.sources)
            .where(t.sources.c.id == seeded.source_ids[0])
            .values(format="rss20")
        )
    browser = web.fresh_client()
    r = await browser.post(
        "/api/v1/sessions",
        json={"username": "admin", "password": "admin-pass-123"},
        headers={
            "User-Agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like "
            "Gecko) Chrome/120.0.0.0 Safari/537.36"
        },
    )
    assert r.status_code == 201
    csrf = r.json()["csrf_token"]
    settings = (await browser.get("/settings", headers=HTML)).text
    assert ">Chrome on Linux</span>" in settings
    assert ">Mozilla/5.0" not in settings  # the raw header only in a tooltip
    sources = (await browser.get("/sources", headers=HTML)).text
    assert "RSS 2.0 feed" in sources
    assert ">feed ·" not in sources
    made = await browser.post(
        "/api/v1/subscriptions",
        json={"kind": "story", "target": str(seeded.story_id), "name": "The bridge"},
        headers={"X-CSRF-Token": csrf},
    )
    assert made.status_code == 201, made.text
    subs = (await browser.get("/subscriptions", headers=HTML)).text
    assert f'<a href="/stories/{seeded.story_id}">Open the story</a>' in subs
    listed = subs[subs.index('id="list-h"') :]
    assert f"story:{seeded.story_id}" not in listed  # the query behind a follow stays inside
    assert '<span class="badge">story</span>' in listed
