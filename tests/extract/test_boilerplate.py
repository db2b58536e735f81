"""SiteBoilerplate: learns lines a site repeats across distinct pages, within fixed bounds."""

from __future__ import annotations

import pytest

from storywatch.extract import SiteBoilerplate, site_of

FOOTER = "Harbour Daily is an independent newspaper owned by its readers."


def test_a_line_becomes_boilerplate_on_its_min_pages_th_page() -> None:
    model = SiteBoilerplate(min_pages=3)
    for n in range(2):
        model.observe("harbour-daily.example", [f"story {n}", FOOTER])
        assert not model.is_boilerplate("harbour-daily.example", FOOTER)
    model.observe("harbour-daily.example", ["story 2", FOOTER])
    assert model.is_boilerplate("harbour-daily.example", FOOTER)
    # Case and spacing do not make a different line; another site has not learned it.
    assert model.is_boilerplate(
        "harbour-daily.example",
        "  harbour daily is an independent newspaper owned by its READERS. ",
    )
    assert not model.is_boilerplate("other.example", FOOTER)
    assert not model.is_boilerplate("harbour-daily.example", "story 2")


def test_the_same_page_observed_twice_counts_once() -> None:
    model = SiteBoilerplate(min_pages=2)
    model.observe("s.example", [FOOTER], page="https://s.example/a")
    model.observe("s.example", [FOOTER], page="https://s.example/a")
    assert not model.is_boilerplate("s.example", FOOTER)
    model.observe("s.example", [FOOTER], page="https://s.example/b")
    assert model.is_boilerplate("s.example", FOOTER)


def test_a_line_repeated_within_one_page_counts_once() -> None:
    model = SiteBoilerplate(min_pages=2)
    model.observe("s.example", [FOOTER, FOOTER, FOOTER])
    assert not model.is_boilerplate("s.example", FOOTER)


def test_long_lines_are_never_learned() -> None:
    # Background paragraphs repeated across a site's articles on one story are story text.
    background = "On Sunday, the parliament passed a nonbinding resolution. " * 5
    model = SiteBoilerplate(min_pages=2, max_line_chars=200)
    for _ in range(5):
        model.observe("s.example", [background])
    assert not model.is_boilerplate("s.example", background)


def test_numbers_make_lines_different() -> None:
    model = SiteBoilerplate(min_pages=2)
    model.observe("s.example", ["The death toll rose to 10."])
    model.observe("s.example", ["The death toll rose to 12."])
    assert not model.is_boilerplate("s.example", "The death toll rose to 14.")


def test_memory_is_bounded_in_sites_and_lines() -> None:
    model = SiteBoilerplate(min_pages=2, max_sites=3, max_lines_per_site=100)
    for site in ("a", "b", "c", "d"):
        model.observe(site, [FOOTER])
        model.observe(site, [FOOTER])
    assert len(model) == 3
    assert not model.is_boilerplate("a", FOOTER)  # least recently seen site was dropped
    assert model.is_boilerplate("d", FOOTER)
    for n in range(1_000):
        model.observe("d", [f"one-off line {n}", FOOTER])
    assert model.is_boilerplate("d", FOOTER)  # frequent lines survive pruning
    assert len(model._sites["d"].counts) <= 100


def test_min_pages_must_show_repetition() -> None:
    with pytest.raises(ValueError, match="min_pages"):
        SiteBoilerplate(min_pages=1)


@pytest.mark.parametrize(
    ("url", "site"),
    [
        ("https://www.Harbour-Daily.example/a/b?x=1", "harbour-daily.example"),
        ("http://news.example:8080/", "news.example"),
        ("not a url", None),
        (None, None),
        ("http://[::1", None),
    ],
)
def test_site_of(url: str | None, site: str | None) -> None:
    assert site_of(url) == site


def test_a_line_on_few_of_many_pages_is_not_the_sites() -> None:
    # A background sentence of one story, on 4 of the site's 40 pages, stays text.
    model = SiteBoilerplate(min_pages=3, min_share=0.2)
    background = "Velmora harbor handles about a third of Lestria's container traffic."
    for n in range(40):
        model.observe("s.example", [f"story {n}", FOOTER, *([background] if n % 10 == 0 else [])])
    assert model.is_boilerplate("s.example", FOOTER)
    assert not model.is_boilerplate("s.example", background)
