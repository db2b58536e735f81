"""T5: contradictions that need more than shared words in a whole sentence.

- an irregular verb ("knew" / "did not know", "has not left" / "has left"): the sentence is
  read for its claim although its words hold the predicate only as an irregular form;
- a quote that says more than what is contradicted, and a speaker with a long role: the
  clauses holding the opposed predicate are about one thing;
- an article answering an earlier article's claim twice raises one contradiction;
- a light verb ("came into" / "come up with") is no predicate.

Invented articles (a ferry line, a wildfire, a vaccine maker, a football club).
"""

from __future__ import annotations

from storywatch.stories import StoryEngine
from tests.stories.fixtures import Store
from tests.stories.test_contradictions import _contradictions, _doc


def test_a_denial_meets_the_irregular_past_it_denies() -> None:
    store = Store(StoryEngine())
    knew = "Corvel knew about the faulty cooling of the Ardis vaccine in 2024"
    store.process(
        _doc(
            1,
            f"The health regulator said on Monday that Corvel had hidden a fault.\n\n“{knew},” "
            "said Ilse Varn, the regulator's head of safety.",
            ("Ilse Varn", "person:ilse-varn", "direct", knew),
            title="Regulator says Corvel knew of Ardis vaccine fault",
        )
    )
    denial = "Corvel did not know about any faulty cooling of the Ardis vaccine until May"
    decision = store.process(
        _doc(
            2,
            f"Corvel answered the regulator on Tuesday.\n\n“{denial},” said Teo Brask, the "
            "company's medical director.",
            ("Teo Brask", "person:teo-brask", "direct", denial),
            hours=20,
            title="Corvel says it did not know of Ardis vaccine fault",
        )
    )
    (event,) = _contradictions(decision)
    assert event.detail["predicates"] == "know"
    assert "Corvel knew about" in event.detail["earlier"]
    assert "did not know" in event.detail["later"]


def test_an_assertion_in_an_irregular_form_meets_an_earlier_denial() -> None:
    store = Store(StoryEngine())
    stays = "Arno Kell has not left Fenwick Rovers"
    store.process(
        _doc(
            1,
            f"Fenwick Rovers' coach spoke on Monday.\n\n“{stays}. He trained with us this "
            "morning,” said the coach, Pim Adder.",
            ("Pim Adder", "person:pim-adder", "direct", stays),
            title="Coach says Arno Kell has not left Fenwick Rovers",
        )
    )
    left = "Arno Kell has left Fenwick Rovers and will join Castor Town this week"
    decision = store.process(
        _doc(
            2,
            f"The striker's agent spoke on Tuesday.\n\n“{left},” said Nell Orr, his agent.",
            ("Nell Orr", "person:nell-orr", "direct", left),
            hours=24,
            title="Arno Kell has left Fenwick Rovers, says agent",
        )
    )
    (event,) = _contradictions(decision)
    assert event.detail["predicates"] == "leav"
    assert event.detail["denying"] == "earlier"


def test_the_clauses_holding_the_predicate_decide_what_a_long_quote_is_about() -> None:
    store = Store(StoryEngine())
    contained = "The Orrin Ridge fire is contained, and residents of Talby can go home tonight"
    store.process(
        _doc(
            1,
            f"Firefighters stopped the wildfire on Orrin Ridge on Sunday.\n\n“{contained},” "
            "said Ada Ferro, the county fire chief.",
            ("Ada Ferro", "person:ada-ferro", "direct", contained),
            title="Fire chief says Orrin Ridge wildfire is contained",
        )
    )
    spreading = "The Orrin Ridge fire is not contained and is spreading east toward Wend Creek"
    decision = store.process(
        _doc(
            2,
            f"The forestry agency spoke on Sunday night.\n\n“{spreading},” said Bo Quill, a "
            "spokesman for the state forestry agency.",
            ("Bo Quill", "person:bo-quill", "direct", spreading),
            hours=10,
            title="Forestry agency says Orrin Ridge fire is spreading east",
        )
    )
    (event,) = _contradictions(decision)
    assert event.detail["predicates"] == "contain"
    assert event.text.startswith("Ada Ferro: “The Orrin Ridge fire is contained")


def test_a_negative_prefix_in_a_longer_clause_contradicts() -> None:
    store = Store(StoryEngine())
    safe = "The Vell Bridge is safe for traffic, and the second lane will reopen tomorrow"
    store.process(
        _doc(
            1,
            f"A crack was found in a pillar of the Vell Bridge.\n\n“{safe},” said Mayor Una Still.",
            ("Una Still", "person:una-still", "direct", safe),
            title="Mayor says Vell Bridge is safe",
        )
    )
    unsafe = "The Vell Bridge is unsafe for traffic until that pillar is repaired"
    decision = store.process(
        _doc(
            2,
            f"An engineer inspected the pillar.\n\n“{unsafe},” said Rolf Amsel, a structural "
            "engineer hired by the city.",
            ("Rolf Amsel", "person:rolf-amsel", "direct", unsafe),
            hours=26,
            title="Engineer says Vell Bridge is unsafe",
        )
    )
    (event,) = _contradictions(decision)
    assert event.detail["predicates"] == "safe"


def test_clauses_about_other_things_do_not_contradict() -> None:
    """The predicate is opposed, but its clauses share too little: no contradiction."""
    store = Store(StoryEngine())
    first = "The ferry to Holm is safe, and the harbour cafe will open on Friday"
    store.process(
        _doc(
            1,
            f"The ferry line spoke on Monday.\n\n“{first},” said Kai Lund, the line's manager.",
            ("Kai Lund", "person:kai-lund", "direct", first),
            title="Holm ferry line opens harbour cafe",
        )
    )
    second = "The old road to the quarry above Holm is unsafe, and the harbour cafe stays shut"
    decision = store.process(
        _doc(
            2,
            f"The council spoke on Tuesday.\n\n“{second},” said Mira Holt, a council engineer.",
            ("Mira Holt", "person:mira-holt", "direct", second),
            hours=24,
            title="Holm harbour cafe and ferry: council update",
        )
    )
    assert _contradictions(decision) == []


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
