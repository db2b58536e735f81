"""The ASGI app: API under /api/v1, pages at /, the live stream, one error handler."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from fastapi.staticfiles import StaticFiles

from storywatch import __version__
from storywatch.app import Services
from storywatch.web.errors import install_error_handlers
from storywatch.web.routers import all_routers
from storywatch.web.security import load_secret_key
from storywatch.web.sessions import SessionMiddleware

ERROR_SCHEMA_REF = {"$ref": "#/components/schemas/ErrorOut"}


def _error_response(description: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {"application/json": {"schema": ERROR_SCHEMA_REF}},
    }


def document_errors(schema: dict[str, Any]) -> dict[str, Any]:
    """Make the OpenAPI document say what the error handler does, for every operation.

    Every error has the ``ErrorOut`` body, so FastAPI's default 422 schema is replaced and
    each operation gets a ``default`` response; clients (and schemathesis) then know the
    shape of any error.
    """
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    if "ErrorOut" not in components:
        from storywatch.web.api.common import ErrorOut

        defs = ErrorOut.model_json_schema(ref_template="#/components/schemas/{model}")
        for name, sub in defs.pop("$defs", {}).items():
            components.setdefault(name, sub)
        components["ErrorOut"] = defs
    for path_item in schema.get("paths", {}).values():
        for operation in path_item.values():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            responses = operation["responses"]
            if "422" in responses:
                responses["422"] = _error_response("Invalid input")
            responses.setdefault("default", _error_response("Error"))
    components.pop("HTTPValidationError", None)
    components.pop("ValidationError", None)
    return schema


def create_app(services: Services) -> FastAPI:
    """Build the web app around already-open services (the caller owns their lifetime)."""
    app = FastAPI(
        title="Storywatch",
        version=__version__,
        summary="Real-time updates for the stories, people and topics you follow.",
        openapi_url="/api/v1/openapi.json",
        docs_url="/api/v1/docs",
        redoc_url=None,
    )
    app.state.services = services
    app.state.secret_key = load_secret_key(services.settings)
    app.state.token_touched = {}
    install_error_handlers(app)
    for router in all_routers():
        app.include_router(router)

    from storywatch.web.ui import assets, pages
    from storywatch.web.ui.render import STATIC

    app.include_router(assets.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_middleware(SessionMiddleware, services=services, secret_key=app.state.secret_key)

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(
                title=app.title,
                version=app.version,
                summary=app.summary,
                routes=app.routes,
            )
            app.openapi_schema = document_errors(schema)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    return app
