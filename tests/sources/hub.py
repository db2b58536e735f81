"""A WebSub hub for tests that speaks the protocol: verification of intent, signed pushes."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
from dataclasses import dataclass, field
from urllib.parse import parse_qs

import httpx

from tests.support.httpserver import LocalServer, Request, Response


@dataclass
class Subscription:
    callback: str
    topic: str
    secret: str
    lease_seconds: int


@dataclass
class LocalHub:
    """Mount with ``hub.mount(server)``; the hub URL is ``server.url('/hub')``."""

    subscriptions: dict[str, Subscription] = field(default_factory=dict)
    requests: list[dict[str, str]] = field(default_factory=list)
    verified: threading.Event = field(default_factory=threading.Event)
    unsubscribed: threading.Event = field(default_factory=threading.Event)
    refused_verifications: int = 0

    def mount(self, server: LocalServer) -> None:
        server.route("/hub", self._handle)

    def _handle(self, req: Request) -> Response:
        form = {k: v[0] for k, v in parse_qs(req.body.decode()).items()}
        self.requests.append(form)
        if form.get("hub.mode") not in ("subscribe", "unsubscribe") or "hub.callback" not in form:
            return Response(400, b"bad request")
        threading.Thread(target=self._verify, args=(form,), daemon=True).start()
        return Response(202, b"")

    def _verify(self, form: dict[str, str]) -> None:
        challenge = secrets.token_urlsafe(16)
        params = {
            "hub.mode": form["hub.mode"],
            "hub.topic": form["hub.topic"],
            "hub.challenge": challenge,
        }
        if form["hub.mode"] == "subscribe":
            params["hub.lease_seconds"] = form.get("hub.lease_seconds", "3600")
        answer = httpx.get(form["hub.callback"], params=params, timeout=10)
        if answer.status_code // 100 != 2 or answer.text != challenge:
            self.refused_verifications += 1
            return
        if form["hub.mode"] == "subscribe":
            self.subscriptions[form["hub.callback"]] = Subscription(
                form["hub.callback"],
                form["hub.topic"],
                form.get("hub.secret", ""),
                int(params["hub.lease_seconds"]),
            )
            self.verified.set()
        else:
            self.subscriptions.pop(form["hub.callback"], None)
            self.unsubscribed.set()

    def publish(
        self, topic: str, body: bytes, *, algorithm: str = "sha256", forge: bool = False
    ) -> list[httpx.Response]:
        """Push ``body`` to every subscriber of ``topic``, signed with its secret."""
        sent = []
        for sub in list(self.subscriptions.values()):
            if sub.topic != topic:
                continue
            key = b"wrong" if forge else sub.secret.encode()
            digest = hmac.new(key, body, getattr(hashlib, algorithm)).hexdigest()
            sent.append(
                httpx.post(
                    sub.callback,
                    content=body,
                    headers={
                        "Content-Type": "application/rss+xml",
                        "X-Hub-Signature": f"{algorithm}={digest}",
                        "Link": f'<{topic}>; rel="self"',
                    },
                    timeout=10,
                )
            )
        return sent
