"""Metadata readers: titles, JSON-LD shapes, bylines, dates and languages."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from storywatch.extract.dates import parse_date
from storywatch.extract.jsonld import read_jsonld
from storywatch.extract.language import detect_language
from storywatch.extract.metadata import clean_byline, cut_site_name, read_metadata, site_names
from storywatch.extract.parse import parse_html

NOW = datetime(2026, 1, 1, tzinfo=UTC)


@pytest.mark.parametrize(
    ("title", "cut"),
    [
        ("How to Build a Terrarium | eHow", "How to Build a Terrarium"),
        ("Harbour Daily: Ferry strike called off", "Harbour Daily: Ferry strike called off"),
        ("Harbour Daily - Ferry strike called off", "Ferry strike called off"),
        (
            "Ferry strike called off – Harbour Daily – News",
            "Ferry strike called off – Harbour Daily – News",
        ),
        ("Topic — Ferry strike called off", "Topic — Ferry strike called off"),
        ("Ferry strike called off | Harbour Daily |", "Ferry strike called off"),
        ("eHow", "eHow"),
    ],
)
def test_site_name_is_cut_only_with_evidence(title: str, cut: str) -> None:
    names = site_names({"og:site_name": "Harbour Daily"}, "https://www.ehow.com/article")
    assert cut_site_name(title, names) == cut


def test_no_evidence_no_cut() -> None:
    assert cut_site_name("Ferry strike called off | Harbour Daily", set()) == (
        "Ferry strike called off | Harbour Daily"
    )


def _tree(head: str, body: str = "<p>x</p>") -> object:
    return parse_html(f"<html><head>{head}</head><body>{body}</body></html>")


def test_jsonld_graph_lists_and_cdata() -> None:
    tree = parse_html(
        """<html><head><script type="application/ld+json">//<![CDATA[
        [{"@type": "Organization", "name": "Harbour Daily"},
         {"@graph": [{"@type": ["NewsArticle"], "headline": "Ferry strike called off",
           "author": ["Anna Berg", {"@type": "Person", "name": "Tom Reid"}],
           "datePublished": "2024-03-01T18:05:00-05:00",
           "image": [{"url": "https://img.example/a.jpg"}], "inLanguage": "en-GB",
           "articleBody": "Crews called off the strike.",}]}]
        //]]></script></head><body></body></html>"""
    )
    ld = read_jsonld(tree)
    assert ld.is_article
    assert ld.headline == "Ferry strike called off"
    assert ld.authors == ("Anna Berg", "Tom Reid")
    assert ld.published == "2024-03-01T18:05:00-05:00"
    assert ld.image == "https://img.example/a.jpg"
    assert ld.language == "en-GB"
    assert ld.body == "Crews called off the strike."


def test_broken_jsonld_is_ignored() -> None:
    tree = parse_html(
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", headline: }'
        "</script></head><body></body></html>"
    )
    assert not read_jsonld(tree).is_article


def test_jsonld_name_wins_when_headline_is_a_description() -> None:
    tree = parse_html(
        """<html><head><title>New Zealand - Wikipedia</title>
        <script type="application/ld+json">{"@type": "Article", "name": "New Zealand",
        "headline": "country in Oceania"}</script></head><body></body></html>"""
    )
    meta = read_metadata(tree, read_jsonld(tree), "https://en.wikipedia.org/wiki/New_Zealand")
    assert meta.title == "New Zealand"


def test_title_falls_back_to_page_title_then_h1() -> None:
    tree = parse_html(
        "<html><head><title>Ferry news</title></head><body><h1>Other</h1></body></html>"
    )
    assert read_metadata(tree, read_jsonld(tree), None).title == "Ferry news"
    tree = parse_html("<html><body><h1>Ferry strike called off</h1></body></html>")
    assert read_metadata(tree, read_jsonld(tree), None).title == "Ferry strike called off"


@pytest.mark.parametrize(
    ("raw", "name"),
    [
        ("By Anna Berg", "Anna Berg"),
        ("Von Anna Berg | 12.02.2024", "Anna Berg"),
        ("by Lucas Nolan22 Dec 2016651", "Lucas Nolan"),
        ("Anna Berg, Updated March 3, 2024", "Anna Berg"),
        ("https://facebook.com/annaberg", None),
        ("Last Updated: January 7, 2025", None),
        ("", None),
    ],
)
def test_clean_byline(raw: str, name: str | None) -> None:
    assert clean_byline(raw) == name


def test_byline_from_the_page_when_meta_tags_are_silent() -> None:
    byline = '<div class="article-byline">By <a rel="nofollow">Anna Berg</a></div>'
    body = f"<article>{byline}<p>x</p></article>"
    tree = parse_html(f"<html><body>{body}</body></html>")
    assert read_metadata(tree, read_jsonld(tree), None).byline == "Anna Berg"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2021-11-01T10:52:50+0100", datetime(2021, 11, 1, 9, 52, 50, tzinfo=UTC)),
        ("2015-03-27T13:07:55.096Z", datetime(2015, 3, 27, 13, 7, 55, 96000, tzinfo=UTC)),
        ("2017-11-03 03:01:00.000000", datetime(2017, 11, 3, 3, 1, tzinfo=UTC)),
        ("2024-06-25", datetime(2024, 6, 25, tzinfo=UTC)),
        ("Tue, 07 Jan 2020 10:00:00 GMT", datetime(2020, 1, 7, 10, tzinfo=UTC)),
        ("1578391200", datetime(2020, 1, 7, 10, tzinfo=UTC)),
        ("1578391200000", datetime(2020, 1, 7, 10, tzinfo=UTC)),
        ("07.01.2020", datetime(2020, 1, 7, tzinfo=UTC)),
        ("January 7, 2020", datetime(2020, 1, 7, tzinfo=UTC)),
        ("7. Januar 2020", datetime(2020, 1, 7, tzinfo=UTC)),
        ("2999-01-01", None),  # in the future: wrong, so dropped
        ("1970-01-01", None),  # before news sites: a zero timestamp, not a date
        ("yesterday", None),
        (None, None),
    ],
)
def test_parse_date(raw: str | None, expected: datetime | None) -> None:
    assert parse_date(raw, now=NOW) == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "The ministry said on Tuesday that the talks would continue next week, and that the "
            "delegations had agreed on a timetable for the release of the prisoners who were held.",
            "en",
        ),
        (
            "Das Ministerium teilte am Dienstag mit, dass die Gespräche in der nächsten Woche "
            "fortgesetzt werden und dass sich die Delegationen auf einen Zeitplan geeinigt haben.",
            "de",
        ),
        (
            "Le ministère a indiqué mardi que les discussions se poursuivraient la semaine "
            "prochaine et que les délégations se sont mises d'accord sur un calendrier pour "
            "la libération.",
            "fr",
        ),
        (
            "El ministerio dijo el martes que las conversaciones continuarán la próxima semana y "
            "que las delegaciones acordaron un calendario para la liberación de los presos.",
            "es",
        ),
        ("Министерство заявило во вторник, что переговоры продолжатся на следующей неделе.", "ru"),
        ("国务院新闻办公室今天举行新闻发布会，介绍有关情况。", "zh"),
        ("東京都は火曜日、新しい計画を発表しました。", "ja"),
        ("Short text.", None),
    ],
)
def test_detect_language(text: str, lang: str | None) -> None:
    assert detect_language(text) == lang
