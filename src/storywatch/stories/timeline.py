"""Story title, summary and timeline of developments, each item citing its articles (T6).

``summarize_story`` is a pure function of what the engine remembers about a story's
articles, so the web page, the API and a notification all describe a story the same way.

- The title is the headline of the *earliest* development that is nearly as central as the
  most central one (within :data:`TITLE_SHARE` of its cosine to the centroid). Candidates
  are original reports that are developments; copies are not, and neither are recaps
  (an article that restates at least :data:`RECAP_RESTATED` times as many sentences as it
  adds, even when it adds a figure): a recap restates everything, so it is always the most
  central article, and it would rename the story each time one arrived. Preferring the
  earliest near-best keeps the name a story got from its first developments while its
  articles are still mostly about that, and moves it only when the story has moved on (the
  centroid has left its first reports behind): a story that starts as "fire at Pier 9" and
  becomes "harbor to reopen" is named by what most of its articles are about.
- The summary is the lead of the first report and, when the story has moved since, its
  latest development.
- The timeline has one item per development (wire copies folded into the item of the text
  they copy, so every item cites all the outlets that carried it) and one per contradiction,
  revision and correction.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from storywatch.model import StoryEvent
from storywatch.stories.types import (
    Novelty,
    StoryDecision,
    StoryDoc,
    StorySummary,
    TimelineItem,
)
from storywatch.stories.vectors import Vector, dot

SUMMARY_CHARS = 480
UNTITLED = "(untitled)"
TITLE_SHARE = 0.9
RECAP_RESTATED = 2


@dataclass(frozen=True, slots=True)
class ArticleRecord:
    """What a story keeps of one of its articles for its timeline and title."""

    article_id: int
    source: str
    title: str
    url: str | None
    published: datetime
    duplicate_of: int | None
    duplicate_kind: Literal["exact", "near"] | None
    is_development: bool
    highlight: str
    lead: str
    vector: Vector
    recap: bool = False

    @classmethod
    def of(
        cls,
        doc: StoryDoc,
        decision: StoryDecision,
        vector: Vector,
        sentences: Sequence[str],
    ) -> ArticleRecord:
        highlight = (
            decision.headline or novelty_line(decision.novelty, doc.source) or doc.title or UNTITLED
        )
        lead = doc.key_sentences[0] if doc.key_sentences else ""
        if not lead:
            lead = next((s for s in sentences if len(s.split()) >= 8), doc.title)
        lead = lead or highlight
        return cls(
            article_id=doc.article_id,
            source=doc.source,
            title=doc.title,
            url=doc.url,
            published=doc.published,
            duplicate_of=decision.duplicate_of,
            duplicate_kind=decision.duplicate_kind,
            is_development=decision.is_development,
            highlight=highlight,
            lead=lead,
            vector=vector,
            recap=is_recap(decision.novelty),
        )


def is_recap(novelty: Novelty) -> bool:
    """Whether an article mostly restates its story (see the module docstring)."""
    return novelty.repeated >= RECAP_RESTATED * max(1, len(novelty.new_sentences))


def title_of(originals: Sequence[ArticleRecord], centroid: Mapping[str, float]) -> str:
    """The title of the earliest candidate nearly as central as the best one (``originals``
    in time order; see the module docstring)."""
    candidates = [a for a in originals if not a.recap] or list(originals)
    closeness = [dot(a.vector, centroid) for a in candidates]
    best = max(closeness)
    return next(
        a.title for a, c in zip(candidates, closeness, strict=True) if c >= TITLE_SHARE * best
    )


def novelty_line(novelty: Novelty, source: str) -> str:
    """An article's first new statement ("Speaker: “words”") or first new sentence; ""."""
    if novelty.new_statements:
        first = novelty.new_statements[0]
        return f"{first.speaker or source}: “{first.text.strip()}”"
    return novelty.new_sentences[0] if novelty.new_sentences else ""


def _shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


def summarize_story(
    story_id: int,
    articles: Sequence[ArticleRecord],
    events: Sequence[StoryEvent],
    centroid: Mapping[str, float],
) -> StorySummary:
    """A story's title, summary and timeline from its articles and events."""
    if not articles:
        raise ValueError(f"story {story_id} has no articles")
    ordered = sorted(articles, key=lambda a: (a.published, a.article_id))
    originals = [a for a in ordered if a.duplicate_kind is None and a.is_development] or ordered
    copies: dict[int, list[ArticleRecord]] = {}
    for article in ordered:
        if article.duplicate_of is not None:
            copies.setdefault(article.duplicate_of, []).append(article)
    published = {a.article_id: a.published for a in ordered}

    items: list[TimelineItem] = []
    developments: list[ArticleRecord] = []
    first = ordered[0]
    for article in ordered:
        carried = [article, *copies.get(article.article_id, [])]
        ids = tuple(a.article_id for a in carried)
        sources = tuple(dict.fromkeys(a.source for a in carried))
        if article is first:
            items.append(TimelineItem(article.published, "start", article.title, ids, sources))
        elif article.is_development:
            developments.append(article)
            items.append(
                TimelineItem(article.published, "development", article.highlight, ids, sources)
            )
    for event in events:
        when = max((published[i] for i in event.article_ids if i in published), default=None)
        if when is None:
            continue
        cited = tuple(i for i in event.article_ids if i in published)
        sources = tuple(dict.fromkeys(a.source for a in ordered if a.article_id in set(cited)))
        if event.text.strip():  # an event says what happened, or it is not shown
            items.append(TimelineItem(when, event.kind, event.text, cited, sources))
    kind_order = {"start": 0, "development": 1, "revision": 2, "correction": 3, "contradiction": 4}
    items.sort(key=lambda i: (i.when, kind_order[i.kind], i.article_ids))

    summary = first.lead
    if developments:
        latest = developments[-1]
        summary = f"{_shorten(first.lead, SUMMARY_CHARS // 2)} Latest: {latest.highlight}"
    return StorySummary(
        story_id=story_id,
        title=title_of(originals, centroid),
        summary=_shorten(summary, SUMMARY_CHARS),
        timeline=tuple(items),
        article_ids=tuple(a.article_id for a in ordered),
        sources=tuple(dict.fromkeys(a.source for a in ordered)),
        first_seen=ordered[0].published,
        last_seen=ordered[-1].published,
        contradictions=tuple(e for e in events if e.kind == "contradiction"),
    )
