"""Reads of stories for people: the list, and one story with everything its page shows.

The pipeline writes stories, articles, statements and story events; this module only reads
them and shapes them the way a reader wants them: wire copies folded under the article they
copy, identical statements carried by several outlets shown once with every outlet, and
statements grouped by speaker.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection

from storywatch.errors import InvalidInput
from storywatch.store.tables import (
    article_entities,
    articles,
    entities,
    sources,
    statements,
    stories,
    story_events,
)


@dataclass(frozen=True, slots=True)
class StorySummary:
    id: int
    title: str
    summary: str
    article_count: int
    source_count: int
    development_count: int
    first_seen_at: datetime
    last_article_at: datetime
    last_development_at: datetime | None


@dataclass(frozen=True, slots=True)
class ArticleRef:
    """One article of a story, with the outlet that carried it."""

    id: int
    title: str
    url: str | None
    source_id: int
    source_title: str
    published_at: datetime | None
    arrived_at: datetime
    duplicate_of: int | None
    is_development: bool
    summary: str
    text: str
    summary_html: str
    novelty: Any
    story_reasons: Any
    copies: list[ArticleRef] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Quote:
    """One thing a speaker said, with every outlet that carried it."""

    id: int
    text: str
    kind: str
    cue: str | None
    speaker_title: str | None
    said_at: datetime | None
    article_id: int
    source_title: str
    outlets: list[str]


@dataclass(frozen=True, slots=True)
class SpeakerStatements:
    speaker: str
    speaker_key: str | None
    titles: list[str]
    statements: list[Quote]


@dataclass(frozen=True, slots=True)
class Event:
    id: int
    kind: str
    at: datetime
    text: str
    article_id: int | None
    article_ids: list[int]
    detail: dict[str, Any]


@dataclass(frozen=True, slots=True)
class EntityRef:
    key: str
    name: str
    kind: str
    mentions: int


@dataclass(frozen=True, slots=True)
class StoryDetail:
    story: StorySummary
    articles: list[ArticleRef]  # originals only, each with its copies
    speakers: list[SpeakerStatements]
    timeline: list[Event]
    contradictions: list[Event]
    entities: list[EntityRef]


# ----------------------------------------------------------------------------- cursors


def encode_cursor(at: datetime, row_id: int) -> str:
    raw = f"{at.isoformat()}|{row_id}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[datetime, int]:
    """The (time, id) a cursor points after; a malformed cursor is the caller's error."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        at, row_id = raw.rsplit("|", 1)
        parsed = datetime.fromisoformat(at)
        if parsed.tzinfo is None:
            raise ValueError("naive")
        return parsed, int(row_id)
    except (ValueError, UnicodeDecodeError) as exc:
        raise InvalidInput("The cursor is not one this API gave out.") from exc


def _summary(row: Any) -> StorySummary:
    return StorySummary(
        id=int(row.id),
        title=row.title,
        summary=row.summary,
        article_count=int(row.article_count),
        source_count=int(row.source_count),
        development_count=int(row.development_count),
        first_seen_at=row.first_seen_at,
        last_article_at=row.last_article_at,
        last_development_at=row.last_development_at,
    )


def story_sort_time(story: StorySummary) -> datetime:
    """Stories are ordered by their latest development, else their latest article."""
    return story.last_development_at or story.last_article_at


async def list_stories(
    conn: AsyncConnection, *, limit: int, cursor: str | None = None, search: str | None = None
) -> tuple[list[StorySummary], str | None]:
    """A page of stories, newest development first, and the cursor of the next page."""
    sort_at = sa.func.coalesce(stories.c.last_development_at, stories.c.last_article_at)
    stmt = sa.select(stories).order_by(sort_at.desc(), stories.c.id.desc()).limit(limit + 1)
    if search:
        stmt = stmt.where(stories.c.title.ilike(f"%{search}%"))
    if cursor:
        at, row_id = decode_cursor(cursor)
        # compare through the column type so SQLite sees the same stored form
        at_param = sa.literal(at, type_=stories.c.last_article_at.type)
        stmt = stmt.where(
            sa.or_(sort_at < at_param, sa.and_(sort_at == at_param, stories.c.id < row_id))
        )
    rows = (await conn.execute(stmt)).all()
    page = [_summary(r) for r in rows[:limit]]
    next_cursor = None
    if len(rows) > limit and page:
        last = page[-1]
        next_cursor = encode_cursor(story_sort_time(last), last.id)
    return page, next_cursor


async def get_story(conn: AsyncConnection, story_id: int) -> StorySummary | None:
    row = (await conn.execute(sa.select(stories).where(stories.c.id == story_id))).first()
    return _summary(row) if row else None


async def _articles(conn: AsyncConnection, story_id: int) -> list[ArticleRef]:
    rows = (
        await conn.execute(
            sa.select(articles, sources.c.title.label("source_title"), sources.c.url.label("src"))
            .join(sources, sources.c.id == articles.c.source_id)
            .where(articles.c.story_id == story_id)
            .order_by(
                sa.func.coalesce(articles.c.published_at, articles.c.arrived_at), articles.c.id
            )
        )
    ).all()
    refs = [
        ArticleRef(
            id=int(r.id),
            title=r.title,
            url=r.url,
            source_id=int(r.source_id),
            source_title=r.source_title or r.src,
            published_at=r.published_at,
            arrived_at=r.arrived_at,
            duplicate_of=r.duplicate_of,
            is_development=bool(r.is_development),
            summary=r.summary,
            text=r.text,
            summary_html=r.summary_html,
            novelty=r.novelty,
            story_reasons=r.story_reasons,
        )
        for r in rows
    ]
    return refs


def fold_copies(refs: list[ArticleRef]) -> list[ArticleRef]:
    """Originals in time order, each carrying the wire copies that point at it.

    A copy of a copy is folded under the first original up the chain; a copy whose original
    is outside the story stays visible as an original so nothing disappears.
    """
    by_id = {a.id: a for a in refs}

    def root(a: ArticleRef) -> ArticleRef:
        seen = {a.id}
        while a.duplicate_of is not None and a.duplicate_of in by_id:
            a = by_id[a.duplicate_of]
            if a.id in seen:
                break
            seen.add(a.id)
        return a

    originals: list[ArticleRef] = []
    for a in refs:
        top = root(a)
        if top.id == a.id:
            originals.append(a)
        else:
            top.copies.append(a)
    return originals


def _fold_key(text: str) -> str:
    return " ".join(text.casefold().split())


async def _speakers(
    conn: AsyncConnection, story_id: int, article_ids: list[int]
) -> list[SpeakerStatements]:
    if not article_ids:
        return []
    rows = (
        await conn.execute(
            sa.select(
                statements,
                sources.c.title.label("source_title"),
                sources.c.url.label("src"),
                articles.c.published_at,
                articles.c.arrived_at,
            )
            .join(articles, articles.c.id == statements.c.article_id)
            .join(sources, sources.c.id == articles.c.source_id)
            .where(
                sa.or_(statements.c.story_id == story_id, statements.c.article_id.in_(article_ids))
            )
            .order_by(
                sa.func.coalesce(
                    statements.c.said_at, articles.c.published_at, articles.c.arrived_at
                ),
                statements.c.article_id,
                statements.c.position,
            )
        )
    ).all()
    groups: dict[str, SpeakerStatements] = {}
    seen: dict[tuple[str, str], Quote] = {}
    # one group per name as a reader sees it: the same name with and without an entity key
    # (or under two keys) is one speaker on the page
    for r in rows:
        name = r.speaker or "Unattributed"
        group_key = " ".join(name.casefold().split())
        group = groups.get(group_key)
        if group is None:
            group = SpeakerStatements(
                speaker=name, speaker_key=r.speaker_key, titles=[], statements=[]
            )
            groups[group_key] = group
        elif group.speaker_key is None and r.speaker_key:
            group = groups[group_key] = SpeakerStatements(
                speaker=group.speaker,
                speaker_key=r.speaker_key,
                titles=group.titles,
                statements=group.statements,
            )
        if r.speaker_title and r.speaker_title not in group.titles:
            group.titles.append(r.speaker_title)
        outlet = r.source_title or r.src
        dup = seen.get((group_key, _fold_key(r.text)))
        if dup is not None:
            if outlet not in dup.outlets:
                dup.outlets.append(outlet)
            continue
        quote = Quote(
            id=int(r.id),
            text=r.text,
            kind=r.kind,
            cue=r.cue,
            speaker_title=r.speaker_title,
            said_at=r.said_at or r.published_at or r.arrived_at,
            article_id=int(r.article_id),
            source_title=outlet,
            outlets=[outlet],
        )
        seen[(group_key, _fold_key(r.text))] = quote
        group.statements.append(quote)
    ordered = sorted(
        groups.values(),
        key=lambda g: (_vague(g), -len(g.statements), g.speaker),
    )
    return ordered


def _vague(group: SpeakerStatements) -> bool:
    """A speaker nobody could follow ("The agency", "doctors", "Unattributed") goes last."""
    name = group.speaker
    return group.speaker_key is None and (
        name == "Unattributed" or name[:1].islower() or name.casefold().startswith("the ")
    )


async def _events(conn: AsyncConnection, story_id: int) -> list[Event]:
    rows = (
        await conn.execute(
            sa.select(story_events)
            .where(story_events.c.story_id == story_id)
            .order_by(story_events.c.at, story_events.c.id)
        )
    ).all()
    out: list[Event] = []
    for r in rows:
        ids = [
            int(i) for i in (r.article_ids or []) if isinstance(i, int | str) and str(i).isdigit()
        ]
        if r.article_id is not None and int(r.article_id) not in ids:
            ids.insert(0, int(r.article_id))
        out.append(
            Event(
                id=int(r.id),
                kind=r.kind,
                at=r.at,
                text=r.text,
                article_id=r.article_id,
                article_ids=ids,
                detail=dict(r.detail or {}),
            )
        )
    return out


async def _entities(conn: AsyncConnection, article_ids: list[int], limit: int) -> list[EntityRef]:
    if not article_ids:
        return []
    mentions = sa.func.sum(article_entities.c.count).label("mentions")
    rows = (
        await conn.execute(
            sa.select(entities.c.key, entities.c.name, entities.c.kind, mentions)
            .join(article_entities, article_entities.c.entity_id == entities.c.id)
            .where(article_entities.c.article_id.in_(article_ids))
            .group_by(entities.c.id, entities.c.key, entities.c.name, entities.c.kind)
            .order_by(mentions.desc(), entities.c.name)
            .limit(limit)
        )
    ).all()
    return [EntityRef(key=r.key, name=r.name, kind=r.kind, mentions=int(r.mentions)) for r in rows]


async def story_detail(conn: AsyncConnection, story_id: int) -> StoryDetail | None:
    """Everything the story page shows, or None when there is no such story."""
    story = await get_story(conn, story_id)
    if story is None:
        return None
    refs = await _articles(conn, story_id)
    ids = [a.id for a in refs]
    events = await _events(conn, story_id)
    return StoryDetail(
        story=story,
        articles=fold_copies(refs),
        speakers=await _speakers(conn, story_id, ids),
        timeline=[e for e in events if e.kind != "contradiction"],
        contradictions=[e for e in events if e.kind == "contradiction"],
        entities=await _entities(conn, ids, 12),
    )


async def article_titles(conn: AsyncConnection, ids: list[int]) -> dict[int, tuple[str, str]]:
    """``{article id: (title, outlet)}`` for citations."""
    if not ids:
        return {}
    rows = (
        await conn.execute(
            sa.select(articles.c.id, articles.c.title, sources.c.title.label("st"), sources.c.url)
            .join(sources, sources.c.id == articles.c.source_id)
            .where(articles.c.id.in_(ids))
        )
    ).all()
    return {int(r.id): (r.title, r.st or r.url) for r in rows}
