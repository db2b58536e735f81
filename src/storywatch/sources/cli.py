"""``storywatch sources``: add, list, remove, pin, import and export sources (W3, S6)."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Annotated, TypeVar

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from storywatch.app import Services, open_services
from storywatch.errors import StorywatchError
from storywatch.settings import load_settings
from storywatch.sources import service
from storywatch.sources.fetch import FETCHER_KEY, SafeFetcher

T = TypeVar("T")

app = typer.Typer(help="Add, list, import and export sources.", no_args_is_help=True)
console = Console()
err = Console(stderr=True)

DataDir = Annotated[
    Path | None,
    typer.Option("--data-dir", help="Data folder (SQLite file, keys). Default: ./storywatch-data"),
]


def _run(data_dir: Path | None, fn: Callable[[Services], Awaitable[T]]) -> T:
    settings = load_settings(data_dir=data_dir)

    async def main() -> T:
        async with open_services(settings) as services:
            try:
                return await fn(services)
            finally:
                fetcher = services.extras.get(FETCHER_KEY)
                if isinstance(fetcher, SafeFetcher):
                    await fetcher.aclose()

    try:
        return asyncio.run(main())
    except StorywatchError as exc:
        err.print(f"[red]error:[/red] {exc.message}")
        raise typer.Exit(1) from exc


@app.command("add")
def add(
    url: Annotated[str, typer.Argument(help="A feed URL, or a site whose pages name feeds.")],
    title: Annotated[str | None, typer.Option(help="Title to show instead of the feed's.")] = None,
    every: Annotated[
        int | None, typer.Option("--every", help="Pin the poll interval (seconds).")
    ] = None,
    no_discover: Annotated[
        bool, typer.Option("--no-discover", help="Store the URL as given, without fetching it.")
    ] = False,
    data_dir: DataDir = None,
) -> None:
    """Follow a feed; a site's address finds the feeds it announces."""
    source = _run(
        data_dir,
        lambda s: service.add_source(
            s, url, title=title, poll_interval_seconds=every, discover_feed=not no_discover
        ),
    )
    console.print(f"Added source {source.id}: {source.title or source.url} ({source.url})")


@app.command("list")
def list_(data_dir: DataDir = None) -> None:
    """Every source with its health in words."""
    rows = _run(data_dir, service.list_sources)
    if not rows:
        console.print("No sources yet. Add one with: storywatch sources add URL")
        return
    table = Table("id", "source", "status", "health", show_lines=False)
    colours = {"ok": "green", "failing": "red", "disabled": "yellow", "new": "cyan"}
    for h in rows:
        s = h.source
        colour = colours.get(h.status, "white")
        table.add_row(
            str(s.id), f"{s.title or '(untitled)'}\n{s.url}", f"[{colour}]{h.status}[/]", h.summary
        )
    console.print(table)


@app.command("remove")
def remove(
    source_id: Annotated[int, typer.Argument(help="The id shown by 'sources list'.")],
    data_dir: DataDir = None,
) -> None:
    """Stop following a source (its articles are removed too)."""
    _run(data_dir, lambda s: service.remove_source(s, source_id))
    console.print(f"Removed source {source_id}.")


@app.command("pin")
def pin(
    source_id: Annotated[int, typer.Argument(help="The id shown by 'sources list'.")],
    seconds: Annotated[int | None, typer.Argument(help="Interval; leave out to unpin.")] = None,
    data_dir: DataDir = None,
) -> None:
    """Pin how often a source is polled (or unpin it to follow its publishing rate)."""
    source = _run(data_dir, lambda s: service.set_poll_interval(s, source_id, seconds))
    shown = f"every {seconds} s" if seconds else "on its adaptive schedule"
    console.print(f"Source {source.id} is now polled {shown}.")


@app.command("import")
def import_(
    file: Annotated[Path, typer.Argument(help="An OPML file.", exists=True, dir_okay=False)],
    data_dir: DataDir = None,
) -> None:
    """Follow every feed of an OPML file."""
    data = file.read_bytes()
    with Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=console,
        transient=False,
    ) as bar:
        task = bar.add_task("Importing", total=None)

        def progress(done: int, total: int, url: str) -> None:
            bar.update(task, completed=done, total=total, description=f"Importing {url[:50]}")

        report = _run(data_dir, lambda s: service.import_opml(s, data, progress))
        bar.update(task, description="Imported")
    console.print(
        f"{len(report.added)} added, {len(report.existing)} already followed, "
        f"{len(report.failed)} refused."
    )
    for url, problem in report.failed:
        console.print(f"  [red]refused[/red] {url}: {problem}")


@app.command("export")
def export(
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to a file instead of stdout.")
    ] = None,
    data_dir: DataDir = None,
) -> None:
    """Write every feed as OPML."""
    data = _run(data_dir, service.export_opml)
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        output.write_bytes(data)
        err.print(f"Wrote {output}")
