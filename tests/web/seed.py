"""A small story written for these tests, inserted straight into the tables the pipeline fills.

"Lake Orin bridge": a minister says the bridge reopens Monday (carried by a wire and copied
by a second outlet), the chief engineer says it is not safe, the date is revised. It has
everything the story page shows: a wire copy, statements by two speakers, a contradiction,
a revision, entities, and an article whose HTML carries a script that must never run.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection

from storywatch.store import tables as t

T0 = datetime(2026, 1, 5, 8, 0, tzinfo=UTC)

EVIL_HTML = (
    "<p>Crews closed the <b>Lake Orin</b> bridge.</p><script>window.__pwned = 1</script>"
    '<p onclick="alert(1)">Traffic is diverted.</p><img src="x" onerror="alert(2)">'
    '<a href="javascript:alert(3)">more</a><a href="https://example.org/x">source</a>'
)


@dataclass(frozen=True)
class SeededStory:
    story_id: int
    other_story_id: int
    article_ids: dict[str, int]
    source_ids: list[int]


async def _insert(conn: AsyncConnection, table: sa.Table, **values: Any) -> int:
    result = await conn.execute(sa.insert(table).values(**values).returning(table.c.id))
    return int(result.scalar_one())


async def seed_story(conn: AsyncConnection, t0: datetime = T0) -> SeededStory:
    """Insert the story with its first article at ``t0``."""
    sources = []
    for i, title in enumerate(("Northwind Wire", "Coastline Herald", "Valley Ledger")):
        sources.append(
            await _insert(
                conn,
                t.sources,
                url=f"http://127.0.0.1:9/feed-{i}.xml",
                title=title,
                created_at=t0 - timedelta(days=3),
                last_success_at=t0 if i != 2 else None,
                consecutive_failures=0 if i != 1 else 2,
                last_error=None if i != 1 else "HTTP 503 from the server",
                item_count=4 - i,
            )
        )
    story = await _insert(
        conn,
        t.stories,
        title="Lake Orin bridge stays closed after safety warning",
        summary="The transport minister said the bridge would reopen on Monday; the chief "
        "engineer then said it was not safe to reopen this month.",
        article_count=4,
        source_count=3,
        development_count=3,
        first_seen_at=t0,
        last_article_at=t0 + timedelta(hours=30),
        last_development_at=t0 + timedelta(hours=30),
        created_at=t0,
    )
    other = await _insert(
        conn,
        t.stories,
        title="Harbour festival dates announced",
        summary="",
        article_count=1,
        source_count=1,
        development_count=1,
        first_seen_at=t0 - timedelta(days=2),
        last_article_at=t0 - timedelta(days=2),
        last_development_at=t0 - timedelta(days=2),
        created_at=t0 - timedelta(days=2),
    )

    async def article(key: str, source: int, hours: int, **extra: Any) -> int:
        return await _insert(
            conn,
            t.articles,
            source_id=source,
            guid=f"guid-{key}",
            url=f"https://news.example/{key}",
            title=extra.pop("title"),
            published_at=t0 + timedelta(hours=hours),
            arrived_at=t0 + timedelta(hours=hours, seconds=20),
            processed_at=t0 + timedelta(hours=hours, seconds=30),
            status="processed",
            story_id=extra.pop("story_id", story),
            text=extra.pop("text", ""),
            **extra,
        )

    a1 = await article(
        "a1",
        sources[0],
        0,
        title="Minister: Lake Orin bridge reopens Monday",
        text='Transport Minister Mara Quint said: "The bridge will reopen on Monday."',
        is_development=True,
    )
    a2 = await article(
        "a2",
        sources[1],
        1,
        title="Lake Orin bridge to reopen Monday, minister says",
        text='Transport Minister Mara Quint said: "The bridge will reopen on Monday."',
        duplicate_of=a1,
    )
    a3 = await article(
        "a3",
        sources[2],
        26,
        title="Engineer warns Lake Orin bridge is unsafe",
        text="Chief engineer Ilan Brook said the bridge is not safe.",
        summary_html=EVIL_HTML,
        is_development=True,
    )
    a4 = await article(
        "a4",
        sources[1],
        30,
        title="Bridge reopening delayed to next month",
        text="Quint said the reopening would be delayed.",
        is_development=True,
    )
    a5 = await article(
        "a5", sources[0], -48, title="Harbour festival in June", story_id=other, is_development=True
    )

    monday = "The bridge will reopen on Monday."
    unsafe = "The bridge is not safe to reopen this month."
    statements = [
        (a1, "direct", monday, "Mara Quint", "Transport Minister", 0),
        (a2, "direct", monday, "Mara Quint", "Transport Minister", 1),
        (a3, "direct", unsafe, "Ilan Brook", "chief engineer", 26),
        (a4, "indirect", "the reopening would be delayed", "Mara Quint", None, 30),
    ]
    for pos, (aid, kind, text, speaker, title, hours) in enumerate(statements):
        await conn.execute(
            sa.insert(t.statements).values(
                article_id=aid,
                story_id=story,
                position=pos,
                kind=kind,
                text=text,
                speaker=speaker,
                speaker_key=f"person:{speaker.lower().replace(' ', '-')}",
                speaker_title=title,
                cue="said",
                said_at=t0 + timedelta(hours=hours),
            )
        )
    events = [
        ("development", 0, "Minister Mara Quint says the bridge reopens Monday.", [a1, a2], None),
        ("development", 26, "Chief engineer Ilan Brook says the bridge is unsafe.", [a3], None),
        (
            "contradiction",
            26,
            "The engineer contradicts the minister on reopening.",
            [a1, a3],
            {
                "earlier_text": "The bridge will reopen on Monday.",
                "earlier_speaker": "Mara Quint",
                "earlier_article_id": str(a1),
                "later_text": "The bridge is not safe to reopen this month.",
                "later_speaker": "Ilan Brook",
                "later_article_id": str(a3),
            },
        ),
        ("revision", 30, "Reopening revised from Monday to next month.", [a4], None),
    ]
    for kind, hours, text, ids, detail in events:
        await conn.execute(
            sa.insert(t.story_events).values(
                story_id=story,
                article_id=ids[0],
                kind=kind,
                at=t0 + timedelta(hours=hours),
                text=text,
                article_ids=ids,
                detail=detail,
            )
        )
    for key, name, kind, arts in (
        ("person:mara-quint", "Mara Quint", "person", [a1, a2, a4]),
        ("person:ilan-brook", "Ilan Brook", "person", [a3]),
        ("place:lake-orin", "Lake Orin", "place", [a1, a3]),
    ):
        eid = await _insert(
            conn, t.entities, key=key, name=name, kind=kind, article_count=len(arts)
        )
        for aid in arts:
            await conn.execute(sa.insert(t.article_entities).values(article_id=aid, entity_id=eid))
    return SeededStory(
        story_id=story,
        other_story_id=other,
        article_ids={"a1": a1, "a2": a2, "a3": a3, "a4": a4, "a5": a5},
        source_ids=sources,
    )


async def add_notification(
    conn: AsyncConnection,
    user_id: int,
    *,
    title: str,
    story_id: int | None = None,
    subscription_id: int | None = None,
    key: str = "n1",
    at: datetime = T0,
) -> int:
    return await _insert(
        conn,
        t.notifications,
        user_id=user_id,
        subscription_id=subscription_id,
        story_id=story_id,
        title=title,
        body="Ilan Brook: the bridge is not safe to reopen this month.",
        reasons=[{"kind": "term", "value": "bridge", "detail": "in the title"}],
        dedupe_key=key,
        created_at=at,
    )


async def add_channel(
    conn: AsyncConnection, user_id: int, kind: str = "webhook", at: datetime = T0
) -> int:
    config: dict[str, Any] = (
        {"endpoint": "https://push.example/abc", "keys": {"p256dh": "x", "auth": "y"}}
        if kind == "webpush"
        else {"url": "https://hooks.example/sw"}
    )
    return await _insert(
        conn,
        t.channels,
        user_id=user_id,
        kind=kind,
        name=f"my {kind}",
        config=config,
        created_at=at,
    )
