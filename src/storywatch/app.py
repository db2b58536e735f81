"""Composition root: build the store, bus, clock and settings into one ``Services`` value.

Everything that does I/O is created here and handed down; no module builds its own engine,
client or clock. The web app, the CLI and the workers all start from :func:`open_services`.
"""

from __future__ import annotations

import random
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from storywatch.bus import Bus, MemoryBus
from storywatch.clock import Clock, system_clock
from storywatch.errors import ConfigError
from storywatch.settings import Settings
from storywatch.store import Database
from storywatch.store.migrate import upgrade


@dataclass
class Services:
    """The shared, long-lived parts every component is given.

    ``extras`` holds per-process singletons other packages attach at start-up (the fetcher,
    the percolator, the story engine), keyed by a name their package owns.
    """

    settings: Settings
    db: Database
    bus: Bus
    clock: Clock = system_clock
    rng: random.Random = field(default_factory=random.Random)
    extras: dict[str, Any] = field(default_factory=dict)


def make_bus(settings: Settings) -> Bus:
    """Redis Streams and pub/sub when ``redis_url`` is set (roles in several processes),
    otherwise the in-process bus (everything in one process)."""
    if settings.redis_url:
        from storywatch.bus.redis import RedisBus

        try:
            return RedisBus(settings.redis_url, prefix=settings.redis_prefix)
        except ValueError as exc:  # an unknown scheme or a malformed URL
            raise ConfigError(f"redis_url is not a usable Redis URL: {exc}") from exc
    return MemoryBus()


@asynccontextmanager
async def open_services(
    settings: Settings, *, clock: Clock = system_clock, migrate: bool = True
) -> AsyncIterator[Services]:
    """Open the database (migrated to the newest schema) and the bus; close both after."""
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    db = Database(settings.sqlalchemy_url())
    if migrate:
        await upgrade(db)
    bus = make_bus(settings)
    services = Services(settings=settings, db=db, bus=bus, clock=clock)
    try:
        yield services
    finally:
        # per-process singletons attached by packages (the shared fetcher, ...) close here
        for extra in list(services.extras.values()):
            closer = getattr(extra, "aclose", None)
            if closer is not None:
                await closer()
        await bus.close()
        await db.dispose()
