"""The stored provenance of a wire text does not depend on the order feeds were read in."""

from __future__ import annotations

import sqlalchemy as sa

from storywatch.app import Services
from storywatch.store import users
from storywatch.store.tables import articles
from tests.pipeline.test_stages import _published_and_processed


async def test_a_copy_fetched_before_its_original_ends_up_pointing_at_it(
    services: Services,
) -> None:
    async with services.db.write() as conn:
        admin = await users.ensure_admin(conn, services.clock())
    # the Courier's copy (07:15) is read before the wire (06:40)
    ids = await _published_and_processed(services, admin, ("a02", "a01"))
    async with services.db.read() as conn:
        rows = {
            r.id: r
            for r in await conn.execute(
                sa.select(articles.c.id, articles.c.story_id, articles.c.duplicate_of)
            )
        }
    a01, a02 = rows[ids["a01"]], rows[ids["a02"]]
    assert a01.story_id == a02.story_id
    assert a01.duplicate_of is None
    assert a02.duplicate_of == a01.id
