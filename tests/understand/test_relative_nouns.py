"""A quotation whose speaker is the noun before "that"/"which": "a message that said, “…”".

The noun phrase right before the relative pronoun speaks, as "a spokesman who said" does;
a walk back over a whole clause ("The board voted for the motion which") gives no speaker.
"""

from __future__ import annotations

from storywatch.understand import extract_statements
from tests.support.statements import by_text


def test_the_noun_before_that_speaks() -> None:
    text = (
        "By noon the ferry page was replaced by a notice that said, "
        '"Sailings are suspended until further notice."'
    )
    statement = by_text(extract_statements(text), "Sailings are suspended")
    assert statement.speaker == "a notice"
    assert statement.text == "Sailings are suspended until further notice."


def test_the_noun_before_which_speaks() -> None:
    text = "The club put up a banner which read, “Welcome home, champions.”"
    statement = by_text(extract_statements(text), "Welcome home")
    assert statement.speaker == "a banner"
    assert statement.text == "Welcome home, champions."


def test_a_clause_before_the_relative_is_no_speaker() -> None:
    # The walk back from "said" would cross "voted … for": no noun phrase of its own.
    text = "The board voted 5-2 for the motion which said the port “must stay open.”"
    speakers = [s.speaker for s in extract_statements(text)]
    assert not any("voted" in (sp or "") for sp in speakers)


def test_a_second_name_with_its_own_relative_clause_speaks_for_itself() -> None:
    text = (
        'Compare that with Mayor Ada Brill, who has called the levy "theft," and Tove '
        'Vale, who says it is "long overdue."'
    )
    statements = extract_statements(text)
    first = by_text(statements, "theft")
    assert first.speaker == "Ada Brill"
    assert "overdue" not in first.text
    second = by_text(statements, "overdue")
    assert second.speaker == "Tove Vale"
    assert second.text == 'it is "long overdue."'


def test_a_second_relative_clause_without_a_quotation_is_left_alone() -> None:
    # The clause closes and the main verb follows: its content would run into "are".
    text = (
        "Voters may ask whether Ada Brill, who claimed that the port was sold, and Tove "
        "Vale, who suggested the levy could wait, are the right choices."
    )
    statements = extract_statements(text)
    assert not any(s.speaker == "Tove Vale" and "right choices" in s.text for s in statements)
