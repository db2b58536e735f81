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
