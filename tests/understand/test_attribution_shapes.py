"""Attribution shapes added after the first cut: a second act of speech in one sentence,
trailers with unusual subjects or verbs, colon and dash-credited quotations, and verbs that
only attribute the quotation they govern. Every article here is written for these tests."""

from __future__ import annotations

from storywatch.understand import extract_statements


def test_adding_that_is_a_second_statement_by_the_same_speaker() -> None:
    text = (
        "“We will rebuild the pier,” Mayor Ana Ruiz said, adding that the council would "
        "“find the money somewhere.”\n"
    )
    first, second = extract_statements(text)
    assert first.text == "We will rebuild the pier,"
    assert first.cue == "said"
    assert second.speaker == first.speaker == "Ana Ruiz"
    assert second.cue == "adding"
    assert second.kind == "direct"
    assert second.text.startswith("that the council would")
    assert second.text.endswith("“find the money somewhere.”")


def test_and_said_splits_a_reported_clause_in_two() -> None:
    text = (
        "Harbour master Olaf Nygaard said the breakwater was “safe again” and said the ferries "
        "would “run by June at the latest.”\n"
    )
    first, second = extract_statements(text)
    assert first.speaker == second.speaker == "Olaf Nygaard"
    assert first.text == "the breakwater was “safe again”"
    assert second.text == "the ferries would “run by June at the latest.”"


def test_who_said_after_an_inverted_attribution() -> None:
    text = (
        "“It was chaos on the quay,” said Tomas Berg, who said the crews had “never seen "
        "waves like that.”\n"
    )
    first, second = extract_statements(text)
    assert first.text == "It was chaos on the quay,"
    assert second.speaker == "Tomas Berg"
    # the "who" right after the trailer's speaker is that speaker, read as the trailer names them
    assert second.speaker_mention == "Tomas Berg"
    assert second.text.startswith("the crews had")


def test_trailer_subject_may_be_any_determined_noun_phrase() -> None:
    text = "“We saw the water rise over the wall,” the fisherman said.\n"
    [s] = extract_statements(text)
    assert s.speaker == "the fisherman"
    assert s.text == "We saw the water rise over the wall,"


def test_trailer_with_a_long_appositive() -> None:
    text = (
        "“The budget is sound and the reserves are ample,” Lena Park, an economist at the "
        "Northern Institute who advised two finance ministers on tax policy, wrote.\n"
    )
    [s] = extract_statements(text)
    assert s.speaker == "Lena Park"
    assert s.cue == "wrote"


def test_any_past_tense_verb_after_a_quotation_ending_in_a_comma() -> None:
    text = "“Enough is enough,” bellowed Olaf Berg from the back of the hall.\n"
    [s] = extract_statements(text)
    assert s.speaker == "Olaf Berg"
    assert s.cue == "bellowed"
    assert s.text == "Enough is enough,"


def test_colon_introduces_a_quotation_after_any_verb() -> None:
    text = "Governor Ann Whitfield resisted: “We will not close a single school this winter.”\n"
    [s] = extract_statements(text)
    assert s.kind == "direct"
    assert s.speaker == "Ann Whitfield"
    assert s.text == "We will not close a single school this winter."


def test_quotation_after_a_colon_keeps_its_trailer_attribution() -> None:
    text = (
        "Maria Lopez spoke to the crowd.\n\n"
        "But the mayor was blunt: “The pier is gone and it is not coming back,” Lopez recalled.\n"
    )
    [s] = extract_statements(text)
    assert s.speaker == "Maria Lopez"
    assert s.cue == "recalled"
    assert s.text == "The pier is gone and it is not coming back,"


def test_dash_credit_line_names_the_speaker() -> None:
    text = (
        "The storm passed overnight.\n\n"
        "“The harbour is our life and we will not leave it.”\n\n"
        "– Maria Lopez, Portsmouth.\n"
    )
    [s] = extract_statements(text)
    assert s.speaker == "Maria Lopez"
    assert s.text == "The harbour is our life and we will not leave it."


def test_dash_credit_on_the_same_line() -> None:
    text = "“Nobody asked the fishermen what they wanted.” — Peter Holm\n"
    [s] = extract_statements(text)
    assert s.speaker == "Peter Holm"


def test_verb_that_governs_a_quotation() -> None:
    text = "Senator Ben Holm defended the harbour plan as a “fair deal for every family.”\n"
    [s] = extract_statements(text)
    assert s.kind == "direct"
    assert s.speaker == "Ben Holm"
    assert s.cue == "defended"
    assert s.text == "the harbour plan as a “fair deal for every family.”"


def test_same_verb_without_a_quotation_is_no_statement() -> None:
    text = "Senator Ben Holm defended the harbour plan on Tuesday.\n"
    assert extract_statements(text) == []


def test_that_clause_before_a_comma_and_quotation_is_the_content() -> None:
    text = "Okafor told the council that if the money runs out, “we close the pool in March.”\n"
    [s] = extract_statements(text)
    assert s.speaker == "Okafor"
    assert s.text.startswith("that if the money runs out")


def test_title_on_its_own_line_does_not_continue_a_quotation() -> None:
    text = "“We will rebuild the pier,” Ana Ruiz said.\n\n“The Quiet Harbour”\n"
    [s] = extract_statements(text)
    assert "Quiet Harbour" not in s.text


def test_any_verb_then_comma_opens_a_quotation_running_to_the_end() -> None:
    text = "At the debate, Clara Jensen cracked, “I am a patient woman, but not that patient.”\n"
    [s] = extract_statements(text)
    assert s.speaker == "Clara Jensen"
    assert s.cue == "cracked"
    assert s.text == "I am a patient woman, but not that patient."


def test_cue_with_comma_and_quotation_accepts_an_unnamed_subject() -> None:
    text = "Another commenter said, “We all know how the council feels about the harbour.”\n"
    [s] = extract_statements(text)
    assert s.speaker_mention == "Another commenter"
    assert s.text.startswith("We all know")


def test_short_sentence_ending_on_its_cue_announces_the_quotation() -> None:
    text = (
        "Harbour economist Lena Park agreed. “The ferries are running out of time to change "
        "course.”\n"
    )
    [s] = extract_statements(text)
    assert s.speaker == "Lena Park"
    assert s.cue == "agreed"
    assert s.text == "The ferries are running out of time to change course."


def test_inverted_cue_after_a_clause_ending_in_a_partial_quotation() -> None:
    text = (
        "The port should expand its fleet “as quickly as possible, as much as possible,” said "
        "Hans Bartels, a member of the harbour board.\n"
    )
    [s] = extract_statements(text)
    assert s.speaker == "Hans Bartels"
    assert s.kind == "direct"
    assert s.text.startswith("The port should expand its fleet")
