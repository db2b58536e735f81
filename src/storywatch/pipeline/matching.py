"""The match stage: a processed article against every subscription, into the outbox.

The percolator holds every enabled subscription's query in memory and is kept in step with
the table two ways: at once when the web app broadcasts ``subscriptions.changed``, and by a
periodic reconcile that also catches changes made by other processes (the CLI). For each
processed article the matching subscriptions become notification drafts, recorded with the
attention policy in one transaction (the outbox rule), then announced to the delivery workers
and live streams.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import time
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import sqlalchemy as sa

from storywatch.app import Services
from storywatch.bus import PROCESSED, SUBSCRIPTIONS_CHANGED
from storywatch.deliver.model import CreatedNotification, NotificationDraft
from storywatch.deliver.outbox import announce, limits_from, record_many
from storywatch.errors import QueryError
from storywatch.match import MatchDoc, Percolator
from storywatch.pipeline import persist
from storywatch.pipeline.compose import compose
from storywatch.pipeline.loop import consume_until
from storywatch.store import articles as article_store
from storywatch.store.tables import articles, statements, stories, story_events, subscriptions

log = logging.getLogger(__name__)

RECONCILE_SECONDS = 15.0
REBALANCE_SECONDS = 3600.0
STALE_SECONDS = 60.0  # a processed article not matched this long after missed its doorbell


@dataclass(frozen=True, slots=True)
class SubInfo:
    """What the stage needs of a subscription besides its query."""

    user_id: int
    query: str
    mode: str
    urgent: bool


def wants(mode: str, *, is_development: bool, duplicate: bool, near_copy: bool) -> bool:
    """Whether a subscription in ``mode`` is told about an article.

    Exact copies are one article (T1): never notified twice. "every" gets each distinct
    article, near copies included; "developments" and "digest" only what moves the story.
    """
    if duplicate and not near_copy:
        return False
    if mode == "every":
        return True
    return is_development and not duplicate


class MatchStage:
    """Matches processed articles; one instance per process."""

    def __init__(self, services: Services) -> None:
        self.services = services
        self.percolator = Percolator()
        self.subs: dict[int, SubInfo] = {}
        self.limits = limits_from(services.settings)

    # ------------------------------------------------------------------ subscriptions

    async def reconcile(self) -> int:
        """Bring the percolator in step with the table; returns how many entries changed."""
        async with self.services.db.read() as conn:
            rows = list(
                await conn.execute(
                    sa.select(
                        subscriptions.c.id,
                        subscriptions.c.user_id,
                        subscriptions.c.query,
                        subscriptions.c.mode,
                        subscriptions.c.urgent,
                    ).where(subscriptions.c.enabled.is_(sa.true()))
                )
            )
        wanted = {int(r.id): SubInfo(int(r.user_id), r.query, r.mode, bool(r.urgent)) for r in rows}
        changed = 0
        for sub_id in [s for s in self.subs if s not in wanted]:
            self._drop(sub_id)
            changed += 1
        for sub_id, info in wanted.items():
            if self.subs.get(sub_id) != info:
                changed += self._put(sub_id, info)
        return changed

    def _drop(self, sub_id: int) -> None:
        self.subs.pop(sub_id, None)
        if sub_id in self.percolator:
            self.percolator.remove(sub_id)

    def _put(self, sub_id: int, info: SubInfo) -> int:
        self._drop(sub_id)
        try:
            self.percolator.add(sub_id, info.query)
        except QueryError as exc:  # stored before a grammar change; shown on its page
            log.warning("subscription %s has a query that no longer parses: %s", sub_id, exc)
            return 0
        self.subs[sub_id] = info
        return 1

    async def refresh_one(self, sub_id: int) -> None:
        async with self.services.db.read() as conn:
            row = (
                await conn.execute(sa.select(subscriptions).where(subscriptions.c.id == sub_id))
            ).first()
        if row is None or not row.enabled:
            self._drop(sub_id)
        else:
            self._put(sub_id, SubInfo(int(row.user_id), row.query, row.mode, bool(row.urgent)))

    # ------------------------------------------------------------------ one article

    async def match(self, article_id: int) -> list[CreatedNotification]:
        """Match one processed article and record its notifications; returns what was created."""
        services = self.services
        async with services.db.read() as conn:
            row = await article_store.get(conn, article_id)
            if row is None or row.status != "processed":
                return []
            story = None
            if row.story_id is not None:
                story = (
                    await conn.execute(sa.select(stories).where(stories.c.id == row.story_id))
                ).first()
            said = list(
                await conn.execute(
                    sa.select(statements)
                    .where(statements.c.article_id == article_id)
                    .order_by(statements.c.position)
                )
            )
            correction = (
                await conn.execute(
                    sa.select(story_events.c.text).where(
                        story_events.c.article_id == article_id,
                        story_events.c.kind == "correction",
                    )
                )
            ).first()
        doc = MatchDoc.from_entities(
            row.title,
            row.text,
            [persist.entity_from_json(e) for e in row.entities or ()],
            source=row.source_title or "",
            source_id=int(row.source_id),
            language=row.language,
            story_id=row.story_id,
        )
        hits = self.percolator.match(doc)
        notice = correction[0] if correction is not None else ""
        drafts = self._drafts(row, story, said, doc, hits, notice) if hits else []
        now = services.clock()
        async with services.db.write() as conn:
            created = await record_many(conn, drafts, now, limits=self.limits) if drafts else []
            await conn.execute(
                sa.update(articles).where(articles.c.id == article_id).values(matched_at=now)
            )
        if created:
            await announce(services, created)
        return created

    async def unmatched(self) -> list[int]:
        """Processed articles the stage has not seen a while after processing (lost doorbell).

        Only the last day is looked at: older articles are no longer news to anyone.
        """
        now = self.services.clock()
        stmt = (
            sa.select(articles.c.id)
            .where(
                articles.c.status == "processed",
                articles.c.matched_at.is_(None),
                articles.c.processed_at < now - timedelta(seconds=STALE_SECONDS),
                articles.c.processed_at > now - timedelta(days=1),
            )
            .order_by(articles.c.id)
            .limit(1000)
        )
        async with self.services.db.read() as conn:
            return [int(r[0]) for r in await conn.execute(stmt)]

    def _drafts(
        self,
        row: Any,
        story: Any,
        said: list[Any],
        doc: MatchDoc,
        hits: set[int],
        correction_notice: str = "",
    ) -> list[NotificationDraft]:
        novelty = row.novelty or {}
        new_texts = {s.get("text") for s in novelty.get("new_statements", [])}
        new_statements = [persist.statement_from_row(s) for s in said if s.text in new_texts]
        message = compose(
            article_title=row.title,
            story_title=story.title if story is not None else None,
            new_statements=new_statements,
            new_sentences=tuple(novelty.get("new_sentences", ())),
            story_size=int(story.article_count) if story is not None else 1,
            correction_notice=correction_notice,
        )
        base = self.services.settings.public_url()
        url = f"{base}/stories/{row.story_id}" if row.story_id else row.url
        drafts: list[NotificationDraft] = []
        for sub_id in sorted(hits):
            info = self.subs.get(sub_id)
            if info is None:
                continue
            duplicate = row.duplicate_of is not None
            near_copy = row.duplicate_kind == "near"
            if not wants(
                info.mode,
                is_development=bool(row.is_development),
                duplicate=duplicate,
                near_copy=near_copy,
            ):
                continue
            per_story = info.mode != "every" and row.story_id is not None
            drafts.append(
                NotificationDraft(
                    user_id=info.user_id,
                    subscription_id=sub_id,
                    article_id=int(row.id),
                    story_id=row.story_id,
                    title=message.title,
                    body=message.body,
                    url=url,
                    reasons=self.percolator.explain(sub_id, doc),
                    dedupe_key=(
                        f"story:{row.story_id}:article:{row.id}"
                        if per_story
                        else f"article:{row.id}"
                    ),
                    collapse_key=f"story:{row.story_id}" if row.story_id else None,
                    urgent=info.urgent,
                    mode=info.mode,  # type: ignore[arg-type]
                    published_at=row.published_at,
                    arrived_at=row.arrived_at,
                )
            )
        return drafts

    # ------------------------------------------------------------------ the worker

    async def run(self, stop: asyncio.Event) -> None:
        """Consume ``articles.processed`` until ``stop``, keeping subscriptions in step."""
        await self.reconcile()
        # the loaded queries live as long as the process: keep the collector off them
        gc.freeze()
        tasks = [
            asyncio.create_task(self._follow_changes(stop)),
            asyncio.create_task(self._reconcile_loop(stop)),
        ]
        try:
            async for message in consume_until(self.services, PROCESSED, "match", stop):
                try:
                    await self.match(int(message.data["article_id"]))
                except Exception:  # one bad article must not stop matching
                    log.exception("matching article %s failed", message.data)
                await self.services.bus.ack(message, "match")
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

    async def _follow_changes(self, stop: asyncio.Event) -> None:
        async for data in self.services.bus.broadcast(SUBSCRIPTIONS_CHANGED):
            if stop.is_set():
                return
            await self.refresh_one(int(data["subscription_id"]))

    async def _reconcile_loop(self, stop: asyncio.Event) -> None:
        """Keep subscriptions in step, and match what lost its doorbell, every few seconds.

        About hourly the percolator re-files its queries by the key statistics it learned
        from the articles it matched (results never change, only speed).
        """
        last_rebalance = time.monotonic()
        while not stop.is_set():
            try:
                await asyncio.wait_for(stop.wait(), RECONCILE_SECONDS)
            except TimeoutError:
                try:
                    if time.monotonic() - last_rebalance > REBALANCE_SECONDS:
                        last_rebalance = time.monotonic()
                        moved = self.percolator.rebalance()
                        log.info("percolator re-filed %d queries by learned statistics", moved)
                    await self.reconcile()
                    for article_id in await self.unmatched():
                        if stop.is_set():
                            return
                        await self.match(article_id)
                except Exception:
                    log.exception("subscription reconcile or sweep failed; will retry")
