"""Where a reported clause holding a partial quotation starts and ends (clause_ends.py,
partial_tails.py, contents.content_after): shapes measured on PolNeAR train, in sentences
written for these tests."""

from __future__ import annotations

from storywatch.understand import extract_statements
from tests.support.statements import direct_texts


def test_a_which_clause_after_the_quotation_is_the_writers_comment() -> None:
    text = (
        "The harbor board met on Monday.\n\n"
        "Mayor Ana Ruiz later said she was being “careful” in her remarks, which drew "
        "criticism from the dock unions and calls for a recount.\n"
    )
    assert direct_texts(text) == ["she was being “careful” in her remarks"]


def test_a_second_that_clause_joined_by_but_belongs_to_the_same_content() -> None:
    text = (
        "The ferry season closed early.\n\n"
        "Tomas Berg says he wishes the crews had spent more time on the north pier, but that "
        "the port “did everything we could do.”\n"
    )
    [said] = direct_texts(text)
    assert said.startswith("he wishes the crews had spent more time")
    assert said.endswith("“did everything we could do.”")


def test_a_main_clause_after_a_comma_ending_the_quotation_is_not_what_was_said() -> None:
    text = (
        "The count ended late.\n\n"
        "For a mayor who admitted last spring that she is “not a natural campaigner,” Ana "
        "Ruiz had a strong night on Tuesday, winning both harbor wards.\n"
    )
    assert direct_texts(text) == ["that she is “not a natural campaigner,”"]


def test_a_that_clause_opening_with_its_own_phrase_goes_on_past_the_comma() -> None:
    text = (
        "The board met again.\n\n"
        "Ruiz said that by refusing to name the “harbor levy,” Mayor Hale and the board are "
        "“hiding from the voters who pay for it.”\n"
    )
    [said] = direct_texts(text)
    assert said.endswith("“hiding from the voters who pay for it.”")


def test_where_or_when_the_words_were_said_is_not_part_of_them() -> None:
    text = (
        "The fees rose again.\n\n"
        "Councillor Tomas Berg called the new harbor fees “a disgrace” in a radio interview "
        "with a local station.\n"
    )
    assert direct_texts(text) == ["the new harbor fees “a disgrace”"]


def test_a_weekday_after_the_quotation_is_when_it_was_said() -> None:
    text = (
        "The fees rose again.\n\n"
        "Berg defended his deputy as a “very decent man” Tuesday, hours after the deputy "
        "was fined for a parking offense at the quay.\n"
    )
    assert direct_texts(text) == ["his deputy as a “very decent man”"]


def test_a_second_report_by_the_same_speaker_holds_the_partial_quotation() -> None:
    text = (
        "The harbor plan was debated.\n\n"
        "Mayor Ana Ruiz said on Monday that she would attend the board meeting, although she "
        "wrote that the plan is “a costly mistake for the town.”\n"
    )
    [s] = [s for s in extract_statements(text) if s.kind == "direct"]
    # a second act after ", although she wrote": its content opens with "that", as after
    # ", adding that"
    assert s.text == "that the plan is “a costly mistake for the town.”"
    assert s.speaker == "Ana Ruiz"


def test_a_closed_dash_aside_after_the_quotation_does_not_end_the_clause() -> None:
    text = (
        "The debate ran long.\n\n"
        "Berg said that the mayor's promise to “fix every pier” — itself a reply to the "
        "council's “Safe Harbor” slogan — was an empty pledge.\n"
    )
    [said] = direct_texts(text)
    assert said.endswith("was an empty pledge")


def test_a_past_tense_verb_after_a_comma_inside_the_closing_mark_is_the_next_act() -> None:
    text = (
        "The session grew heated.\n\n"
        "Berg summed up the harbor board as “useless,” denounced its record on the docks and "
        "said it should resign.\n"
    )
    assert direct_texts(text) == ["the harbor board as “useless,”"]


def test_a_participle_describing_the_quoted_words_stays_in_the_clause() -> None:
    text = (
        "The session grew heated.\n\n"
        "Berg said the new toll was “peanuts,” compared to what the ferry company charges.\n"
    )
    [said] = direct_texts(text)
    assert said.endswith("compared to what the ferry company charges")


def test_a_reporting_verb_joined_by_and_after_another_verb_starts_the_clause() -> None:
    text = (
        "Senator Tom Hale says he will endorse a candidate next week.\n\n"
        "Hale caucused in Ferrytown on Saturday and says he voted “uncommitted.”\n"
    )
    [s] = [s for s in extract_statements(text) if s.kind == "direct"]
    assert s.text == "he voted “uncommitted.”"
    assert s.speaker == "Tom Hale"


def test_a_reporting_participle_after_a_dash_starts_the_clause() -> None:
    text = (
        "The count went on.\n\n"
        "Tom Hale struggles with a basic chore of politics - boasting - conceding that, when "
        "he tries, he hears “the voice of my old teacher,” his strict aunt.\n"
    )
    [said] = direct_texts(text)
    assert said.startswith("that, when he tries")


def test_a_result_that_joins_the_quotation_to_a_clause_begun_earlier() -> None:
    text = (
        "The ferry debate went on.\n\n"
        "Ana Ruiz said the harbor's debts are so large that “we have to start over.”\n"
    )
    [said] = direct_texts(text)
    assert said.startswith("the harbor's debts are so large that")


def test_given_that_joins_the_quotation_to_a_clause_begun_earlier() -> None:
    text = (
        "The ferry debate went on.\n\n"
        "And, he admitted, it is unclear how far his advice goes with Ruiz, given that "
        "“nobody steers her.”\n"
    )
    [said] = direct_texts(text)
    assert said.startswith("it is unclear how far his advice goes")


def test_a_condition_opening_the_words_after_the_cue_belongs_to_what_was_said() -> None:
    text = (
        "The toll vote neared.\n\n"
        "Council leader Ana Ruiz says no matter what the ferry company decides on prices, "
        "“the harbor stays open to everyone.”\n"
    )
    [said] = direct_texts(text)
    assert said.startswith("no matter what the ferry company decides")


def test_after_a_verb_of_naming_a_comma_and_a_conjunction_end_the_clause() -> None:
    text = (
        "The toll plan drew fire.\n\n"
        "Mayor Ana Ruiz has called the new tolls “unfair,” and her council has voted twice "
        "to block them.\n"
    )
    assert direct_texts(text) == ["the new tolls “unfair,”"]


def test_a_report_in_brackets_ends_at_the_closing_bracket() -> None:
    text = (
        "The council (like harbour master Dana Okafor, who called the levy “a menace” at the "
        "weekend), has argued that the ferry needs new money.\n"
    )
    [s] = [s for s in extract_statements(text) if s.kind == "direct"]
    assert s.text == "the levy “a menace” at the weekend"
    assert s.speaker == "Dana Okafor"


def test_a_relative_report_ends_at_the_comma_closing_it() -> None:
    text = "And will the editors, who once called such stories “spinach,” want to print them?\n"
    [found] = direct_texts(text)
    assert "print" not in found


def test_a_next_act_a_few_words_after_the_quotation_ends_the_clause() -> None:
    text = (
        "Ms. Okafor said Mr. Vale was “careless” with port funds and criticized him for "
        "hiding it.\n"
    )
    [only] = extract_statements(text)
    assert only.text == "Mr. Vale was “careless” with port funds"


def test_a_verb_after_and_may_be_the_speakers_own_clause() -> None:
    text = "Okafor said he had a “rough” night at the port and deleted the post.\n"
    [only] = extract_statements(text)
    assert only.text == "he had a “rough” night at the port and deleted the post"


def test_a_pronoun_and_a_present_verb_after_and_is_still_what_was_said() -> None:
    text = (
        "Speaking on Monday, Vale said the port’s tariff system is “complex” and he feels he "
        "can win the vote on Tuesday.\n"
    )
    [only] = extract_statements(text)
    assert only.text == (
        "the port’s tariff system is “complex” and he feels he can win the vote on Tuesday"
    )


def test_but_and_the_speakers_next_act_after_a_closing_comma_end_the_clause() -> None:
    text = (
        "Okafor said both Vale and Ruiz are “lightweights on the council,” but he gave the "
        "newcomer a grudging compliment: “You always know where she stands.”\n"
    )
    said = [st.text for st in extract_statements(text)]
    assert said == [
        "both Vale and Ruiz are “lightweights on the council,”",
        "You always know where she stands.",
    ]
