"""Two acts of speech in one sentence: a scene-setting clause and the main clause.

"After X said “…,” Y said: “…”": each clause has its own cue and quotation, so each is a
statement with its own speaker, in the order written. Each fixture is our own sentence in
the shape of wire copy.
"""

from __future__ import annotations

import pytest

from storywatch.understand import extract_statements


def _acts(text: str) -> list[tuple[str, str, str | None]]:
    return [(s.text, s.speaker, s.cue) for s in extract_statements(text) if s.kind == "direct"]


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        # the main clause's whole quotation was read; the scene clause's partial one too
        (
            'After Ruiz said the ferries would run "on time," Okafor said: "They never have."',
            ('the ferries would run "on time,"', "Ruiz", "said"),
            ("They never have.", "Okafor", "said"),
        ),
        # a described speaker in each clause, a "that" clause in the first
        (
            'When the mayor argued that the tolls were "fair and overdue," the council\'s '
            'treasurer wrote back: "They are neither."',
            ('that the tolls were "fair and overdue,"', "the mayor", "argued"),
            ("They are neither.", "the council's treasurer", "wrote"),
        ),
        # "Before", a listener after the main cue
        (
            'Before Lindqvist warned of "a long winter," the harbour master told reporters, '
            '"We are ready."',
            ('of "a long winter,"', "Lindqvist", "warned"),
            ("We are ready.", "the harbour master", "told"),
        ),
    ],
)
def test_scene_clause_and_main_clause_are_two_acts(
    text: str, first: tuple[str, str, str], second: tuple[str, str, str]
) -> None:
    assert _acts(text) == [first, second]


def test_whole_quotation_in_the_scene_clause() -> None:
    # the scene clause was the sentence's reading; the main clause's quotation is the
    # second act (its speaker the main subject, not the heckler)
    acts = _acts('When a heckler shouted, "Resign," the mayor replied, smiling, "Not today."')
    assert len(acts) == 2, acts
    assert "Resign" in acts[0][0] and acts[0][1] == "a heckler", acts
    assert acts[1] == ("Not today.", "the mayor", "replied"), acts


@pytest.mark.parametrize(
    "text",
    [
        # no act in the main clause
        'When Ruiz said the ferries would run "on time," commuters laughed.',
        # no speaker in the scene clause: a question put to the main subject
        'When asked about the "delays," Okafor said: "They never end."',
    ],
)
def test_one_act_only(text: str) -> None:
    assert len(_acts(text)) == 1, _acts(text)


def test_main_clause_participle_is_its_own_subjects() -> None:
    # a participle in the main clause ("shouting …") is the main subject's act, not a
    # follow-up of the scene clause's speaker
    acts = _acts('After the senator said "no comment," reporters followed him, shouting "Why?"')
    assert [sp for _, sp, _ in acts] == ["the senator", "reporters"], acts
    assert acts[1][0] == "Why?", acts


def test_scene_clause_running_on_past_its_quotation() -> None:
    # the scene clause goes on after its quotation; its setting ("in answering …") is not
    # what was said
    acts = _acts(
        'When Okafor said the ferry plan "is not serious" in answering a question on the '
        'pier, the mayor said: "It is the only plan we have."'
    )
    assert acts == [
        ('the ferry plan "is not serious"', "Okafor", "said"),
        ("It is the only plan we have.", "the mayor", "said"),
    ], acts


@pytest.mark.parametrize(
    "text",
    [
        'Ruiz said the tolls were "a fair price" in answering a question from a commuter.',
        'Ruiz said the tolls were "a fair price" in replying to a commuter on the pier.',
    ],
)
def test_setting_after_a_partial_quotation_is_not_said(text: str) -> None:
    # "in answering …", "in replying to …" after a partial quotation says on what occasion
    assert _acts(text) == [('the tolls were "a fair price"', "Ruiz", "said")]


def test_in_response_to_stays_in_the_clause() -> None:
    # "in response to" is as often part of what was said
    acts = _acts('Ruiz said the navy would act "decisively" in response to any attack.')
    assert acts == [('the navy would act "decisively" in response to any attack', "Ruiz", "said")]


def test_an_opening_phrase_with_a_naming_relative_is_a_clause_of_its_own() -> None:
    """ "In a clip that the judge called “distasteful,” Vale said …": the phrase's relative
    clause names the clip, and the main clause's own cue still reads Vale's words (only the
    judge's word was read before)."""
    acts = _acts(
        'Ivo Vale spoke on Monday. In a clip that the judge called "distasteful," Vale said '
        'he would "fight on to the end."'
    )
    assert acts == [
        ("distasteful,", "the judge", "called"),
        ('he would "fight on to the end."', "Ivo Vale", "said"),
    ]


def test_an_opening_phrase_without_a_relative_holds_no_act() -> None:
    acts = _acts('In a statement on Monday, Ivo Vale said he would "fight on to the end."')
    assert acts == [('he would "fight on to the end."', "Ivo Vale", "said")]


def test_the_main_clause_read_by_its_subject_and_verb() -> None:
    """ "…, Vale expressed a desire to “…”": no cue in the main clause, so its subject and
    verb read it, as they would a sentence of its own (nothing was read there before)."""
    acts = _acts(
        'Ivo Vale spoke on Monday. And, in a clip that the judge called "distasteful," Vale '
        'expressed a desire to "close the harbour for good."'
    )
    assert acts[-1] == ('a desire to "close the harbour for good."', "Ivo Vale", "expressed")


def test_a_phrase_ended_by_its_comma_holds_no_relative_clause() -> None:
    """ "On Friday, he joined others in pouncing on news that …": the phrase ended at its
    comma, so the "that" after it is the main clause's, which stays one reading."""
    acts = _acts(
        "Ivo Vale spoke on Monday. On Friday, he joined others in pouncing on news that the "
        'memo was later deemed "top secret," saying in a post: "The harbour must be closed."'
    )
    assert [speaker for _, speaker, _ in acts] == ["Ivo Vale"] * len(acts)
    assert not any(text.startswith("others in pouncing") for text, _, _ in acts)


@pytest.mark.parametrize("opener", ["Amid", "Despite", "In"])
def test_an_opening_phrase_with_what_someone_called(opener: str) -> None:
    """ "Amid what the Harbour Times called a “rough week” for the port, a story … says that
    “…”": "amid" and "despite" open a phrase as "in" does, and the naming in it ends at the
    comma that closes the phrase, before the main clause's speaker (before this change the
    main clause was lost after "Amid" and "Despite", and the naming ran over it)."""
    acts = _acts(
        f'{opener} what the Harbour Times called a "rough week" for the port, a story by the '
        'website Dockwatch says that "more than a hundred members are poised to quit."'
    )
    assert acts == [
        ('a "rough week" for the port', "Harbour Times", "called"),
        ('that "more than a hundred members are poised to quit."', "Dockwatch", "says"),
    ]
