"""The ASGI app: API under /api/v1, pages at /, the live stream, one error handler."""

from __future__ import annotations

from fastapi import FastAPI

from storywatch import __version__
from storywatch.app import Services
from storywatch.web.errors import install_error_handlers
from storywatch.web.routers import all_routers


def create_app(services: Services) -> FastAPI:
    """Build the web app around already-open services (the caller owns their lifetime)."""
    app = FastAPI(
        title="Storywatch",
        version=__version__,
        openapi_url="/api/v1/openapi.json",
        docs_url="/api/v1/docs",
        redoc_url=None,
    )
    app.state.services = services
    install_error_handlers(app)
    for router in all_routers():
        app.include_router(router)
    return app
