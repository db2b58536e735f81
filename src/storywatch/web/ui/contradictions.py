"""Shape a contradiction event into two sides a person can read next to each other.

The stories stage records a contradiction as a story event whose ``detail`` names the two
statements: ``earlier`` / ``later`` (the texts) with ``earlier_speaker``, ``earlier_source``
and so on, and ``article_ids`` in the same order. Flat ``{side}_text`` keys, nested dicts and
the side names ``a``/``b`` and ``old``/``new`` are read too; failing all that, the two cited
articles stand in, so a contradiction is never hidden for want of detail.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from storywatch.store.stories import Event
from storywatch.web.ui.quotes import readable_quote

SIDE_NAMES = (("earlier", "later"), ("a", "b"), ("old", "new"), ("first", "second"))


QUOTES = '"“”„«»'


def _bare(text: str) -> str:
    """Text without the quotation marks around it (they are drawn by the page)."""
    return text.strip().strip(QUOTES).strip()


def distinct(shaped: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Drop repeats of the same pair of statements (either order), keeping the first."""
    seen: set[frozenset[str]] = set()
    out = []
    for item in shaped:
        key = frozenset(
            " ".join(_bare(item[s]["text"]).casefold().split()) for s in ("left", "right")
        )
        if key in seen:
            continue
        seen.add(key)
        out.append(item)
    return out


def _side(detail: dict[str, Any], name: str) -> dict[str, Any] | None:
    nested = detail.get(name)
    if isinstance(nested, dict):
        source = nested
        get = source.get
        text = get("text") or get("statement")
    else:
        prefix = f"{name}_"
        source = {k[len(prefix) :]: v for k, v in detail.items() if k.startswith(prefix)}
        get = source.get
        text = get("text") or get("statement")
        if text is None and isinstance(nested, str):
            text = nested
    if not text:
        return None
    article_id = get("article_id")
    at = get("at") or get("said_at")
    if isinstance(at, str):
        try:
            at = datetime.fromisoformat(at)
        except ValueError:
            at = None
    return {
        "text": str(text),
        "speaker": get("speaker"),
        "source": get("source") or get("outlet"),
        "article_id": int(str(article_id)) if str(article_id or "").isdigit() else None,
        "at": at if isinstance(at, datetime) and at.tzinfo else None,
    }


def speaker_name(value: Any, names: dict[str, str]) -> str | None:
    """A speaker as a person reads it: an entity key ("person:ilse-marrow") becomes its name."""
    if not value:
        return None
    text = str(value)
    if text in names:
        return names[text]
    kind, _, slug = text.partition(":")
    if slug and kind in {"person", "org", "place"} and " " not in text:
        return slug.replace("-", " ").title()
    return text


def sides(
    event: Event, titles: dict[int, tuple[str, str]], names: dict[str, str] | None = None
) -> dict[str, Any]:
    """``{"text", "left", "right"}`` for the template (pure)."""
    for left_name, right_name in SIDE_NAMES:
        left, right = _side(event.detail, left_name), _side(event.detail, right_name)
        if left and right:
            for side in (left, right):
                side["speaker"] = speaker_name(side["speaker"], names or {})
            ids = event.article_ids
            if ids and left["article_id"] is None:
                left["article_id"] = ids[0]
            if ids and right["article_id"] is None:
                right["article_id"] = ids[-1]
            for side in (left, right):
                if not side["source"] and side["article_id"] in titles:
                    side["source"] = titles[side["article_id"]][1]
            # the event text often quotes both sides already; then the sides say it all
            text = "" if _bare(left["text"]) in event.text else event.text
            for side in (left, right):
                side["text"], side["quoted"] = readable_quote(side["text"], sentence=True)
            return {
                "text": text,
                "heading": heading(
                    left["speaker"] or _report(left["source"]),
                    right["speaker"] or _report(right["source"]),
                ),
                "left": left,
                "right": right,
            }
    ids = event.article_ids
    fallback = []
    for aid in ids[:2]:
        title, outlet = titles.get(aid, ("", ""))
        fallback.append(
            {
                "text": title,
                "quoted": False,
                "speaker": None,
                "source": outlet,
                "article_id": aid,
                "at": None,
            }
        )
    while len(fallback) < 2:
        fallback.append(
            {
                "text": event.text,
                "quoted": False,
                "speaker": None,
                "source": None,
                "article_id": None,
                "at": None,
            }
        )
    return {
        "text": event.text,
        "heading": "Two reports disagree",
        "left": fallback[0],
        "right": fallback[1],
    }


def _report(outlet: str | None) -> str | None:
    return f"A report in {outlet}" if outlet else None


def heading(earlier: str | None, later: str | None) -> str:
    """Who contradicts whom, in a few words: "Ilse Marrow vs. Teodor Vasko"."""
    if earlier and later and earlier.casefold() == later.casefold():
        return f"{earlier} said one thing, then another"
    if earlier or later:
        return f"{earlier or 'An earlier report'} vs. {later or 'a later report'}"
    return "Two reports disagree"
