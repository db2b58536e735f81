"""How a notification reads on each kind of screen: a push, an e-mail, a digest.

Pure functions of the stored values. Pushes are short (push services cap payloads at 4 KB
and phones show two lines); e-mails carry the reasons and a link; digests list every item.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from storywatch.model import Reason
from storywatch.reasons import reasons_text
from storywatch.store.notifications import Notification

PUSH_BODY_LIMIT = 1000


def reasons_line(reasons: Sequence[Reason]) -> str:
    """``Matched “Velmora harbor”, Mark Esper`` (empty when there are none), in the words
    the web app uses (``storywatch.reasons``)."""
    return reasons_text(reasons)


def clip(text: str, limit: int) -> str:
    """At most ``limit`` characters, cut at a word with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return (cut or text[: limit - 1]) + "…"


def digest_title(items: Sequence[Notification], schedule: str) -> str:
    count = len(items)
    noun = "update" if count == 1 else "updates"
    return f"Your {schedule} digest: {count} {noun}"


def digest_text(items: Sequence[Notification], public_url: str) -> str:
    """The digest as plain text: one block per item, oldest first."""
    lines: list[str] = []
    for n in items:
        lines.append(f"• {n.title}")
        if n.body:
            lines.append(f"  {clip(n.body, 280)}")
        link = _abs(n.url, public_url)
        if link:
            lines.append(f"  {link}")
    return "\n".join(lines)


def alert_text(n: Notification, public_url: str) -> str:
    """An alert as the plain-text part of an e-mail."""
    parts = [n.title, "", n.body] if n.body else [n.title]
    why = reasons_line(n.reasons)
    if why:
        parts += ["", why]
    link = _abs(n.url, public_url)
    if link:
        parts += ["", link]
    return "\n".join(parts).strip() + "\n"


def alert_html(n: Notification, public_url: str) -> str:
    link = _abs(n.url, public_url)
    title = html.escape(n.title)
    head = f'<a href="{html.escape(link, quote=True)}">{title}</a>' if link else title
    body = f"<p>{html.escape(n.body)}</p>" if n.body else ""
    why = reasons_line(n.reasons)
    why_html = f'<p style="color:#555;font-size:90%">{html.escape(why)}</p>' if why else ""
    return _page(f"<h2>{head}</h2>{body}{why_html}")


def digest_html(items: Sequence[Notification], public_url: str, title: str) -> str:
    rows: list[str] = []
    for n in items:
        link = _abs(n.url, public_url)
        name = html.escape(n.title)
        head = f'<a href="{html.escape(link, quote=True)}">{name}</a>' if link else name
        body = f"<br>{html.escape(clip(n.body, 280))}" if n.body else ""
        rows.append(f"<li><strong>{head}</strong>{body}</li>")
    return _page(f"<h2>{html.escape(title)}</h2><ul>{''.join(rows)}</ul>")


def _page(inner: str) -> str:
    return (
        '<!doctype html><html><body style="font-family:sans-serif;max-width:40em">'
        f"{inner}</body></html>"
    )


def _abs(url: str | None, public_url: str) -> str | None:
    if not url:
        return None
    return public_url.rstrip("/") + url if url.startswith("/") else url
