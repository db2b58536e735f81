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


def test_scare_quotes_after_a_verb_of_place_are_no_statement() -> None:
    text = (
        "Councillor Ruth Okonjo toured the waterfront.\n\n"
        "Okonjo seized on the question of “harbour heritage” at every stop.\n\n"
        "Okonjo campaigned tirelessly in the district that once named her the “ferry queen.”\n"
    )
    assert [s for s in extract_statements(text) if s.kind == "direct"] == []


def test_a_reporting_verb_after_the_preposition_still_reads_the_quotation() -> None:
    text = (
        "Councillor Ruth Okonjo toured the waterfront.\n\n"
        "Okonjo erred in saying that the pier had cost “twice the estimate.”\n"
    )
    directs = [s for s in extract_statements(text) if s.kind == "direct"]
    assert len(directs) == 1
    assert directs[0].speaker == "Ruth Okonjo"


def test_a_title_opening_a_sentence_is_its_subject_not_a_quotation() -> None:
    text = (
        "The festival opened on Friday.\n\n"
        "“Harbour Lights” is a remake of a film called “Dockside,” shot by a local crew.\n\n"
        "“Tidewater,” on a streaming service, is a drama that is coloured by the flood.\n\n"
        "“Salt and Rope,” a series that first aired in 1990, will return next year.\n"
    )
    assert [s for s in extract_statements(text) if s.kind == "direct"] == []


def test_a_title_case_quotation_with_its_trailer_at_once_is_still_read() -> None:
    text = "Mayor Ilsa Varga spoke at the harbour.\n\n“Absolutely,” Varga said on Friday.\n"
    [s] = [s for s in extract_statements(text) if s.kind == "direct"]
    assert s.speaker == "Ilsa Varga"


def test_a_verb_that_governs_quotations_keeps_its_reading_before_a_preposition() -> None:
    text = (
        "Councillor Ruth Okonjo toured the waterfront.\n\n"
        "Okonjo weighed in on the plan, which she found “a gift to the developers.”\n"
    )
    directs = [s for s in extract_statements(text) if s.kind == "direct"]
    assert [s.speaker for s in directs] == ["Ruth Okonjo"]


def test_go_as_a_verb_of_motion_reports_nothing() -> None:
    text = (
        "Councillor Ruth Okonjo spoke at the harbour.\n\n"
        "Okonjo went to the hearing on the “harbour first” plan and stayed an hour.\n\n"
        "The port board faces the new “levy,” which went through three committees last year.\n\n"
        "Okonjo's deputy, who goes by “Tam,” was among the first to arrive.\n"
    )
    assert [s for s in extract_statements(text) if s.kind == "direct"] == []


def test_go_before_the_words_still_reports_them() -> None:
    text = (
        "Councillor Ruth Okonjo spoke at the harbour.\n\n"
        "“The pier will hold,” Okonjo went on, as if nobody had asked. “It always has.”\n\n"
        "Okonjo went further on Tuesday, saying the ferry was “a gift to the city.”\n"
    )
    found = [s for s in extract_statements(text) if s.kind == "direct"]
    assert [s.speaker for s in found] == ["Ruth Okonjo"] * len(found)
    assert any("gift to the city" in s.text for s in found)
    assert any("The pier will hold" in s.text for s in found)


def test_a_verb_of_seeming_links_its_subject_to_a_description() -> None:
    text = (
        "Councillor Ruth Okonjo spoke at the harbour.\n\n"
        "However, Okonjo appears weak before the board's “offensive” on the ferry budget.\n"
    )
    assert [s for s in extract_statements(text) if s.kind == "direct"] == []


def test_a_dash_aside_after_the_subject_is_no_statement() -> None:
    text = (
        "Councillor Ruth Okonjo spoke at the harbour.\n\n"
        "Harbour elites — what is left of the once-proud “old guard” — are giving way.\n\n"
        "A representative for the Okonjo brand - a small firm pitched as "
        '"the home of Women Who Sail" - noted that the company offers paid leave.\n'
    )
    assert [s for s in extract_statements(text) if s.kind == "direct"] == []


def test_go_in_a_trailers_relative_clause_is_motion_not_a_second_act() -> None:
    """ "“…,” said Vale, a volunteer who frequently goes to colleges for talks": the
    relative clause's "goes to" moves; it adds no paraphrase of Vale's."""
    text = (
        "Councillor Ruth Okonjo spoke at the harbour.\n\n"
        "“Many of these people are undecided,” said Tomas Vale, a 31-year-old volunteer who "
        "frequently goes to colleges for speaking events to meet young voters.\n"
    )
    assert [s.kind for s in extract_statements(text)] == ["direct"]
