"""Sources (S1–S6, R1): safe fetching, feed parsing, polling, WebSub, discovery, OPML.

``fetch.SafeFetcher`` is the only way the service reaches another server.
"""

from storywatch.sources.fetch import FetchResult, SafeFetcher

__all__ = ["FetchResult", "SafeFetcher"]
