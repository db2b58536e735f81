"""T5 contradictions: which pairs are contradictions, and that each is reported once.

The articles are invented for these tests (a grain shipment, a museum, a council), so the
rules are checked on other words than the demo story they were first written for.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from storywatch.model import Statement, StoryEvent
from storywatch.stories import StoryDecision, StoryDoc, StoryEngine
from storywatch.stories.claims import read_claim
from storywatch.stories.contradictions import judge, quoted, said
from tests.stories.fixtures import MONDAY, Store


def _doc(
    article_id: int,
    text: str,
    *said_by: tuple[str, str, str, str],
    hours: float = 0,
    source: str = "Grain Wire",
    title: str = "Grain ship held at Ostmark",
) -> StoryDoc:
    """An article with statements ``(speaker, key, kind, words)`` found in its text."""
    statements = []
    for speaker, key, kind, words in said_by:
        start = text.index(words)
        statements.append(
            Statement(
                text=words,
                kind="direct" if kind == "direct" else "indirect",
                speaker=speaker,
                start=start,
                end=start + len(words),
                speaker_key=key,
                cue="said",
            )
        )
    return StoryDoc(
        article_id=article_id,
        source=source,
        url=f"https://{source.lower().replace(' ', '')}.example/{article_id}",
        title=title,
        text=text,
        published=MONDAY + timedelta(hours=hours),
        statements=tuple(statements),
    )


def _contradictions(decision: StoryDecision) -> list[StoryEvent]:
    return [e for e in decision.events if e.kind == "contradiction"]


CAPTAIN = ("Ivo Brandt", "person:ivo-brandt")
INSPECTOR = ("Lena Paik", "person:lena-paik")

FIRST = (
    "OSTMARK — The grain ship Harrow Bay was held in Ostmark port on Monday after customs "
    "officers opened its cargo, the port said.\n\n"
    "“Every sack on the Harrow Bay was declared correctly and weighed twice,” said Ivo "
    "Brandt, the ship's captain."
)
SECOND = (
    "OSTMARK — Customs inspectors found maize sacks that were declared as wheat aboard the "
    "Harrow Bay in Ostmark port, the customs office said on Tuesday.\n\n"
    "“Forty of the sacks in the aft hold held maize that was declared as wheat,” said Lena "
    "Paik, the chief inspector. “That declaration was wrong.”"
)


def test_a_verdict_on_a_demonstrative_contradicts_the_claim_it_judges() -> None:
    store = Store(StoryEngine())
    quote = "Every sack on the Harrow Bay was declared correctly and weighed twice"
    store.process(_doc(1, FIRST, (*CAPTAIN, "direct", quote)))
    decision = store.process(
        _doc(
            2,
            SECOND,
            (*INSPECTOR, "direct", "Forty of the sacks in the aft hold held maize"),
            (*INSPECTOR, "direct", "That declaration was wrong."),
            hours=24,
        )
    )
    (event,) = _contradictions(decision)
    assert "declared correctly" in event.detail["earlier"]
    assert event.detail["later"].endswith("That declaration was wrong.”")
    assert set(event.detail["predicates"].split()) >= {"declar"}
    assert event.article_ids == (1, 2)
    assert event.text.startswith("Ivo Brandt: “Every sack on the Harrow Bay was declared")


def test_a_refuted_report_denies_what_was_reported() -> None:
    store = Store(StoryEngine())
    store.process(
        _doc(
            1,
            "A crew member who asked not to be named said the aft hold carried sacks of "
            "rotten barley. The Harrow Bay sailed from Tessel on Friday with 9,000 tonnes of "
            "grain.",
        )
    )
    later = "No rotten barley was found aboard the Harrow Bay, the customs office said"
    decision = store.process(
        _doc(
            2,
            "Samples from every hold of the Harrow Bay show no trace of barley, the customs "
            "office said on Tuesday, contradicting reports that the ship was carrying rotten "
            "barley.",
            ("Customs office", "org:customs-office", "indirect", "show no trace of barley"),
            hours=30,
        )
    )
    (event,) = _contradictions(decision)
    assert "rotten barley" in event.detail["earlier"]
    assert "no trace of barley" in event.detail["later"]
    assert {"barley", "rotten"} <= set(event.detail["predicates"].split())
    assert later not in event.text


def test_a_lone_pronoun_denies_what_the_sentence_before_it_said() -> None:
    text = (
        "A letter from the port director said the closure of the grain terminal was "
        "occurring as planned.\n\n"
        "“Badly drafted, suggests closure,” said Mayor Oda Sten. “That is not what is "
        "happening.”"
    )
    decision = Store(StoryEngine()).process(
        _doc(
            1,
            text,
            ("Port director", "person:port-director", "indirect", "the closure of the grain"),
            ("Oda Sten", "person:oda-sten", "direct", "Badly drafted, suggests closure,"),
            ("Oda Sten", "person:oda-sten", "direct", "That is not what is happening."),
        )
    )
    (event,) = _contradictions(decision)
    assert "was occurring" in event.detail["earlier"]
    assert "That is not what is happening" in event.detail["later"]


def test_the_same_voice_within_one_article_is_not_a_contradiction() -> None:
    text = (
        "“We are not raising fees this year,” said Ada Lund, the museum's director. "
        "“We will raise fees next year if the city cuts its grant,” she added."
    )
    lund = ("Ada Lund", "person:ada-lund")
    decision = Store(StoryEngine()).process(
        _doc(
            1,
            text,
            (*lund, "direct", "We are not raising fees this year,"),
            (*lund, "direct", "We will raise fees next year if the city cuts its grant,"),
        )
    )
    assert _contradictions(decision) == []


def test_a_reversal_needs_the_speakers_own_words_in_two_articles() -> None:
    lund = ("Ada Lund", "person:ada-lund")
    first = _doc(
        1,
        "“Nobody will lose their job at the museum,” said Ada Lund, the director.",
        (*lund, "direct", "Nobody will lose their job at the museum,"),
        title="Museum jobs: nobody to lose theirs",
    )
    reversal = _doc(
        2,
        "“Twelve guides will lose their jobs in March,” Ada Lund told the staff.",
        (*lund, "direct", "Twelve guides will lose their jobs in March,"),
        hours=20,
        title="Museum jobs: twelve guides to lose theirs",
    )
    paraphrase = replace(
        reversal,
        text="Ada Lund said the museum would cut guides, who would lose their jobs in March.",
        statements=(
            Statement(
                "the museum would cut guides, who would lose their jobs in March",
                "indirect",
                "Ada Lund",
                14,
                78,
                "person:ada-lund",
            ),
        ),
    )
    store = Store(StoryEngine())
    store.process(first)
    assert _contradictions(store.process(paraphrase)) == []
    store = Store(StoryEngine())
    store.process(first)
    (event,) = _contradictions(store.process(reversal))
    assert event.detail["earlier_speaker"] == event.detail["later_speaker"] == "Ada Lund"


def test_narration_alone_never_contradicts() -> None:
    text = (
        "The council approved the budget on Monday. The council did not approve the budget "
        "for the new library, which was delayed."
    )
    assert _contradictions(Store(StoryEngine()).process(_doc(1, text))) == []


def test_long_sentences_sharing_a_few_words_are_not_about_one_thing() -> None:
    a = read_claim(
        "Supporters of the mayor say the council will approve the harbor budget and the "
        "new tram line before the summer recess, when most members leave the city.",
        "A",
        "person:a",
    )
    b = read_claim(
        "The opposition leader, who has never trusted the mayor, said she would not approve "
        "any plan for the harbor.",
        "B",
        "person:b",
    )
    assert a is not None and b is not None
    assert judge(a, b, same_article=True) == frozenset()


def test_a_predicate_a_claim_both_asserts_and_denies_is_not_a_side() -> None:
    a = read_claim(
        "“Each candidate isn't talking to the public, they are talking to their base,” he said.",
        "A",
        "person:a",
        direct=True,
    )
    b = read_claim(
        "“Each candidate is talking to the public and to their base,” she said.",
        "B",
        "person:b",
        direct=True,
    )
    assert a is not None and b is not None
    assert judge(a, b, same_article=False) == frozenset()


def test_each_contradiction_is_reported_once_per_story() -> None:
    council = ("Mira Sand", "person:mira-sand")
    minister = ("Piet Ruud", "person:piet-ruud")
    store = Store(StoryEngine())
    store.process(
        _doc(
            1,
            "OSTBY — The council will close Linden Primary School in July, the council "
            "leader said.\n\n“Linden Primary School will close in July,” said Mira Sand.",
            (*council, "direct", "Linden Primary School will close in July,"),
            title="Linden Primary to close",
        )
    )
    denial = (
        "OSTBY (NPA) — The education minister said on Tuesday that Linden Primary School "
        "would stay open.\n\n“Linden Primary School is not closing in July,” said Piet Ruud."
    )
    first = store.process(
        _doc(
            2,
            denial,
            (*minister, "direct", "Linden Primary School is not closing in July,"),
            hours=24,
            source="National Press Agency",
            title="Minister: Linden will not close",
        )
    )
    assert len(_contradictions(first)) == 1
    rewrite = denial.replace("on Tuesday", "late on Tuesday").replace(
        "would stay open", "would remain open"
    )
    for n, text in enumerate((denial, rewrite), start=3):
        again = store.process(
            _doc(
                n,
                text,
                (*minister, "direct", "Linden Primary School is not closing in July,"),
                hours=24 + n,
                source=f"Outlet {n}",
                title="Linden Primary saved",
            )
        )
        assert _contradictions(again) == []
    recap = store.process(
        _doc(
            9,
            "What we know: the council said Linden Primary School would close in July; the "
            "minister, Piet Ruud, said Linden Primary School is not closing in July.",
            (*minister, "indirect", "Linden Primary School is not closing in July"),
            hours=60,
            source="Weekly",
            title="Linden Primary: what we know",
        )
    )
    assert _contradictions(recap) == []


def test_events_show_a_quote_in_its_own_words() -> None:
    claim = read_claim(
        "“The harbor is not closing for three weeks,” Vasko told reporters.",
        "Teodor Vasko",
        "person:teodor-vasko",
        direct=True,
    )
    assert claim is not None
    assert said(claim, frozenset({"clos"})) == "“The harbor is not closing for three weeks”"
    # the contradicted words are outside the quotation marks: the sentence is shown
    assert said(claim, frozenset({"report"})) == claim.text
    assert quoted("He said “no” and “yes”.") == "no … yes"
    assert quoted("It will reopen,” he said.") == "It will reopen,"


def test_a_denial_is_not_known_from_a_sentence_that_does_not_speak_to_it() -> None:
    """ "The museum is not closing" shares most words with "the museum has shown paintings
    in Vell since 1920", but that sentence says nothing either way: the denial is fresh."""
    store = Store(StoryEngine())
    store.process(
        _doc(
            1,
            "VELL — The Vell city museum will close its doors in May, the city said on "
            "Monday.\n\nThe Vell city museum has shown paintings since 1920.",
            title="Vell city museum to close",
        )
    )
    decision = store.process(
        _doc(
            2,
            "“The Vell city museum is not closing. We have the money for ten more years,” "
            "said Ada Lund, its director, on Tuesday.",
            ("Ada Lund", "person:ada-lund", "direct", "The Vell city museum is not closing."),
            hours=20,
            title="Vell city museum will not close, director says",
        )
    )
    (event,) = _contradictions(decision)
    assert "will close its doors" in event.detail["earlier"]


@pytest.mark.parametrize(
    ("earlier", "later", "predicate"),
    [
        # an irregular past tense is its verb: "knew" = "know"
        (
            "“The council knew about the cracks in the viaduct in 2021,” said Ada Renn.",
            "“The council did not know about the cracks in the viaduct,” said Bo Tessel.",
            "know",
        ),
        # a negative prefix denies its base: "unsafe" = not safe
        (
            "“The Marl tunnel is safe for passenger trains,” said Ada Renn.",
            "“The Marl tunnel is unsafe for passenger trains,” said Bo Tessel.",
            "safe",
        ),
        # "it is not true that X" refutes X's predicate, like "denied that X"
        (
            "“The ferry line has cancelled every winter sailing,” said Ada Renn.",
            "“It is not true that the ferry line has cancelled every winter sailing,” said "
            "Bo Tessel.",
            "cancell",
        ),
        # "no" opening a clause denies its subject and its verb
        (
            "“A ceasefire has been agreed for the Orla valley,” said Ada Renn.",
            "“No ceasefire has been agreed for the Orla valley,” said Bo Tessel.",
            "agree",
        ),
        # a short denial whose other words the claim it denies all has
        (
            "“The Parvel paper mill will close in June after eighty years,” said Ada Renn.",
            "“Parvel is not closing,” said Bo Tessel.",
            "clos",
        ),
    ],
)
def test_contradictions_in_other_words(earlier: str, later: str, predicate: str) -> None:
    a = read_claim(earlier, "Ada Renn", "person:ada-renn", direct=True)
    b = read_claim(later, "Bo Tessel", "person:bo-tessel", direct=True)
    assert a is not None and b is not None
    assert predicate in judge(a, b, same_article=False)


@pytest.mark.parametrize(
    ("earlier", "later"),
    [
        # different subjects: the southern tunnel is not the northern one
        (
            "“The northern tunnel is unsafe,” said Ada Renn.",
            "“The southern tunnel is safe,” said Bo Tessel.",
        ),
        # a prefix that is no negation: "uncovered" is not "not covered"
        (
            "“The insurance covers the damage to the harbor wall,” said Ada Renn.",
            "“Divers uncovered more damage to the harbor wall,” said Bo Tessel.",
        ),
        # "no" inside a clause still denies one word, not the clause's verb
        (
            "“The crew signed the report on Monday,” said Ada Renn.",
            "“The crew signed it with no objection to the report,” said Bo Tessel.",
        ),
        # a short claim with a word the other does not have is about something else
        (
            "“The Parvel paper mill will close in June,” said Ada Renn.",
            "“The Tarrow saw mill is not closing,” said Bo Tessel.",
        ),
    ],
)
def test_not_contradictions_in_other_words(earlier: str, later: str) -> None:
    a = read_claim(earlier, "Ada Renn", "person:ada-renn", direct=True)
    b = read_claim(later, "Bo Tessel", "person:bo-tessel", direct=True)
    assert a is not None and b is not None
    assert judge(a, b, same_article=False) == frozenset()
