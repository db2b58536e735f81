"""A speaker is a noun phrase: never the auxiliary and adverb its verb leans on ("has
twice", "soon"), nor a whole clause ("the board's decision would cost the workers").

Each fixture is our own sentence. Before these rules the first kind kept the verb's words
in the speaker's name, and the second credited the words before a participle to a clause.
"""

from __future__ import annotations

import pytest

from storywatch.understand import extract_statements
from storywatch.understand.clause_speakers import (
    is_clause,
    participle_subject,
    perceived_name,
    trimmed,
)
from tests.support.statements import by_text


def _span(text: str, phrase: str) -> tuple[int, int]:
    at = text.index(phrase)
    return at, at + len(phrase)


@pytest.mark.parametrize(
    ("phrase", "kept"),
    [
        ("The Harbour League has twice", "The Harbour League"),
        ("Harbour officials have already", "Harbour officials"),
        ("Fact-checkers soon", "Fact-checkers"),
        ("The former mayor has long", "The former mayor"),
        ("Ms. Okafor only briefly", "Ms. Okafor"),
        ("The harbour press has always", "The harbour press"),
        ("the dockers' union have ever", "the dockers' union"),
        # A name ending in "-ly" is no adverb.
        ("Mrs. Schlafly", "Mrs. Schlafly"),
        ("the harbour board", "the harbour board"),
    ],
)
def test_trailing_verb_words_are_cut_from_the_speaker(phrase: str, kept: str) -> None:
    a, b = trimmed(phrase, (0, len(phrase)))
    assert phrase[a:b] == kept


@pytest.mark.parametrize(
    ("phrase", "clause"),
    [
        ("the board's decision would cost the workers", True),
        ("it withheld documents", True),
        ("she was mayor of the town", True),
        ("the bulk of the money should be", True),
        ("the harbour board", False),
        ("her campaign", False),
        ("The Harbour League", False),
        ("It", False),
    ],
)
def test_a_clause_is_no_speaker(phrase: str, clause: bool) -> None:
    assert is_clause(phrase, _span(phrase, phrase)) is clause


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The Harbour League has twice complained to the mayor's office that it never "
            "gave permission to use its emblem.",
            "The Harbour League",
        ),
        (
            "Harbour officials have already signalled that they plan to close the ferry "
            "terminal next spring.",
            "Harbour officials",
        ),
        (
            "Fact-checkers soon noted that the governor may have been describing a "
            "hypothetical case.",
            "Fact-checkers",
        ),
    ],
)
def test_paraphrase_speaker_stops_before_its_verb(text: str, speaker: str) -> None:
    found = [s for s in extract_statements(text) if s.kind == "indirect"]
    assert [s.speaker_mention for s in found] == [speaker]


@pytest.mark.parametrize(
    "text",
    [
        "The agency delayed the audit, stalled the inquiry, admitted it withheld documents, "
        "and refused to testify.",
        "The union went to court, claiming the board's decision would cost the workers "
        "$2 million a year.",
    ],
)
def test_no_paraphrase_is_credited_to_a_clause(text: str) -> None:
    for s in extract_statements(text):
        assert not is_clause(text, _span(text, s.speaker_mention or "\0"))


def test_a_named_speaker_keeps_a_clause_after_it_as_content() -> None:
    text = "The mayor's aides said the bulk of the new housing should be rented to teachers."
    (found,) = extract_statements(text)
    assert found.speaker_mention == "The mayor's aides"
    assert found.text == "the bulk of the new housing should be rented to teachers"


@pytest.mark.parametrize(
    ("phrase", "kept"),
    [
        ("The Corran senator sought to calm his supporters", "The Corran senator"),
        ("Ms. Okafor showed no sign of backing down", "Ms. Okafor"),
        ("Pastor Ade Bello stood at his pulpit in Marlow", "Pastor Ade Bello"),
        # A participle after a determiner or an adverb describes; it is no verb.
        ("the retired harbour master", "the retired harbour master"),
        ("A slickly produced video", "A slickly produced video"),
        # A relative clause, or an auxiliary, leaves the phrase for other readers.
        ("which included staff members", "which included staff members"),
        (
            "The board had come up Friday after Ms. Okafor",
            "The board had come up Friday after Ms. Okafor",
        ),
        # After a verb of perceiving, the object does what the participle says.
        ("The dock camera captured Ms. Okafor", "The dock camera captured Ms. Okafor"),
    ],
)
def test_a_participle_speaks_for_its_clause_subject_not_the_clause(phrase: str, kept: str) -> None:
    a, b = participle_subject(phrase, (0, len(phrase)))
    assert phrase[a:b] == kept


def test_the_subject_of_a_clause_before_a_participle_is_resolved_to_the_person() -> None:
    text = (
        "Senator Mara Quill of Corran spoke in Tessel on Friday. The Corran senator sought "
        "to calm her supporters, and took a heckler in stride, saying the man would “not "
        "be harmed” at her rally."
    )
    st = by_text(extract_statements(text), "not be harmed")
    assert st.speaker_mention == "The Corran senator"
    assert st.speaker == "Mara Quill"


@pytest.mark.parametrize(
    ("phrase", "kept"),
    [
        ("It's grimly funny to watch Tom Vale", "Tom Vale"),
        ("the Korsvik Register heard Dan Okoro", "Dan Okoro"),
        ("watch Tom Vale and his aides", "watch Tom Vale and his aides"),
        ("the campaign was happy to hear Vale", "the campaign was happy to hear Vale"),
        ("Tom Vale", "Tom Vale"),
    ],
)
def test_after_a_verb_of_perceiving_the_one_perceived_speaks(phrase: str, kept: str) -> None:
    span = perceived_name(phrase, (0, len(phrase)))
    assert phrase[span[0] : span[1]] == kept


def test_a_statement_after_watch_name_is_that_persons() -> None:
    text = (
        "Mayor Tom Vale lost the race in 2012.\n\n"
        "It's grimly funny to watch Tom Vale, who lost by a mile, suddenly insist that the "
        'new mayor is "a fraud."'
    )
    statement = by_text(extract_statements(text), "a fraud")
    assert statement.speaker == "Tom Vale"
    assert statement.speaker_mention == "Tom Vale"


def test_a_participle_set_off_by_a_comma_speaks_for_the_sentence_subject() -> None:
    """Not for the nearest noun phrase: "… to end the war in Afghanistan on Thursday,
    saying …" is the president's."""
    text = (
        "Governor Ada Brune defended her decision to close the port of Korsvik on Thursday, "
        "asserting that the town could no longer afford the cost of dredging."
    )
    statement = extract_statements(text)[0]
    assert statement.speaker == "Ada Brune"
    assert statement.speaker_mention == "Governor Ada Brune"


def test_an_opening_phrase_is_no_subject_for_a_set_off_participle() -> None:
    text = (
        "Mayor Tom Vale spoke on Monday.\n\n"
        "Hours later, Vale defended the closure of the dock in Korsvik, saying that the cost "
        "of dredging was too high."
    )
    statement = extract_statements(text)[-1]
    assert (statement.speaker, statement.speaker_mention) == ("Tom Vale", "Vale")


@pytest.mark.parametrize("verb", ["asserted", "speculated", "opined", "hinted", "swore"])
def test_reporting_verbs_of_general_english_report(verb: str) -> None:
    text = f"Mayor Tom Vale {verb} that the harbour tolls would double by spring."
    statement = extract_statements(text)[0]
    assert (statement.speaker, statement.kind) == ("Tom Vale", "indirect")
    assert statement.text.startswith("that the harbour tolls")


def test_a_clause_or_cue_in_between_keeps_the_participle_where_it_is() -> None:
    text = (
        "Senator Ada Brune spoke in Korsvik.\n\n"
        "The senator was rallying for a 70-year-old academic named Ivo Brandt, who is running "
        'for the council and who worked the crowd, praising "her honesty and her long service" '
        "as he promised to fight.\n\n"
        "Mayor Tom Vale spoke next. His sister had struggled her whole life, Vale explained, "
        "recalling the time he and his father visited her at the harbour."
    )
    statements = extract_statements(text)
    assert by_text(statements, "her honesty").speaker == "Ivo Brandt"
    assert by_text(statements, "the time he and his father").speaker == "Tom Vale"
