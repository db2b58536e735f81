"""A verb of saying joined by "and"/"but" to the clause's first verb, with a reported clause
and no quotation after it ("The spokesman defended the route and said …", "Okafor declined
to name the buyers but said …"): the joined verb shares the first verb's subject.

Each fixture is our own sentence in the shape of wire copy; the first group failed before
this change (no paraphrase was read). The second group holds the shapes that only look like
it and must stay as they were: a trailer closing the sentence, a subordinate or relative
clause holding the joined verbs, a bare infinitive, "told" with a thing told.
"""

from __future__ import annotations

import pytest

from storywatch.understand import extract_statements


def _paraphrases(text: str) -> list[tuple[str, str]]:
    return [(st.speaker, st.text) for st in extract_statements(text) if st.kind == "indirect"]


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        # a noun phrase subject, "and said"
        (
            "A spokesman for the Harbour Authority defended the new berth fees and said the "
            "port had consulted shippers for a year.",
            "A spokesman for the Harbour Authority",
            "the port had consulted shippers for a year",
        ),
        # a name with an appositive, "but said"
        (
            "Lena Okafor, the council's treasurer, declined to name the buyers but said two "
            "of them were local firms.",
            "Lena Okafor",
            "two of them were local firms",
        ),
        # a pronoun after an opening phrase, a comma before "and"
        (
            "In a brief interview, she rejected the idea of a recount, and said that the "
            "tally was final.",
            "she",
            "that the tally was final",
        ),
        # "told" with its listener before "that"
        (
            "Marco Ruiz endorsed the mayor but told the Herald on Monday that he expected a "
            "close race.",
            "Marco Ruiz",
            "that he expected a close race",
        ),
        # a party label after the name is no part of it
        (
            "In a statement, Gov. Daniel Vale (D) criticized the budget and said the state "
            "would cover the shortfall.",
            "Daniel Vale",
            "the state would cover the shortfall",
        ),
    ],
)
def test_a_joined_verb_of_saying_shares_the_subject(text: str, speaker: str, content: str) -> None:
    assert _paraphrases(text) == [(speaker, content)]


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        # a bare infinitive after a negation: nothing was said
        ("Ruiz did not come out and say the port should close.", "Ruiz"),
        # a question's verb
        ("Does the candidate get tired and say the wrong thing?", "Does the candidate"),
        # "told" with a thing told, not a clause
        ("Okafor visited the harbour and told stories of how the cranes were built.", "Okafor"),
        # a subordinate clause holds the joined verbs; the main clause's subject did not say it
        (
            "Daniel Vale signed the order on Monday, while the mayor toured the docks and said "
            "the berth should close.",
            "Daniel Vale",
        ),
        # a relative clause holds them, and the main clause goes on after it
        (
            "Ruiz, who toured the docks and said he would back the plan, later voted against it.",
            "Ruiz",
        ),
        # a time opens the sentence, not a subject
        (
            "A few minutes later the stewards reopened the gates and said the race would go on.",
            "A few minutes",
        ),
        # the dateline's credit is no subject
        (
            "Harbour Notes: Crews Return.\n\nHARBOURTON (Wire) - Mayor Lena Okafor met the crews "
            "and said the port would reopen.",
            "Wire",
        ),
        # an owner is not the subject
        ("Okafor's aide took questions and said the berth would reopen.", "Okafor"),
    ],
)
def test_shapes_that_only_look_joined_credit_no_one_wrongly(text: str, wrong: str) -> None:
    assert wrong not in [speaker for speaker, _ in _paraphrases(text)]


def test_a_trailer_closing_the_sentence_keeps_its_reading() -> None:
    text = "Ruiz left the session early and said little, according to an aide."
    assert _paraphrases(text) == [("an aide", "Ruiz left the session early and said little")]
