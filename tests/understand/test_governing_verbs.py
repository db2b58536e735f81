"""Partial quotations governed by a verb whose subject opens the sentence: "Halvorsen toured
the docks and said the plan was “dead on arrival.”" Every article here is written for these
tests."""

from __future__ import annotations

from storywatch.understand import extract_statements


def test_a_one_word_name_is_the_subject_of_a_verb_joined_by_and() -> None:
    text = (
        "The harbour plan lost another backer on Monday, when Senator Ilse Halvorsen said "
        "she could no longer support it.\n\n"
        "Halvorsen toured the docks on Friday and said that the plan was “dead on arrival” "
        "in the Senate.\n"
    )
    joined = [st for st in extract_statements(text) if "dead on arrival" in st.text]
    assert len(joined) == 1
    assert joined[0].kind == "direct"
    assert "Halvorsen" in joined[0].speaker
    assert joined[0].text.startswith("that the plan")


def test_a_cue_between_the_name_and_the_joined_verb_keeps_the_clause_whole() -> None:
    text = (
        "The mayor met Senator Ilse Halvorsen on Monday.\n\n"
        "Halvorsen says she would call the board in and tell it “enough is enough” before "
        "the vote.\n"
    )
    [st] = [st for st in extract_statements(text) if "enough" in st.text]
    assert st.text.startswith("she would call the board in")


def test_a_long_quotation_closing_what_any_verb_governs_is_the_subjects() -> None:
    text = (
        "The harbour board met on Tuesday.\n\n"
        "Lena Marsh, the board's chair, welcomed “the admission that the old port cannot "
        "pay for itself any longer.”\n"
    )
    [st] = extract_statements(text)
    assert st.kind == "direct"
    assert st.speaker == "Lena Marsh"
    assert st.text.startswith("the admission that the old port")


def test_the_verb_of_an_aside_closed_before_the_quotation_governs_nothing() -> None:
    # "who won 5,000 votes" is set off by commas and closes before the main verb: the
    # quotation is what "welcomed" governs, not the aside's "won".
    text = (
        "The harbour board met on Tuesday.\n\n"
        "Lena Marsh, who won 5,000 votes, welcomed “the admission that the old port cannot "
        "pay for itself any longer.”\n"
    )
    [st] = extract_statements(text)
    assert st.speaker == "Lena Marsh"
    assert st.text == "the admission that the old port cannot pay for itself any longer."


def test_the_verb_of_a_whose_aside_governs_nothing_either() -> None:
    text = (
        "The harbour board met on Tuesday.\n\n"
        "Lena Marsh, whose aide drafted the plan, welcomed “the admission that the old port "
        "cannot pay for itself any longer.”\n"
    )
    [st] = extract_statements(text)
    assert st.speaker == "Lena Marsh"
    assert st.text == "the admission that the old port cannot pay for itself any longer."


def test_a_short_quotation_after_an_ordinary_verb_is_a_term_not_words() -> None:
    text = (
        "The harbour board met on Tuesday.\n\n"
        "Lena Marsh, the board's chair, toured the new “green port.”\n"
    )
    assert extract_statements(text) == []


def test_a_role_owned_by_a_place_gives_way_to_the_name_after_it() -> None:
    text = (
        "And Valdora’s attorney general, Nadia Orlov, vowed to pursue “anyone who profits "
        "from the harbour fraud.”\n"
    )
    [st] = extract_statements(text)
    assert st.speaker == "Nadia Orlov"
    # The name is who is written as speaking, and the role (without its owner) her title.
    assert st.speaker_mention == "Nadia Orlov"
    assert st.speaker_title == "attorney general"
    assert st.text.startswith("to pursue")


def test_a_participle_after_a_comma_shares_the_sentence_subject() -> None:
    text = (
        "Former Harbour Commissioner Ana Ruiz clashed with Lund during the inquiry, chiding "
        "him, “Where were you when the water came?” when asked about the flood.\n"
    )
    [st] = extract_statements(text)
    assert "Ana Ruiz" in st.speaker
    # The listener is not what was said: the quotation closes on its own question mark.
    assert st.text == "Where were you when the water came?"


def test_a_participle_right_after_the_subject_is_an_aside() -> None:
    text = (
        "Ruiz Delgado, citing “the worst flood in forty years,” said the quay would stay "
        "closed until spring.\n"
    )
    # The aside's quotation is the subject's own act on "citing" (the broad reader does not
    # hang it on another subject), and never runs on into what the main verb reports.
    for st in extract_statements(text):
        assert st.speaker == "Ruiz Delgado"
        assert not ("worst flood" in st.text and "until spring" in st.text)
    cited = [st for st in extract_statements(text) if st.cue == "citing"]
    assert [st.text for st in cited] == ["the worst flood in forty years,"]


def test_a_participle_before_the_long_quotation_governs_it() -> None:
    text = (
        "Lena Marsh, the board's chair, has promoted a frugal plan in several speeches, "
        "advising young engineers to “build what the harbour can pay for and nothing more.”\n"
    )
    [st] = extract_statements(text)
    assert st.speaker == "Lena Marsh"
    assert st.text.startswith("young engineers to")


def test_a_subject_in_an_opening_as_clause_does_not_speak_for_the_main_clause() -> None:
    text = (
        "As Lena Marsh spoke, the crowd outside was waving placards against “any deal that "
        "cuts a single job at the port.”\n"
    )
    assert all(st.speaker != "Lena Marsh" for st in extract_statements(text))


def test_a_subject_after_but_keeps_its_long_appositive() -> None:
    text = (
        "But Tomas Feld, the head of Harbour Watch, a group that has sued the port board "
        "twice, said that “the damage is already done.”\n"
    )
    [st] = extract_statements(text)
    assert st.speaker == "Tomas Feld"
    assert "the damage is already done" in st.text


def test_a_share_of_those_polled_speaks() -> None:
    text = (
        "The harbour poll asked 900 residents about the quay.\n\n"
        "Several said the board should pay for repairs through “a special harbour levy” on "
        "cruise ships.\n"
    )
    [st] = [st for st in extract_statements(text) if "levy" in st.text]
    assert st.kind == "direct"
    assert st.speaker_mention == "Several"


def test_an_opening_adverb_and_comma_are_not_the_subject() -> None:
    text = (
        "Orlov and Marsh met on Friday.\n\n"
        "However, he held his fire on the mayor, calling her a “decent woman” before he left.\n"
    )
    [st] = [st for st in extract_statements(text) if "decent" in st.text]
    assert st.speaker_mention == "he"
    assert st.text.startswith("her a “decent woman”")


def test_a_name_after_an_opening_phrase_is_the_subject_of_a_joined_verb() -> None:
    text = (
        "The harbour plan lost another backer on Monday.\n\n"
        "On Friday, Ilse Halvorsen toured the docks and declared in an interview that the plan "
        "was “dead on arrival” in the Senate.\n"
    )
    [st] = [st for st in extract_statements(text) if "dead on arrival" in st.text]
    assert st.speaker == "Ilse Halvorsen"
    assert st.text.startswith("that the plan")


def test_a_title_in_the_appositive_does_not_cut_off_the_subject() -> None:
    text = (
        "Mara Quist, the author of “Harbour Lights,” about the old port, said the days when "
        "the town had “a single shared story” are gone.\n"
    )
    [st] = extract_statements(text)
    assert st.speaker == "Mara Quist"
    assert "a single shared story" in st.text


def test_a_new_subject_after_a_closed_quotation_starts_a_second_act() -> None:
    text = (
        "The harbour poll asked residents whether the quay would reopen.\n\n"
        "Of those asked, 30 percent said “very likely” and 12 percent said “not at all likely.”\n"
    )
    acts = extract_statements(text)
    assert [st.text for st in acts] == ["“very likely”", "not at all likely."]
    assert [st.speaker_mention for st in acts] == ["30 percent", "12 percent"]


def test_but_with_a_new_subject_after_a_quotation_starts_a_second_act() -> None:
    text = (
        "Advisers urged Orlov to sound “calm and presidential,” but Marsh said she replied: "
        "“When the water is rising, you can't be calm.”\n"
    )
    acts = extract_statements(text)
    assert [st.speaker for st in acts] == ["Advisers", "Marsh"]
    assert acts[0].text == "Orlov to sound “calm and presidential,”"


def test_a_verb_that_acts_is_no_inversion_when_a_quotation_follows_its_object() -> None:
    text = (
        "Lena Marsh, host of radio’s “Harbour Hour,” thanked the mayor for “keeping every "
        "dock open this winter.”\n"
    )
    [st] = extract_statements(text)
    assert st.speaker == "Lena Marsh"
    assert "keeping every dock open" in st.text


def test_a_title_in_the_appositive_does_not_hide_the_subject_of_a_governing_verb() -> None:
    text = (
        "When she returned, Ana Ruiz, the author of “Harbour Lights,” began by saying, "
        "“Not today, not ever.”\n"
    )
    [st] = extract_statements(text)
    assert st.speaker == "Ana Ruiz"
    assert st.text == "Not today, not ever."


def test_a_plural_noun_after_a_possessive_is_no_verb_governing_a_long_quotation() -> None:
    """ "Okafor's latest victories unleashed a wave of comments, from … to hopes she will
    lift the port “out of its long quagmire at last”": "victories" is a noun, so neither
    Okafor nor anyone else said the words after it (read as Okafor's before this change)."""
    text = (
        "Ruth Okafor won the harbour vote on Tuesday.\n\n"
        "Ruth Okafor's latest victories in the race for the harbour board unleashed a wave "
        "of comments across the city's "
        "forums, from praise for her “steady hand” to hopes she will lift the port “out of its "
        "long quagmire at last.”\n"
    )
    assert [st for st in extract_statements(text) if "quagmire" in st.text] == []


def test_a_possessive_before_a_description_keeps_a_name_subject_of_its_verb() -> None:
    text = (
        "The harbour's director, Ruth Okafor, welcomed “the recognition that we do not have "
        "all the tools we need.”\n"
    )
    [st] = extract_statements(text)
    assert st.speaker == "Ruth Okafor"


def test_a_subject_in_a_where_clause_does_not_speak_for_the_main_clause() -> None:
    """ "… at the event where Okafor and Ruiz appeared Sunday, Berg landed a dig at “…”": the
    clause of place ends at its comma, and the main clause's subject governs the
    quotation."""
    text = (
        "The harbour board met on Sunday.\n\n"
        "Filling in for Lena Marsh at the same forum where Ana Okafor and Ilse Ruiz spoke "
        "Sunday, Tomas Berg landed a sharp dig at “my dear friend and rival Ilse Ruiz.”\n"
    )
    [st] = extract_statements(text)
    assert st.speaker == "Tomas Berg"
    assert st.text.startswith("a sharp dig at")


def test_a_subject_in_an_opening_after_clause_gives_way_to_the_main_subject() -> None:
    """ "After the council refused to act, Gov. Vale blamed the board's “…”": the subject of
    the opening clause stands after a determiner, and still not in the main clause."""
    text = (
        "The harbour board met on Sunday.\n\n"
        "And after the Harbour Council refused to reopen the dock, Mayor Tomas Berg blamed "
        "the council's “three timid members who blocked every plan for the port.”\n"
    )
    [st] = extract_statements(text)
    assert st.speaker == "Tomas Berg"
    assert st.text.startswith("the council's")
