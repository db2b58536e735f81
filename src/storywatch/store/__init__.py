"""Storage: tables, migrations and the queries of each resource, one module per resource.

Every query function takes an ``AsyncConnection`` from :class:`Database`, so a caller can put
several of them in one transaction (the outbox rule: a match and its notifications commit
together).
"""

from storywatch.store.database import Database

__all__ = ["Database"]
