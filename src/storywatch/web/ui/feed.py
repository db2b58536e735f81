"""The live feed as a person wants it: one card per story, its latest development on top.

A story that moves five times is one card whose newest push leads and whose earlier ones
fold under it, the way the phone replaces a push by its story tag; a notification about no
story (a digest, an article outside any story) is a card of its own. ``live.js`` keeps the
same shape when new notifications arrive over the live stream (pure).
"""

from __future__ import annotations

from typing import Any


def group_by_story(notes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Cards, newest first: ``{"story_id", "title", "href", "urgent", "latest", "earlier"}``.

    ``notes`` come newest first; a card's title is its newest notification's title, the
    story's name as the push gave it.
    """
    cards: list[dict[str, Any]] = []
    by_story: dict[int, dict[str, Any]] = {}
    for note in notes:
        story_id = note.get("story_id")
        card = by_story.get(story_id) if story_id else None
        if card is None:
            card = {
                "story_id": story_id,
                "title": note["title"],
                "href": note["href"],
                "urgent": bool(note.get("urgent")),
                "latest": note,
                "earlier": [],
            }
            cards.append(card)
            if story_id:
                by_story[story_id] = card
        else:
            card["earlier"].append(note)
            card["urgent"] = card["urgent"] or bool(note.get("urgent"))
    return cards
