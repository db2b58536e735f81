"""Quotations introduced by layout rather than a cue verb right before them: nested quote
marks, newsletter digest items credited by a label, a colon at a paragraph's end. Every
article here is written for these tests."""

from __future__ import annotations

from storywatch.understand import extract_statements
from storywatch.understand.text import find_quotes


def _quoted(text: str) -> list[str]:
    return [" ".join(text[a:b] for a, b in q.parts) for q in find_quotes(text)]


def test_same_marks_nested_in_a_quotation_do_not_split_it() -> None:
    text = "“The port is not about “fair trade” any more. It is about tolls,” said Ana Ruiz.\n"
    assert _quoted(text) == ["The port is not about “fair trade” any more. It is about tolls,"]
    [only] = extract_statements(text)
    assert only.speaker == "Ana Ruiz"
    assert only.text.startswith("The port is not about")


def test_curly_marks_nested_in_straight_ones_do_not_split_them() -> None:
    text = '"We never said “closed for good,” only closed," said Ana Ruiz.\n'
    assert _quoted(text) == ["We never said “closed for good,” only closed,"]


def test_a_stray_opening_mark_still_gives_way_to_the_next_one() -> None:
    text = "“The ferry left. He called it “a disgrace” and went home.\n"
    assert _quoted(text) == ["a disgrace"]


def test_digest_item_credits_the_names_after_the_dash() -> None:
    text = (
        "This is the Harbour Digest for Tuesday.\n\n"
        "TOLL RISE WAS NOT THE CAUSE - Dana Reyes and Tom Olsen: “Shipping fell because the "
        "season ended early. The tolls had nothing to do with it.” [Harbour Post.]\n"
    )
    [only] = extract_statements(text)
    assert only.text.startswith("Shipping fell because")
    assert only.speaker_mention == "Dana Reyes and Tom Olsen"


def test_digest_item_credits_the_source_after_from() -> None:
    text = (
        "Why the counts moved -More from Reyes: “The second week saw far more arrivals than "
        "the first.”\n\n"
        "Not every survey agrees. From the report: “Samples with longer field periods were "
        "more accurate than the rest.”\n"
    )
    first, second = extract_statements(text)
    assert first.speaker_mention == "Reyes"
    assert second.speaker_mention == "the report"
    assert second.text.startswith("Samples with longer")


def test_a_headline_before_a_dash_is_no_speaker() -> None:
    text = "PORT TALKS - A LONG NIGHT: “Nobody slept,” said Ana Ruiz.\n"
    [only] = extract_statements(text)
    assert only.speaker == "Ana Ruiz"


def test_a_colon_at_a_paragraph_end_announces_the_next_quotation() -> None:
    text = (
        "The old harbour master died on Sunday.\n\n"
        "When the news broke, Governor Ana Ruiz released the following statement:\n\n"
        "“Tom Olsen kept this port alive for forty years. We will miss him.”\n"
    )
    [only] = extract_statements(text)
    assert only.speaker == "Ana Ruiz"
    assert only.text.startswith("Tom Olsen kept this port alive")


def test_any_verb_before_the_colon_announces_it() -> None:
    text = (
        "Dockworkers liked the plan.\n\n"
        "Local dockworker Dana Reyes echoed:\n\n"
        "“I like it because the night shifts finally end.”\n"
    )
    [only] = extract_statements(text)
    assert only.speaker == "Dana Reyes"


def test_an_inverted_cue_before_the_colon_announces_it() -> None:
    text = "Reyes spoke after the vote.\n\nStated Reyes:\n\n“We have waited long enough.”\n"
    [only] = extract_statements(text)
    assert only.speaker == "Reyes"


def test_a_copula_or_a_dummy_it_before_the_colon_announces_nobody() -> None:
    text = (
        "The ferry was late again.\n\n"
        "Wait, it gets worse:\n\n"
        "“Passengers will be charged for the delay.”\n\n"
        "The reason the board gives is:\n\n"
        "“The engines are old and nobody will pay for new ones.”\n"
    )
    assert extract_statements(text) == []


def test_morning_email_item_credits_its_capitals_headline() -> None:
    text = (
        "TOP STORIES.\n\n"
        "HARBOUR TOLLS DOUBLE OVERNIGHT “Ferry operators woke to a bill twice the size of "
        "last month’s, and nobody at the port authority would say why.” [Harbour Post.]\n"
    )
    [only] = extract_statements(text)
    assert only.speaker_mention == "HARBOUR TOLLS DOUBLE OVERNIGHT"
    assert only.text.startswith("Ferry operators woke")


def test_a_capitals_dateline_before_a_quotation_with_a_cue_is_no_headline() -> None:
    text = "PORT NEWS “We are open again,” said Ana Ruiz.\n"
    [only] = extract_statements(text)
    assert only.speaker == "Ana Ruiz"
