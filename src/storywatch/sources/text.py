"""Small pure helpers for feed fields: HTML titles to text, dates, author names, GUIDs."""

from __future__ import annotations

import hashlib
import html
import re
import time
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Any

import feedparser.datetimes

_SCRIPTS = re.compile(r"<(script|style)\b.*?</\1\s*>", re.DOTALL | re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")
_LOOKS_HTML = re.compile(r"<[A-Za-z/!]|&[#A-Za-z0-9]+;")
_EMAIL_NAME = re.compile(r"^\s*[^\s@()]+@[^\s@()]+\s*\((?P<name>[^)]+)\)\s*$")
_NAME_EMAIL = re.compile(r"^\s*(?P<name>[^<]+?)\s*<[^>]+@[^>]+>\s*$")

# Zone abbreviations seen in real feeds, as +hhmm (RFC 822 itself names only the US ones).
_ZONES = {
    "UT": "+0000", "UTC": "+0000", "GMT": "+0000", "Z": "+0000", "WET": "+0000",
    "EST": "-0500", "EDT": "-0400", "CST": "-0600", "CDT": "-0500", "MST": "-0700",
    "MDT": "-0600", "PST": "-0800", "PDT": "-0700", "AKST": "-0900", "AKDT": "-0800",
    "HST": "-1000", "AST": "-0400", "ADT": "-0300", "NST": "-0330", "NDT": "-0230",
    "BRT": "-0300", "ART": "-0300", "WEST": "+0100", "BST": "+0100", "CET": "+0100",
    "MET": "+0100", "CEST": "+0200", "MEST": "+0200", "EET": "+0200", "EEST": "+0300",
    "MSK": "+0300", "IST": "+0530", "PKT": "+0500", "ICT": "+0700", "WIB": "+0700",
    "HKT": "+0800", "SGT": "+0800", "AWST": "+0800", "JST": "+0900", "KST": "+0900",
    "ACST": "+0930", "AEST": "+1000", "AEDT": "+1100", "NZST": "+1200", "NZDT": "+1300",
}  # fmt: skip
_TRAILING_ZONE = re.compile(r"\s([A-Za-z]{1,5})\s*$")

# Dates before the web or more than a year ahead are typos or placeholders, not publish times.
_EARLIEST = datetime(1990, 1, 1, tzinfo=UTC)
_AHEAD = timedelta(days=366)


def html_to_text(value: str) -> str:
    """Plain text of a short HTML fragment (a title): tags dropped, entities decoded."""
    if not value:
        return ""
    if _LOOKS_HTML.search(value):
        value = _SCRIPTS.sub(" ", value)
        value = _TAG.sub("", value)
        value = html.unescape(value)
    return _SPACE.sub(" ", value).strip()


def struct_to_datetime(value: Any) -> datetime | None:
    """A ``time.struct_time`` in UTC (what feedparser gives) as an aware datetime."""
    if not isinstance(value, time.struct_time):
        return None
    try:
        return datetime(*value[:6], tzinfo=UTC)
    except (ValueError, OverflowError):
        return None


def parse_date(raw: str | None) -> datetime | None:
    """A date in any common feed format and zone (RFC 822/2822, RFC 3339, W3CDTF, ...)."""
    if not raw or not raw.strip():
        return None
    text = raw.strip()
    parsed: datetime | None = None
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        zone = _TRAILING_ZONE.search(text)
        if zone and zone.group(1).upper() in _ZONES:
            text = text[: zone.start(1)] + _ZONES[zone.group(1).upper()]
        try:
            parsed = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            parsed = None
    if parsed is None:
        try:
            parsed = struct_to_datetime(feedparser.datetimes._parse_date(text))
        except Exception:
            parsed = None
    if parsed is None:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def plausible(when: datetime | None, now: datetime | None = None) -> datetime | None:
    """``when`` unless it is before 1990 or more than a year in the future."""
    if when is None:
        return None
    now = now or datetime.now(UTC)
    if when < _EARLIEST or when > now + _AHEAD:
        return None
    return when


def author_name(raw: str | None) -> str | None:
    """ "jane@example.com (Jane Doe)" and "Jane Doe <jane@…>" → "Jane Doe"."""
    if not raw:
        return None
    text = html_to_text(raw)
    for pattern in (_EMAIL_NAME, _NAME_EMAIL):
        match = pattern.match(text)
        if match:
            return match.group("name").strip()
    return text or None


def stable_guid(link: str | None, title: str, extra: str = "") -> str:
    """An id for an item that has none: the same link and title give the same id every poll."""
    digest = hashlib.sha256(f"{link or ''}\n{title}\n{extra if not link else ''}".encode())
    return "sw:" + digest.hexdigest()[:40]
