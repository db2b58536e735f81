"""A surname that is also a title word, written after an honorific ("Mr. Singer" after
"Mark Singer", "Ms. White" after "Tara White"): the honorific makes it the family name of the
person the article named in full, so the quotation is credited to that person. "Mr.
President" names no one.

Each fixture is our own sentence in the shape of New York Times copy (doubled single marks
for quotation marks, honorifics before surnames).
"""

from __future__ import annotations

import pytest

from storywatch.understand import extract_statements


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        # a trade as a surname
        (
            "The harbor book is by Lionel Singer, a reporter who covered the port for years. "
            "''The cranes were the real story,'' Mr. Singer said.",
            "The cranes were the real story,",
            "Lionel Singer",
        ),
        # a colour as a surname, the full name with a middle name
        (
            "A spokeswoman, Tara Doyle White, said the ferry would run on Sunday. "
            "''We added two crossings,'' Ms. White said.",
            "We added two crossings,",
            "Tara Doyle White",
        ),
        # a royal title as a surname
        (
            "Dockers backed Omar King, who ran the union for a decade. "
            "''Nobody cut the pay while I was there,'' Mr. King said.",
            "Nobody cut the pay while I was there,",
            "Omar King",
        ),
    ],
)
def test_an_honorific_surname_names_the_full_name(text: str, content: str, speaker: str) -> None:
    direct = [s for s in extract_statements(text) if s.kind == "direct"]
    assert len(direct) == 1, direct
    assert direct[0].text == content
    assert direct[0].speaker == speaker


def test_a_form_of_address_is_no_name() -> None:
    from storywatch.understand.analysis import analyse

    text = "Vice President Ann Lowe spoke first. ''Mr. President, the harbor is ready,'' she said."
    names = {m.name for m in analyse(text).mentions}
    assert "President" not in names
    assert "Ann Lowe" in names
