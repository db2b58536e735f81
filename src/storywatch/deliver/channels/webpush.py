"""Web Push (RFC 8030 protocol, RFC 8291 encryption, RFC 8292 VAPID) to browsers and apps.

Each message is encrypted for the subscription's keys with a fresh ephemeral key
(``aes128gcm``, :func:`encrypt`), signed with the install's VAPID key, and POSTed to the
subscription's push service through the SSRF-guarded client (:mod:`.pushhttp`). The
headers do the attention work:

- ``Topic``: derived from the collapse key, so a push service that still holds an undelivered
  push for the same story replaces it with the newer one (RFC 8030 §5.4);
- ``Urgency``: ``high`` for urgent notifications, ``normal`` otherwise, ``low`` for digests;
- ``TTL``: how long the push service keeps a push for an offline device.

The payload is the JSON the service worker reads: ``title``, ``body``, ``url``, ``tag`` (the
collapse key, so a newer notification replaces the older one on screen), ``notification_id``,
``story_id`` and ``urgent``. A 404 or 410 means the browser unsubscribed: the device is removed.
"""

from __future__ import annotations

import asyncio
import json
import os
import struct
import time
from collections.abc import Mapping
from dataclasses import dataclass
from hashlib import sha256
from typing import Any, ClassVar
from urllib.parse import urlsplit

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from storywatch.deliver.channels.base import (
    ChannelGone,
    Outgoing,
    Sent,
    http_failure_words,
    retry_after_seconds,
)
from storywatch.deliver.policy import short_id
from storywatch.deliver.render import PUSH_BODY_LIMIT, clip
from storywatch.deliver.vapid import VapidKeys, b64url, b64url_decode
from storywatch.errors import DeliveryError, InvalidInput, PermanentDeliveryError
from storywatch.store.channels import Channel

from .pushhttp import PushClient


class WebPushChannel:
    kind: ClassVar[str] = "webpush"

    def __init__(self, http: PushClient, keys: VapidKeys, *, ttl: int = 86400) -> None:
        self.http = http
        self.keys = keys
        self.ttl = ttl
        # per device: its keys decoded and its public key loaded, once (a device is sent to
        # again and again); checked against the channel's config on every use
        self._receivers: dict[int, Receiver] = {}
        # encoded header lines but the Topic, by (Authorization, Urgency); see _head
        self._heads: dict[tuple[str, str], bytes] = {}
        # messages waiting to be sealed together (see _queue), and the loop they belong to
        self._sealing: list[tuple[Outgoing, asyncio.Future[tuple[bytes, bytes]]]] = []
        self._sealing_loop: asyncio.AbstractEventLoop | None = None

    # ------------------------------------------------------------------ config

    def validate(
        self, config: Mapping[str, Any], secret: str | None
    ) -> tuple[dict[str, Any], str | None]:
        """A browser's ``PushSubscription.toJSON()``: endpoint and the p256dh/auth keys."""
        endpoint = str(config.get("endpoint") or "")
        parts = urlsplit(endpoint)
        if parts.scheme not in ("https", "http") or not parts.netloc:
            raise InvalidInput("A push subscription needs an http(s) 'endpoint' URL.")
        keys = config.get("keys")
        if not isinstance(keys, Mapping):
            raise InvalidInput("A push subscription needs 'keys' with 'p256dh' and 'auth'.")
        p256dh, auth = str(keys.get("p256dh") or ""), str(keys.get("auth") or "")
        try:
            point, secret_bytes = b64url_decode(p256dh), b64url_decode(auth)
            ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), point)
        except (ValueError, TypeError) as exc:
            raise InvalidInput("The subscription's 'p256dh' is not a P-256 public key.") from exc
        if len(secret_bytes) != 16:
            raise InvalidInput("The subscription's 'auth' secret must be 16 bytes (base64url).")
        clean: dict[str, Any] = {"endpoint": endpoint, "keys": {"p256dh": p256dh, "auth": auth}}
        if config.get("expirationTime") is not None:
            clean["expirationTime"] = config.get("expirationTime")
        for extra in ("user_agent", "digest_only"):
            if config.get(extra) is not None:
                clean[extra] = config.get(extra)
        return clean, None

    def describe(self, channel: Channel) -> str:
        host = urlsplit(str(channel.config.get("endpoint", ""))).hostname or "?"
        agent = channel.config.get("user_agent")
        return f"browser push via {host}" + (f" ({agent})" if agent else "")

    # ------------------------------------------------------------------ send

    def payload(self, message: Outgoing) -> dict[str, Any]:
        n = message.notification
        body = n.body
        if message.is_digest:
            body = "; ".join(i.title for i in message.items) or n.body
        return {
            "title": clip(n.title, 200),
            "body": clip(body, PUSH_BODY_LIMIT),
            "url": message.link,
            "tag": n.collapse_key or ("digest" if message.is_digest else f"n{n.id}"),
            "notification_id": n.id,
            "story_id": n.story_id,
            "urgent": n.urgent,
        }

    def headers(self, message: Outgoing) -> dict[str, str]:
        n = message.notification
        headers = {
            "TTL": str(self.ttl),
            "Urgency": _urgency(message),
            "Content-Encoding": "aes128gcm",
            "Content-Type": "application/octet-stream",
            "Authorization": self.keys.authorization(_audience(message.channel.config)),
        }
        if n.collapse_key:
            headers["Topic"] = _topic(n.collapse_key)
        return headers

    def _head(self, message: Outgoing) -> bytes:
        """:meth:`headers` as request lines. All but ``Topic`` are the same for every push of
        one urgency to one push service while the VAPID token lasts, so they are checked and
        encoded once; the ``Topic`` (a hex digest, safe by construction) is added per push."""
        key = (self.keys.authorization(_audience(message.channel.config)), _urgency(message))
        head = self._heads.get(key)
        if head is None:
            if len(self._heads) >= HEADS_KEPT:
                self._heads.clear()
            shared = self.headers(message)
            shared.pop("Topic", None)
            head = self._heads[key] = self.http.header_lines(shared)
        collapse_key = message.notification.collapse_key
        if collapse_key:
            return b"%bTopic: %b\r\n" % (head, _topic(collapse_key).encode("ascii"))
        return head

    def _prepare(self, message: Outgoing) -> tuple[bytes, bytes]:
        """The sealed body and the header lines of one message."""
        channel = message.channel
        config = channel.config
        receiver = self._receivers.get(channel.id)
        p256dh, auth = str(config["keys"]["p256dh"]), str(config["keys"]["auth"])
        if receiver is None or receiver.p256dh != p256dh or receiver.auth != auth:
            receiver = Receiver.parse(p256dh, auth)
            if len(self._receivers) >= RECEIVERS_KEPT:
                self._receivers.clear()
            self._receivers[channel.id] = receiver
        body = seal(_COMPACT_JSON.encode(self.payload(message)).encode(), receiver)
        return body, self._head(message)

    def _queue(self, message: Outgoing) -> asyncio.Future[tuple[bytes, bytes]]:
        """Have ``message`` sealed together with the others sent in this turn of the loop.

        A worker starts its sends in batches (a claim, or a committed batch of outcomes
        freeing their slots), and each would otherwise encrypt and then write to its socket
        in turn. Sealing them all first, then writing them all, measured ~50 µs less CPU per
        message in the workers and ~20 µs less in the push service (bench/fanout.py,
        docs/benchmarks.md): the requests reach the push service in a burst, so it and this
        process wake and read less often per message (the kernel's share fell by a third),
        and the crypto and the socket code no longer take turns in the caches message by
        message. The loop is held as long as before: the tasks started in one turn ran their
        sealing in that same turn anyway.
        """
        loop = asyncio.get_running_loop()
        waiter: asyncio.Future[tuple[bytes, bytes]] = loop.create_future()
        if not self._sealing or self._sealing_loop is not loop:
            # (a queue left by a loop that closed before sealing it is dropped with it)
            self._sealing, self._sealing_loop = [], loop
            loop.call_soon(self._seal_queued)
        self._sealing.append((message, waiter))
        return waiter

    def _seal_queued(self) -> None:
        queued, self._sealing = self._sealing, []
        for message, waiter in queued:
            if waiter.done():  # its send was cancelled meanwhile
                continue
            try:
                waiter.set_result(self._prepare(message))
            except Exception as exc:  # the send that asked gets it, the others go on
                waiter.set_exception(exc)

    async def send(self, message: Outgoing) -> Sent:
        body, head = await self._queue(message)
        result = await self.http.request(
            "POST", str(message.channel.config["endpoint"]), content=body, head=head
        )
        status = result.status
        if 200 <= status < 300:
            return Sent(status, "accepted by the push service")
        words = http_failure_words("The push service", status, result.body)
        if status in (404, 410):
            raise ChannelGone(
                f"{words}. The browser's subscription has ended; the device was removed."
            )
        if status == 429:
            raise DeliveryError(
                f"{words} (too many requests).",
                retry_after=retry_after_seconds(result.headers, time.time()),
                status_code=status,
            )
        if status in (400, 401, 403, 413):
            raise PermanentDeliveryError(words, status_code=status)
        raise DeliveryError(
            words,
            retry_after=retry_after_seconds(result.headers, time.time()),
            status_code=status,
        )


def _audience(config: Mapping[str, Any]) -> str:
    """scheme://netloc of the endpoint (validate() made sure it has both): the JWT's ``aud``."""
    return "/".join(str(config["endpoint"]).split("/", 3)[:3])


def _urgency(message: Outgoing) -> str:
    if message.is_digest:
        return "low"
    return "high" if message.notification.urgent else "normal"


def _topic(collapse_key: str) -> str:
    # RFC 8030 §5.4: at most 32 characters of the URL-safe base64 alphabet
    return short_id(collapse_key, 32)


KEY_INFO = b"WebPush: info\x00"
CEK_INFO = b"Content-Encoding: aes128gcm\x00\x01"  # HKDF info and its one-block counter
NONCE_INFO = b"Content-Encoding: nonce\x00\x01"
RECORD_SIZE = 4096
_CURVE = ec.SECP256R1()
_ECDH = ec.ECDH()
_HEADER_TAIL = struct.pack("!IB", RECORD_SIZE, 65)  # record size, key length (uncompressed P-256)


RECEIVERS_KEPT = 50_000
HEADS_KEPT = 100
_COMPACT_JSON = json.JSONEncoder(separators=(",", ":"))  # json.dumps builds one per call


@dataclass(frozen=True, slots=True)
class Receiver:
    """A subscription's keys, decoded and loaded: what every message to it needs."""

    p256dh: str
    auth: str
    public_raw: bytes
    public_key: ec.EllipticCurvePublicKey
    secret: bytes

    @classmethod
    def parse(cls, p256dh: str, auth: str) -> Receiver:
        raw = b64url_decode(p256dh)
        public = ec.EllipticCurvePublicKey.from_encoded_point(_CURVE, raw)
        return cls(p256dh, auth, raw, public, b64url_decode(auth))


def encrypt(payload: bytes, *, p256dh: str, auth: str) -> bytes:
    """RFC 8291 message encryption for the subscription keys ``p256dh`` and ``auth``."""
    return seal(payload, Receiver.parse(p256dh, auth))


def seal(payload: bytes, receiver: Receiver) -> bytes:
    """RFC 8291 message encryption (``aes128gcm``, RFC 8188) in one record.

    A fresh ephemeral key pair and salt for every message. Written against the RFC rather
    than through ``http_ece`` (what pywebpush calls) because the bulk of its cost was Python
    around the same primitives; the tests' push service decrypts every payload with
    ``http_ece``, so both must agree. HKDF (RFC 5869) is spelled out with HMACs: every
    output here is at most 32 bytes, so one expand block (counter 1) suffices.
    """
    if len(payload) > RECORD_SIZE - 17 - 1 - 86:
        raise PermanentDeliveryError("The push payload is too large for one record.")
    ephemeral = ec.generate_private_key(_CURVE)
    as_public_raw = ephemeral.public_key().public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    shared = ephemeral.exchange(_ECDH, receiver.public_key)
    prk_key = hmac_sha256(receiver.secret, shared)
    ikm = hmac_sha256(prk_key, KEY_INFO + receiver.public_raw + as_public_raw + b"\x01")
    salt = os.urandom(16)
    inner, outer = _pads(hmac_sha256(salt, ikm))  # the PRK keys both expands below
    cek = sha256(outer + sha256(inner + CEK_INFO).digest()).digest()[:16]
    nonce = sha256(outer + sha256(inner + NONCE_INFO).digest()).digest()[:12]
    sealed = AESGCM(cek).encrypt(nonce, payload + b"\x02", None)
    return b"".join((salt, _HEADER_TAIL, as_public_raw, sealed))


_INNER = bytes(b ^ 0x36 for b in range(256))
_OUTER = bytes(b ^ 0x5C for b in range(256))


def _pads(key: bytes) -> tuple[bytes, bytes]:
    """HMAC-SHA-256's inner and outer key blocks (RFC 2104), for keys of at most 64 bytes."""
    block = key.ljust(64, b"\x00")
    return block.translate(_INNER), block.translate(_OUTER)


def hmac_sha256(key: bytes, message: bytes) -> bytes:
    """HMAC-SHA-256 (RFC 2104) over hashlib's SHA-256.

    ``hmac.digest`` gives the same bytes, but in this build it sets up an OpenSSL MAC context
    per call (~3 µs); two plain SHA-256 digests cost about half. Five of these per message.
    """
    if len(key) > 64:
        key = sha256(key).digest()
    inner, outer = _pads(key)
    return sha256(outer + sha256(inner + message).digest()).digest()


__all__ = ["Receiver", "WebPushChannel", "b64url", "encrypt", "hmac_sha256", "seal"]
