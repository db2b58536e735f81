"""Delivery in the terminal: ``storywatch tail`` (live notifications) and dead letters.

``tail`` connects to the live stream (``GET /api/v1/live``) with an API token, prints each
notification as it arrives, and on a dropped connection reconnects with ``Last-Event-ID`` so
nothing published meanwhile is missed. The SSE parsing is a small pure class, tested alone.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any

import httpx
import typer
from rich.console import Console
from rich.table import Table

from storywatch.errors import Unauthorized


@dataclass(frozen=True, slots=True)
class SseEvent:
    event: str
    data: str
    id: str | None


class SseParser:
    """Incremental parser of a ``text/event-stream`` body (the WHATWG rules we need)."""

    def __init__(self) -> None:
        self._buffer = ""
        self._data: list[str] = []
        self._event = ""
        self._id: str | None = None
        self.last_id: str | None = None

    def feed(self, text: str) -> list[SseEvent]:
        self._buffer += text.replace("\r\n", "\n").replace("\r", "\n")
        events: list[SseEvent] = []
        while "\n" in self._buffer:
            line, self._buffer = self._buffer.split("\n", 1)
            if line == "":
                if self._data:
                    events.append(
                        SseEvent(self._event or "message", "\n".join(self._data), self._id)
                    )
                    if self._id is not None:
                        self.last_id = self._id
                self._data, self._event, self._id = [], "", None
                continue
            if line.startswith(":"):
                continue  # a comment: keep-alive pings
            name, _, value = line.partition(":")
            value = value[1:] if value.startswith(" ") else value
            if name == "data":
                self._data.append(value)
            elif name == "event":
                self._event = value
            elif name == "id":
                self._id = value
        return events


async def follow(
    url: str,
    token: str,
    on_event: Callable[[dict[str, Any]], Awaitable[None] | None],
    *,
    last_event_id: str | None = None,
    max_events: int | None = None,
    reconnect: bool = True,
    retry_seconds: float = 1.0,
) -> str | None:
    """Read notifications from the live stream at ``url`` until ``max_events`` (or forever).

    Returns the last event id seen, to resume from. A 401 is raised as
    :class:`~storywatch.errors.Unauthorized`; other failures reconnect after a pause.
    """
    endpoint = url.rstrip("/") + "/api/v1/live"
    seen = 0
    last = last_event_id
    async with httpx.AsyncClient(timeout=httpx.Timeout(10.0, read=None)) as client:
        while True:
            headers = {"Authorization": f"Bearer {token}", "Accept": "text/event-stream"}
            if last is not None:
                headers["Last-Event-ID"] = last
            try:
                async with client.stream("GET", endpoint, headers=headers) as response:
                    if response.status_code == 401:
                        raise Unauthorized("The server refused the token (401).")
                    response.raise_for_status()
                    parser = SseParser()
                    async for chunk in response.aiter_text():
                        for event in parser.feed(chunk):
                            if event.event != "notification":
                                continue
                            last = event.id or last
                            outcome = on_event(json.loads(event.data))
                            if outcome is not None:
                                await outcome
                            seen += 1
                            if max_events is not None and seen >= max_events:
                                return last
            except (httpx.HTTPError, OSError):
                if not reconnect:
                    raise
            if not reconnect:
                return last
            await asyncio.sleep(retry_seconds)


def render(console: Console, n: dict[str, Any]) -> None:
    """One notification in the terminal: time, title (red when urgent), body, why, link."""
    created = n.get("created_at") or ""
    try:
        when = datetime.fromisoformat(str(created)).astimezone().strftime("%H:%M:%S")
    except ValueError:
        when = str(created)[:8]
    style = "bold red" if n.get("urgent") else "bold"
    console.print(f"[dim]{when}[/dim] [{style}]{n.get('title', '')}[/{style}]", highlight=False)
    if n.get("body"):
        console.print(f"  {n['body']}", highlight=False)
    reasons = [f"{r.get('kind')} {r.get('value')}" for r in n.get("reasons") or []]
    if reasons:
        console.print(f"  [cyan]why:[/cyan] {' · '.join(reasons)}", highlight=False)
    if n.get("url"):
        console.print(f"  [dim]{n['url']}[/dim]", highlight=False)


UrlOption = Annotated[
    str, typer.Option("--url", envvar="STORYWATCH_URL", help="The Storywatch server.")
]
TokenOption = Annotated[
    str,
    typer.Option("--token", envvar="STORYWATCH_TOKEN", help="An API token (storywatch token)."),
]


def tail(url: UrlOption = "http://127.0.0.1:8000", token: TokenOption = "") -> None:
    """Print your notifications live, as they happen (Ctrl-C to stop)."""
    console = Console()
    if not token:
        console.print("[red]Give an API token with --token or STORYWATCH_TOKEN.[/red]")
        raise typer.Exit(2)
    console.print(f"[dim]Following {url} — waiting for notifications…[/dim]")
    try:
        asyncio.run(follow(url, token, lambda n: render(console, n)))
    except Unauthorized as exc:
        console.print(f"[red]{exc.message}[/red]")
        raise typer.Exit(1) from exc
    except KeyboardInterrupt:
        pass


def dead_letters(url: UrlOption = "http://127.0.0.1:8000", token: TokenOption = "") -> None:
    """List notifications a channel gave up on, with the reason."""
    console = Console()
    response = httpx.get(
        url.rstrip("/") + "/api/v1/channels/dead-letters",
        headers={"Authorization": f"Bearer {token}"},
        timeout=10.0,
    )
    if response.status_code != 200:
        console.print(f"[red]{response.status_code}: {response.text[:300]}[/red]")
        raise typer.Exit(1)
    rows = response.json()
    if not rows:
        console.print("No dead letters: every notification reached its channels.")
        return
    table = Table("delivery", "channel", "notification", "attempts", "why")
    for d in rows:
        table.add_row(
            str(d["delivery_id"]),
            f"{d['channel_name']} ({d['channel_kind']})",
            d["notification_title"],
            str(d["attempts"]),
            d.get("last_error") or "",
        )
    console.print(table)
    console.print("Retry one with: POST /api/v1/channels/dead-letters/<delivery>/retry")


app = typer.Typer(help="Delivery: live notifications and dead letters.")
app.command("tail")(tail)
app.command("dead-letters")(dead_letters)
