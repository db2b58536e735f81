"""Court and police copy: charging papers that speak ("the indictment alleges"), plural
sources that allege, and police reports whose sentence holds a verb of speech of its own
("Officers responded to a call, police said.").

Each fixture is our own sentence in the shape of wire or local-paper copy.
"""

from __future__ import annotations

import pytest

from storywatch.understand import extract_statements
from tests.support.statements import only_statement


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        # "allege" in its plain present, with and without "that"
        (
            "Prosecutors allege that Delane fired three shots into the parked car.",
            "that Delane fired three shots into the parked car",
            "Prosecutors",
        ),
        (
            "Prosecutors allege Ferris ran the scheme from his home office in Dunmore.",
            "Ferris ran the scheme from his home office in Dunmore",
            "Prosecutors",
        ),
        # charging papers speak as a complaint or a lawsuit does
        (
            "The indictment alleges that Carver and two associates laundered the money "
            "through a chain of car washes.",
            "that Carver and two associates laundered the money through a chain of car washes",
            "The indictment",
        ),
        (
            "The affidavit states that the deputy smelled gasoline inside the garage.",
            "that the deputy smelled gasoline inside the garage",
            "The affidavit",
        ),
    ],
)
def test_court_papers_and_plural_sources_allege(text: str, content: str, speaker: str) -> None:
    st = only_statement(text)
    assert (st.text, st.speaker) == (content, speaker)


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        # a trailer closes the sentence: "responded" is what the police report
        (
            "Officers responded to a call about a fight outside the Lakeview bar, police said.",
            "Officers responded to a call about a fight outside the Lakeview bar",
            "police",
        ),
        (
            "Deputies responded to the Harmon Street home twice last year, the sheriff's "
            "office said Monday.",
            "Deputies responded to the Harmon Street home twice last year",
            "the sheriff's office",
        ),
        # "according to" opening the sentence
        (
            "According to police, officers responded to a report of shots fired at about "
            "11:40 p.m. Saturday.",
            "officers responded to a report of shots fired at about 11:40 p.m. Saturday",
            "police",
        ),
        # the relative clause's verb is not the act; the main clause's "said" is
        (
            "Ana Ruiz, a lawyer who argued the appeal, said Monday that the ruling was flawed.",
            "that the ruling was flawed",
            "Ana Ruiz",
        ),
        (
            "Renner, who testified at the trial, said Monday that he would appeal the verdict.",
            "that he would appeal the verdict",
            "Renner",
        ),
    ],
)
def test_a_later_source_reports_the_sentence(text: str, content: str, speaker: str) -> None:
    st = only_statement(text)
    assert (st.text, st.speaker) == (content, speaker)


def test_a_cue_with_only_adverbials_still_waits_for_its_words() -> None:
    """The shape the trailer test must not take: "said in a statement." with nothing after
    it waits for the quotation in the next sentence."""
    text = 'Sheriff Dana Whitcombe said in a statement. "We will find who did this."'
    [st] = extract_statements(text)
    assert (st.speaker, st.text) == ("Dana Whitcombe", "We will find who did this.")


def test_a_relative_clause_that_reports_keeps_its_act() -> None:
    """ "who testified that …" reports words of its own, beside the main clause's."""
    text = "Ruiz, who testified that the brakes had failed, said he would appeal the verdict."
    assert [s.text for s in extract_statements(text)] == [
        "that the brakes had failed",
        "he would appeal the verdict",
    ]
