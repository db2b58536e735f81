"""“Call on” someone to do something: what was asked starts with whom it was asked of
("called on the council to “act now”"), not with the particle. Every article here is
written for these tests."""

from __future__ import annotations

from storywatch.understand import extract_statements


def test_a_quotation_asked_of_someone_starts_with_the_listener() -> None:
    text = (
        'Mayor Ruth Ando called on harbor workers to "keep the cranes running through the storm."\n'
    )
    [only] = extract_statements(text)
    assert only.kind == "direct"
    assert only.speaker == "Ruth Ando"
    assert only.text.startswith("harbor workers to")
    assert "keep the cranes running through the storm" in only.text


def test_call_upon_reads_the_same_way() -> None:
    text = "The ferry union called upon the board to reopen the northern pier before winter.\n"
    [only] = extract_statements(text)
    assert only.kind == "indirect"
    assert only.text.startswith("the board to reopen the northern pier")


def test_a_quotation_after_a_participle_of_call_on() -> None:
    text = (
        "The governor released a statement on Friday, calling on lawmakers "
        '"to stop the delays and fund the levee."\n'
    )
    statements = extract_statements(text)
    [quoted] = [st for st in statements if st.kind == "direct"]
    assert quoted.text.startswith("lawmakers")
    assert "fund the levee" in quoted.text
