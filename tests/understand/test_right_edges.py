"""Where a reported clause holding a partial quotation ends on its right (partial_tails.py):
shapes measured on PolNeAR train, in sentences written for these tests."""

from __future__ import annotations

from storywatch.understand import extract_statements
from tests.support.statements import direct_texts


def test_a_when_or_while_phrase_built_on_another_quotation_goes_on() -> None:
    text = (
        "The harbor vote was close.\n\n"
        "Mayor Ana Ruiz said that Tomas Berg was “a fine neighbor” while Lena Hale is “a "
        "menace to the docks.”\n"
    )
    [said] = direct_texts(text)
    assert said.endswith("“a menace to the docks.”")


def test_a_when_phrase_without_a_quotation_still_ends_the_clause() -> None:
    text = (
        "The harbor vote was close.\n\n"
        "Mayor Ana Ruiz said that Tomas Berg was “a fine neighbor” while the crowd in the "
        "hall cheered and waved flags.\n"
    )
    assert direct_texts(text) == ["that Tomas Berg was “a fine neighbor”"]


def test_an_irregular_past_after_and_is_the_next_act() -> None:
    text = (
        "The harbor vote was close.\n\n"
        "Councillor Tomas Berg called the levy “a quiet robbery” and cast himself as the "
        "only friend the dock workers had left on the council.\n"
    )
    assert direct_texts(text) == ["the levy “a quiet robbery”"]


def test_a_perfect_after_and_is_the_next_act() -> None:
    text = (
        "The harbor vote was close.\n\n"
        "Mayor Ana Ruiz told reporters the new fees were “entirely fair” and has urged the "
        "port board to publish every contract it signed last year.\n"
    )
    assert direct_texts(text) == ["the new fees were “entirely fair”"]


def test_and_inside_a_later_quotation_is_no_new_clause() -> None:
    text = (
        "The harbor vote was close.\n\n"
        'Councillor Tomas Berg called the board\'s claim of a "free hand" over the old '
        'piers "reckless and worrying."\n'
    )
    statements = [s for s in extract_statements(text) if s.kind == "direct"]
    assert [s.text for s in statements] == [
        'the board\'s claim of a "free hand" over the old piers "reckless and worrying."'
    ]
    assert statements[0].speaker == "Tomas Berg"


def test_and_a_gerund_inside_a_later_quotation_is_the_speakers_words() -> None:
    text = (
        "The harbor vote was close.\n\n"
        "Mayor Ana Ruiz said the ferry plan was “a fine start” but the fees are “unfair and "
        "punishing to the workers who ride it.”\n"
    )
    [said] = direct_texts(text)
    assert said.endswith("“unfair and punishing to the workers who ride it.”")


def test_though_and_a_bare_plural_subject_is_a_new_clause() -> None:
    text = (
        "Most dock workers say the new ferry levy is “about right,” though commuters are far "
        "more likely to say the bridge toll is too high.\n"
    )
    assert direct_texts(text) == ["the new ferry levy is “about right,”"]


def test_a_bracketed_quotation_is_a_gloss_the_clause_goes_on_after() -> None:
    text = (
        "The harbor vote was close.\n\n"
        'Mayor Ana Ruiz explained how ferry fares ("a tax on islanders") and long delays '
        "drive young families off the island.\n"
    )
    assert direct_texts(text) == [
        'how ferry fares ("a tax on islanders") and long delays drive young families off the island'
    ]


def test_a_dash_aside_ending_on_a_quotation_is_inside_the_clause() -> None:
    text = (
        "The harbor vote was close.\n\n"
        "Mayor Ana Ruiz said that the levy – what Tomas Berg calls “a tax on islanders” – is "
        "“unlawful” under the old charter.\n"
    )
    assert direct_texts(text) == [
        "that the levy – what Tomas Berg calls “a tax on islanders” – is “unlawful” under the "
        "old charter"
    ]


def test_as_and_a_noun_with_no_verb_is_what_the_quoted_words_are_held_to_be() -> None:
    text = (
        "The harbor vote was close.\n\n"
        "Mayor Ana Ruiz spoke out for “a second ferry” as the answer to unwanted delays at "
        "the pier.\n"
    )
    assert direct_texts(text) == ["“a second ferry” as the answer to unwanted delays at the pier"]


def test_as_and_a_clause_with_its_verb_is_still_the_scene() -> None:
    text = (
        "The harbor vote was close.\n\n"
        "Mayor Ana Ruiz called the levy “a disgrace” as the crowd in the hall cheered.\n"
    )
    assert direct_texts(text) == ["the levy “a disgrace”"]


def test_a_report_set_off_after_when_keeps_the_scene_in_the_clause() -> None:
    text = (
        "The harbor vote was close.\n\n"
        "Mayor Ana Ruiz recalled the “golden years” when, she said, ferries left the pier "
        "every hour.\n"
    )
    assert direct_texts(text) == [
        "the “golden years” when, she said, ferries left the pier every hour"
    ]
