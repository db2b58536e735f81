"""A work named by its title: whoever put the work out gave it the title; with no such verb
the work itself is credited, never a guessed person. Every article here is written for
these tests."""

from __future__ import annotations

from storywatch.understand import extract_statements


def test_the_subject_of_a_publishing_verb_gave_the_title() -> None:
    text = (
        "On Tuesday, harbour director Ana Orlov released a report titled “The Quay Must "
        "Stay Open.”\n"
    )
    [st] = [st for st in extract_statements(text) if "Quay Must" in st.text]
    assert st.kind == "direct"
    assert st.speaker == "Ana Orlov"
    assert st.text == "The Quay Must Stay Open."


def test_a_work_set_off_by_commas_is_credited_with_its_own_title() -> None:
    text = "The ad, entitled “Our Harbour, Our Home,” shows dockers at work.\n"
    [st] = [st for st in extract_statements(text) if "Our Harbour" in st.text]
    assert st.speaker == "The ad"


def test_those_who_liked_a_work_did_not_title_it() -> None:
    text = (
        "Port officials were delighted with the column, entitled “Velmora Deserves Better,” "
        "when it ran on Monday.\n"
    )
    [st] = [st for st in extract_statements(text) if "Deserves Better" in st.text]
    assert st.speaker == "the column"


def test_a_sentence_opening_with_titled_credits_the_work_after_it() -> None:
    text = "Titled “Fair Winds,” the short film follows three ferry captains.\n"
    [st] = [st for st in extract_statements(text) if "Fair Winds" in st.text]
    assert st.speaker == "the short film"
