"""Who speaks a quotation after a colon when the verb before it is no reporting verb:
"The former president put it bluntly: “…”".

Each fixture is our own sentence in the shape of wire copy. Each failed before this
change: the subject was cut after two words ("The former", "A senior"), stopped at a name
inside it ("Lopez" for "Lopez's office"), or read a quantifier as a name ("Several"), or
a possessive subject found no speaker at all.
"""

from __future__ import annotations

import pytest

from tests.support.statements import direct_act_speakers

_QUOTE = ": “The levy is a tax on ferries.”"


@pytest.mark.parametrize(
    ("lead", "speaker"),
    [
        # a determined subject longer than two words
        ("The former harbour master put it bluntly", "The former harbour master"),
        ("A senior port official put it bluntly", "A senior port official"),
        ("A majority of Republicans put it bluntly", "A majority of Republicans"),
        # a possessive subject
        ("The ministry's spokesman put it bluntly", "The ministry's spokesman"),
        ("Okafor's office put it bluntly", "Okafor's office"),
        # a quantified group
        ("Several lawmakers put it bluntly", "Several lawmakers"),
        ("Both candidates were blunt", "Both candidates"),
    ],
)
def test_the_whole_subject_speaks(lead: str, speaker: str) -> None:
    assert direct_act_speakers(lead + _QUOTE) == [speaker]
