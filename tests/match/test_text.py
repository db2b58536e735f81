"""Words as matching sees them: folding, splitting and the documented plural rules."""

from __future__ import annotations

import pytest

from storywatch.match.text import fold, person_words, split_key, stem, words


def test_folding_ignores_case_and_accents() -> None:
    assert fold("López ÉTÉ Straße") == "lopez ete strasse"
    assert fold("Łódź") == "łodz"  # ł does not decompose: it stays


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("U.S. troops", ["us", "troops"]),
        ("the U.K.'s Parliament in D.C.’s", ["the", "uk", "parliament", "in", "dc"]),
        ("3.5 p.m. at J.R.R. Hall. A.B.", ["3", "5", "pm", "at", "jrr", "hall", "ab"]),
        ("u.s-led", ["u", "s", "led"]),
        ("Esper's letter", ["esper", "letter"]),
        ("Abdul-Mahdi’s office", ["abdul", "mahdi", "office"]),
        ("COVID-19 in the 1990s", ["covid", "19", "in", "the", "1990s"]),
        ("O'Brien, e.g. here", ["o", "brien", "eg", "here"]),
        ("snake_case — “quoted”", ["snake", "case", "quoted"]),
    ],
)
def test_words_split_on_everything_but_letters_and_digits(text: str, expected: list[str]) -> None:
    assert words(text) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("troops", "troop"),
        ("troop", "troop"),
        ("countries", "country"),
        ("ties", "tie"),
        ("witnesses", "witness"),
        ("taxes", "tax"),
        ("speeches", "speech"),
        ("clashes", "clash"),
        ("cases", "case"),
        ("1990s", "1990"),
        ("congress", "congress"),
        ("virus", "virus"),
        ("crisis", "crisis"),
        ("news", "news"),
        ("always", "always"),
        ("gas", "gas"),
        ("withdrawal", "withdrawal"),
    ],
)
def test_plurals_fold_to_the_singular_and_nothing_else_is_stemmed(word: str, expected: str) -> None:
    assert stem(word) == expected


def test_a_persons_generational_suffix_is_not_their_surname() -> None:
    assert person_words("Martin Luther King Jr.") == ("martin", "luther", "king")
    assert person_words("Jr") == ("jr",)


def test_entity_keys_split_into_kind_and_name() -> None:
    assert split_key("person:mark-esper") == ("person", "mark esper")
    assert split_key("ORG:state_department") == ("org", "state department")
