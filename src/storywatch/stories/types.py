"""The values the stories stage takes and gives: one article in, one decision out.

The pipeline reads an article and its understanding from the store, builds a
:class:`StoryDoc`, asks the engine to ``decide`` (pure read), stores the result (which is
where a new story gets its id), then tells the engine to ``apply`` it. Keeping the decision a
plain value means the store can persist it, a person can read it, and a test can compare it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from storywatch.model import Entity, Reason, Statement, StoryEvent


@dataclass(frozen=True, slots=True)
class StoryDoc:
    """What the pipeline hands the engine for one article.

    ``published`` must be timezone-aware; the pipeline should clamp it to the arrival time
    when a feed claims a future date, since it drives the window and the timeline.
    ``entities``, ``statements`` and ``key_sentences`` come from ``storywatch.understand``;
    they may be empty (the engine then works from the text alone).
    """

    article_id: int
    source: str
    url: str | None
    title: str
    text: str
    published: datetime
    entities: tuple[Entity, ...] = ()
    statements: tuple[Statement, ...] = ()
    key_sentences: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Novelty:
    """What an article adds to its story (T4), compared with what the story already had.

    ``new_sentences`` carry words the story had not used; ``repeated`` counts the sentences
    that said what an earlier article had said. ``new_numbers`` are the number phrases as
    written ("14 people"), each new to the story.
    """

    new_sentences: tuple[str, ...] = ()
    new_statements: tuple[Statement, ...] = ()
    new_numbers: tuple[str, ...] = ()
    repeated: int = 0

    @property
    def empty(self) -> bool:
        return not (self.new_sentences or self.new_statements or self.new_numbers)


@dataclass(frozen=True, slots=True)
class StoryDecision:
    """What the engine decided for one article; apply it with :meth:`StoryEngine.apply`.

    ``story_id`` is the existing story to join, or None to start a new one (the store then
    assigns the id). ``score`` is the join score that was compared with the threshold.
    ``headline`` says in one line what the article adds (its first new statement as
    "Speaker: “words”", else its first new sentence, else the sentence of its first new
    number, else its title): never empty, so it can be the text of a development.
    ``copies`` are the articles already held that carry this article's text but were
    published after it (they arrived first): this article is now their original, so the
    store should point them at it (T2 provenance does not depend on arrival order).
    """

    duplicate_of: int | None
    duplicate_kind: Literal["exact", "near"] | None
    story_id: int | None
    reasons: tuple[Reason, ...]
    novelty: Novelty
    is_development: bool
    events: tuple[StoryEvent, ...]
    score: float = 0.0
    headline: str = ""
    copies: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Provenance:
    """Who published a text first and who carried copies of it (T2)."""

    original: int
    original_source: str
    copies: tuple[tuple[int, str], ...] = ()


@dataclass(frozen=True, slots=True)
class TimelineItem:
    """One entry of a story's timeline, citing the articles it comes from (T6)."""

    when: datetime
    kind: Literal["start", "development", "contradiction", "revision", "correction"]
    text: str
    article_ids: tuple[int, ...]
    sources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class StorySummary:
    """A story as a person reads it: a title, a short summary, and the timeline (T6)."""

    story_id: int
    title: str
    summary: str
    timeline: tuple[TimelineItem, ...]
    article_ids: tuple[int, ...]
    sources: tuple[str, ...]
    first_seen: datetime
    last_seen: datetime
    contradictions: tuple[StoryEvent, ...] = ()
