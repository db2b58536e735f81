"""Plain-text clutter removal, on the seed article read in place and on our own texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from storywatch.extract import SiteBoilerplate, clean_text
from storywatch.extract.text import paragraphs

SUBSCRIBE = "Get real time updates directly on you device, subscribe now."
CAPTION_START = "U.S. Secretary of State Mike Pompeo speaks during"
CREDIT = "Drew Angerer | Getty Images News | Getty Images"


@pytest.fixture
def seed_text(shared_data: Path) -> str:
    """The seed article, read in place (shared/seed sits beside shared/data)."""
    return (shared_data.parent / "seed" / "seed-article.txt").read_text(encoding="utf-8")


def test_seed_clutter_lines_are_removed(seed_text: str) -> None:
    text, removed = clean_text(seed_text)
    assert SUBSCRIBE not in text
    assert CAPTION_START not in text
    assert CREDIT not in text
    assert removed.count(SUBSCRIBE) == 2
    assert any(line.startswith(CAPTION_START) for line in removed)
    assert CREDIT in removed
    assert len(removed) == 4


def test_seed_every_real_paragraph_stays(seed_text: str) -> None:
    text, removed = clean_text(seed_text)
    kept = text.split("\n\n")
    real = [p for p in paragraphs(seed_text) if p not in removed]
    assert kept == real
    # The story's statements, the reason the seed exists, all survive.
    for words in (
        "the United States is not withdrawing from Iraq",
        "That letter is a draft, it was a mistake",
        "withdrawal of U.S. coalition troops was occurring",
        "the English version did not match the Arabic version",
        "not to discuss troop withdrawal",
    ):
        assert words in text
    assert text.startswith("State Department tells Iraq it will not discuss US troop withdrawal")


def test_hard_wrapped_paragraphs_are_rejoined_before_judging() -> None:
    wrapped = (
        "The ministry said on Tuesday that the talks would continue next week in Geneva,\n"
        "and that both delegations had agreed to subscribe to the same timetable for the\n"
        "release of prisoners held since the ceasefire.\n"
        "\n"
        "Subscribe now for breaking news alerts!\n"
    )
    text, removed = clean_text(wrapped)
    assert removed == ("Subscribe now for breaking news alerts!",)
    assert "talks would continue next week in Geneva, and that both delegations" in text


def test_reporting_about_subscriptions_is_not_a_prompt() -> None:
    reporting = (
        "Users who subscribe to the service will pay ten euros a month, the company said.\n\n"
        "The newsletter, founded in 1998, reported the merger first.\n\n"
        "\u201cSubscribe to nothing you cannot read,\u201d the minister told the newsletter."
    )
    text, removed = clean_text(reporting)
    assert removed == ()
    assert text.count("\n\n") == 2


def test_site_boilerplate_removes_lines_repeated_across_pages() -> None:
    model = SiteBoilerplate(min_pages=3)
    footer = "The Lakeside Courier is owned by Harbour Media Group."
    removed_per_page = []
    for n in range(4):
        page = f"Story number {n} about the harbour and its ferries, told at length.\n\n{footer}"
        text, removed = clean_text(
            page, site="lakeside-courier.example", boilerplate=model, page=f"https://x/{n}"
        )
        removed_per_page.append(removed)
        assert f"Story number {n}" in text
    assert removed_per_page[:3] == [(), (), ()]
    assert removed_per_page[3] == (footer,)
