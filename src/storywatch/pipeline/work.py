"""The stateless half of processing one article: extraction, understanding and the story
engine's reading of the text, from values.

:func:`prepare` turns a :class:`Job` (what the stored item carried, and the fetched page when
the feed had only a summary) into a :class:`Prepared` result: the clean text, what was
understood from it, or the reason there is no article. It reads nothing but its argument and
keeps no state, so the process stage runs it in worker processes (``pipeline.pool``), many
articles at once, while the story engine, the entity directory and the database writes stay
in the stage's one consumer, in arrival order.

Two parts of processing depend on every earlier article and are therefore finished by the
consumer, not here:

- **Site boilerplate.** A site's repeated lines are learned in the consumer's one
  :class:`~storywatch.extract.SiteBoilerplate`. The job carries a *prediction*: for each site
  the article may belong to, the keys of the lines the model judges boilerplate at the moment
  the job was sent (:meth:`SiteBoilerplate.judged`). The worker judges with it and records
  every judgement (:class:`Split`) and the lines the model should learn (:class:`Observed`).
  The consumer then :func:`settle` s the result: it re-judges each recorded split with the real
  model as it stands when the article's turn comes; if every judgement agrees, the result is
  exactly what a one-article-at-a-time stage would have produced, and the model learns the
  page. If one differs (the site learned a line while the job was in flight), the consumer
  prepares the article again with an exact prediction. A failed extraction attempt (a page
  that is not an article, before the feed's own text is used) teaches the model nothing.
- **Identities across articles** (:class:`~storywatch.understand.EntityDirectory`): the
  worker understands the text alone; the consumer maps the people to known identities
  (``pipeline.identities``).

The story engine's reading of the title and text (sentences, terms, features, numbers,
what may deny, the shingle hashes: :func:`~storywatch.stories.analysis.read_text`) depends
on nothing else, so it is made here too; the engine adds what depends on the people quoted
and decides.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace

from storywatch.errors import ExtractError
from storywatch.extract import (
    SiteBoilerplate,
    clean_text,
    extract_article,
    extract_article_bytes,
    site_of,
)
from storywatch.extract.boilerplate import line_key
from storywatch.model import ExtractedArticle, Understanding
from storywatch.stories.analysis import TextReading, read_text
from storywatch.understand import understand


@dataclass(frozen=True, slots=True)
class Job:
    """Everything needed to prepare one article, as plain values (sent to a worker)."""

    article_id: int
    url: str | None
    source_url: str | None
    title: str
    raw_html: str = ""
    text: str = ""
    summary_html: str = ""
    needs_page: bool = False
    page: bytes | None = None  # the fetched page, when ``needs_page``
    page_url: str | None = None  # its URL after redirects
    content_type: str | None = None
    fetch_error: str | None = None  # why the page could not be had
    judged: Mapping[str, frozenset[bytes]] = field(default_factory=dict)
    max_line_chars: int = 200

    def sites(self) -> set[str]:
        """The sites this article may be judged under before its page is read."""
        return {s for s in (site_of(self.url), site_of(self.source_url)) if s}


@dataclass(frozen=True, slots=True)
class Split:
    """One judgement of a page's candidate lines: which were taken for the site's."""

    site: str
    lines: tuple[str, ...]
    dropped: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Observed:
    """Lines of one page the site model should learn once the article is settled."""

    site: str
    lines: tuple[str, ...]
    page: str | None


@dataclass(frozen=True, slots=True)
class Prepared:
    """The worker's answer: text and understanding, or ``error`` when there is no article."""

    article_id: int
    title: str = ""
    extracted: ExtractedArticle | None = None
    understanding: Understanding | None = None  # people not yet mapped to known identities
    reading: TextReading | None = None  # the story engine's reading of the title and text
    note: str | None = None
    error: str | None = None
    splits: tuple[Split, ...] = ()
    observed: tuple[Observed, ...] = ()
    cpu_seconds: float = 0.0


class PredictedBoilerplate(SiteBoilerplate):
    """Judges lines by a prediction of the real model and records what it was asked.

    Passed as ``boilerplate=`` to the extractors: they call :meth:`split` then
    :meth:`observe`, and the records go back to the consumer, which owns the real model.
    """

    def __init__(self, judged: Mapping[str, frozenset[bytes]], max_line_chars: int) -> None:
        super().__init__(max_line_chars=max_line_chars)
        self._judged = judged
        self.splits: list[Split] = []
        self.observed: list[Observed] = []

    def is_boilerplate(self, site: str, line: str) -> bool:
        keys = self._judged.get(site)
        if not keys or len(line) > self.max_line_chars:
            return False
        key = line_key(line)
        return key is not None and key in keys

    def split(self, site: str, lines: Iterable[str]) -> tuple[list[str], list[str]]:
        candidates = list(lines)
        kept, dropped = super().split(site, candidates)
        self.splits.append(Split(site, tuple(candidates), tuple(dropped)))
        return kept, dropped

    def observe(self, site: str, lines: Iterable[str], *, page: str | None = None) -> None:
        self.observed.append(Observed(site, tuple(lines), page))


def settle(model: SiteBoilerplate, prepared: Prepared) -> bool:
    """Check ``prepared``'s judgements against the real ``model``; learn its page if they hold.

    Returns False, leaving the model untouched, when any judgement differs from what the
    model says now: the article must then be prepared again with an exact prediction.
    """
    for split in prepared.splits:
        _kept, dropped = model.split(split.site, split.lines)
        if tuple(dropped) != split.dropped:
            return False
    for seen in prepared.observed:
        model.observe(seen.site, seen.lines, page=seen.page)
    return True


def predict(model: SiteBoilerplate, sites: Iterable[str]) -> dict[str, frozenset[bytes]]:
    """The prediction a job carries: the model's current judgement for each site."""
    return {site: model.judged(site) for site in sites}


# ---------------------------------------------------------------------------- preparing

_Attempt = Callable[[SiteBoilerplate], ExtractedArticle]


class _Attempts:
    """Runs extraction attempts, each with a fresh predicted model, keeping their records."""

    def __init__(self, job: Job) -> None:
        self.job = job
        self.splits: list[Split] = []
        self.observed: tuple[Observed, ...] = ()

    def run(self, attempt: _Attempt) -> ExtractedArticle:
        model = PredictedBoilerplate(self.job.judged, self.job.max_line_chars)
        try:
            result = attempt(model)
        finally:
            self.splits.extend(model.splits)
        self.observed = tuple(model.observed)  # only the attempt that succeeded teaches
        return result


def _has_item_content(job: Job) -> bool:
    return bool(job.raw_html.strip() or job.text.strip() or job.summary_html.strip())


def _from_page(job: Job, attempts: _Attempts) -> ExtractedArticle:
    if job.page is None:
        raise ExtractError(job.fetch_error or "the page was not fetched")
    page = job.page
    return attempts.run(
        lambda model: extract_article_bytes(
            page, job.page_url or job.url, job.content_type, boilerplate=model
        )
    )


def _from_item(job: Job, attempts: _Attempts) -> ExtractedArticle:
    """Text from what the item itself carried: HTML content, plain text, or a summary.

    Feed content is often a fragment (a few paragraphs, no page around them) that a page
    extractor rightly refuses as "not an article page"; its paragraphs are still the
    article, so they are read as text and cleaned of clutter the same way.
    """
    if job.raw_html.strip():
        try:
            return attempts.run(
                lambda model: extract_article(job.raw_html, job.url, boilerplate=model)
            )
        except ExtractError:
            pass
    source_text = job.text if job.text.strip() else html_text(job.raw_html or job.summary_html)
    if not source_text.strip():
        raise ExtractError("the item carries no text, no HTML and no page to fetch")
    site = site_of(job.url or job.source_url or "")

    def from_text(model: SiteBoilerplate) -> ExtractedArticle:
        cleaned, removed = clean_text(source_text, site=site, boilerplate=model, page=job.url)
        if not cleaned.strip():
            raise ExtractError("nothing was left of the item's text after removing clutter")
        return ExtractedArticle(text=cleaned, title=job.title or None, removed=removed)

    return attempts.run(from_text)


def _extract(job: Job, attempts: _Attempts) -> tuple[ExtractedArticle, str | None]:
    """The article's clean text, and a note when the full page could not be had.

    When the feed carried only a summary, the page is read; if that fails the item's own
    content is used instead (with the reason kept as a note), so an unreachable page costs
    detail, never the article.
    """
    if job.needs_page and job.url:
        try:
            return _from_page(job, attempts), None
        except ExtractError as exc:
            if not _has_item_content(job):
                raise
            note = f"full page unavailable, used the feed's summary: {exc.message}"
            return _from_item(job, attempts), note
    return _from_item(job, attempts), None


def prepare(job: Job) -> Prepared:
    """Extract and understand one article; every failure is a value (``error``), never raised."""
    started = time.process_time()
    attempts = _Attempts(job)
    try:
        extracted, note = _extract(job, attempts)
    except ExtractError as exc:
        return Prepared(
            job.article_id,
            title=job.title,
            error=exc.message,
            splits=tuple(attempts.splits),
            cpu_seconds=time.process_time() - started,
        )
    title = (job.title or extracted.title or "").strip() or "(untitled)"
    understanding = understand(extracted.text, title=title)
    return Prepared(
        job.article_id,
        title=title,
        extracted=extracted,
        understanding=understanding,
        reading=read_text(title, extracted.text, statements=understanding.statements),
        note=note,
        splits=tuple(attempts.splits),
        observed=attempts.observed,
        cpu_seconds=time.process_time() - started,
    )


def exact(job: Job, model: SiteBoilerplate, prepared: Prepared) -> Job:
    """``job`` with the model's current judgement for every site it was or may be judged on."""
    sites = job.sites() | {s.site for s in prepared.splits} | set(job.judged)
    return replace(job, judged=predict(model, sites))


def html_text(html: str) -> str:
    """The text of an HTML fragment, one line per block element."""
    if not html.strip():
        return ""
    from lxml import etree
    from lxml import html as lxml_html

    try:
        root = lxml_html.fromstring(html)
    except (ValueError, TypeError, etree.ParserError):
        return ""
    for el in root.iter("script", "style"):
        el.drop_tree()
    for el in root.iter("p", "div", "br", "li", "h1", "h2", "h3", "h4", "blockquote"):
        el.tail = "\n\n" + (el.tail or "")
    return str(root.text_content()).strip()
