"""Quotation first, attribution after it: trailers the rules used to miss (PolNeAR train
misses): a surname that is also a modal, a verb or a month ("Will", "Read", "Jun"), two
adjectives set apart by a comma inside the speaker's noun phrase, a listener after the
trailer's cue, and a scene-setting clause between the quotation and its trailer. Every
article here is written for these tests."""

from __future__ import annotations

import pytest

from storywatch.understand import extract_statements
from storywatch.understand.analysis import analyse
from storywatch.understand.statements import attribute


@pytest.mark.parametrize("surname", ["Will", "Read", "May", "Jun"])
def test_a_surname_that_is_also_a_common_word_speaks(surname: str) -> None:
    text = (
        "The harbour board met again on Tuesday.\n\n"
        f"“The closure of the north quay is a warning that the port cannot wait,” {surname} "
        "wrote.\n"
    )
    [only] = extract_statements(text)
    assert only.text.startswith("The closure of the north quay")
    assert only.speaker == surname
    assert only.speaker_mention == surname


def test_a_lone_capitalised_conjunction_is_no_speaker() -> None:
    text = "“We will rebuild the quay,” Then said the mayor, Ana Ruiz.\n"
    for st in extract_statements(text):
        assert st.speaker != "Then"


def test_comma_between_two_adjectives_of_the_speaker() -> None:
    text = (
        "“From the first day, I put the harbour before everything,” the soft-spoken, "
        "64-year-old engineer said in a long interview.\n"
    )
    [only] = extract_statements(text)
    assert only.text == "From the first day, I put the harbour before everything,"
    assert only.speaker_mention == "the soft-spoken, 64-year-old engineer"


def test_a_noun_before_the_comma_is_not_an_adjective() -> None:
    text = "“We counted every ship,” the clerk, quietly added.\n"
    for st in extract_statements(text):
        assert "clerk, quietly" not in (st.speaker_mention or "")


def test_a_short_quoted_name_inside_the_speakers_description() -> None:
    text = (
        "“We have had better conventions than this one,” Ohio delegate Mara Lind, wearing "
        "a straw hat and “Vote Lind” badges, said as the balloons came down.\n"
    )
    [only] = extract_statements(text)
    assert only.text == "We have had better conventions than this one,"
    assert only.speaker == "Mara Lind"


def test_a_quotation_carried_over_a_paragraph_break_splits_at_the_break() -> None:
    text = (
        "“The quay is a disgrace,” Ruiz said. “Nobody has mended a single plank of it in ten "
        "years, and the council knows it.\n\n"
        "“We will not wait another ten years for them,” she said.\n"
    )
    first, second, third = extract_statements(text)
    assert first.text == "The quay is a disgrace,"
    assert second.text.startswith("Nobody has mended")
    assert second.speaker == "Ruiz"
    assert third.text == "We will not wait another ten years for them,"
    assert third.speaker == "Ruiz"


def test_a_listener_after_the_trailer_cue_is_not_what_was_said() -> None:
    text = (
        "Neighbours left flowers at the gate on Sunday. He had “wanted to sail since he was "
        "six,” his oldest friend told the Harbour Gazette.\n"
    )
    [only] = extract_statements(text)
    assert only.text == "He had “wanted to sail since he was six,”"
    assert only.speaker_mention == "his oldest friend"


def test_a_question_mark_closes_a_quotation_before_its_trailer() -> None:
    text = (
        "The board met late.\n\n"
        "The mayor “promises a new quay every spring. Will it float this time?” former harbour "
        "master Ana Ruiz asked on Twitter.\n"
    )
    [only] = extract_statements(text)
    assert only.text.startswith("The mayor “promises a new quay")
    assert only.speaker == "Ana Ruiz"


def test_a_sentence_that_goes_on_after_its_trailer() -> None:
    text = (
        "The imam was tired.\n\n"
        "“It is our misfortune,” he said, that both men had once prayed at the little harbour "
        "mosque.\n"
    )
    [only] = extract_statements(text)
    assert only.text == (
        "It is our misfortune, that both men had once prayed at the little harbour mosque"
    )


def test_a_participle_after_the_trailer_describes_the_speaker() -> None:
    text = (
        "“This is a staged show and we are all props,” said delegate Tom Vance, angered that "
        "the chair ignored the motion.\n"
    )
    [only] = extract_statements(text)
    assert only.text == "This is a staged show and we are all props,"


def test_a_leading_participle_with_a_quotation_is_a_statement_of_the_subject() -> None:
    text = (
        "Citing “pressing business at the shipyard,” the mayor’s spokeswoman told reporters "
        "that Ruiz would skip the opening.\n"
    )
    statements = extract_statements(text)
    assert [st.text for st in statements] == [
        "pressing business at the shipyard,",
        "that Ruiz would skip the opening",
    ]
    assert statements[0].kind == "direct"
    assert statements[0].speaker_mention == "the mayor’s spokeswoman"


def test_a_participle_phrase_ended_before_the_quotation_is_not_one() -> None:
    text = "Noting the late hour, Ruiz said the plan was “a disgrace.”\n"
    [only] = extract_statements(text)
    assert only.speaker == "Ruiz"


def test_a_stray_mark_before_the_opening_quotation() -> None:
    text = (
        "The interview ran long.\n\n"
        '"“You do not win a port by counting its piers,” Ruiz responded before adding that '
        'she would still need the northern docks."\n'
    )
    statements = extract_statements(text)
    assert statements[0].text == "You do not win a port by counting its piers,"
    assert statements[0].speaker == "Ruiz"


def test_the_sentence_goes_on_past_the_quotation_before_its_trailer() -> None:
    text = (
        "The harbour was calm again.\n\n"
        "“There is a sense of calm now,” and bookings began to pick up again last week, "
        "Ruiz said.\n"
    )
    [only] = extract_statements(text)
    assert only.text == (
        "“There is a sense of calm now,” and bookings began to pick up again last week"
    )
    assert only.speaker == "Ruiz"


def test_the_following_statement_announces_the_next_quotation() -> None:
    text = (
        "On Sunday, harbour master Ana Ruiz issued the following statement:\n\n"
        "“Our thoughts are with the families of the crew. The port will stay closed.”\n"
    )
    [only] = extract_statements(text)
    assert only.text == "Our thoughts are with the families of the crew. The port will stay closed."
    assert only.speaker == "Ana Ruiz"


def test_a_quotation_in_a_relative_clause_about_the_speaker_is_not_said() -> None:
    text = (
        "“It was truly shameful,” said Ana Ruiz, 34, a ferry passenger who waited in an "
        "“endless line snaking around the pier” for three hours.\n"
    )
    [only] = extract_statements(text)
    assert only.text == "It was truly shameful,"
    assert only.speaker == "Ana Ruiz"


def test_a_quotation_after_the_trailer_goes_on_with_the_first() -> None:
    text = "“We will reopen,” Ruiz said in an interview, “but not before the spring.”\n"
    [only] = extract_statements(text)
    assert only.text == "We will reopen, but not before the spring."


def test_before_adding_starts_a_second_act_of_the_same_speaker() -> None:
    text = (
        "“Thank you, friend,” Ruiz replied, before adding that she thinks “the pier should "
        "stay open all winter.”\n"
    )
    first, second = extract_statements(text)
    assert first.text == "Thank you, friend,"
    assert second.text.startswith("that she thinks")
    assert second.speaker == first.speaker == "Ruiz"


def test_according_to_at_the_end_reports_the_whole_sentence() -> None:
    text = (
        "On Sunday, the mayor made clear the closure was temporary, saying that anyone who "
        "doubted it should “come and see the new pier,” according to the Harbour Gazette.\n"
    )
    [only] = extract_statements(text)
    assert only.text.startswith("On Sunday, the mayor made clear")
    assert only.speaker_mention == "the Harbour Gazette"
    assert only.cue == "according to"


def test_a_role_at_a_named_place_then_the_name_speaks() -> None:
    text = "“He never once missed a tide,” said his oldest friend at Dunmore, Tom Vance.\n"
    [only] = extract_statements(text)
    assert only.speaker == "Tom Vance"


def test_a_subordinate_clause_between_the_quotation_and_its_trailer() -> None:
    text = (
        "“What this vote could change is stunning,” since most harbour rulings were decided "
        "by one vote, said Ana Ruiz, who teaches maritime law.\n"
    )
    [only] = extract_statements(text)
    assert only.speaker == "Ana Ruiz"


def test_a_leading_participle_whose_main_clause_has_no_cue() -> None:
    text = (
        "Citing the storm as a warning to the council and its “dreams of a harbour that "
        "never floods,” Will urged the board to drop the plan.\n"
    )
    [only] = extract_statements(text)
    assert only.text.startswith("the storm as a warning")
    assert only.speaker == "Will"


def test_a_quotation_with_its_trailer_inside_brackets() -> None:
    text = (
        "Members pushed back at once (“I want my dues back,” wrote Tom Vance, a welder in "
        "Dunmore, on the union's page), and the vote was delayed.\n"
    )
    statements = extract_statements(text)
    assert statements[0].text == "I want my dues back,"
    assert statements[0].speaker == "Tom Vance"


def test_a_few_words_after_a_trailer_cue_are_the_listener_not_what_was_said() -> None:
    text = "He had “wanted to sail since he was 6,” his childhood friend told The Valdora Herald.\n"
    [found] = attribute(analyse(text))
    assert [text[a:b] for a, b in found.parts] == ["He had “wanted to sail since he was 6,”"]
    assert found.speaker.name == "his childhood friend"


@pytest.mark.parametrize("opener", ["since the vote on Tuesday", "if the board agrees"])
def test_a_scene_setting_clause_between_quotation_and_trailer_is_no_speaker(opener: str) -> None:
    text = (
        "The harbour board met again on Tuesday.\n\n"
        f"“The north quay will close for good,” {opener}, said Ana Ruiz.\n"
    )
    [only] = extract_statements(text)
    assert only.speaker == "Ana Ruiz"


@pytest.mark.parametrize(
    ("trailer", "show"),
    [
        ("the minister said on Channel Nine’s “Harbour Watch.”", "Harbour Watch"),
        ("the minister told “Morning Tide” on Sunday.", "Morning Tide"),
    ],
)
def test_a_programme_named_in_the_trailer_is_not_part_of_the_quotation(
    trailer: str, show: str
) -> None:
    text = f"“We will not sell the ferry line,” {trailer}\n"
    [only] = extract_statements(text)
    assert only.text.startswith("We will not sell the ferry line")
    assert show not in only.text
    assert only.speaker == "the minister"


def test_words_after_the_trailer_still_go_on_with_the_quotation() -> None:
    text = "“We are ready,” the minister said, “and the ferry will sail in May.”\n"
    [only] = extract_statements(text)
    assert only.text.endswith("the ferry will sail in May.")


def test_came_a_noun_of_speech_from_a_speaker_is_an_inverted_trailer() -> None:
    text = (
        "“Count the votes,” came shouts from the crowd, as the delegates booed.\n\n"
        "“Not tonight,” came the reply from Mayor Ana Ruiz.\n"
    )
    first, second = extract_statements(text)
    assert (first.text, first.speaker) == ("Count the votes,", "the crowd")
    assert (second.text, second.speaker) == ("Not tonight,", "Ana Ruiz")


def test_came_a_noun_of_speech_from_a_place_names_no_speaker() -> None:
    text = "Ruiz spoke.\n\n“Not tonight,” came the reply from the back of the hall.\n"
    assert not any(st.speaker in ("the", "the reply") for st in extract_statements(text))


def test_a_scene_set_off_by_commas_in_the_trailer_holds_no_cue() -> None:
    # The verb of "when campaigns took on that work" is the scene's, not a cue: the
    # trailer's cue is "says", after the comma that closes the scene.
    text = (
        "“These groups have been setting the table for voters,” in sharp contrast to earlier "
        "years when campaigns took on that work, says Dana Ruiz, a political scientist.\n"
    )
    [only] = extract_statements(text)
    assert only.speaker == "Dana Ruiz"
