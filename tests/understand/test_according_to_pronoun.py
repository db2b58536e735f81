"""An object pronoun after "according to" is the source ("According to her, …").

Own sentences; before this change neither statement was read (the pronoun is no noun
phrase, and the speaker reading knew "she" but not "him" or "them").
"""

from __future__ import annotations

from storywatch.understand import extract_statements

_LEAD = "Maria Okafor chairs the ferry board. Dan Reyes runs the port. "


def test_her_opening_the_sentence_is_the_last_woman_named() -> None:
    text = _LEAD.replace("Dan Reyes runs the port. ", "") + (
        "According to her, the levy is “a tax on ferries.”"
    )
    found = [(st.speaker, st.text) for st in extract_statements(text) if st.kind == "direct"]
    assert found == [("Maria Okafor", "the levy is “a tax on ferries.”")]


def test_him_after_the_quotation_is_the_last_man_named() -> None:
    text = _LEAD + "“The levy is a tax on ferries,” according to him."
    found = [st for st in extract_statements(text) if st.kind == "direct"]
    assert len(found) == 1
    assert found[0].speaker == "Dan Reyes"
    assert "tax on ferries" in found[0].text


def test_a_name_after_according_to_is_read_as_before() -> None:
    text = _LEAD + "“The levy is a tax on ferries,” according to Okafor."
    found = [st for st in extract_statements(text) if st.kind == "direct"]
    assert [st.speaker for st in found] == ["Maria Okafor"]
