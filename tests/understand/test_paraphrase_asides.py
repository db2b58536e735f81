"""An attribution set off by commas inside a reported clause with no quotation: the claim
is the clause around it ("The plan, she said, would cost …"), not the words after it
alone (`paraphrase_asides.py`).

Each fixture is our own sentence in the shape of wire or local-paper copy.
"""

from __future__ import annotations

import pytest

from storywatch.understand import extract_statements
from tests.support.statements import only_statement


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "The settlement, Okonjo said, would cover about 300 former tenants.",
            "The settlement would cover about 300 former tenants",
            "Okonjo",
        ),
        (
            "The prosecution, defense lawyers argued, relied on a single witness.",
            "The prosecution relied on a single witness",
            "defense lawyers",
        ),
        (
            "Halvorsen created the fund after the recall, a spokeswoman, Kim Aldana, said on "
            "Monday, and it has paid out $2 million since.",
            "Halvorsen created the fund after the recall and it has paid out $2 million since",
            "Kim Aldana",
        ),
    ],
)
def test_the_claim_is_the_clause_around_the_aside(text: str, content: str, speaker: str) -> None:
    st = only_statement(text)
    assert (st.text, st.speaker) == (content, speaker)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # the writer's clause after the aside
        (
            "A van struck a bus shelter on Main Street, police said, before hitting a parked car.",
            "A van struck a bus shelter on Main Street",
        ),
        # another source's report after it
        (
            "In Harlow, crews restored power by noon, the utility said, while in Dunmore the "
            "outage lasted into the night, the county reported.",
            "In Harlow, crews restored power by noon",
        ),
    ],
)
def test_the_writer_after_the_aside_is_not_the_claim(text: str, content: str) -> None:
    assert extract_statements(text)[0].text == content
