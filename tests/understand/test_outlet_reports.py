"""An outlet's report closing a sentence that holds a quotation ("…, the Gazette reported.")
reports the whole sentence, with the attribution inside it (according.reported_last):
sentences written for these tests."""

from __future__ import annotations

from tests.support.statements import direct_speaker_text


def test_a_report_after_an_inner_colon_quotation_takes_the_whole_sentence() -> None:
    text = (
        "The harbor vote was close.\n\n"
        "When asked about the levy, Mayor Ana Ruiz said: “There will be no exceptions,” the "
        "Harbor Gazette reported.\n"
    )
    [(speaker, said)] = direct_speaker_text(text)
    assert "Harbor Gazette" in speaker
    assert said.startswith("When asked about the levy")


def test_a_report_keeps_the_participle_after_the_quotation() -> None:
    text = (
        "The harbor vote was close.\n\n"
        "Dock workers also chanted, “Save the docks,” referring to the mayor's plan to sell "
        "the old piers, the Harbor Gazette reports.\n"
    )
    [(speaker, said)] = direct_speaker_text(text)
    assert "Harbor Gazette" in speaker
    assert said.startswith("Dock workers also chanted")
    assert said.endswith("to sell the old piers")


def test_a_quotation_opening_the_sentence_keeps_its_own_trailer() -> None:
    text = (
        "The harbor vote was close.\n\n"
        "“We will not sell the piers,” Mayor Ana Ruiz said, the Harbor Gazette reported.\n"
    )
    [(speaker, said)] = direct_speaker_text(text)
    assert said == "We will not sell the piers,"
    assert "Ruiz" in speaker
