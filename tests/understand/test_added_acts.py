"""A quotation right after a trailer's "adding"/"explaining" act goes on that act.

"“…,” Okafor said, adding that …. “…”": the participle announces more words, and the
quotation after it is what was added (one act with the clause, for the annotators), where a
gloss ("referring to …") leaves the next quotation to the first act.
"""

from __future__ import annotations

from storywatch.understand import extract_statements


def _acts(text: str) -> list[tuple[str, str | None, str]]:
    return [(s.text, s.cue, s.kind) for s in extract_statements(text)]


def test_a_quotation_after_an_adding_act_is_what_was_added() -> None:
    text = (
        "“The ferry will run on time,” Okafor said, adding that the Harbour Authority had "
        "not yet approved the budget. “We will fight for every crossing.”\n"
    )
    assert _acts(text) == [
        ("The ferry will run on time,", "said", "direct"),
        ("that the Harbour Authority had not yet approved the budget", "adding", "direct"),
        ("We will fight for every crossing.", "adding", "direct"),
    ]


def test_a_quotation_after_an_explaining_act_is_the_explanation() -> None:
    text = (
        "“Vale is touring every pier this week,” said Ana Ruiz, a spokeswoman for the "
        "campaign, explaining why the candidate will skip the gala. “She would rather meet "
        "the dock workers.”\n"
    )
    acts = _acts(text)
    assert acts[0] == ("Vale is touring every pier this week,", "said", "direct")
    assert acts[-1] == ("She would rather meet the dock workers.", "explaining", "direct")


def test_a_quotation_after_a_referring_gloss_goes_on_the_first_act() -> None:
    text = (
        "“We made mistakes,” Okafor said, referring to the pier closures. “We will not "
        "make them again.”\n"
    )
    assert _acts(text)[-1] == ("We will not make them again.", "said", "direct")


def test_an_added_act_in_the_paragraph_before_does_not_take_the_quotation() -> None:
    text = (
        "“The ferry will run on time,” Okafor said, adding that the budget was late.\n\n"
        "“We will fight for every crossing,” Ruiz said.\n"
    )
    assert _acts(text)[-1][1] == "said"


def test_a_sentence_opened_by_adding_alone_is_the_last_speakers_next_act() -> None:
    text = (
        "Later, Okafor said of the audit that the report “was not good.” Adding,\u00a0“Now, "
        "as with all these reviews, the harm is never that bad. It is how they handle it.”\n"
    )
    statements = extract_statements(text)
    assert [(s.text, s.cue, s.speaker) for s in statements] == [
        ("that the report “was not good.”", "said", "Okafor"),
        (
            "Now, as with all these reviews, the harm is never that bad. It is how they handle it.",
            "Adding",
            "Okafor",
        ),
    ]


def test_adding_with_a_colon_is_no_speakers_name() -> None:
    text = "Ruiz told the council the pier was safe. Adding: “We will keep it open all winter.”\n"
    last = extract_statements(text)[-1]
    assert last.text == "We will keep it open all winter."
    assert last.speaker == "Ruiz"
    assert last.cue == "Adding"
