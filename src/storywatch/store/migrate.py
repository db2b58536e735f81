"""Schema migrations: upgrade to the newest schema, and check the schema matches the code.

Migrations run at start-up (``serve``, ``demo``, workers) and through ``storywatch db
upgrade``. They run on the writer connection, so on SQLite no other writer interleaves.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from sqlalchemy.engine import Connection

from storywatch.store.database import Database
from storywatch.store.locks import migration_lock
from storywatch.store.tables import metadata

MIGRATIONS = Path(__file__).parent / "migrations"


def alembic_config(connection: Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


async def upgrade(db: Database, revision: str = "head") -> None:
    """Bring the database to ``revision`` (the newest by default)."""

    def _run(conn: Connection) -> None:
        command.upgrade(alembic_config(conn), revision)

    async with db.write() as conn:
        await migration_lock(conn)  # two processes starting at once migrate one at a time
        await conn.run_sync(_run)


async def schema_differences(db: Database) -> list[Any]:
    """What the live schema lacks or has beyond ``tables.metadata``; empty when in step."""

    def _diff(conn: Connection) -> list[Any]:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True, "render_as_batch": True})
        return list(compare_metadata(ctx, metadata))

    async with db.read() as conn:
        return await conn.run_sync(_diff)


async def autogenerate(db: Database, message: str) -> None:
    """Write a new migration for the difference between the database and the code (developers)."""

    def _run(conn: Connection) -> None:
        command.revision(alembic_config(conn), message=message, autogenerate=True)

    async with db.write() as conn:
        await conn.run_sync(_run)
