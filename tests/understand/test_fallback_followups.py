"""A second act hung on a quotation only the fallback readers find ("has promoted a modest
style, advising graduates to “…,” and telling the class, “…”"): the named speaker says both.
Every article here is written for these tests."""

from __future__ import annotations

from tests.support.statements import direct_text_speaker


def test_a_participle_after_a_long_quotation_is_a_second_act() -> None:
    text = (
        "Mayor Lena Ortiz has promoted a modest style in several recent school speeches, "
        'advising Hill College graduates in 2009 to "join the two-H club: hard work and '
        "humility,\" and telling Bay University's class of 2015, \"If you're too big for a "
        "small job, you're too small for a big one.\"\n"
    )
    found = direct_text_speaker(text)
    assert [speaker for _, speaker in found] == ["Lena Ortiz", "Lena Ortiz"]
    assert found[0][0].endswith('"join the two-H club: hard work and humility,"')
    assert found[1][0] == "If you're too big for a small job, you're too small for a big one."


def test_a_follow_up_inside_what_was_read_is_not_repeated() -> None:
    text = (
        "Representative Tom Hale used to back Dana Ruiz, but now said Ortiz had “the chance "
        "and the duty to bring the whole town together.”\n"
    )
    found = direct_text_speaker(text)
    assert len(found) == 1
    assert found[0][1] == "Tom Hale"
    assert found[0][0].endswith("“the chance and the duty to bring the whole town together.”")
