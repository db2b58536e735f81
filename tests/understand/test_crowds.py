"""Words a crowd chants or shouts: the verb of crying out credits the quotation after it,
even a slogan in Title Case, to its subject; "chants of “…”" to the owner or the noun as
written. Every article here is written for these tests."""

from __future__ import annotations

from storywatch.understand import extract_statements


def test_a_slogan_in_title_case_is_what_the_subject_chanted() -> None:
    text = "The harbour workers chanted “Save Our Docks.”\n"
    [st] = [st for st in extract_statements(text) if "Save Our Docks" in st.text]
    assert st.kind == "direct"
    assert st.speaker == "The harbour workers"
    assert st.text == "Save Our Docks."


def test_a_participle_chants_for_the_subject_of_the_clause_before_it() -> None:
    text = (
        "Outside the town hall on Tuesday, about 300 protesters gathered in the square, "
        "waving flags and chanting “Keep the Quay Open.”\n"
    )
    [st] = [st for st in extract_statements(text) if "Keep the Quay" in st.text]
    assert st.speaker == "about 300 protesters"
    assert st.text == "Keep the Quay Open."


def test_jeers_joined_by_and_are_one_act() -> None:
    text = "As the minister left the quay, the dockers jeered, “Go home!” and “Shame!”\n"
    [st] = [st for st in extract_statements(text) if "Go home" in st.text]
    assert st.text == "Go home! Shame!"
    assert st.speaker == "the dockers"


def test_chants_of_a_slogan_credit_the_noun_the_sentence_names() -> None:
    text = "The mayor was met with loud chants of “Resign Now” as she left the ferry.\n"
    [st] = [st for st in extract_statements(text) if "Resign Now" in st.text]
    assert st.text == "Resign Now"
    assert st.speaker == "loud chants"


def test_a_possessive_before_chants_of_owns_them() -> None:
    text = (
        "Ana Orlov spoke to the dockers.\n\n"
        "Her supporters cheered, and her chants of “Orlov! Orlov!” drowned out the band.\n"
    )
    [st] = [st for st in extract_statements(text) if "Orlov!" in st.text]
    assert st.speaker == "Ana Orlov"


def test_a_passive_verb_is_no_part_of_who_chanted() -> None:
    text = "The screens showed the party, where his supporters were shown chanting “Ana! Ana!”\n"
    [st] = [st for st in extract_statements(text) if "Ana!" in st.text]
    assert st.speaker == "his supporters"


def test_a_clause_opened_by_when_gives_its_subject_without_it() -> None:
    text = (
        "Trouble began at the quay, when harbour protesters blocked the ferry, shouting "
        "“Not One More Cut.”\n"
    )
    [st] = [st for st in extract_statements(text) if "Not One More" in st.text]
    assert st.speaker == "harbour protesters"


def _crowd(text: str, words: str) -> tuple[str, str]:
    [st] = [st for st in extract_statements(text) if words in st.text and st.kind == "direct"]
    return st.text, st.speaker


def test_a_participle_after_a_long_clause_chants_for_its_subject() -> None:
    # the general readers took the noun phrase before the comma (the summit)
    text = (
        "Hundreds of dock workers marched through the harbor district on the first day of "
        'the Velmora Trade Summit on Monday, chanting "No deal, no peace."\n'
    )
    assert _crowd(text, "No deal")[1] == "Hundreds of dock workers"


def test_a_participle_after_a_clause_set_off_by_dashes() -> None:
    text = (
        "Okafor spoke just down the street from the Port Tower — now owned by a Velmora "
        "fund — where about 50 protesters had gathered on Wednesday, chanting "
        '"no contract, no peace" after the union failed to reach a deal.\n'
    )
    assert _crowd(text, "no contract") == ('"no contract, no peace"', "about 50 protesters")


def test_joining_in_a_chant_is_the_subjects_act() -> None:
    text = 'Outside, the crowd broke into chants of "Okafor! Okafor!" as she left.\n'
    assert _crowd(text, "Okafor!") == ("Okafor! Okafor!", "the crowd")


def test_a_conjunction_before_the_chant_noun_is_no_part_of_who_chanted() -> None:
    text = (
        "When the vote was called, the dock delegates broke out in a chorus of booing "
        "and loud chants of “shame.”\n"
    )
    [st] = [st for st in extract_statements(text) if "shame" in st.text]
    assert st.kind == "direct"
    assert st.speaker == "loud chants"
    assert st.text == "shame."


def test_the_one_roused_to_chants_chanted() -> None:
    text = (
        "Casting himself as a judge, Mr. Okafor roused the crowd to spontaneous chants of "
        "''Close the port!''\n"
    )
    [st] = [st for st in extract_statements(text) if "Close the port" in st.text]
    assert st.speaker == "the crowd"
    assert st.text == "Close the port!"
