"""Quotation shapes from the third round of PolNeAR train misses: a participle's speaker that
is a plain noun phrase, a reported clause finished by a quotation after a comma, and a cue
nested inside a reported clause. Every article here is written for these tests."""

from __future__ import annotations

from storywatch.understand import extract_statements


def test_participle_after_a_comma_speaks_for_the_opening_noun_phrase() -> None:
    text = (
        "The harbour master left no doubt about the repairs, saying that the breakwater "
        "“will never be rebuilt.”\n"
    )
    [only] = extract_statements(text)
    assert only.kind == "direct"
    assert only.cue == "saying"
    assert only.speaker is not None
    assert "harbour master" in only.speaker.lower()
    assert only.text.startswith("that the breakwater")


def test_participle_without_a_quotation_needs_a_name() -> None:
    text = "The harbour master left no doubt about the repairs, saying nothing more.\n"
    assert extract_statements(text) == []


def test_quotation_after_a_comma_finishes_the_reported_clause() -> None:
    text = (
        "Mayor Ana Ruiz said the ferry delays were not mainly the fault of the crews, "
        "“not by a long shot.”\n"
    )
    [only] = extract_statements(text)
    assert only.speaker == "Ana Ruiz"
    assert only.text.startswith("the ferry delays were not mainly")
    assert only.text.endswith("“not by a long shot.”")


def test_adverbials_before_a_comma_still_introduce_the_quotation_alone() -> None:
    text = "Mayor Ana Ruiz told reporters on Monday afternoon at the quay, “We will rebuild.”\n"
    [only] = extract_statements(text)
    assert only.text == "We will rebuild."


def test_cue_inside_a_reported_clause_stays_inside_it() -> None:
    text = "At one point, Mayor Ana Ruiz said ferry officials were calling “every ten minutes.”\n"
    [only] = extract_statements(text)
    assert only.speaker == "Ana Ruiz"
    assert only.cue == "said"
    assert only.text == "ferry officials were calling “every ten minutes.”"


def test_set_off_quotation_after_a_later_cue_still_wins() -> None:
    text = "Mayor Ana Ruiz said little, and the harbour master added, “We are ready.”\n"
    statements = extract_statements(text)
    assert any(s.text == "We are ready." for s in statements)


def test_two_words_are_a_clause_when_one_is_quoted() -> None:
    text = "On the radio, council leader Ivo Brandt called Ruiz “reckless.”\n"
    [only] = extract_statements(text)
    assert only.kind == "direct"
    assert only.speaker == "Ivo Brandt"
    assert only.text == "Ruiz “reckless.”"


def test_quotation_after_a_colon_mid_sentence_keeps_its_trailer() -> None:
    text = (
        "The harbour was calm on Friday, but the pilots sent a warning: “The fog will be "
        "back by Sunday,” the pilots’ union said.\n"
    )
    [only] = extract_statements(text)
    assert only.text == "The fog will be back by Sunday,"
    assert only.cue == "said"


def test_trailer_between_dashes_inside_a_sentence() -> None:
    text = (
        "Neither fisherman liked the new quota – “It is far too low for a family,” Tomas Berg "
        "said – but both voted for it.\n"
    )
    [only] = extract_statements(text)
    assert only.speaker == "Tomas Berg"
    assert only.text == "It is far too low for a family,"


def test_aside_between_dashes_stays_inside_one_quotation() -> None:
    text = (
        "“I do not think the old wisdom” – that the mayor spends too much – “is going to "
        "last,” Ivo Brandt says.\n"
    )
    [only] = extract_statements(text)
    assert only.speaker == "Ivo Brandt"
    assert only.text.startswith("I do not think the old wisdom” – that the mayor")
    assert only.text.endswith("“is going to last,")


def test_a_second_quoted_clause_after_and_stays_in_the_reported_clause() -> None:
    text = (
        "Mayor Ana Ruiz said that the toll was a “new” burden for drivers and we should "
        "“scrap it before the summer.”\n"
    )
    [only] = extract_statements(text)
    assert only.text.endswith("“scrap it before the summer.”")


def test_and_with_a_new_subject_still_ends_a_clause_without_another_quotation() -> None:
    text = (
        "Mayor Ana Ruiz said the toll was “a burden” and she would vote against it in the spring.\n"
    )
    [only] = extract_statements(text)
    assert only.text == "the toll was “a burden”"


def test_a_count_before_a_cue_word_makes_it_a_noun() -> None:
    text = "In the survey Ruiz leads by 29 points among “very young” voters in the port towns.\n"
    assert all(s.cue != "points" for s in extract_statements(text))


def test_according_to_set_off_by_commas_reports_the_sentence_around_it() -> None:
    text = "The harbour, according to the port authority, will be “fully open” by June.\n"
    [only] = extract_statements(text)
    assert only.kind == "direct"
    assert only.cue == "according to"
    assert only.text.startswith("The harbour")
    assert "“fully open” by June" in only.text
    assert "port authority" not in only.text


def test_a_dash_a_few_words_after_a_partial_quotation_ends_the_clause() -> None:
    text = (
        "Ruiz said it was the pilots’ fault for “rushing” at the quay – although the video "
        "showed a calm crew.\n"
    )
    [only] = extract_statements(text)
    assert only.text == "it was the pilots’ fault for “rushing” at the quay"


def test_an_as_clause_after_a_partial_quotation_says_when() -> None:
    text = "Ivo Brandt says he is “excited about the vote” as he faces a hard test in May.\n"
    [only] = extract_statements(text)
    assert only.text == "he is “excited about the vote”"


def test_a_document_named_by_a_cue_word_speaks_in_a_trailer() -> None:
    text = "“Ana, you are a total loser!” the old note says.\n"
    [only] = extract_statements(text)
    assert only.text == "Ana, you are a total loser!"
    assert only.cue == "says"
    assert only.speaker is not None
    assert only.speaker.endswith("note")


def test_a_naming_verb_whose_object_came_before_it_reports_the_quotation_alone() -> None:
    text = (
        "Under what Mayor Ana Ruiz called “the old port model,” the ferry company ran the "
        "quay for years.\n"
    )
    [only] = extract_statements(text)
    assert only.speaker == "Ana Ruiz"
    assert only.text == "the old port model,"


def test_a_passive_subject_before_a_quotation_is_no_speaker() -> None:
    text = "Tomas Berg was identified as the diver, wearing a shirt that read “Save the reef.”\n"
    assert all(s.speaker != "Tomas Berg" for s in extract_statements(text))


def test_a_quotation_after_adding_is_a_second_act_not_the_only_one() -> None:
    text = "Mayor Ana Ruiz said the vote could be “messy,” adding, “Democracy is messy.”\n"
    first, second = extract_statements(text)
    assert first.cue == "said"
    assert first.text == "the vote could be “messy,”"
    assert second.cue == "adding"
    assert second.text == "Democracy is messy."
    assert first.speaker == second.speaker == "Ana Ruiz"


def test_a_cue_governed_by_to_or_a_preposition_speaks_for_the_subject() -> None:
    text = (
        "The harbour master was prompted to say, “So far, the quay has held.”\n\n"
        "Ivo Brandt drew boos upon saying, “The toll is fair.”\n"
    )
    first, second = extract_statements(text)
    assert first.text == "So far, the quay has held."
    assert first.speaker is not None
    assert "harbour master" in first.speaker.lower()
    assert second.speaker == "Ivo Brandt"
    assert second.text == "The toll is fair."


def test_as_if_to_say_is_nobodys_statement() -> None:
    text = "The pilot grinned at the crew, as if to say, “We made it.”\n"
    assert extract_statements(text) == []


def test_now_between_subject_and_cue_in_a_trailer() -> None:
    text = "“This is your harbour,” the banner now says above the quay.\n"
    [only] = extract_statements(text)
    assert only.text == "This is your harbour,"
    assert only.cue == "says"


def test_a_subordinate_clause_reports_up_to_the_comma_after_its_quotation() -> None:
    text = (
        "When the port director, Ana Ruiz, said on Tuesday that her crews had no “direct "
        "evidence” of sabotage, both the police and the union began asking questions.\n\n"
        "But even as Tomas Berg claimed that “the ferries ran late for weeks,” one of the pilots "
        "disagreed.\n"
    )
    statements = extract_statements(text)
    texts = [s.text for s in statements]
    assert "that her crews had no “direct evidence” of sabotage" in texts
    assert "that “the ferries ran late for weeks,”" in texts


def test_a_who_clause_after_a_partial_quotation_ends_the_clause() -> None:
    text = (
        "Mayor Ana Ruiz said she would “take a look” at the plan from Tomas Berg, who runs "
        "the ferry line.\n"
    )
    [only] = extract_statements(text)
    assert only.text == "she would “take a look” at the plan from Tomas Berg"


def test_a_verb_joined_by_and_shares_the_opening_full_name() -> None:
    text = (
        "Ben Varga took the stage on Tuesday in the old harbour and called the port system "
        "“rotten to the core.”\n"
    )
    [only] = extract_statements(text)
    assert only.speaker == "Ben Varga"
    assert only.cue == "called"
    assert only.text == "the port system “rotten to the core.”"


def test_a_verb_joined_by_and_needs_a_name_or_pronoun_to_open_the_sentence() -> None:
    text = "Hastily the crew packed up and called the port system “rotten to the core.”\n"
    assert extract_statements(text) == []


def test_an_inverted_attribution_inside_a_sentence_reports_both_sides() -> None:
    text = (
        "Any “clear” reading of the mayor's plan, said Tomas Berg, a port expert at the "
        "harbour institute, would see it as a retreat from the quay.\n\n"
        "But, said Ana Ruiz, “I do not want a fight with the council.”\n"
    )
    first, second = extract_statements(text)
    assert first.speaker == "Tomas Berg"
    assert first.text.startswith("Any “clear” reading of the mayor's plan")
    assert first.text.endswith("would see it as a retreat from the quay")
    assert "port expert" not in first.text
    assert second.speaker == "Ana Ruiz"
    assert second.text == "I do not want a fight with the council."


def test_the_subordinate_clause_end_applies_to_verbs_outside_the_lexicon_too() -> None:
    text = "As Tomas Berg pledged to fight “knife-wielding pirates,” many in the crowd cheered.\n"
    [only] = extract_statements(text)
    assert only.speaker == "Tomas Berg"
    assert only.text == "to fight “knife-wielding pirates,”"
