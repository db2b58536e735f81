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


def test_scare_quotes_far_after_a_verb_that_reports_nothing_are_no_statement() -> None:
    text = (
        "Councillor Ruth Okonjo toured the waterfront.\n\n"
        "Okonjo started Tuesday morning walking the length of the old pier with two engineers "
        "from the port authority, then visiting the fish market and the ferry terminal before "
        "ending the day at a “community” supper.\n"
    )
    assert [s for s in extract_statements(text) if s.kind == "direct"] == []


def test_a_quotation_near_a_verb_that_reports_nothing_is_still_read() -> None:
    text = "Councillor Ruth Okonjo heralded the pier deal as “a lifeline for the harbour.”\n"
    [s] = extract_statements(text)
    assert s.kind == "direct"
    assert s.speaker == "Ruth Okonjo"
