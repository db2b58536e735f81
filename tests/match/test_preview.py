"""Preview (M4) over a real SQLite store: what a query would have matched, newest first."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
import sqlalchemy as sa

from storywatch.app import Services
from storywatch.clock import ManualClock
from storywatch.errors import InvalidInput, QueryError
from storywatch.service.preview import preview, warm
from storywatch.store.tables import (
    article_entities,
    articles,
    entities,
    notifications,
    sources,
    stories,
)
from storywatch.store.users import create_token, create_user

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)

_number = 0


def _row(title: str, text: str, *, age_hours: float, **extra: Any) -> dict[str, Any]:
    global _number
    _number += 1
    at = NOW - timedelta(hours=age_hours)
    row: dict[str, Any] = {
        "source_id": 1,
        "guid": f"g{_number}",
        "url": f"https://harbor.example/{_number}",
        "title": title,
        "text": text,
        "published_at": at,
        "arrived_at": at,
        "processed_at": at,
        "status": "processed",
        "language": "en",
    }
    row.update(extra)
    return row


async def _setup(services: Services) -> None:
    services.clock = ManualClock(NOW)
    async with services.db.write() as conn:
        await conn.execute(
            sa.insert(sources),
            [
                {"url": "https://harbor.example/feed", "title": "Harbor Post", "created_at": NOW},
                {"url": "https://ledger.example/feed", "title": "Daily Ledger", "created_at": NOW},
            ],
        )
        await conn.execute(
            sa.insert(stories),
            [
                {"id": s, "first_seen_at": NOW, "last_article_at": NOW, "created_at": NOW}
                for s in (1, 2)
            ],
        )


async def _insert(services: Services, *rows: dict[str, Any]) -> list[int]:
    async with services.db.write() as conn:
        ids = []
        for row in rows:
            result = await conn.execute(sa.insert(articles).values(**row).returning(articles.c.id))
            ids.append(int(result.scalar_one()))
        return ids


async def test_matches_come_newest_first_with_reasons_and_details(services: Services) -> None:
    await _setup(services)
    old, new, other = await _insert(
        services,
        _row("Fire closes Velmora harbor", "Crews fought the fire.", age_hours=30, story_id=1),
        _row("Harbor reopens", "The fire is out, the port said.", age_hours=2, source_id=2),
        _row("Budget vote", "The council voted on the budget.", age_hours=1),
    )

    result = await preview(services, "fire harbor", days=30)

    assert [m.article_id for m in result.matches] == [new, old]
    assert result.total == 2
    assert result.total_exact
    assert result.scanned == 3
    first = result.matches[0]
    assert first.title == "Harbor reopens"
    assert first.source_title == first.source == "Daily Ledger"
    assert first.url == f"https://harbor.example/{_number - 1}"
    assert first.published == NOW - timedelta(hours=2)
    assert result.matches[1].story_id == 1
    assert [(r.kind, r.value) for r in first.reasons] == [("term", "fire"), ("term", "harbor")]
    assert first.reasons[1].detail == "“harbor” in the title"
    assert other not in {m.article_id for m in result.matches}


async def test_the_window_counts_back_from_now_and_can_grow(services: Services) -> None:
    await _setup(services)
    recent, old = await _insert(
        services,
        _row("Harbor fire", "", age_hours=24),
        _row("Harbor fire last month", "", age_hours=24 * 40),
    )
    assert [m.article_id for m in (await preview(services, "harbor", days=30)).matches] == [recent]
    wider = await preview(services, "harbor", days=60)
    assert [m.article_id for m in wider.matches] == [recent, old]
    assert wider.scanned == 2


async def test_articles_are_found_once_processed_and_wire_copies_are_left_out(
    services: Services,
) -> None:
    await _setup(services)
    (original,) = await _insert(services, _row("Harbor fire", "Smoke.", age_hours=3))
    waiting, copy, failed = await _insert(
        services,
        _row("Harbor fire spreads", "More smoke.", age_hours=1, processed_at=None, status="new"),
        _row("Harbor fire", "Smoke.", age_hours=2, duplicate_of=original),
        _row("Harbor page", "", age_hours=2, status="failed"),
    )
    first = await preview(services, "harbor", days=7)
    assert [m.article_id for m in first.matches] == [original]

    async with services.db.write() as conn:
        await conn.execute(
            sa.update(articles)
            .where(articles.c.id == waiting)
            .values(processed_at=NOW, status="processed")
        )
    (late,) = await _insert(services, _row("Harbor closed", "", age_hours=0.5))
    again = await preview(services, "harbor", days=7)
    assert [m.article_id for m in again.matches] == [late, waiting, original]
    assert copy not in {m.article_id for m in again.matches}
    assert failed not in {m.article_id for m in again.matches}


async def test_people_come_from_entity_links_and_the_json_column(services: Services) -> None:
    await _setup(services)
    linked, in_json, neither = await _insert(
        services,
        _row("Minister speaks", "He said the port would reopen.", age_hours=5),
        _row(
            "Spokeswoman", "She declined.", age_hours=4,
            entities=[{"kind": "person", "name": "Ana Ortagus", "key": "person:ana-ortagus"}],
        ),
        _row("Mark my words", "A column about Esper Street.", age_hours=3),
    )  # fmt: skip
    async with services.db.write() as conn:
        result = await conn.execute(
            sa.insert(entities)
            .values(key="person:mark-esper", name="Mark Esper", kind="person")
            .returning(entities.c.id)
        )
        await conn.execute(
            sa.insert(article_entities).values(article_id=linked, entity_id=result.scalar_one())
        )

    esper = await preview(services, 'person:"Mark Esper"', days=7)
    assert [m.article_id for m in esper.matches] == [linked]
    assert esper.matches[0].reasons[0].detail == "Mark Esper"
    surname = await preview(services, "person:Ortagus", days=7)
    assert [m.article_id for m in surname.matches] == [in_json]
    assert neither not in {m.article_id for m in esper.matches}


async def test_story_follows_read_the_story_an_article_is_in_now(services: Services) -> None:
    await _setup(services)
    moved, stays = await _insert(
        services,
        _row("Harbor", "", age_hours=5, story_id=1),
        _row("Harbor again", "", age_hours=4, story_id=1),
    )
    assert {m.article_id for m in (await preview(services, "story:1", days=7)).matches} == {
        moved,
        stays,
    }
    async with services.db.write() as conn:
        await conn.execute(sa.update(articles).where(articles.c.id == moved).values(story_id=2))
    assert [m.article_id for m in (await preview(services, "story:2", days=7)).matches] == [moved]
    assert [m.article_id for m in (await preview(services, "story:1", days=7)).matches] == [stays]


async def test_phrases_are_checked_on_the_stored_text(services: Services) -> None:
    await _setup(services)
    together, apart = await _insert(
        services,
        _row("Update", "Velmora harbor stays closed.", age_hours=2),
        _row("Update", "The harbor of Velmora stays closed.", age_hours=1),
    )
    result = await preview(services, '"Velmora harbor"', days=7)
    assert [m.article_id for m in result.matches] == [together]
    assert result.total == 1
    assert result.total_exact
    assert result.checked == 2  # both have both words; only the stored text can tell
    assert result.matches[0].reasons[0].kind == "phrase"
    assert apart not in {m.article_id for m in result.matches}


async def test_folding_and_plurals_as_in_live_matching(services: Services) -> None:
    await _setup(services)
    accented, plural = await _insert(
        services,
        _row("López visits", "", age_hours=2),
        _row("Troops leave", "", age_hours=1),
    )
    assert [m.article_id for m in (await preview(services, "lopez", days=7)).matches] == [accented]
    assert [m.article_id for m in (await preview(services, "troop", days=7)).matches] == [plural]
    assert [m.article_id for m in (await preview(services, "tro*", days=7)).matches] == [plural]


async def test_limit_keeps_the_total_and_marks_what_the_user_was_sent(
    services: Services,
) -> None:
    await _setup(services)
    ids = await _insert(services, *(_row(f"Harbor {n}", "", age_hours=n) for n in (1, 2, 3)))
    async with services.db.write() as conn:
        user = await create_user(conn, "ana", NOW)
        await conn.execute(
            sa.insert(notifications).values(
                user_id=user.id, article_id=ids[0], title="Harbor 1", dedupe_key="k1",
                created_at=NOW,
            )
        )  # fmt: skip
    result = await preview(services, "harbor", days=7, limit=2, user_id=user.id)
    assert result.total == 3
    assert [m.article_id for m in result.matches] == ids[:2]
    assert [m.notified for m in result.matches] == [True, False]
    nobody = await preview(services, "harbor", days=7, limit=2)
    assert [m.notified for m in nobody.matches] == [False, False]


async def test_bad_input_is_refused_at_the_boundary(services: Services) -> None:
    await _setup(services)
    with pytest.raises(QueryError) as caught:
        await preview(services, "harbor AND", days=7)
    assert caught.value.column == 11
    with pytest.raises(InvalidInput):
        await preview(services, "harbor", days=0)
    with pytest.raises(InvalidInput):
        await preview(services, "harbor", limit=10_000)


async def test_warm_builds_the_index_ahead_of_the_first_preview(services: Services) -> None:
    await _setup(services)
    await _insert(services, _row("Harbor", "", age_hours=1), _row("Port", "", age_hours=2))
    assert await warm(services, days=7) == 2
    result = await preview(services, "port", days=7)
    assert result.total == 1


async def test_the_api_previews_with_reasons_and_reports_query_errors(
    services: Services, client: httpx.AsyncClient
) -> None:
    await _setup(services)
    (hit,) = await _insert(services, _row("Velmora harbor closed", "A fire.", age_hours=3))
    async with services.db.write() as conn:
        user = await create_user(conn, "ana", NOW)
        token = await create_token(conn, user.id, NOW, "tests")
    auth = {"Authorization": f"Bearer {token}"}

    r = await client.post(
        "/api/v1/subscriptions/preview", json={"query": '"Velmora harbor" fire'}, headers=auth
    )
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["total"] == 1
    assert [i["article_id"] for i in body["items"]] == [hit]
    assert body["items"][0]["source"] == "Harbor Post"
    assert [x["kind"] for x in body["items"][0]["reasons"]] == ["phrase", "term"]

    r = await client.post(
        "/api/v1/subscriptions/preview", json={"query": "(harbor OR port"}, headers=auth
    )
    assert r.status_code == 422
    error = r.json()["error"]
    assert error["code"] == "query_syntax"
    assert error["column"] == 16
    assert error["expected"] == [")"]
    assert "never closed" in error["message"]


async def test_when_checking_runs_out_of_time_the_total_is_an_estimate(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    from storywatch.service import preview as module

    await _setup(services)
    rows = [
        _row("Update", "Velmora harbor" if n % 2 else "harbor of Velmora", age_hours=n + 1)
        for n in range(40)
    ]
    await _insert(services, *rows)
    monkeypatch.setattr(module, "_BATCH", 10)
    monkeypatch.setattr(module, "CHECK_BUDGET_S", 0.0)  # stop after the first batch
    result = await preview(services, '"Velmora harbor"', days=7, limit=3)
    assert not result.total_exact
    assert result.checked == 10
    assert result.total == 20  # 5 of the first 10 matched: half of the 40 candidates
    assert len(result.matches) == 3
    monkeypatch.setattr(module, "CHECK_BUDGET_S", 60.0)
    exact = await preview(services, '"Velmora harbor"', days=7, limit=3)
    assert exact.total_exact
    assert exact.total == 20
    assert exact.checked == 40
