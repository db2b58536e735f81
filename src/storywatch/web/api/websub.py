"""WebSub callbacks (S3): the hub verifies intent with GET and pushes content with POST.

Not authenticated (the hub has no account here) but never trusting: a GET is answered only
for a subscription we asked for, and a POST is stored only with a valid HMAC signature made
with that subscription's secret. Both answer quickly; a bad push gets 202 like a good one, so
a forger learns nothing.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import PlainTextResponse, Response

from storywatch.errors import TooLarge
from storywatch.sources.websub import websub_for
from storywatch.web.deps import ServicesDep

router = APIRouter(tags=["websub"], include_in_schema=False)


@router.get("/websub/{source_id}")
async def verify_intent(source_id: int, request: Request, services: ServicesDep) -> Response:
    q = request.query_params
    challenge = await websub_for(services).verify(
        source_id,
        q.get("hub.mode", ""),
        q.get("hub.topic", ""),
        q.get("hub.challenge", ""),
        q.get("hub.lease_seconds"),
        denial_reason=q.get("hub.reason", ""),
    )
    if challenge is None:
        return PlainTextResponse("no such subscription", status_code=404)
    return PlainTextResponse(challenge)


@router.post("/websub/{source_id}")
async def receive_push(source_id: int, request: Request, services: ServicesDep) -> Response:
    limit = services.settings.max_feed_bytes
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise TooLarge(f"A WebSub push over {limit:,} bytes was refused.")
        chunks.append(chunk)
    delivery = await websub_for(services).receive(
        source_id, b"".join(chunks), dict(request.headers)
    )
    headers = {"X-Storywatch-New-Articles": str(len(delivery.new_article_ids))}
    return Response(status_code=202, headers=headers)
