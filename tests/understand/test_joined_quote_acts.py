"""A second verb of the same subject, joined by "and"/"but", that governs a quotation
(`understand/joined_quote_acts.py`). Every article here is written for these tests."""

from __future__ import annotations

from storywatch.understand import extract_statements


def test_a_second_verb_of_criticism_after_and_is_an_act_of_its_own() -> None:
    text = (
        "Mayor Ruth Okafor lamented the “chaotic” state of the harbour and criticized the "
        "“reckless spending” of the council.\n"
    )
    acts = [st for st in extract_statements(text) if st.kind == "direct"]
    assert [(st.cue, st.text) for st in acts] == [
        ("lamented", "the “chaotic” state of the harbour"),
        ("criticized", "the “reckless spending” of the council"),
    ]
    assert {st.speaker for st in acts} == {"Ruth Okafor"}


def test_a_pronoun_after_and_pronouncing_a_verdict_is_the_speakers_act() -> None:
    text = (
        "Governor Elena Varga visited the docks on Friday.\n\n"
        "Varga voiced a hope for a “calm and prosperous harbour,” and she pronounced the new "
        "ferry chief “a partner.”\n"
    )
    acts = [st for st in extract_statements(text) if st.kind == "direct"]
    assert [st.cue for st in acts] == ["voiced", "pronounced"]
    assert acts[1].text == "the new ferry chief “a partner.”"
    assert acts[0].text == "a hope for a “calm and prosperous harbour,”"


def test_a_verb_joined_inside_a_reported_clause_stays_in_it() -> None:
    text = "Okafor said the board ignored the rules and criticized the “sloppy” audit.\n"
    acts = [st for st in extract_statements(text) if st.kind == "direct"]
    assert [st.cue for st in acts] == ["said"]


def test_a_verb_joined_to_a_credited_clause_is_not_the_creditors() -> None:
    text = (
        "Harbour spokesman Tomas Brandt -- as the Okafor campaign noted this week -- "
        "promoted the ferry plan on the radio and taunted the mayor for her “harbour of "
        "dreams.”\n"
    )
    acts = [st for st in extract_statements(text) if st.cue == "taunted"]
    assert acts == []
