"""E-mail over SMTP (aiosmtplib): a text part, an HTML part, and one-click unsubscribe.

The server is the operator's (``smtp_*`` settings); a user's channel only names the address.
Each message has a ``Message-ID`` built from the idempotency key (a retry re-sends the same
id, which mail systems use to drop repeats) and, for a story that keeps moving, ``References``
to the thread's first message so mail clients group the updates. ``List-Unsubscribe`` with
``List-Unsubscribe-Post`` (RFC 8058) points at a signed link that turns the channel off.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from collections.abc import Mapping
from email.message import EmailMessage
from email.utils import format_datetime
from typing import Any, ClassVar

import aiosmtplib

from storywatch.deliver.channels.base import Outgoing, Sent
from storywatch.deliver.policy import short_id
from storywatch.deliver.render import (
    alert_html,
    alert_text,
    digest_html,
    digest_text,
)
from storywatch.errors import DeliveryError, InvalidInput, PermanentDeliveryError
from storywatch.settings import Settings
from storywatch.store.channels import Channel

ADDRESS = re.compile(r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$|^[^@\s<>]+@localhost$")


def unsubscribe_token(channel_id: int, secret: str) -> str:
    """The token of a channel's unsubscribe link (an HMAC, so links cannot be forged)."""
    mac = hmac.new(secret.encode(), f"unsubscribe:{channel_id}".encode(), hashlib.sha256)
    return mac.hexdigest()[:32]


def check_unsubscribe(channel_id: int, secret: str | None, token: str) -> bool:
    return bool(secret) and hmac.compare_digest(unsubscribe_token(channel_id, secret or ""), token)


class EmailChannel:
    kind: ClassVar[str] = "email"

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def validate(
        self, config: Mapping[str, Any], secret: str | None
    ) -> tuple[dict[str, Any], str | None]:
        to = str(config.get("to") or "").strip()
        if not ADDRESS.match(to):
            raise InvalidInput("An e-mail channel needs a valid 'to' address.")
        clean: dict[str, Any] = {"to": to}
        if config.get("digest_only") is not None:
            clean["digest_only"] = bool(config.get("digest_only"))
        # the secret signs this channel's unsubscribe links
        return clean, secret or secrets.token_urlsafe(24)

    def describe(self, channel: Channel) -> str:
        return f"e-mail to {channel.config.get('to')}"

    def _domain(self) -> str:
        return self.settings.smtp_from.rsplit("@", 1)[-1] or "storywatch.local"

    def build(self, message: Outgoing) -> EmailMessage:
        n = message.notification
        channel = message.channel
        mail = EmailMessage()
        mail["From"] = self.settings.smtp_from
        mail["To"] = str(channel.config["to"])
        mail["Subject"] = n.title
        mail["Date"] = format_datetime(n.created_at)
        mail["Message-ID"] = f"<{message.idempotency_key}@{self._domain()}>"
        if n.thread_key and not message.is_digest:
            first = f"<thread-{short_id(n.thread_key)}@{self._domain()}>"
            mail["In-Reply-To"] = first
            mail["References"] = first
        mail["X-Storywatch-Notification"] = str(n.id)
        if channel.secret:
            link = (
                f"{message.public_url}/api/v1/channels/{channel.id}/unsubscribe"
                f"?token={unsubscribe_token(channel.id, channel.secret)}"
            )
            mail["List-Unsubscribe"] = f"<{link}>"
            mail["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
        if message.is_digest:
            mail.set_content(digest_text(message.items, message.public_url) + "\n")
            mail.add_alternative(
                digest_html(message.items, message.public_url, n.title), subtype="html"
            )
        else:
            mail.set_content(alert_text(n, message.public_url))
            mail.add_alternative(alert_html(n, message.public_url), subtype="html")
        return mail

    async def send(self, message: Outgoing) -> Sent:
        settings = self.settings
        if not settings.smtp_host:
            raise DeliveryError(
                "No SMTP server is configured (set STORYWATCH_SMTP_HOST); will retry."
            )
        mail = self.build(message)
        try:
            await aiosmtplib.send(
                mail,
                hostname=settings.smtp_host,
                port=settings.smtp_port,
                username=settings.smtp_username,
                password=settings.smtp_password,
                start_tls=settings.smtp_starttls,
                timeout=settings.fetch_timeout_seconds,
            )
        except aiosmtplib.SMTPRecipientsRefused as exc:
            raise PermanentDeliveryError(
                f"The mail server refused the address {mail['To']}: {exc}"
            ) from exc
        except aiosmtplib.SMTPResponseException as exc:
            words = f"The mail server answered {exc.code}: {exc.message}"
            if 500 <= exc.code < 600:
                raise PermanentDeliveryError(words, status_code=exc.code) from exc
            raise DeliveryError(words, status_code=exc.code) from exc
        except (aiosmtplib.SMTPException, OSError) as exc:
            raise DeliveryError(f"Could not talk to the mail server: {exc}") from exc
        return Sent(250, f"accepted for {mail['To']}")


__all__ = ["EmailChannel", "check_unsubscribe", "unsubscribe_token"]
