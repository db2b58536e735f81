"""Content-Encoding decoding that never produces more than a limit (decompression bombs).

httpx's own decoders expand each network chunk in one call, so a 64 KB chunk of a gzip bomb
becomes ~64 MB in memory before any size check can run, and brotli expands far further. Here
every decompressor is driven with an output cap, and the running total is checked before
more output is asked for, so memory stays near the limit whatever the compression ratio.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable
from typing import Protocol

import brotli

from storywatch.errors import FetchError, TooLarge

SUPPORTED = ("gzip", "deflate", "br")
ACCEPT_ENCODING = "gzip, deflate, br"
_STEP = 64 * 1024


class _Decoder(Protocol):
    def feed(self, data: bytes, room: int) -> bytes: ...
    def flush(self, room: int) -> bytes: ...


class _Identity:
    def feed(self, data: bytes, room: int) -> bytes:
        return data

    def flush(self, room: int) -> bytes:
        return b""


class _Zlib:
    """gzip or deflate; 'deflate' in the wild is zlib-wrapped or raw, so both are tried."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        wbits = 16 + zlib.MAX_WBITS if kind == "gzip" else zlib.MAX_WBITS
        self._obj = zlib.decompressobj(wbits)
        self._first = True

    def feed(self, data: bytes, room: int) -> bytes:
        out = bytearray()
        pending = data
        while True:
            cap = min(_STEP, room - len(out) + 1)
            try:
                chunk = self._obj.decompress(pending, cap)
            except zlib.error as exc:
                if self._first and self.kind == "deflate":
                    self._obj = zlib.decompressobj(-zlib.MAX_WBITS)
                    self._first = False
                    return self.feed(data, room)
                raise FetchError(f"The {self.kind} body is corrupt: {exc}.") from exc
            self._first = False
            out += chunk
            if len(out) > room:
                return bytes(out)
            pending = self._obj.unconsumed_tail
            if pending or len(chunk) == cap:
                continue  # capped: more output is waiting
            if self._obj.eof and self._obj.unused_data and self.kind == "gzip":
                # concatenated gzip members: start a new one on what is left
                rest = self._obj.unused_data
                self._obj = zlib.decompressobj(16 + zlib.MAX_WBITS)
                out += self.feed(rest, room - len(out))
            return bytes(out)

    def flush(self, room: int) -> bytes:
        return self._obj.flush()[: room + 1]


class _Brotli:
    def __init__(self) -> None:
        self._obj = brotli.Decompressor()

    def feed(self, data: bytes, room: int) -> bytes:
        out = bytearray()
        try:
            chunk = self._obj.process(data, output_buffer_limit=min(_STEP, room + 1))
            out += chunk
            while len(out) <= room and not self._obj.can_accept_more_data():
                chunk = self._obj.process(b"", output_buffer_limit=min(_STEP, room + 1))
                if not chunk:
                    break
                out += chunk
        except brotli.error as exc:
            raise FetchError(f"The brotli body is corrupt: {exc}.") from exc
        return bytes(out)

    def flush(self, room: int) -> bytes:
        return b""


def _make(coding: str) -> _Decoder:
    if coding in ("identity", ""):
        return _Identity()
    if coding in ("gzip", "x-gzip"):
        return _Zlib("gzip")
    if coding == "deflate":
        return _Zlib("deflate")
    if coding == "br":
        return _Brotli()
    raise FetchError(f"The server used a content encoding we did not ask for: {coding!r}.")


class BoundedDecoder:
    """Decodes a Content-Encoding chain chunk by chunk; raises TooLarge past ``limit``.

    ``describe`` names the resource in error messages ("the feed at https://…").
    """

    def __init__(self, content_encoding: str | None, limit: int, describe: Callable[[], str]):
        codings = [c.strip().lower() for c in (content_encoding or "").split(",") if c.strip()]
        # Encodings are listed in the order applied, so they are undone in reverse.
        self._chain = [_make(c) for c in reversed(codings)]
        self.limit = limit
        self.total = 0
        self.raw_total = 0
        self._describe = describe

    def _check(self, produced: int) -> None:
        self.total += produced
        if self.total > self.limit:
            compressed = " after decompression" if self._chain else ""
            raise TooLarge(
                f"{self._describe()} is larger than the limit of {self.limit:,} bytes"
                f"{compressed}; it was not read further."
            )

    def feed(self, data: bytes) -> bytes:
        self.raw_total += len(data)
        if self.raw_total > self.limit:
            raise TooLarge(
                f"{self._describe()} is larger than the limit of {self.limit:,} bytes; "
                "it was not read further."
            )
        for decoder in self._chain:
            data = decoder.feed(data, self.limit - self.total)
        self._check(len(data))
        return data

    def flush(self) -> bytes:
        data = b""
        for decoder in self._chain:
            data = decoder.feed(data, self.limit - self.total) if data else b""
            data += decoder.flush(self.limit - self.total - len(data))
        self._check(len(data))
        return data
