"""Lines a site repeats on many of its pages, learned as pages arrive (X2).

Rules catch clutter every site shares ("Subscribe now"); each site also has its own ("The
Gleaner: Jamaica's oldest newspaper", a standing correction policy, a reporter's sign-off).
Those are only recognisable by repetition: a short line seen on several *different* pages
of one site is the site's, not the story's.

Why only short lines, and only lines on a share of the site's pages: a site covering one
developing story repeats background ("On Sunday, Iraq's parliament passed a nonbinding
resolution ...") across its articles, and that is story text that must stay. Boilerplate is
nearly always a short line, so lines longer than ``max_line_chars`` are never learned; and it
is on most of a site's pages, whatever the story, while a background sentence is on the
pages of one story only, so a line must also be on ``min_share`` of the pages seen. A short
background sentence repeated verbatim on most of what a small site publishes is still taken
for the site's (a known limit; it costs a repeated sentence, never a new one).

The model is pure and in memory: counts of hashed, normalised lines per site, bounded in
sites (least recently seen dropped first) and in lines per site (rarest dropped first), so
it can run forever in a long-lived worker. It lives in one process (the process stage's
consumer); worker processes judge pages with a copy of its current judgement
(:meth:`SiteBoilerplate.judged`), and the consumer checks and learns each page in order.
"""

from __future__ import annotations

import hashlib
import re
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

_WS = re.compile(r"\s+")


def site_of(url: str | None) -> str | None:
    """The site key of a URL: its host, lowercased, without a leading ``www.``."""
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host.lower().removeprefix("www.")


def line_key(line: str) -> bytes | None:
    """The key the model counts a line under (None for lines too short to count)."""
    # Digits are kept: "the toll rose to 14" on a later page is news, not a repeat of
    # "the toll rose to 10" (timestamps are removed by the date-line rule instead).
    text = _WS.sub(" ", line).strip().casefold()
    if len(text) < 3:
        return None
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest()


@dataclass(slots=True)
class _Site:
    pages: int = 0
    counts: dict[bytes, int] = field(default_factory=dict)
    recent_pages: OrderedDict[bytes, None] = field(default_factory=OrderedDict)


class SiteBoilerplate:
    """Learns, per site, which short lines recur across distinct pages.

    ``min_pages``: a line is boilerplate once it has been seen on this many distinct pages of
    the site, and on at least ``min_share`` of the site's pages seen so far. ``max_sites`` and
    ``max_lines_per_site`` bound memory (about 40 bytes per line).
    Not thread-safe: use one instance from one thread at a time (the process stage does).
    """

    def __init__(
        self,
        *,
        min_pages: int = 4,
        min_share: float = 0.2,
        max_line_chars: int = 200,
        max_sites: int = 2_000,
        max_lines_per_site: int = 5_000,
    ) -> None:
        if min_pages < 2:
            raise ValueError("min_pages must be at least 2: one page cannot show repetition")
        self.min_pages = min_pages
        self.min_share = min_share
        self.max_line_chars = max_line_chars
        self.max_sites = max_sites
        self.max_lines_per_site = max_lines_per_site
        self._sites: OrderedDict[str, _Site] = OrderedDict()

    def __len__(self) -> int:
        return len(self._sites)

    def _site(self, site: str) -> _Site:
        found = self._sites.get(site)
        if found is None:
            found = _Site()
            self._sites[site] = found
            while len(self._sites) > self.max_sites:
                self._sites.popitem(last=False)
        else:
            self._sites.move_to_end(site)
        return found

    def observe(self, site: str, lines: Iterable[str], *, page: str | None = None) -> None:
        """Count one page's lines for ``site``.

        ``page`` (a URL or id) makes observing the same page twice count once, so a page
        re-fetched after an update does not teach the model its own paragraphs.
        """
        state = self._site(site)
        if page is not None:
            page_key = hashlib.blake2b(page.encode("utf-8"), digest_size=8).digest()
            if page_key in state.recent_pages:
                return
            state.recent_pages[page_key] = None
            while len(state.recent_pages) > 1_000:
                state.recent_pages.popitem(last=False)
        state.pages += 1
        seen: set[bytes] = set()
        for line in lines:
            if len(line) > self.max_line_chars:
                continue
            key = line_key(line)
            if key is None or key in seen:
                continue
            seen.add(key)
            state.counts[key] = state.counts.get(key, 0) + 1
        if len(state.counts) > self.max_lines_per_site:
            self._prune(state)

    def _prune(self, state: _Site) -> None:
        """Forget the rarest half of the lines: they are the least likely to be boilerplate."""
        ranked = sorted(state.counts.items(), key=lambda item: item[1], reverse=True)
        state.counts = dict(ranked[: self.max_lines_per_site // 2])

    def is_boilerplate(self, site: str, line: str) -> bool:
        """Whether ``line`` is on ``min_pages`` pages of ``site`` and ``min_share`` of them."""
        state = self._sites.get(site)
        if state is None or len(line) > self.max_line_chars:
            return False
        key = line_key(line)
        if key is None:
            return False
        seen = state.counts.get(key, 0)
        return seen >= self.min_pages and seen >= self.min_share * state.pages

    def judged(self, site: str) -> frozenset[bytes]:
        """Keys (:func:`line_key`) of the lines :meth:`is_boilerplate` accepts on ``site`` now.

        A process that cannot share this model (a worker process of the process stage) is
        given this set to judge a page exactly as the model would at this moment.
        """
        state = self._sites.get(site)
        if state is None:
            return frozenset()
        floor = max(self.min_pages, self.min_share * state.pages)
        return frozenset(key for key, seen in state.counts.items() if seen >= floor)

    def split(self, site: str, lines: Iterable[str]) -> tuple[list[str], list[str]]:
        """(kept, boilerplate) lines of a page, judged on the pages seen before it."""
        kept: list[str] = []
        dropped: list[str] = []
        for line in lines:
            (dropped if line.strip() and self.is_boilerplate(site, line) else kept).append(line)
        return kept, dropped
