"""A passive verb of asking or telling with "by": the agent spoke, the subject was spoken to
("Okafor was asked by a reporter whether …"). Every article here is written for these
tests."""

from __future__ import annotations

from storywatch import extract_statements


def _read(text: str) -> list[tuple[str, str, str | None]]:
    return [(s.kind, s.text, s.speaker) for s in extract_statements(text)]


def test_the_asker_of_a_quoted_question_is_the_agent() -> None:
    text = "Mayor Dana Okafor was asked by a reporter, “Will you close the pier?”\n"
    assert _read(text) == [("direct", "Will you close the pier?", "a reporter")]


def test_a_reported_question_runs_past_an_aside_to_the_sentence_end() -> None:
    text = (
        "Okafor was asked by council member Ruth Vance whether the pier levy, which the "
        "harbour board puts at $4 million, would “sink the fishing fleet.”\n"
    )
    kind, words, speaker = _read(text)[0]
    assert (kind, speaker) == ("direct", "Ruth Vance")
    assert words.startswith("whether the pier levy, which the harbour board")
    assert words.endswith("“sink the fishing fleet.”")


def test_a_joined_clause_is_the_subjects_own_answer() -> None:
    text = (
        "Dana Okafor was asked by reporters on Tuesday whether the pier would reopen, and "
        "she said it would.\n"
    )
    assert _read(text) == [
        ("indirect", "whether the pier would reopen", "reporters"),
        ("indirect", "it would", "Dana Okafor"),
    ]


def test_told_by_gives_the_that_clause_to_the_agent() -> None:
    text = "Harbour master Ian Pole was told by his deputy that the pier had flooded.\n"
    assert _read(text) == [("indirect", "that the pier had flooded", "his deputy")]


def test_an_agent_set_off_by_commas_is_not_read_as_this_shape() -> None:
    text = "The governor was pressed by the host, Dana Okafor, about the pier.\n"
    assert all(s.speaker != "The governor" for s in extract_statements(text))
