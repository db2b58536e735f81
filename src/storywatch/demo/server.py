"""A real HTTP server that publishes the demo story as it unfolds.

``DemoFeedServer`` serves, on 127.0.0.1, each outlet's feed in its own format, the outlets'
article pages, front pages and photos. Articles become visible a few at a time: article
``a`` is released ``a.release_s / speed`` real seconds after ``start()`` (the whole story
takes about four minutes at speed 1.0), or at once after ``release_all()``.

Dates, two clocks:

- **Inside the documents** (feed item dates, ``article:published_time`` on pages) the story
  keeps its own simulated week. Each article file says when in the week it was published
  ("Mon 16:00", Lestria time, UTC+02:00); the week is anchored on the latest Sunday 00:00 for
  which the whole week lies before ``start()`` (``DemoStory.anchor``). So the timeline reads
  naturally (the "Monday" article is dated on a Monday, the correction is dated after the
  article it corrects) and no item is ever dated in the future, while releases happen in
  real minutes. Feeds therefore carry items dated up to about two weeks back; consumers must
  not drop an item for being old.
- **In HTTP** (``Last-Modified``) the server uses real time: the moment the newest item of
  that resource was released. With ``ETag`` (a hash of the body) this makes conditional GET
  behave like a real publisher's: 304 until something new appears in that feed.

The clock is injectable (``clock=ManualClock(...)``) so tests move time by hand. The server
runs in a background thread; ``start()`` and ``stop()`` return quickly, so it can be driven
from asyncio code too (``with DemoFeedServer() as server: ...`` also works).
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any

from storywatch.clock import Clock, system_clock
from storywatch.demo.feeds import render_feed
from storywatch.demo.markup import article_path, image_path, latest_versions
from storywatch.demo.pages import (
    placeholder_image,
    render_article_page,
    render_index,
    render_outlet_home,
)
from storywatch.demo.story import DemoArticle, DemoStory, load_story

HTML = "text/html; charset=utf-8"


@dataclass(frozen=True, slots=True)
class Resource:
    """A rendered response body and what conditional GET needs to know about it."""

    body: bytes
    content_type: str
    last_modified: datetime
    etag: str = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "etag", '"' + hashlib.sha256(self.body).hexdigest()[:20] + '"')


def not_modified(resource: Resource, headers: dict[str, str]) -> bool:
    """RFC 9110 §13.1: If-None-Match wins over If-Modified-Since."""
    inm = headers.get("if-none-match")
    if inm is not None:
        tags = {t.strip().removeprefix("W/") for t in inm.split(",")}
        return "*" in tags or resource.etag in tags
    ims = headers.get("if-modified-since")
    if ims is None:
        return False
    try:
        since = parsedate_to_datetime(ims)
    except (TypeError, ValueError):
        return False
    if since.tzinfo is None:
        return False
    return resource.last_modified.replace(microsecond=0) <= since


class DemoFeedServer:
    """The demo story's outlets on a local HTTP server, released over a few minutes."""

    def __init__(
        self,
        story: DemoStory | None = None,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        speed: float = 1.0,
        clock: Clock = system_clock,
    ) -> None:
        if speed <= 0:
            raise ValueError("speed must be positive")
        self.story = story or load_story()
        self.host = host
        self.speed = speed
        self.clock = clock
        self._port = port
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._started_at: datetime | None = None
        self._anchor: datetime | None = None
        self._released_all_at: datetime | None = None
        self._cache: dict[tuple[str, int], Resource] = {}
        self._lock = threading.Lock()

    # lifecycle -----------------------------------------------------------------------

    def start(self) -> DemoFeedServer:
        """Bind the socket, start serving in a background thread, start the story clock."""
        if self._server is not None:
            return self
        self._started_at = self.clock()
        self._anchor = self.story.anchor(self._started_at)
        self._server = ThreadingHTTPServer((self.host, self._port), _handler_for(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.1},
            name="storywatch-demo-feeds",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        server, thread = self._server, self._thread
        self._server, self._thread = None, None
        if server is not None:
            server.shutdown()
            server.server_close()
        if thread is not None:
            thread.join(timeout=5)

    def __enter__(self) -> DemoFeedServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # addresses -----------------------------------------------------------------------

    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError("DemoFeedServer is not started")
        return int(self._server.server_address[1])

    @property
    def url(self) -> str:
        """Base URL, e.g. ``http://127.0.0.1:43121`` (no trailing slash)."""
        return f"http://{self.host}:{self.port}"

    def feed_urls(self) -> list[str]:
        """One feed URL per outlet, in the outlets file's order."""
        return [self.url + o.feed_path for o in self.story.outlets]

    def page_url(self, article: DemoArticle | str) -> str:
        if isinstance(article, str):
            article = self.story.article(article)
        return self.url + article_path(self.story, article)

    # the story clock -----------------------------------------------------------------

    @property
    def started_at(self) -> datetime:
        if self._started_at is None:
            raise RuntimeError("DemoFeedServer is not started")
        return self._started_at

    @property
    def anchor(self) -> datetime:
        """The simulated Sunday 00:00 the feeds' dates count from."""
        if self._anchor is None:
            raise RuntimeError("DemoFeedServer is not started")
        return self._anchor

    def release_time(self, article: DemoArticle) -> datetime:
        """The real time at which ``article`` is (or was) released."""
        scheduled = self.started_at + timedelta(seconds=article.release_s / self.speed)
        if self._released_all_at is not None:
            return min(scheduled, self._released_all_at)
        return scheduled

    def release_all(self) -> None:
        """Publish every remaining article now (for tests and impatient demos)."""
        with self._lock:
            if self._released_all_at is None:
                self._released_all_at = self.clock()

    def released(self) -> tuple[DemoArticle, ...]:
        """Articles visible now, in release order (always a prefix of the story)."""
        now = self.clock()
        return tuple(a for a in self.story.articles if self.release_time(a) <= now)

    @property
    def finished(self) -> bool:
        return len(self.released()) == len(self.story.articles)

    # serving -------------------------------------------------------------------------

    def resource(self, path: str) -> Resource | None:
        """The response for ``path`` right now, or None for 404. Cached per release step."""
        released = self.released()
        key = (path, len(released))
        with self._lock:
            if key in self._cache:
                return self._cache[key]
        resource = self._render(path, released)
        if resource is not None:  # never cache 404s: any path could be asked for
            with self._lock:
                self._cache[key] = resource
        return resource

    def _last_modified(self, articles: list[DemoArticle]) -> datetime:
        return max((self.release_time(a) for a in articles), default=self.started_at)

    def _render(self, path: str, released: tuple[DemoArticle, ...]) -> Resource | None:
        story, base, anchor = self.story, self.url, self.anchor
        if path in ("/", "/index.html"):
            return Resource(render_index(story, base_url=base).encode(), HTML, self.started_at)
        for outlet in story.outlets:
            if not path.startswith(f"/{outlet.slug}/"):
                continue
            mine = latest_versions(story, released, outlet.slug)
            if path == outlet.feed_path:
                feed = render_feed(story, outlet, released, base_url=base, anchor=anchor)
                return Resource(feed.body, feed.content_type, self._last_modified(mine))
            if path == outlet.home_path:
                page = render_outlet_home(
                    story, outlet, base_url=base, anchor=anchor, released=released
                )
                return Resource(page.encode(), HTML, self._last_modified(mine))
            for article in mine:
                if path == article_path(story, article):
                    page = render_article_page(
                        story, article, base_url=base, anchor=anchor, released=released
                    )
                    return Resource(page.encode(), HTML, self.release_time(article))
                if path == image_path(story, article):
                    return Resource(
                        placeholder_image(article), "image/svg+xml", self.release_time(article)
                    )
        return None


def _handler_for(server: DemoFeedServer) -> Callable[..., BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        server_version = "StorywatchDemo/1"

        def log_message(self, *_: Any) -> None:
            pass

        def do_GET(self) -> None:
            self._respond(head=False)

        def do_HEAD(self) -> None:
            self._respond(head=True)

        def _respond(self, *, head: bool) -> None:
            path = self.path.split("?", 1)[0].split("#", 1)[0]
            try:
                resource = server.resource(path)
            except Exception:  # a rendering bug must not kill the thread; say it
                self._send(500, b"demo server error\n", "text/plain; charset=utf-8", head)
                raise
            if resource is None:
                self._send(404, b"not found\n", "text/plain; charset=utf-8", head)
                return
            validators = {
                "ETag": resource.etag,
                "Last-Modified": format_datetime(
                    resource.last_modified.astimezone(UTC), usegmt=True
                ),
            }
            headers = {k.lower(): v for k, v in self.headers.items()}
            if not_modified(resource, headers):
                self._send(304, b"", None, True, validators)
            else:
                self._send(200, resource.body, resource.content_type, head, validators)

        def _send(
            self,
            status: int,
            body: bytes,
            content_type: str | None,
            head: bool,
            extra: dict[str, str] | None = None,
        ) -> None:
            try:
                self.send_response(status)
                if content_type is not None:
                    self.send_header("Content-Type", content_type)
                for name, value in (extra or {}).items():
                    self.send_header(name, value)
                if status != 304:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if not head:
                    self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                self.close_connection = True

    return Handler
