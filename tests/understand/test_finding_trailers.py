"""A finding written after its clause is the document's statement
(understand/finding_trailers.py).

"…, court records show." / "…, the poll found." / "…, records say.": on PolNeAR train a
comma, a subject headed by a document or a body of evidence and its verb ending the
sentence are annotated as an attribution, the clause before the comma its content. Before
this change a verb of finding there, a bare plural subject and a subject with a modifier
after its head were read as nothing. Our own sentences; the positives failed before this
change.
"""

from __future__ import annotations

import pytest

from storywatch.understand import extract_statements


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "said"),
    [
        ("Lee was paid $40,000 in 2019, court records show.",
         "court records", "show", "Lee was paid $40,000 in 2019"),
        ("Most voters backed the levy, the poll found.",
         "the poll", "found", "Most voters backed the levy"),
        ("Most voters backed the levy, the poll has found.",
         "the poll", "found", "Most voters backed the levy"),
        ("The pier had not been inspected since 2010, a review by the council concluded.",
         "a review", "concluded", "The pier had not been inspected since 2010"),
        ("Lee was paid $40,000 in 2019, records say.",
         "records", "say", "Lee was paid $40,000 in 2019"),
        ("The ferry ran late on most days, the data suggest.",
         "the data", "suggest", "The ferry ran late on most days"),
        ("Lee sold the boat to Okafor in 2012, port documents showed on Tuesday.",
         "port documents", "showed", "Lee sold the boat to Okafor in 2012"),
        ("In all, the harbor fund raised $3 million, Harbour Board records show.",
         "Harbour Board records", "show", "In all, the harbor fund raised $3 million"),
        ("Most of the money came from firms now gone, city and state records show.",
         "city and state records", "show", "Most of the money came from firms now gone"),
    ],
)  # fmt: skip
def test_a_trailing_document_reports_the_clause_before_it(
    text: str, speaker: str, cue: str, said: str
) -> None:
    statements = extract_statements(text)
    assert [(s.kind, s.speaker_mention, s.cue, s.text) for s in statements] == [
        ("indirect", speaker, cue, said)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Lee was paid $40,000 in 2019, police found.",
        "The levy was dropped, and the records were found in a drawer.",
        "Lee was paid in 2019, records were found.",
        "Divers searched the harbor, finding records.",
    ],
)
def test_no_document_no_trailing_finding(text: str) -> None:
    assert extract_statements(text) == []


def test_a_trailer_inside_a_quotation_is_the_speakers() -> None:
    text = "“The levy failed, the figures show,” Lee said."
    assert [(s.speaker_mention, s.cue) for s in extract_statements(text)] == [("Lee", "said")]
