"""Follows (M2) are plain queries: one field, one value.

Following a story, a person, an organisation, a place or a source stores an ordinary query
(``story:123``, ``person:"Mark Esper"``, ``org:Pentagon``, ``place:Iraq``, ``source:42``), so
follows need no second matching engine, are explained like any match, can be previewed, and
can be narrowed by hand later (``person:Esper withdrawal``). The ``subscriptions`` table keeps
the kind and the target beside the query so the web app can show "Following: Mark Esper".
"""

from __future__ import annotations

from storywatch.errors import InvalidInput
from storywatch.match.parse import parse_query
from storywatch.match.text import split_key, words

#: The kinds of follow, in the order the web app lists them.
FOLLOW_KINDS = ("story", "person", "org", "place", "source")


def follow_query(kind: str, target: str | int) -> str:
    """The query text that follows ``target``.

    ``target`` is a story id for ``story``; an entity key (``person:mark-esper``) or a
    display name (``Mark Esper``) for ``person``, ``org`` and ``place``; a source id or a
    source name for ``source``. Raises :class:`~storywatch.errors.InvalidInput` otherwise.
    """
    if kind not in FOLLOW_KINDS:
        raise InvalidInput(f"cannot follow a {kind!r}; the kinds are {', '.join(FOLLOW_KINDS)}")
    value = str(target).strip()
    if kind == "story":
        if not value.isdigit():
            raise InvalidInput(f"a story follow needs a story id, not {value!r}")
        return f"story:{int(value)}"
    if kind == "source" and value.isdigit():
        return f"source:{int(value)}"
    key_kind, slug = split_key(value) if ":" in value else ("", "")
    if key_kind == kind:
        value = slug
    name = " ".join(value.replace('"', " ").split())
    if not words(name):
        raise InvalidInput(f"a {kind} follow needs a name with letters or digits")
    text = f'{kind}:"{name}"' if " " in name else f"{kind}:{name}"
    parse_query(text)
    return text
