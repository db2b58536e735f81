"""HTML pages of the demo outlets (pure): article pages, outlet front pages, an index.

The article page is deliberately cluttered the way news pages are: navigation, a subscribe
banner, share bars above and below the text, the photo caption and credit, promos and "Read
more" lines inside the body, a related list and a footer. It also carries the metadata an
extractor should find: ``<link rel="canonical">``, the byline, ``article:published_time``,
``article:modified_time`` and JSON-LD.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime
from html import escape

from storywatch.demo.markup import article_path, body_html, image_path, latest_versions
from storywatch.demo.story import STORY_TZ, DemoArticle, DemoStory, Outlet

NAV_SECTIONS = ("News", "Ports", "Business", "Weather", "Opinion", "Sport")
SHARE_LABELS = ("Share this article", "Facebook", "X", "Email", "Copy link")
RELATED_HEADING = "More from"
FOOTER_LINE = "All rights reserved. This is a fictional outlet of the Storywatch demo."


def _when(when: datetime) -> str:
    local = when.astimezone(STORY_TZ)
    return local.strftime("%A %d %B %Y, %H:%M") + " LST"


def _share_bar(url: str) -> str:
    q = escape(url)
    return (
        '<div class="share-bar" aria-label="Share">'
        f"<span>{SHARE_LABELS[0]}</span>"
        f'<a href="https://social.example/share?u={q}">{SHARE_LABELS[1]}</a>'
        f'<a href="https://x.example/intent?u={q}">{SHARE_LABELS[2]}</a>'
        f'<a href="mailto:?body={q}">{SHARE_LABELS[3]}</a>'
        f'<button type="button">{SHARE_LABELS[4]}</button>'
        "</div>"
    )


def _head(title: str, outlet: Outlet, base: str, extra: str = "") -> str:
    feed_type = {
        "atom10": "application/atom+xml",
        "jsonfeed11": "application/feed+json",
        "rss10": "application/rdf+xml",
    }.get(outlet.feed_format, "application/rss+xml")
    return (
        "<!doctype html>\n"
        f'<html lang="{outlet.language}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n"
        f'<link rel="alternate" type="{feed_type}" title="{escape(outlet.name)}" '
        f'href="{base}{outlet.feed_path}">\n'
        f"{extra}</head>\n"
    )


def _header(outlet: Outlet, base: str) -> str:
    nav = "".join(
        f'<li><a href="{base}/{outlet.slug}/{s.lower()}">{s}</a></li>' for s in NAV_SECTIONS
    )
    return (
        '<header class="site-header">\n'
        f'<a class="logo" href="{base}{outlet.home_path}">{escape(outlet.name)}</a>\n'
        f'<nav class="main-nav"><ul>{nav}</ul></nav>\n'
        f'<a class="button" href="{base}/{outlet.slug}/subscribe">Subscribe</a> '
        f'<a class="button" href="{base}/{outlet.slug}/login">Sign in</a>\n'
        "</header>\n"
    )


def _footer(outlet: Outlet, base: str) -> str:
    return (
        '<footer class="site-footer">\n'
        f"<p>© {escape(outlet.name)}. {FOOTER_LINE}</p>\n"
        f'<p><a href="{base}/{outlet.slug}/privacy">Privacy</a> · '
        f'<a href="{base}/{outlet.slug}/terms">Terms</a> · '
        f'<a href="{base}/{outlet.slug}/cookies">Cookie settings</a></p>\n'
        "</footer>\n"
    )


def render_article_page(
    story: DemoStory,
    article: DemoArticle,
    *,
    base_url: str,
    anchor: datetime,
    released: Iterable[DemoArticle] = (),
) -> str:
    """The article's web page; ``released`` feeds the "More from" list (other articles of
    the same outlet already published)."""
    base = base_url.rstrip("/")
    outlet = story.outlet(article.outlet)
    url = base + article_path(story, article)
    published = story.published(article, anchor)
    updated = story.updated(article, anchor)
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "datePublished": published.isoformat(),
        "dateModified": updated.isoformat(),
        "author": [{"@type": "Person", "name": article.author}],
        "publisher": {"@type": "Organization", "name": outlet.name},
        "image": [base + image_path(story, article)],
        "mainEntityOfPage": url,
    }
    meta = (
        f'<link rel="canonical" href="{escape(url)}">\n'
        f'<meta name="author" content="{escape(article.author)}">\n'
        f'<meta name="description" content="{escape(article.summary)}">\n'
        '<meta property="og:type" content="article">\n'
        f'<meta property="og:title" content="{escape(article.title)}">\n'
        f'<meta property="og:site_name" content="{escape(outlet.name)}">\n'
        f'<meta property="og:url" content="{escape(url)}">\n'
        f'<meta property="og:image" content="{base}{image_path(story, article)}">\n'
        f'<meta property="article:published_time" content="{published.isoformat()}">\n'
        f'<meta property="article:modified_time" content="{updated.isoformat()}">\n'
        '<script type="application/ld+json">'
        + json.dumps(ld, ensure_ascii=False).replace("</", "<\\/")
        + "</script>\n"
    )
    related = [
        a
        for a in latest_versions(story, released, outlet.slug)
        if story.original(a).id != story.original(article).id
    ][:5]
    related_html = "".join(
        f'<li><a href="{base}{article_path(story, a)}">{escape(a.title)}</a></li>' for a in related
    )
    updated_line = (
        f'<p class="updated">Updated <time datetime="{updated.isoformat()}">'
        f"{_when(updated)}</time></p>\n"
        if updated != published
        else ""
    )
    return (
        _head(f"{article.title} | {outlet.name}", outlet, base, meta)
        + "<body>\n"
        + _header(outlet, base)
        + '<div class="cookie-banner">We use cookies to improve your experience. '
        '<button type="button">Accept</button></div>\n'
        + "<main>\n<article>\n"
        + f"<h1>{escape(article.title)}</h1>\n"
        + '<p class="byline">By <span class="author" rel="author">'
        + f"{escape(article.author)}</span></p>\n"
        + f'<p class="dateline"><time class="published" datetime="{published.isoformat()}">'
        + f"{_when(published)}</time></p>\n"
        + updated_line
        + _share_bar(url)
        + '\n<div class="article-body">\n'
        + body_html(story, article, base)
        + "\n</div>\n"
        + _share_bar(url)
        + "\n</article>\n"
        + f'<aside class="related"><h2>{RELATED_HEADING} {escape(outlet.name)}</h2>'
        + f"<ul>{related_html}</ul></aside>\n"
        + "</main>\n"
        + _footer(outlet, base)
        + "</body>\n</html>\n"
    )


def render_outlet_home(
    story: DemoStory,
    outlet: Outlet,
    *,
    base_url: str,
    anchor: datetime,
    released: Iterable[DemoArticle],
) -> str:
    """The outlet's front page: its released articles and a feed link for discovery."""
    base = base_url.rstrip("/")
    items = latest_versions(story, released, outlet.slug)
    rows = "".join(
        f'<li><a href="{base}{article_path(story, a)}">{escape(a.title)}</a> '
        f"<time>{_when(story.published(a, anchor))}</time></li>\n"
        for a in items
    )
    return (
        _head(outlet.name, outlet, base)
        + "<body>\n"
        + _header(outlet, base)
        + f"<main>\n<h1>{escape(outlet.name)}</h1>\n<p>{escape(outlet.description)}</p>\n"
        + f'<ul class="headlines">\n{rows}</ul>\n</main>\n'
        + _footer(outlet, base)
        + "</body>\n</html>\n"
    )


def render_index(story: DemoStory, *, base_url: str) -> str:
    """The demo server's root: every outlet with its feed."""
    base = base_url.rstrip("/")
    rows = "".join(
        f'<li><a href="{base}{o.home_path}">{escape(o.name)}</a> — '
        f'<a href="{base}{o.feed_path}">{o.feed_format} feed</a></li>\n'
        for o in story.outlets
    )
    return (
        '<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8">'
        f"<title>Storywatch demo feeds</title></head>\n<body>\n"
        f"<h1>Storywatch demo feeds</h1>\n<p>{escape(story.title)} (a fictional story)</p>\n"
        f"<ul>\n{rows}</ul>\n</body>\n</html>\n"
    )


def placeholder_image(article: DemoArticle) -> bytes:
    """A small SVG standing in for the article's photo."""
    label = escape(article.title[:60])
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="675" viewBox="0 0 1200 675">'
        '<rect width="1200" height="675" fill="#5b6b7a"/>'
        f'<text x="40" y="620" font-size="36" fill="#fff">{label}</text></svg>'
    ).encode()
