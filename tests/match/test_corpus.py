"""The preview index: many articles, one query, newest first."""

from __future__ import annotations

from storywatch.match import DocIndex, MatchDoc, parse_query, prepare


def _index() -> DocIndex:
    index = DocIndex()
    index.add(10, MatchDoc("Harbor fire", "Troops were sent.", story_id=1), at=100.0)
    index.add(11, MatchDoc("Harbor reopens", "Countries reacted.", people=("Mark Esper",)), 200.0)
    index.add(12, prepare(MatchDoc("Budget vote", "The council voted.")), at=300.0)
    return index


def _ids(index: DocIndex, text: str, since: float = 0.0) -> tuple[tuple[int, ...], bool]:
    hits = index.search(parse_query(text).root, since)
    return hits.ids, hits.exact


def test_words_fields_and_prefixes_are_answered_exactly() -> None:
    index = _index()
    assert _ids(index, "harbor") == ((11, 10), True)
    assert _ids(index, "troop") == ((10,), True)
    assert _ids(index, "countri*") == ((11,), True)
    assert _ids(index, "country*") == ((11,), True)
    assert _ids(index, "person:Esper") == ((11,), True)
    assert _ids(index, "harbor -fire") == ((11,), True)
    assert _ids(index, "harbor OR budget") == ((12, 11, 10), True)
    assert _ids(index, "title:vote") == ((12,), True)


def test_phrases_and_long_names_give_a_superset_to_check() -> None:
    index = _index()
    assert _ids(index, '"harbor fire"') == ((10,), False)
    assert _ids(index, '"fire harbor"') == ((10,), False)  # both words: a candidate only
    assert _ids(index, '"harbor fire" -"troops were"') == ((10,), False)
    assert _ids(index, "title:har*") == ((11, 10), False)


def test_the_window_starts_at_since() -> None:
    index = _index()
    assert _ids(index, "harbor", since=150.0) == ((11,), True)
    assert index.count_since(150.0) == 2
    assert index.count_since(0.0) == 3


def test_external_truth_overrides_indexed_fields() -> None:
    index = _index()
    assert _ids(index, "story:1") == ((10,), True)
    hits = index.search(parse_query("story:1").root, 0.0, {"story:1": {11, 99}})
    assert hits.ids == (11,)  # 99 is not indexed: ignored


def test_discard_reindex_and_compact_keep_answers_right() -> None:
    index = _index()
    assert index.discard(10)
    assert not index.discard(10)
    index.add(11, MatchDoc("Harbor closed again", ""), at=250.0)  # re-indexed: new text
    assert 10 not in index
    assert len(index) == 2
    assert index.dead == 2
    assert _ids(index, "harbor") == ((11,), True)
    assert _ids(index, "countries") == ((), True)
    index.compact()
    assert index.dead == 0
    assert _ids(index, "harbor") == ((11,), True)
    assert _ids(index, "budget OR harbor") == ((12, 11), True)
    assert _ids(index, "har*") == ((11,), True)
    index.add(13, MatchDoc("Harbor", ""), at=400.0)
    assert _ids(index, "harbor") == ((13, 11), True)


def test_discard_before_drops_old_articles() -> None:
    index = _index()
    assert sorted(index.discard_before(250.0)) == [10, 11]
    assert _ids(index, "harbor OR budget") == ((12,), True)


def test_frequencies_are_shares_of_articles() -> None:
    shares = _index().frequencies()
    assert shares["harbor"] == 2 / 3
    assert shares["t:vote"] == 1 / 3
    assert shares["person:esper"] == 1 / 3
    assert "harbor fire" not in shares  # two-word text keys are not indexed


def test_an_empty_index_answers_nothing() -> None:
    index = DocIndex()
    assert _ids(index, "harbor") == ((), True)
    assert index.count_since(0.0) == 0
