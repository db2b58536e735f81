"""A he or she after a sentence opened by the same pronoun refers to whoever that one does
(``pronoun_chain``), not to a name the sentence between mentions as an object. Each article
is our own, written in the shape of news copy."""

from __future__ import annotations

from tests.support.statements import direct_text_speaker


def test_a_pronoun_subject_between_keeps_the_person_in_view() -> None:
    """ "Vale came in a red hat. He had met activists who backed Okafor. “…,” he said": the
    "He" that opens the sentence between is Vale, and so is the trailer's "he"."""
    text = (
        "The harbour rally drew a large crowd on Saturday.\n\n"
        "Tomas Vale, a docker, came to the rally in a red hat. He had protested at a port "
        "meeting and met activists who had jumped aboard with Ruben Okafor.\n\n"
        "“I liked every single reason they had for backing him,” he said.\n"
    )
    [(_, who)] = direct_text_speaker(text)
    assert who == "Tomas Vale"


def test_a_name_opening_the_sentence_between_still_takes_the_pronoun() -> None:
    text = (
        "The harbour rally drew a large crowd on Saturday.\n\n"
        "Tomas Vale came to the rally in a red hat. Ruben Okafor spoke first.\n\n"
        "“I liked every single reason they had for backing him,” he said.\n"
    )
    [(_, who)] = direct_text_speaker(text)
    assert who == "Ruben Okafor"
