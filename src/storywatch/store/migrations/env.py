"""Alembic environment: always runs on a connection handed over by ``storywatch.store.migrate``.

The service migrates itself at start-up through :func:`storywatch.store.migrate.upgrade`, so
there is no alembic.ini to keep in sync with the settings; ``storywatch db upgrade`` is the
command-line entry.
"""

from __future__ import annotations

from alembic import context

from storywatch.store.tables import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - guarded for people who run bare `alembic`
    raise SystemExit("run migrations with `storywatch db upgrade`, not bare alembic")

context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
