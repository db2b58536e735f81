"""Sources (S1–S6, R1): safe fetching, feed parsing, polling, WebSub, discovery, OPML.

``fetch.SafeFetcher`` is the only way the service reaches another server; ``parse_feed``
reads any feed; ``poller.Poller`` and ``websub.WebSub`` (started together by
``ingest.run_ingest``) bring new items in; ``service`` is the API the CLI and web call.
"""

from storywatch.sources.entries import entry_to_incoming
from storywatch.sources.feeds import parse_feed
from storywatch.sources.fetch import FetchResult, SafeFetcher

__all__ = ["FetchResult", "SafeFetcher", "entry_to_incoming", "parse_feed"]
