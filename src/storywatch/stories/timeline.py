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
  latest development. A figure of the lead that the story has revised since is shown as it
  stands now, saying that it changed ("injuring nine crew members (revised from six)"),
  so the summary never keeps a stale count.
- A statement is shown in quotation marks only when it is a direct quote; a paraphrase is
  shown as "Speaker: what they said" (words it quotes keep their own marks).
- The timeline has one item per development (wire copies folded into the item of the text
  they copy, so every item cites all the outlets that carried it) and one per contradiction,
  revision and correction.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from storywatch.model import Statement, StoryEvent
from storywatch.stories.numbers import number_facts
from storywatch.stories.text import NUMBER_NAMES, STOPWORDS, stem
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
        return statement_line(novelty.new_statements[0], source)
    return novelty.new_sentences[0] if novelty.new_sentences else ""


_THAT = re.compile(r"^that\s+", re.IGNORECASE)
_MARKS = re.compile(r'[“”"]')


def statement_line(statement: Statement, source: str) -> str:
    """A statement in one line: a direct quote in quotation marks ("Speaker: “words”"), a
    paraphrase without them ("Speaker: ships would move again on Thursday"), since only a
    speaker's own words may be shown as a quote."""
    speaker = statement.speaker or source
    text = statement.text.strip()
    if statement.kind == "direct" and not _MARKS.search(text):
        return f"{speaker}: “{text}”"
    # a paraphrase, or a quote that carries its own marks around the words quoted ("the
    # harbor “will remain closed”"): the marks already there say what is quoted
    return f"{speaker}: {_THAT.sub('', text)}"


_REVISED_PHRASE_WORDS = 3


def with_current_figures(text: str, events: Sequence[StoryEvent]) -> str:
    """``text`` with each figure the story has revised since written as it stands now.

    A figure is replaced when a revision event goes from its value for the same thing (the
    same unit word, or the revision's own earlier sentence); revisions of a revision are
    followed to the latest. The replaced figure is followed by "(revised from <old>)" after
    its noun phrase, and written as a word when the old one was.
    """
    revisions: list[tuple[float, float, Mapping[str, str]]] = []
    for event in events:
        if event.kind == "revision":
            old, new = _value(event.detail.get("from")), _value(event.detail.get("to"))
            if old is not None and new is not None:
                revisions.append((old, new, event.detail))
    if not revisions:
        return text
    for fact in reversed(number_facts(text)):  # right to left: positions stay valid
        value, seen = fact.value, {fact.value}
        for old, new, detail in revisions:
            what = detail.get("what", "")
            same = (fact.unit is not None and stem(what.lower()) == fact.unit) or (
                detail.get("earlier", "") and fact.sentence in detail.get("earlier", "")
            )
            if old == value and same and new not in seen:
                value = new
                seen.add(new)
        if value == fact.value:
            continue
        written = text[fact.start : fact.end]
        now = _written_like(value, written)
        tail = _phrase_end(text, fact.end)
        text = (
            text[: fact.start]
            + now
            + text[fact.end : tail]
            + f" (revised from {written})"
            + text[tail:]
        )
    return text


def _value(written: str | None) -> float | None:
    try:
        return float((written or "").replace(",", ""))
    except ValueError:
        return None


def _written_like(value: float, old: str) -> str:
    """``value`` as a word when ``old`` was one and it has a word, else in figures."""
    if old.isalpha() and value in NUMBER_NAMES:
        word = NUMBER_NAMES[int(value)]
        return word.capitalize() if old[0].isupper() else word
    return f"{value:,.0f}" if value == int(value) else f"{value:,g}"


_WORD_AFTER = re.compile(r"\s+([A-Za-z][A-Za-z'’-]*)")


def _phrase_end(text: str, end: int) -> int:
    """Where the noun phrase after a number ends: up to three words, stopping at a stopword
    or punctuation ("six crew members| and", "1,200 residents| of Saltmarsh")."""
    for _ in range(_REVISED_PHRASE_WORDS):
        match = _WORD_AFTER.match(text, end)
        if match is None or match.group(1).lower() in STOPWORDS:
            break
        end = match.end()
    return end


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

    lead = with_current_figures(first.lead, events)
    summary = lead
    if developments:
        latest = developments[-1]
        summary = f"{_shorten(lead, SUMMARY_CHARS // 2)} Latest: {latest.highlight}"
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
