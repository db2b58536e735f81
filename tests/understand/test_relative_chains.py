"""A cue followed by "that" and a clause reports that clause, and a cue ending a list of
relative clauses is said by whoever the list's "who" stands for. Every article here is
written for these tests."""

from __future__ import annotations

from storywatch.understand import extract_statements


def _all(text: str) -> list[tuple[str, str, str]]:
    return [(s.text, s.speaker, s.kind) for s in extract_statements(text)]


def test_a_cue_after_a_list_of_who_clauses_speaks_for_the_first_who() -> None:
    text = (
        "This was the mayor we all knew, the Ana Ortega who questions the independence of a "
        "judge because of his Irish heritage, who fights with Irish American reporters, "
        "claims that Dublin broadcaster RTE “takes its orders” from the governor, and "
        "asserts that the port is “finished.”\n"
    )
    claims, asserts = _all(text)
    assert claims[0].startswith("that Dublin broadcaster RTE “takes its orders” from")
    assert claims[1:] == ("Ana Ortega", "direct")
    # "asserts" is a cue of its own, said by the same "who".
    assert asserts == ("that the port is “finished.”", "Ana Ortega", "direct")


def test_the_subject_of_a_reported_clause_is_not_an_inverted_speaker() -> None:
    text = (
        "A legal memo drafted for the Harbor Board in May 2012, and obtained by AP, concluded "
        "that the Port Trust qualified as a “public works project” under the State Works Act "
        "but said review was not needed.\n"
    )
    assert all(speaker != "Port Trust" for _, speaker, _ in _all(text))


def test_said_that_official_is_still_an_inverted_speaker() -> None:
    text = "The harbor is “a disaster,” said that official on Monday.\n"
    assert _all(text) == [("The harbor is “a disaster,”", "that official", "direct")]
