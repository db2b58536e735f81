"""Read the demo story from the data files shipped inside the package.

Each article is a small text file: ``key: value`` header lines, a blank line, then
paragraphs separated by blank lines. A paragraph that starts with ``[kind]`` is page
furniture of that kind (``[caption]``, ``[credit]``, ``[subscribe]``, ``[newsletter]``,
``[readmore]``) or a ``[correction]`` notice; any other paragraph is news text. Plain text
files keep the story easy to read and to edit by hand, and reviewable in a diff.
"""

from __future__ import annotations

import re
import tomllib
from datetime import timedelta
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import cast, get_args

from storywatch.demo.story.values import (
    DemoArticle,
    DemoStory,
    FeedFormat,
    Outlet,
    Paragraph,
    ParagraphKind,
)
from storywatch.errors import StorywatchError

STORY_TITLE = "Fire aboard the Corrandel Star closes Velmora harbor"

#: The query the demo user follows (the query language of ``storywatch.match``).
DEMO_QUERY = '"Velmora harbor" OR "Corrandel Star"'

_DAYS = {"sun": 0, "mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6}
_WHEN = re.compile(r"^(?P<day>[A-Za-z]{3}) (?P<h>\d{2}):(?P<m>\d{2})$")
_TAG = re.compile(r"^\[(?P<kind>[a-z]+)\] (?P<text>.+)$", re.S)
_REQUIRED = ("id", "outlet", "title", "author", "when", "release")


class DemoStoryError(StorywatchError):
    """A demo story file is malformed (a packaging or editing mistake)."""


def slugify(title: str) -> str:
    """A URL path piece from a title: lower case, ASCII words joined by hyphens."""
    return "-".join(re.findall(r"[a-z0-9]+", title.lower()))


def parse_when(value: str) -> timedelta:
    """``"Mon 16:00"`` → the offset from the story's Sunday 00:00."""
    match = _WHEN.match(value.strip())
    if match is None or match["day"].lower() not in _DAYS:
        raise DemoStoryError(f"bad 'when' value {value!r}: expected like 'Mon 16:00'")
    return timedelta(
        days=_DAYS[match["day"].lower()], hours=int(match["h"]), minutes=int(match["m"])
    )


def parse_paragraph(block: str) -> Paragraph:
    text = " ".join(line.strip() for line in block.splitlines())
    tagged = _TAG.match(text)
    if tagged is None:
        return Paragraph(text)
    kind = tagged["kind"]
    if kind not in get_args(ParagraphKind) or kind == "text":
        raise DemoStoryError(f"unknown paragraph kind [{kind}]")
    return Paragraph(tagged["text"], cast(ParagraphKind, kind))


def parse_article(source: str, *, name: str = "<article>") -> DemoArticle:
    """Parse one article file. ``slug`` defaults to the title's slug."""
    head, sep, body = source.replace("\r\n", "\n").partition("\n\n")
    if not sep:
        raise DemoStoryError(f"{name}: no blank line between header and body")
    header: dict[str, str] = {}
    for line in head.splitlines():
        key, colon, value = line.partition(":")
        if not colon:
            raise DemoStoryError(f"{name}: header line without ':': {line!r}")
        header[key.strip()] = value.strip()
    missing = [key for key in _REQUIRED if key not in header]
    if missing:
        raise DemoStoryError(f"{name}: missing header(s) {', '.join(missing)}")
    blocks = [b for b in re.split(r"\n\s*\n", body.strip()) if b.strip()]
    paragraphs = tuple(parse_paragraph(b) for b in blocks)
    if not any(p.kind == "text" for p in paragraphs):
        raise DemoStoryError(f"{name}: no news paragraph")
    return DemoArticle(
        id=header["id"],
        outlet=header["outlet"],
        title=header["title"],
        author=header["author"],
        slug=header.get("slug") or slugify(header["title"]),
        simulated=parse_when(header["when"]),
        release_s=float(header["release"]),
        paragraphs=paragraphs,
        replaces=header.get("replaces") or None,
    )


def parse_outlets(source: str) -> tuple[Outlet, ...]:
    data = tomllib.loads(source)
    outlets = []
    for row in data.get("outlet", []):
        fmt = row["feed_format"]
        if fmt not in get_args(FeedFormat):
            raise DemoStoryError(f"outlet {row.get('slug')}: unknown feed format {fmt!r}")
        outlets.append(
            Outlet(
                slug=row["slug"],
                name=row["name"],
                description=row["description"],
                feed_format=cast(FeedFormat, fmt),
                language=row.get("language", "en"),
            )
        )
    return tuple(outlets)


def _check(story: DemoStory) -> None:
    """Cross-file rules the renderer and server rely on."""
    slugs = {o.slug for o in story.outlets}
    seen: set[str] = set()
    for article in story.articles:
        if article.id in seen:
            raise DemoStoryError(f"duplicate article id {article.id}")
        if article.outlet not in slugs:
            raise DemoStoryError(f"{article.id}: unknown outlet {article.outlet}")
        if article.replaces is not None:
            if article.replaces not in seen:
                raise DemoStoryError(
                    f"{article.id}: replaces {article.replaces}, not released before"
                )
            if story.article(article.replaces).outlet != article.outlet:
                raise DemoStoryError(f"{article.id}: replaces an article of another outlet")
        seen.add(article.id)


def _with_original_slug(articles: list[DemoArticle]) -> list[DemoArticle]:
    """A corrected version lives at its original's URL, whatever its title says."""
    by_id = {a.id: a for a in articles}
    out = []
    for article in articles:
        origin = article
        while origin.replaces is not None and origin.replaces in by_id:
            origin = by_id[origin.replaces]
        if origin.slug != article.slug:
            article = DemoArticle(
                id=article.id,
                outlet=article.outlet,
                title=article.title,
                author=article.author,
                slug=origin.slug,
                simulated=article.simulated,
                release_s=article.release_s,
                paragraphs=article.paragraphs,
                replaces=article.replaces,
            )
        out.append(article)
    return out


def _story_files() -> Traversable:
    return resources.files("storywatch.demo.story")


@cache
def load_story() -> DemoStory:
    """The demo story, read once from the package data; articles in release order."""
    root = _story_files()
    outlets = parse_outlets(root.joinpath("outlets.toml").read_text(encoding="utf-8"))
    files = sorted(
        (f for f in root.joinpath("articles").iterdir() if f.name.endswith(".txt")),
        key=lambda f: f.name,
    )
    articles = [parse_article(f.read_text(encoding="utf-8"), name=f.name) for f in files]
    articles.sort(key=lambda a: (a.release_s, a.simulated, a.id))
    story = DemoStory(
        title=STORY_TITLE,
        query=DEMO_QUERY,
        outlets=outlets,
        articles=tuple(_with_original_slug(articles)),
    )
    _check(story)
    return story
