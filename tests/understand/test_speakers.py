"""Speakers written as a generic noun, a group or a pronoun resolve to what a reader would say.

"The agency said" is the agency the article named before, when only one fits; a group on a
street is a group, not the street; "it said" after an organisation spoke is that organisation.
"""

from __future__ import annotations

import pytest

from storywatch.understand import extract_statements
from tests.support.statements import by_text


def test_a_generic_noun_resolves_to_the_one_organisation_of_its_kind() -> None:
    text = (
        "The Ostmark Water Agency tested the river on Monday. The Halden Group, which owns "
        "the mill, was told to stop work.\n\n"
        "The agency said that the samples held no mercury.\n\n"
        "The company said that the mill would reopen within a week."
    )
    statements = extract_statements(text)
    agency = by_text(statements, "no mercury")
    assert agency.speaker == "Ostmark Water Agency"
    assert agency.speaker_key == "org:ostmark-water-agency"
    assert agency.speaker_mention == "The agency"
    company = by_text(statements, "would reopen")
    assert (company.speaker, company.speaker_key) == ("Halden Group", "org:halden-group")


def test_modifiers_must_fit_the_name() -> None:
    text = (
        "The Ostmark Water Agency and the Ostmark Rail Agency met on Monday to talk about "
        "the flooded tunnel under the river.\n\n"
        "The water agency said that the river was clean."
    )
    statement = by_text(extract_statements(text), "river was clean")
    assert statement.speaker == "Ostmark Water Agency"


def test_two_candidates_leave_the_generic_noun_as_written() -> None:
    text = (
        "The Ostmark Water Agency and the Ostmark Rail Agency met on Monday to talk about "
        "the flooded tunnel under the river.\n\n"
        "The agency said that the meeting went well."
    )
    statement = by_text(extract_statements(text), "meeting went well")
    assert statement.speaker == "The agency" and statement.speaker_key is None


def test_a_generic_noun_with_nothing_named_before_stays() -> None:
    text = "Nine ships were waiting outside the harbour, the port authority said."
    statement = by_text(extract_statements(text), "Nine ships")
    assert statement.speaker == "the port authority" and statement.speaker_key is None


def test_doctors_speak_for_the_hospital() -> None:
    text = (
        "Four workers were taken to St. Elwin Hospital on Monday.\n\n"
        "Two of them were still being treated on Tuesday, doctors said.\n\n"
        "Doctors at St. Elwin Hospital said the other two had gone home."
    )
    statements = extract_statements(text)
    for words in ("still being treated", "gone home"):
        assert by_text(statements, words).speaker == "St. Elwin Hospital", words


def test_a_group_on_a_street_is_the_group() -> None:
    text = "Several families on Tarn Lane said they had left before dawn."
    statement = by_text(extract_statements(text), "left before dawn")
    assert statement.speaker == "Several families"
    assert statement.speaker_key is None


def test_it_after_an_organisation_spoke_is_that_organisation() -> None:
    text = (
        "KORSVIK, Ostmark (NWS) — Four workers were hurt when a crane fell at the Korsvik "
        "yard on Monday, the Korsvik Harbour Board said.\n\n"
        "The board also said that nine ships were waiting. Two of the workers were still in "
        "St. Elwin Hospital, it said."
    )
    statements = extract_statements(text)
    assert by_text(statements, "nine ships").speaker == "Korsvik Harbour Board"
    assert by_text(statements, "still in").speaker == "Korsvik Harbour Board"


def test_the_name_before_an_age_and_a_description_speaks() -> None:
    text = "Greta Holm, 71, a retired teacher in Brennmoor, Ostmark, said the water tasted odd."
    statement = by_text(extract_statements(text), "water tasted odd")
    assert statement.speaker == "Greta Holm"


def test_a_long_adverbial_opener_leaves_the_name_after_it_the_subject() -> None:
    # "At … on Friday evening, Tomas Verhoeven walked out": the phrase before the comma is
    # adverbial, so Verhoeven is the subject a later "he" goes back to, not the name of the
    # paragraph before.
    text = (
        "Peter Quill spoke to farmers in Dunmore on Friday.\n\n"
        "At a crowded town hall meeting in the old county courthouse on Friday evening, "
        "Tomas Verhoeven walked out of the hall before the vote.\n\n"
        "“It is a fairy tale,” he said."
    )
    statement = by_text(extract_statements(text), "fairy tale")
    assert statement.speaker == "Tomas Verhoeven"


def test_a_name_with_an_appositive_before_the_comma_stays_the_subject() -> None:
    # "Ada Brill, who worked for Mr. Holm's father, Karl Holm, listed …": the opening name
    # is the subject; the father named inside its appositive is not.
    text = (
        "Ada Brill, who worked for many years as a lawyer for Mr. Holm's father, Karl Holm, "
        "listed the family's rules on Monday: “Never boast,” she said."
    )
    statement = by_text(extract_statements(text), "Never boast")
    assert statement.speaker == "Ada Brill"


def test_a_name_used_as_a_modifier_is_no_antecedent() -> None:
    # "The Brandt newspapers …": Brandt describes the newspapers; the "he" after it is the
    # person who spoke before, not Brandt.
    text = (
        "Otto Brandt bought three papers last year. Peter Dahl, a strategist for the "
        "farmers, spoke on Monday about the drought.\n\n"
        "The Brandt newspapers have ignored the farmers for years. “It is a scandal,” he said."
    )
    statement = by_text(extract_statements(text), "scandal")
    assert statement.speaker == "Peter Dahl"


def test_an_anonymous_speaker_keeps_whom_they_stand_near() -> None:
    # "said a person close to the Brandts": the "to" phrase is part of the speaker, which
    # would otherwise read "a person close".
    close = by_text(
        extract_statements("“We saw it coming,” said a person close to the Brandts."), "saw it"
    )
    assert close.speaker == "a person close to the Brandts"
    adviser = by_text(
        extract_statements("“The vote is lost,” said a longtime adviser to Mayor Dora Pell."),
        "vote is lost",
    )
    assert adviser.speaker == "a longtime adviser to Mayor Dora Pell"
    # Whom an aide spoke to is not part of the aide.
    told = by_text(extract_statements("“We saw it coming,” said an aide to reporters."), "saw it")
    assert told.speaker == "an aide"


def test_a_name_after_a_verb_of_saying_is_not_the_next_pronoun() -> None:
    # "Brandt says Vos “…”. He warns …": Vos is whom Brandt spoke about; "he" is Brandt.
    text = (
        "Mayor Otto Brandt backed Karl Vos for the council on Monday.\n\n"
        "Brandt says Vos “knows every street in town.” He warns that the rival slate would "
        "“sell the harbour.”"
    )
    statement = by_text(extract_statements(text), "sell the harbour")
    assert statement.speaker == "Otto Brandt"


def test_a_name_after_asked_is_who_answers() -> None:
    text = (
        "Lena Hale interviewed Karl Vos on Friday.\n\n"
        "Hale asked Vos how tall the tower would be. “About ninety feet,” he told her."
    )
    statement = by_text(extract_statements(text), "ninety feet")
    assert statement.speaker == "Karl Vos"


def test_a_pronoun_goes_back_to_who_spoke_last_through_a_pronoun() -> None:
    # Hale spoke as "she" one sentence back; Berg, named in passing since, is no subject.
    text = (
        "Lena Hale ran the meeting on Friday. “We will vote in May,” she said.\n\n"
        "She looked tired after a long talk with Mia Berg about the budget. “Time is "
        "short,” she said."
    )
    statement = by_text(extract_statements(text), "Time is short")
    assert statement.speaker == "Lena Hale"


def test_a_role_with_a_place_goes_to_the_person_whose_title_has_it() -> None:
    # "The Lestria senator" is Berg (written "Lestria Sen."), though Holm, also a senator,
    # was named nearer to it.
    text = (
        "Lestria Sen. Mia Berg spoke first on Monday. Ostmark Sen. Ada Holm spoke after "
        "her.\n\nThe Lestria senator said the talks were “going nowhere.”"
    )
    statement = by_text(extract_statements(text), "going nowhere")
    assert statement.speaker == "Mia Berg"


def test_the_president_is_not_the_vice_president() -> None:
    text = (
        "President Mia Berg opened the summit on Monday. Vice President Ada Holm chaired "
        "the trade talks.\n\nThe president said the deal was “close.”"
    )
    statement = by_text(extract_statements(text), "close")
    assert statement.speaker == "Mia Berg"


def test_a_former_officeholder_is_the_one_written_as_former() -> None:
    text = (
        "Former Gov. Ada Holm endorsed the plan. Gov. Mia Berg said nothing.\n\n"
        "The former governor said the plan was “long overdue.”"
    )
    statement = by_text(extract_statements(text), "long overdue")
    assert statement.speaker == "Ada Holm"


def test_a_people_taken_for_a_name_is_no_he_or_she() -> None:
    # "Ostmark Americans" reads like a name, but no "he" stands for a people.
    text = (
        "Karl Vos toured the border towns on Monday.\n\n"
        "He met families of Ostmark Americans. “They want work,” he said."
    )
    statement = by_text(extract_statements(text), "want work")
    assert statement.speaker == "Karl Vos"


def test_a_name_led_by_its_titles_is_the_speaker() -> None:
    # The capitalised words a sentence opens with are only titles; the name comes after
    # lowercase title words ("Republican presidential candidate Tom Vale").
    led = by_text(
        extract_statements(
            "Republican presidential candidate Tom Vale quickly took to the radio, saying: "
            "“Another attack. When will we learn?”"
        ),
        "Another attack",
    )
    assert led.speaker == "Tom Vale"
    # Two titles joined by "and" after an inverted cue belong to one person.
    joined = by_text(
        extract_statements(
            "“That is what he did,” said former Ostmark Gov. and Labour Party Chairman Ed Vale."
        ),
        "what he did",
    )
    assert joined.speaker == "Ed Vale"


def test_before_a_participle_the_clause_subject_speaks_not_the_opener() -> None:
    # "Hours later, Vale returned …, telling Reuters, “…”": "Hours later" is no speaker.
    statement = by_text(
        extract_statements(
            "Hours later, Tom Vale returned the compliment to Holm, telling Reuters, “We "
            "have been friends for a long time.”"
        ),
        "friends for a long time",
    )
    assert statement.speaker == "Tom Vale"


def test_an_owners_plural_noun_is_no_cue() -> None:
    # "Vale's comments" is a noun, not "Vale comments"; the real cue after it reads the
    # sentence and its subject speaks.
    text = (
        "In response to Vale's comments in Dunmore, Secretary Martin Holm released a "
        "statement saying that Vale had “insulted every farmer in the valley.”"
    )
    statement = by_text(extract_statements(text), "insulted every farmer")
    assert statement.speaker == "Martin Holm"


def test_an_owners_plural_noun_reported_by_a_cue_before_it_is_that_cues_content() -> None:
    # "Orlov's remarks" inside what the board said: the board speaks, not Orlov.
    text = (
        "Mayor Ana Orlov spoke first.\n\n"
        "The harbour board said Orlov’s remarks were “another example of her reckless "
        "politics.”\n"
    )
    statement = by_text(extract_statements(text), "reckless politics")
    assert statement.speaker == "The harbour board"
    assert statement.text.startswith("Orlov’s remarks were")


def test_an_owners_plural_noun_before_a_trailing_cue_is_no_cue() -> None:
    text = (
        "Mayor Ana Orlov spoke first.\n\nOrlov’s remarks “were reckless,” the harbour board said.\n"
    )
    statement = by_text(extract_statements(text), "were reckless")
    assert statement.speaker == "the harbour board"


def test_a_pronoun_in_a_relative_clause_is_not_the_name_the_clause_is_about() -> None:
    text = (
        "Senator Tom Hale spoke for an hour in Dunmore on Saturday. The hall was full. Then "
        "he went after Governor Paul Brand, who he called “a tired old man with no plan.”\n\n"
        "Hale spoke again on Sunday. The hall was half empty. This time he praised Mayor Carl "
        "Quill, whom he described as “the best mayor in the state.”"
    )
    statements = extract_statements(text)
    assert by_text(statements, "tired old man").speaker == "Tom Hale"
    assert by_text(statements, "best mayor").speaker == "Tom Hale"


def test_an_honorific_tells_which_of_two_people_with_one_surname_is_meant() -> None:
    text = (
        "Former Governor Tom Marlow campaigned in Dunmore for his wife, Senator Ellen "
        "Marlow, on Saturday.\n\n"
        "“Every family will pay less,” Mrs. Marlow said when a voter asked about the plan.\n\n"
        "“She has my vote,” Mr. Marlow said from the back of the hall."
    )
    statements = extract_statements(text)
    assert by_text(statements, "Every family").speaker == "Ellen Marlow"
    assert by_text(statements, "my vote").speaker == "Tom Marlow"


def test_an_honorific_makes_a_person_of_a_surname_never_written_in_full() -> None:
    text = (
        "Senator Bill Hart spoke first in Dunmore on Monday. The crowd applauded politely.\n\n"
        "Then Mr. Okafor took questions for an hour. “The plan is sound,” he said."
    )
    statement = by_text(extract_statements(text), "plan is sound")
    assert statement.speaker == "Okafor"
    assert statement.speaker_key == "person:okafor"


def test_an_honorific_opens_the_subject_after_an_opening_phrase() -> None:
    text = (
        "By the end of the day, Mr. Okafor was forced into a rare retreat and said that his "
        "words had been ''twisted.''"
    )
    statement = by_text(extract_statements(text), "twisted")
    assert statement.speaker == "Okafor"


def test_an_owned_noun_of_speech_that_is_a_subject_does_not_speak() -> None:
    text = (
        "The Dunmore Harbour Board issued a statement on Friday. It said Ada Quill’s comments "
        "are “another example of her reckless style.”\n\n"
        "The Dunmore Harbour Board met again on Monday. Ada Quill’s remarks were “reckless and "
        "cruel,” it said."
    )
    statements = extract_statements(text)
    first = by_text(statements, "reckless style")
    assert first.speaker == "Dunmore Harbour Board"
    assert first.text.startswith("Ada Quill’s comments")
    second = by_text(statements, "cruel")
    assert second.speaker == "Dunmore Harbour Board"


def test_a_person_of_an_organisation_speaks_not_the_organisation() -> None:
    text = (
        "Leonard Marsh studies the tax code. “We need a new source of revenue,” said Mr. "
        "Marsh of the Dunmore Policy Center."
    )
    statement = by_text(extract_statements(text), "new source of revenue")
    assert statement.speaker == "Leonard Marsh"


def test_a_state_after_a_town_is_no_subject() -> None:
    text = (
        "On Sunday, Pastor Tom Hale stood at his pulpit in Dunmore, Iowa, and, citing the "
        "Book of Exodus, told his flock that ''able men who fear God'' should lead them."
    )
    statement = by_text(extract_statements(text), "able men")
    assert statement.speaker == "Tom Hale"


def test_a_masculine_role_does_not_rule_out_she() -> None:
    # Some house styles write "spokesman" for women too: the role is a hint, so "she" after
    # the only person in the sentence is that person, not a woman named a paragraph before.
    text = (
        'Marit Ellesen opened the meeting. "We are ready," she said.\n\n'
        "Campaign spokesman Tove Brandvik confirmed that the office would open on Monday. "
        '"The lease is signed," she said.'
    )
    statement = by_text(extract_statements(text), "lease is signed")
    assert statement.speaker == "Tove Brandvik"


def test_a_subject_written_with_its_title_after_an_opening_phrase() -> None:
    # "…, Attorney General Ada Brill took": the title opens the subject, so a later "she"
    # is Brill, not a woman named at the end of the same sentence.
    text = (
        "In the latest turn of the inquiry, Attorney General Ada Brill closed the case on "
        "Wednesday without charges against Mona Lisle.\n\n"
        '"We looked at every document," she said.'
    )
    statement = by_text(extract_statements(text), "every document")
    assert statement.speaker == "Ada Brill"


def test_a_place_that_only_says_where_speakers_are_from_is_not_the_speaker() -> None:
    text = (
        "The poll asked party members about the race. Two-thirds of Republicans in Ohio "
        "said that the mayor could not be beaten.\n\n"
        "An Ohio Republican said the mayor would win easily."
    )
    statements = extract_statements(text)
    assert by_text(statements, "could not be beaten").speaker == "Republicans in Ohio"
    assert by_text(statements, "would win easily").speaker == "An Ohio Republican"


def test_a_place_alone_still_speaks_for_its_government() -> None:
    statement = extract_statements("Russia said the talks had failed.")[0]
    assert statement.speaker == "Russia"


def test_an_organisation_in_a_place_speaks_not_the_place() -> None:
    text = "A report by the Harbour Maritime Museum in Denver said the ship sank in 1911."
    statement = by_text(extract_statements(text), "ship sank")
    assert (statement.speaker, statement.speaker_key) == (
        "Harbour Maritime Museum",
        "org:harbour-maritime-museum",
    )


def test_an_office_with_of_is_read_whole() -> None:
    # "the secretary of state" is the one whose title holds "of State", not the defence
    # secretary named last.
    text = (
        "Secretary of State Maria Brill flew in on Monday. Defence Secretary Arvo Lindqvist "
        "met her at the airport.\n\n"
        "The secretary of state said the talks would go on."
    )
    statement = by_text(extract_statements(text), "talks would go on")
    assert (statement.speaker, statement.speaker_title) == (
        "Maria Brill",
        "The secretary of state",
    )


def test_a_sentence_opened_by_a_role_is_about_its_holder() -> None:
    # "The admiral chuckled": the next "he said" is the admiral, not the general named
    # as the subject of the sentence before.
    text = (
        "Adm. Tomas Lind commands the fleet. Gen. Arvo Lindqvist asked him about the strait "
        "on Monday. Asked later - war or not - the admiral chuckled.\n\n"
        '"It is good that my voice is low," he said.'
    )
    statement = by_text(extract_statements(text), "my voice is low")
    assert statement.speaker == "Tomas Lind"


def test_the_state_and_party_name_the_person_just_quoted() -> None:
    text = (
        "Gov. Arvo Lindqvist said on Monday that the bridge would reopen.\n\n"
        "Asked about the cost, the Ohio Republican said that the state would pay for it."
    )
    statement = by_text(extract_statements(text), "state would pay")
    assert (statement.speaker, statement.speaker_title) == (
        "Arvo Lindqvist",
        "the Ohio Republican",
    )


@pytest.mark.parametrize(
    "text",
    [
        "On Friday, Harbourline VP of Global Affairs, Tavi Morran, announced the ban would last.",
        "Acting Harbour Board Chief of Staff, Tavi Morran, said the talks were “over.”",
        "The Velmora Dockers' attorney, Tavi Morran, said the ruling was “a relief.”",
    ],
)
def test_a_role_in_capitals_before_a_name_leaves_the_name_to_speak(text: str) -> None:
    assert extract_statements(text)[0].speaker == "Tavi Morran"


def test_a_group_before_a_participle_speaks_as_the_group_not_its_adjective() -> None:
    text = "Velmoran leaders on Thursday panned the harbour plan, calling it an “empty” promise."
    assert extract_statements(text)[0].speaker == "Velmoran leaders"


@pytest.mark.parametrize(
    ("sentence", "mention"),
    [
        (
            'The mayor was never one for "listening to the council," said one former '
            "executive who asked not to be named.",
            "one former executive",
        ),
        (
            'The plan was "a gift to the banks," said a longtime employee.',
            "a longtime employee",
        ),
    ],
)
def test_people_nouns_speak_after_a_reported_clause(sentence: str, mention: str) -> None:
    """A reported clause with a partial quotation needs a speaker that can speak; an
    "executive" and an "employee" are people, so the statement is found and the phrase
    shown."""
    statements = extract_statements("Mayor Tom Vale spoke on Monday.\n\n" + sentence)
    quoted = [s for s in statements if s.kind == "direct"]
    assert len(quoted) == 1
    assert quoted[0].speaker_mention.lower() == mention.lower()
    assert quoted[0].speaker != "Tom Vale"


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            '"We found no link at all," Halden\'s chief human resources executive, Mara Quint, '
            "told reporters.",
            "Mara Quint",
        ),
        (
            '"The odds favour a long wait," said another leading court advocate, Ivo Brandt of '
            "the firm Lark & Vale.",
            "Ivo Brandt",
        ),
    ],
)
def test_a_named_appositive_speaks_for_the_role_before_it(sentence: str, name: str) -> None:
    statement = extract_statements(sentence)[0]
    assert statement.speaker == name


def test_an_object_pronoun_opens_no_speaker() -> None:
    """ "As the chief executive, Jeff Weiner, put it in his memo to employees explaining the
    deal, "…"": "it in his memo to employees" is no subject, whatever noun it ends in."""
    text = (
        "As Halden's chief executive, Mara Quint, put it in her memo to employees explaining "
        'the deal, "Imagine a company that leads instead of follows."'
    )
    statement = extract_statements(text)[0]
    assert statement.speaker == "Mara Quint"


@pytest.mark.parametrize(
    "sentence",
    [
        '"We will win Iowa," a Vale ally said.',
        "Some Vale allies said the count was wrong.",
        "Vale ex-lawyer admits lying to the council.",
        "One Vale confidant said the race was over.",
        "Vale's opponents said the plan would fail.",
        "Vale's cousins said they had not seen him.",
        '"Justice has been served," Vale\'s nephew said.',
    ],
)
def test_someone_known_by_whom_they_stand_with_is_not_that_person(sentence: str) -> None:
    """ "a Clinton ally", "Trump ex-lawyer": the name in the phrase is the other person."""
    text = "Mayor Tom Vale spoke in Korsvik on Monday.\n\n" + sentence
    statement = extract_statements(text)[-1]
    assert statement.speaker != "Tom Vale"
    assert statement.speaker_key is None
    assert "Vale" in statement.speaker


@pytest.mark.parametrize(
    ("sentence", "mention"),
    [
        ('Shots rang out in what officials called a "civilian on civilian" shooting.', "officials"),
        (
            "The vote is a step that Republicans have said they would oppose without more details.",
            "Republicans",
        ),
        (
            "The agency will approve the vaccine next week, according to three officials "
            "familiar with the situation.",
            "three officials familiar with the situation",
        ),
        (
            '"He was furious," said a person close to the mayor.',
            "a person close to the mayor",
        ),
    ],
)
def test_a_speaker_phrase_starts_and_ends_where_the_noun_phrase_does(
    sentence: str, mention: str
) -> None:
    statement = extract_statements("Mayor Tom Vale spoke on Monday.\n\n" + sentence)[-1]
    assert statement.speaker_mention == mention


def test_a_name_after_familiar_with_is_not_the_speaker() -> None:
    text = (
        "Mayor Tom Vale spoke on Monday.\n\n"
        "The mayor will not run again, according to a person familiar with Vale's plans."
    )
    statement = extract_statements(text)[-1]
    assert statement.speaker == statement.speaker_mention == "a person familiar"


def test_i_outside_quotation_marks_is_the_writer_not_the_last_name() -> None:
    text = (
        "A week ago, when Mayor Tom Vale's summit with Governor Ada Brune was canceled, I "
        "wrote an editorial asking whether “anyone is really shocked.”\n\n"
        "I told Vale later that his endorsement of me was in the paper.\n\n"
        "“I've ruined your reputation, huh?” he responded."
    )
    statements = extract_statements(text)
    writer = [s for s in statements if s.speaker_mention in ("I", "I'd")]
    assert writer and all(s.speaker == "I" and s.speaker_key is None for s in writer)
    assert by_text(statements, "ruined your reputation").speaker == "Tom Vale"


def test_in_an_interview_i_is_the_one_answering() -> None:
    text = (
        "Q&A with Mayor Tom Vale.\n\n"
        "Mayor Tom Vale spent Thursday at the harbour, where he spoke with two reporters "
        "about Governor Ada Brune's plan.\n\n"
        "I told them that the tolls were a mistake, and they said they would think about it."
    )
    statement = by_text(extract_statements(text), "the tolls were a mistake")
    assert (statement.speaker, statement.speaker_mention) == ("Tom Vale", "I")
