"""What a poll, a study or a record found is its statement (understand/findings.py).

On PolNeAR train a subject headed by a poll, survey, study, report, review or the like before
"found", "shows", "concluded" … is annotated as an attribution 63 times in 64, the content
drawn from "that" (or the object) to the end of the clause. Before this change none of these
was read unless the verb was also a cue ("suggests") or the content held a quotation. A
person, or anything else, who finds or shows something says nothing. Our own sentences; the
positives failed before this change, but for "concluded" (a cue already) and the quoted
finding (read before by the verbs that govern a quotation), kept as guards.
"""

from __future__ import annotations

import pytest

from storywatch.understand import extract_statements
from tests.support.statements import kind_speaker_text


@pytest.mark.parametrize(
    ("text", "speaker", "cue", "said"),
    [
        ("A new poll shows Okafor leading Lee by ten points.",
         "A new poll", "shows", "Okafor leading Lee by ten points"),
        ("The poll found that most voters backed the levy.",
         "The poll", "found", "that most voters backed the levy"),
        ("The review found that the pier had not been inspected since 2010.",
         "The review", "found", "that the pier had not been inspected since 2010"),
        ("A Harbour Times survey, conducted by Ipsos, finds that 60 percent oppose the levy.",
         "A Harbour Times survey", "finds", "that 60 percent oppose the levy"),
        ("A Harbour Times survey, conducted by Ipsos, finds 60 percent oppose the levy.",
         "A Harbour Times survey", "finds", "60 percent oppose the levy"),
        ("An audit released on Tuesday concluded the ferry office lost track of its fuel bills.",
         "An audit", "concluded", "the ferry office lost track of its fuel bills"),
        ("Exit polls from the harbor district, which Okafor carried easily, showed that "
         "renters turned out in force.",
         "Exit polls", "showed", "that renters turned out in force"),
        ("Early results of a survey of dock workers show most of them expect layoffs.",
         "Early results of a survey", "show", "most of them expect layoffs"),
        ("But the poll's findings show a race that is far from settled.",
         "the poll's findings", "show", "a race that is far from settled"),
        ("Port records have also shown the crane was idle for a month.",
         "Port records", "shown", "the crane was idle for a month"),
        ("Polls continue to show Lee ahead in the northern wards.",
         "Polls", "show", "Lee ahead in the northern wards"),
        ("The survey found that 62 percent of residents said the port was too noisy.",
         "The survey", "found", "that 62 percent of residents said the port was too noisy"),
        ("The inquiry found last week that the ferry's radio had failed.",
         "The inquiry", "found", "that the ferry's radio had failed"),
    ],
)  # fmt: skip
def test_a_document_reports_its_finding(text: str, speaker: str, cue: str, said: str) -> None:
    statements = extract_statements(text)
    assert [(s.kind, s.speaker_mention, s.cue, s.text) for s in statements] == [
        ("indirect", speaker, cue, said)
    ]


def test_a_finding_that_holds_a_quotation_is_direct() -> None:
    text = "A new survey shows that most renters call the levy “a tax on the poor.”"
    assert kind_speaker_text(text) == [
        ("direct", "A new survey", "that most renters call the levy “a tax on the poor.”")
    ]


def test_a_cue_before_the_finding_keeps_the_sentence() -> None:
    text = "Lee said the poll found that voters back the levy."
    assert kind_speaker_text(text) == [
        ("indirect", "Lee", "the poll found that voters back the levy")
    ]


def test_the_finding_holds_a_later_cue() -> None:
    text = "A poll showed Lee trailing badly, with 56 percent of voters saying they distrust her."
    assert [(s.speaker_mention, s.cue) for s in extract_statements(text)] == [("A poll", "showed")]


def test_a_finding_in_a_subordinate_clause_ends_with_it() -> None:
    text = "Because polls show Lee ahead in the north, her rivals have stopped campaigning there."
    assert kind_speaker_text(text) == [("indirect", "polls", "Lee ahead in the north")]


def test_that_alone_is_no_finding() -> None:
    text = (
        "The poll also finds that, while 37 percent say the levy is “unfair,” 39 percent back it."
    )
    assert all(s.text != "that" for s in extract_statements(text))


@pytest.mark.parametrize(
    "text",
    [
        "Police found a body near the pier.",
        "Lee showed reporters the pier.",
        "The body was found near the pier.",
        "The missing report showed up in a drawer.",
        "The pier has been shown to be unsafe.",
        "Lee knows the polls show that she trails.",
        "Divers found the report in the harbor mud.",
        "The plan, which analyses estimated to cost $2 million, was dropped.",
    ],
)
def test_no_document_no_finding(text: str) -> None:
    assert extract_statements(text) == []
