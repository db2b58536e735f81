"""A quotation after a colon that closes a stance ("X was blunt:") or "X had this to say:"."""

from __future__ import annotations

from storywatch import extract_statements


def _said(text: str) -> list[tuple[str, str | None]]:
    return [(s.text, s.speaker) for s in extract_statements(text)]


def test_copula_and_adjective_before_a_colon_credit_the_subject() -> None:
    text = (
        "Hoping to end the matter, the Harbour Ethics Board was firm in its ruling: "
        "“No further hearing on this question is needed.”\n"
    )
    [(words, speaker)] = _said(text)
    assert words == "No further hearing on this question is needed."
    assert speaker == "Harbour Ethics Board"


def test_had_this_to_say_credits_the_subject() -> None:
    text = (
        "Meanwhile, a study from the Lindqvist Institute had this to say about the plan: "
        "“Most of the money would go to families that need it least.”\n"
    )
    [(_, speaker)] = _said(text)
    assert speaker == "Lindqvist Institute"


def test_stance_of_a_thing_names_no_speaker() -> None:
    text = "By Friday the problem was simple: “We ran out of money before the vote.”\n"
    assert _said(text) == []


def test_the_name_after_to_before_a_colon_was_addressed_not_the_speaker() -> None:
    text = "Okafor delivered a blunt message to Vale: “Stop blaming the harbour board.”\n"
    [only] = extract_statements(text)
    assert only.speaker == "Okafor", only
    assert only.text.startswith("Stop blaming the harbour board")


def test_the_name_after_for_before_a_colon_was_addressed_not_the_speaker() -> None:
    text = "Okafor had a simple message for Vale: “Stop blaming the harbour board.”\n"
    [only] = extract_statements(text)
    assert only.speaker == "Okafor", only


def test_the_name_after_with_before_a_colon_was_set_against_not_the_speaker() -> None:
    text = "Okafor contrasted the old board with Vale: “Only one of them ever listened.”\n"
    [only] = extract_statements(text)
    assert only.speaker == "Okafor", only


def test_a_name_alone_before_the_colon_still_speaks() -> None:
    [only] = extract_statements("Lindqvist: “We will reopen the pier in May.”\n")
    assert only.speaker == "Lindqvist", only


def test_the_owner_of_a_post_before_a_colon_speaks() -> None:
    [only] = extract_statements("From Okafor's Facebook post: “We will reopen the pier.”\n")
    assert only.speaker == "Okafor", only


def test_a_reporter_after_an_outlets_possessive_keeps_the_reporter() -> None:
    [only] = extract_statements("From the Gazette's Ines Vale: “The pier reopens in May.”\n")
    assert only.speaker == "Ines Vale", only
