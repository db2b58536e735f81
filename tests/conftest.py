"""Fixtures: a real app on a temporary SQLite file, real local servers, service checks.

Tests that need PostgreSQL or Redis use ``postgres_url`` / ``redis_url``: when ``CI`` is set a
missing service fails the test; otherwise it is skipped with the reason shown.
"""

from __future__ import annotations

import os
import socket
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from urllib.parse import urlparse

import httpx
import pytest

from storywatch.app import Services, open_services
from storywatch.settings import Settings
from tests.support.httpserver import LocalServer

SHARED_DATA = Path(os.environ.get("STORYWATCH_DATA", Path(__file__).parents[2] / "shared" / "data"))


def _reachable(url: str, default_port: int) -> bool:
    parsed = urlparse(url)
    try:
        with socket.create_connection(
            (parsed.hostname or "127.0.0.1", parsed.port or default_port), 2
        ):
            return True
    except OSError:
        return False


def require_service(name: str, url: str, port: int) -> str:
    if _reachable(url, port):
        return url
    message = f"{name} is not reachable at {url}"
    if os.environ.get("CI"):
        pytest.fail(f"{message} (CI is set, so this is a failure, not a skip)")
    pytest.skip(f"{message}; set {name.upper()} up or the URL variable to run this test")


@pytest.fixture
def postgres_url() -> str:
    url = os.environ.get(
        "STORYWATCH_TEST_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
    )
    return require_service("postgres", url, 5432)


@pytest.fixture
def redis_url() -> str:
    url = os.environ.get("STORYWATCH_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
    return require_service("redis", url, 6379)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path / "data", allow_loopback=True)


@pytest.fixture
async def services(settings: Settings) -> AsyncIterator[Services]:
    async with open_services(settings) as svc:
        yield svc


@pytest.fixture
async def client(services: Services) -> AsyncIterator[httpx.AsyncClient]:
    from storywatch.web.app import create_app

    app = create_app(services)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
        yield c


@pytest.fixture
def local_server() -> Iterator[LocalServer]:
    with LocalServer() as server:
        yield server


@pytest.fixture
def shared_data() -> Path:
    if not SHARED_DATA.exists():
        if os.environ.get("CI"):
            pytest.fail(f"shared data missing at {SHARED_DATA}")
        pytest.skip(f"shared data missing at {SHARED_DATA}")
    return SHARED_DATA


@pytest.fixture
async def pg_database_url(postgres_url: str) -> AsyncIterator[str]:
    """A fresh, empty PostgreSQL database for one test, dropped afterwards."""
    import uuid

    from sqlalchemy.ext.asyncio import create_async_engine

    name = f"sw_test_{uuid.uuid4().hex[:12]}"
    admin = create_async_engine(postgres_url, isolation_level="AUTOCOMMIT")
    async with admin.connect() as conn:
        await conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    base = postgres_url.rsplit("/", 1)[0]
    try:
        yield f"{base}/{name}"
    finally:
        async with admin.connect() as conn:
            await conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.dispose()


@pytest.fixture
async def pg_services(pg_database_url: str, tmp_path: Path) -> AsyncIterator[Services]:
    """The same app services as ``services``, on a fresh PostgreSQL database."""
    pg_settings = Settings(
        data_dir=tmp_path / "pgdata", allow_loopback=True, database_url=pg_database_url
    )
    async with open_services(pg_settings) as svc:
        yield svc
