"""Delivery fixtures: settings with fast retries, and services on them (SQLite or PostgreSQL)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from storywatch.app import Services, open_services
from storywatch.deliver.channels import close_delivery
from storywatch.settings import Settings

FAST = {
    "allow_loopback": True,
    "base_url": "http://sw.test",
    "delivery_backoff_base_seconds": 0.05,
    "delivery_backoff_max_seconds": 0.2,
    "delivery_lease_seconds": 5.0,
    "delivery_max_attempts": 3,
    "vapid_subject": "mailto:ops@sw.test",
}


@pytest.fixture
def dsettings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path / "data", **FAST)  # type: ignore[arg-type]


@pytest.fixture
async def dsvc(dsettings: Settings) -> AsyncIterator[Services]:
    async with open_services(dsettings) as svc:
        yield svc
        await close_delivery(svc)


@pytest.fixture
async def patient_dsvc(tmp_path: Path) -> AsyncIterator[Services]:
    """Services whose retries wait a minute, for a test that reads one failed attempt: with
    the fast retries above the next attempt can land before the test looks."""
    slow = {**FAST, "delivery_backoff_base_seconds": 60.0, "delivery_backoff_max_seconds": 60.0}
    async with open_services(Settings(data_dir=tmp_path / "data", **slow)) as svc:  # type: ignore[arg-type]
        yield svc
        await close_delivery(svc)


@pytest.fixture
async def pg_dsvc(pg_database_url: str, tmp_path: Path) -> AsyncIterator[Services]:
    settings = Settings(data_dir=tmp_path / "pg", database_url=pg_database_url, **FAST)  # type: ignore[arg-type]
    async with open_services(settings) as svc:
        yield svc
        await close_delivery(svc)


@pytest.fixture(params=["sqlite", "postgres"])
def any_dsvc(request: pytest.FixtureRequest) -> Services:
    """The same test on SQLite and on PostgreSQL."""
    name = "dsvc" if request.param == "sqlite" else "pg_dsvc"
    svc: Services = request.getfixturevalue(name)
    return svc
