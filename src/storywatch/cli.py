"""The command line: thin commands over the application API (W3).

Every command opens the same services the web app uses (``open_services``) on the data
directory given by ``--data-dir`` (or ``STORYWATCH_DATA_DIR``); nothing here holds logic of
its own beyond parsing arguments and printing.
"""

from __future__ import annotations

import asyncio
import json
import logging
import shutil
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import httpx
import typer
from rich.console import Console

from storywatch.app import Services, open_services
from storywatch.settings import Settings, load_settings, settings_markdown

T = TypeVar("T")

CONFIG_DOC_HEADER = """# Configuration

Every setting, generated from the settings table in `src/storywatch/settings.py` by
`storywatch settings --markdown > docs/configuration.md` (a test keeps this file in step).
Set each one as an environment variable, or in a TOML file named by `STORYWATCH_CONFIG`
(keys are the setting names); command-line flags override both.

"""

app = typer.Typer(
    name="storywatch",
    help="Real-time updates for the stories, people and topics you follow.",
    no_args_is_help=True,
    add_completion=False,
)
console = Console()
err = Console(stderr=True)

DataDir = Annotated[
    Path | None,
    typer.Option("--data-dir", help="Data folder (SQLite file, keys). Default: ./storywatch-data"),
]


def _settings(data_dir: Path | None = None, **overrides: Any) -> Settings:
    return load_settings(data_dir=data_dir, **overrides)


def _run(fn: Callable[[Services], Awaitable[T]], settings: Settings) -> T:
    async def main() -> T:
        async with open_services(settings) as services:
            return await fn(services)

    return asyncio.run(main())


def _fail(message: str) -> typer.Exit:
    err.print(f"[red]error:[/red] {message}")
    return typer.Exit(1)


def _logging(settings: Settings) -> None:
    logging.basicConfig(
        level=settings.log_level.upper(),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    # one line per HTTP request is noise at INFO; the poller logs what matters
    logging.getLogger("httpx").setLevel(max(logging.WARNING, logging.root.level))


# ----------------------------------------------------------------------------- serve


async def _serve(
    settings: Settings, roles: tuple[str, ...], banner: str | None, helpers: list[str]
) -> None:
    from storywatch.runtime import Runner, install_stop_signals

    async with open_services(settings) as services:
        runner = Runner(services, roles=roles, helpers=helpers)
        install_stop_signals(runner.stop)
        runner.start()
        await runner.wait_web_started()
        if banner:
            console.print(banner, highlight=False)
        await runner.stop.wait()
        await runner.shutdown()


@app.command()
def serve(
    data_dir: DataDir = None,
    host: Annotated[str | None, typer.Option(help="Address to listen on.")] = None,
    port: Annotated[int | None, typer.Option(help="Port to listen on.")] = None,
) -> None:
    """Run everything in one process: web app, polling, processing, matching, delivery."""
    settings = _settings(data_dir, host=host, port=port)
    _logging(settings)
    from storywatch.runtime import ROLES, helper_roles, run_loop

    try:
        helpers = helper_roles(settings, ROLES)
    except ValueError as exc:
        raise _fail(str(exc)) from exc
    banner = f"Storywatch is running: open {settings.public_url()}"
    run_loop(settings, _serve(settings, ROLES, banner, helpers), ROLES)


@app.command()
def worker(
    role: Annotated[
        list[str],
        typer.Option("--role", help="web, ingest, process, match or deliver; repeatable."),
    ],
    data_dir: DataDir = None,
    helper: Annotated[
        bool, typer.Option("--helper", hidden=True, help="Started by another process.")
    ] = False,
) -> None:
    """Run some roles only (scale-out: several processes sharing PostgreSQL and Redis)."""
    from storywatch.runtime import helper_roles, run_loop, validate_roles

    settings = _settings(data_dir)
    _logging(settings)
    try:
        roles = validate_roles(role)
        helpers = [] if helper else helper_roles(settings, roles)
    except ValueError as exc:
        raise _fail(str(exc)) from exc
    banner = None if helper else f"Storywatch worker running roles: {', '.join(roles)}"
    run_loop(settings, _serve(settings, roles, banner, helpers), roles)


@app.command()
def demo(
    port: Annotated[int, typer.Option(help="Port of the web app.")] = 8000,
    speed: Annotated[float, typer.Option(help="Release speed of the demo story.")] = 1.0,
    data_dir: Annotated[
        Path, typer.Option("--data-dir", help="Demo data folder; emptied at each start.")
    ] = Path("storywatch-data/demo"),
    keep: Annotated[bool, typer.Option(help="Keep the data of an earlier demo run.")] = False,
) -> None:
    """Run the built-in demo: a fictional developing story released as real feeds."""
    from storywatch.demo.runner import run_demo

    if not keep and data_dir.exists():
        shutil.rmtree(data_dir)
    settings = _settings(
        data_dir,
        port=port,
        demo=True,
        allow_loopback=True,
        demo_speed=speed,
        poll_min_interval_seconds=2,
    )
    _logging(settings)
    asyncio.run(run_demo(settings, console=console))


# ----------------------------------------------------------------------------- people


async def _admin_token(services: Services) -> str:
    """The local admin's CLI token, kept in the data folder (created when missing or revoked)."""
    from storywatch.store import users

    path = services.settings.data_dir / "admin-token"
    if path.exists():
        token = path.read_text().strip()
        async with services.db.read() as conn:
            if await users.user_for_token(conn, token) is not None:
                return token
    async with services.db.write() as conn:
        admin = await users.ensure_admin(conn, services.clock())
        token = await users.create_token(conn, admin.id, services.clock(), name="cli")
    path.write_text(token + "\n")
    path.chmod(0o600)
    return token


@app.command()
def token(data_dir: DataDir = None) -> None:
    """Print an API token for the local admin, creating one if needed."""
    console.print(_run(_admin_token, _settings(data_dir)), highlight=False)


@app.command()
def subscribe(
    query: Annotated[str, typer.Argument(help="A query, e.g. '\"harbor closure\" OR Velmora'.")],
    data_dir: DataDir = None,
    name: Annotated[str, typer.Option(help="A name for the subscription.")] = "",
    mode: Annotated[
        str, typer.Option(help="every, developments (default) or digest.")
    ] = "developments",
    urgent: Annotated[bool, typer.Option(help="Break through quiet hours.")] = False,
    preview: Annotated[
        bool, typer.Option("--preview", help="Only show what it would have matched.")
    ] = False,
    days: Annotated[int, typer.Option(help="Days looked back by --preview.")] = 30,
    user: Annotated[str, typer.Option(help="User to subscribe.")] = "admin",
) -> None:
    """Follow a query (M1), or preview what it would have matched (M4)."""
    from storywatch.errors import StorywatchError
    from storywatch.match import parse_query

    try:
        parse_query(query)
    except StorywatchError as exc:
        column = getattr(exc, "column", None)
        if column:
            err.print(f"  {query}\n  {' ' * (column - 1)}^")
        raise _fail(exc.message) from exc
    if mode not in ("every", "developments", "digest"):
        raise _fail("mode must be every, developments or digest")
    settings = _settings(data_dir)
    if preview:
        _print_preview(_run(lambda s: _preview(s, query, days), settings))
        return
    sub = _run(lambda s: _subscribe(s, query, name, mode, urgent, user), settings)
    console.print(f"Subscribed [bold]{user}[/bold] to {query!r} (id {sub}, mode {mode}).")


async def _preview(services: Services, query: str, days: int) -> Any:
    from storywatch.service.preview import preview

    return await preview(services, query, days=days, limit=20)


def _print_preview(result: Any) -> None:
    approx = "" if result.total_exact else "about "
    console.print(
        f"{approx}{result.total} article(s) in the last {result.days} days "
        f"({result.elapsed_ms:.0f} ms)"
    )
    for m in result.matches:
        when = m.published.strftime("%Y-%m-%d %H:%M") if m.published else "          "
        why = ", ".join(f"{r.kind}:{r.value}" for r in m.reasons)
        console.print(f"  {when}  {m.title}  [dim]({m.source}; {why})[/dim]", highlight=False)


async def _subscribe(
    services: Services, query: str, name: str, mode: str, urgent: bool, username: str
) -> int:
    from storywatch.bus import SUBSCRIPTIONS_CHANGED
    from storywatch.store import subscriptions, users

    async with services.db.write() as conn:
        account = await users.get_by_username(conn, username)
        if account is None:
            if username != "admin":
                raise _fail(f"no user named {username!r}")
            account = await users.ensure_admin(conn, services.clock())
        sub = await subscriptions.create(
            conn, account.id, services.clock(), query=query, name=name, mode=mode, urgent=urgent
        )
    await services.bus.publish(SUBSCRIPTIONS_CHANGED, {"subscription_id": sub.id})
    return sub.id


# ----------------------------------------------------------------------------- publishing


@app.command()
def publish(
    file: Annotated[Path, typer.Argument(help="Text or HTML file of the article ('-' = stdin).")],
    title: Annotated[str, typer.Option(help="Article title.")],
    url: Annotated[str, typer.Option(help="Article URL (publishing is idempotent on it).")],
    source: Annotated[str, typer.Option(help="Name of the publishing outlet.")] = "",
    server: Annotated[
        str | None, typer.Option(help="Storywatch URL. Default: the configured host and port.")
    ] = None,
    data_dir: DataDir = None,
    api_token: Annotated[
        str | None, typer.Option("--token", help="API token. Default: the local admin's.")
    ] = None,
) -> None:
    """Send an article through the publisher API of a running Storywatch (S4)."""
    settings = _settings(data_dir)
    body = sys.stdin.read() if str(file) == "-" else file.read_text(encoding="utf-8")
    is_html = file.suffix.lower() in (".html", ".htm") or body.lstrip().startswith("<")
    payload = {"url": url, "title": title, "source": source, ("html" if is_html else "text"): body}
    bearer = api_token or _run(_admin_token, settings)
    base = (server or settings.public_url()).rstrip("/")
    try:
        resp = httpx.post(
            f"{base}/api/v1/articles",
            json=payload,
            headers={"Authorization": f"Bearer {bearer}"},
            timeout=30,
        )
    except httpx.HTTPError as exc:
        raise _fail(f"could not reach Storywatch at {base}: {exc}") from exc
    if resp.status_code >= 400:
        try:
            message = resp.json()["error"]["message"]
        except (ValueError, KeyError, TypeError):
            message = resp.text[:300]
        raise _fail(f"{resp.status_code}: {message}")
    data = resp.json()
    verb = "Published" if data.get("created") else "Already published"
    console.print(f"{verb}: article {data['id']} ({url})")


# ----------------------------------------------------------------------------- operating


@app.command("settings")
def show_settings(
    markdown: Annotated[bool, typer.Option("--markdown", help="The table as Markdown.")] = False,
) -> None:
    """Show the settings table (what can be set, and how)."""
    if markdown:
        typer.echo(CONFIG_DOC_HEADER + settings_markdown(), nl=False)
        return
    current = load_settings()
    console.print_json(json.dumps(current.model_dump(mode="json")))


db_app = typer.Typer(help="Database maintenance.", no_args_is_help=True)
app.add_typer(db_app, name="db")


@db_app.command("upgrade")
def db_upgrade(data_dir: DataDir = None) -> None:
    """Migrate the database to the newest schema (serve does this on start too)."""

    async def noop(_: Services) -> None:
        return None

    _run(noop, _settings(data_dir))
    console.print("Database is at the newest schema.")


Server = Annotated[
    str | None, typer.Option("--url", help="Storywatch URL. Default: the configured host and port.")
]
Token = Annotated[
    str | None,
    typer.Option(
        "--token", envvar="STORYWATCH_TOKEN", help="API token. Default: the local admin's."
    ),
]


def _remote(url: str | None, api_token: str | None, data_dir: Path | None) -> tuple[str, str]:
    settings = _settings(data_dir)
    return (url or settings.public_url()), (api_token or _run(_admin_token, settings))


@app.command()
def tail(url: Server = None, api_token: Token = None, data_dir: DataDir = None) -> None:
    """Print your notifications live in the terminal, as they happen (Ctrl-C to stop)."""
    from storywatch.deliver import cli as deliver_cli

    base, bearer = _remote(url, api_token, data_dir)
    deliver_cli.tail(base, bearer)


@app.command("dead-letters")
def dead_letters(url: Server = None, api_token: Token = None, data_dir: DataDir = None) -> None:
    """List notifications a channel gave up on, with the reason."""
    from storywatch.deliver import cli as deliver_cli

    base, bearer = _remote(url, api_token, data_dir)
    deliver_cli.dead_letters(base, bearer)


def _mount_sources() -> None:
    """The ``sources`` commands, owned by the sources package."""
    from storywatch.sources.cli import app as sources_app

    app.add_typer(sources_app, name="sources", help="Add, list, import and export sources.")


_mount_sources()


def main() -> None:
    app()


if __name__ == "__main__":
    main()
