"""The process stage: extract → understand → stories, for one stored article at a time.

The story engine holds the clustering state in memory and must see articles one by one in
one process (its decisions depend on every earlier one), so this stage runs a single
consumer; the heavy, stateless part (extraction, understanding) is cheap enough per article
that one consumer meets the throughput goal (see docs/benchmarks.md). On start-up the engine
replays the stored articles of its window, and articles left ``new`` by a crash are redone.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa

from storywatch.app import Services
from storywatch.bus import INGESTED, PROCESSED
from storywatch.errors import ExtractError, FetchError
from storywatch.extract import (
    SiteBoilerplate,
    clean_text,
    extract_article,
    extract_article_bytes,
    site_of,
)
from storywatch.model import ExtractedArticle, Understanding
from storywatch.pipeline import persist
from storywatch.pipeline.loop import consume_until
from storywatch.sources.fetch import SafeFetcher, shared_fetcher
from storywatch.store import articles as article_store
from storywatch.store.locks import exclusive
from storywatch.store.tables import articles, sources, statements
from storywatch.stories import StoryDoc, StoryEngine
from storywatch.understand import EntityDirectory, understand

log = logging.getLogger(__name__)

STALE_SECONDS = 60.0  # an article still ``new`` this long after arriving missed its doorbell
SWEEP_SECONDS = 30.0


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened to one article: processed into a story, or failed with a reason."""

    article_id: int
    story_id: int | None = None
    error: str | None = None


def _published(row: Any) -> datetime:
    """The article's time on the story timeline: its own date, never later than its arrival."""
    arrived: datetime = row.arrived_at
    published: datetime | None = row.published_at
    return min(published, arrived) if published is not None else arrived


class ProcessStage:
    """Turns ``new`` articles into processed ones inside stories; one instance per process."""

    def __init__(self, services: Services, *, fetcher: SafeFetcher | None = None) -> None:
        self.services = services
        self.engine = StoryEngine(window=timedelta(days=services.settings.story_window_days))
        self.directory = EntityDirectory()
        self.boilerplate = SiteBoilerplate()
        self._fetcher = fetcher
        self._lock = asyncio.Lock()

    @property
    def fetcher(self) -> SafeFetcher:
        """The given fetcher, or the process's shared one (closed with the services)."""
        return self._fetcher or shared_fetcher(self.services)

    # ------------------------------------------------------------------ start-up

    async def restore(self) -> int:
        """Replay the stored articles of the window into the engine; returns how many."""
        since = self.services.clock() - self.engine.window
        stmt = (
            sa.select(
                articles.c.id,
                articles.c.url,
                articles.c.canonical_url,
                articles.c.title,
                articles.c.text,
                articles.c.published_at,
                articles.c.arrived_at,
                articles.c.entities,
                articles.c.key_sentences,
                articles.c.story_id,
                sources.c.title.label("source_title"),
            )
            .join(sources, sources.c.id == articles.c.source_id)
            .where(
                articles.c.status == "processed",
                articles.c.story_id.is_not(None),
                articles.c.arrived_at >= since,
            )
            .order_by(articles.c.id)
        )
        async with self.services.db.read() as conn:
            rows = list(await conn.execute(stmt))
            said: dict[int, list[Any]] = {}
            if rows:
                st_rows = await conn.execute(
                    sa.select(statements)
                    .where(statements.c.article_id >= rows[0].id)
                    .order_by(statements.c.article_id, statements.c.position)
                )
                for st in st_rows:
                    said.setdefault(int(st.article_id), []).append(st)
        items: list[tuple[StoryDoc, int]] = []
        for row in rows:
            found = tuple(persist.entity_from_json(e) for e in row.entities or ())
            self.directory.add(found)
            doc = StoryDoc(
                article_id=int(row.id),
                source=row.source_title,
                url=row.canonical_url or row.url,  # as processing passed it
                title=row.title,
                text=row.text,
                published=_published(row),
                entities=found,
                statements=tuple(persist.statement_from_row(s) for s in said.get(int(row.id), ())),
                key_sentences=tuple(row.key_sentences or ()),
            )
            items.append((doc, int(row.story_id)))
        return self.engine.replay(items)

    async def pending(self) -> list[int]:
        async with self.services.db.read() as conn:
            return await article_store.unfinished_ids(conn)

    # ------------------------------------------------------------------ one article

    async def _page(self, url: str) -> ExtractedArticle:
        result = await self.fetcher.fetch(
            url, max_bytes=self.services.settings.max_page_bytes, accept="text/html"
        )
        content_type = result.headers.get("content-type")
        return await asyncio.to_thread(
            extract_article_bytes,
            result.body,
            result.url,
            content_type,
            boilerplate=self.boilerplate,
        )

    async def _extract(self, row: Any) -> tuple[ExtractedArticle, str | None]:
        """The article's clean text, and a note when the full page could not be had.

        When the feed carried only a summary, the page is fetched; if that fails the summary
        is used instead (with the reason kept as a note on the article), so an unreachable
        page costs detail, never the article.
        """
        if row.needs_page and row.url:
            try:
                return await self._page(row.url), None
            except (ExtractError, FetchError) as exc:
                note = f"full page unavailable, used the feed's summary: {exc.message}"
                if not (row.raw_html.strip() or row.text.strip() or row.summary_html.strip()):
                    raise
                return await self._from_item(row), note
        return await self._from_item(row), None

    async def _from_item(self, row: Any) -> ExtractedArticle:
        """Text from what the item itself carried: HTML content, plain text, or a summary.

        Feed content is often a fragment (a few paragraphs, no page around them) that a page
        extractor rightly refuses as "not an article page"; its paragraphs are still the
        article, so they are read as text and cleaned of clutter the same way.
        """
        site = site_of(row.url or row.source_url or "")
        if row.raw_html.strip():
            try:
                return await asyncio.to_thread(
                    extract_article, row.raw_html, row.url, boilerplate=self.boilerplate
                )
            except ExtractError:
                pass
        source_text = row.text if row.text.strip() else _html_text(row.raw_html or row.summary_html)
        if not source_text.strip():
            raise ExtractError("the item carries no text, no HTML and no page to fetch")
        cleaned, removed = clean_text(
            source_text, site=site, boilerplate=self.boilerplate, page=row.url
        )
        if not cleaned.strip():
            raise ExtractError("nothing was left of the item's text after removing clutter")
        return ExtractedArticle(text=cleaned, title=row.title or None, removed=removed)

    async def process(self, article_id: int) -> Outcome:
        """Process one article; errors are stored on the article and returned, never raised."""
        async with self._lock:
            return await self._process(article_id)

    async def _process(self, article_id: int) -> Outcome:
        services = self.services
        async with services.db.read() as conn:
            row = await article_store.get(conn, article_id)
        if row is None or row.status != "new":
            return Outcome(article_id, story_id=row.story_id if row is not None else None)
        try:
            extracted, note = await self._extract(row)
        except (ExtractError, FetchError) as exc:
            async with services.db.write() as conn:
                await persist.mark_failed(conn, article_id, exc.message, services.clock())
            return Outcome(article_id, error=exc.message)
        title = (row.title or extracted.title or "").strip() or "(untitled)"
        understanding: Understanding = understand(
            extracted.text, title=title, directory=self.directory
        )
        self.directory.add(understanding.entities)
        published = _published(row)
        doc = StoryDoc(
            article_id=article_id,
            source=row.source_title or row.source_url,
            url=extracted.canonical_url or row.url,
            title=title,
            text=extracted.text,
            published=published,
            entities=understanding.entities,
            statements=understanding.statements,
            key_sentences=understanding.key_sentences,
        )
        decision = self.engine.decide(doc)
        now = services.clock()
        async with services.db.write() as conn:
            story_id = decision.story_id
            if story_id is None:
                story_id = await persist.new_story(conn, title, published, now)
            await persist.write_processed(
                conn,
                article_id=article_id,
                story_id=story_id,
                extracted=extracted,
                understanding=understanding,
                decision=decision,
                summary=None,
                published=published,
                source_title=doc.source,
                now=now,
                note=note,
            )
        # the engine learns the article only once the store has it (no phantom on a failed
        # commit); the story's title, summary and timeline follow in a second, small write
        self.engine.apply(doc, decision, story_id)
        try:
            summary = self.engine.headline(story_id)
        except KeyError:
            summary = None
        if summary is not None:
            async with services.db.write() as conn:
                await persist.write_story_summary(conn, story_id, summary)
        await services.bus.publish(PROCESSED, {"article_id": article_id})
        return Outcome(article_id, story_id=story_id)

    # ------------------------------------------------------------------ the worker

    async def run(self, stop: asyncio.Event) -> None:
        """Consume ``articles.ingested`` until ``stop``; first redo what a crash left.

        A sweep also picks up articles still ``new`` a while after arriving: their doorbell
        was lost (a publish during a Redis outage, or by a writer in another process).
        """
        async with exclusive(
            self.services.db, "process-role", stop, self.services.settings.data_dir
        ) as held:
            if held:
                await self._run(stop)

    async def _run(self, stop: asyncio.Event) -> None:
        restored = await self.restore()
        log.info("story engine restored %d articles", restored)
        messages = consume_until(self.services, INGESTED, "process", stop)
        for article_id in await self.pending():
            await self._safe(article_id)
        sweeper = asyncio.create_task(self._sweep(stop), name="process-sweep")
        try:
            async for message in messages:
                await self._safe(int(message.data["article_id"]))
                await self.services.bus.ack(message, "process")
        finally:
            sweeper.cancel()
            await asyncio.gather(sweeper, return_exceptions=True)

    async def stale(self) -> list[int]:
        """Articles still ``new`` :data:`STALE_SECONDS` after they arrived, oldest first."""
        cutoff = self.services.clock() - timedelta(seconds=STALE_SECONDS)
        stmt = (
            sa.select(articles.c.id)
            .where(articles.c.status == "new", articles.c.arrived_at < cutoff)
            .order_by(articles.c.id)
            .limit(1000)
        )
        async with self.services.db.read() as conn:
            return [int(r[0]) for r in await conn.execute(stmt)]

    async def _sweep(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            try:
                await asyncio.wait_for(stop.wait(), SWEEP_SECONDS)
                return
            except TimeoutError:
                pass
            try:
                for article_id in await self.stale():
                    if stop.is_set():
                        return
                    await self._safe(article_id)
            except Exception:
                log.exception("sweeping stale articles failed; will retry")

    async def _safe(self, article_id: int) -> None:
        try:
            await self.process(article_id)
        except Exception:  # one bad article must not stop the stage
            log.exception("processing article %s failed", article_id)
            async with self.services.db.write() as conn:
                await persist.mark_failed(
                    conn,
                    article_id,
                    "internal error while processing; see the logs",
                    self.services.clock(),
                )


def _html_text(html: str) -> str:
    """The text of an HTML fragment, one line per block element."""
    if not html.strip():
        return ""
    from lxml import etree
    from lxml import html as lxml_html

    try:
        root = lxml_html.fromstring(html)
    except (ValueError, TypeError, etree.ParserError):
        return ""
    for el in root.iter("script", "style"):
        el.drop_tree()
    for el in root.iter("p", "div", "br", "li", "h1", "h2", "h3", "h4", "blockquote"):
        el.tail = "\n\n" + (el.tail or "")
    return str(root.text_content()).strip()
