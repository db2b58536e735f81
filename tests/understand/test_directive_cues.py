"""A directive verb with its object and a quoted infinitive is the speaker's request.

"invited rivals to dig up her “missing” records", "orders his team to “stand down”": like
"urged voters to “stay home”", the verb reports what its subject asked of the object, and
the quotation holds the subject's words. These verbs are too common in other senses
("invited to the gala") to start a paraphrase, so they only read a clause that holds a
quotation. Each fixture is our own sentence; each failed before this change (nothing
read, or the message's verb read over the request).
"""

from __future__ import annotations

import pytest

from tests.support.statements import direct_speaker_text

_OPENING = "Mayor Ann Kello spoke to reporters on Monday. "


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "Kello last week invited rivals to dig up her “missing” records.",
            "rivals to dig up her “missing” records",
        ),
        (
            "Kello orders her staff to “stand down” rather than answer questions.",
            "her staff to “stand down” rather than answer questions",
        ),
        # a participle after the message that carries the request: the request alone
        (
            "Kello sent an email on Tuesday inviting donors to “join the fight” early.",
            "donors to “join the fight” early",
        ),
    ],
)
def test_a_directive_verb_reports_the_quoted_request(text: str, said: str) -> None:
    assert direct_speaker_text(_OPENING + text) == [("Ann Kello", said)]


def test_an_invitation_without_a_quotation_is_no_statement() -> None:
    assert direct_speaker_text(_OPENING + "Kello invited rivals to the gala on Friday.") == []
