""" "according to" after a linking word ("but", "because", "in addition"): the source's claim
is the clause after its comma, and the link is the writer's. A verb of motion ("went to
the forum") before it reports nothing. Every article here is written for these tests."""

from __future__ import annotations

from storywatch.understand import extract_statements


def _statements(text: str) -> list[tuple[str, str, str]]:
    return [(st.kind, st.text, st.speaker) for st in extract_statements(text)]


def test_according_to_after_but_reports_the_clause_after_its_comma() -> None:
    text = (
        "Mayor Ilse Vale kept the hall open, but according to the fire inspectors, the "
        "building was “unsafe for a crowd of that size.”\n"
    )
    [(kind, said, _)] = _statements(text)
    assert kind == "direct"
    assert said.startswith("the building was")


def test_according_to_after_because_keeps_a_naming_verb_inside_its_clause() -> None:
    text = (
        "Maria Lindqvist went to the forum on Tuesday because, according to her aides, the "
        "organisers would call her a “spoiler” if she stayed away.\n"
    )
    [(kind, said, _)] = _statements(text)
    assert kind == "direct"
    assert said.startswith("the organisers would call her")


def test_according_to_after_a_conjunction_without_a_comma_reports_the_clause() -> None:
    text = (
        "The council says the harbour pays for itself. But according to the audit, the "
        "harbour has lost money every year since 2019.\n"
    )
    assert (
        "indirect",
        "the harbour has lost money every year since 2019",
        "the audit",
    ) in _statements(text)


def test_a_comma_inside_the_sources_list_is_not_where_the_source_ends() -> None:
    text = (
        "According to interviews with a dozen of Okafor's friends, aides and allies, she "
        "wants to win the seat outright.\n"
    )
    said = [(st.kind, st.text) for st in extract_statements(text)]
    assert said == [("indirect", "she wants to win the seat outright")], said


def test_an_honorifics_full_stop_does_not_end_the_source() -> None:
    text = "According to interviews with a dozen of Mr. Okafor's aides, he wants the seat.\n"
    [only] = extract_statements(text)
    assert only.speaker == "interviews with a dozen of Mr. Okafor's aides", only
    assert only.text == "he wants the seat"
