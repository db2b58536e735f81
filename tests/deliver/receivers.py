"""Real local receivers for delivery tests: a push service, a webhook endpoint, an ntfy server.

Each is a real HTTP server on 127.0.0.1 (``tests.support.httpserver.LocalServer``) that does
what the real thing checks: the push service decrypts every payload with the subscription's
private key (``http_ece``) and verifies the VAPID JWT; the webhook endpoint verifies the
signature with the ``standardwebhooks`` library; the ntfy server keeps one notification per
sequence id, as a phone does. SMTP is aiosmtpd's real server.
"""

from __future__ import annotations

import asyncio
import base64
import json
import os
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

import http_ece
from aiosmtpd.controller import Controller
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, utils
from standardwebhooks.webhooks import Webhook, WebhookVerificationError

from tests.support.httpserver import LocalServer, Request, Response, free_port


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


# ----------------------------------------------------------------------------- Web Push


@dataclass
class Browser:
    """One browser's push subscription: its keys, and what its push service received."""

    path: str
    private_key: ec.EllipticCurvePrivateKey
    auth: bytes
    endpoint: str
    received: list[dict[str, Any]] = field(default_factory=list)
    headers: list[dict[str, str]] = field(default_factory=list)
    status: int = 201  # what the push service answers for this subscription

    def subscription(self) -> dict[str, Any]:
        public = self.private_key.public_key().public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
        )
        return {
            "endpoint": self.endpoint,
            "expirationTime": None,
            "keys": {"p256dh": b64url(public), "auth": b64url(self.auth)},
        }


def verify_vapid(header: str, audience: str) -> tuple[dict[str, Any], str]:
    """Check an RFC 8292 ``vapid t=..., k=...`` header; return the claims and the key."""
    scheme, _, rest = header.partition(" ")
    assert scheme.lower() == "vapid", header
    parts = dict(p.strip().split("=", 1) for p in rest.split(","))
    token, key = parts["t"], parts["k"]
    head_b64, claims_b64, sig_b64 = token.split(".")
    assert json.loads(b64url_decode(head_b64)) == {"typ": "JWT", "alg": "ES256"}
    public = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), b64url_decode(key))
    sig = b64url_decode(sig_b64)
    der = utils.encode_dss_signature(
        int.from_bytes(sig[:32], "big"), int.from_bytes(sig[32:], "big")
    )
    public.verify(der, f"{head_b64}.{claims_b64}".encode(), ec.ECDSA(hashes.SHA256()))
    claims = json.loads(b64url_decode(claims_b64))
    assert claims["aud"] == audience, claims
    now = time.time()
    assert now < claims["exp"] <= now + 24 * 3600, claims
    assert claims["sub"].startswith(("mailto:", "https:")), claims
    return claims, key


class PushService:
    """A push service (RFC 8030) on 127.0.0.1 that decrypts and verifies every push."""

    def __init__(self, server: LocalServer) -> None:
        self.server = server
        self.browsers: dict[str, Browser] = {}
        self.errors: list[str] = []
        self.vapid_keys: set[str] = set()
        self.lock = threading.Lock()
        self.retry_after: dict[str, list[int]] = {}  # path -> statuses to answer first
        server.route("*", self.handle)

    def browser(self, name: str | None = None) -> Browser:
        path = f"/push/{name or os.urandom(6).hex()}"
        b = Browser(
            path, ec.generate_private_key(ec.SECP256R1()), os.urandom(16), self.server.url(path)
        )
        self.browsers[path] = b
        return b

    def handle(self, req: Request) -> Response:
        path = req.path.split("?", 1)[0]
        b = self.browsers.get(path)
        if b is None:
            return Response(404, b"no such subscription")
        queued = self.retry_after.get(path)
        if queued:
            status = queued.pop(0)
            return Response(status, b"slow down", {"Retry-After": "1"})
        if b.status >= 400:
            return Response(b.status, b"subscription expired")
        if len(req.body) < int(req.headers.get("content-length") or 0):
            return Response(400, b"truncated")  # the sender died mid-request
        try:
            _, key = verify_vapid(
                req.headers["authorization"], f"http://127.0.0.1:{self.server.port}"
            )
            assert req.headers["content-encoding"] == "aes128gcm"
            assert int(req.headers["ttl"]) >= 0
            plain = http_ece.decrypt(
                req.body, private_key=b.private_key, auth_secret=b.auth, version="aes128gcm"
            )
            payload = json.loads(plain)
        except Exception as exc:  # recorded, and answered like a real service would
            with self.lock:
                self.errors.append(f"{type(exc).__name__}: {exc}")
            return Response(400, b"bad push")
        with self.lock:
            self.vapid_keys.add(key)
            b.received.append(payload)
            b.headers.append(dict(req.headers))
        return Response(201, b"", {"Location": f"{path}/msg/{len(b.received)}"})


# ----------------------------------------------------------------------------- webhooks


class WebhookReceiver:
    """An endpoint that verifies Standard Webhooks signatures and drops repeats by id."""

    def __init__(self, server: LocalServer, secret: str | None = None, path: str = "/hook") -> None:
        self.server = server
        self.path = path
        self.secret = secret
        self.raw_ids: list[str] = []
        self.accepted: dict[str, dict[str, Any]] = {}
        self.processed: Counter[str] = Counter()  # how often each id was acted on
        self.rejected: list[str] = []
        self.truncated = 0
        self.fail_next: list[int] = []
        self.lock = threading.Lock()
        server.route(path, self.handle)

    @property
    def url(self) -> str:
        return self.server.url(self.path)

    def handle(self, req: Request) -> Response:
        with self.lock:
            if self.fail_next:
                return Response(self.fail_next.pop(0), b"try later")
        assert self.secret, "set the receiver's secret from the channel first"
        declared = int(req.headers.get("content-length") or 0)
        if len(req.body) < declared:  # the sender died mid-request: nothing to act on
            with self.lock:
                self.truncated += 1
            return Response(400, b"truncated")
        try:
            payload = Webhook(self.secret).verify(req.body, req.headers)
        except WebhookVerificationError as exc:
            with self.lock:
                self.rejected.append(str(exc))
            return Response(401, b"bad signature")
        msg_id = req.headers["webhook-id"]
        with self.lock:
            self.raw_ids.append(msg_id)
            if msg_id not in self.accepted:  # idempotent: act once per id
                self.accepted[msg_id] = payload
                self.processed[msg_id] += 1
        return Response(204)


# ----------------------------------------------------------------------------- ntfy


class NtfyServer:
    """The publishing half of the ntfy protocol, with a "phone" that updates in place."""

    def __init__(self, server: LocalServer, token: str | None = None) -> None:
        self.server = server
        self.token = token
        self.messages: list[dict[str, Any]] = []
        self.phone: dict[str, dict[str, Any]] = {}  # sequence id -> latest notification
        self.lock = threading.Lock()
        server.route("*", self.handle)

    def handle(self, req: Request) -> Response:
        if req.method not in ("POST", "PUT"):
            return Response(405)
        if self.token and req.headers.get("authorization") != f"Bearer {self.token}":
            return Response(403, b'{"code":40301,"error":"forbidden"}')
        topic = req.path.strip("/").split("/")[0]
        title = req.headers.get("title", "")
        if title.startswith("=?UTF-8?B?"):
            title = base64.b64decode(title[10:-2]).decode()
        msg = {
            "id": os.urandom(6).hex(),
            "topic": topic,
            "message": req.body.decode(),
            "title": title,
            "priority": int(req.headers.get("priority", "3")),
            "tags": [t for t in req.headers.get("tags", "").split(",") if t],
            "click": req.headers.get("click"),
            "sequence_id": req.headers.get("x-sequence-id"),
        }
        with self.lock:
            self.messages.append(msg)
            self.phone[msg["sequence_id"] or msg["id"]] = msg
        body = json.dumps({"event": "message", "time": int(time.time()), **msg}).encode()
        return Response(200, body, {"Content-Type": "application/json"})


# ----------------------------------------------------------------------------- SMTP


class _Collect:
    def __init__(self, sink: list[EmailMessage], refuse: set[str]) -> None:
        self.sink = sink
        self.refuse = refuse

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, options: Any
    ) -> str:
        if address in self.refuse:
            return "550 5.1.1 no such user"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        msg = message_from_bytes(envelope.content, policy=policy.default)
        assert isinstance(msg, EmailMessage)
        self.sink.append(msg)
        return "250 Message accepted for delivery"


class SmtpServer:
    """aiosmtpd on 127.0.0.1 collecting every message it accepts."""

    def __init__(self, refuse: set[str] | None = None) -> None:
        self.messages: list[EmailMessage] = []
        self.port = free_port()
        self.controller = Controller(
            _Collect(self.messages, refuse or set()), hostname="127.0.0.1", port=self.port
        )

    def __enter__(self) -> SmtpServer:
        self.controller.start()
        return self

    def __exit__(self, *_: Any) -> None:
        self.controller.stop()


async def until(condition: Callable[[], bool], timeout: float = 10.0) -> bool:
    """Poll ``condition`` (a receiver filling up in its thread) until true or timeout."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        await asyncio.sleep(0.02)
    return condition()
