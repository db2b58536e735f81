"""``POST /api/v1/articles``: the publisher push API (S4)."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, Response
from pydantic import BaseModel, Field

from storywatch.service.publish import PublishRequest, publish
from storywatch.web.deps import ServicesDep, UserDep

router = APIRouter(prefix="/api/v1", tags=["publishing"])


class ArticleIn(BaseModel):
    url: str = Field(description="The article's URL; publishing is idempotent on it.")
    title: str = Field("", max_length=1000)
    text: str = Field("", description="Plain text of the article.")
    html: str = Field("", description="HTML of the article (or the whole page).")
    published: datetime | None = Field(None, description="Publication time, with a time zone.")
    author: str | None = None
    source: str = Field("", max_length=200, description="Name of the publishing outlet.")


class ArticleAccepted(BaseModel):
    id: int
    created: bool = Field(description="False when this URL was already published.")
    source_id: int


@router.post(
    "/articles",
    response_model=ArticleAccepted,
    status_code=201,
    responses={200: {"model": ArticleAccepted, "description": "Already published"}},
)
async def post_article(
    body: ArticleIn, services: ServicesDep, user: UserDep, response: Response
) -> ArticleAccepted:
    """Publish an article: it enters the pipeline at once and is matched within seconds."""
    result = await publish(
        services,
        user,
        PublishRequest(
            url=body.url,
            title=body.title,
            text=body.text,
            html=body.html,
            published=body.published,
            author=body.author,
            source=body.source,
        ),
    )
    if not result.created:
        response.status_code = 200
    return ArticleAccepted(id=result.article_id, created=result.created, source_id=result.source_id)
