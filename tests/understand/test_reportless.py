"""A paraphrase must report something, and end where the speaker's clause ends: never only
where and when it was said, the phrase that opens its sentence, or the words around a
possessive's noun ("Okafor's remarks"), nor the writer's comparison after the clause.

Each fixture is our own sentence in the shape of wire copy. Before these rules each one
produced a "statement" such as 'on Facebook' or 'Last spring' credited to someone.
"""

from __future__ import annotations

import pytest

from storywatch.understand import extract_statements
from storywatch.understand.paraphrase_ends import paraphrase_end
from storywatch.understand.reportless import circumstance_only, particle_led, sentence_opener
from storywatch.understand.text import words


@pytest.mark.parametrize(
    ("text", "left_out"),
    [
        # The act's medium before a participle that carries the words.
        (
            "The harbour master replied on Facebook, calling the report “shoddy” and late.",
            "on Facebook",
        ),
        # When and where, between the cue and a second act.
        (
            "The delays are unacceptable, Mayor Okafor said Monday in Lagos, noting the "
            "ferries had run late all week.",
            "Monday in Lagos",
        ),
        # A time phrase opening the sentence before a share of people.
        ("Last spring, 40 percent said the same.", "Last spring"),
        # A participle phrase that sets the scene.
        (
            "Echoing his predecessor's caution, the minister promised to reopen the bridge.",
            "Echoing his predecessor's caution",
        ),
        # A prepositional phrase that sets the scene.
        ("Amid the protests, the governor vowed a change.", "Amid the protests"),
    ],
)
def test_circumstances_are_not_what_was_said(text: str, left_out: str) -> None:
    assert all(s.text != left_out for s in extract_statements(text))


def test_the_real_content_beside_a_circumstance_stays() -> None:
    statements = extract_statements(
        "The delays are unacceptable, Mayor Okafor said Monday in Lagos, noting the ferries "
        "had run late all week."
    )
    assert [(s.text, s.speaker) for s in statements] == [
        ("The delays are unacceptable", "Okafor"),
        ("the ferries had run late all week", "Okafor"),
    ]
    quoted = extract_statements(
        "The harbour master replied on Facebook, calling the report “shoddy” and late."
    )
    assert [(s.kind, s.text) for s in quoted] == [("direct", "the report “shoddy” and late")]


@pytest.mark.parametrize(
    "text",
    [
        # The owner of "remarks" said nothing here; the subject before is the praiser.
        "Maria Lopez, head of the Harbour Institute, a labour think tank, and Tom Berg, "
        "co-founder of the Dock Union, applauded Okafor’s remarks.",
        # "remarks" is the subject's head noun, and what follows is the writer's verdict.
        "Okafor’s remarks can be dull, even rambling at times.",
    ],
)
def test_a_possessive_noun_is_no_cue_without_words_to_introduce(text: str) -> None:
    assert extract_statements(text) == []


def test_a_possessive_claim_with_its_that_clause_still_reports() -> None:
    (statement,) = extract_statements("Okafor's claims that the port was safe were rejected.")
    assert statement.speaker == "Okafor"
    assert statement.text.startswith("that the port was safe")


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        # A short clause before the trailer is content, not a scene-setting phrase.
        ("It is over, the captain said.", "It is over", "the captain"),
        # A clause that opens with a prepositional phrase set off by its own comma.
        (
            "In the end, the plan will fail, the source added.",
            "In the end, the plan will fail",
            "the source",
        ),
    ],
)
def test_clauses_before_the_cue_are_still_content(text: str, content: str, speaker: str) -> None:
    statements = extract_statements(text)
    assert [(s.text, s.speaker) for s in statements] == [(content, speaker)]


def test_circumstance_only_needs_every_word_to_be_circumstance() -> None:
    assert circumstance_only(words("on Twitter"))
    assert circumstance_only(words("Tuesday in Paris"))
    assert circumstance_only(words("earlier this month at the Capitol"))
    assert not circumstance_only(words("on the port's finances"))  # a topic noun
    assert not circumstance_only(words("Paris was calm"))  # opens with a name, not a place word
    assert not circumstance_only([])


def test_sentence_opener_is_short_comma_free_and_scene_setting() -> None:
    text = "In response"
    assert sentence_opener(text, words(text))
    text = "And after the vote"
    assert sentence_opener(text, words(text))
    text = "Reflecting the mood"
    assert sentence_opener(text, words(text))
    text = "In the end, the plan will fail"
    assert not sentence_opener(text, words(text))  # a comma inside: a clause follows
    text = "The plan will fail"
    assert not sentence_opener(text, words(text))
    text = "During the long and bitter strike at the port"
    assert not sentence_opener(text, words(text))  # longer than an opening phrase


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # The writer's comparison after the reported clause.
        (
            "Some 48 percent of voters said Mayor Okafor would be better at running the port, "
            "compared with 30 percent for her rival.",
            "Mayor Okafor would be better at running the port",
        ),
        (
            "She said the fee was fair, whereas her rival called it a tax on the poor.",
            "the fee was fair",
        ),
        # The speaker's next act, with its own subject.
        (
            "In a speech on Monday, Okafor said rival crews had sabotaged the ferries and she "
            "accused the operator of hiding the figures.",
            "rival crews had sabotaged the ferries",
        ),
    ],
)
def test_a_paraphrase_ends_where_the_writer_takes_over(text: str, content: str) -> None:
    assert extract_statements(text)[0].text == content


def test_a_short_clause_is_not_cut_to_a_fragment() -> None:
    assert paraphrase_end("it rose, up from 40", 0, 19) == 19
    text = "the fee was fair, compared with last year"
    assert paraphrase_end(text, 0, len(text)) == len("the fee was fair")


def test_a_revised_figure_stays_with_the_paraphrase() -> None:
    # "up from" keeps the earlier figure the speaker revised: part of what was said.
    text = "the crew injured rose to nine, up from six on Sunday"
    assert paraphrase_end(text, 0, len(text)) == len(text)


@pytest.mark.parametrize(
    ("text", "left_out"),
    [
        # An infinitive after the verb: what was insisted comes later, not before.
        (
            "Even after the inquiry was closed, Governor Mbeki continued to insist he had "
            "done nothing wrong.",
            "Even after the inquiry was closed",
        ),
        # "called for …": the call is what follows the verb.
        (
            "In the days after the flood, Mayor Okafor called for the dam to be rebuilt.",
            "In the days after the flood",
        ),
        # "pleaded for …".
        (
            "Three weeks after the vote, the harbour union pleaded for calm on the docks.",
            "Three weeks after the vote",
        ),
    ],
)
def test_words_before_a_verb_with_its_own_complement_are_not_reported(
    text: str, left_out: str
) -> None:
    assert all(s.text != left_out for s in extract_statements(text))


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        # A verb of saying's "to" names the hearer: the words before are still reported.
        (
            "The ferries will run again by Friday, Mayor Okafor said to reporters.",
            "The ferries will run again by Friday",
            "Okafor",
        ),
        # A governing verb that closes its clause still reports what comes before.
        (
            "The bridge must close for repairs, Governor Mbeki continued.",
            "The bridge must close for repairs",
            "Mbeki",
        ),
        # "continued to insist." ends the clause on a verb of saying: what it insisted
        # is the clause before.
        (
            "The vote was rigged, Governor Mbeki continued to insist.",
            "The vote was rigged",
            "Mbeki",
        ),
    ],
)
def test_a_clause_closing_verb_still_reports_what_comes_before(
    text: str, content: str, speaker: str
) -> None:
    assert [(s.kind, s.text, s.speaker) for s in extract_statements(text)] == [
        ("indirect", content, speaker)
    ]


@pytest.mark.parametrize(
    ("text", "left_out"),
    [
        # "went on": a phrasal verb of doing, its particle and object are no report.
        ("Mayor Okafor went on to endorse Lee, calling him “a rising star.”", "on to endorse"),
        # "called on": an appeal whose object is a person, not a clause said.
        (
            "“The port is failing,” said Ada Okafor, who called on the minister weeks ago to "
            "resign.",
            "on the minister",
        ),
        # "wrote off": the particle and its object.
        ("Like the mayor, the council has written off the rebels' last efforts.", "off the"),
    ],
)
def test_a_phrasal_particle_and_its_object_report_nothing(text: str, left_out: str) -> None:
    assert not any(s.text.startswith(left_out) for s in extract_statements(text))


def test_a_day_after_on_is_a_circumstance_not_a_particle() -> None:
    assert particle_led(words("on offense against the mayor"))
    assert not particle_led(words("on Friday to say the ferries would sail"))
    assert not particle_led(words("On the quay, the ferries wait"))


@pytest.mark.parametrize(
    ("text", "left_out"),
    [
        # The verb's object follows it: the words before the subject are the writer's.
        (
            "Another former harbour official, Mr. Lau, also stated his intention to run.",
            "Another former harbour official",
        ),
        (
            "After the review closed in May, the ferry union asked the court for relief.",
            "After the review closed in May",
        ),
        (
            "Rents in the old port run to $40 a square foot, although Lee has charged more "
            "than that.",
            "Rents in the old port run to $40 a square foot",
        ),
        # "asked to"/"pledged to": the infinitive is the verb's own complement.
        (
            "After the ruling came down in May, the union asked to question the minister.",
            "After the ruling came down in May",
        ),
    ],
)
def test_words_before_a_verb_with_an_object_are_not_its_report(text: str, left_out: str) -> None:
    assert all(s.text != left_out for s in extract_statements(text))


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # A verb of telling: the object after it is the hearer.
        (
            "The ferries will run on time, the minister told the committee.",
            "The ferries will run on time",
        ),
    ],
)
def test_a_hearer_or_a_time_after_the_verb_keeps_the_report(text: str, kept: str) -> None:
    assert any(s.text == kept for s in extract_statements(text))


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "The mayor vowed to build a wall along the border of the town.",
            "to build a wall along the border of the town",
        ),
        (
            "The council has pledged to close every ferry — all 40 boats of the old "
            "fleet — by May.",
            "to close every ferry — all 40 boats of the old fleet — by May",
        ),
    ],
)
def test_an_infinitive_after_the_cue_is_what_was_promised(text: str, said: str) -> None:
    assert [s.text for s in extract_statements(text)] == [said]


def test_a_preposition_after_the_cue_is_still_skipped() -> None:
    statements = extract_statements("The mayor said to reporters that the ferries would close.")
    assert [s.text for s in statements] == ["that the ferries would close"]
