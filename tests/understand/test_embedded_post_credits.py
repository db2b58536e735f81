"""A quoted post credited the way an embedded tweet prints its author.

"“The ferries will run.” — Maria Okafor (@mokafor) May 3, 2024": after the dash, the
author's name, the handle in brackets and the date. The name speaks, as it does after a
plain credit dash ("“…” — Maria Okafor"). Each fixture is our own text in the shape of a
news page with an embedded post; each failed before this change: the quotation was lost.
"""

from __future__ import annotations

import pytest

from tests.support.statements import direct_speaker_text


@pytest.mark.parametrize(
    "credit",
    [
        # the handle and an American date
        "— Maria Okafor (@mokafor) May 3, 2024",
        # an abbreviated month, and a day-first date
        "— Maria Okafor (@mokafor) Sept. 3, 2024",
        "— Maria Okafor (@mokafor) 3 May 2024",
        # the handle alone
        "— Maria Okafor (@mokafor)",
    ],
)
def test_the_author_of_the_post_speaks(credit: str) -> None:
    text = (
        "The minister replied online within the hour.\n\n"
        f"“The ferries will run. Nobody can stop that.” {credit}"
    )
    assert direct_speaker_text(text) == [
        ("Maria Okafor", "The ferries will run. Nobody can stop that.")
    ]
