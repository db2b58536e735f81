"""A statement whose subject is "who" speaks as what "who" stands for.

"Voters who say" speak as the voters, not as the last name written before them; "Smith,
who said" is Smith; "Smith … is a lawyer who said" is Smith too.
"""

from __future__ import annotations

from storywatch.understand import extract_statements
from tests.support.statements import by_text


def test_a_described_group_speaks_as_itself_not_as_the_last_name() -> None:
    text = (
        "Ada Brill did best with farmers this year. Among the rest, shop owners who say "
        "taxes are too high backed her rival."
    )
    statement = by_text(extract_statements(text), "taxes are too high")
    assert statement.speaker == "shop owners"
    assert statement.speaker_key is None


def test_a_group_at_the_start_of_a_sentence() -> None:
    text = (
        "Ada Brill won the county. Voters who say the harbour matters most split evenly "
        "between the two candidates."
    )
    statement = by_text(extract_statements(text), "harbour matters most")
    assert statement.speaker == "Voters"


def test_a_verb_of_the_clause_is_not_part_of_the_group() -> None:
    text = "Mayor Ada Brill sharply rebuked critics who say the bridge should close."
    statement = by_text(extract_statements(text), "bridge should close")
    assert statement.speaker == "critics"


def test_an_appositive_before_who_is_the_named_person() -> None:
    text = (
        '"We are ready," said Tove Brandvik, the union\'s chief negotiator, who added that '
        "the strike would end on Monday."
    )
    statement = by_text(extract_statements(text), "strike would end")
    assert statement.speaker == "Tove Brandvik"


def test_a_noun_after_is_a_describes_the_subject() -> None:
    text = (
        "Editor’s note: Arvo Lindqvist often insults his rivals in public and in print and "
        "is a noted liar, braggart, bully and showman who has repeatedly pledged to ban all "
        "ferries from the harbour."
    )
    statement = by_text(extract_statements(text), "ban all ferries")
    assert statement.speaker == "Arvo Lindqvist"


def test_a_phrase_hanging_off_a_preposition_is_not_the_antecedent() -> None:
    # "…, said one official familiar with the talks, who added": "who" is the official,
    # never "the talks".
    text = (
        '"It was not convincing," said one official familiar with the talks, who added '
        "that the offer would be withdrawn."
    )
    statement = by_text(extract_statements(text), "offer would be withdrawn")
    assert statement.speaker != "the talks"


def test_a_place_ending_the_appositive_is_not_who_spoke() -> None:
    text = (
        '"The queue was long," said Ines Morrow, 31, a teacher from Denver, who said she '
        "had waited two hours to vote."
    )
    statement = by_text(extract_statements(text), "waited two hours")
    assert statement.speaker == "Ines Morrow"


def test_an_organisation_ending_the_appositive_is_not_who_spoke() -> None:
    text = (
        "The plan was backed by Sen. Ada Brill of Ostmark, the ranking member of the "
        "Harbour Committee, who said the funds were already set aside."
    )
    statement = by_text(extract_statements(text), "funds were already set aside")
    assert statement.speaker == "Ada Brill"


def test_anybody_who_is_no_speaker() -> None:
    # The clause about "anybody" sits inside the mayor's own words: it is hers.
    text = (
        "Mayor Ada Brill laughed off the heckling. She said that anybody who complains "
        'about the sound system "is not having a good night."'
    )
    statement = by_text(extract_statements(text), "not having a good night")
    assert statement.speaker == "Ada Brill"


def test_a_participle_after_a_narrowing_relative_clause_is_the_subjects() -> None:
    text = (
        "Mayor Ada Brill sharply rebuked critics who say the bridge should close, saying "
        "that the repairs are nearly done."
    )
    statement = by_text(extract_statements(text), "repairs are nearly done")
    assert statement.speaker == "Ada Brill"
