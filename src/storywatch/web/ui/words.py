"""The words a person reads for what the store keeps as machine words (pure).

Reasons, source formats, delivery states, subscription kinds and browser user agents are
stored the way the code needs them ("phrase", "rss20", "dead", "Mozilla/5.0 (X11; ...").
Pages show them through these functions so no internal word reaches a person. The live
feed draws the same reasons in JavaScript (``SW.reasonLabel`` in ``app.js``); the two are
kept in step by the browser test.
"""

from __future__ import annotations

import re
from typing import Any

from storywatch.reasons import REASON_TEMPLATES, reason_label

__all__ = ["REASON_TEMPLATES", "reason_label"]


def reasons_line(reasons: list[Any]) -> list[dict[str, str]]:
    """``[{"label", "detail", "kind"}]`` for the chips after "Matched:", repeats dropped."""
    out: list[dict[str, str]] = []
    seen: set[str] = set()
    for r in reasons:
        label = reason_label(str(r.kind), str(r.value))
        if label in seen:
            continue
        seen.add(label)
        out.append({"label": label, "detail": str(r.detail or ""), "kind": str(r.kind)})
    return out


SOURCE_FORMATS = {
    "rss090": "RSS 0.90 feed",
    "rss091": "RSS 0.91 feed",
    "rss091n": "RSS 0.91 feed",
    "rss091u": "RSS 0.91 feed",
    "rss092": "RSS 0.92 feed",
    "rss093": "RSS 0.93 feed",
    "rss094": "RSS 0.94 feed",
    "rss10": "RSS 1.0 feed",
    "rss20": "RSS 2.0 feed",
    "rss": "RSS feed",
    "atom": "Atom feed",
    "atom03": "Atom 0.3 feed",
    "atom10": "Atom feed",
    "json": "JSON Feed",
    "json10": "JSON Feed",
    "json11": "JSON Feed",
    "rdf": "RDF feed",
    "cdf": "CDF feed",
}


def source_kind(kind: str, fmt: str | None) -> str:
    """What a source is, in words: "RSS 2.0 feed", "Atom feed", "Publisher API"."""
    if kind == "publisher":
        return "Publisher API"
    if fmt:
        return SOURCE_FORMATS.get(fmt.lower(), "Feed")
    return "Feed, format not known yet"


def delivery_status(status: str, attempts: int, error: str | None) -> tuple[str, str]:
    """A delivery's state as ``(badge class, words)``."""
    if status == "sent":
        return "sent", "sent"
    if status == "dead":
        return "dead", "gave up"
    if error or attempts:
        return "failing", "retrying"
    return "new", "waiting"


SUBSCRIPTION_KINDS = {
    "query": "search",
    "story": "story",
    "person": "person",
    "org": "organisation",
    "place": "place",
    "source": "source",
}


def subscription_kind(kind: str) -> str:
    return SUBSCRIPTION_KINDS.get(kind, kind)


_BROWSERS = (
    ("Edg/", "Edge"),
    ("OPR/", "Opera"),
    ("Firefox/", "Firefox"),
    ("Chromium/", "Chromium"),
    ("Chrome/", "Chrome"),
    ("Safari/", "Safari"),
    ("curl/", "curl"),
    ("python-httpx", "a script"),
)
_SYSTEMS = (
    ("Android", "Android"),
    ("iPhone", "iPhone"),
    ("iPad", "iPad"),
    ("Windows", "Windows"),
    ("Mac OS X", "Mac"),
    ("CrOS", "ChromeOS"),
    ("Linux", "Linux"),
)


def browser_name(user_agent: str | None) -> str:
    """ "Chrome on Linux" for a raw User-Agent header; "Unknown browser" when it says nothing."""
    ua = user_agent or ""
    if "HeadlessChrome" in ua:
        browser = "Headless Chrome"
    else:
        browser = next((name for mark, name in _BROWSERS if mark in ua), "")
    system = next((name for mark, name in _SYSTEMS if mark in ua), "")
    if browser and system:
        return f"{browser} on {system}"
    if browser or system:
        return browser or f"A browser on {system}"
    short = re.sub(r"\s+", " ", ua).strip()
    return short[:40] if short else "Unknown browser"
