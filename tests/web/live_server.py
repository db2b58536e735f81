"""The real app served by uvicorn on 127.0.0.1, in a thread with its own event loop.

Browser tests and schemathesis talk to it over real HTTP. ``call`` runs a coroutine on the
server's loop (where the database engines and the bus live), so a test can insert rows or
ring the bus exactly as the pipeline would.
"""

from __future__ import annotations

import asyncio
import socket
import threading
from collections.abc import Awaitable, Callable
from concurrent.futures import Future
from typing import Any, TypeVar

import uvicorn

from storywatch.app import Services, open_services
from storywatch.clock import Clock, system_clock
from storywatch.settings import Settings
from storywatch.web.app import create_app

T = TypeVar("T")


class LiveApp:
    def __init__(
        self,
        settings: Settings,
        setup: Callable[[Services], Awaitable[dict[str, Any]]],
        clock: Clock = system_clock,
    ) -> None:
        self.settings = settings
        self.clock = clock
        self.setup = setup
        self.info: dict[str, Any] = {}
        self.url = ""
        self._ready = threading.Event()
        self._error: BaseException | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._server: uvicorn.Server | None = None
        self._services: Services | None = None
        self._thread = threading.Thread(target=self._run, name="live-app", daemon=True)

    def __enter__(self) -> LiveApp:
        self._thread.start()
        if not self._ready.wait(60):
            raise RuntimeError("the app did not start within 60 s")
        if self._error is not None:
            raise RuntimeError("the app failed to start") from self._error
        return self

    def __exit__(self, *exc: object) -> None:
        if self._server is not None:
            self._server.should_exit = True
        self._thread.join(30)

    def call(self, fn: Callable[[Services], Awaitable[T]], timeout: float = 30) -> T:
        """Run ``fn(services)`` on the server's loop and return its result."""
        assert self._loop is not None and self._services is not None
        services = self._services

        async def wrapped() -> T:
            return await fn(services)

        future: Future[T] = asyncio.run_coroutine_threadsafe(wrapped(), self._loop)
        return future.result(timeout)

    def _run(self) -> None:
        try:
            asyncio.run(self._main())
        except BaseException as exc:  # reported to the starting thread
            self._error = exc
            self._ready.set()

    async def _main(self) -> None:
        async with open_services(self.settings, clock=self.clock) as services:
            self._services = services
            self._loop = asyncio.get_running_loop()
            self.info = await self.setup(services)
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
            self.url = f"http://127.0.0.1:{port}"
            config = uvicorn.Config(
                create_app(services), log_level="warning", access_log=False, lifespan="on"
            )
            self._server = uvicorn.Server(config)
            serving = asyncio.create_task(self._server.serve(sockets=[sock]))
            while not self._server.started:
                if serving.done():
                    serving.result()
                await asyncio.sleep(0.02)
            self._ready.set()
            await serving
