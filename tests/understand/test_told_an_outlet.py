"""The outlet told, written as a name and a lowercase noun: "told ABC radio the …".

Our own sentences in the shape of wire and Australian copy. Before this change the object
of "told" stopped at the name, so the outlet's noun ("radio", "television") was read into
what was said ("ABC radio the Coalition had …"). The third fixture, with a determiner
("the Guardian newspaper"), was read right before and is a guard.
"""

from __future__ import annotations

import pytest

from storywatch import extract_statements


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        (
            "Opposition leader Sarah Fenwick told ABC radio the Coalition had ‘lost control of"
            " the budget’.",
            "the Coalition had “lost control of the budget”",
        ),
        (
            "Fenwick told Kestrian television the border “will stay shut”.",
            "the border “will stay shut”",
        ),
        (
            "Fenwick told the Guardian newspaper the plan was “dead.”",
            "the plan was “dead.”",
        ),
    ],
)
def test_the_outlet_is_no_part_of_what_was_said(sentence: str, content: str) -> None:
    found = extract_statements(sentence)
    assert [s.text for s in found] == [content]
    assert found[0].speaker is not None and found[0].speaker.endswith("Fenwick")
