"""Address checks at the lookup a connection actually uses, for code we do not drive.

Our own fetches go through :class:`~storywatch.sources.guard.GuardedBackend`, which resolves a
name, checks the addresses and connects to the checked one. Libraries with their own
networking (Apprise and the ``requests``/``smtplib`` calls of its plugins) cannot be handed a
backend; checking the name before calling them leaves a gap, because the library looks the
name up again and a hostile DNS server can answer differently the second time (DNS
rebinding).

This module closes that gap without touching the library: inside :func:`refusing`, every
``socket.getaddrinfo`` made on behalf of the caller (the library's own threads included, as
long as they run in a copy of the caller's context, which Apprise 2.x does) has its answer
checked against the address policy. The connection can only use addresses that lookup
returned, so what is checked is what is connected to. A refused lookup fails like an unknown
name (``socket.gaierror``), which every library already handles as a failed send, and is
recorded so the caller can report the refusal in words.

Outside :func:`refusing` the wrapper passes lookups through untouched; asyncio's own
resolver threads do not inherit the caller's context and are never affected.
"""

from __future__ import annotations

import contextvars
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from storywatch.sources.addresses import AddressPolicy, parse_ip, refusal


@dataclass
class Refusals:
    """What :func:`refusing` refused, in words (shared by every thread of one call)."""

    policy: AddressPolicy
    reasons: list[str] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, reason: str) -> None:
        with self._lock:
            if reason not in self.reasons:
                self.reasons.append(reason)


_ACTIVE: contextvars.ContextVar[Refusals | None] = contextvars.ContextVar(
    "storywatch_pinned_refusals", default=None
)
_INSTALL_LOCK = threading.Lock()
_original_getaddrinfo = socket.getaddrinfo


def _checked_getaddrinfo(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
    answers = _original_getaddrinfo(host, port, *args, **kwargs)
    active = _ACTIVE.get()
    if active is None:
        return answers
    name = host.decode() if isinstance(host, bytes) else str(host)
    for answer in answers:
        addr = parse_ip(str(answer[4][0]).split("%", 1)[0])
        if addr is None:
            continue
        reason = refusal(addr, active.policy)
        if reason is not None:
            shown = name if str(addr) == name.strip("[]") else f"{name} ({addr})"
            active.add(f"Refused to connect to {shown}: it is {reason}.")
            # refuse the whole answer, as check_addresses does: a name that mixes a public
            # and a private address must not reach the private one on a retry
            raise socket.gaierror(socket.EAI_NONAME, f"{shown} is {reason}")
    return answers


def install() -> None:
    """Put the checking wrapper in place of ``socket.getaddrinfo`` (idempotent)."""
    with _INSTALL_LOCK:
        if socket.getaddrinfo is not _checked_getaddrinfo:
            socket.getaddrinfo = _checked_getaddrinfo


@contextmanager
def refusing(policy: AddressPolicy) -> Iterator[Refusals]:
    """Within this block (and threads that copy its context), lookups obey ``policy``."""
    install()
    refusals = Refusals(policy)
    token = _ACTIVE.set(refusals)
    try:
        yield refusals
    finally:
        _ACTIVE.reset(token)
