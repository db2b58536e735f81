"""Values shared by every stage of the data path.

Every stage takes and returns these frozen dataclasses, so a stage can be tested with plain
values and replaced without touching its neighbours. Nothing here does I/O. Times are always
timezone-aware UTC ``datetime`` values; a naive datetime anywhere is a bug.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import datetime
from enum import StrEnum
from operator import attrgetter
from typing import Any, Literal


class EntityKind(StrEnum):
    """The three kinds of named thing a follower can follow."""

    PERSON = "person"
    ORG = "org"
    PLACE = "place"


# --------------------------------------------------------------------------- sources


@dataclass(frozen=True, slots=True)
class Enclosure:
    """A media file attached to a feed item (podcast audio, a photo)."""

    url: str
    type: str | None = None
    length: int | None = None


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One item of a feed, normalised across RSS, Atom, RDF and JSON Feed.

    ``guid`` is always set: the item's own id when it has one, otherwise a stable digest of
    its link and title, so that the same GUID-less item is recognised on every poll.
    """

    guid: str
    url: str | None
    title: str
    summary_html: str = ""
    content_html: str = ""
    published: datetime | None = None
    updated: datetime | None = None
    authors: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    enclosures: tuple[Enclosure, ...] = ()
    language: str | None = None


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    """A whole feed document after parsing.

    ``malformed`` is set when the document was not well-formed but could still be read
    (the items found are kept); ``malformed_reason`` says why, in words.
    """

    url: str
    format: str  # e.g. "rss20", "atom10", "rdf", "json11"
    title: str = ""
    link: str | None = None
    language: str | None = None
    hubs: tuple[str, ...] = ()
    self_url: str | None = None
    ttl_seconds: int | None = None
    entries: tuple[FeedEntry, ...] = ()
    malformed: bool = False
    malformed_reason: str | None = None


@dataclass(frozen=True, slots=True)
class IncomingArticle:
    """An article as it arrives, before extraction: from a feed, a page, or the publisher API.

    ``html`` is the richest HTML we have (full content or the fetched page); ``text`` is set
    instead when a publisher sent plain text. ``needs_page`` asks the process stage to fetch
    ``url`` because the feed carried only a summary. ``updated`` marks a revised item: when
    its content differs from the stored copy it is stored again as a new revision.
    """

    guid: str
    url: str | None
    title: str
    html: str = ""
    text: str = ""
    summary: str = ""
    author: str | None = None
    published: datetime | None = None
    language: str | None = None
    categories: tuple[str, ...] = ()
    needs_page: bool = False
    updated: datetime | None = None  # set when the source says the item was revised


# --------------------------------------------------------------------------- extraction


@dataclass(frozen=True, slots=True)
class ExtractedArticle:
    """Clean text and metadata of one article page (X1–X3).

    ``removed`` lists the clutter lines taken out (subscribe prompts, captions, credits), so a
    person can see what was dropped and why the text is shorter than the page.
    """

    text: str
    title: str | None = None
    byline: str | None = None
    published: datetime | None = None
    language: str | None = None
    canonical_url: str | None = None
    image: str | None = None
    removed: tuple[str, ...] = ()


# --------------------------------------------------------------------------- understanding


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, organisation or place named in an article (U1).

    ``key`` is the identity shared across articles and outlets ("person:mark-esper"), so
    "Esper", "Mark Esper" and "Secretary of Defense Mark Esper" are one entity.
    """

    key: str
    name: str
    kind: EntityKind
    titles: tuple[str, ...] = ()
    mentions: tuple[str, ...] = ()
    count: int = 1

    def __reduce__(self) -> tuple[Any, ...]:
        # as plain values: a frozen dataclass's own pickling sets each field in Python, and
        # every article's entities cross from the worker processes to the story engine
        return (Entity, _ENTITY_VALUES(self))


@dataclass(frozen=True, slots=True)
class Statement:
    """Something someone said (U2): a direct quote or an attributed paraphrase.

    ``text`` is the content (for a direct quote, the words inside the quotation marks);
    ``start``/``end`` are its character offsets in the text it came from. ``speaker`` is the
    resolved name ("Mark Esper") even when the text says "he"; ``speaker_mention`` is what the
    text says. ``speaker_key`` links to :class:`Entity.key` when the speaker is a known entity.
    """

    text: str
    kind: Literal["direct", "indirect"]
    speaker: str | None
    start: int
    end: int
    speaker_key: str | None = None
    speaker_mention: str | None = None
    speaker_title: str | None = None
    cue: str | None = None

    def __reduce__(self) -> tuple[Any, ...]:
        # as plain values (see Entity.__reduce__)
        return (Statement, _STATEMENT_VALUES(self))


_ENTITY_FIELDS = tuple(f.name for f in fields(Entity))
# the fields' values as one tuple, read in C (``__reduce__`` runs for every entity sent)
_ENTITY_VALUES = attrgetter(*_ENTITY_FIELDS)
_STATEMENT_FIELDS = tuple(f.name for f in fields(Statement))
_STATEMENT_VALUES = attrgetter(*_STATEMENT_FIELDS)


@dataclass(frozen=True, slots=True)
class Understanding:
    """Everything the understand stage learns from one article's text (U1–U3)."""

    entities: tuple[Entity, ...] = ()
    statements: tuple[Statement, ...] = ()
    key_sentences: tuple[str, ...] = ()
    summary: str = ""
    language: str | None = None


# --------------------------------------------------------------------------- stories


@dataclass(frozen=True, slots=True)
class Reason:
    """One reason for a decision (a match, a story join), shown to people as is.

    ``kind`` is a short machine word ("term", "phrase", "person", "story", "entity",
    "statement", "time"); ``value`` the thing that matched; ``detail`` optional words.
    """

    kind: str
    value: str
    detail: str = ""


@dataclass(frozen=True, slots=True)
class StoryEvent:
    """A development, contradiction, revision or correction in a story's timeline (T4–T6)."""

    kind: Literal["development", "contradiction", "revision", "correction"]
    text: str
    article_ids: tuple[int, ...] = ()
    detail: dict[str, str] = field(default_factory=dict)
