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
from storywatch.understand.reportless import circumstance_only, sentence_opener
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
