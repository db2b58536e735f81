"""Statements read as the source meant them: quotes in marks, reported speech not."""

from __future__ import annotations

from storywatch.store.stories import Event
from storywatch.web.ui.contradictions import sides
from storywatch.web.ui.pages import page_id
from storywatch.web.ui.quotes import readable_quote, statement_view
from tests.web.seed import T0


def test_a_quote_loses_its_attribution_and_stray_marks() -> None:
    # a sentence cut inside a quote, as sentence splitting leaves it
    assert readable_quote("Nobody needs to leave their home,” Rimsby said.") == (
        "Nobody needs to leave their home.",
        True,
    )
    assert readable_quote('"I am asking every household in Saltmarsh to leave tonight.') == (
        "I am asking every household in Saltmarsh to leave tonight.",
        True,
    )
    assert readable_quote("We found no chlorine at any of them,") == (
        "We found no chlorine at any of them.",
        True,
    )


def test_reported_speech_around_a_short_quote_is_not_a_quote() -> None:
    text = (
        "The notice, signed by the director general, Ilse Marrow, said the harbor “will "
        "remain closed to all commercial traffic” while Pier 9 was inspected."
    )
    assert readable_quote(text) == (text, False)
    partial = 'the fire was "smaller every hour" and could be out by Wednesday'
    assert readable_quote(partial) == (partial, False)
    assert readable_quote("VELMORA — the agency said so", "indirect") == (
        "The agency said so",
        False,
    )


def test_statements_read_as_prose_after_their_verb() -> None:
    quote = statement_view("The fire is out,", "direct", "said")
    assert quote == {"text": "The fire is out.", "quoted": True, "lead": "", "cue": ""}
    assert statement_view("The fire is out,", "direct", "Wrote")["cue"] == "wrote"
    reported = statement_view("that the smoke posed no threat", "indirect", "told")
    assert reported["quoted"] is False
    assert reported["lead"] == "said"  # "told that…" lost its object; "said that…" reads
    assert statement_view("31 ships waited", "indirect", "According to")["lead"] == ""
    fragment = statement_view("the notice as “a premature draft”", "direct", "described")
    assert (fragment["quoted"], fragment["lead"]) == (False, "described")


def test_contradiction_sides_say_whether_they_are_quotes() -> None:
    event = Event(
        id=1,
        kind="contradiction",
        at=T0,
        # as the stories stage writes it: both sides quoted, marks and all
        text="Agathe Rimsby: “Nobody needs to leave their home,” Rimsby said.” — Ilse Marrow: "
        "“The notice said the harbor “will remain closed” for weeks.”",
        article_id=None,
        article_ids=[1, 2],
        detail={
            "earlier": "Nobody needs to leave their home,” Rimsby said.",
            "later": "The notice said the harbor “will remain closed” for weeks.",
            "earlier_speaker": "Agathe Rimsby",
            "later_speaker": "Ilse Marrow",
        },
    )
    shaped = sides(event, {1: ("A", "Wire"), 2: ("B", "Daily")})
    assert (shaped["left"]["text"], shaped["left"]["quoted"]) == (
        "Nobody needs to leave their home.",
        True,
    )
    assert shaped["right"]["quoted"] is False
    assert shaped["text"] == ""
    assert shaped["heading"] == "Agathe Rimsby vs. Ilse Marrow"
    # the stand-in articles are titles, never quotes
    bare = sides(Event(2, "contradiction", T0, "They differ", None, [1, 2], {}), {})
    assert bare["left"]["quoted"] is False


def test_page_ids_are_positive_numbers_within_64_bits() -> None:
    assert page_id("12") == 12
    assert page_id("abc") is None
    assert page_id("0") is None
    assert page_id("-3") is None
    assert page_id("٣") is None  # a digit, but not one an id is written with
    assert page_id(str(2**63)) is None


def test_a_sentence_that_names_its_speaker_is_not_drawn_as_a_quote() -> None:
    event = Event(
        id=3,
        kind="contradiction",
        at=T0,
        text="",
        article_id=None,
        article_ids=[1, 2],
        detail={
            "earlier": "A dock worker said the forward hold held cylinders of chlorine gas.",
            "later": "Air samples show no trace of chlorine, the agency said on Tuesday.",
            "later_speaker": "Lestrian Environment Agency",
            "earlier_speaker": None,
        },
    )
    shaped = sides(event, {1: ("Smoke over Saltmarsh", "The Velmora Courier")})
    assert (shaped["left"]["quoted"], shaped["right"]["quoted"]) == (False, False)
    assert shaped["heading"] == "A report in The Velmora Courier vs. Lestrian Environment Agency"
    assert sides(event, {})["heading"] == "An earlier report vs. Lestrian Environment Agency"
    same = sides(
        Event(
            4,
            "contradiction",
            T0,
            "",
            None,
            [1, 2],
            {
                "earlier": "No one must leave.",
                "later": "Everyone must leave tonight.",
                "earlier_speaker": "Agathe Rimsby",
                "later_speaker": "Agathe Rimsby",
            },
        ),
        {},
    )
    assert same["heading"] == "Agathe Rimsby said one thing, then another"
    assert same["left"]["quoted"] is True
