"""A second act after a quotation and its trailer by a verb that attributes the quotation it
governs ("“…,” Okafor said, mentioning …", "…,” the board said, reasoning that …"). Every
article here is written for these tests. (A second act hung on a *partial* quotation, "… a
“coward” and questioning why …", is not read: the sixth round kept that reading out after
it failed the speaker check, and it fails it again.)"""

from __future__ import annotations

from storywatch.understand import extract_statements


def test_a_participle_after_a_trailer_is_a_second_act_not_more_of_the_quotation() -> None:
    text = (
        "“We finished twelve songs over the winter,” the singer Ada Obi said, mentioning "
        "that the band's new record is “nearly ready for the printers.”\n"
    )
    first, second = extract_statements(text)
    assert first.text == "We finished twelve songs over the winter,"
    assert second.text == "that the band's new record is “nearly ready for the printers.”"
    assert second.cue == "mentioning"
    assert first.speaker == second.speaker == "Ada Obi"


def test_a_participle_with_its_preposition_after_a_trailer() -> None:
    text = (
        "“Voters will see a calmer candidate,” Mr. Halloran continued, referring to more "
        "visits to factories and “quieter settings.”\n"
    )
    first, second = extract_statements(text)
    assert first.text == "Voters will see a calmer candidate,"
    assert second.text == "more visits to factories and “quieter settings.”"
    assert second.cue == "referring"
    assert first.speaker == second.speaker == "Halloran"


def test_reasoning_after_a_trailer_is_a_second_act() -> None:
    text = (
        "“The candidate may stand in the county,” the panel said, reasoning that she "
        "“never gave up her residence here.”\n"
    )
    first, second = extract_statements(text)
    assert first.text == "The candidate may stand in the county,"
    assert second.text == "that she “never gave up her residence here.”"
    assert second.cue == "reasoning"
    assert first.speaker == second.speaker == "the panel"


def test_a_participle_after_a_reported_clause_is_left_to_the_clause() -> None:
    text = "Ruiz continued her attack on the port board, mocking its “paper harbour.”\n"
    [only] = extract_statements(text)
    assert only.speaker == "Ruiz"
    assert "mocking" in only.text


def test_after_another_speakers_act_the_trailer_ends_the_first_quotation() -> None:
    text = (
        "“The ferry plan is a fantasy,” Councillor Adaeze Nwosu wrote on Friday after the "
        "mayor argued that the new boats would be “running by the summer.”\n"
    )
    first, second = extract_statements(text)
    assert first.text == "The ferry plan is a fantasy,"
    assert first.speaker == "Adaeze Nwosu"
    assert second.text == "that the new boats would be “running by the summer.”"
    assert second.speaker == "the mayor"
    assert second.cue == "argued"


def test_after_the_same_speakers_participle_the_quotation_is_that_acts() -> None:
    text = (
        "“Every post is under review,” Tomasz Wrona told the radio station after hinting "
        "that “big changes” were coming.\n"
    )
    first, second = extract_statements(text)
    assert first.text == "Every post is under review,"
    assert second.text == "that “big changes” were coming"
    assert first.speaker == second.speaker == "Tomasz Wrona"


def test_a_quotation_inside_a_later_clause_of_the_trailer_is_not_more_of_it() -> None:
    text = (
        "“We sold it at the right time,” she said, as recalled by her brother in a letter "
        "to the board that described the sale as “a small miracle.”\n"
    )
    first = extract_statements(text)[0]
    assert first.text == "We sold it at the right time,"
    assert first.speaker == "she"


def test_a_bare_quotation_after_a_second_act_goes_on_with_the_whole_quotation() -> None:
    text = (
        "“Every post is under review,” Tomasz Wrona told the radio station after hinting "
        "that “big changes” were coming. “Nothing is safe, not even my own job.”\n"
    )
    by_text = {s.text: s for s in extract_statements(text)}
    assert by_text["that “big changes” were coming"].cue == "hinting"
    bare = by_text["Nothing is safe, not even my own job."]
    assert bare.speaker == "Tomasz Wrona"
    assert bare.cue == by_text["Every post is under review,"].cue == "told"


def test_a_bare_quotation_after_a_reported_clause_still_goes_on_with_it() -> None:
    text = (
        "Tomasz Wrona said that “big changes” were coming. “Nothing is safe, not even my "
        "own job.”\n"
    )
    first, second = extract_statements(text)
    assert first.cue == second.cue == "said"
    assert second.text == "Nothing is safe, not even my own job."


def test_a_second_speaker_after_as_is_that_speakers_act() -> None:
    text = (
        "“There seems to be a gentleman here with some concerns,” Okafor said as the "
        "protester shouted: “Go back to the harbour!”\n"
    )
    first, second = extract_statements(text)
    assert first.text == "There seems to be a gentleman here with some concerns,"
    assert first.speaker == "Okafor"
    assert second.text == "Go back to the harbour!"
    assert second.speaker == "the protester"
    assert second.cue == "shouted"


def test_a_second_speaker_after_while_is_that_speakers_act() -> None:
    text = (
        "“We will keep the pier open,” Mayor Ruiz told the council while a resident "
        "called out, “Not for long!”\n"
    )
    first, second = extract_statements(text)
    assert first.text == "We will keep the pier open,"
    assert first.speaker == "Ruiz"
    assert second.text == "Not for long!"
    assert second.speaker == "a resident"


def test_a_scene_after_as_leaves_the_quotation_whole() -> None:
    text = "“We are ready for the storm,” Vale said as the crowd cheered.\n"
    [only] = extract_statements(text)
    assert only.text == "We are ready for the storm,"
    assert only.speaker == "Vale"


def test_a_clause_after_as_or_while_that_only_mentions_words_is_the_writers() -> None:
    text = (
        "“We never met,” Ruiz wrote on Friday, naming Vale, who is listed as one of the "
        "mayor’s alleged “partners” in the filings.\n"
        "“The vote is close,” the pollster said, while Vale leads among those who call "
        "themselves “very sure.”\n"
    )
    statements = extract_statements(text)
    assert [st.text for st in statements if st.speaker in ("the pollster", "Vale")] == [
        "The vote is close,"
    ]
    assert not any(st.text.startswith("“partners”") for st in statements)


def test_meaning_after_a_trailer_glosses_in_the_speakers_words() -> None:
    text = (
        "“Stubborn,” she said, meaning that the mayor is “hard to move” and does what "
        "he wants “no matter what.”\n"
    )
    first, second = extract_statements(text)
    assert first.text == "Stubborn,"
    assert second.text.startswith("that the mayor is “hard to move” and does")
    assert second.text.endswith("“no matter what.”")
    assert second.cue == "meaning"
    assert first.speaker == second.speaker
