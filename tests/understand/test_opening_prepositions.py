"""A preposition of place that opens a sentence before a name ("Outside Nordhaven's yard,
…", "Inside Harbor Hall, …") is capitalised by its position only: it is no part of the
name, so it makes no person ("Outside Nordhaven") for a later pronoun to land on.

Each fixture is our own text in the shape of New York Times copy (doubled single marks for
quotation marks).
"""

from __future__ import annotations

from storywatch.understand import extract_statements
from storywatch.understand.analysis import analyse


def test_a_pronoun_skips_a_place_phrase_opening_the_sentence() -> None:
    text = (
        "Nordhaven is moving its boat yard to Portugal.\n\n"
        "Outside Nordhaven's yard in Lisbon, a welder named Rui Salgado has only praise for "
        "the company. ''The shifts are short and the pay is fair,'' he said."
    )
    direct = [s for s in extract_statements(text) if s.kind == "direct"]
    assert len(direct) == 1, direct
    assert direct[0].text == "The shifts are short and the pay is fair,"
    assert direct[0].speaker == "Rui Salgado"


def test_the_name_after_the_preposition_is_kept() -> None:
    text = "Mayor Lena Ortiz spoke.\n\nInside Harbor Hall, aides said the mood was grim."
    names = {m.name for m in analyse(text).mentions}
    assert "Harbor Hall" in names
    assert not any(n.startswith("Inside") for n in names)
