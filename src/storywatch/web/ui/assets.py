"""What makes the web app installable: the manifest, the service worker and the icons.

The service worker is served from the root (not /static) so its scope covers every page.
"""

from __future__ import annotations

import asyncio
from typing import Any

from fastapi import APIRouter
from fastapi.responses import JSONResponse, Response

from storywatch.web.ui.icons import icon_png, icon_svg
from storywatch.web.ui.render import STATIC

router = APIRouter(include_in_schema=False)

ICON_SIZES = (192, 512)


def manifest() -> dict[str, Any]:
    icons: list[dict[str, str]] = [
        {"src": "/static/icons/icon.svg", "sizes": "any", "type": "image/svg+xml"}
    ]
    for size in ICON_SIZES:
        icons.append(
            {
                "src": f"/static/icons/icon-{size}.png",
                "sizes": f"{size}x{size}",
                "type": "image/png",
            }
        )
        icons.append(
            {
                "src": f"/static/icons/maskable-{size}.png",
                "sizes": f"{size}x{size}",
                "type": "image/png",
                "purpose": "maskable",
            }
        )
    return {
        "name": "Storywatch",
        "short_name": "Storywatch",
        "description": "Real-time updates for the stories, people and topics you follow.",
        "id": "/",
        "start_url": "/",
        "scope": "/",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": "#183668",
        "icons": icons,
    }


@router.get("/manifest.webmanifest")
async def web_manifest() -> JSONResponse:
    return JSONResponse(manifest(), media_type="application/manifest+json")


@router.get("/sw.js")
async def service_worker() -> Response:
    body = (STATIC / "sw.js").read_bytes()
    return Response(
        body,
        media_type="text/javascript",
        headers={"Service-Worker-Allowed": "/", "Cache-Control": "no-cache"},
    )


@router.get("/static/icons/icon.svg")
async def svg_icon() -> Response:
    return Response(
        icon_svg(), media_type="image/svg+xml", headers={"Cache-Control": "max-age=86400"}
    )


async def _png(size: int, maskable: bool) -> Response:
    if size not in ICON_SIZES:
        return JSONResponse(
            {"error": {"code": "not_found", "message": "No icon of that size."}}, status_code=404
        )
    # drawing takes about a second the first time; keep the event loop free meanwhile
    data = await asyncio.to_thread(icon_png, size, maskable)
    return Response(data, media_type="image/png", headers={"Cache-Control": "max-age=86400"})


@router.get("/static/icons/icon-{size}.png")
async def png_icon(size: int) -> Response:
    return await _png(size, False)


@router.get("/static/icons/maskable-{size}.png")
async def maskable_icon(size: int) -> Response:
    return await _png(size, True)
