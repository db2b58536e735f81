"""One declarative table of settings.

Every setting is declared once here with its type, default and help text; the environment
(``STORYWATCH_<NAME>``) and an optional TOML file (``STORYWATCH_CONFIG``) override defaults,
and ``docs/configuration.md`` is generated from this table (``storywatch settings --markdown``)
so the documentation cannot drift from the code. No module reads the environment itself.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Everything an operator can set. Field descriptions are the documentation."""

    model_config = SettingsConfigDict(env_prefix="STORYWATCH_", extra="forbid", frozen=True)

    # ----------------------------------------------------------------- service
    data_dir: Path = Field(
        Path("./storywatch-data"),
        description="Folder for the SQLite database, VAPID keys and other local state.",
    )
    database_url: str | None = Field(
        None,
        description="SQLAlchemy URL of the database. Unset: a SQLite file in data_dir. "
        "For PostgreSQL: postgresql+asyncpg://user@host/db.",
    )
    redis_url: str | None = Field(
        None,
        description="Redis URL (redis://host:6379/0). Set: the stages talk over Redis Streams "
        "and live events over Redis pub/sub, so roles can run in several processes and "
        "machines (`storywatch worker --role ...`, with a shared PostgreSQL). Unset: one "
        "process, in-process bus.",
    )
    redis_prefix: str = Field(
        "storywatch",
        description="Prefix of every Redis key and pub/sub channel, so several deployments "
        "can share one Redis server.",
    )
    host: str = Field("127.0.0.1", description="Address the web server listens on.")
    port: int = Field(8000, description="Port the web server listens on.")
    base_url: str | None = Field(
        None,
        description="Public URL of the web app, used in links inside pushes and e-mails. "
        "Unset: http://host:port.",
    )
    secret_key: str | None = Field(
        None,
        description="Key that signs session cookies. Unset: generated once and kept in data_dir.",
    )
    log_level: str = Field("INFO", description="Log level: DEBUG, INFO, WARNING or ERROR.")
    log_json: bool = Field(False, description="Write structured JSON logs instead of text.")

    # ----------------------------------------------------------------- fetching (R1)
    allow_private_addresses: bool = Field(
        False,
        description="Allow fetching from private, loopback and link-local addresses. "
        "Off by default (SSRF guard); the demo and tests allow loopback only.",
    )
    allow_loopback: bool = Field(
        False, description="Allow fetching from 127.0.0.0/8 and ::1 only (the demo sets this)."
    )
    fetch_timeout_seconds: float = Field(20.0, description="Total time limit of one fetch.")
    fetch_connect_timeout_seconds: float = Field(5.0, description="Connect time limit.")
    max_feed_bytes: int = Field(10_000_000, description="Largest feed body accepted (bytes).")
    max_page_bytes: int = Field(5_000_000, description="Largest article page accepted (bytes).")
    max_redirects: int = Field(5, description="Redirects followed per fetch, each re-checked.")
    user_agent: str = Field(
        "Storywatch/0.1 (+https://github.com/storywatch/storywatch)",
        description="User-Agent header sent with every fetch.",
    )

    # ----------------------------------------------------------------- polling (S2)
    poll_min_interval_seconds: int = Field(60, description="Shortest interval between polls.")
    poll_max_interval_seconds: int = Field(
        6 * 3600, description="Longest interval between polls of a quiet feed."
    )
    poll_default_interval_seconds: int = Field(
        900, description="Interval for a new feed before its publishing rate is known."
    )
    poll_concurrency: int = Field(64, description="Fetches in flight at once, over all hosts.")
    poll_per_host_concurrency: int = Field(2, description="Fetches in flight per host.")
    websub_enabled: bool = Field(True, description="Subscribe to WebSub hubs feeds advertise.")
    websub_lease_seconds: int = Field(7 * 86400, description="Lease asked of WebSub hubs.")

    # ----------------------------------------------------------------- stories (T)
    story_window_days: int = Field(
        14, description="How long a story stays open to new articles after its last one."
    )
    process_workers: int | None = Field(
        None,
        ge=0,
        description="Worker processes that extract and understand articles for the process "
        "stage, while its one consumer decides stories and writes in arrival order. Unset: one "
        "per CPU. 0: no worker processes (everything in the stage's own process).",
    )
    process_article_timeout_seconds: float = Field(
        60.0,
        gt=0,
        description="Longest an article may take in a worker process; past it the worker is "
        "stopped and the article fails with that reason (the others go on).",
    )

    # ----------------------------------------------------------------- delivery (D)
    vapid_subject: str = Field(
        "mailto:admin@localhost", description="Contact sent in the VAPID claim (RFC 8292)."
    )
    smtp_host: str | None = Field(None, description="SMTP server for e-mail notifications.")
    smtp_port: int = Field(25, description="SMTP port.")
    smtp_username: str | None = Field(None, description="SMTP user name, if it needs one.")
    smtp_password: str | None = Field(None, description="SMTP password.")
    smtp_starttls: bool = Field(False, description="Use STARTTLS on the SMTP connection.")
    smtp_from: str = Field("storywatch@localhost", description="From address of e-mails.")
    delivery_max_attempts: int = Field(
        8, description="Attempts before a notification is dead-lettered for that channel."
    )
    delivery_backoff_base_seconds: float = Field(
        2.0, description="First retry delay; doubles each attempt, with jitter."
    )
    delivery_backoff_max_seconds: float = Field(3600.0, description="Longest retry delay.")
    delivery_lease_seconds: float = Field(
        60.0, description="How long a worker holds a claimed delivery before others may retake it."
    )
    delivery_concurrency: int = Field(
        256, description="Sends in flight at once in one delivery worker, over all channels."
    )
    delivery_coalesce_seconds: int = Field(
        900,
        description="A story that moves again within this many seconds of its last push updates "
        "that push in place (same tag / ntfy sequence id) instead of stacking a new one.",
    )
    delivery_user_per_hour: int = Field(
        30, description="Pushes per user per hour; beyond it, non-urgent ones wait for the digest."
    )
    delivery_story_per_hour: int = Field(
        6, description="Pushes per story per user per hour; beyond it, the latest waits its turn."
    )
    delivery_fallback_after: int = Field(
        3,
        description="Consecutive failures of a channel after which its notifications also go to "
        "its fallback channel.",
    )
    webpush_ttl_seconds: int = Field(
        86400, description="How long a push service keeps an undelivered Web Push (TTL header)."
    )
    delivery_processes: int = Field(
        1,
        ge=1,
        description="Delivery worker processes that `serve` (or `worker --role deliver`) runs; "
        "they share the outbox through leases. 2 lets Web Push fan-out use two cores.",
    )
    web_processes: int = Field(
        1,
        ge=1,
        description="Web server processes listening on the same port (SO_REUSEPORT, Linux); "
        "live-stream connections spread over them. Above 1 needs redis_url, which carries "
        "live events to every process.",
    )
    uvloop: bool = Field(
        True,
        description="Run the service on uvloop (installed with uvicorn[standard]) when it is "
        "available, except in a process that runs the process role (see runtime.run_loop); "
        "off: the standard asyncio event loop everywhere.",
    )

    # ----------------------------------------------------------------- demo
    demo: bool = Field(False, description="Run the built-in demo (feeds, user, subscription).")
    demo_speed: float = Field(
        1.0, description="Demo release speed; 2.0 releases articles twice as fast."
    )

    def public_url(self) -> str:
        """The URL people open; links in notifications are built from it."""
        return (self.base_url or f"http://{self.host}:{self.port}").rstrip("/")

    def sqlalchemy_url(self) -> str:
        """The database URL, defaulting to a SQLite file in the data directory."""
        if self.database_url:
            return self.database_url
        return f"sqlite+aiosqlite:///{(self.data_dir / 'storywatch.db').resolve()}"


def load_settings(**overrides: Any) -> Settings:
    """Build settings from defaults, the TOML file named by STORYWATCH_CONFIG, env, overrides.

    Precedence, lowest first: defaults, config file, environment, explicit overrides (the CLI
    passes its flags here).
    """
    import os

    file_values: dict[str, Any] = {}
    config_path = os.environ.get("STORYWATCH_CONFIG")
    if config_path:
        with open(config_path, "rb") as fh:
            file_values = tomllib.load(fh)
    env_only = Settings()
    merged: dict[str, Any] = {**file_values}
    for name in Settings.model_fields:
        if f"STORYWATCH_{name.upper()}" in os.environ:
            merged[name] = getattr(env_only, name)
    merged.update({k: v for k, v in overrides.items() if v is not None})
    return Settings.model_validate(merged) if merged else env_only


def settings_markdown() -> str:
    """The settings table as Markdown, for docs/configuration.md."""
    lines = [
        "| setting | environment variable | type | default | what it does |",
        "| --- | --- | --- | --- | --- |",
    ]
    for name, info in Settings.model_fields.items():
        ann = getattr(info.annotation, "__name__", None) or str(info.annotation)
        ann = ann.replace("typing.", "").replace("pathlib.", "").replace(" | None", ", optional")
        default = info.default
        shown = "" if default is None else f"`{default}`"
        lines.append(
            f"| `{name}` | `STORYWATCH_{name.upper()}` | {ann} | {shown} | {info.description} |"
        )
    return "\n".join(lines) + "\n"
