"""A speech act written as a noun with its owner ("her remark that “…”", "his promise to
be “neutral”"): the owner spoke, the clause after the noun is what was said. Every article
here is written for these tests."""

from __future__ import annotations

from storywatch.understand import extract_statements


def test_the_owner_of_a_remark_spoke_the_clause_after_it() -> None:
    text = (
        "Mayor Ana Orlov spoke first.\n\n"
        "The board was unmoved by her remark that “the quay was never safe” and voted to "
        "reopen it.\n"
    )
    [st] = [st for st in extract_statements(text) if "never safe" in st.text]
    assert st.kind == "direct"
    assert st.speaker == "Ana Orlov"
    assert st.text == "that “the quay was never safe”"


def test_a_possessive_owner_is_the_name_earlier_in_its_sentence() -> None:
    text = (
        "Mayor Ana Orlov spoke first.\n\n"
        "As the hearing dragged on, Peter Lund stood by his claim that “nobody was hurt,” refusing "
        "to apologise.\n"
    )
    [st] = [st for st in extract_statements(text) if "nobody was hurt" in st.text]
    assert st.speaker == "Peter Lund"


def test_a_promise_inside_a_longer_subject_ends_at_its_comma() -> None:
    text = (
        "Mayor Ana Orlov spoke first.\n\n"
        "Her past statements, including her promise to stay “strictly neutral” on the port "
        "deal, have worried the unions.\n"
    )
    [st] = [st for st in extract_statements(text) if "neutral" in st.text]
    assert st.text == "to stay “strictly neutral” on the port deal"
    assert st.speaker == "Ana Orlov"


def test_a_possessive_owner_is_the_sentence_subject_not_the_last_woman_named() -> None:
    # "her" read as a plain pronoun would go back to the mayor; the first fitting name in its
    # own sentence owns the claim.
    text = (
        "Ana Orlov spoke first at the hearing.\n\n"
        "In the afternoon Maria Lund, a friend of the mayor, was criticised over her claim "
        "that “nobody was hurt on the quay.”\n"
    )
    [st] = [st for st in extract_statements(text) if "nobody was hurt" in st.text]
    assert st.speaker == "Maria Lund"


def test_what_someone_said_can_follow_their_answer_and_was_that() -> None:
    text = (
        "Governor Elena Varga took questions at the town hall.\n\n"
        "Varga’s answer to the farmers was that “the canal will be finished by spring,” so "
        "the tolls would stay.\n"
    )
    [st] = [st for st in extract_statements(text) if "canal" in st.text]
    assert st.kind == "direct"
    assert st.speaker == "Elena Varga"
    assert st.text.startswith("that “the canal will be finished by spring,”")


def test_an_aside_and_a_that_earlier_in_the_subject_do_not_stop_the_copula() -> None:
    text = (
        "Senator Tomas Brandt spoke to reporters on Monday.\n\n"
        "His assumption in that interview, repeated later, was that “voters will come "
        "back” before the vote.\n"
    )
    [st] = [st for st in extract_statements(text) if "voters will" in st.text]
    assert st.speaker == "Tomas Brandt"
    assert st.text == "that “voters will come back” before the vote"


def test_a_noun_that_names_no_speech_is_no_statement_before_was_that() -> None:
    text = (
        "Senator Tomas Brandt spoke to reporters on Monday.\n\n"
        "His problem was that the “new” bridge had already cracked.\n"
    )
    assert not [st for st in extract_statements(text) if "bridge" in st.text]


def test_a_bare_noun_after_a_possessive_is_no_verb_of_its_owner() -> None:
    # "the Harbour Board's report" is a noun: the spokesman who "but said" speaks
    text = (
        "A spokesman for Velmora Ferries declined to address the Harbour Board's report "
        'directly but said in a statement that "every crossing met the safety code."\n'
    )
    [st] = [st for st in extract_statements(text) if "safety code" in st.text]
    assert st.speaker == "A spokesman for Velmora Ferries"


def test_a_bare_noun_before_that_still_gives_its_owners_words() -> None:
    text = "Reporters seized on Peter Lund's claim that the council “sank the ferry.”\n"
    [st] = [st for st in extract_statements(text) if "sank the ferry" in st.text]
    assert (st.text, st.speaker) == ("that the council “sank the ferry.”", "Peter Lund")
