"""A participle aside with a quotation between the subject and its cue ("Mr. Hale, citing
''the charm of the pier,'' said …"): the subject still governs the cue after the aside, and
the aside is the subject's own act when its participle is one of speech. Every article here
is written for these tests."""

from __future__ import annotations

from storywatch.understand import extract_statements


def _statements(text: str) -> list[tuple[str, str, str]]:
    return [(s.kind, s.text, s.speaker) for s in extract_statements(text)]


def test_the_subject_before_a_citing_aside_speaks_both_acts() -> None:
    text = (
        "Mr. Hale, citing ''the unique charm of the harbor,'' said the town could be in a "
        "very strong position in places like Bayview and Elm Park.\n"
    )
    assert _statements(text) == [
        ("direct", "the unique charm of the harbor,", "Hale"),
        (
            "indirect",
            "the town could be in a very strong position in places like Bayview and Elm Park",
            "Hale",
        ),
    ]


def test_an_aside_that_is_no_act_of_speech_is_not_an_act() -> None:
    text = (
        "The parents' group, including “Moms for Parks and Trails,” said the council must "
        "reopen the pier before the summer.\n"
    )
    assert all(kind != "direct" for kind, _, _ in _statements(text))
