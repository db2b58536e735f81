"""Each construct of attribution, on short articles written for these tests."""

from __future__ import annotations

from storywatch.understand import extract_statements


def test_straight_quotes_with_trailing_attribution() -> None:
    text = 'The vote was close.\n\n"We will appeal this ruling," Maria Lopez said on Monday.\n'
    [s] = extract_statements(text)
    assert s.kind == "direct"
    assert s.text == "We will appeal this ruling,"
    assert s.speaker == "Maria Lopez"
    assert s.cue == "said"
    assert text[s.start : s.end] == "We will appeal this ruling,"


def test_inverted_attribution_with_appositive() -> None:
    text = "“The harbour is closed until further notice,” said Tomas Berg, 54, a ferry captain.\n"
    [s] = extract_statements(text)
    assert s.speaker == "Tomas Berg"
    assert s.text.startswith("The harbour is closed")


def test_partial_quote_inside_reported_clause() -> None:
    text = (
        "Governor Ann Whitfield said the new bridge would open “well before the winter storms” "
        "and cost less than planned.\n"
    )
    [s] = extract_statements(text)
    assert s.kind == "direct"
    assert s.speaker == "Ann Whitfield"
    assert s.speaker_title == "Governor"
    assert "“well before the winter storms”" in s.text
    assert s.text.startswith("the new bridge would open")


def test_multi_paragraph_quote_is_one_statement() -> None:
    text = (
        "Harbour master Olaf Nygaard described the night.\n\n"
        "“The first wave came at midnight. We moved the boats inland.\n\n"
        "“By morning the pier was gone,” Nygaard said.\n"
    )
    statements = extract_statements(text)
    assert len(statements) == 1
    s = statements[0]
    assert s.speaker == "Olaf Nygaard"
    assert "We moved the boats inland." in s.text
    assert "By morning the pier was gone" in s.text
    assert s.start < text.index("We moved") < text.index("By morning") < s.end


def test_pronoun_resolves_to_last_compatible_speaker() -> None:
    text = (
        "“Prices will fall,” Finance Minister Clara Jensen said.\n\n"
        "Opposition leader Peter Holm disagreed.\n\n"
        "“They will not,” he said.\n\n"
        "“We have the numbers,” she added.\n"
    )
    statements = extract_statements(text)
    assert [s.speaker for s in statements] == ["Clara Jensen", "Peter Holm", "Clara Jensen"]
    assert statements[1].speaker_mention == "he"
    assert statements[2].speaker_title == "Finance Minister"
    assert statements[2].speaker_key == "person:clara-jensen"


def test_organisation_speaker_and_paraphrase() -> None:
    text = "The Ministry of Transport said that all northern routes would reopen on Friday.\n"
    [s] = extract_statements(text)
    assert s.kind == "indirect"
    assert s.speaker == "Ministry of Transport"
    assert s.speaker_key == "org:ministry-of-transport"
    assert s.text == "that all northern routes would reopen on Friday"


def test_according_to_paraphrase() -> None:
    text = "Three ferries were cancelled, according to the Coast Guard.\n"
    [s] = extract_statements(text)
    assert s.kind == "indirect"
    assert s.speaker == "Coast Guard"
    assert s.cue == "according to"
    assert s.text == "Three ferries were cancelled"


def test_colon_introduces_next_paragraph_quote() -> None:
    text = "Mayor Ruth Okafor told reporters:\n\n“Nobody will be left behind.”\n"
    [s] = extract_statements(text)
    assert s.speaker == "Ruth Okafor"
    assert s.text == "Nobody will be left behind."


def test_quote_split_by_its_attribution_is_one_statement() -> None:
    text = "“We are ready,” coach Dan Moreau said, “and the team has trained all winter.”\n"
    [s] = extract_statements(text)
    assert s.speaker == "Dan Moreau"
    assert s.text == "We are ready, and the team has trained all winter."


def test_a_quotation_after_the_attribution_sentence_is_a_statement_of_its_own() -> None:
    text = "“We are ready,” coach Dan Moreau said. “The team has trained all winter.”\n"
    first, second = extract_statements(text)
    assert (first.text, second.text) == ("We are ready,", "The team has trained all winter.")
    assert first.speaker == second.speaker == "Dan Moreau"


def test_no_statement_from_scare_quotes_or_titles() -> None:
    text = (
        "The film “Green Valley” opened on Friday in 300 cinemas.\n\n"
        "Critics of the so-called “reform” packed the hall.\n\n"
        "She reads “The Quiet Harbour” every summer.\n"
    )
    assert extract_statements(text) == []


def test_quote_ending_in_question_mark_keeps_its_attribution() -> None:
    text = "“Who pays for the repairs?” Councillor Ivo Marsh asked.\n"
    [s] = extract_statements(text)
    assert s.speaker == "Ivo Marsh"
    assert s.cue == "asked"


def test_doubled_single_marks_are_quotation_marks() -> None:
    text = (
        "The club changed hands.\n\n"
        "''We are in the people-pleasing business,'' Mr. Ed Hallam said. "
        "''These people paid a lot to be here.''\n"
    )
    first, second = extract_statements(text)
    assert first.speaker == second.speaker == "Ed Hallam"
    assert first.text == "We are in the people-pleasing business,"
    assert second.text == "These people paid a lot to be here."
