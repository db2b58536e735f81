"""A capitalised pronoun after a quotation that closes on "!" or "?" opens a new sentence when
the quotation was introduced inside the sentence ("telling her, “…!” She replied …"). Every
article here is written for these tests."""

from __future__ import annotations

from storywatch.understand.analysis import analyse
from tests.support.statements import direct_text_speaker


def _sentences(text: str) -> list[str]:
    an = analyse(text)
    return [text[s.start : s.end] for s in an.sentences]


def test_a_pronoun_after_an_introduced_exclamation_starts_a_sentence() -> None:
    text = (
        "In May, after the storm, Mayor Lena Ortiz wrote to the ferry captain, thanking him "
        "warmly and telling him, “you kept this town afloat and we will not forget it!” He "
        'replied to her that it was an "honor to serve the harbor."\n'
    )
    assert _sentences(text)[1].startswith("He replied")
    assert (
        "you kept this town afloat and we will not forget it!",
        "Lena Ortiz",
    ) in direct_text_speaker(text)


def test_a_quotation_opening_the_sentence_keeps_its_attribution() -> None:
    text = "“Too late?” He asked the crowd, and nobody answered.\n"
    assert len(_sentences(text)) == 1
