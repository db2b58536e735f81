"""Partial quotations inside a reported clause whose cue stands apart from its subject (an
aside and then a time adverbial, ...). Every article here is written for these tests."""

from __future__ import annotations

from storywatch.understand import extract_statements


def test_a_time_adverbial_after_an_aside_does_not_hide_the_subject() -> None:
    text = (
        "Mayor Lena Ortiz, who has sparred with the harbour board all month, on Friday "
        "described her plan to open a “green corridor” along the river.\n"
    )
    [only] = extract_statements(text)
    assert only.kind == "direct"
    assert only.speaker == "Lena Ortiz"
    assert only.text.startswith("her plan to open a “green corridor”")
    assert only.cue == "described"


def test_an_adverb_after_an_aside_does_not_hide_the_subject() -> None:
    text = (
        "Tomas Reyl, a director of the harbour board, subsequently wrote that the lease "
        "had been “signed in the dark.”\n"
    )
    [only] = extract_statements(text)
    assert only.speaker == "Tomas Reyl"
    assert only.text.startswith("that the lease had been “signed in the dark")


def test_a_verb_with_a_reflexive_object_and_as_names_its_subject() -> None:
    text = (
        "Tomas Reyl, who has styled himself as the “honest broker,” has taken a hard line on "
        "leases since the fire in Valdora.\n"
    )
    [only] = extract_statements(text)
    assert only.speaker == "Tomas Reyl"
    assert only.text.startswith("himself as the “honest broker")
    assert only.cue == "styled"


def test_by_and_a_participle_share_the_subject_of_the_clause() -> None:
    text = (
        "Mayor Lena Ortiz opened the harbour hearing on Monday by repeating the board's "
        "''ships before sheds'' motto three times.\n"
    )
    [only] = extract_statements(text)
    assert only.speaker == "Lena Ortiz"
    assert only.text.startswith("the board's ''ships before sheds'' motto")
    assert only.cue == "repeating"


def test_a_naming_participle_after_a_comma_is_a_second_act() -> None:
    text = (
        "The harbour is losing money every month, former board chair Tomas Reyl said, "
        "praising the new lease as “a gift to the city.”\n"
    )
    first, second = extract_statements(text)
    assert first.kind == "indirect"
    assert first.text == "The harbour is losing money every month"
    assert second.kind == "direct"
    assert second.speaker == "Tomas Reyl"
    assert second.cue == "praising"
    assert second.text.startswith("the new lease as “a gift to the city")


def test_a_participle_joined_to_one_after_a_comma_shares_the_clause_subject() -> None:
    text = (
        "Tomas Reyl has softened his tone on the harbour board, turning his attention to the "
        "budget and admitting that his “harbour revolution” will take years.\n"
    )
    [only] = extract_statements(text)
    assert only.kind == "direct"
    assert only.speaker == "Tomas Reyl"
    assert only.cue == "admitting"
    assert only.text.startswith("that his “harbour revolution” will take years")


def test_using_the_words_gives_the_quotation_to_the_user() -> None:
    text = (
        "When Tomas Reyl used the words, “We are not ready yet,” he was echoing the "
        "harbour board in Valdora.\n"
    )
    [only] = extract_statements(text)
    assert only.speaker == "Tomas Reyl"
    assert only.cue == "used"
    assert only.text.startswith("We are not ready yet")


def test_a_clause_of_the_sentence_before_the_adverbial_is_no_aside() -> None:
    text = (
        "Board chair Tomas Reyl, who backed Sen. Ana Ruiz, D-Valdora, and fiercely opposed "
        "the port plan during the hearings, last week said the lease was signed in the dark.\n"
    )
    assert all("Valdora" not in (s.speaker or "") for s in extract_statements(text))
