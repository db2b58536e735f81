"""Naming verbs ("called the plan “a disaster”", "referred to the board as “a closed shop”"):
what the speaker said is the object with its quoted description. Every article here is
written for these tests."""

from __future__ import annotations

from storywatch.understand import extract_statements
from storywatch.understand.analysis import analyse
from storywatch.understand.naming import naming_content


def _content(sentence: str) -> str | None:
    an = analyse(sentence)
    [s] = an.sentences
    found = naming_content(sentence, s)
    return None if found is None else sentence[found.content[0] : found.content[1]]


def test_a_verb_joined_by_and_names_what_the_first_verb_did_not_report() -> None:
    text = (
        "Ana Ortega took the podium in Valdora on Tuesday and called the port plan "
        "“a slow-motion disaster.”\n"
    )
    [only] = extract_statements(text)
    assert only.kind == "direct"
    assert only.speaker == "Ana Ortega"
    assert only.text.startswith("the port plan “a slow-motion disaster")
    assert only.cue == "called"


def test_the_object_starts_after_refer_to() -> None:
    text = (
        "Mayor Lind, in two interviews on Thursday, referred to the harbour board as "
        "“a closed shop.”\n"
    )
    [only] = extract_statements(text)
    assert only.text.startswith("the harbour board as “a closed shop")
    assert "Lind" in only.speaker


def test_an_earlier_verb_with_its_own_object_does_not_take_the_naming() -> None:
    text = (
        "Vance, who has mocked the ferry company for years, referred to the rebels as "
        "“bandits” and “thieves” on Sunday.\n"
    )
    [only] = extract_statements(text)
    assert only.text.startswith("the rebels as “bandits” and “thieves”")
    assert "ferry company" not in only.text
    assert only.speaker == "Vance"


def test_a_naming_inside_a_reported_clause_stays_in_that_clause() -> None:
    text = "Hale said that Brandt called the levy “a tax on breathing.”\n"
    [only] = extract_statements(text)
    assert only.text.startswith("that Brandt called the levy")
    assert only.speaker == "Hale"


def test_a_participle_after_a_comma_is_a_second_act_not_a_narrowing() -> None:
    text = "Critics blasted Brandt’s call for a “harbour tax” on Monday, calling it “absurd.”\n"
    texts = [s.text for s in extract_statements(text)]
    assert texts[0].startswith("Brandt’s call for a “harbour tax”")


def test_the_description_ends_at_its_quotation_before_a_comma_or_new_clause() -> None:
    assert _content(
        "Ruiz called the pact “insanity,” and Hale, who disagrees, called it fair."
    ) == ("the pact “insanity,”")
    assert _content("Ruiz called the ferry fares “a scandal” and Hale says they are “fine.”") == (
        "the ferry fares “a scandal”"
    )


def test_the_description_runs_on_when_the_words_after_it_still_describe() -> None:
    assert _content("Ruiz called the islanders “free riders” who rely on the mainland.") == (
        "the islanders “free riders” who rely on the mainland"
    )


def test_quotations_joined_without_a_break_are_one_description() -> None:
    assert _content("Ruiz described the smugglers as “bandits” and “thieves” yesterday.") == (
        "the smugglers as “bandits” and “thieves”"
    )


def test_a_noun_a_passive_a_phrasal_verb_or_no_object_is_no_naming() -> None:
    # A noun, a passive, a phrasal verb, and a quotation with no object before it.
    assert _content("Ruiz backed Hale’s call for a “harbour tax” on Monday.") is None
    assert _content("Ruiz rejected the mayor’s labelling of the quay as “a death trap.”") is None
    # "describe" names only with "as" before the quoted description.
    assert _content("Ruiz described the quay “a death trap.”") is None
    assert _content("The plan was described as “reckless” by the council.") is None
    assert _content("Ruiz called for “calm and patience” on the quay.") is None
    assert _content("It was what Ruiz called “the old port model.”") is None


def test_a_one_word_subject_of_a_joined_verb_must_be_a_name_the_article_uses() -> None:
    named = (
        "The rally was loud, said Ortega. "
        "Ortega took the podium on Tuesday and called the port plan “a slow-motion disaster.”\n"
    )
    [_first, second] = extract_statements(named)
    assert second.speaker == "Ortega"
    assert second.text.startswith("the port plan")
    adverb = "Hastily the crew packed up and called the port system “rotten to the core.”\n"
    assert extract_statements(adverb) == []


def test_a_name_given_in_title_case_is_still_what_was_said() -> None:
    text = "The mayor spoke last.\n\nOrlov called the harbour master “The Baron of the Quay.”\n"
    [only] = extract_statements(text)
    assert only.text.startswith("the harbour master “The Baron of the Quay")
    assert "Orlov" in only.speaker


def test_instead_ends_the_description() -> None:
    text = (
        "The mayor spoke last.\n\n"
        "Orlov called her rival “Senator Dockside” instead and made no mention of the vote.\n"
    )
    [only] = extract_statements(text)
    assert only.text == "her rival “Senator Dockside”"


def test_a_dash_between_object_and_quotation_is_no_naming() -> None:
    text = "The mayor spoke last.\n\nOrlov called a vote — “No to the New Quay.”\n"
    assert extract_statements(text) == []


def test_a_naming_verb_inside_a_reported_clause_stays_in_that_clause() -> None:
    text = (
        "The hearing ran late on Monday.\n\n"
        "The mayor pointed out that Pieter Lund refers to the quay as “a death trap.”\n"
    )
    [only] = extract_statements(text)
    assert only.speaker == "The mayor"
    assert only.text == "that Pieter Lund refers to the quay as “a death trap.”"


def test_a_naming_participle_after_a_comma_is_a_second_act() -> None:
    text = (
        "The harbour row went on.\n\n"
        "Ana Ruiz blasted the board’s toll plan, calling it “a tax on the poor.”\n"
    )
    said = [(st.cue, st.text) for st in extract_statements(text)]
    assert said == [("blasted", "the board’s toll plan"), ("calling", "it “a tax on the poor.”")]


def test_a_naming_relative_inside_a_reported_clause_stays_in_it() -> None:
    text = (
        "Councillor Tomas Brandt said voters now face a choice between Ruiz, whom he called "
        "“the most cynical mayor in a generation,” and a newcomer nobody knows.\n"
    )
    [only] = extract_statements(text)
    assert only.kind == "direct"
    assert only.speaker == "Tomas Brandt"
    assert only.text.startswith("voters now face a choice between Ruiz, whom he called")
    assert only.cue == "said"


def test_a_naming_relative_after_a_reported_object_stays_in_it() -> None:
    text = (
        "Brandt said the council had ignored Ruiz, whom the mayor had described as "
        "“a loyal deputy.”\n"
    )
    [only] = extract_statements(text)
    assert only.speaker == "Brandt"
    assert only.text.startswith("the council had ignored Ruiz, whom the mayor had described")


def test_what_someone_said_is_their_own_act_not_a_name() -> None:
    text = "Brandt said the council had ignored what Ruiz said were “urgent warnings” about it.\n"
    [only] = extract_statements(text)
    assert only.speaker == "Ruiz"
    assert only.text == "were “urgent warnings” about it"


def test_a_short_phrase_between_the_subject_and_the_naming_verb_is_stepped_over() -> None:
    text = (
        "The budget vote was close.\n\n"
        "Ortega in her budget speech called the harbour board “a closed shop.”\n"
    )
    [only] = extract_statements(text)
    assert only.speaker == "Ortega"
    assert only.cue == "called"
    assert only.text == "the harbour board “a closed shop.”"


def test_a_phrase_after_the_auxiliary_of_a_relative_clause_is_stepped_over() -> None:
    text = (
        "The budget vote was close.\n\n"
        "Vance, who has in the past described the ferry company as “a cartel on water”, "
        "now sits on its board.\n"
    )
    [only] = extract_statements(text)
    assert only.speaker == "Vance"
    assert only.text == "the ferry company as “a cartel on water”"


def test_an_auxiliary_before_the_phrase_is_stepped_over_too() -> None:
    [only] = extract_statements("Hale left.\n\nOrtega would in time call the board “a farce.”\n")
    assert only.speaker == "Ortega"
    assert only.text == "the board “a farce.”"


def test_a_reading_of_the_naming_verb_without_its_quotation_gives_way() -> None:
    text = (
        "The debate turned sour.\n\nWithin hours, Okafor called the mayor “Captain Delay” twice.\n"
    )
    [only] = extract_statements(text)
    assert only.kind == "direct"
    assert only.speaker == "Okafor"
    assert only.text == "the mayor “Captain Delay” twice"


def test_a_title_case_name_after_he_calls_is_the_name_he_gives() -> None:
    text = (
        "Vale runs a podcast.\n\nHe talks about fish in episodes he calls “Harbor Talk,” mostly.\n"
    )
    [only] = extract_statements(text)
    assert only.kind == "direct"
    assert only.cue == "calls"
    assert only.text.startswith("Harbor Talk")


def test_a_title_case_name_after_a_noun_and_called_is_a_title() -> None:
    text = "Vale runs a podcast called “Harbor Talk” about fish.\n"
    assert [st for st in extract_statements(text) if st.kind == "direct"] == []


def test_a_participle_after_a_set_off_phrase_of_time_hangs_on_the_clause_before() -> None:
    text = (
        "Mayor Vale has fought with Okafor over the budget, at one point calling the "
        "treasurer a “liar” who was not “honest.”\n"
    )
    [only] = extract_statements(text)
    assert only.speaker == "Vale"
    assert only.cue == "calling"
    assert only.text.startswith("the treasurer a “liar” who was not “honest")


def test_a_reporting_participle_after_a_set_off_phrase_has_the_same_speaker() -> None:
    text = (
        "Mayor Vale has fought with Okafor over the budget, at times telling reporters "
        "that he was “not honest.”\n"
    )
    [only] = extract_statements(text)
    assert only.speaker == "Vale"
    assert only.cue == "telling"


def test_an_honorific_and_family_name_before_a_long_aside_is_the_subject() -> None:
    text = (
        "Mr. Vale's long feud with the former mayor started last week when Mrs. Okafor, in "
        "answer to his remarks about her loss in the 2019 race, accused him of having a "
        "“habit of spite.”\n"
    )
    [only] = extract_statements(text)
    assert only.speaker == "Okafor"
    assert only.cue == "accused"
    assert only.text.startswith("him of having a “habit of spite")


def test_the_name_after_an_object_relative_before_an_aside_is_the_subject() -> None:
    text = (
        "In 1998 he fought in what Anna Vale, treasurer for the harbour campaign, called "
        "“hand-to-hand combat.”\n"
    )
    [only] = extract_statements(text)
    assert only.speaker == "Anna Vale"
    assert only.text.startswith("hand-to-hand combat")


def test_a_relative_clause_holding_the_only_quotation_is_its_own_act() -> None:
    text = (
        "Mayor Ines Lindqvist said volunteers walked beside the marchers, whom she described "
        "as “calm and orderly” for the whole route.\n"
    )
    said = [(st.kind, st.cue, st.text) for st in extract_statements(text)]
    assert said == [
        ("indirect", "said", "volunteers walked beside the marchers"),
        ("direct", "described", "whom she described as “calm and orderly” for the whole route"),
    ]


def test_a_verdict_in_a_relative_clause_ends_a_that_clause() -> None:
    text = (
        "Okafor argued that as long as the board stayed split, Vale would keep the contract, "
        "which he declared “a slow disaster” for the port.\n"
    )
    said = [(st.kind, st.speaker, st.cue, st.text) for st in extract_statements(text)]
    assert said == [
        (
            "indirect",
            "Okafor",
            "argued",
            "that as long as the board stayed split, Vale would keep the contract",
        ),
        ("direct", "Okafor", "declared", "which he declared “a slow disaster” for the port"),
    ]


def test_a_relative_clause_after_a_dash_holding_the_only_quotation_is_its_own_act() -> None:
    text = (
        "Okafor said that, if the figures hold, the port is breaking its own charter — which "
        "he added “is a disgrace.”\n"
    )
    said = [(st.kind, st.cue, st.text) for st in extract_statements(text)]
    assert said == [
        ("indirect", "said", "that, if the figures hold, the port is breaking its own charter"),
        ("direct", "added", "which he added “is a disgrace.”"),
    ]


def test_a_short_phrase_after_the_quoted_name_then_comma_and_ends_the_naming() -> None:
    text = (
        "Amid what the Harbor Gazette called a “dismal month” for Mayor Lind, and with "
        "ferry fares rising again, council members met on Friday.\n"
    )
    statements = [s for s in extract_statements(text) if s.kind == "direct"]
    assert [s.text for s in statements] == ["a “dismal month” for Mayor Lind"]
    assert "Harbor Gazette" in statements[0].speaker


def test_a_comma_and_while_after_the_phrase_keeps_the_words_before_it() -> None:
    text = (
        "Ana Ortega called the port plan “a slow-motion disaster” for the dock workers, "
        "while ferry fares kept rising all winter.\n"
    )
    [only] = [s for s in extract_statements(text) if s.kind == "direct"]
    assert only.speaker == "Ana Ortega"
    assert only.text == "the port plan “a slow-motion disaster” for the dock workers"


def test_deemed_names_its_object_as_called_does() -> None:
    """ "The board deemed him “well qualified,” its highest rating": "deem" takes an object
    and a quoted description as "call" does (read as nothing before)."""
    text = (
        "The harbour board finished its review on Monday.\n\n"
        "The Harbour Board deemed Tomas Berg “well qualified,” its highest possible rating.\n"
    )
    [only] = extract_statements(text)
    assert only.speaker == "Harbour Board"
    assert only.text == "Tomas Berg “well qualified,”"


def test_a_what_clause_naming_inside_a_subject_ends_before_the_main_verb() -> None:
    text = (
        "The dispute over whether the Harbour Fund is what former staff have called a "
        "“rigged game” took an odd turn on Monday when the mayor spoke.\n"
    )
    [st] = extract_statements(text)
    assert st.text == "a “rigged game”"
    assert st.speaker == "former staff"
    assert st.cue == "called"


def test_a_what_clause_naming_ends_before_a_finite_verb_only() -> None:
    text = (
        "The fight over what Okafor called a “rigged game” was settled on Monday.\n\n"
        "The board backed what Okafor called a “rigged game” aimed at the ferry firms.\n"
    )
    first, second = extract_statements(text)
    assert first.text == "a “rigged game”"
    assert second.text == "a “rigged game” aimed at the ferry firms"
