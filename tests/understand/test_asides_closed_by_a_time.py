"""An aside set off by commas that ends on a time: "Okafor, in an interview with The
Ledger on Tuesday, said …", "Okafor endorsed Vale last week, saying …".

Each fixture is our own sentence in the shape of wire copy. Each failed before this
change: the time right before the cue's comma was stepped over as if it stood between a
subject and its cue ("Feinstein last week said"), so the capitalised word before it (a
newspaper, a body, the person endorsed) was credited with the words. Also an age opening
the sentence ("76-year-old Morton Vale, …") now lets the name after it be the subject.
"""

from __future__ import annotations

import pytest

from storywatch.understand.analysis import analyse
from storywatch.understand.statements import attribute


def _speakers(text: str) -> list[str]:
    # every act, direct or not, so that no second (reported) act may slip in either
    return [a.speaker.name for a in attribute(analyse(text))]


@pytest.mark.parametrize(
    "text",
    [
        # an interview with a capitalised outlet, then a time
        "Maria Okafor, in an interview with The Ledger on Tuesday, said the levy was "
        "“a tax on ferries.”",
        "Maria Okafor, in a letter to the Harbour Board last week, called the levy "
        "“a tax on ferries.”",
        # a participle after a clause ending on a name and a time
        # a relative clause ending on a body and a time
        "Maria Okafor, who had addressed the Harbour Board on Thursday, said the levy was "
        "“a tax on ferries.”",
        "Maria Okafor threw her support behind Sen. Tom Vale (R-Ohio) Wednesday, saying the "
        "levy was “a tax on ferries.”",
    ],
)
def test_the_subject_before_the_aside_speaks(text: str) -> None:
    assert _speakers(text) == ["Maria Okafor"]


def test_an_age_before_the_opening_name() -> None:
    text = (
        "76-year-old Maria Okafor, founder of the Harbour Institute, endorsed Tom Vale last "
        "week, saying he “has fought for the ferries.”"
    )
    assert _speakers(text) == ["Maria Okafor"]
