"""Writing one processed article: its text, entities, statements, story and events.

Everything for one article goes into one transaction, so a reader never sees an article in
a story without its statements, and a crash leaves the article ``new`` to be redone.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection

from storywatch.model import Entity, ExtractedArticle, Reason, Statement, Understanding
from storywatch.store.articles import content_hash
from storywatch.store.tables import (
    article_entities,
    articles,
    entities,
    statements,
    stories,
    story_events,
)
from storywatch.stories import Novelty, StoryDecision, StorySummary


def entity_json(entity: Entity) -> dict[str, Any]:
    return {
        "key": entity.key,
        "name": entity.name,
        "kind": str(entity.kind),
        "titles": list(entity.titles),
        "count": entity.count,
    }


def reason_json(reason: Reason) -> dict[str, str]:
    return {"kind": reason.kind, "value": reason.value, "detail": reason.detail}


def novelty_json(novelty: Novelty) -> dict[str, Any]:
    return {
        "new_sentences": list(novelty.new_sentences),
        "new_statements": [
            {"speaker": s.speaker, "text": s.text, "kind": s.kind} for s in novelty.new_statements
        ],
        "new_numbers": list(novelty.new_numbers),
        "repeated": novelty.repeated,
    }


async def new_story(conn: AsyncConnection, title: str, published: datetime, now: datetime) -> int:
    result = await conn.execute(
        sa.insert(stories)
        .values(
            title=title[:500],
            first_seen_at=published,
            last_article_at=published,
            created_at=now,
        )
        .returning(stories.c.id)
    )
    return int(result.scalar_one())


async def mark_failed(conn: AsyncConnection, article_id: int, error: str, now: datetime) -> None:
    await conn.execute(
        sa.update(articles)
        .where(articles.c.id == article_id)
        .values(status="failed", error=error[:2000], processed_at=now)
    )


async def _upsert_entities(conn: AsyncConnection, found: tuple[Entity, ...]) -> dict[str, int]:
    if not found:
        return {}
    insert: Any = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
    for entity in found:
        stmt = insert(entities).values(
            key=entity.key[:300],
            name=entity.name[:300],
            kind=str(entity.kind),
            titles=list(entity.titles) or None,
            article_count=1,
        )
        await conn.execute(
            stmt.on_conflict_do_update(
                index_elements=["key"],
                set_={"article_count": entities.c.article_count + 1},
            )
        )
    keys = [e.key[:300] for e in found]
    rows = await conn.execute(
        sa.select(entities.c.key, entities.c.id).where(entities.c.key.in_(keys))
    )
    return {str(k): int(i) for k, i in rows}


async def write_processed(
    conn: AsyncConnection,
    *,
    article_id: int,
    story_id: int,
    extracted: ExtractedArticle,
    understanding: Understanding,
    decision: StoryDecision,
    summary: StorySummary | None,
    published: datetime,
    source_title: str,
    now: datetime,
    note: str | None = None,
) -> None:
    """Store the article's results and bring its story row up to date.

    ``note`` is kept in the article's ``error`` column for a person to read when processing
    succeeded in a lesser way (the feed's summary instead of the unreachable page).
    """
    await conn.execute(
        sa.update(articles)
        .where(articles.c.id == article_id)
        .values(
            status="processed",
            error=note,
            processed_at=now,
            text=extracted.text,
            canonical_url=extracted.canonical_url,
            image=extracted.image,
            language=extracted.language or understanding.language,
            removed=list(extracted.removed) or None,
            content_hash=content_hash(extracted.text),
            entities=[entity_json(e) for e in understanding.entities],
            key_sentences=list(understanding.key_sentences),
            summary=understanding.summary,
            story_id=story_id,
            duplicate_of=decision.duplicate_of,
            duplicate_kind=decision.duplicate_kind,
            story_reasons=[reason_json(r) for r in decision.reasons],
            is_development=decision.is_development,
            novelty=novelty_json(decision.novelty),
        )
    )
    if understanding.statements:
        await conn.execute(
            sa.insert(statements),
            [
                {
                    "article_id": article_id,
                    "story_id": story_id,
                    "position": i,
                    "kind": s.kind,
                    "text": s.text,
                    "speaker": s.speaker,
                    "speaker_key": s.speaker_key,
                    "speaker_mention": s.speaker_mention,
                    "speaker_title": s.speaker_title,
                    "cue": s.cue,
                    "said_at": published,
                }
                for i, s in enumerate(understanding.statements)
            ],
        )
    ids = await _upsert_entities(conn, understanding.entities)
    if ids:
        await conn.execute(
            sa.insert(article_entities),
            [
                {"article_id": article_id, "entity_id": ids[e.key[:300]], "count": e.count}
                for e in {e.key[:300]: e for e in understanding.entities}.values()
            ],
        )
    event_rows = [
        {
            "story_id": story_id,
            "article_id": article_id,
            "kind": event.kind,
            "at": published,
            "text": event.text,
            "article_ids": list(event.article_ids) or [article_id],
            "detail": dict(event.detail) or None,
        }
        for event in decision.events
    ]
    if decision.is_development:
        lead = (decision.novelty.new_sentences or (extracted.title or "",))[0]
        event_rows.insert(
            0,
            {
                "story_id": story_id,
                "article_id": article_id,
                "kind": "development",
                "at": published,
                "text": lead,
                "article_ids": [article_id],
                "detail": {"source": source_title},
            },
        )
    if event_rows:
        await conn.execute(sa.insert(story_events), event_rows)
    await _refresh_story(conn, story_id, summary, decision.is_development, published)


async def _refresh_story(
    conn: AsyncConnection,
    story_id: int,
    summary: StorySummary | None,
    development: bool,
    published: datetime,
) -> None:
    counts = (
        await conn.execute(
            sa.select(
                sa.func.count(),
                sa.func.count(sa.distinct(articles.c.source_id)),
                sa.func.max(articles.c.published_at),
            ).where(articles.c.story_id == story_id, articles.c.status == "processed")
        )
    ).one()
    values: dict[str, Any] = {
        "article_count": int(counts[0]),
        "source_count": int(counts[1]),
        "last_article_at": max(t for t in (counts[2], published) if t is not None),
    }
    if development:
        values["development_count"] = stories.c.development_count + 1
        values["last_development_at"] = published
    if summary is not None:
        values.update(_summary_values(summary))
    await conn.execute(sa.update(stories).where(stories.c.id == story_id).values(**values))


async def write_story_summary(conn: AsyncConnection, story_id: int, summary: StorySummary) -> None:
    """The story's title, summary and timeline as the engine now tells them (T6)."""
    await conn.execute(
        sa.update(stories).where(stories.c.id == story_id).values(**_summary_values(summary))
    )


def _summary_values(summary: StorySummary) -> dict[str, Any]:
    return {
        "title": summary.title[:500],
        "summary": summary.summary,
        "state": {
            "timeline": [
                {
                    "when": item.when.isoformat(),
                    "kind": item.kind,
                    "text": item.text,
                    "article_ids": list(item.article_ids),
                    "sources": list(item.sources),
                }
                for item in summary.timeline
            ],
            "sources": list(summary.sources),
        },
    }


def statement_from_row(row: Any) -> Statement:
    return Statement(
        text=row.text,
        kind=row.kind,
        speaker=row.speaker,
        start=0,
        end=len(row.text),
        speaker_key=row.speaker_key,
        speaker_mention=row.speaker_mention,
        speaker_title=row.speaker_title,
        cue=row.cue,
    )


def entity_from_json(data: dict[str, Any]) -> Entity:
    from storywatch.model import EntityKind

    return Entity(
        key=data["key"],
        name=data["name"],
        kind=EntityKind(data["kind"]),
        titles=tuple(data.get("titles") or ()),
        count=int(data.get("count") or 1),
    )


__all__ = [
    "entity_from_json",
    "mark_failed",
    "new_story",
    "statement_from_row",
    "write_processed",
]
