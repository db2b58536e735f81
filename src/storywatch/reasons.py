"""How a reason for a match reads to a person, wherever it is shown (pure).

Reasons are stored as machine words (``Reason("phrase", "Velmora harbor")``); the web
pages, the live feed, e-mails, ntfy, Apprise and webhooks' text all say them the same way:
Matched “Velmora harbor”, Teodor Vasko, from Harborline, a story you follow.
"""

from __future__ import annotations

from collections.abc import Iterable

from storywatch.model import Reason

REASON_TEMPLATES = {
    "term": "“{value}”",
    "phrase": "“{value}”",
    "title": "“{value}” in the title",
    "prefix": "{value}",
    "person": "{value}",
    "org": "{value}",
    "place": "{value}",
    "entity": "{value}",
    "source": "from {value}",
    "story": "a story you follow",
    "lang": "language {value}",
}


def reason_label(kind: str, value: str) -> str:
    """One reason as a short phrase: “Velmora harbor”, Teodor Vasko, from Harborline."""
    template = REASON_TEMPLATES.get(kind, "{value}")
    return template.format(value=value.strip('"“” '))


def reasons_text(reasons: Iterable[Reason], limit: int = 6) -> str:
    """``Matched “Velmora harbor”, a story you follow`` (empty when there are none)."""
    labels: list[str] = []
    for reason in reasons:
        label = reason_label(reason.kind, reason.value)
        if label not in labels:
            labels.append(label)
    return ("Matched " + ", ".join(labels[:limit])) if labels else ""
