"""The demo story as frozen values: outlets, articles, paragraphs, simulated times.

The story happens over one simulated week in Lestria (a fictional country, UTC+02:00 all
year). Each article carries two clocks: ``simulated`` (when in that week it was published,
as an offset from the story's Sunday 00:00 local time) and ``release_s`` (when the demo
server makes it visible, in real seconds after start at speed 1.0). Keeping both here, as
plain values, lets the feed renderer and the server agree without sharing state.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Literal

FeedFormat = Literal["rss20", "atom10", "jsonfeed11", "rss10", "rss20-summary"]
ParagraphKind = Literal[
    "text", "correction", "subscribe", "newsletter", "caption", "credit", "readmore"
]

#: Lestria's time zone: the simulated times in the story files are local times.
STORY_TZ = timezone(timedelta(hours=2), "LST")

#: Paragraph kinds that are page furniture, not news: an extractor should remove them.
CLUTTER_KINDS: frozenset[str] = frozenset(
    {"subscribe", "newsletter", "caption", "credit", "readmore"}
)


@dataclass(frozen=True, slots=True)
class Outlet:
    """A fictional publication and the kind of feed it serves."""

    slug: str
    name: str
    description: str
    feed_format: FeedFormat
    language: str = "en"

    @property
    def full_text_in_feed(self) -> bool:
        """False for the summary-only feed: its full text lives on the article page."""
        return self.feed_format != "rss20-summary"

    @property
    def feed_path(self) -> str:
        """Path of the outlet's feed on the demo server."""
        if self.feed_format == "jsonfeed11":
            return f"/{self.slug}/feed.json"
        if self.feed_format == "rss10":
            return f"/{self.slug}/index.rdf"
        if self.feed_format == "atom10":
            return f"/{self.slug}/atom.xml"
        return f"/{self.slug}/rss.xml"

    @property
    def home_path(self) -> str:
        return f"/{self.slug}/"


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph of an article as it appears on the page; ``kind`` says if it is news."""

    text: str
    kind: ParagraphKind = "text"

    @property
    def is_clutter(self) -> bool:
        return self.kind in CLUTTER_KINDS


@dataclass(frozen=True, slots=True)
class DemoArticle:
    """One article of the demo, in its outlet's words.

    ``replaces`` names an earlier article of the same outlet that this one supersedes (a
    corrected version: same URL and GUID, newer ``updated`` time).
    """

    id: str
    outlet: str
    title: str
    author: str
    slug: str
    simulated: timedelta
    release_s: float
    paragraphs: tuple[Paragraph, ...]
    replaces: str | None = None

    @property
    def body(self) -> str:
        """Everything a reader of the page sees in the article column, clutter included."""
        return "\n\n".join(p.text for p in self.paragraphs)

    @property
    def clean_body(self) -> str:
        """The news text only: what a perfect extractor would keep."""
        return "\n\n".join(p.text for p in self.paragraphs if not p.is_clutter)

    @property
    def clutter(self) -> tuple[str, ...]:
        """The clutter lines, in page order (repeats kept)."""
        return tuple(p.text for p in self.paragraphs if p.is_clutter)

    @property
    def summary(self) -> str:
        """The first news paragraph: what a summary-only feed carries."""
        return next(p.text for p in self.paragraphs if p.kind == "text")

    @property
    def day(self) -> int:
        """Simulated day of the week, 0 = Sunday."""
        return self.simulated.days


@dataclass(frozen=True, slots=True)
class DemoStory:
    """The whole demo: outlets and articles in release order."""

    title: str
    query: str
    outlets: tuple[Outlet, ...]
    articles: tuple[DemoArticle, ...]

    def outlet(self, slug: str) -> Outlet:
        for outlet in self.outlets:
            if outlet.slug == slug:
                return outlet
        raise KeyError(slug)

    def article(self, article_id: str) -> DemoArticle:
        for article in self.articles:
            if article.id == article_id:
                return article
        raise KeyError(article_id)

    def original(self, article: DemoArticle) -> DemoArticle:
        """The first version of an article (itself unless it replaces another)."""
        while article.replaces is not None:
            article = self.article(article.replaces)
        return article

    @property
    def duration_s(self) -> float:
        """Real seconds, at speed 1.0, until the last article is released."""
        return max(a.release_s for a in self.articles)

    @property
    def span(self) -> timedelta:
        """Simulated time from the story's Sunday 00:00 to its last article."""
        return max(a.simulated for a in self.articles)

    def anchor(self, now: datetime) -> datetime:
        """The simulated Sunday 00:00 (Lestria time) for a demo that starts at ``now``.

        The latest Sunday midnight such that the whole simulated week lies before ``now``:
        weekday names in the text then match the dates in the feeds, and no item is ever
        dated in the future.
        """
        latest = (now - self.span).astimezone(STORY_TZ)
        midnight = latest.replace(hour=0, minute=0, second=0, microsecond=0)
        days_since_sunday = (midnight.weekday() + 1) % 7
        return midnight - timedelta(days=days_since_sunday)

    def published(self, article: DemoArticle, anchor: datetime) -> datetime:
        """When the article (its first version) was published, for a given anchor."""
        return anchor + self.original(article).simulated

    def updated(self, article: DemoArticle, anchor: datetime) -> datetime:
        """When this version was published (later than ``published`` for a correction)."""
        return anchor + article.simulated
