"""The migration builds exactly the schema the code declares, on SQLite and PostgreSQL."""

from __future__ import annotations

from storywatch.app import Services
from storywatch.store.migrate import schema_differences


async def test_sqlite_schema_matches_tables(services: Services) -> None:
    assert await schema_differences(services.db) == []
    async with services.db.read() as conn:
        mode = (await conn.exec_driver_sql("PRAGMA journal_mode")).scalar()
    assert mode == "wal"


async def test_postgres_schema_matches_tables(pg_services: Services) -> None:
    assert pg_services.db.dialect == "postgresql"
    assert await schema_differences(pg_services.db) == []
