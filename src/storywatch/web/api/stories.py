"""Stories: the list (newest development first, cursor pages) and one story in full."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from storywatch.errors import NotFound
from storywatch.store import stories as story_store
from storywatch.store.stories import ArticleRef, Event, StoryDetail
from storywatch.web.api.common import ERROR_RESPONSES, IdPath
from storywatch.web.deps import ServicesDep, UserDep

router = APIRouter(prefix="/api/v1", tags=["stories"], responses=ERROR_RESPONSES)


class StoryOut(BaseModel):
    id: int
    title: str
    summary: str
    article_count: int
    source_count: int
    development_count: int
    first_seen_at: datetime
    last_article_at: datetime
    last_development_at: datetime | None
    url: str = Field(description="The story page in the web app.")


class StoryPage(BaseModel):
    items: list[StoryOut]
    next_cursor: str | None = Field(description="Pass as ?cursor= for the next page.")


class CopyOut(BaseModel):
    id: int
    title: str
    url: str | None
    source_id: int
    source: str
    published_at: datetime | None
    arrived_at: datetime


class ArticleOut(CopyOut):
    is_development: bool
    summary: str
    novelty: Any = Field(None, description="What this article added to the story.")
    story_reasons: Any = Field(None, description="Why it joined the story.")
    copies: list[CopyOut] = Field(description="Wire copies and rewrites of this article.")


class StatementOut(BaseModel):
    id: int
    text: str
    kind: str = Field(description="direct (a quote) or indirect (a paraphrase)")
    cue: str | None
    speaker_title: str | None
    said_at: datetime | None
    article_id: int
    source_title: str = Field(description="The outlet of the first article that carried it.")
    outlets: list[str] = Field(description="Every outlet that carried this statement.")


class SpeakerOut(BaseModel):
    speaker: str
    speaker_key: str | None
    titles: list[str]
    statements: list[StatementOut]


class EventOut(BaseModel):
    id: int
    kind: str = Field(description="development, contradiction, revision or correction")
    at: datetime
    text: str
    article_ids: list[int] = Field(description="The articles this item cites.")
    detail: dict[str, Any]


class EntityOut(BaseModel):
    key: str
    name: str
    kind: str
    mentions: int


class StoryDetailOut(StoryOut):
    articles: list[ArticleOut]
    speakers: list[SpeakerOut]
    timeline: list[EventOut]
    contradictions: list[EventOut]
    entities: list[EntityOut]


def story_out(s: story_store.StorySummary, base: str) -> StoryOut:
    return StoryOut(
        id=s.id,
        title=s.title,
        summary=s.summary,
        article_count=s.article_count,
        source_count=s.source_count,
        development_count=s.development_count,
        first_seen_at=s.first_seen_at,
        last_article_at=s.last_article_at,
        last_development_at=s.last_development_at,
        url=f"{base}/stories/{s.id}",
    )


def _copy(a: ArticleRef) -> CopyOut:
    return CopyOut(
        id=a.id,
        title=a.title,
        url=a.url,
        source_id=a.source_id,
        source=a.source_title,
        published_at=a.published_at,
        arrived_at=a.arrived_at,
    )


def _article(a: ArticleRef) -> ArticleOut:
    return ArticleOut(
        **_copy(a).model_dump(),
        is_development=a.is_development,
        summary=a.summary,
        novelty=a.novelty,
        story_reasons=a.story_reasons,
        copies=[_copy(c) for c in a.copies],
    )


def _event(e: Event) -> EventOut:
    return EventOut(
        id=e.id, kind=e.kind, at=e.at, text=e.text, article_ids=e.article_ids, detail=e.detail
    )


def detail_out(d: StoryDetail, base: str) -> StoryDetailOut:
    return StoryDetailOut(
        **story_out(d.story, base).model_dump(),
        articles=[_article(a) for a in d.articles],
        speakers=[SpeakerOut.model_validate(s, from_attributes=True) for s in d.speakers],
        timeline=[_event(e) for e in d.timeline],
        contradictions=[_event(e) for e in d.contradictions],
        entities=[EntityOut.model_validate(e, from_attributes=True) for e in d.entities],
    )


@router.get("/stories", response_model=StoryPage)
async def list_stories(
    services: ServicesDep,
    _user: UserDep,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
    q: Annotated[str | None, Query(max_length=200, description="Words in the title")] = None,
) -> StoryPage:
    """Stories, the one with the latest development first."""
    async with services.db.read() as conn:
        page, next_cursor = await story_store.list_stories(
            conn, limit=limit, cursor=cursor, search=q
        )
    base = services.settings.public_url()
    return StoryPage(items=[story_out(s, base) for s in page], next_cursor=next_cursor)


@router.get("/stories/{story_id}", response_model=StoryDetailOut)
async def get_story(story_id: IdPath, services: ServicesDep, _user: UserDep) -> StoryDetailOut:
    """One story: articles (wire copies folded), statements by speaker, timeline, contradictions."""
    async with services.db.read() as conn:
        detail = await story_store.story_detail(conn, story_id)
    if detail is None:
        raise NotFound("No such story.")
    return detail_out(detail, services.settings.public_url())
