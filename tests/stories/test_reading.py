"""The reading rules under the story parts: words, sentences, numbers, claims."""

from __future__ import annotations

import pytest

from storywatch.model import Statement
from storywatch.stories import StoryDoc
from storywatch.stories.analysis import analyse, claim_of
from storywatch.stories.claims import focus_term, read_claim
from storywatch.stories.numbers import marks_revision, number_facts
from storywatch.stories.text import canonical_aliases, names, parse_numbers, sentences, stem, terms
from tests.stories.fixtures import MONDAY


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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "“I am asking every household to leave tonight. This is a precaution, but it is "
            "not optional,” the mayor said. Buses left at nine.",
            [
                "“I am asking every household to leave tonight. This is a precaution, but it is "
                "not optional,” the mayor said.",
                "Buses left at nine.",
            ],
        ),
        (
            '"Is it safe? Nobody knows!" a resident shouted. The pier stayed shut.',
            ['"Is it safe? Nobody knows!" a resident shouted.', "The pier stayed shut."],
        ),
        # a quote that runs on into the next paragraph (no closing mark) is split as usual
        (
            "“The fire is out. We will keep cooling the hull.",
            ["“The fire is out.", "We will keep cooling the hull."],
        ),
    ],
)
def test_sentences_do_not_split_inside_an_open_quotation(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


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
        # an irregular past tense reads as its verb ("held" = "hold")
        ("It held no less than three weeks of supplies.", {"hold"}, set()),
        (
            "The agency denied reports that the ship carried chlorine.",
            {"agency"},
            {"carry", "chlorin"},
        ),
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


@pytest.mark.parametrize(
    ("sentence", "temporal"),
    [
        ("The harbor was closed for four days.", {4.0: True}),
        ("The fire broke out 72 hours ago; 14 people were hurt.", {72.0: True, 14.0: False}),
        ("Pell Dunmore, 64, has lived on Rope Street for forty years.", {64.0: True, 40.0: True}),
        ("A 12-year-old girl was among the 31 passengers.", {12.0: True, 31.0: False}),
        ("Traffic resumed at six this morning.", {6.0: True}),
        ("Residents aged 70 and over were moved first by 3 buses.", {70.0: True, 3.0: False}),
        ("It is the fourth day since the collapse; 9 divers are searching.", {9.0: False}),
        ("Nine crew members were injured.", {9.0: False}),
    ],
)
def test_lengths_of_time_ages_and_times_of_day_are_marked_temporal(
    sentence: str, temporal: dict[float, bool]
) -> None:
    assert {f.value: f.temporal for f in number_facts(sentence)} == temporal


def test_ate_verbs_and_their_ation_nouns_are_one_term() -> None:
    assert stem("declared") == stem("declaration") == stem("declare")
    assert stem("negotiated") == stem("negotiations")
    assert stem("station") != stem("state")


@pytest.mark.parametrize(
    ("sentence", "denied", "not_denied"),
    [
        # a noun of existence carries the negation to what it is a trace of
        ("Air samples show no trace of chlorine.", {"chlorin"}, set()),
        # a refuted report: its predicate is denied, its subject and verb are not
        (
            "The agency said so on Tuesday, contradicting reports that the ship was "
            "carrying chlorine gas.",
            {"carry", "chlorin", "gas"},
            {"ship"},
        ),
        ("The club denied that it had signed the striker.", {"sign", "striker"}, {"club"}),
    ],
)
def test_denials_reach_what_is_denied(
    sentence: str, denied: set[str], not_denied: set[str]
) -> None:
    claim = read_claim(sentence)
    assert claim is not None
    assert denied <= claim.denied
    assert not (not_denied & claim.denied)


def test_a_verdict_implies_the_opposite_of_correct() -> None:
    claim = read_claim("That declaration was wrong.")
    assert claim is not None
    assert claim.denied == {"declar"}
    assert {"correct", "correctly"} <= claim.implied
    assert claim.anaphora == "determiner"


def test_a_lone_pronoun_denial_is_marked_for_its_antecedent() -> None:
    claim = read_claim("“That is not what’s happening.”")
    assert claim is not None
    assert claim.anaphora == "bare"
    assert claim.denied == {stem("occurring")}  # "happening" reads as "occurring"
    assert focus_term("“Poorly worded, implies withdrawal,” Milley said.") == stem("withdrawal")
    assert focus_term("Officials met on Monday.") == "meet"


def test_a_lone_pronoun_borrows_the_words_of_the_sentence_before() -> None:
    text = "“Poorly worded, implies withdrawal,” Milley said. “That is not what’s happening.”"
    start = text.index("Poorly")
    statement = Statement(text[start:], "direct", "Mark Milley", start, len(text), "person:m")
    doc = StoryDoc(1, "X", None, "T", text, MONDAY, statements=(statement,))
    claims = analyse(doc).claims
    denial = next(c for c in claims if c.denied)
    assert stem("withdrawal") in denial.implied
    assert {"word", stem("milley")} <= denial.context


def test_sentences_that_cannot_deny_are_read_only_when_asked() -> None:
    text = "The council met on Monday. The mayor did not attend the meeting."
    statement = Statement("did not attend", "indirect", "Clerk", 33, 47, "person:clerk")
    doc = StoryDoc(1, "X", None, "T", text, MONDAY, statements=(statement,))
    first, second = analyse(doc).sentences
    assert not first.settled and first.claim is None
    assert second.settled and second.claim is not None
    assert claim_of(first) is not None and first.settled
