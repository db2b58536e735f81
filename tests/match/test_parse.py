"""The query language: every construct parses to the tree it means, every mistake is
reported at its column with what was expected, in plain words."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storywatch.errors import InvalidInput, QueryError
from storywatch.match import parse_query
from storywatch.match.grammar import TERM_START
from storywatch.match.query import And, Name, Not, Or, Phrase, Prefix, Term


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("troops Iraq", "troops AND Iraq"),
        ("troops AND Iraq", "troops AND Iraq"),
        ("Esper OR Milley withdrawal", "(Esper OR Milley) AND withdrawal"),
        ("a AND b OR c", "a AND (b OR c)"),
        ("(a AND b) OR c", "(a AND b) OR c"),
        ("troops -Syria", "troops AND NOT Syria"),
        ("troops NOT Syria", "troops AND NOT Syria"),
        ("troops -(Syria OR Turkey)", "troops AND NOT (Syria OR Turkey)"),
        ('"US troops" withdraw*', '"US troops" AND withdraw*'),
        ("title:Pentagon", "title:Pentagon"),
        ('title:"letter mistake" title:withdr*', 'title:"letter mistake" AND title:withdr*'),
        ('person:Esper person:"Mark Esper"', 'person:Esper AND person:"Mark Esper"'),
        ('org:Pentagon place:"Velmora Harbor"', 'org:Pentagon AND place:"Velmora Harbor"'),
        ('source:42 source:"Harbor Post"', 'source:42 AND source:"Harbor Post"'),
        ("story:123 lang:en-GB", "story:123 AND lang:en-GB"),
        ("NOT NOT troops", "troops"),
        ("((troops))", "troops"),
        ("ANDROID ORBIT NOTE", "ANDROID AND ORBIT AND NOTE"),
        ("troops and or not", "troops AND and AND or AND not"),
        ("“US troops”", '"US troops"'),
    ],
)
def test_each_construct_reads_as_documented(text: str, canonical: str) -> None:
    query = parse_query(text)
    assert query.canonical == canonical
    assert query.text == text
    assert str(query) == text


def test_leaves_carry_folded_stemmed_keys() -> None:
    root = parse_query('Troops "U.S. Troops" "troops" title:Letters person:Esper').root
    assert isinstance(root, And)
    word, pair, exact, title, person = root.children
    assert word == Term("troop", "term", "Troops")
    assert pair == Term("us troops", "phrase", "U.S. Troops")  # two words: one key, unstemmed
    assert exact == Phrase(("troops",))  # one quoted word: that word exactly
    assert title == Term("t:letter", "title", "Letters")
    assert person == Term("person:esper", "person", "Esper")


def test_long_names_and_phrases_and_prefixes_keep_their_words() -> None:
    root = parse_query('person:"Adel Abdul Mahdi" "parliament vote today" sanct*').root
    assert isinstance(root, And)
    assert root.children == (
        Name("person", ("adel", "abdul", "mahdi"), "Adel Abdul Mahdi"),
        Phrase(("parliament", "vote", "today")),
        Prefix("sanct"),
    )


def test_a_hyphenated_word_is_its_words_side_by_side() -> None:
    assert parse_query("al-Sadr").root == Term("al sadr", "phrase", "al-Sadr")
    assert parse_query("COVID-19-era").root == Phrase(("covid", "19", "era"))


def test_structure_of_or_and_not() -> None:
    root = parse_query("(Esper OR Milley) -letter").root
    assert isinstance(root, And)
    group, excluded = root.children
    assert isinstance(group, Or)
    assert len(group.children) == 2
    assert isinstance(excluded, Not)
    assert excluded.child == Term("letter", "term", "letter")


def test_fields_are_case_insensitive_and_languages_keep_their_primary_subtag() -> None:
    assert parse_query("Title:fire").root == Term("t:fire", "title", "fire")
    assert parse_query("lang:EN_us").root == Term("lang:en", "lang", "EN_us")


def _error(text: str) -> QueryError:
    with pytest.raises(QueryError) as caught:
        parse_query(text)
    assert isinstance(caught.value, InvalidInput)
    assert caught.value.code == "query_syntax"
    return caught.value


@pytest.mark.parametrize(
    ("text", "column", "expected", "says"),
    [
        ("", 1, TERM_START, "empty"),
        ("troops AND", 11, ("a word", 'a "phrase"', "a prefix*"), "ends too early"),
        ("troops -", 9, ("a word",), "ends too early"),
        ("(troops OR Iraq", 16, (")",), "( at column 1 is never closed"),
        ("troops)", 7, ("a ( before it",), "closes nothing"),
        ("AND troops", 1, ("a word",), "needs something to look for on each side"),
        ("troops OR OR Iraq", 11, ("a word",), "OR at column 11"),
        ("()", 2, ("a word",), "Unexpected “)”"),
        ('"US troops', 1, ('a closing "',), "never closed"),
        ("“US troops", 1, ('a closing "',), "add a closing ”"),
        ("troops”", 7, ('an opening "',), "no opening quote"),
        ("tro*ops", 4, ("a word before *",), "must end a word"),
        ("*", 1, ("a word before *",), "must end a word"),
        (":troops", 1, ("a field name before :",), "must follow a field name"),
        ("title:", 7, ("a word", 'a "phrase"', "a prefix*"), "needs a value"),
        ("title:AND", 7, ("a word",), "quote it"),
        ("site:harbor.example", 1, ("title:", "source:", "person:"), "use source:"),
        ("colour:red", 1, ("title:", "story:"), "Unknown field “colour:”"),
        ("story:latest", 7, ("a story number",), "story:123"),
        ("lang:english", 6, ("a language code",), "lang:en"),
        ("person:Esp*", 8, ("a word", 'a "phrase"'), "not a prefix"),
        ("person:&", 8, ("a word",), "letters or digits"),
        ("a*", 1, ("at least 2 letters before *",), "too short"),
        ("al-Sa*", 1, ("a single word before *",), "one plain word"),
        ('""', 1, ("a word inside the quotes",), "empty"),
        ("troops &", 8, ("a word",), "no letters or digits"),
        ("NOT troops", 1, ("a word the article must contain",), "only says what to leave out"),
        ("-troops", 1, ("a word the article must contain",), "only says what to leave out"),
        ("Iraq OR -troops", 9, ("a word the article must contain",), "from column 9"),
        ("-a -b", 1, ("a word the article must contain",), "leave out"),
        ("(" * 17 + "a" + ")" * 17, 17, ("fewer nested groups",), "nested"),
        ("x" * 2001, 2001, ("a shorter query",), "limit is 2000"),
    ],
)
def test_errors_point_at_the_column_and_say_what_was_expected(
    text: str, column: int, expected: tuple[str, ...], says: str
) -> None:
    error = _error(text)
    assert error.column == column
    for item in expected:
        assert item in error.expected
    assert says in error.message


def test_errors_spell_out_alternatives_in_words() -> None:
    error = _error("troops AND")
    assert error.message == (
        'The query ends too early, after “AND”; expected a word, a "phrase", a prefix*, a '
        "field such as title: or person:, (, - or NOT at column 11."
    )
    assert error.expected == (*TERM_START[:4], "(", "-", "NOT")


def test_negation_inside_a_group_with_a_positive_word_is_fine() -> None:
    assert parse_query("(troops -Syria) OR Iraq").canonical == "(troops AND NOT Syria) OR Iraq"


def test_newlines_and_tabs_are_spaces_and_columns_stay_true() -> None:
    assert parse_query("troops\n\tIraq").canonical == "troops AND Iraq"
    assert _error("troops\nAND").column == 11


_PIECES = st.sampled_from([*'ab C-*:()"“” \té🔥', "AND", "OR", "NOT", "title:", "x:", "story:"])


def _outcome(text: str) -> QueryError | str:
    try:
        return parse_query(text).canonical
    except QueryError as error:
        return error


@settings(max_examples=500, deadline=None)
@given(st.lists(_PIECES, max_size=25).map("".join))
def test_any_text_parses_or_raises_a_query_error_with_a_column_inside_it(text: str) -> None:
    outcome = _outcome(text)
    if isinstance(outcome, QueryError):
        assert 1 <= outcome.column <= len(text) + 1
        assert outcome.expected
        assert outcome.message
    else:  # what it was read as reads the same way again
        assert _outcome(outcome) == outcome
