"""The writer's label for what was said ends a paraphrase, after a comma or a dash: "…
— a claim disputed by engineers". A label set off between two dashes is an aside inside the
paraphrase, which goes on after it. Every sentence here is written for these tests."""

from __future__ import annotations

from storywatch import extract_statements


def _texts(text: str) -> list[str]:
    return [s.text for s in extract_statements(text)]


def test_a_label_after_a_dash_ends_the_paraphrase() -> None:
    text = "Mayor Dana Okafor insisted the pier was safe — a claim disputed by engineers.\n"
    assert _texts(text) == ["the pier was safe"]


def test_a_charge_after_a_comma_ends_the_paraphrase() -> None:
    text = "Ian Pole said the harbour board had hidden the audit, a charge the board denied.\n"
    assert _texts(text) == ["the harbour board had hidden the audit"]


def test_a_label_between_two_dashes_is_an_aside_inside_it() -> None:
    text = (
        "Ian Pole says the levy on ferries -- a plan the board has since dropped -- and the "
        "pier closure hurt every crew.\n"
    )
    assert _texts(text) == [
        "the levy on ferries -- a plan the board has since dropped -- and the pier closure "
        "hurt every crew"
    ]
