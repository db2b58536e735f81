"""Clean plain text: publishers may send text, and extracted HTML ends up as text too.

The unit of cleaning is the paragraph. Text arrives either one paragraph per line (the seed
article, most extractors' output) or hard-wrapped at a fixed width; wrapped blocks are joined
back into paragraphs first, so that a rule never judges half a sentence.
"""

from __future__ import annotations

import re

from storywatch.extract.boilerplate import SiteBoilerplate
from storywatch.extract.clutter import Removed, filter_lines, normalise_line

_BLANK_RUN = re.compile(r"\n\s*\n")
_SENTENCE_END = (".", "!", "?", ":", '"', "”", "’", ")")


def _looks_wrapped(lines: list[str]) -> bool:
    """Lines of one block that are pieces of one paragraph cut at a fixed width."""
    if len(lines) < 2:
        return False
    body = lines[:-1]
    widths = [len(line) for line in body]
    return (
        min(widths) >= 40
        and max(widths) - min(widths) <= 30
        and not all(line.rstrip().endswith(_SENTENCE_END) for line in body)
    )


def paragraphs(text: str) -> list[str]:
    """Split text into paragraphs: one per line, with hard-wrapped blocks re-joined."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    result: list[str] = []
    for block in _BLANK_RUN.split(text):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        if _looks_wrapped(lines):
            result.append(" ".join(lines))
        else:
            result.extend(lines)
    return result


def join_paragraphs(lines: list[str]) -> str:
    """The house text format: paragraphs separated by one blank line, spaces normalised."""
    return "\n\n".join(text for text in (normalise_line(line) for line in lines) if text)


def clean_lines(
    lines: list[str],
    *,
    site: str | None = None,
    boilerplate: SiteBoilerplate | None = None,
    page: str | None = None,
) -> tuple[list[str], list[Removed]]:
    """Rule-based clutter removal, then the site's learned boilerplate (when given).

    The site model judges a page on the pages seen *before* it, then learns from it, so the
    same line is removed from the third page of a site on, not from the first.
    """
    kept, removed = filter_lines(lines)
    if boilerplate is not None and site:
        kept_now, repeated = boilerplate.split(site, kept)
        boilerplate.observe(site, lines, page=page)
        kept = kept_now
        removed.extend(Removed(normalise_line(line), "repeated on this site") for line in repeated)
    return kept, removed


def clean_text(
    text: str,
    *,
    site: str | None = None,
    boilerplate: SiteBoilerplate | None = None,
    page: str | None = None,
) -> tuple[str, tuple[str, ...]]:
    """Clutter removal for plain text; returns the clean text and the removed lines.

    ``site`` with ``boilerplate`` also removes lines the site repeats across its pages
    (see :class:`SiteBoilerplate`); ``page`` identifies this page so a re-sent copy is not
    counted twice.
    """
    kept, removed = clean_lines(paragraphs(text), site=site, boilerplate=boilerplate, page=page)
    return join_paragraphs(kept), tuple(item.line for item in removed)
