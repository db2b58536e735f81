"""ntfy: publish to a topic on an ntfy server (ntfy.sh or self-hosted).

A message is an HTTP POST to ``<server>/<topic>`` with the text as the body and the rest in
headers: ``Title``, ``Priority`` (5 for urgent, 3 normal, 2 digests), ``Tags``, ``Click``
(the story link) and ``X-Sequence-ID``. The sequence id is the notification's thread, so when
a story moves again within the coalescing window ntfy updates the notification already on the
phone instead of adding another (ntfy 2.16+; older servers show a second one). Header values
that are not ASCII are sent RFC 2047-encoded, which ntfy decodes.
"""

from __future__ import annotations

import base64
import re
import time
from collections.abc import Mapping
from typing import Any, ClassVar
from urllib.parse import quote, urlsplit

from storywatch.deliver.channels.base import (
    Outgoing,
    Sent,
    http_failure_words,
    retry_after_seconds,
)
from storywatch.deliver.policy import short_id
from storywatch.deliver.render import clip, digest_text, reasons_line
from storywatch.errors import DeliveryError, InvalidInput, PermanentDeliveryError
from storywatch.store.channels import Channel

from .http import HttpClient

TOPIC = re.compile(r"^[-_A-Za-z0-9]{1,64}$")


def header_text(value: str) -> str:
    """A header value as is when ASCII, else RFC 2047 ``=?UTF-8?B?...?=``."""
    value = " ".join(value.split())
    if value.isascii():
        return value
    return "=?UTF-8?B?" + base64.b64encode(value.encode()).decode() + "?="


def sequence_id(message: Outgoing) -> str:
    """The id that makes ntfy update a notification in place: one per thread."""
    n = message.notification
    return "sw" + short_id(n.thread_key or f"n{n.id}", 24)


class NtfyChannel:
    kind: ClassVar[str] = "ntfy"

    def __init__(self, http: HttpClient) -> None:
        self.http = http

    def validate(
        self, config: Mapping[str, Any], secret: str | None
    ) -> tuple[dict[str, Any], str | None]:
        server = str(config.get("server") or "https://ntfy.sh").rstrip("/")
        parts = urlsplit(server)
        if parts.scheme not in ("https", "http") or not parts.netloc:
            raise InvalidInput("The ntfy 'server' must be an http(s) URL, like https://ntfy.sh.")
        topic = str(config.get("topic") or "")
        if not TOPIC.match(topic):
            raise InvalidInput("The ntfy 'topic' must be 1-64 letters, digits, '-' or '_'.")
        clean: dict[str, Any] = {"server": server, "topic": topic}
        if config.get("priority") is not None:
            try:
                priority = int(config.get("priority") or 3)
            except (TypeError, ValueError):
                priority = 0
            if not 1 <= priority <= 5:
                raise InvalidInput("The ntfy 'priority' must be between 1 and 5.")
            clean["priority"] = priority
        if config.get("digest_only") is not None:
            clean["digest_only"] = bool(config.get("digest_only"))
        return clean, secret or None

    def describe(self, channel: Channel) -> str:
        host = urlsplit(str(channel.config.get("server", ""))).netloc
        return f"ntfy topic {channel.config.get('topic')} on {host}"

    def request_parts(self, message: Outgoing) -> tuple[str, bytes, dict[str, str]]:
        n = message.notification
        config = message.channel.config
        url = f"{config['server']}/{quote(str(config['topic']))}"
        if message.is_digest:
            text = digest_text(message.items, message.public_url) or n.body
            priority = 2
        else:
            why = reasons_line(n.reasons)
            text = clip(n.body or n.title, 3000) + (f"\n{why}" if why else "")
            priority = 5 if n.urgent else int(config.get("priority", 3))
        tags = ["newspaper"] + (["rotating_light"] if n.urgent else [])
        headers = {
            "Title": header_text(clip(n.title, 250)),
            "Priority": str(priority),
            "Tags": ",".join(tags),
            "X-Sequence-ID": sequence_id(message),
            "Content-Type": "text/plain; charset=utf-8",
        }
        if message.link:
            headers["Click"] = message.link
        if message.channel.secret:
            headers["Authorization"] = f"Bearer {message.channel.secret}"
        return url, text.encode(), headers

    async def send(self, message: Outgoing) -> Sent:
        url, body, headers = self.request_parts(message)
        result = await self.http.request("POST", url, content=body, headers=headers)
        if 200 <= result.status < 300:
            return Sent(result.status, "published to the topic")
        words = http_failure_words("The ntfy server", result.status, result.body)
        if result.status in (401, 403):
            raise PermanentDeliveryError(
                f"{words}. Check the access token for this topic.", status_code=result.status
            )
        raise DeliveryError(
            words,
            retry_after=retry_after_seconds(result.headers, time.time()),
            status_code=result.status,
        )
