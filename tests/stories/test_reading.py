"""The reading rules under the story parts: words, sentences, numbers, claims."""

from __future__ import annotations

import pytest

from storywatch.stories.claims import read_claim
from storywatch.stories.numbers import marks_revision, number_facts
from storywatch.stories.text import canonical_aliases, names, parse_numbers, sentences, stem, terms


@pytest.mark.parametrize(
    ("words", "same"),
    [
        (("withdraw", "withdrawing", "withdrawal"), True),
        (("close", "closed", "closing"), True),
        (("pass", "passed", "passing"), True),
        (("evacuated", "evacuation"), True),
        (("injured", "withdraw"), False),
    ],
)
def test_light_stemming_joins_word_forms(words: tuple[str, ...], same: bool) -> None:
    assert (len({stem(w) for w in words}) == 1) is same


def test_country_names_are_spelled_one_way() -> None:
    assert canonical_aliases("U.S. troops and the United States") == "USA troops and the USA"
    assert terms("the United States is not withdrawing") == terms("the U.S. is not withdrawing")


def test_sentences_keep_abbreviations_and_quotes_whole() -> None:
    text = "Gen. Mark Milley spoke at 5 p.m. Friday. “It was a mistake.” He left.\nNew paragraph"
    assert sentences(text) == [
        "Gen. Mark Milley spoke at 5 p.m. Friday.",
        "“It was a mistake.”",
        "He left.",
        "New paragraph",
    ]


def test_names_skip_sentence_openers() -> None:
    found = names("There was smoke. Mayor Agathe Rimsby spoke to The Velmora Courier.")
    assert "agathe rimsby" in found
    assert "there" not in found


def test_numbers_skip_years_and_times_of_day() -> None:
    values = [
        v for v, _, _ in parse_numbers("In 2019, at 5:30, 1,200 people and six crew; $3 billion")
    ]
    assert values == [1200.0, 6.0, 3e9]


def test_claim_denies_only_the_negated_predicate() -> None:
    claim = read_claim("The United States is not withdrawing from Iraq.")
    assert claim is not None
    assert claim.denied == {"withdraw"}
    other = read_claim("The U.S. will not hold discussions with Iraq regarding troop withdrawal.")
    assert other is not None
    assert "withdraw" not in other.denied | other.asserted
    assert "hold" in other.denied


@pytest.mark.parametrize(
    ("sentence", "asserted", "denied"),
    [
        ("Nobody needs to leave their home.", set(), {"need", "leav"}),
        ("That declaration was wrong.", set(), {"declar"}),
        ("If those declarations were false, we were deceived.", {"deceiv"}, set()),
        ("It held no less than three weeks of supplies.", {"held"}, set()),
        ("The agency denied reports that the ship carried chlorine.", {"agency"}, {"chlorin"}),
    ],
)
def test_claim_polarity_rules(sentence: str, asserted: set[str], denied: set[str]) -> None:
    claim = read_claim(sentence)
    assert claim is not None
    assert asserted <= claim.asserted
    assert claim.denied == denied
    assert "chlorin" not in claim.asserted


def test_boilerplate_denials_are_not_claims_about_the_news() -> None:
    claim = read_claim("The company did not respond to a request for comment.")
    assert claim is None or not claim.denied


def test_number_fact_reads_unit_and_previous_value() -> None:
    (fact,) = number_facts("Nine crew members were injured, up from the six reported on Sunday.")
    assert (fact.value, fact.previous, fact.unit_word) == (9.0, 6.0, "crew")
    assert marks_revision(fact)
    (queue,) = number_facts("The number of ships waiting rose to 38 on Monday.")
    assert queue.revision == "change"
    assert not queue.toll
    assert not marks_revision(queue)
