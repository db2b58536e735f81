"""The ingest role in one call: the poller and WebSub upkeep, wired to each other."""

from __future__ import annotations

import asyncio

from storywatch.app import Services
from storywatch.sources.poller import Poller
from storywatch.sources.websub import websub_for

POLLER_KEY = "poller"


async def run_ingest(services: Services, stop: asyncio.Event) -> None:
    """Poll feeds and keep WebSub subscriptions alive until ``stop`` is set.

    The poller is kept in ``services.extras["poller"]`` so adding a source wakes it; a feed
    found to name a hub is subscribed at once rather than at the next upkeep round.
    """
    poller = Poller(services)
    websub = websub_for(services)
    if services.settings.websub_enabled:
        poller.on_hub_found = websub.subscribe
    services.extras[POLLER_KEY] = poller
    try:
        await asyncio.gather(poller.run(stop), websub.run(stop))
    finally:
        if services.extras.get(POLLER_KEY) is poller:
            del services.extras[POLLER_KEY]
