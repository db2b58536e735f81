"""Services whose web app really listens on the port ``base_url`` names: the WebSub callback."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import uvicorn

from storywatch.app import Services, open_services
from storywatch.clock import Clock, system_clock
from storywatch.settings import Settings
from storywatch.sources.fetch import SafeFetcher
from storywatch.web.app import create_app
from tests.support.httpserver import free_port


@asynccontextmanager
async def serving(data_dir: Path, clock: Clock = system_clock) -> AsyncIterator[Services]:
    """Open services on ``data_dir`` on ``clock`` and serve their web app."""
    port = free_port()
    settings = Settings(data_dir=data_dir, allow_loopback=True, base_url=f"http://127.0.0.1:{port}")
    async with open_services(settings, clock=clock) as services:
        config = uvicorn.Config(
            create_app(services), host="127.0.0.1", port=port, log_level="warning", lifespan="off"
        )
        server = uvicorn.Server(config)
        task = asyncio.create_task(server.serve())
        while not server.started:
            await asyncio.sleep(0.02)
        try:
            yield services
        finally:
            server.should_exit = True
            await task
            fetcher = services.extras.get("fetcher")
            if isinstance(fetcher, SafeFetcher):
                await fetcher.aclose()
