"""A second act hung on a quotation only the fallback readers find ("has promoted a modest
style, advising graduates to “…,” and telling the class, “…”"): the named speaker says both.
Every article here is written for these tests."""

from __future__ import annotations

from storywatch.understand import extract_statements
from tests.support.statements import direct_text_speaker


def test_a_participle_after_a_long_quotation_is_a_second_act() -> None:
    text = (
        "Mayor Lena Ortiz has promoted a modest style in several recent school speeches, "
        'advising Hill College graduates in 2009 to "join the two-H club: hard work and '
        "humility,\" and telling Bay University's class of 2015, \"If you're too big for a "
        "small job, you're too small for a big one.\"\n"
    )
    found = direct_text_speaker(text)
    assert [speaker for _, speaker in found] == ["Lena Ortiz", "Lena Ortiz"]
    assert found[0][0].endswith('"join the two-H club: hard work and humility,"')
    assert found[1][0] == "If you're too big for a small job, you're too small for a big one."


def test_a_follow_up_inside_what_was_read_is_not_repeated() -> None:
    text = (
        "Representative Tom Hale used to back Dana Ruiz, but now said Ortiz had “the chance "
        "and the duty to bring the whole town together.”\n"
    )
    found = direct_text_speaker(text)
    assert len(found) == 1
    assert found[0][1] == "Tom Hale"
    assert found[0][0].endswith("“the chance and the duty to bring the whole town together.”")


def test_a_second_act_after_the_quotation_ends_the_subjects_reading() -> None:
    """ "played down the remarks as “…” and reportedly argued that …": the fallback read to
    the sentence's end, so the argument was joined to the quotation; it is an act of its
    own. The phrasal verb's particle ("down") is the verb's, not the object's."""
    text = (
        "Ambassador Lena Ortiz spoke on Monday.\n\n"
        "Ortiz played down the mayor's remarks as “just part of the harbour campaign” and "
        "reportedly argued that attacking him would only help him.\n"
    )
    statements = extract_statements(text)
    assert [(st.kind, st.speaker, st.text) for st in statements] == [
        ("direct", "Lena Ortiz", "the mayor's remarks as “just part of the harbour campaign”"),
        ("indirect", "Lena Ortiz", "that attacking him would only help him"),
    ]


def test_a_time_phrase_before_the_subject_still_gives_the_subject() -> None:
    """ "Last year, she played down …": a short opening phrase of time and its comma come
    before the subject, as "In the letter, …" does (read as nothing before)."""
    text = (
        "Ambassador Lena Ortiz spoke on Monday.\n\n"
        "Last year, she played down the mayor's remarks as “just part of the harbour "
        "campaign” and reportedly argued that attacking him would only help him.\n"
    )
    statements = extract_statements(text)
    assert [(st.speaker, st.text) for st in statements] == [
        ("Lena Ortiz", "the mayor's remarks as “just part of the harbour campaign”"),
        ("Lena Ortiz", "that attacking him would only help him"),
    ]


def test_a_quotation_led_in_by_a_comma_is_what_was_said() -> None:
    """ "shared a bit of her worry with donors at a fundraiser, “…”": the verb outside the
    reporting lexicon sets the scene; the statement is the quotation alone (it began at
    "a bit of her worry" before)."""
    text = (
        "Ambassador Lena Ortiz spoke on Monday.\n\n"
        "Ortiz shared a bit of her worry with donors at a fundraiser on the pier, “I do not "
        "know which mayor will show up on the night.”\n"
    )
    [st] = extract_statements(text)
    assert (st.speaker, st.text) == (
        "Lena Ortiz",
        "I do not know which mayor will show up on the night.",
    )


def test_a_quotation_finishing_a_that_clause_stays_with_it() -> None:
    """ "pointed to a report that a guard carried a syringe, “for patients who …”": the
    quotation completes the reported clause, so the clause stays whole."""
    text = (
        "Ambassador Lena Ortiz spoke on Monday.\n\n"
        "Ortiz pointed to a report from a harbour blog that a guard carried a syringe, "
        "“for patients who have seizures at sea.”\n"
    )
    [st] = extract_statements(text)
    assert "a guard carried a syringe, “for patients" in st.text


def test_a_participle_right_after_the_trailer_verb_is_a_second_act() -> None:
    """ "“…,” he said introducing Ortiz as a “…”": the comma after "said" was dropped, and
    the participle still hangs on the trailer (the introduction was read as nothing)."""
    text = (
        "Mayor Tom Hale spoke on Monday.\n\n"
        "“We need someone who has been tested,” he said introducing Ortiz as a “leader on "
        "the harbour. She has grit.”\n"
    )
    statements = extract_statements(text)
    assert [(st.speaker, st.text) for st in statements] == [
        ("Tom Hale", "We need someone who has been tested,"),
        ("Tom Hale", "Ortiz as a “leader on the harbour. She has grit.”"),
    ]
