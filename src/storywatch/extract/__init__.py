"""Article extraction: clean text and metadata from pages and publisher text (X1–X3).

Public API:

- :func:`extract_article` — HTML (or plain text) to :class:`~storywatch.model.ExtractedArticle`.
- :func:`extract_article_bytes` — the same from raw bytes, handling encodings.
- :func:`clean_text` — clutter removal for plain text; returns the text and removed lines.
- :func:`warm_up` — load what the extractors set up on first use (call once per worker).
- :class:`SiteBoilerplate` — learns lines a site repeats across its pages; pass one to the
  functions above (``boilerplate=``) so repeated lines are removed too.

Every function raises :class:`~storywatch.errors.ExtractError` (with a readable reason) for
input that yields no article, and no other exception.
"""

from __future__ import annotations

from storywatch.extract.article import extract_article, extract_article_bytes, warm_up
from storywatch.extract.boilerplate import SiteBoilerplate, site_of
from storywatch.extract.text import clean_text

__all__ = [
    "SiteBoilerplate",
    "clean_text",
    "extract_article",
    "extract_article_bytes",
    "site_of",
    "warm_up",
]
