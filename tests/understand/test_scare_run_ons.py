"""A sentence after a whole quotation that only borrows a word in marks is the writer's."""

from __future__ import annotations

from storywatch import extract_statements


def _said(text: str) -> list[str]:
    return [s.text for s in extract_statements(text)]


def test_a_scare_quote_after_a_quotation_does_not_go_on_with_it() -> None:
    text = (
        "At every stop Okafor repeats the same line: “It is about the town, not about me.” "
        "That holds as true now as it did in May, and the “town” is still behind her.\n"
    )
    assert _said(text) == ["It is about the town, not about me."]


def test_a_real_quotation_after_a_quotation_still_goes_on_with_it() -> None:
    text = (
        "“It is a big moment,” said Vale, a strategist. Unless the others quit, "
        "“it is very hard to see how she is stopped.”\n"
    )
    assert any("very hard to see" in said for said in _said(text))
