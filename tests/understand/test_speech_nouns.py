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
