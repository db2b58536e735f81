"""trafilatura's main text of a page, fast mode first and its full cascade when that finds little.

``trafilatura.extract`` starts from scratch on every call: it copies the tree, prunes
infinite-scroll and comment containers from the copy with regular-expression XPath queries
(together about 8 % of an extraction), cleans a second copy, keeps a third for a comparison that
only the full cascade makes, and, when the text it finds is short, measures the text of the
whole page (html2txt, another copy and regular-expression query) to decide whether to retry
in recall mode. On the pages where fast mode finds under :data:`FULL_CASCADE_BELOW`
characters we called it twice, and the second call redid all of that on the same tree.
Here the pruned copy, the page-text measure, the baseline's answer and the recall-mode
main extraction (which reads nothing that differs between the modes) are made once per
page and serve both modes, as does fast mode's main extraction on pages without teaser
blocks (the one thing its main extractor treats differently between the modes); fast mode
makes no copy for the comparison it does not make. The raw-tree prune and the page-text
measure run trafilatura's queries as Python walks (:mod:`.prune`). Each mode runs
trafilatura's own stages (``extract_content``, ``compare_extraction``, ``baseline``, the
recall retry, justext) and decides between their answers with trafilatura's own thresholds.

The stages and thresholds are trafilatura's (2.3): this module only orders them for the
settings we use (no comments, tables, no images or links, balanced focus), so the text is
the text ``trafilatura.extract`` returns with those settings, as ``tests/extract/
test_maintext.py`` checks on pages that take each path (and did on all 1,120 evaluation
pages). A trafilatura upgrade must pass that test; should a release move these functions,
:func:`main_text` falls back to calling ``trafilatura.extract`` twice, as before.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Iterator
from copy import copy
from dataclasses import dataclass, field

import trafilatura
from lxml.etree import _Element
from lxml.html import HtmlElement
from trafilatura.settings import Extractor

from storywatch.extract.prune import (
    BASIC_CLEAN_TAGS,
    QUERIES,
    Candidate,
    basic_cleaning,
    page_text_chars,
    prune_raw,
)

log = logging.getLogger(__name__)

# Fast-mode text shorter than this is re-extracted with trafilatura's full cascade.
FULL_CASCADE_BELOW = 1000

try:  # trafilatura's stages; a release without them gets the two plain calls instead
    from trafilatura.baseline import _BLOCK_ELEMS as _SPACED_TAGS
    from trafilatura.baseline import baseline
    from trafilatura.core import (
        ESCALATION_ACCEPT_RATIO,
        ESCALATION_JUSTEXT_RATIO,
        ESCALATION_MAX_LENGTH,
        ESCALATION_PAGE_SHARE,
        _forum_thread_page,
    )
    from trafilatura.external import compare_extraction, try_justext
    from trafilatura.htmlprocessing import convert_tags, tree_cleaning
    from trafilatura.main_extractor import extract_content
    from trafilatura.utils import normalize_unicode, trim
    from trafilatura.xml import xmltotxt
    from trafilatura.xpaths import TEASER_DISCARD_XPATH

    STAGES = QUERIES
except ImportError:  # pragma: no cover - depends on the installed trafilatura
    STAGES = False


def _settings(fast: bool) -> Extractor:
    return Extractor(
        fast=fast,
        comments=False,
        tables=True,
        images=False,
        with_metadata=False,
        dedup=False,
    )


# Built once per mode: an ``Extractor`` reads eight values through ConfigParser (about
# 0.1 ms). Each page gets a shallow copy carrying its URL.
_FAST_SETTINGS = _settings(fast=True)
_FULL_SETTINGS = _settings(fast=False)

# extract() also applies a tree-size limit and a comments threshold from trafilatura's
# configuration; by default there is no limit and the threshold is 1. Configured otherwise,
# the plain calls are used.
_STAGED = (
    STAGES and _FAST_SETTINGS.max_tree_size is None and _FAST_SETTINGS.min_output_comm_size > 0
)


def page_settings(fast: bool, url: str | None) -> Extractor:
    """trafilatura's settings for one page, in fast mode or for the full cascade."""
    settings = copy(_FAST_SETTINGS if fast else _FULL_SETTINGS)
    settings.url = url
    settings.source = url
    return settings


@dataclass(slots=True)
class _Page:
    """What both modes start from, made once per page."""

    raw: HtmlElement  # the page (or a copy) without infinite-scroll and comment containers
    url: str | None
    page_chars: int | None = None  # length of html2txt(raw), measured when first needed
    # the recall-mode main extraction (body, text, cleaned tree before conversion)
    recall: tuple[_Element, str, HtmlElement] | None = None
    fallback: tuple[_Element, str, int] | None = None  # trafilatura's baseline of ``raw``
    # fast mode's main extraction (body, text), which the full cascade may share
    balanced: tuple[_Element, str] | None = None
    # upper bounds on page_chars made so far, and the steps that make the next ones
    bounds: list[int] = field(default_factory=list)
    bound_steps: Iterator[int] | None = None

    def baseline_answer(self) -> tuple[_Element, str, int]:
        if self.fallback is None:
            self.fallback = baseline(self.raw)
        return self.fallback

    def text_chars(self) -> int:
        if self.page_chars is None:
            self.page_chars = page_text_chars(self.raw)
        return self.page_chars

    def _bounds(self) -> Iterator[int]:
        """Upper bounds on html2txt's length, each tighter and dearer than the one before
        (see :meth:`has_much_more_text_than`)."""
        body = self.raw.find(".//body")
        if body is None:
            body = self.raw
        spaced = 2 * sum(1 for _ in body.iter(*_SPACED_TAGS))
        text = body.text_content()
        deleted = [element.text or "" for element in body.iter("script", "style")]
        # First with whitespace counted as it stands, which costs no split.
        yield len(text) - sum(map(len, deleted)) + spaced
        words = text.split()
        letters, count = sum(map(len, words)), len(words)
        for chunk in deleted:
            chunk_words = chunk.split()
            letters -= sum(map(len, chunk_words))
            count -= len(chunk_words) - 2
        yield letters + max(count, 0) + spaced
        # Last: html2txt deletes asides, footers, SVG and templates too, whatever they hold
        # (the outermost ones, scripts and styles outside them).
        for el in body.iter(*BASIC_CLEAN_TAGS):
            if el.tag not in ("script", "style") and not any(
                a.tag in BASIC_CLEAN_TAGS for a in el.iterancestors()
            ):
                held = el.text_content().split()
                letters -= sum(map(len, held))
                count -= len(held) - 2
                for inner in el.iter("script", "style"):  # already taken off above
                    inner_words = (inner.text or "").split()
                    letters += sum(map(len, inner_words))
                    count += len(inner_words) - 2
        yield letters + max(count, 0) + spaced

    def has_much_more_text_than(self, chars: int) -> bool:
        """Whether ``chars`` is under trafilatura's share of the page's text (html2txt).

        html2txt copies the page, deletes scripts, styles, asides, footers and cookie
        banners with a regular-expression XPath query, spaces out block elements and
        normalises whitespace: about a tenth of a fast-mode extraction. Its length has an
        upper bound that costs a fraction of that, and when even the bound is too short for
        the share the answer is no without measuring (seven times in ten on our evaluation
        pages). The bound:

        - deleting text never adds characters or words, so the page's text less its
          scripts and styles (which html2txt always deletes) bounds the cleaned text;
        - normalised text is its non-space characters and one space between words, and
          deleting a run of text removes its non-space characters and all but two of its
          words (only its two ends can join words around it);
        - spacing out adds a space at most twice per block element: two more words each.

        Before measuring, a tighter bound also takes off the outermost asides, footers, SVG
        and templates, which html2txt deletes whatever they hold (105 measurements instead of
        134 on the trafilatura evaluation pages). Both modes ask; each bound is made once
        per page, and once measured the measure answers alone.
        """
        if self.page_chars is None:  # measured already: the bounds have nothing to add
            if self.bound_steps is None:
                self.bound_steps = self._bounds()
            for step in itertools.count():
                if step == len(self.bounds):  # the next, tighter bound, made once per page
                    bound = next(self.bound_steps, None)
                    if bound is None:
                        break
                    self.bounds.append(bound)
                if chars >= ESCALATION_PAGE_SHARE * self.bounds[step]:
                    return False
        return chars < ESCALATION_PAGE_SHARE * self.text_chars()


def _prepare(
    tree: HtmlElement,
    url: str | None,
    *,
    keep_tree: bool = True,
    candidates: list[Candidate] | None = None,
) -> _Page:
    raw = copy(tree) if keep_tree else tree
    # trafilatura's queries, as one walk (see .prune); on a forum thread the "comments" are
    # the posts
    among = None if keep_tree else candidates  # a copy has elements of its own
    prune_raw(raw, comments=not _forum_thread_page(raw), among=among)
    return _Page(raw, url)


def _extract_and_compare(page: _Page, settings: Extractor) -> tuple[_Element, str]:
    """The main extractor on a cleaned copy; in the full cascade, readability and justext too.

    The comparison needs the cleaned tree as it was before tag conversion; fast mode does
    not, so it gets no copy. The full cascade cleans and converts the same tree as fast mode
    did (the cleaning and conversion read nothing that differs between the modes), and its
    main extractor reads the mode in one place only: when its main pass finds little, its
    recovery pass keeps teaser blocks in fast mode and drops them otherwise. On a page with
    no teaser block that makes no difference, and fast mode's answer is taken as it is
    (``xmltotxt`` without formatting and the comparison only read it).
    """
    cleaned = tree_cleaning(copy(page.raw), settings)
    if settings.fast:
        body, text = extract_content(convert_tags(cleaned, settings, page.url), settings)
        page.balanced = (body, text)
        return body, text
    before_conversion = copy(cleaned)
    converted = convert_tags(cleaned, settings, page.url)
    if page.balanced is not None and not any(query(converted) for query in TEASER_DISCARD_XPATH):
        body, text = page.balanced
    else:
        body, text = extract_content(converted, settings)
    return compare_extraction(before_conversion, copy(page.raw), body, text, settings)


def _recall_retry(page: _Page, settings: Extractor) -> tuple[_Element, str]:
    """The recall-mode retry: the main extractor, and in the full cascade the comparison.

    In recall mode trafilatura's main extractor reads nothing that differs between fast
    mode and the full cascade, so its answer is made once per page and shared.
    """
    recall = copy(settings)
    recall.focus = "recall"
    if page.recall is None:
        cleaned = tree_cleaning(copy(page.raw), recall)
        before_conversion = copy(cleaned)
        body, text = extract_content(convert_tags(cleaned, recall, page.url), recall)
        page.recall = (body, text, before_conversion)
    body, text, before_conversion = page.recall
    if not settings.fast:  # the last use of the page's recall extraction: no copy
        body, text = compare_extraction(before_conversion, copy(page.raw), body, text, recall)
    return body, text


def _justext_last(page: _Page, settings: Extractor) -> tuple[_Element, str]:
    """trafilatura's ``justext_rescue`` on the page itself: the full cascade's last use of
    it, so no copy; and what it deletes first is chosen by the prune walk."""
    body = try_justext(basic_cleaning(page.raw), settings.url, settings.lang)
    return body, trim(" ".join(body.itertext()))


def _cascade(page: _Page, settings: Extractor) -> str:
    """One mode's run of trafilatura's stages on the shared page."""
    body, text = _extract_and_compare(page, settings)
    if len(text) < settings.min_extracted_size:  # the baseline, if it finds more
        base_body, base_text, base_chars = page.baseline_answer()
        if base_chars > len(text):
            body, text = base_body, base_text
    if 0 < len(text) < ESCALATION_MAX_LENGTH and page.has_much_more_text_than(len(text)):
        # Little text from a page with much: retry in recall mode, and in the full
        # cascade let justext compete; keep one only if clearly longer.
        retry_body: _Element | None = None
        retry_text = justext_text = ""
        try:
            retry_body, retry_text = _recall_retry(page, settings)
        except Exception:  # trafilatura guards its retry the same way
            log.debug("recall retry failed on %s", page.url, exc_info=True)
        justext_body: _Element | None = None
        if not settings.fast:
            try:
                justext_body, justext_text = _justext_last(page, settings)
            except Exception:
                log.debug("justext failed on %s", page.url, exc_info=True)
        if (
            justext_body is not None
            and len(justext_text) > len(retry_text)
            and len(justext_text) > ESCALATION_JUSTEXT_RATIO * len(text)
        ):
            body, text = justext_body, justext_text
        elif (
            retry_body is not None
            and len(retry_text) >= settings.min_extracted_size
            and len(retry_text) > ESCALATION_ACCEPT_RATIO * len(text)
        ):
            body, text = retry_body, retry_text
    if len(text) < settings.min_output_size:
        return ""
    return normalize_unicode(xmltotxt(body, settings.formatting).strip())


def _plain_text(tree: HtmlElement, url: str | None, *, fast: bool) -> str:
    return trafilatura.extract(tree, url=url, options=page_settings(fast, url)) or ""


def main_text(
    tree: HtmlElement,
    url: str | None,
    *,
    keep_tree: bool = True,
    candidates: list[Candidate] | None = None,
) -> str:
    """trafilatura's text of the page: fast mode, and the full cascade when it finds little.

    The full cascade's text wins unless it is empty. ``tree`` is left as it was, or with
    ``keep_tree=False`` pruned in place and read no more (a copy of the page saved for a
    caller that has read what it needs from it); then ``candidates``, the page's
    :attr:`~storywatch.extract.marks.PageMarks.prune_candidates`, spare the prune its walk.
    """
    if not _STAGED:  # pragma: no cover - depends on the installed trafilatura
        text = _plain_text(tree, url, fast=True)
        if len(text) < FULL_CASCADE_BELOW:
            text = _plain_text(tree, url, fast=False) or text
        return text
    page = _prepare(tree, url, keep_tree=keep_tree, candidates=candidates)
    text = _cascade(page, page_settings(True, url))
    if len(text) < FULL_CASCADE_BELOW:
        text = _cascade(page, page_settings(False, url)) or text
    return text
