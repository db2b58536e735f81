"""The database schema, as SQLAlchemy Core tables.

One schema for SQLite and PostgreSQL. Times are stored as UTC and always come back
timezone-aware (:class:`UTCDateTime`), because SQLite has no time zone type and a naive
datetime would silently mean local time somewhere. JSON columns hold small structured values
(reasons, entity lists) that are read whole and never queried inside.

The Alembic migration in ``migrations/`` must build exactly this schema; a test compares them.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Dialect


class UTCDateTime(sa.types.TypeDecorator[datetime]):
    """A timestamp stored in UTC and always returned timezone-aware."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the store; use UTC-aware datetimes")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if isinstance(value, str):
            value = datetime.fromisoformat(value)
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)  # type: ignore[no-any-return]
        return value.astimezone(UTC)  # type: ignore[no-any-return]


metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
    }
)

Id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def _id() -> sa.Column[int]:
    return sa.Column("id", Id, primary_key=True, autoincrement=True)


def _fk(
    name: str, target: str, *, nullable: bool = False, ondelete: str = "CASCADE"
) -> sa.Column[int]:
    return sa.Column(
        name, Id, sa.ForeignKey(target, ondelete=ondelete), nullable=nullable, index=True
    )


def _created() -> sa.Column[datetime]:
    return sa.Column("created_at", UTCDateTime(), nullable=False)


# ----------------------------------------------------------------------------- people

users = sa.Table(
    "users",
    metadata,
    _id(),
    sa.Column("username", sa.String(100), nullable=False, unique=True),
    sa.Column("display_name", sa.String(200), nullable=False, server_default=""),
    sa.Column("email", sa.String(320), nullable=True),
    sa.Column("password_hash", sa.String(255), nullable=True),
    sa.Column("is_admin", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("timezone", sa.String(64), nullable=False, server_default="UTC"),
    # quiet hours as minutes after local midnight; both null = no quiet hours
    sa.Column("quiet_start_minute", sa.Integer, nullable=True),
    sa.Column("quiet_end_minute", sa.Integer, nullable=True),
    sa.Column("digest", sa.String(16), nullable=False, server_default="off"),  # off|hourly|daily
    sa.Column("digest_hour", sa.Integer, nullable=False, server_default="8"),
    sa.Column("disabled", sa.Boolean, nullable=False, server_default=sa.false()),
    _created(),
)

api_tokens = sa.Table(
    "api_tokens",
    metadata,
    _id(),
    _fk("user_id", "users.id"),
    sa.Column("name", sa.String(200), nullable=False, server_default=""),
    sa.Column("token_hash", sa.String(128), nullable=False, unique=True),
    sa.Column("prefix", sa.String(16), nullable=False),
    _created(),
    sa.Column("last_used_at", UTCDateTime(), nullable=True),
    sa.Column("revoked_at", UTCDateTime(), nullable=True),
)

# web sign-in sessions: the cookie holds a random token, only its SHA-256 is stored
web_sessions = sa.Table(
    "web_sessions",
    metadata,
    _id(),
    _fk("user_id", "users.id"),
    sa.Column("token_hash", sa.String(128), nullable=False, unique=True),
    sa.Column("user_agent", sa.String(300), nullable=False, server_default=""),
    _created(),
    sa.Column("last_seen_at", UTCDateTime(), nullable=False),
    sa.Column("expires_at", UTCDateTime(), nullable=False, index=True),
)

# one-time links an admin hands to a new user to choose their password
invites = sa.Table(
    "invites",
    metadata,
    _id(),
    _fk("user_id", "users.id"),
    sa.Column("token_hash", sa.String(128), nullable=False, unique=True),
    _created(),
    sa.Column("expires_at", UTCDateTime(), nullable=False),
    sa.Column("used_at", UTCDateTime(), nullable=True),
)

kv = sa.Table(
    "kv",
    metadata,
    sa.Column("key", sa.String(200), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)

# ----------------------------------------------------------------------------- sources

sources = sa.Table(
    "sources",
    metadata,
    _id(),
    sa.Column("url", sa.String(2048), nullable=False, unique=True),
    sa.Column("kind", sa.String(16), nullable=False, server_default="feed"),  # feed|publisher
    sa.Column("title", sa.String(500), nullable=False, server_default=""),
    sa.Column("site_url", sa.String(2048), nullable=True),
    sa.Column("format", sa.String(16), nullable=True),
    sa.Column("enabled", sa.Boolean, nullable=False, server_default=sa.true()),
    # conditional GET
    sa.Column("etag", sa.String(500), nullable=True),
    sa.Column("last_modified", sa.String(100), nullable=True),
    # schedule (S2)
    sa.Column("next_poll_at", UTCDateTime(), nullable=True, index=True),
    sa.Column("poll_interval_seconds", sa.Integer, nullable=True),
    sa.Column("ttl_seconds", sa.Integer, nullable=True),
    # health
    sa.Column("last_polled_at", UTCDateTime(), nullable=True),
    sa.Column("last_success_at", UTCDateTime(), nullable=True),
    sa.Column("last_error", sa.Text, nullable=True),
    sa.Column("last_error_at", UTCDateTime(), nullable=True),
    sa.Column("consecutive_failures", sa.Integer, nullable=False, server_default="0"),
    sa.Column("avg_fetch_ms", sa.Float, nullable=True),
    sa.Column("items_per_day", sa.Float, nullable=True),
    sa.Column("item_count", sa.Integer, nullable=False, server_default="0"),
    # WebSub (S3)
    sa.Column("hub_url", sa.String(2048), nullable=True),
    sa.Column("topic_url", sa.String(2048), nullable=True),
    sa.Column("websub_secret", sa.String(128), nullable=True),
    sa.Column("websub_state", sa.String(16), nullable=True),  # pending|active|failed|denied|expired
    sa.Column("websub_lease_until", UTCDateTime(), nullable=True),
    # a subscription the hub refused, never verified or denied is asked for again at this
    # time (exponential backoff over websub_failures); websub_error says why, in words
    sa.Column("websub_failures", sa.Integer, nullable=False, server_default="0"),
    sa.Column("websub_retry_at", UTCDateTime(), nullable=True),
    sa.Column("websub_error", sa.Text, nullable=True),
    _created(),
)

# ----------------------------------------------------------------------------- content

stories = sa.Table(
    "stories",
    metadata,
    _id(),
    sa.Column("title", sa.String(500), nullable=False, server_default=""),
    sa.Column("summary", sa.Text, nullable=False, server_default=""),
    sa.Column("article_count", sa.Integer, nullable=False, server_default="0"),
    sa.Column("source_count", sa.Integer, nullable=False, server_default="0"),
    sa.Column("development_count", sa.Integer, nullable=False, server_default="0"),
    sa.Column("first_seen_at", UTCDateTime(), nullable=False),
    sa.Column("last_article_at", UTCDateTime(), nullable=False, index=True),
    sa.Column("last_development_at", UTCDateTime(), nullable=True, index=True),
    sa.Column("state", sa.JSON, nullable=True),  # the clustering engine's summary of the story
    _created(),
)

articles = sa.Table(
    "articles",
    metadata,
    _id(),
    _fk("source_id", "sources.id"),
    sa.Column("guid", sa.String(2048), nullable=False),
    sa.Column("url", sa.String(2048), nullable=True, index=True),
    sa.Column("canonical_url", sa.String(2048), nullable=True, index=True),
    sa.Column("title", sa.String(1000), nullable=False, server_default=""),
    sa.Column("author", sa.String(500), nullable=True),
    sa.Column("published_at", UTCDateTime(), nullable=True, index=True),
    sa.Column("arrived_at", UTCDateTime(), nullable=False, index=True),
    sa.Column("processed_at", UTCDateTime(), nullable=True),
    sa.Column("matched_at", UTCDateTime(), nullable=True),  # the match stage has seen it
    sa.Column("status", sa.String(16), nullable=False, server_default="new", index=True),
    sa.Column("error", sa.Text, nullable=True),
    sa.Column("language", sa.String(16), nullable=True),
    sa.Column("image", sa.String(2048), nullable=True),
    sa.Column("needs_page", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("summary_html", sa.Text, nullable=False, server_default=""),
    sa.Column("raw_html", sa.Text, nullable=False, server_default=""),
    sa.Column("text", sa.Text, nullable=False, server_default=""),
    sa.Column("removed", sa.JSON, nullable=True),  # clutter lines taken out
    sa.Column("content_hash", sa.String(64), nullable=True, index=True),
    # digest of the item as it arrived: a revised item (same guid, new content) is stored again
    sa.Column("revision", sa.String(32), nullable=True),
    sa.Column("categories", sa.JSON, nullable=True),
    sa.Column("entities", sa.JSON, nullable=True),
    sa.Column("key_sentences", sa.JSON, nullable=True),
    sa.Column("summary", sa.Text, nullable=False, server_default=""),
    # stories (T1–T4)
    _fk("story_id", "stories.id", nullable=True, ondelete="SET NULL"),
    _fk("duplicate_of", "articles.id", nullable=True, ondelete="SET NULL"),
    sa.Column("duplicate_kind", sa.String(8), nullable=True),  # exact|near
    sa.Column("story_reasons", sa.JSON, nullable=True),
    sa.Column("is_development", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("novelty", sa.JSON, nullable=True),
    sa.UniqueConstraint("source_id", "guid"),
)

statements = sa.Table(
    "statements",
    metadata,
    _id(),
    _fk("article_id", "articles.id"),
    _fk("story_id", "stories.id", nullable=True, ondelete="SET NULL"),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("speaker", sa.String(300), nullable=True),
    sa.Column("speaker_key", sa.String(300), nullable=True, index=True),
    sa.Column("speaker_mention", sa.String(300), nullable=True),
    sa.Column("speaker_title", sa.String(300), nullable=True),
    sa.Column("cue", sa.String(100), nullable=True),
    sa.Column("said_at", UTCDateTime(), nullable=True),
)

entities = sa.Table(
    "entities",
    metadata,
    _id(),
    sa.Column("key", sa.String(300), nullable=False, unique=True),
    sa.Column("name", sa.String(300), nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("titles", sa.JSON, nullable=True),
    sa.Column("article_count", sa.Integer, nullable=False, server_default="0"),
)

article_entities = sa.Table(
    "article_entities",
    metadata,
    sa.Column("article_id", Id, sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    sa.Column(
        "entity_id",
        Id,
        sa.ForeignKey("entities.id", ondelete="CASCADE"),
        primary_key=True,
        index=True,
    ),
    sa.Column("count", sa.Integer, nullable=False, server_default="1"),
)

story_events = sa.Table(
    "story_events",
    metadata,
    _id(),
    _fk("story_id", "stories.id"),
    _fk("article_id", "articles.id", nullable=True, ondelete="SET NULL"),
    sa.Column(
        "kind", sa.String(16), nullable=False
    ),  # development|contradiction|revision|correction
    sa.Column("at", UTCDateTime(), nullable=False, index=True),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("article_ids", sa.JSON, nullable=True),
    sa.Column("detail", sa.JSON, nullable=True),
)

# ----------------------------------------------------------------------------- matching

subscriptions = sa.Table(
    "subscriptions",
    metadata,
    _id(),
    _fk("user_id", "users.id"),
    sa.Column("name", sa.String(200), nullable=False, server_default=""),
    sa.Column("kind", sa.String(16), nullable=False, server_default="query"),
    # query|story|person|org|place|source
    sa.Column("query", sa.Text, nullable=False),
    sa.Column("target", sa.String(300), nullable=True),  # story id, entity key or source id
    sa.Column("mode", sa.String(16), nullable=False, server_default="developments"),
    # every|developments|digest
    sa.Column("urgent", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("enabled", sa.Boolean, nullable=False, server_default=sa.true()),
    _created(),
)

# ----------------------------------------------------------------------------- delivery

channels = sa.Table(
    "channels",
    metadata,
    _id(),
    _fk("user_id", "users.id"),
    sa.Column("kind", sa.String(16), nullable=False),  # webpush|email|webhook|ntfy|apprise
    sa.Column("name", sa.String(200), nullable=False, server_default=""),
    sa.Column("config", sa.JSON, nullable=False),
    sa.Column("secret", sa.String(200), nullable=True),
    sa.Column("enabled", sa.Boolean, nullable=False, server_default=sa.true()),
    _fk("fallback_channel_id", "channels.id", nullable=True, ondelete="SET NULL"),
    sa.Column("consecutive_failures", sa.Integer, nullable=False, server_default="0"),
    sa.Column("last_error", sa.Text, nullable=True),
    sa.Column("last_success_at", UTCDateTime(), nullable=True),
    _created(),
)

notifications = sa.Table(
    "notifications",
    metadata,
    _id(),
    _fk("user_id", "users.id"),
    _fk("subscription_id", "subscriptions.id", nullable=True, ondelete="SET NULL"),
    _fk("article_id", "articles.id", nullable=True, ondelete="SET NULL"),
    _fk("story_id", "stories.id", nullable=True, ondelete="SET NULL"),
    sa.Column("title", sa.String(500), nullable=False),
    sa.Column("body", sa.Text, nullable=False, server_default=""),
    sa.Column("url", sa.String(2048), nullable=True),
    sa.Column("reasons", sa.JSON, nullable=True),
    sa.Column("urgent", sa.Boolean, nullable=False, server_default=sa.false()),
    # one per development per story per user: a repeat key is refused by the unique index
    sa.Column("dedupe_key", sa.String(300), nullable=False),
    sa.Column("collapse_key", sa.String(200), nullable=True),  # a newer one replaces it on devices
    sa.Column("published_at", UTCDateTime(), nullable=True),
    sa.Column("arrived_at", UTCDateTime(), nullable=True),
    sa.Column("read_at", UTCDateTime(), nullable=True),
    # attention policy (D2): alert|digest|test; a thread is the run of pushes for one collapse
    # key that update one device notification in place; held = waiting for the user's digest
    sa.Column("kind", sa.String(16), nullable=False, server_default="alert"),
    sa.Column("thread_key", sa.String(250), nullable=True),
    sa.Column("held", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("deliver_at", UTCDateTime(), nullable=True),
    sa.Column("policy_note", sa.Text, nullable=True),
    _fk("digest_id", "notifications.id", nullable=True, ondelete="SET NULL"),
    _created(),
    sa.UniqueConstraint("user_id", "dedupe_key"),
)

deliveries = sa.Table(
    "deliveries",
    metadata,
    _id(),
    _fk("notification_id", "notifications.id"),
    _fk("channel_id", "channels.id"),
    sa.Column("idempotency_key", sa.String(200), nullable=False, unique=True),
    sa.Column("status", sa.String(16), nullable=False, server_default="pending"),
    # pending|sent|dead|superseded (a newer push for the same story replaced it)|digest (held
    # for the user's digest)|digested (went out inside a digest)
    sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
    sa.Column("next_attempt_at", UTCDateTime(), nullable=False, index=True),
    sa.Column("lease_until", UTCDateTime(), nullable=True),
    sa.Column("leased_by", sa.String(100), nullable=True),
    sa.Column("last_error", sa.Text, nullable=True),
    sa.Column("sent_at", UTCDateTime(), nullable=True),
    _created(),
)

delivery_attempts = sa.Table(
    "delivery_attempts",
    metadata,
    _id(),
    _fk("delivery_id", "deliveries.id"),
    sa.Column("at", UTCDateTime(), nullable=False),
    sa.Column("ok", sa.Boolean, nullable=False),
    sa.Column("status_code", sa.Integer, nullable=True),
    sa.Column("error", sa.Text, nullable=True),
    sa.Column("duration_ms", sa.Float, nullable=False),
)

sa.Index("ix_deliveries_claim", deliveries.c.status, deliveries.c.next_attempt_at)
sa.Index("ix_notifications_recent", notifications.c.user_id, notifications.c.created_at)
sa.Index("ix_notifications_thread", notifications.c.user_id, notifications.c.collapse_key)
