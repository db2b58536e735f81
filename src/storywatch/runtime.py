"""Running the service: the web server and the stage workers, in one process or split by role.

``storywatch serve`` runs every role in one process on one event loop (the SQLite default);
``storywatch worker --role ...`` runs some of them, for deployments with several processes.
Each role is a coroutine that runs until the shared ``stop`` event is set; a role that
crashes is logged and restarted after a pause, so one fault never takes the service down.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import os
import signal
import socket
import sys
from collections.abc import Awaitable, Callable, Coroutine, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from storywatch.app import Services
from storywatch.settings import Settings

log = logging.getLogger(__name__)

ROLES = ("web", "ingest", "process", "match", "deliver")
RESTART_PAUSE_SECONDS = 2.0

Role = Callable[[Services, asyncio.Event], Awaitable[None]]


def _quiet_server_class() -> Any:
    import uvicorn

    class QuietServer(uvicorn.Server):
        """Uvicorn without its own signal handling: the runner owns Ctrl-C for every role."""

        @contextlib.contextmanager
        def capture_signals(self) -> Iterator[None]:
            yield

    return QuietServer


async def _web(services: Services, stop: asyncio.Event) -> None:
    import uvicorn

    _QuietServer = _quiet_server_class()

    from storywatch.web.app import create_app

    tune_gc()  # a web process holds many live streams; see tune_gc's docstring
    settings = services.settings
    sockets = (
        [shared_port_socket(settings.host, settings.port)] if settings.web_processes > 1 else None
    )
    config = uvicorn.Config(
        create_app(services),
        host=settings.host,
        port=settings.port,
        log_level="warning",
        lifespan="off",
        proxy_headers=True,
        timeout_graceful_shutdown=2,
    )
    server = _QuietServer(config)
    task = asyncio.create_task(server.serve(sockets=sockets))
    services.extras["web_server"] = server
    warming = asyncio.create_task(_warm_preview(services), name="warm-preview")
    await stop.wait()
    warming.cancel()
    server.should_exit = True
    await task
    await asyncio.gather(warming, return_exceptions=True)


async def _warm_preview(services: Services) -> None:
    """Index the last month of articles for previews, so the first one is quick."""
    from storywatch.service.preview import warm

    try:
        indexed = await warm(services)
        log.info("preview index holds %d articles", indexed)
    except Exception:  # a cold preview is slower, never wrong
        log.exception("warming the preview index failed")


async def _ingest(services: Services, stop: asyncio.Event) -> None:
    from storywatch.sources.ingest import run_ingest

    await run_ingest(services, stop)


async def _process(services: Services, stop: asyncio.Event) -> None:
    from storywatch.pipeline.process import ProcessStage

    stage = ProcessStage(services)
    services.extras["process"] = stage
    await stage.run(stop)


async def _match(services: Services, stop: asyncio.Event) -> None:
    from storywatch.pipeline.matching import MatchStage

    stage = MatchStage(services)
    services.extras["match"] = stage
    await stage.run(stop)


def tune_gc() -> None:
    """Collect young objects less often in a service process (web and delivery roles).

    Both roles allocate many short-lived objects per event or send while holding many
    long-lived ones (open streams, claimed deliveries). With CPython's default thresholds
    (700 allocations) the collector ran over them constantly: holding 5,000 live streams it
    took more time than the fan-out itself, and a delivery worker spent ~50 µs of its ~430 µs
    per Web Push in it (bench/fanout.py). At 50,000 it no longer shows up. Process-wide; call
    once at start-up of a role.
    """
    gc.set_threshold(50_000, 20, 100)


async def _deliver(services: Services, stop: asyncio.Event) -> None:
    from storywatch.deliver.worker import DeliveryWorker

    tune_gc()

    await DeliveryWorker(services).run(stop)


ROLE_RUNNERS: dict[str, Role] = {
    "web": _web,
    "ingest": _ingest,
    "process": _process,
    "match": _match,
    "deliver": _deliver,
}


def shared_port_socket(host: str, port: int) -> socket.socket:
    """A listening socket several web processes bind at once (``SO_REUSEPORT``).

    The kernel spreads new connections over the processes; each runs its own event loop and
    hears every live event through the bus, so SSE connections use every core. Set only when
    ``web_processes`` > 1, so a second, unrelated server on the same port still fails to start.
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    sock.listen(4096)
    sock.setblocking(False)
    return sock


def helper_roles(settings: Settings, roles: Iterable[str]) -> list[str]:
    """The extra processes a process running ``roles`` starts: one role each.

    ``web_processes - 1`` more web servers on the same port and ``delivery_processes - 1``
    more delivery workers. The first of each runs in this process, where the in-process bus
    rings its doorbell; the others share the work through the store (leases) and, for live
    events, through Redis.
    """
    chosen = set(roles)
    extra: list[str] = []
    if "web" in chosen:
        if settings.web_processes > 1 and not settings.redis_url:
            raise ValueError(
                "web_processes above 1 needs redis_url: live events reach the other web "
                "processes through Redis pub/sub."
            )
        extra += ["web"] * (settings.web_processes - 1)
    if "deliver" in chosen:
        extra += ["deliver"] * (settings.delivery_processes - 1)
    return extra


def helper_command(role: str) -> list[str]:
    return [
        sys.executable,
        "-c",
        "from storywatch.cli import main; main()",
        "worker",
        "--helper",
        "--role",
        role,
    ]


def helper_env(settings: Settings) -> dict[str, str]:
    """This process's environment plus the settings its command line set."""
    env = dict(os.environ)
    env["STORYWATCH_DATA_DIR"] = str(settings.data_dir)
    env["STORYWATCH_HOST"] = settings.host
    env["STORYWATCH_PORT"] = str(settings.port)
    return env


async def _helpers(roles: list[str], settings: Settings, stop: asyncio.Event) -> None:
    """Keep one child process per helper role running until ``stop``; then end them."""
    env = helper_env(settings)
    children: list[asyncio.subprocess.Process | None] = [None] * len(roles)
    try:
        while not stop.is_set():
            for i, role in enumerate(roles):
                child = children[i]
                if child is None or child.returncode is not None:
                    if child is not None:
                        log.error(
                            "helper process (%s) ended with %s; restarting", role, child.returncode
                        )
                    children[i] = await asyncio.create_subprocess_exec(
                        *helper_command(role), env=env
                    )
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), RESTART_PAUSE_SECONDS)
    finally:
        alive = [c for c in children if c is not None and c.returncode is None]
        for child in alive:
            with contextlib.suppress(ProcessLookupError):
                child.terminate()
        for child in alive:
            try:
                await asyncio.wait_for(child.wait(), 15)
            except TimeoutError:
                child.kill()


def run_loop(
    settings: Settings, main: Coroutine[Any, Any, None], roles: Iterable[str] = ()
) -> None:
    """Run the service's main coroutine on uvloop when it is installed and wanted.

    Not in a process that runs the ``process`` role: there, on uvloop 0.23, a worker of
    the process stage's pool now and then found the pipe to its parent closed under it
    while it ran the first article after start-up (the reply failed with EPIPE, the
    article failed twice and was stored failed), about one start in two in
    ``bench/end_to_end.py``; on the standard loop it never happened. That role's
    speed is in its worker processes and the story engine, not in the event loop, so
    it loses nothing measurable; web-only and delivery-only processes keep uvloop.
    """
    if settings.uvloop and "process" not in set(roles):
        try:
            import uvloop
        except ImportError:
            pass
        else:
            uvloop.run(main)
            return
    asyncio.run(main)


async def _supervised(name: str, role: Role, services: Services, stop: asyncio.Event) -> None:
    while not stop.is_set():
        try:
            await role(services, stop)
            return
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("role %s crashed; restarting in %.0fs", name, RESTART_PAUSE_SECONDS)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), RESTART_PAUSE_SECONDS)


@dataclass
class Runner:
    """The roles of one process, started together and stopped together."""

    services: Services
    roles: tuple[str, ...] = ROLES
    stop: asyncio.Event = field(default_factory=asyncio.Event)
    tasks: list[asyncio.Task[None]] = field(default_factory=list)

    helpers: list[str] = field(default_factory=list)

    def start(self) -> None:
        for name in self.roles:
            runner = ROLE_RUNNERS[name]
            self.tasks.append(
                asyncio.create_task(_supervised(name, runner, self.services, self.stop), name=name)
            )
        if self.helpers:
            self.tasks.append(
                asyncio.create_task(
                    _helpers(self.helpers, self.services.settings, self.stop), name="helpers"
                )
            )

    async def wait_web_started(self) -> None:
        """Return once the web server accepts connections (when this process runs it)."""
        if "web" not in self.roles:
            return
        async with asyncio.timeout(30):
            while True:
                server: Any = self.services.extras.get("web_server")
                if server is not None and server.started:
                    return
                await asyncio.sleep(0.05)

    async def shutdown(self) -> None:
        self.stop.set()
        done, pending = await asyncio.wait(self.tasks, timeout=10)
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)
        for task in done:
            if not task.cancelled() and task.exception() is not None:
                log.error("role %s ended with %r", task.get_name(), task.exception())


def validate_roles(names: Iterable[str]) -> tuple[str, ...]:
    chosen = tuple(dict.fromkeys(n.strip() for n in names if n.strip()))
    unknown = [n for n in chosen if n not in ROLE_RUNNERS]
    if unknown:
        raise ValueError(f"unknown role(s): {', '.join(unknown)}; choose from {', '.join(ROLES)}")
    return chosen or ROLES


def install_stop_signals(stop: asyncio.Event) -> None:
    """Ctrl-C and SIGTERM set ``stop`` so every role ends cleanly."""
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, stop.set)
