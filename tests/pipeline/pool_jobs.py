"""Jobs for the worker-pool tests: module-level, so worker processes can import them."""

from __future__ import annotations

import os
import time


def square(n: int) -> int:
    return n * n


def nap(seconds: float) -> int:
    """Sleep, then answer with the worker's process id."""
    time.sleep(seconds)
    return os.getpid()


def fail(message: str) -> None:
    raise ValueError(message)


def unpicklable(_: object) -> object:
    return lambda: None  # a lambda cannot travel back to the parent


def stoplists_loaded(_: object) -> bool:
    """Whether trafilatura's justext stop-word lists are already set up in this worker."""
    import trafilatura.external

    return trafilatura.external.JT_STOPLIST is not None


def nap_with(job: tuple[float, bytes]) -> int:
    """:func:`nap` with a load of bytes beside (a job whose message is large)."""
    return nap(job[0])


class CountedBytes:
    """Bytes that count how often this process pickles them (to send them to a worker)."""

    pickled = 0

    def __init__(self, size: int) -> None:
        self.data = b"x" * size

    def __reduce__(self) -> tuple[type[bytes], tuple[bytes]]:
        CountedBytes.pickled += 1
        return bytes, (self.data,)
