"""Storywatch: real-time updates for the stories, people and topics you follow.

The public Python API is what ``__all__`` lists; everything else may change without notice.
"""

from __future__ import annotations

__version__ = "0.1.0"

from storywatch.extract import extract_article
from storywatch.sources.feeds import parse_feed  # after __version__: web.app imports it
from storywatch.understand import extract_statements

__all__ = ["__version__", "extract_article", "extract_statements", "parse_feed"]
