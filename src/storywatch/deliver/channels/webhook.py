"""Webhooks signed the Standard Webhooks way, with a secret per endpoint.

Each request carries ``webhook-id`` (the delivery's idempotency key, identical on every
retry, so a receiver drops repeats), ``webhook-timestamp`` (seconds since the epoch) and
``webhook-signature`` (``v1,<base64 HMAC-SHA256 of "id.timestamp.body">``), which any Standard
Webhooks library verifies. The body is JSON: ``{"type", "timestamp", "data"}`` where ``data``
is the notification as the API shows it (a digest adds ``items``).
"""

from __future__ import annotations

import base64
import json
import secrets
import time
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any, ClassVar
from urllib.parse import urlsplit

from standardwebhooks.webhooks import Webhook

from storywatch.deliver.channels.base import (
    Outgoing,
    Sent,
    http_failure_words,
    retry_after_seconds,
)
from storywatch.deliver.model import NotificationOut
from storywatch.errors import DeliveryError, InvalidInput, PermanentDeliveryError
from storywatch.store.channels import Channel

from .http import HttpClient


def new_secret() -> str:
    """A fresh endpoint secret in the Standard Webhooks format (``whsec_`` + base64)."""
    return "whsec_" + base64.b64encode(secrets.token_bytes(24)).decode()


class WebhookChannel:
    kind: ClassVar[str] = "webhook"

    def __init__(self, http: HttpClient, clock: Callable[[], datetime]) -> None:
        self.http = http
        self.clock = clock

    def validate(
        self, config: Mapping[str, Any], secret: str | None
    ) -> tuple[dict[str, Any], str | None]:
        url = str(config.get("url") or "")
        parts = urlsplit(url)
        if parts.scheme not in ("https", "http") or not parts.netloc:
            raise InvalidInput("A webhook needs an http(s) 'url'.")
        if secret:
            try:
                Webhook(secret)
            except Exception as exc:
                raise InvalidInput(
                    "The webhook secret must be base64, optionally prefixed with 'whsec_'."
                ) from exc
        clean: dict[str, Any] = {"url": url}
        if config.get("digest_only") is not None:
            clean["digest_only"] = bool(config.get("digest_only"))
        return clean, secret or new_secret()

    def describe(self, channel: Channel) -> str:
        parts = urlsplit(str(channel.config.get("url", "")))
        return f"webhook to {parts.scheme}://{parts.netloc}{parts.path}"

    def body(self, message: Outgoing, now: datetime) -> str:
        n = message.notification
        data = NotificationOut.from_stored(n).model_dump(mode="json")
        data["url"] = message.link
        kind = {"digest": "digest.created", "test": "channel.test"}.get(
            n.kind, "notification.created"
        )
        if message.is_digest:
            data["items"] = [
                NotificationOut.from_stored(i).model_dump(mode="json") for i in message.items
            ]
        return json.dumps(
            {"type": kind, "timestamp": now.astimezone(UTC).isoformat(), "data": data},
            separators=(",", ":"),
            ensure_ascii=False,
        )

    async def send(self, message: Outgoing) -> Sent:
        now = self.clock()
        body = self.body(message, now)
        secret = message.channel.secret
        if not secret:
            raise PermanentDeliveryError("This webhook has no signing secret; add it again.")
        signature = Webhook(secret).sign(message.idempotency_key, now, body)
        headers = {
            "Content-Type": "application/json",
            "webhook-id": message.idempotency_key,
            "webhook-timestamp": str(int(now.timestamp())),
            "webhook-signature": signature,
        }
        url = str(message.channel.config["url"])
        result = await self.http.request("POST", url, content=body.encode(), headers=headers)
        if 200 <= result.status < 300:
            return Sent(result.status, "accepted by the endpoint")
        words = http_failure_words("The webhook endpoint", result.status, result.body)
        if result.status == 410:
            raise PermanentDeliveryError(f"{words}; the endpoint says it is gone.", status_code=410)
        raise DeliveryError(
            words,
            retry_after=retry_after_seconds(result.headers, time.time()),
            status_code=result.status,
        )
