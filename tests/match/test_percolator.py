"""The percolator: stored queries, one article at a time; follows are plain queries."""

from __future__ import annotations

import pytest

from storywatch.errors import InvalidInput, NotFound, QueryError
from storywatch.match import (
    FOLLOW_KINDS,
    MatchDoc,
    Percolator,
    Query,
    evaluate,
    follow_query,
    parse_query,
)
from storywatch.match.query import Not, Term
from storywatch.model import Reason

LETTER = MatchDoc(
    title="Pentagon: the letter on withdrawal was a draft and a mistake",
    text="Esper and Milley said US troops are not leaving Iraq.",
    source="Harbor Post",
    source_id=2,
    language="en",
    people=("Mark Esper", "Mark Milley"),
    orgs=("Pentagon",),
    places=("Iraq",),
    story_id=7,
)
BUDGET = MatchDoc(title="Council passes budget", text="The vote was close.", story_id=8)

QUERIES = {
    1: "troops",  # one key: matched on sight
    2: "letter mistake",  # two keys: two levels
    3: "(Esper OR Ortagus) withdrawal",  # a key and an OR group
    4: '"US troops"',
    5: "person:Esper",
    6: "story:7",
    7: "troops -Iraq",
    8: "withdr* -budget",
    9: '"troops are not leaving"',
    10: 'person:"Mark Esper" org:Pentagon place:Iraq lang:en source:2',
    11: "budget",
    12: "council OR vote",
    13: "((Esper letter) OR (budget vote)) -Syria",
    14: "letter mistake draft Syria",
}


@pytest.fixture
def percolator() -> Percolator:
    p = Percolator()
    for sub_id, text in QUERIES.items():
        p.add(sub_id, text)
    return p


def test_match_returns_every_matching_subscription(percolator: Percolator) -> None:
    assert percolator.match(LETTER) == {1, 2, 3, 4, 5, 6, 8, 9, 10, 13}
    assert percolator.match(BUDGET) == {11, 12, 13}
    assert len(percolator) == len(QUERIES)
    assert 3 in percolator
    assert set(percolator) == set(QUERIES)


def test_only_candidates_are_checked(percolator: Percolator) -> None:
    found = percolator.candidates(BUDGET)
    assert found >= percolator.match(BUDGET)
    assert not found & {1, 4, 5, 6, 9, 10}  # nothing of theirs is in the budget article


def test_add_replaces_and_remove_forgets(percolator: Percolator) -> None:
    percolator.add(1, "budget")
    assert 1 not in percolator.match(LETTER)
    assert 1 in percolator.match(BUDGET)
    assert percolator.remove(11)
    assert not percolator.remove(11)
    assert percolator.match(BUDGET) == {1, 12, 13}
    for sub_id in list(percolator):
        percolator.remove(sub_id)
    assert percolator.match(LETTER) == set()
    assert percolator.candidates(LETTER) == set()


def test_add_takes_text_or_a_parsed_query() -> None:
    p = Percolator()
    returned = p.add(5, "troops")
    assert isinstance(returned, Query)
    p.add(6, parse_query("Iraq"))
    assert p.match(LETTER) == {5, 6}
    assert p.query(6).text == "Iraq"
    with pytest.raises(QueryError):
        p.add(7, "troops AND")
    assert 7 not in p


def test_a_hand_built_query_of_only_negation_is_refused() -> None:
    with pytest.raises(QueryError):
        Percolator().add(1, Query("x", Not(Term("x", "term", "x"))))


def test_explain_gives_the_reasons_of_one_subscription(percolator: Percolator) -> None:
    assert percolator.explain(3, LETTER) == (
        Reason("term", "Esper", "“esper” in the text"),
        Reason("term", "withdrawal", "“withdrawal” in the title"),
    )
    assert percolator.explain(11, LETTER) == ()
    with pytest.raises(NotFound):
        percolator.explain(99, LETTER)
    with pytest.raises(NotFound):
        percolator.query(99)


def test_rebalancing_by_statistics_changes_nothing_but_speed(percolator: Percolator) -> None:
    before = (percolator.match(LETTER), percolator.match(BUDGET))
    moved = percolator.rebalance({"troop": 0.9, "letter": 0.9, "mistake": 0.001, "esper": 0.9})
    assert moved >= 1
    assert (percolator.match(LETTER), percolator.match(BUDGET)) == before


def test_statistics_decide_which_key_files_a_query() -> None:
    common_first = Percolator(frequencies={"letter": 0.5, "mistake": 0.001})
    common_first.add(1, "letter mistake draft")
    assert common_first.candidates(MatchDoc("letter draft", "")) == set()
    assert common_first.candidates(MatchDoc("mistake draft", "")) == {1}


@pytest.mark.parametrize(
    ("kind", "target", "query"),
    [
        ("story", 123, "story:123"),
        ("story", "123", "story:123"),
        ("person", "Mark Esper", 'person:"Mark Esper"'),
        ("person", "person:mark-esper", 'person:"mark esper"'),
        ("person", "Esper", "person:Esper"),
        ("org", "Pentagon", "org:Pentagon"),
        ("org", "org:state-department", 'org:"state department"'),
        ("place", 'Velmora "Harbor"', 'place:"Velmora Harbor"'),
        ("source", 42, "source:42"),
        ("source", "Harbor Post", 'source:"Harbor Post"'),
    ],
)
def test_follows_are_plain_queries(kind: str, target: str | int, query: str) -> None:
    assert kind in FOLLOW_KINDS
    assert follow_query(kind, target) == query


def test_a_person_follow_by_key_finds_the_person_by_either_name() -> None:
    query = parse_query(follow_query("person", "person:mark-esper"))
    assert evaluate(query, LETTER)
    assert evaluate(query, MatchDoc("Letter", "", entity_keys=("person:mark-esper",)))
    assert not evaluate(query, MatchDoc("Letter", "", people=("Mark Milley",)))


@pytest.mark.parametrize(
    ("kind", "target"),
    [("topic", "x"), ("story", "latest"), ("person", "!!"), ("org", "")],
)
def test_bad_follows_are_refused(kind: str, target: str) -> None:
    with pytest.raises(InvalidInput):
        follow_query(kind, target)


def test_it_learns_key_statistics_from_the_articles_it_matches() -> None:
    p = Percolator()
    p.add(1, "letter mistake")
    p.add(2, "council")
    assert p.learned_frequencies() is None
    assert p.rebalance() == 0  # nothing learned yet: nothing moves
    for _ in range(8 * 200):
        p.match(LETTER)
    shares = p.learned_frequencies()
    assert shares is not None
    assert shares["letter"] == 1.0
    assert shares["council"] == 0.5 / 200  # never seen: rare, not impossible
    assert set(shares) == {"letter", "mistake", "council"}
    p.rebalance()
    assert p.match(LETTER) == {1}
    p.remove(2)
    assert set(p.learned_frequencies() or {}) == {"letter", "mistake"}
