"""X3: bad HTML, wrong encodings, huge pages and junk give an article or an ExtractError, never
any other exception, and in bounded time."""

from __future__ import annotations

import gzip
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from lxml.html import HtmlElement

from storywatch.errors import ExtractError
from storywatch.extract import extract_article, extract_article_bytes
from storywatch.extract.marks import collect_marks
from storywatch.extract.parse import MAX_ELEMENTS, markup_bytes, parse_html

PARAGRAPH = (
    "<p>The harbour authority said on Monday that the work on quay wall {n} would take "
    "several more weeks, because divers had found more damage than expected.</p>"
)


def _article_or_error(page: str | bytes) -> str:
    """The text, or the ExtractError's reason; any other exception fails the test."""
    try:
        if isinstance(page, bytes):
            return extract_article_bytes(page).text
        return extract_article(page).text
    except ExtractError as err:
        reason = err.message
    assert reason  # a reason a person can read
    return ""


def test_huge_page_is_cut_and_still_read() -> None:
    page = (
        "<html><body><article>"
        + "".join(PARAGRAPH.format(n=n) for n in range(60_000))
        + "</article></body></html>"
    )
    assert len(page) > 9_000_000
    started = time.perf_counter()
    text = extract_article(page).text
    assert time.perf_counter() - started < 30  # bounded; typically a few seconds on 2 cores
    assert text.startswith("The harbour authority said on Monday that the work on quay wall 0 ")
    assert "quay wall 59999" not in text  # the tail beyond the limit is not read


def test_huge_script_does_not_push_the_article_out() -> None:
    script = "<script>" + "var tracking = {a: 1, b: [2, 3]};" * 200_000 + "</script>"
    body = "".join(PARAGRAPH.format(n=n) for n in range(5))
    page = f"<html><head>{script}</head><body><article>{body}</article></body></html>"
    text = extract_article(page).text
    assert "quay wall 4 would take" in text


def test_tree_with_too_many_elements_is_trimmed_in_document_order() -> None:
    page = (
        "<html><body>"
        + "".join(f"<div><span>item {n}</span></div>" for n in range(40_000))
        + "</body></html>"
    )
    tree = parse_html(page)
    assert tree.xpath("count(//*)") <= MAX_ELEMENTS
    assert tree.xpath("string(//body/div[1]/span)") == "item 0"


def test_every_node_is_an_html_element_and_a_form_wrapped_article_is_read() -> None:
    # The parser uses a plain class lookup (every element an HtmlElement), so form controls
    # must still offer text_content() and the extractors' form handling must still work.
    page = (
        '<html><head><title>Quay wall</title></head><body><form id="aspnetForm">'
        '<input type="hidden" name="state" value="x"><label>Search</label>'
        "<div class='story'>"
        + "".join(PARAGRAPH.format(n=n) for n in range(6))
        + "</div><textarea>comment</textarea><select><option>a</option></select>"
        "</form></body></html>"
    )
    tree = parse_html(page)
    assert all(isinstance(el, HtmlElement) for el in tree.iter(tag=etree.Element))
    assert "divers had found" in tree.find(".//form").text_content()
    text = extract_article(page).text
    assert text.count("divers had found more damage") == 6


@pytest.mark.parametrize(
    "page",
    [
        "<html><body><div><p>unclosed <b>bold <i>italic " + "text " * 50,
        "<p>" * 5000 + "deep paragraphs " * 100,
        "<div>" * 100_000 + "deep " * 100 + "</div>" * 100_000,
        "<?xml version='1.0' encoding='utf-8'?><html><body><p>"
        + "declared xml " * 40
        + "</p></body></html>",
        "<html><body><p>nul\x00 and control\x07\x1b characters "
        + "in text " * 40
        + "</p></body></html>",
        "<html><body>" + "<table><tr><td>" * 300 + "cell " * 200 + "</body></html>",
        '<html><body><p title="' + "x" * 100_000 + '">attribute bomb</p></body></html>',
        "<html><body><p>&#xD800; &#0; &#x110000; &bogus; &amp;&lt;"
        + "entities " * 40
        + "</p></body></html>",
        '{"json": "not html", "list": [1, 2, 3]}',
        "<html><head><script type='application/ld+json'>{not json,,}</script></head><body><p>"
        + "broken json-ld " * 30
        + "</p></body></html>",
        "<html><head><meta charset='utf-16'></head><body><p>"
        + "wrong meta charset " * 20
        + "</p></body></html>",
        "<svg xmlns='http://www.w3.org/2000/svg'><text>only an image</text></svg>",
        "<frameset><frame src='a.html'></frameset>",
    ],
)
def test_bad_html_never_raises_anything_but_extract_error(page: str) -> None:
    _article_or_error(page)
    _article_or_error(page.encode("utf-8", errors="surrogatepass"))


@pytest.mark.parametrize(
    "data",
    [
        gzip.compress(b"<html><body><p>compressed but served as text</p></body></html>"),
        bytes(range(256)) * 50,
        b"\xff\xfe" + "<p>utf-16 with a bom</p>".encode("utf-16-le") * 20,
        "<p>UTF-16 without a BOM</p>".encode("utf-16-le") * 30,
        b"\x00" * 10_000,
        b"<html><body><p>" + "Grüße aus Köln ".encode("cp1252") * 30 + b"</p></body></html>",
    ],
)
def test_junk_bytes_never_raise_anything_but_extract_error(data: bytes) -> None:
    _article_or_error(data)


def test_binary_junk_is_refused_with_a_reason() -> None:
    with pytest.raises(ExtractError, match=r"binary|gzip"):
        extract_article_bytes(bytes(range(256)) * 50)
    with pytest.raises(ExtractError, match="gzip"):
        extract_article_bytes(gzip.compress(b"<html>x</html>"))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3000))
def test_fuzz_bytes(data: bytes) -> None:
    _article_or_error(data)


_TAGS = st.sampled_from(
    [
        "p",
        "div",
        "article",
        "h1",
        "span",
        "script",
        "style",
        "a",
        "li",
        "ul",
        "figure",
        "figcaption",
        "meta",
        "title",
    ]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(_TAGS, st.text(max_size=200), st.booleans()),
        max_size=40,
    )
)
def test_fuzz_tag_soup(parts: list[tuple[str, str, bool]]) -> None:
    page = "".join(f"<{tag}>{text}" + (f"</{tag}>" if close else "") for tag, text, close in parts)
    _article_or_error(page)


@pytest.mark.parametrize(
    "url", ["http://[::1", "http://exa mple.com/a", "javascript:alert(1)", "x" * 5000, "", None]
)
def test_malformed_page_urls_cost_the_links_not_the_article(url: str | None) -> None:
    body = "".join(PARAGRAPH.format(n=n) for n in range(4))
    head = (
        '<link rel="canonical" href="http://[::1/x"><meta property="og:image" '
        'content="javascript:alert(1)"><meta property="og:url" content="/relative/only">'
    )
    page = f"<html><head>{head}</head><body><article>{body}</article></body></html>"
    article = extract_article(page, url)
    assert "quay wall 3" in article.text
    assert article.image is None
    assert article.canonical_url is None


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_fuzz_page_url(url: str) -> None:
    body = "".join(PARAGRAPH.format(n=n) for n in range(3))
    page = f"<html><body><article>{body}</article></body></html>"
    assert "quay wall 2" in extract_article(page, url).text


def test_markup_reaches_the_parser_as_utf8_without_control_characters() -> None:
    page = (
        "<?xml version='1.0'?><html><body><p>Zürich\x07 — “quoted”\x00 \ud800 ok</p></body></html>"
    )
    data = markup_bytes(page)
    assert data.startswith(b"<html>")
    assert "Zürich  — “quoted”  ? ok".encode() in data
    tree = parse_html(page)
    assert tree.xpath("string(//p)") == "Zürich  — “quoted”  ? ok"


def test_the_marks_walk_counts_what_the_parser_counted() -> None:
    """The extractor trims from the readers' walk's count instead of an XPath count."""
    for page in (
        "<html><body><div><p>a</p><p>b</p></div></body></html>",
        "<html><body><p>a</p></body></html><div><span>beside the root</span></div>",
    ):
        tree = parse_html(page, bounded=False)
        assert collect_marks(tree).elements == tree.xpath("count(//*)")


def test_a_page_with_too_many_elements_is_read_from_its_first_elements() -> None:
    page = (
        "<html><body><article>"
        + "".join(PARAGRAPH.format(n=n) for n in range(5))
        + "</article>"
        + "".join(f"<div><span>item {n}</span></div>" for n in range(40_000))
        + "<p>Text beyond the cut never reaches the article.</p></body></html>"
    )
    text = extract_article(page).text
    assert "quay wall 4 would take" in text
    assert "beyond the cut" not in text
