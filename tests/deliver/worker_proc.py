"""A delivery worker in its own process, configured from STORYWATCH_* variables.

The kill test starts this, ``kill -9``s it mid-burst, and starts it again. SIGTERM stops it
gracefully (in-flight sends finish, leases are given back).
"""

from __future__ import annotations

import asyncio
import signal

from storywatch.app import open_services
from storywatch.deliver.channels import close_delivery
from storywatch.deliver.worker import DeliveryWorker
from storywatch.settings import load_settings


async def main() -> None:
    settings = load_settings()
    async with open_services(settings, migrate=False) as services:
        stop = asyncio.Event()
        asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
        print("worker ready", flush=True)
        await DeliveryWorker(services).run(stop)
        await close_delivery(services)


if __name__ == "__main__":
    asyncio.run(main())
