"""Quotations the writer used for something other than anyone's words: titles and terms that
the rules must not take for statements."""

from __future__ import annotations

from storywatch.understand import extract_statements


def test_a_title_with_a_number_in_it_is_no_quotation() -> None:
    text = (
        "Mayor Ilsa Varga spoke at the harbour.\n\n"
        "Varga defended the budget in an interview last spring on the programme "
        "“48 Hours.”\n\n"
        "Varga recommended the memoir “Harbour Days: 20 Years Afloat” to readers.\n"
    )
    assert [s for s in extract_statements(text) if s.kind == "direct"] == []
