"""Key sentences and extractive summary (U3)."""

from __future__ import annotations

from storywatch.understand import key_sentences, summarize

TEXT = (
    "Harbour town floods after storm\n\n"
    "Sign up for our newsletter to get updates.\n\n"
    "The river burst its banks on Sunday night and flooded the harbour town of Elsby.\n\n"
    "Mayor Ruth Okafor said 300 homes in Elsby were evacuated as the river kept rising.\n\n"
    "The town hosts a music festival every summer, which drew 5,000 visitors last year.\n\n"
    "Engineers said the flood barrier on the river failed because it was never finished.\n\n"
    "Ok.\n"
)


def test_key_sentences_are_in_article_order_and_skip_clutter() -> None:
    key = key_sentences(TEXT, 2)
    assert len(key) == 2
    assert key[0].startswith("The river burst its banks")
    assert all("newsletter" not in s for s in key)
    positions = [TEXT.index(s[:30]) for s in key]
    assert positions == sorted(positions)


def test_n_is_respected_and_short_lines_skipped() -> None:
    assert len(key_sentences(TEXT, 3)) == 3
    assert "Ok." not in key_sentences(TEXT, 10)


def test_summary_is_short_and_starts_with_the_lead() -> None:
    summary = summarize(TEXT, max_words=40)
    assert summary.startswith("The river burst its banks")
    assert len(summary.split()) <= 40


def test_empty_text_gives_nothing() -> None:
    assert key_sentences("", 3) == ()
    assert summarize("") == ""
