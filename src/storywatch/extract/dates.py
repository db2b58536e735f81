"""Publication dates from the strings pages put in meta tags, JSON-LD and ``<time>``.

Every date leaving this module is timezone-aware UTC (the model's rule). A value without a
zone is read as UTC, which is what most CMSs mean and what keeps dates comparable across
outlets. Implausible dates (before the web had news sites, or days in the future) are
dropped: a wrong date is worse than none, because it reorders a story's timeline.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime

_EARLIEST = datetime(1993, 1, 1, tzinfo=UTC)
_FUTURE_SLACK = timedelta(days=2)

_COMPACT_ZONE = re.compile(r"([+-]\d{2})(\d{2})$")
_FRACTION = re.compile(r"(\.\d{1,6})\d*")
_DMY = re.compile(r"^(\d{1,2})[./](\d{1,2})[./](\d{4})$")
_YMD_SLASH = re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})")
_DIGITS_ONLY = re.compile(r"^\d{10,13}$")
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january", "januar", "janvier", "enero"),
            ("feb", "february", "februar", "février", "febrero"),
            ("mar", "march", "märz", "mars", "marzo"),
            ("apr", "april", "avril", "abril"),
            ("may", "mai", "mayo"),
            ("jun", "june", "juni", "juin", "junio"),
            ("jul", "july", "juli", "juillet", "julio"),
            ("aug", "august", "août", "agosto"),
            ("sep", "sept", "september", "septembre", "septiembre"),
            ("oct", "october", "oktober", "octobre", "octubre"),
            ("nov", "november", "novembre", "noviembre"),
            ("dec", "december", "dezember", "décembre", "diciembre"),
        ),
        start=1,
    )
    for name in names
}
_MONTH_FIRST = re.compile(r"\b([A-Za-zéû]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
_DAY_FIRST = re.compile(r"\b(\d{1,2})\.?\s+(?:de\s+)?([A-Za-zéûä]{3,10})\.?\s+(?:de\s+)?(\d{4})\b")


def _aware(value: datetime) -> datetime:
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def _iso(text: str) -> datetime | None:
    cleaned = text.strip()
    if re.match(r"\d{4}-\d\d-\d\d \d", cleaned):
        cleaned = cleaned.replace(" ", "T", 1)
    if cleaned.endswith(("Z", "z")):
        cleaned = cleaned[:-1] + "+00:00"
    cleaned = _COMPACT_ZONE.sub(r"\1:\2", cleaned) if "T" in cleaned else cleaned
    cleaned = _FRACTION.sub(r"\1", cleaned)
    try:
        return datetime.fromisoformat(cleaned)
    except ValueError:
        return None


def parse_date(text: str | None, *, now: datetime | None = None) -> datetime | None:
    """A plausible aware UTC datetime from a date string, or None.

    Understands ISO 8601 (with or without zone, fraction or seconds), RFC 2822 (feeds and
    HTTP), Unix timestamps in seconds or milliseconds, ``YYYY/MM/DD`` and ``DD.MM.YYYY``.
    """
    if not text:
        return None
    text = text.strip()[:64]
    if not text:
        return None
    value: datetime | None = _iso(text)
    if value is None and _DIGITS_ONLY.match(text):
        seconds = int(text) / (1000 if len(text) == 13 else 1)
        try:
            value = datetime.fromtimestamp(seconds, tz=UTC)
        except (OverflowError, OSError, ValueError):
            value = None
    if value is None and (match := _YMD_SLASH.match(text)):
        value = _safe(int(match[1]), int(match[2]), int(match[3]))
    if value is None and (match := _DMY.match(text)):
        value = _safe(int(match[3]), int(match[2]), int(match[1]))
    if value is None and ("," in text or text[:3].isalpha()):
        try:
            value = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            value = None
    if value is None:
        value = _month_name_date(text)
    if value is None:
        return None
    value = _aware(value)
    limit = (now or datetime.now(UTC)) + _FUTURE_SLACK
    if value < _EARLIEST or value > limit:
        return None
    return value


def _safe(year: int, month: int, day: int) -> datetime | None:
    try:
        return datetime(year, month, day, tzinfo=UTC)
    except ValueError:
        return None


def _month_name_date(text: str) -> datetime | None:
    """Dates written with a month name ("January 7, 2020", "7. Januar 2020"), day precision."""
    match = _MONTH_FIRST.search(text)
    if match and match[1].lower() in _MONTHS:
        return _safe(int(match[3]), _MONTHS[match[1].lower()], int(match[2]))
    match = _DAY_FIRST.search(text)
    if match and match[2].lower() in _MONTHS:
        return _safe(int(match[3]), _MONTHS[match[2].lower()], int(match[1]))
    return None
