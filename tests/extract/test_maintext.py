"""main_text runs trafilatura's stages once per page and gives what two extract() calls gave."""

from __future__ import annotations

import json
from copy import copy
from pathlib import Path

import pytest
import trafilatura
from lxml import etree
from trafilatura.baseline import html2txt
from trafilatura.external import justext_rescue
from trafilatura.htmlprocessing import convert_tags, tree_cleaning
from trafilatura.main_extractor import extract_content
from trafilatura.xpaths import TEASER_DISCARD_XPATH

from storywatch.extract import maintext
from storywatch.extract.maintext import FULL_CASCADE_BELOW, main_text, page_settings
from storywatch.extract.parse import parse_html

FIXTURES = Path(__file__).parent / "fixtures"

SENTENCE = (
    "The harbour authority said on Monday that the ferry strike had been called off after "
    "the union accepted a new offer on pay and hours for the crews. "
)
NAV = "".join(f'<li><a href="/s{i}">Section number {i} of the site</a></li>' for i in range(60))


def _page(body: str, head: str = "") -> str:
    return f"<html><head><title>Ferry strike</title>{head}</head><body>{body}</body></html>"


PAGES = {
    # fast mode finds plenty: one pass
    "long article": _page(
        "<article><h1>Ferry strike</h1>"
        + "".join(f"<p>Update {i}: {SENTENCE * 2}</p>" for i in range(6))
        + "</article>"
    ),
    # fast mode finds little: the full cascade runs too, and on a page with much other
    # text the recall retry and justext compete
    "short article": _page(f"<article><p>{SENTENCE}</p></article><ul>{NAV}</ul>"),
    # text in <div>s rather than paragraphs
    "text in divs": _page(
        "<div class='wrap'>"
        + "".join(f"<div>{SENTENCE}</div><div><br>{SENTENCE}</div>" for _ in range(4))
        + f"</div><footer>{'<p>Copyright and imprint of the publisher. </p>' * 40}</footer>"
        + f"<nav><ul>{NAV}</ul></nav>"
    ),
    # the body only in JSON-LD: the baseline
    "json-ld body": _page(
        "<div id='app'></div>",
        "<script type='application/ld+json'>"
        + json.dumps({"@type": "NewsArticle", "articleBody": SENTENCE * 4})
        + "</script>",
    ),
    # a forum thread: posts sit in comment containers and are kept
    "forum": _page(
        "<div class='comments'>"
        + "".join(f"<div class='comment'><p>{SENTENCE}</p></div>" for _ in range(5))
        + "</div>",
        "<script type='application/ld+json'>"
        + json.dumps({"@type": "DiscussionForumPosting", "headline": "Ferry strike"})
        + "</script>",
    ),
    "empty": _page("<div></div>"),
    # scripts, styles and indentation: what the cheap bound must see through
    "scripts": _page(
        "<script>var data = {'words': 'many words in a script'};</script>\n\t\t"
        + "<style>p { margin: 0 }</style>"
        + "".join(f"\n\t<div>\n\t\t<p>{SENTENCE}</p>\n\t</div>" for _ in range(3))
        + f"<aside>{SENTENCE * 3}</aside><footer>{SENTENCE}</footer>"
    ),
    # what html2txt deletes by tag, nested: the tighter bound must count each word once
    "nested deletions": _page(
        f"<div><p>{SENTENCE}</p></div><aside><script>var x = 'a b c';</script>{SENTENCE * 2}"
        f"<footer>{SENTENCE}<svg><text>label words</text></svg></footer></aside>"
        f"<footer><style>p {{ margin: 0 }}</style>{SENTENCE * 4}</footer><svg>icon</svg>"
        f"<template><p>{SENTENCE * 3}</p></template>"
    ),
    # a teaser block: fast mode's recovery pass keeps it, the full cascade's drops it, so
    # the full cascade must run its own main extraction
    "teaser": _page(
        f"<main><p>{SENTENCE}</p></main><div class='teaser'><p>{SENTENCE * 3}</p></div>"
    ),
    "cluttered fixture": (FIXTURES / "news_cluttered.html").read_text(),
    "not an article fixture": (FIXTURES / "not_article.html").read_text(),
}


def _two_calls(tree: etree._Element, url: str) -> str:
    """What article extraction did before: extract() in fast mode, then the full cascade."""
    text = trafilatura.extract(tree, url=url, options=page_settings(True, url)) or ""
    if len(text) < FULL_CASCADE_BELOW:
        text = trafilatura.extract(tree, url=url, options=page_settings(False, url)) or text
    return text


@pytest.mark.parametrize("name", sorted(PAGES))
def test_same_text_as_trafilatura_extract(name: str) -> None:
    assert maintext.STAGES, "trafilatura's stages are importable"
    url = "https://news.example.org/2024/ferry-strike"
    tree = parse_html(PAGES[name])
    before = etree.tostring(tree)
    text = main_text(tree, url)
    assert etree.tostring(tree) == before  # the caller's tree is left as it was
    assert text == _two_calls(tree, url)


def test_the_pages_take_both_paths() -> None:
    url = "https://news.example.org/2024/ferry-strike"
    lengths = {name: len(main_text(parse_html(page), url)) for name, page in PAGES.items()}
    assert lengths["long article"] >= FULL_CASCADE_BELOW
    assert 0 < lengths["short article"] < FULL_CASCADE_BELOW
    assert lengths["json-ld body"] > 0
    assert lengths["empty"] == 0


@pytest.mark.parametrize("name", sorted(PAGES))
def test_page_text_share_agrees_with_html2txt(name: str) -> None:
    # The bound may only answer "no" where measuring would: check every length that matters.
    page = maintext._prepare(parse_html(PAGES[name]), None)
    measured = len(html2txt(page.raw))
    for chars in range(0, measured // 3, max(1, measured // 300)):
        fresh = maintext._prepare(parse_html(PAGES[name]), None)
        assert fresh.has_much_more_text_than(chars) == (chars < 0.2 * measured)
    # one page asked again and again (its bounds are kept): the same answers, largest first
    page = maintext._prepare(parse_html(PAGES[name]), None)
    for chars in reversed(range(0, measured // 3, max(1, measured // 300))):
        assert page.has_much_more_text_than(chars) == (chars < 0.2 * measured)


@pytest.mark.parametrize("name", sorted(PAGES))
def test_taking_the_tree_apart_gives_the_same_text(name: str) -> None:
    url = "https://news.example.org/2024/ferry-strike"
    kept = main_text(parse_html(PAGES[name]), url)
    assert main_text(parse_html(PAGES[name]), url, keep_tree=False) == kept


def _main_extraction(page: maintext._Page, fast: bool, url: str) -> str:
    settings = page_settings(fast, url)
    cleaned = tree_cleaning(copy(page.raw), settings)
    return str(extract_content(convert_tags(cleaned, settings, url), settings)[1])


@pytest.mark.parametrize("name", sorted(PAGES))
def test_main_extraction_differs_between_modes_only_with_teasers(name: str) -> None:
    """Why the full cascade may take fast mode's main extraction on pages without teasers."""
    url = "https://news.example.org/2024/ferry-strike"
    page = maintext._prepare(parse_html(PAGES[name]), url)
    fast, full = _main_extraction(page, True, url), _main_extraction(page, False, url)
    if name == "teaser":
        assert fast != full  # the page that shows the guard is needed
    elif not TEASER_DISCARD_XPATH[0](page.raw):
        assert fast == full


@pytest.mark.parametrize("name", sorted(PAGES))
def test_justext_on_the_page_itself_answers_as_trafilaturas(name: str) -> None:
    url = "https://news.example.org/2024/ferry-strike"
    settings = page_settings(False, url)
    page = maintext._prepare(parse_html(PAGES[name]), url)
    body, text = justext_rescue(copy(page.raw), settings)
    ours_body, ours_text = maintext._justext_last(page, settings)
    assert ours_text == text
    assert etree.tostring(ours_body) == etree.tostring(body)
