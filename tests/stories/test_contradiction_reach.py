"""T5: contradictions that need more than shared words in a whole sentence.

- an irregular verb ("knew" / "did not know", "has not left" / "has left"): the sentence is
  read for its claim although its words hold the predicate only as an irregular form;
- a quote that says more than what is contradicted, and a speaker with a long role: the
  clauses holding the opposed predicate are about one thing;
- an article answering an earlier article's claim twice raises one contradiction;
- a light verb ("came into" / "come up with") is no predicate;
- a denial of everyone ("Nobody was injured") meets a count of those it denies, a denial
  of one person does not.

Invented articles (a ferry line, a wildfire, a vaccine maker, a football club, a mill fire).
"""

from __future__ import annotations

from dataclasses import dataclass

from storywatch.model import StoryEvent
from storywatch.stories import StoryEngine
from tests.stories.fixtures import Store
from tests.stories.test_contradictions import _contradictions, _doc


@dataclass(frozen=True)
class Voice:
    """An article that is one paragraph of narration, then one quotation and its credit."""

    title: str
    lead: str
    quote: str  # the claim, inside the marks
    speaker: str
    role: str
    more: str = ""  # what the quotation goes on to say after the claim

    def text(self) -> str:
        return f"{self.lead}\n\n“{self.quote}{self.more},” said {self.speaker}, {self.role}."


def _replay(first: Voice, second: Voice, hours: float) -> list[StoryEvent]:
    """The contradictions the second article raises against the first."""
    store = Store(StoryEngine())
    decision = None
    for n, (voice, at) in enumerate(((first, 0.0), (second, hours)), start=1):
        key = "person:" + voice.speaker.lower().replace(" ", "-")
        said = (voice.speaker, key, "direct", voice.quote)
        decision = store.process(_doc(n, voice.text(), said, hours=at, title=voice.title))
    assert decision is not None
    return _contradictions(decision)


def test_a_denial_meets_the_irregular_past_it_denies() -> None:
    (event,) = _replay(
        Voice(
            "Regulator says Corvel knew of Ardis vaccine fault",
            "The health regulator said on Monday that Corvel had hidden a fault.",
            "Corvel knew about the faulty cooling of the Ardis vaccine in 2024",
            "Ilse Varn",
            "the regulator's head of safety",
        ),
        Voice(
            "Corvel says it did not know of Ardis vaccine fault",
            "Corvel answered the regulator on Tuesday.",
            "Corvel did not know about any faulty cooling of the Ardis vaccine until May",
            "Teo Brask",
            "the company's medical director",
        ),
        hours=20,
    )
    assert event.detail["predicates"] == "know"
    assert "Corvel knew about" in event.detail["earlier"]
    assert "did not know" in event.detail["later"]


def test_an_assertion_in_an_irregular_form_meets_an_earlier_denial() -> None:
    (event,) = _replay(
        Voice(
            "Coach says Arno Kell has not left Fenwick Rovers",
            "Fenwick Rovers' coach spoke on Monday.",
            "Arno Kell has not left Fenwick Rovers",
            "Pim Adder",
            "the coach",
            more=". He trained with us this morning",
        ),
        Voice(
            "Arno Kell has left Fenwick Rovers, says agent",
            "The striker's agent spoke on Tuesday.",
            "Arno Kell has left Fenwick Rovers and will join Castor Town this week",
            "Nell Orr",
            "his agent",
        ),
        hours=24,
    )
    assert event.detail["predicates"] == "leav"
    assert event.detail["denying"] == "earlier"


def test_the_clauses_holding_the_predicate_decide_what_a_long_quote_is_about() -> None:
    (event,) = _replay(
        Voice(
            "Fire chief says Orrin Ridge wildfire is contained",
            "Firefighters stopped the wildfire on Orrin Ridge on Sunday.",
            "The Orrin Ridge fire is contained, and residents of Talby can go home tonight",
            "Ada Ferro",
            "the county fire chief",
        ),
        Voice(
            "Forestry agency says Orrin Ridge fire is spreading east",
            "The forestry agency spoke on Sunday night.",
            "The Orrin Ridge fire is not contained and is spreading east toward Wend Creek",
            "Bo Quill",
            "a spokesman for the state forestry agency",
        ),
        hours=10,
    )
    assert event.detail["predicates"] == "contain"
    assert event.text.startswith("Ada Ferro: “The Orrin Ridge fire is contained")


def test_a_negative_prefix_in_a_longer_clause_contradicts() -> None:
    (event,) = _replay(
        Voice(
            "Mayor says Vell Bridge is safe",
            "A crack was found in a pillar of the Vell Bridge.",
            "The Vell Bridge is safe for traffic, and the second lane will reopen tomorrow",
            "Una Still",
            "the mayor",
        ),
        Voice(
            "Engineer says Vell Bridge is unsafe",
            "An engineer inspected the pillar.",
            "The Vell Bridge is unsafe for traffic until that pillar is repaired",
            "Rolf Amsel",
            "a structural engineer hired by the city",
        ),
        hours=26,
    )
    assert event.detail["predicates"] == "safe"


def test_clauses_about_other_things_do_not_contradict() -> None:
    """The predicate is opposed and the sentences share words, but the clauses holding the
    predicate share too little: no contradiction."""
    events = _replay(
        Voice(
            "Holm ferry line opens harbour cafe",
            "The ferry line spoke on Monday.",
            "The ferry to Holm is safe, and the harbour cafe will open on Friday",
            "Kai Lund",
            "the line's manager",
        ),
        Voice(
            "Holm harbour cafe and ferry: council update",
            "The council spoke on Tuesday.",
            "The old road to the quarry above Holm is unsafe, and the harbour cafe stays shut",
            "Mira Holt",
            "a council engineer",
        ),
        hours=24,
    )
    assert events == []


def test_an_article_answering_an_earlier_claim_twice_raises_one_contradiction() -> None:
    store = Store(StoryEngine())
    claim = "that 8,000 postal ballots in Ostvik were never counted"
    store.process(
        _doc(
            1,
            f"The opposition candidate Lisa Brun said on Sunday {claim}.",
            ("Lisa Brun", "person:lisa-brun", "indirect", claim),
            title="Candidate says Ostvik ballots were never counted",
        )
    )
    counted = "Every postal ballot in Ostvik was counted, and counted twice"
    decision = store.process(
        _doc(
            2,
            "The electoral board said on Monday that the opposition candidate Lisa Brun's claim "
            f"about uncounted ballots in Ostvik was false.\n\n“{counted},” said Aron Feld, the "
            "board's chair.",
            (
                "The electoral board",
                "org:electoral-board",
                "indirect",
                "the opposition candidate Lisa Brun's claim about uncounted ballots in Ostvik was "
                "false",
            ),
            ("Aron Feld", "person:aron-feld", "direct", counted),
            hours=22,
            title="Board says every Ostvik ballot was counted",
        )
    )
    (event,) = _contradictions(decision)
    assert "never counted" in event.detail["earlier"]


def test_a_light_verb_is_no_predicate() -> None:
    store = Store(StoryEngine())
    store.process(
        _doc(
            1,
            "The win puts Vara ahead of her rival Tom Esk, who came into Tuesday's vote with "
            "fresh momentum after a big win in Dalby last week.",
            title="Vara wins Tuesday's vote ahead of Tom Esk",
        )
    )
    says = "Vara says Esk cannot come up with an example of a vote she changed"
    decision = store.process(
        _doc(
            2,
            f"{says}, because there is none.",
            ("Vara", "person:vara", "indirect", says),
            hours=5,
            title="Vara and Esk spar over Tuesday's vote",
        )
    )
    assert _contradictions(decision) == []


def _mill_fire(denial: str) -> list[StoryEvent]:
    return _replay(
        Voice(
            "Fire at Brennick grain mill",
            "A fire broke out at the Brennick grain mill in Osterby on Sunday night.",
            denial,
            "Hana Dorr",
            "a spokeswoman for the Osterby fire brigade",
            more=", and the night crew was out of the building in three minutes",
        ),
        Voice(
            "Union says mill workers were hurt in Brennick fire",
            "The millworkers' union spoke about Sunday's fire at the Brennick mill on Tuesday.",
            "Three millers were injured by the smoke and spent the night in hospital",
            "Jon Ketter",
            "the union's district secretary",
        ),
        hours=30,
    )


def test_a_denial_of_everyone_meets_a_count_of_those_it_denies() -> None:
    # "Nobody was injured" has no words of its own to say what it is about; between two
    # voices in the story it speaks of the story's event.
    (event,) = _mill_fire("Nobody was injured")
    assert event.detail["predicates"] == "injur"
    assert "Nobody was injured" in event.detail["earlier"]
    assert "Three millers were injured" in event.detail["later"]


def test_a_denial_of_one_person_is_not_a_denial_of_everyone() -> None:
    # "He was not injured" has no other words either, but it is about one man, not the
    # millers; and "No visitor was injured" is about visitors.
    assert _mill_fire("He was not injured") == []
    assert _mill_fire("No visitor was injured") == []
