"""From a feed item to an arriving article: decide whether the feed text is the article."""

from __future__ import annotations

from storywatch.model import FeedEntry, IncomingArticle, ParsedFeed
from storywatch.sources.text import html_to_text

# A feed body shorter than this (as text) is taken for a teaser: the page is fetched (S5).
FULL_TEXT_CHARS = 700


def entry_to_incoming(entry: FeedEntry, feed: ParsedFeed) -> IncomingArticle:
    """The article a feed item announces.

    ``html`` is the richest HTML the feed has (full content, else the description, which many
    RSS feeds fill with the whole text). ``needs_page`` asks the process stage to fetch the
    page (S5) when that is only a teaser; ``html`` then remains a fallback if the page fails.
    """
    body = entry.content_html or entry.summary_html
    full = len(html_to_text(body)) >= FULL_TEXT_CHARS
    return IncomingArticle(
        guid=entry.guid,
        url=entry.url,
        title=entry.title,
        html=body,
        summary=entry.summary_html,
        author=entry.authors[0] if entry.authors else None,
        published=entry.published or entry.updated,
        language=entry.language or feed.language,
        categories=entry.categories,
        needs_page=not full and entry.url is not None,
        updated=entry.updated,
    )
