"""Contradiction events become two readable sides, whatever detail the stories stage gave."""

from __future__ import annotations

from storywatch.store.stories import Event
from storywatch.web.ui.contradictions import sides
from tests.web.seed import T0

TITLES = {1: ("Letter says troops leave", "Wire One"), 2: ("Minister: no withdrawal", "Daily Two")}


def _event(detail: dict[str, object], text: str = "", ids: list[int] | None = None) -> Event:
    return Event(
        id=1,
        kind="contradiction",
        at=T0,
        text=text,
        article_id=None,
        article_ids=ids if ids is not None else [1, 2],
        detail=detail,
    )


def test_the_stories_stage_format() -> None:
    event = _event(
        {
            "earlier": "withdrawal is occurring",
            "later": "we are not withdrawing",
            "earlier_speaker": "Seely",
            "later_speaker": "Esper",
            "earlier_source": "",
            "later_source": "Daily Two",
        },
        text="Seely: “withdrawal is occurring” — Esper: “we are not withdrawing”",
    )
    shaped = sides(event, TITLES)
    assert shaped["left"]["text"] == "withdrawal is occurring"
    assert shaped["left"]["speaker"] == "Seely"
    assert shaped["left"]["article_id"] == 1
    assert shaped["left"]["source"] == "Wire One"  # filled from the cited article
    assert shaped["right"]["source"] == "Daily Two"
    assert shaped["right"]["article_id"] == 2
    assert shaped["text"] == ""  # the sides already say what the text said


def test_flat_text_keys_and_nested_sides() -> None:
    flat = sides(
        _event({"a_text": "yes", "b_text": "no", "a_article_id": "2"}, "Yes or no"), TITLES
    )
    assert (flat["left"]["text"], flat["right"]["text"]) == ("yes", "no")
    assert flat["left"]["article_id"] == 2
    assert flat["text"] == "Yes or no"
    nested = sides(
        _event({"old": {"text": "10 dead", "speaker": "Police"}, "new": {"statement": "14 dead"}}),
        TITLES,
    )
    assert nested["left"]["speaker"] == "Police"
    assert nested["right"]["text"] == "14 dead"


def test_without_detail_the_cited_articles_stand_in() -> None:
    shaped = sides(_event({}, "They disagree"), TITLES)
    assert shaped["left"]["text"] == "Letter says troops leave"
    assert shaped["right"]["source"] == "Daily Two"
    lonely = sides(_event({}, "Something is off", ids=[]), TITLES)
    assert lonely["left"]["text"] == "Something is off"
