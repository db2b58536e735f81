"""Sources API (S1–S6, W2): list with health, add (with feed discovery), change, remove, OPML.

Reading is open to every signed-in user (the sources page shows health); changing sources is
for admins, since sources are shared by every user of the server.
"""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel, Field

from storywatch.errors import InvalidInput
from storywatch.sources import service
from storywatch.sources.service import SourceHealth
from storywatch.web.api.common import ERROR_RESPONSES
from storywatch.web.deps import AdminDep, ServicesDep, UserDep

router = APIRouter(prefix="/api/v1/sources", tags=["sources"], responses=ERROR_RESPONSES)

MAX_OPML_BYTES = 5_000_000


class SourceOut(BaseModel):
    id: int
    url: str
    kind: str
    title: str
    site_url: str | None
    format: str | None
    enabled: bool
    status: str = Field(description="ok, failing, disabled or new")
    health: str = Field(description="The source's state in words.")
    last_polled_at: datetime | None
    last_success_at: datetime | None
    last_error: str | None
    consecutive_failures: int
    avg_fetch_ms: float | None
    items_per_day: float | None
    item_count: int
    next_poll_at: datetime | None
    poll_interval_seconds: int | None = Field(description="Pinned interval, if an admin set one.")
    websub: str | None = Field(
        description="WebSub state: pending, active, failed, denied or expired (null: no hub)."
    )
    websub_error: str | None = Field(
        None, description="Why the last WebSub subscription did not come about, in words."
    )
    websub_retry_at: datetime | None = Field(
        None, description="When the subscription is asked for again (failed, denied, pending)."
    )


def source_out(h: SourceHealth) -> SourceOut:
    s = h.source
    return SourceOut(
        id=s.id,
        url=s.url,
        kind=s.kind,
        title=s.title,
        site_url=s.site_url,
        format=s.format,
        enabled=s.enabled,
        status=h.status,
        health=h.summary,
        last_polled_at=s.last_polled_at,
        last_success_at=s.last_success_at,
        last_error=s.last_error,
        consecutive_failures=s.consecutive_failures,
        avg_fetch_ms=s.avg_fetch_ms,
        items_per_day=s.items_per_day,
        item_count=s.item_count,
        next_poll_at=s.next_poll_at,
        poll_interval_seconds=s.poll_interval_seconds,
        websub=s.websub_state,
        websub_error=s.websub_error,
        websub_retry_at=s.websub_retry_at,
    )


class SourceIn(BaseModel):
    url: str = Field(min_length=1, max_length=2048, description="A feed, or a site with feeds.")
    title: str | None = Field(None, max_length=500)
    poll_interval_seconds: int | None = Field(None, ge=1, le=7 * 86400)


class SourcePatch(BaseModel):
    poll_interval_seconds: int | None = Field(
        None, ge=1, le=7 * 86400, description="Pin the interval; null unpins it."
    )
    enabled: bool | None = None


class ImportOut(BaseModel):
    added: list[str]
    existing: list[str]
    failed: list[dict[str, str]]


@router.get("", response_model=list[SourceOut])
async def list_sources(services: ServicesDep, _user: UserDep) -> list[SourceOut]:
    return [source_out(h) for h in await service.list_sources(services)]


@router.post("", response_model=SourceOut, status_code=201)
async def add_source(body: SourceIn, services: ServicesDep, _admin: AdminDep) -> SourceOut:
    source = await service.add_source(
        services, body.url, title=body.title, poll_interval_seconds=body.poll_interval_seconds
    )
    return source_out(service.health(source, services.clock()))


@router.get("/opml", response_class=Response)
async def export_opml(services: ServicesDep, _user: UserDep) -> Response:
    return Response(
        await service.export_opml(services),
        media_type="text/x-opml",
        headers={"Content-Disposition": 'attachment; filename="storywatch.opml"'},
    )


@router.post("/opml", response_model=ImportOut)
async def import_opml(request: Request, services: ServicesDep, _admin: AdminDep) -> ImportOut:
    """The body is the OPML file itself (or a form upload with a ``file`` field)."""
    content_type = request.headers.get("content-type", "")
    if content_type.startswith("multipart/form-data"):
        form = await request.form()
        upload = form.get("file")
        if upload is None or isinstance(upload, str):
            raise InvalidInput("Send the OPML file in a form field named 'file'.")
        data = await upload.read(MAX_OPML_BYTES + 1)
    else:
        data = await request.body()
    if len(data) > MAX_OPML_BYTES:
        raise InvalidInput(f"The OPML file is over {MAX_OPML_BYTES:,} bytes.")
    report = await service.import_opml(services, data)
    return ImportOut(
        added=list(report.added),
        existing=list(report.existing),
        failed=[{"url": u, "error": e} for u, e in report.failed],
    )


@router.get("/{source_id}", response_model=SourceOut)
async def get_source(source_id: int, services: ServicesDep, _user: UserDep) -> SourceOut:
    from storywatch.store import sources as source_store

    async with services.db.read() as conn:
        source = await source_store.require(conn, source_id)
    return source_out(service.health(source, services.clock()))


@router.patch("/{source_id}", response_model=SourceOut)
async def change_source(
    source_id: int, body: SourcePatch, services: ServicesDep, _admin: AdminDep
) -> SourceOut:
    fields = body.model_fields_set
    source = None
    if "poll_interval_seconds" in fields:
        source = await service.set_poll_interval(services, source_id, body.poll_interval_seconds)
    if body.enabled is not None:
        source = await service.set_enabled(services, source_id, body.enabled)
    if source is None:
        raise InvalidInput("Nothing to change: send poll_interval_seconds or enabled.")
    return source_out(service.health(source, services.clock()))


@router.delete("/{source_id}", status_code=204, response_class=Response)
async def remove_source(source_id: int, services: ServicesDep, _admin: AdminDep) -> Response:
    await service.remove_source(services, source_id)
    return Response(status_code=204)
