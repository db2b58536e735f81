"""Phrasal verbs of speech ("fired back that …", "summed up the plan as “…”", "went on to
say …"): the particle, or "on to" and the verb of saying, belong to the verb, and what was
said starts after them. Every article here is written for these tests."""

from __future__ import annotations

from storywatch.understand import extract_statements


def test_went_on_to_say_starts_after_the_verb_of_saying() -> None:
    text = 'Councilor Mara Vitt went on to say the ferry plan is "a gift to nobody" and left.\n'
    [only] = extract_statements(text)
    assert only.kind == "direct"
    assert only.speaker == "Mara Vitt"
    assert only.text.startswith('the ferry plan is "a gift to nobody"')


def test_a_particle_after_the_cue_is_not_part_of_what_was_said() -> None:
    text = "The port director points out that the new cranes arrived three weeks late.\n"
    [only] = extract_statements(text)
    assert only.kind == "indirect"
    assert only.text == "that the new cranes arrived three weeks late"


def test_went_on_to_with_an_adverb_skips_the_adverb_too() -> None:
    text = 'Ortiz went on to sharply attack the harbor board, saying it "has no plan."\n'
    statements = extract_statements(text)
    [attacked] = [st for st in statements if st.kind == "indirect"]
    assert attacked.speaker == "Ortiz"
    assert attacked.text == "the harbor board"


def test_written_off_is_not_writing() -> None:
    text = "The board has written off the northern pier as a lost cause this year.\n"
    assert extract_statements(text) == []
