"""What each construct matches, and the reasons given for a match (M3)."""

from __future__ import annotations

import pytest

from storywatch.match import MatchDoc, evaluate, explain, parse_query, prepare
from storywatch.model import Entity, EntityKind, Reason

DOC = MatchDoc(
    title="Pentagon says letter on U.S. troops leaving Iraq was a mistake",
    text=(
        "Defense Secretary Mark Esper said the United States is not withdrawing. "
        "Several countries reacted. Abdul-Mahdi’s office said the English and Arabic "
        "versions differ. A draft was sent to the Iraqi military."
    ),
    source="Harbor Post",
    source_id=3,
    language="en-US",
    people=("Mark T. Esper", "Adel Abdul Mahdi", "Martin Luther King Jr."),
    orgs=("Pentagon", "U.S. State Department"),
    places=("Iraq",),
    entity_keys=("person:mark-milley", "org:nato"),
    story_id=12,
)


def matches(text: str, doc: MatchDoc = DOC) -> bool:
    return evaluate(parse_query(text), doc)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # words: case, accents, plurals both ways
        ("TROOPS", True),
        ("troop", True),
        ("country", True),
        ("withdraw", False),  # only plurals are folded
        ("withdraw*", True),
        ("countri*", True),  # prefix of the written form
        ("country*", True),  # prefix of the singular form
        ("iraqi", True),
        ("mistakes", True),
        ("ORTAGUS", False),
        # phrases: side by side, in order, not stemmed
        ('"US troops"', True),
        ('"troops US"', False),
        ('"US troop"', False),
        ('"troops"', True),
        ('"troop"', False),
        ('"English and Arabic versions"', True),
        ('"English Arabic"', False),
        ("al-Mahdi", False),
        ("Abdul-Mahdi", True),
        # boolean structure
        ("troops Iraq", True),
        ("troops Syria", False),
        ("troops OR Syria", True),
        ("troops -Syria", True),
        ("troops -Iraq", False),
        ("troops NOT (Syria OR letter)", False),
        ("(Syria OR Turkey) troops", False),
        ("(Syria OR mistake) troops", True),
        # title
        ("title:troops", True),
        ("title:Esper", False),
        ('title:"leaving Iraq"', True),
        ('title:"not withdrawing"', False),
        ("title:mist*", True),
        ("title:withdr*", False),
        # people: surname, or words in order ending with the surname
        ("person:Esper", True),
        ('person:"Mark Esper"', True),
        ('person:"Mark T. Esper"', True),
        ('person:"Esper Mark"', False),
        ("person:Mark", False),
        ('person:"Abdul Mahdi"', True),
        ('person:"Adel Mahdi"', True),
        ("person:King", True),  # "Jr." is not the surname
        ("person:Milley", True),  # from an entity key
        ('person:"Mark Milley"', True),
        ("person:Ortagus", False),
        # organisations, places: words side by side within the name
        ("org:Pentagon", True),
        ('org:"State Department"', True),
        ('org:"U.S. State Department"', True),
        ('org:"Department State"', False),
        ("org:NATO", True),
        ("place:Iraq", True),
        ("place:Syria", False),
        # source by id or by name, story, language
        ("source:3", True),
        ("source:4", False),
        ("source:harbor", True),
        ('source:"Harbor Post"', True),
        ('source:"Post Harbor"', False),
        ("story:12", True),
        ("story:13", False),
        ("lang:en", True),
        ("lang:en-GB", True),
        ("lang:fr", False),
    ],
)
def test_each_construct_matches_as_documented(query: str, expected: bool) -> None:
    assert matches(query) is expected


def test_a_doc_without_fields_matches_no_field_query() -> None:
    bare = MatchDoc(title="Esper in Iraq", text="")
    assert matches("Esper", bare)
    for query in ("person:Esper", "place:Iraq", "source:1", "story:1", "lang:en", "source:x"):
        assert not matches(query, bare)


def test_from_entities_builds_names_and_keys() -> None:
    doc = MatchDoc.from_entities(
        "Letter",
        "",
        [
            Entity("person:mark-esper", "Esper", EntityKind.PERSON),
            Entity("org:pentagon", "Pentagon", EntityKind.ORG),
            Entity("place:iraq", "Iraq", EntityKind.PLACE),
        ],
        story_id=4,
    )
    assert doc.people == ("Esper",)
    assert doc.orgs == ("Pentagon",)
    assert doc.places == ("Iraq",)
    assert doc.entity_keys == ("person:mark-esper", "org:pentagon", "place:iraq")
    # "Esper" alone names the surname only; the key knows the whole name
    assert matches('person:"Mark Esper"', doc)
    assert matches("story:4", doc)


def test_a_prepared_doc_gives_the_same_answers() -> None:
    prepared = prepare(DOC)
    assert prepare(prepared) is prepared
    for text in ("troops", '"US troops"', "person:Esper", "withdraw*"):
        assert evaluate(parse_query(text), prepared) is matches(text)


def test_explanations_name_each_term_that_matched() -> None:
    reasons = explain(parse_query('troops "letter on" person:"Mark Esper" story:12'), DOC)
    assert reasons == (
        Reason("term", "troops", "“troops” in the title"),
        Reason("phrase", "letter on", "in the title"),
        Reason("person", "Mark Esper", "Mark T. Esper"),
        Reason("story", "12", "the article is part of story 12"),
    )


@pytest.mark.parametrize(
    ("query", "reason"),
    [
        ("countries", Reason("term", "countries", "“countries” in the text")),
        ("withdraw*", Reason("prefix", "withdraw*", "withdrawing")),
        ("title:troop", Reason("title", "troop", "“troops” in the title")),
        ('title:"leaving Iraq"', Reason("title", "leaving Iraq", "in the title")),
        ("title:mist*", Reason("title", "mist*", "mistake")),
        ('"Arabic versions differ"', Reason("phrase", "arabic versions differ", "in the text")),
        ("person:Milley", Reason("person", "Milley", "Mark Milley")),
        ('person:"Adel Abdul Mahdi"', Reason("person", "Adel Abdul Mahdi", "Adel Abdul Mahdi")),
        ('org:"State Department"', Reason("org", "State Department", "U.S. State Department")),
        ("place:Iraq", Reason("place", "Iraq", "Iraq")),
        ("source:3", Reason("source", "3", "Harbor Post")),
        ("source:post", Reason("source", "post", "Harbor Post")),
        ("lang:en", Reason("lang", "en", "the article is in en-US")),
    ],
)  # fmt: skip
def test_each_kind_of_reason_says_what_it_found(query: str, reason: Reason) -> None:
    assert explain(parse_query(query), DOC) == (reason,)


def test_every_matching_branch_of_an_or_is_a_reason_and_exclusions_are_not() -> None:
    reasons = explain(parse_query("(troops OR Syria OR mistake) -Turkey"), DOC)
    assert [r.value for r in reasons] == ["troops", "mistake"]


def test_the_same_reason_is_given_once() -> None:
    assert len(explain(parse_query("troops OR (troops Iraq)"), DOC)) == 2


def test_no_match_no_reasons() -> None:
    assert explain(parse_query("Syria"), DOC) == ()
    assert explain(parse_query("troops -Iraq"), DOC) == ()
