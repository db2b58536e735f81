"""Quotation shapes from the second round of PolNeAR train misses: which statement a quotation
standing alone continues, and where a reported clause with a partial quotation ends. Every
article here is written for these tests."""

from __future__ import annotations

from storywatch.understand import extract_statements


def test_quotation_after_a_paraphrase_is_the_same_speakers_words() -> None:
    text = (
        "Harbour master Olaf Nygaard said the ferries would run again by June. “The "
        "breakwater has held through three storms, and the crews know the route.”\n"
    )
    first, second = extract_statements(text)
    assert first.kind == "indirect"
    assert second.kind == "direct"
    assert second.speaker == first.speaker == "Olaf Nygaard"
    assert second.text.startswith("The breakwater has held")


def test_quotation_after_a_paraphrase_two_paragraphs_on_is_nobodys() -> None:
    text = (
        "Harbour master Olaf Nygaard said the ferries would run again by June.\n\n"
        "The council met on Tuesday.\n\n"
        "“The breakwater has held through three storms, and the crews know the route.”\n"
    )
    [only] = extract_statements(text)
    assert only.kind == "indirect"


def test_quotation_continues_the_quote_not_the_relative_clause_after_it() -> None:
    text = (
        "“You will see a variety of protests,” said Elena Marsh, a dock worker who said she "
        "planned to march. “I do not like being arrested. But we have to be heard.”\n"
    )
    statements = extract_statements(text)
    quotes = [s for s in statements if s.kind == "direct"]
    assert [q.text for q in quotes] == [
        "You will see a variety of protests,",
        "I do not like being arrested. But we have to be heard.",
    ]
    assert {q.speaker for q in quotes} == {"Elena Marsh"}


def test_dash_after_a_partial_quotation_ends_the_reported_clause() -> None:
    text = (
        "Mayor Ana Ruiz called the repair “an incredible feat” - but she said the budget "
        "would need another look before the summer.\n"
    )
    first = extract_statements(text)[0]
    assert first.kind == "direct"
    assert first.text == "the repair “an incredible feat”"


def test_semicolon_after_a_partial_quotation_ends_the_reported_clause() -> None:
    text = (
        "Ruiz called the plan a “responsible choice”; her rivals on the council deride it as "
        "timid.\n"
    )
    [s] = extract_statements(text)
    assert s.text == "the plan a “responsible choice”"


def test_cue_ending_its_sentence_with_adverbials_announces_the_next_quotation() -> None:
    text = (
        "Harbour master Olaf Nygaard said in a statement on Friday. “There are no ferries "
        "to cancel, and there is no storm to wait out.”\n"
    )
    [s] = extract_statements(text)
    assert s.speaker == "Olaf Nygaard"
    assert s.kind == "direct"
    assert s.text.startswith("There are no ferries")


def test_as_someone_put_it_credits_the_quotation_after_it() -> None:
    text = (
        "As the harbour board chair, Lena Park, put it in her letter to members, “We cannot "
        "dredge our way out of a shrinking port.”\n"
    )
    [s] = extract_statements(text)
    assert s.speaker == "Lena Park"
    assert s.cue == "put it"
    assert s.text == "We cannot dredge our way out of a shrinking port."


def test_a_title_in_the_appositive_of_as_someone_put_it_does_not_hide_the_speaker() -> None:
    text = (
        "As Lena Park, a port historian and author of “The Shrinking Harbour,” put it, “We "
        "cannot dredge our way out of this.”\n"
    )
    [s] = extract_statements(text)
    assert s.speaker == "Lena Park"
    assert s.cue == "put it"
    assert s.text == "We cannot dredge our way out of this."


def test_put_it_without_as_is_no_attribution() -> None:
    text = "The crew put it back on the quay, “for now,” before the storm.\n"
    assert [s for s in extract_statements(text) if s.cue == "put it"] == []


def test_trailer_subject_may_be_an_age_or_a_plural_noun_for_people() -> None:
    text = (
        "“The harbour has always been our living,” said the 46-year-old.\n\n"
        "“The damage to the pier is beyond repair,” federal inspectors wrote in their "
        "report.\n"
    )
    first, second = extract_statements(text)
    assert first.speaker == "the 46-year-old"
    assert second.speaker == "federal inspectors"
    assert second.text == "The damage to the pier is beyond repair,"


def test_a_title_in_quotation_marks_ending_the_sentence_is_no_quotation() -> None:
    text = (
        "Ruiz said the pier would reopen, she told listeners on Wednesday morning on the "
        "radio show “Harbour Hour.”\n\n"
        "Ruiz praised the crew on Harbour FM’s “Morning Tide,” and left.\n"
    )
    statements = extract_statements(text)
    assert [s.kind for s in statements] == ["indirect"]
    assert statements[0].text == "Ruiz said the pier would reopen"


def test_a_noun_phrase_opening_its_clause_speaks_when_a_quotation_follows_the_cue() -> None:
    text = "In a statement on Friday, the network said that the mayor's account was “false.”\n"
    [s] = extract_statements(text)
    assert s.speaker == "the network"
    assert s.text == "that the mayor's account was “false.”"


def test_that_after_a_partial_quotation_does_not_start_the_reported_clause() -> None:
    text = "Ruiz said her plan is to “repair and reopen” that pier before the summer.\n"
    [s] = extract_statements(text)
    assert s.kind == "direct"
    assert s.text == "her plan is to “repair and reopen” that pier before the summer"


def test_a_speaking_noun_with_a_prepositional_phrase_is_the_subject() -> None:
    text = (
        "A spokesman for the new owner said there was a commitment “to making this a "
        "showcase for the harbour.”\n"
    )
    [s] = extract_statements(text)
    assert s.speaker_mention.startswith("A spokesman")
    assert s.kind == "direct"


def test_a_party_label_and_a_time_between_name_and_cue_are_stepped_over() -> None:
    text = (
        "Senator Dana Whitfield (D-Ore.) last week said the harbour bill was “dead on arrival.”\n"
    )
    [s] = extract_statements(text)
    assert s.speaker == "Dana Whitfield"
    assert s.text == "the harbour bill was “dead on arrival.”"


def test_a_name_ending_a_long_clause_before_a_who_aside_is_the_subject() -> None:
    text = (
        "It was less than three years ago that Lena Park, who is thinking about running for "
        "mayor, said it was “impossible” to keep the pier open.\n"
    )
    [s] = extract_statements(text)
    assert s.speaker == "Lena Park"
    assert s.text.startswith("it was “impossible”")


def test_a_role_with_of_is_a_subject() -> None:
    text = "The former director of ports said the harbour “clearly” needed a new pier.\n"
    [s] = extract_statements(text)
    assert s.kind == "direct"
    assert s.text == "the harbour “clearly” needed a new pier"


def test_a_quotation_with_narration_goes_on_with_the_whole_quotation_before_it() -> None:
    text = (
        "“The pier is finished,” said Lena Park, a harbour engineer. Without new money, "
        "“it will not survive another winter,” which starts in December.\n"
    )
    [s] = [st for st in extract_statements(text) if st.kind == "direct"][1:]
    assert s.speaker == "Lena Park"
    assert s.text.startswith("Without new money, “it will not survive")
    assert "December" not in s.text


def test_narration_after_a_partial_quotation_does_not_go_on_with_it() -> None:
    text = (
        "Ruiz called the plan “a relic.” That prompted Park to call the pier “a ruin” at "
        "the meeting.\n"
    )
    texts = [s.text for s in extract_statements(text)]
    assert not any("relic" in t and "ruin" in t for t in texts)


def test_an_attribution_set_off_by_commas_reports_the_sentence_around_it() -> None:
    text = (
        "Despite her “admittedly sharp tongue,” the harbour lawyer Ines Roth wrote, the "
        "captain is a careful man who never missed a tide.\n"
    )
    [s] = extract_statements(text)
    assert s.speaker == "Ines Roth"
    assert s.kind == "direct"
    assert s.text == (
        "Despite her “admittedly sharp tongue,” the captain is a careful man who never "
        "missed a tide"
    )


def test_a_when_clause_before_a_parenthetical_cue_is_not_reported() -> None:
    text = (
        "When asked about the storm, the mayor said, “I have not heard that concern” from "
        "the harbour pilots.\n"
    )
    [s] = extract_statements(text)
    assert not s.text.startswith("When asked")


def test_a_second_act_ends_where_a_new_clause_follows_its_quotation() -> None:
    text = (
        "“We are ready,” Ruiz said, adding that the pier was “safe again” — a claim the "
        "harbour pilots dispute strongly.\n"
    )
    _, second = extract_statements(text)
    assert second.cue == "adding"
    assert second.text == "that the pier was “safe again”"


def test_a_quantified_noun_for_people_is_a_subject() -> None:
    text = (
        "After the vote, many commentators called the mayor “the grown-up in the room” "
        "during the long night.\n"
    )
    [s] = extract_statements(text)
    assert s.speaker_mention == "many commentators"
    assert s.text.startswith("the mayor “the grown-up in the room”")


def test_as_someone_told_a_paper_credits_the_quotation() -> None:
    text = (
        "As one employee told the Harbour Gazette, “She wants to put fear in our hearts, "
        "and she has done that.”\n"
    )
    [s] = extract_statements(text)
    assert s.speaker_mention == "one employee"
    assert s.text.startswith("She wants to put fear")


def test_a_who_clause_subject_after_an_opening_clause() -> None:
    text = (
        "Although the talks stalled, a council official who spoke on condition of anonymity "
        "said on Wednesday, “There are certainly discussions with the ferry line.”\n"
    )
    [s] = extract_statements(text)
    assert s.speaker_mention == "a council official"
    assert s.text == "There are certainly discussions with the ferry line."


def test_according_to_any_noun_phrase_and_before_a_colon() -> None:
    text = (
        "According to her longtime personal physician, the mayor had “astonishingly "
        "excellent” results in her latest exam.\n\n"
        "According to the Gazette: “Mayor Ruiz has had a mixed record on the harbour.”\n"
    )
    first, second = extract_statements(text)
    assert first.speaker_mention == "her longtime personal physician"
    assert first.text.startswith("the mayor had “astonishingly excellent” results")
    assert second.speaker_mention == "the Gazette"
    assert second.text == "Mayor Ruiz has had a mixed record on the harbour."


def test_a_comma_inside_doubled_single_quotes_ends_the_reported_clause() -> None:
    text = (
        "Ruiz said the harbour was in what she called a ''revolutionary mood,'' alluding "
        "to how the ferry strike had energized the crews.\n"
    )
    [s] = extract_statements(text)
    assert s.text.endswith("''revolutionary mood,''")


def test_a_role_for_an_organisation_is_named_with_it() -> None:
    text = "A spokeswoman for the Harbour Safety Committee said the pier was “closed for good.”\n"
    [s] = extract_statements(text)
    assert s.speaker == "A spokeswoman for the Harbour Safety Committee"
    assert s.speaker_key is None


def test_a_role_followed_by_a_name_is_that_person() -> None:
    text = (
        "“We were all scared,” the deckhand, John McGraw, told the inquiry.\n\n"
        "“The lights went out,” said the harbour master at the time, Ana E. Ruiz.\n"
    )
    first, second = extract_statements(text)
    assert first.speaker == "John McGraw"
    assert second.speaker == "Ana E. Ruiz"


def test_a_title_case_place_with_a_wire_code_is_a_dateline() -> None:
    text = (
        "Velmora (AFP) – Mayor Ana Ruiz has taken a swipe at the port board, saying that "
        "“bombastic comments” do more harm than good.\n"
    )
    [s] = extract_statements(text)
    assert s.speaker == "Ana Ruiz"
    assert "Velmora" not in s.text


def test_a_trailer_split_off_by_the_full_stop_inside_the_marks() -> None:
    text = "Ruiz spoke at the pier. “We will rebuild it.” Ruiz said. “The water is back.”\n"
    assert [(s.speaker, s.text) for s in extract_statements(text)] == [
        ("Ruiz", "We will rebuild it."),
        ("Ruiz", "The water is back."),
    ]


def test_a_short_agreement_still_announces_the_next_quotation() -> None:
    text = "“The ferries are late.” Harbour economist Lena Park agreed. “They always are.”\n"
    [s] = extract_statements(text)
    assert (s.speaker, s.text) == ("Lena Park", "They always are.")


def test_by_saying_a_quotation_is_the_sentence_subjects() -> None:
    text = (
        "The harbour board appeared to defend its plans by saying, “We are trying to keep "
        "the ferries running.”\n"
    )
    [s] = extract_statements(text)
    assert s.speaker_mention == "The harbour board"
    assert s.text == "We are trying to keep the ferries running."
