"""T5: two voices opposed through an antonym pair, with no negation ("the pass is open" /
"the pass is closed"), and the cases that must stay quiet: other things, a change of state
told by the narration, and a dispute already raised by a denial in words.

Invented articles (a mountain pass, a port, a trial, a clinic).
"""

from __future__ import annotations

from storywatch.stories import StoryEngine
from tests.stories.fixtures import Store
from tests.stories.test_contradiction_reach import Voice, _replay
from tests.stories.test_contradictions import _contradictions, _doc


def test_open_against_closed_about_one_thing_is_a_contradiction() -> None:
    (event,) = _replay(
        Voice(
            "Kell pass reopens after rockfall",
            "Road crews cleared the rockfall overnight.",
            "The Kell pass is open to cars and trucks again",
            "Dana Moor",
            "the canton's road manager",
        ),
        Voice(
            "Police say Kell pass still shut",
            "Drivers were turned back on Tuesday morning.",
            "The Kell pass is closed until the slope has been checked",
            "Ivo Sand",
            "a police sergeant",
        ),
        hours=4,
    )
    assert set(event.detail["predicates"].split()) == {"open", "clos"}
    assert event.text.startswith("Dana Moor: “The Kell pass is open")


def test_guilty_against_innocent_is_a_contradiction() -> None:
    (event,) = _replay(
        Voice(
            "Prosecutor says Rell is guilty",
            "The trial began on Monday.",
            "Mia Rell is guilty of every count of fraud in this case",
            "Hal Amm",
            "the prosecutor",
        ),
        Voice(
            "Defence says Rell is innocent",
            "The defence answered on Monday afternoon.",
            "Mia Rell is innocent of fraud; she followed the rules",
            "Tove Reel",
            "her lawyer",
        ),
        hours=6,
    )
    assert set(event.detail["predicates"].split()) == {"guilty", "innocent"}


def test_antonyms_about_other_things_are_no_contradiction() -> None:
    events = _replay(
        Voice(
            "Storm: Varde airport open",
            "The storm passed on Sunday night.",
            "Varde airport is open and the first flights left at six",
            "Mia Holm",
            "the airport's spokeswoman",
        ),
        Voice(
            "Storm: Varde harbour closed",
            "Waves of six metres hit the coast on Monday.",
            "Varde harbour is closed to all ships until the waves drop",
            "Rolf Ek",
            "the harbour master",
        ),
        hours=3,
    )
    assert events == []


def test_a_change_of_state_told_by_the_narration_is_no_contradiction() -> None:
    store = Store(StoryEngine())
    closed = "The Tarn bridge is closed while engineers check the railing"
    store.process(
        _doc(
            1,
            f"A lorry hit the railing of the Tarn bridge on Monday.\n\n“{closed},” said Nina "
            "Rosk, the town's engineer.",
            ("Nina Rosk", "person:nina-rosk", "direct", closed),
            title="Tarn bridge closed after crash",
        )
    )
    decision = store.process(
        _doc(
            2,
            "The Tarn bridge reopened on Tuesday evening after engineers repaired the railing.",
            hours=30,
            title="Tarn bridge reopens",
        )
    )
    assert _contradictions(decision) == []


def test_a_denial_in_words_is_the_dispute_an_antonym_paraphrase_repeats() -> None:
    store = Store(StoryEngine())
    close = "The clinic at Holby will close in September because we cannot staff it"
    store.process(
        _doc(
            1,
            "The clinic at Holby General Hospital will close in September, the regional health "
            f"board said on Monday.\n\n“{close},” said Lise Amm, who chairs the board.",
            (
                "the regional health board",
                "org:regional-health-board",
                "indirect",
                "The clinic at Holby General Hospital will close in September",
            ),
            ("Lise Amm", "person:lise-amm", "direct", close),
            title="Holby clinic to close in September",
        )
    )
    stays = "the clinic at Holby General would stay open"
    denial = "The clinic is not closing. We have the money for two more nurses"
    decision = store.process(
        _doc(
            2,
            f"The director of Holby General Hospital said on Tuesday that {stays}, a day after "
            f"the board announced its closure.\n\n“{denial},” said Piet Varg, the hospital's "
            "director.",
            ("The director of Holby General Hospital", "org:holby-general", "indirect", stays),
            ("Piet Varg", "person:piet-varg", "direct", denial),
            hours=20,
            title="Holby clinic is not closing, director says",
        )
    )
    (event,) = _contradictions(decision)
    assert "The clinic is not closing" in event.detail["later"]
