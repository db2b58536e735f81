"""A share of those polled as the speaker ("About four in 10 said they were “angry”"): the
share is credited whole, with the prepositions inside it. Every article here is written for
these tests."""

from __future__ import annotations

from storywatch.understand import extract_statements


def test_a_share_in_ten_is_the_speaker() -> None:
    text = "Roughly three in 10 said the ferry fares were “simply too high” for families.\n"
    [st] = [st for st in extract_statements(text) if "too high" in st.text]
    assert st.kind == "direct"
    assert st.speaker == "Roughly three in 10"
    assert st.text == "the ferry fares were “simply too high” for families"


def test_a_share_of_a_group_in_a_place_is_kept_whole() -> None:
    text = "At least half of dockers in each port say the new rota is “unworkable.”\n"
    [st] = [st for st in extract_statements(text) if "unworkable" in st.text]
    assert st.speaker == "At least half of dockers in each port"


def test_those_surveyed_after_a_subordinator_speak() -> None:
    text = "While those surveyed said the mayor has the “best record,” most still back her rival.\n"
    [st] = [st for st in extract_statements(text) if "best record" in st.text]
    assert st.speaker == "those surveyed"
