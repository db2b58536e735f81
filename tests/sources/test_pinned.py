"""Lookups made by code we do not drive obey the address policy at the moment they happen."""

from __future__ import annotations

import contextvars
import socket
import threading

import pytest
import requests

from storywatch.sources.addresses import AddressPolicy
from storywatch.sources.pinned import refusing
from tests.support.httpserver import LocalServer, Response

STRICT = AddressPolicy(allow_private=False, allow_loopback=False)


def test_a_lookup_answering_loopback_is_refused_inside_and_passed_outside() -> None:
    with refusing(STRICT) as refused, pytest.raises(socket.gaierror):
        socket.getaddrinfo("localhost", 80)
    assert refused.reasons and "localhost" in refused.reasons[0]
    assert "loopback" in refused.reasons[0]
    assert socket.getaddrinfo("localhost", 80)  # untouched outside the block


def test_literal_private_addresses_are_refused_and_public_ones_pass() -> None:
    with refusing(STRICT) as refused:
        with pytest.raises(socket.gaierror):
            socket.getaddrinfo("10.1.2.3", 443)
        assert socket.getaddrinfo("93.184.216.34", 443, type=socket.SOCK_STREAM)
    assert len(refused.reasons) == 1 and "10.1.2.3" in refused.reasons[0]


def test_threads_running_in_the_callers_context_are_covered_and_others_are_not() -> None:
    outcome: dict[str, str] = {}

    def look(key: str) -> None:
        try:
            socket.getaddrinfo("127.0.0.1", 80)
            outcome[key] = "resolved"
        except socket.gaierror:
            outcome[key] = "refused"

    with refusing(STRICT):
        copied = threading.Thread(target=contextvars.copy_context().run, args=(look, "copied"))
        bare = threading.Thread(target=look, args=("bare",))
        for thread in (copied, bare):
            thread.start()
            thread.join()
    assert outcome == {"copied": "refused", "bare": "resolved"}


def test_a_library_request_to_a_local_server_never_reaches_it(local_server: LocalServer) -> None:
    hits: list[str] = []
    local_server.route("/hook", lambda req: hits.append(req.path) or Response(200, b"ok"))
    url = f"http://localhost:{local_server.port}/hook"
    with refusing(STRICT) as refused, pytest.raises(requests.ConnectionError):
        requests.get(url, timeout=5)
    assert hits == [] and refused.reasons
    with refusing(AddressPolicy(allow_private=False, allow_loopback=True)) as allowed:
        assert requests.get(url, timeout=5).status_code == 200
    assert hits == ["/hook"] and allowed.reasons == []
