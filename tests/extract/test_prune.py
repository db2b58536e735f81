"""The prune walks select what trafilatura's own queries select, leaving the same tree."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from trafilatura.baseline import html2txt
from trafilatura.settings import BASIC_CLEAN_XPATH
from trafilatura.xpaths import RAW_TREE_PRUNE_XPATH, REMOVE_COMMENTS_AND_LISTS_XPATH

from storywatch.extract import prune
from storywatch.extract.marks import collect_marks
from storywatch.extract.parse import parse_html

FIXTURES = Path(__file__).parent / "fixtures"

# Each holds elements the queries select and near misses they must not.
CASES = {
    "infinite scroll": (
        "<div id='main'><h1>Title</h1><p>Body text.</p>"
        "<div class='infinite-scroll'><p>Next article.</p></div>tail one"
        "<section id='infinitescroll-2'><p>Another.</p></section>tail two"
        "<aside class='x mvp-post-add-box'><h1>Held h1</h1></aside>tail three"
        "<div class='infinite-scroll'><h1>An h1 keeps it</h1></div>"
        "<span class='infinite-scroll'>not a container tag</span>"
        "<div class='InfiniteScroll'>case differs</div></div>"
    ),
    "share bars": (
        "<div class='elementor-share-buttons x'>Share</div>after"
        "<section class='a elementor-share-buttons'>Share</section>"
        "<p class='elementor-share-buttons'>a paragraph is not pruned</p>"
    ),
    "comments": (
        "<div id='comments'><p>One.</p></div>t1<section class='comment-list'>Two</section>t2"
        "<ul id='commentlist'><li>item</li></ul>t3<ol class='post-comments'><li>x</li></ol>"
        "<ul class='other' id='disqus_thread'>kept: a list needs a comment id</ul>"
        "<div id='disqus_thread'>gone</div><div id='Commentary'>kept</div>"
        "<div class='x comment'>kept: not at the start</div><details id='comol'>gone</details>"
        "<div class='article-comments'><div id='comment-3'>nested</div></div>tail"
    ),
    "attributes in either order": (
        "<div class='comments' id='x'>a</div><div id='x' class='comments'>b</div>"
        "<div id='comment-1' class='infinite-scroll'>c</div>"
    ),
}


def _trees(html: str) -> tuple[etree._Element, etree._Element]:
    return parse_html(html), parse_html(html)


def _pages() -> list[str]:
    pages = [f"<html><body>{body}</body></html>" for body in CASES.values()]
    pages += [path.read_text() for path in sorted(FIXTURES.glob("*.html"))]
    return pages


def test_the_walk_is_used_with_trafilaturas_queries() -> None:
    assert prune.WALK, "trafilatura's prune queries changed: re-derive the walk"


@pytest.mark.parametrize("comments", [True, False])
@pytest.mark.parametrize("html", _pages())
def test_walk_leaves_the_tree_the_queries_leave(html: str, comments: bool) -> None:
    walked, queried = _trees(html)
    prune.prune_raw(walked, comments=comments, walk=True)
    prune.prune_raw(queried, comments=comments, walk=False)
    assert etree.tostring(walked) == etree.tostring(queried)


@pytest.mark.parametrize("html", _pages())
def test_walk_selects_what_each_query_selects(html: str) -> None:
    tree = parse_html(html)
    scroll, share, comments = prune.selected(tree, comments=True)
    assert scroll == RAW_TREE_PRUNE_XPATH[0](tree)
    assert share == RAW_TREE_PRUNE_XPATH[1](tree)
    assert comments == REMOVE_COMMENTS_AND_LISTS_XPATH[0](tree)


def test_the_cases_prune_something() -> None:
    """The cases above exercise every list (a walk that selects nothing would pass too)."""
    tree = parse_html("<html><body>" + "".join(CASES.values()) + "</body></html>")
    scroll, share, comments = prune.selected(tree, comments=True)
    assert (len(scroll), len(share), len(comments)) == (4, 2, 11)


PAGE_TEXT_CASES = {
    "tags and footers": (
        "<div id='main'><p>Body <b>text</b>.</p><aside>side</aside>after aside"
        "<div class='site-footer'>foot</div>t1<div id='footer' class='x'>id first</div>t2"
        "<div class='x' id='footer'>class first: kept</div><footer>f</footer>"
        "<script>var a;</script><style>p{}</style><svg><text>s</text></svg><template>t</template>"
        "<p>Closing\u00adparagraph\u200b with <span>inline</span> text.</p></div>"
    ),
    "cookie banners": (
        "<div class='Cookie-Banner'>accept</div>tail<p id='onetrust-consent-sdk'>ot</p>"
        "<span class='notice__cookie'>n</span><section class='cookies'>kept</section>"
        "<div class='consent_manager'>c</div><p>Text stays.</p>"
    ),
    "no body": "<html><div>Only a div<aside>gone</aside></div></html>",
}


@pytest.mark.parametrize("html", [*PAGE_TEXT_CASES.values(), *_pages()])
def test_page_text_chars_is_html2txts_length(html: str) -> None:
    tree = parse_html(html)
    before = etree.tostring(tree)
    assert prune.page_text_chars(tree, walk=True) == len(html2txt(tree))
    assert etree.tostring(tree) == before  # the page is left as it was


@pytest.mark.parametrize("html", [*PAGE_TEXT_CASES.values(), *_pages()])
def test_basic_clean_walk_selects_what_the_query_selects(html: str) -> None:
    tree = parse_html(html)
    assert prune.basic_clean_selected(tree) == BASIC_CLEAN_XPATH(tree)


def test_the_page_text_cases_delete_something() -> None:
    tree = parse_html("<html><body>" + "".join(PAGE_TEXT_CASES.values()) + "</body></html>")
    tags = [el.tag for el in prune.basic_clean_selected(tree)]
    assert tags.count("div") == 4 and "p" in tags and "span" in tags and "section" not in tags


@pytest.mark.parametrize(
    "html", [*_pages(), "<html><body><div id='a'>x</div></body></html><div id='b'/>"]
)
def test_the_marks_walk_gathers_the_prune_candidates(html: str) -> None:
    """The readers' walk hands the prune its candidates: the same ones, in the same order
    (an element beside the root element is not one: the queries search below the root)."""
    tree = parse_html(html)
    assert collect_marks(tree).prune_candidates == list(prune.candidates(tree))


@pytest.mark.parametrize("html", [*PAGE_TEXT_CASES.values(), *_pages()])
def test_basic_cleaning_walk_leaves_the_tree_the_query_leaves(html: str) -> None:
    walked, queried = _trees(html)
    prune.basic_cleaning(walked, walk=True)
    prune.basic_cleaning(queried, walk=False)
    assert etree.tostring(walked) == etree.tostring(queried)
