"""Running the service: the web server and the stage workers, in one process or split by role.

``storywatch serve`` runs every role in one process on one event loop (the SQLite default);
``storywatch worker --role ...`` runs some of them, for deployments with several processes.
Each role is a coroutine that runs until the shared ``stop`` event is set; a role that
crashes is logged and restarted after a pause, so one fault never takes the service down.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Awaitable, Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from storywatch.app import Services

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
    from storywatch.web.live import tune_gc

    tune_gc()  # a web process holds many live streams; see tune_gc's docstring
    settings = services.settings
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
    task = asyncio.create_task(server.serve())
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


async def _deliver(services: Services, stop: asyncio.Event) -> None:
    from storywatch.deliver.worker import DeliveryWorker

    await DeliveryWorker(services).run(stop)


ROLE_RUNNERS: dict[str, Role] = {
    "web": _web,
    "ingest": _ingest,
    "process": _process,
    "match": _match,
    "deliver": _deliver,
}


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

    def start(self) -> None:
        for name in self.roles:
            runner = ROLE_RUNNERS[name]
            self.tasks.append(
                asyncio.create_task(_supervised(name, runner, self.services, self.stop), name=name)
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
