"""``storywatch demo``: the whole product on a fictional developing story, in one command.

It starts the demo feed server on 127.0.0.1 (five outlets releasing about twenty articles
over a few minutes), registers each outlet's feed as a source polled every few seconds,
signs the admin in automatically, subscribes them to the story's query, and runs every role
of the service. Loopback fetching is allowed for this run only (the demo feeds live there).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy.dialects import sqlite

from storywatch.app import Services, open_services
from storywatch.demo.server import DemoFeedServer
from storywatch.demo.story import DEMO_QUERY, load_story
from storywatch.runtime import Runner, install_stop_signals
from storywatch.settings import Settings
from storywatch.store import subscriptions as subscription_store
from storywatch.store import users
from storywatch.store.tables import sources

DEMO_POLL_SECONDS = 5


async def prepare(services: Services, feed_urls: list[str], titles: list[str]) -> int:
    """Admin user, one source per demo feed, and the demo subscription; returns the user id."""
    now = services.clock()
    async with services.db.write() as conn:
        admin = await users.ensure_admin(conn, now)
        for url, title in zip(feed_urls, titles, strict=True):
            await conn.execute(
                sqlite.insert(sources)
                .values(
                    url=url,
                    title=title,
                    kind="feed",
                    poll_interval_seconds=DEMO_POLL_SECONDS,
                    next_poll_at=now,
                    created_at=now,
                )
                .on_conflict_do_nothing(index_elements=["url"])
            )
        existing, _ = await subscription_store.list_for_user(conn, admin.id, limit=1000)
        if not any(s.query == DEMO_QUERY for s in existing):
            await subscription_store.create(
                conn,
                admin.id,
                now,
                query=DEMO_QUERY,
                name="Velmora harbor (demo)",
                mode="developments",
            )
    return admin.id


def _shown(path: Path) -> str:
    """``path`` as the user would type it from here (relative when it is below the cwd)."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


async def run_demo(settings: Settings, *, console: Any) -> None:
    """Run until Ctrl-C; prints the URL to open once the web app is listening."""
    story = load_story()
    # a fixed port beside the web app keeps feed URLs stable across runs with --keep;
    # when it is taken, any free port will do
    try:
        feeds = DemoFeedServer(story, port=settings.port + 1, speed=settings.demo_speed).start()
    except OSError:
        feeds = DemoFeedServer(story, port=0, speed=settings.demo_speed).start()
    try:
        async with open_services(settings) as services:
            await prepare(services, feeds.feed_urls(), [o.name for o in story.outlets])
            runner = Runner(services)
            install_stop_signals(runner.stop)
            runner.start()
            await runner.wait_web_started()
            seconds = story.duration_s / settings.demo_speed
            span = f"{seconds / 60:.0f} minutes" if seconds >= 90 else f"{seconds:.0f} seconds"
            console.print(
                f"Storywatch demo is running: open {settings.public_url()}\n"
                f"  {len(story.outlets)} outlets release the story \u201c{story.title}\u201d "
                f"over about {span} (feeds at {feeds.url}). Press Ctrl-C to stop.\n"
                f"  The same notifications in a terminal: "
                f"storywatch tail --data-dir {_shown(settings.data_dir)} "
                f"--url {settings.public_url()}",
                highlight=False,
            )
            await runner.stop.wait()
            await runner.shutdown()
    finally:
        feeds.stop()
