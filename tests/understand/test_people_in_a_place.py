"""A share of a speaking group placed by "in", "at" or "across" speaks: "Most voters in the
district said …". Every sentence here is written for these tests."""

from __future__ import annotations

from storywatch import extract_statements


def _read(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(s.text, s.speaker, s.speaker_mention) for s in extract_statements(text)]


def test_a_share_of_residents_in_a_district_speaks() -> None:
    assert _read("Most voters in the district said that the pier should stay open.\n") == [
        ("that the pier should stay open", "Most voters", "Most voters in the district")
    ]


def test_a_share_in_each_state_speaks() -> None:
    assert _read("Many residents in each state said the levy was too high.\n") == [
        ("the levy was too high", "Many residents", "Many residents in each state")
    ]


def test_a_phrase_cut_short_at_a_possessive_is_no_speaker() -> None:
    text = "Few people in his said the levy was too high.\n"
    assert all(s.speaker_mention != "Few people in his" for s in extract_statements(text))


def test_a_crowd_counted_in_dozens_or_thousands_speaks_whole() -> None:
    assert _read("Dozens of residents said the levy was too high.\n") == [
        ("the levy was too high", "Dozens of residents", "Dozens of residents")
    ]
    assert _read("Tens of thousands of protesters said the levy was too high.\n") == [
        (
            "the levy was too high",
            "Tens of thousands of protesters",
            "Tens of thousands of protesters",
        )
    ]
