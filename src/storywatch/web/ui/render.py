"""Rendering pages: the Jinja2 environment, its filters, and HTML sanitising.

Article HTML comes from outlets we do not control. It is passed through nh3 (an allow-list
sanitiser) before it reaches a template, and only the sanitised string is marked safe.
Everything else is autoescaped.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import nh3
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup
from starlette.requests import Request
from starlette.responses import HTMLResponse

from storywatch import __version__
from storywatch.pipeline.compose import strip_dateline
from storywatch.web.ui.quotes import statement_view
from storywatch.web.ui.words import browser_name, source_kind, subscription_kind

TEMPLATES = Path(__file__).parent / "templates"
STATIC = Path(__file__).parent / "static"

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "cite", "code", "em", "figcaption", "figure", "h2",
    "h3", "h4", "i", "li", "ol", "p", "pre", "q", "small", "strong", "sub", "sup", "table",
    "tbody", "td", "th", "thead", "tr", "u", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "td": {"colspan"}}


def sanitize_html(html: str) -> Markup:
    """Article HTML with scripts, styles, event handlers, images and iframes removed."""
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow ugc",
    )
    return Markup(cleaned)  # noqa: S704 - nh3 output is safe by construction


def _zone(name: str | None) -> ZoneInfo:
    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def local_time(value: datetime | None, tz: str | None = None, fmt: str = "%a %d %b, %H:%M") -> str:
    if value is None:
        return ""
    return value.astimezone(_zone(tz)).strftime(fmt)


def time_tag(value: datetime | None, tz: str | None = None, fmt: str = "%a %d %b, %H:%M") -> Markup:
    """A ``<time>`` element in the reader's zone, with the exact instant for machines.

    The short form has no year and no zone; hovering (the title) gives both.
    """
    if value is None:
        return Markup("")
    zone = _zone(tz)
    full = f"{local_time(value, tz, '%A %d %B %Y, %H:%M')} {zone.key}"
    return Markup('<time datetime="{}" title="{}">{}</time>').format(
        value.isoformat(), full, local_time(value, tz, fmt)
    )


def unquote(text: str) -> str:
    """A quotation without the marks around it; the page draws its own."""
    return text.strip().strip('"“”„«»').strip()


def paragraphs(text: str) -> Markup:
    """Plain article text as escaped paragraphs."""
    parts = [p.strip() for p in text.split("\n") if p.strip()]
    return Markup("").join(Markup("<p>{}</p>").format(p) for p in parts)


def build_environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["time"] = time_tag
    env.filters["localtime"] = local_time
    env.filters["sanitize"] = sanitize_html
    env.filters["paragraphs"] = paragraphs
    env.filters["unquote"] = unquote
    env.filters["undateline"] = strip_dateline
    env.filters["browser"] = browser_name
    env.globals["statement_view"] = statement_view
    env.globals["source_kind"] = source_kind
    env.globals["subscription_kind"] = subscription_kind
    env.globals["version"] = __version__
    return env


class Renderer:
    """Renders a template with what every page needs (user, CSRF token, current path)."""

    def __init__(self) -> None:
        self.env = build_environment()

    def page(
        self, request: Request, template: str, status_code: int = 200, **context: Any
    ) -> HTMLResponse:
        user = context.get("user")
        html = self.env.get_template(template).render(
            request=request,
            path=request.url.path,
            csrf_token=request.scope.get("csrf_token", ""),
            tz=getattr(user, "timezone", "UTC"),
            **context,
        )
        headers = {
            "Content-Security-Policy": (
                "default-src 'self'; img-src 'self' data:; style-src 'self'; "
                "script-src 'self'; connect-src 'self'; frame-ancestors 'none'; "
                "base-uri 'self'; form-action 'self'"
            ),
            "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": "same-origin",
        }
        return HTMLResponse(html, status_code=status_code, headers=headers)
