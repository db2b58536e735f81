"""The one place errors become HTTP responses: a stable code and a readable message."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from storywatch.errors import QueryError, StorywatchError

log = logging.getLogger(__name__)


def error_body(code: str, message: str, **extra: object) -> dict[str, object]:
    return {"error": {"code": code, "message": message, **extra}}


def wants_page(request: Request) -> bool:
    """A person's browser asking for a page (not the API): errors are shown as a page."""
    path = request.url.path
    if path.startswith(("/api/", "/websub/")):
        return False
    return "text/html" in request.headers.get("accept", "")


def _page_or_json(
    request: Request,
    status: int,
    code: str,
    message: str,
    *,
    extra: dict[str, object] | None = None,
    headers: dict[str, str] | None = None,
) -> Response:
    """The error as a page for a person's browser, as a JSON body for everyone else."""
    if wants_page(request) and status in (403, 404, 405, 500):
        from storywatch.web.ui.pages import error_page

        return error_page(request, status, message)
    return JSONResponse(
        error_body(code, message, **(extra or {})), status_code=status, headers=headers
    )


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(StorywatchError)
    async def _storywatch(request: Request, exc: StorywatchError) -> Response:
        extra: dict[str, object] = {}
        if isinstance(exc, QueryError):
            extra = {"column": exc.column, "expected": list(exc.expected)}
        headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
        return _page_or_json(
            request, exc.status, exc.code, exc.message, extra=extra, headers=headers
        )

    @app.exception_handler(RequestValidationError)
    async def _validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        problems = [
            f"{'.'.join(str(p) for p in err.get('loc', ()))}: {err.get('msg', '')}"
            for err in exc.errors()
        ]
        return JSONResponse(
            error_body("invalid_input", "; ".join(problems) or "Invalid request."),
            status_code=422,
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        code = {404: "not_found", 405: "method_not_allowed", 401: "unauthorized"}.get(
            exc.status_code, "http_error"
        )
        message = str(exc.detail)
        if exc.status_code == 404 and message == "Not Found":
            message = "There is no page at this address."
        return _page_or_json(
            request, exc.status_code, code, message, headers=dict(exc.headers or {}) or None
        )

    @app.exception_handler(OverflowError)
    async def _overflow(_: Request, exc: OverflowError) -> JSONResponse:
        # an id beyond the database's 64-bit integers cannot name anything that exists
        return JSONResponse(error_body("not_found", "No such thing."), status_code=404)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error")
        return _page_or_json(
            request, 500, "internal", "Something went wrong on our side; it has been logged."
        )
