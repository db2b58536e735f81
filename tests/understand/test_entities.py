"""Entities (U1): kinds, titles as written, one identity per person within an article."""

from __future__ import annotations

from storywatch.model import EntityKind
from storywatch.understand import extract_entities

TEXT = (
    "Foreign Minister Lena Kovacs arrived in Vienna on Monday.\n\n"
    "Kovacs met officials from the Ministry of Trade and the World Bank.\n\n"
    "“We agreed on the timetable,” Ms. Kovacs said. Austria's chancellor, Paul Brenner, "
    "did not attend; Brenner was in Berlin.\n"
)


def test_one_identity_per_person_with_title_and_mentions() -> None:
    entities = {e.key: e for e in extract_entities(TEXT)}
    kovacs = entities["person:lena-kovacs"]
    assert kovacs.kind is EntityKind.PERSON
    assert kovacs.titles == ("Foreign Minister",)
    assert kovacs.count == 3
    assert set(kovacs.mentions) == {"Foreign Minister Lena Kovacs", "Kovacs"}
    assert "person:kovacs" not in entities


def test_places_and_organisations() -> None:
    entities = {e.key: e for e in extract_entities(TEXT)}
    assert entities["place:vienna"].kind is EntityKind.PLACE
    assert entities["place:austria"].kind is EntityKind.PLACE
    assert entities["place:berlin"].kind is EntityKind.PLACE
    assert entities["org:ministry-of-trade"].kind is EntityKind.ORG
    assert entities["org:world-bank"].kind is EntityKind.ORG


def test_surname_joins_the_full_name_written_later() -> None:
    entities = {e.key: e for e in extract_entities(TEXT)}
    brenner = entities["person:paul-brenner"]
    assert brenner.count == 2
    assert "person:brenner" not in entities


def test_sentence_initial_common_words_are_not_names() -> None:
    text = "Alongside the mayor, Esper spoke. Poorly lit streets worry poorly paid staff.\n"
    names = {e.name for e in extract_entities(text)}
    assert "Alongside" not in " ".join(names)
    assert "Poorly" not in " ".join(names)


def test_headline_words_do_not_join_a_name() -> None:
    text = (
        "Glenn Foster Blasts Council Over Budget\n\nGlenn Foster said the budget blasts a hole.\n"
    )
    keys = {e.key for e in extract_entities(text)}
    assert "person:glenn-foster" in keys
    assert not [k for k in keys if k.startswith("person:glenn-foster-")]


def test_role_written_before_a_comma_is_a_title() -> None:
    text = "The vote was requested by the nation's prime minister, Adel Abdul Mahdi, on Sunday.\n"
    entities = {e.key: e for e in extract_entities(text)}
    assert entities["person:adel-abdul-mahdi"].titles == ("prime minister",)


def test_family_names_that_are_modals_or_months_end_a_full_name() -> None:
    # "Will" and "May" end a name run only where they are function words.
    text = "George Will wrote on Sunday. Theresa May spoke in London. Ruiz will speak in May.\n"
    people = [e.name for e in extract_entities(text) if e.kind is EntityKind.PERSON]
    assert "George Will" in people and "Theresa May" in people
    assert not {"George", "Theresa"} & set(people)


def test_groups_opening_a_sentence_are_no_people() -> None:
    text = "Critics said the plan was bad. Officials said no. Democrats said yes.\n"
    people = [e.name for e in extract_entities(text) if e.kind is EntityKind.PERSON]
    assert "Critics" not in people and "Officials" not in people


def test_a_name_ending_in_a_title_word_and_jr_is_one_name() -> None:
    text = (
        "Martin Luther King Jr. said the march would go on whatever the weather, and Prime "
        "Minister Theresa May said the talks would go on as well.\n"
    )
    people = [e.name for e in extract_entities(text) if e.kind is EntityKind.PERSON]
    assert "Martin Luther King Jr" in people and "Theresa May" in people
    assert "Jr" not in people


def test_a_headline_verb_is_no_part_of_a_name() -> None:
    text = (
        "Ana Ruiz And Ben Okafor Clash Over Ferry Fares In Heated Harbour Debate\n\n"
        "The two candidates met on Thursday in the port city, where Okafor spoke first.\n\n"
        "Lena Park Rips Okafor Over His Record On The Docks\n\n"
        "Park answered on Friday.\n"
    )
    people = {e.name for e in extract_entities(text) if e.kind is EntityKind.PERSON}
    assert "Ben Okafor" in people and "Ana Ruiz" in people
    assert not {"Ben Okafor Clash", "Rips Okafor"} & people
