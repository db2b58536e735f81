"""Apprise: any Apprise URL (Telegram, Slack, Matrix, Discord, Gotify, ...), for the long tail.

The URL holds the destination's credentials, so it is kept as the channel's secret and only
its scheme is ever shown. Apprise does its own networking, outside the guarded fetcher, so
the send runs inside :func:`storywatch.sources.pinned.refusing`: every lookup Apprise's
plugins make is checked against the address policy at the moment the connection uses it.
There is no earlier check whose answer a hostile name could change afterwards (DNS
rebinding), and redirects to private addresses are refused the same way.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

import apprise

from storywatch.deliver.channels.base import Outgoing, Sent
from storywatch.deliver.render import clip, digest_text, reasons_line
from storywatch.errors import DeliveryError, InvalidInput
from storywatch.errors import PermanentDeliveryError as Permanent
from storywatch.settings import Settings
from storywatch.sources.addresses import AddressPolicy
from storywatch.sources.pinned import refusing
from storywatch.store.channels import Channel


def _scheme(url: str) -> str:
    return url.split("://", 1)[0].lower() if "://" in url else "?"


class AppriseChannel:
    kind: ClassVar[str] = "apprise"

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def validate(
        self, config: Mapping[str, Any], secret: str | None
    ) -> tuple[dict[str, Any], str | None]:
        url = str(secret or config.get("url") or "").strip()
        if not url or not apprise.Apprise().add(url):
            raise InvalidInput(
                "Apprise does not recognise that URL; see the Apprise wiki for the format of "
                "each service (for example tgram://bottoken/ChatID)."
            )
        clean: dict[str, Any] = {"scheme": _scheme(url)}
        if config.get("digest_only") is not None:
            clean["digest_only"] = bool(config.get("digest_only"))
        return clean, url

    def describe(self, channel: Channel) -> str:
        return f"Apprise {channel.config.get('scheme', '?')}:// service"

    def _policy(self) -> AddressPolicy:
        return AddressPolicy(
            allow_private=self.settings.allow_private_addresses,
            allow_loopback=self.settings.allow_loopback,
        )

    async def send(self, message: Outgoing) -> Sent:
        url = message.channel.secret or ""
        notifier = apprise.Apprise()
        if not url or not notifier.add(url):
            raise Permanent("The Apprise URL of this channel is no longer valid; add it again.")
        n = message.notification
        if message.is_digest:
            body = digest_text(message.items, message.public_url) or n.body
        else:
            why = reasons_line(n.reasons)
            link = message.link or ""
            body = "\n".join(p for p in (clip(n.body or n.title, 3000), why, link) if p)
        kind = apprise.NotifyType.WARNING if n.urgent else apprise.NotifyType.INFO
        with refusing(self._policy()) as refused:
            result = await notifier.async_notify(
                body=body, title=clip(n.title, 250), notify_type=kind
            )
        if refused.reasons:
            raise Permanent(
                f"{refused.reasons[0]} Only public addresses are reached unless the "
                "administrator allows private ones."
            )
        if bool(result):
            return Sent(None, f"delivered by Apprise ({_scheme(url)})")
        raise DeliveryError(f"Apprise could not deliver to {_scheme(url)}://: {_why(result)}")


def _why(result: Any) -> str:
    """The last error Apprise logged for a failed send, or a generic phrase."""
    try:
        entries = list(result.logs())
    except Exception:
        entries = []
    for entry in reversed(entries):
        text = str(getattr(entry, "message", "") or entry).strip()
        if text:
            return clip(text, 300)
    return "the service did not accept the message"
