"""schemathesis against /api/v1/openapi.json on the real server: no 500s, and every response
matches the document (status code, content type, body schema).

Generated requests run as a signed-in user with a bearer token; an operation that revokes
that token (DELETE /tokens/{id} may pick its id) gets a fresh one before the next operation.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from storywatch.app import Services
from storywatch.settings import Settings
from storywatch.store import users as user_store
from tests.web.browser_support import setup_app
from tests.web.live_server import LiveApp

EXAMPLES_PER_OPERATION = 25
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
# ending the test's own session, and the endless SSE stream (the browser tests cover it)
SKIP = {
    ("DELETE", "/api/v1/sessions/current"),
    ("GET", "/api/v1/live"),
}


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveApp]:
    config = Settings(
        data_dir=tmp_path_factory.mktemp("schemathesis"),
        fetch_timeout_seconds=1.0,
        fetch_connect_timeout_seconds=0.5,
    )
    with LiveApp(config, setup_app) as app:
        yield app


def _fresh_token(live: LiveApp) -> str:
    async def go(services: Services) -> str:
        async with services.db.write() as conn:
            user = await user_store.get_by_username(conn, "alice")
            assert user is not None
            return await user_store.create_token(conn, user.id, services.clock(), "fuzz")

    return live.call(go)


def test_api_conforms_to_its_openapi_document(live: LiveApp) -> None:
    schema = schemathesis.openapi.from_url(f"{live.url}/api/v1/openapi.json")
    token = {"value": _fresh_token(live)}
    operations = [op.ok() for op in schema.get_all_operations()]
    assert len(operations) >= 20
    tested = []
    failures: list[str] = []
    timings: list[tuple[float, str]] = []
    for operation in operations:
        key = (operation.method.upper(), operation.path)
        if key in SKIP:
            continue
        strategy = operation.as_strategy()

        @settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            database=None,
            derandomize=True,
        )
        @given(case=strategy, _nonce=st.just(None))
        def run(case: Any, _nonce: None) -> None:
            headers = {"Authorization": f"Bearer {token['value']}"}
            response = case.call(base_url=live.url, headers=headers, timeout=30)
            case.validate_response(response, checks=CHECKS)

        started = time.monotonic()
        try:
            run()
        except (KeyboardInterrupt, SystemExit):
            raise
        except BaseException as exc:  # every operation's failure is collected, then reported
            failures.append(f"{key[0]} {key[1]}: {str(exc)[:1500]}")
        tested.append(key)
        timings.append((time.monotonic() - started, f"{key[0]} {key[1]}"))
        me = httpx.get(
            f"{live.url}/api/v1/me", headers={"Authorization": f"Bearer {token['value']}"}
        )
        if me.status_code == 401:
            token["value"] = _fresh_token(live)
    print("slowest operations:", sorted(timings, reverse=True)[:5])
    assert len(tested) >= 20
    assert not failures, "\n\n".join(failures)
