"""The one-walk marks give the readers what their XPath queries gave them, in the same order."""

from __future__ import annotations

from lxml import etree
from lxml.html import HtmlElement

from storywatch.extract.jsonld import read_jsonld
from storywatch.extract.marks import collect_marks
from storywatch.extract.metadata import read_metadata
from storywatch.extract.parse import parse_html

# The queries the readers ran before the walk replaced them: the reference semantics.
_LEAD = etree.XPath("//p/@class | //div/@class | //h2/@class | //span/@class | //section/@class")
_BYLINE = etree.XPath(
    "//span/@class | //div/@class | //p/@class | //a/@class | //address/@class | //li/@class"
    " | //span/@id | //div/@id | //p/@id | //a/@id | //address/@id"
)
_CAPTIONS = etree.XPath("//figcaption | //p/@class | //div/@class | //span/@class | //small/@class")

PAGE = """<!doctype html><html lang="en" itemprop="datePublished" content="2020-01-01"><head>
<title>Ferry strike called off</title></head><body>
<div id="top" class="masthead"><span id="who" class="byline author">By Anna Berg</span></div>
<p class="" id="first">The ferry strike was called off on Monday.</p>
<figure><img src="a.jpg"><figcaption class="wide">The harbour at dawn</figcaption></figure>
<p class="photo-credit">Photo: Kasia Lund</p>
<small class="caption">Ferries at the pier</small>
<li id="not-a-byline-id" class="author-list">Someone</li>
<a rel="author" href="/anna">Anna Berg</a>
<div itemprop="author"><span itemprop="name">Anna Berg</span></div>
<time itemprop="datePublished" datetime="2024-02-12T08:00:00Z">12 February</time>
<section itemprop="description">The strike is off.</section>
<h2 itemprop="description" class="dek">Not without a class</h2>
</body></html>
<html><div id="navi" class="trailing">A second root element, as some pages have</div></html>
"""


def _pairs(values: list[etree._ElementUnicodeResult]) -> list[tuple[str, HtmlElement]]:
    return [(str(value), value.getparent()) for value in values]


def test_class_and_id_lists_match_the_xpath_unions_in_document_order() -> None:
    tree = parse_html(PAGE)
    marks = collect_marks(tree)
    assert marks.lead_classes == _pairs(_LEAD(tree))
    assert marks.byline_marks == _pairs(_BYLINE(tree))
    # The id written before the class comes first, as the union returns attributes.
    span = next(el for _, el in marks.byline_marks if el.get("id") == "who")
    assert [value for value, el in marks.byline_marks if el is span] == ["who", "byline author"]
    # Elements beside the root element are searched too ("//" is the whole document).
    beside = marks.byline_marks[-1][1]
    assert beside not in set(tree.iter())
    assert [value for value, el in marks.byline_marks if el is beside] == ["navi", "trailing"]


def test_captions_are_figcaptions_and_caption_or_credit_classes() -> None:
    tree = parse_html(PAGE)
    expected = [
        item if isinstance(item, HtmlElement) else item.getparent()
        for item in _CAPTIONS(tree)
        if isinstance(item, HtmlElement) or "caption" in item or "credit" in item
    ]
    marks = collect_marks(tree)
    assert marks.captions == expected
    assert [el.text_content() for el in marks.captions] == [
        "The harbour at dawn",
        "Photo: Kasia Lund",
        "Ferries at the pier",
    ]


def test_itemprop_and_rel_marks() -> None:
    tree = parse_html(PAGE)
    marks = collect_marks(tree)
    assert [el.tag for el in marks.rel_author] == ["a"]
    assert [el.tag for el in marks.itemprop_author] == ["div"]
    # The root element's own itemprop is not below it, as with descendant::*.
    assert [el.tag for el in marks.date_published] == ["time"]
    assert [el.tag for el in marks.description_only] == ["section"]


def test_metadata_reads_the_same_with_or_without_gathered_marks() -> None:
    tree = parse_html(PAGE)
    ld = read_jsonld(tree)
    meta = read_metadata(tree, ld, None)
    assert meta == read_metadata(tree, ld, None, collect_marks(tree))
    assert meta.byline == "Anna Berg"
    assert meta.published is not None and meta.published.isoformat() == "2024-02-12T08:00:00+00:00"
