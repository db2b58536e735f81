"""A second act of speech in one sentence: "X said …, and she added that …".

"and"/"but" then he/she/they and a verb of saying starts a statement of its own, with its
own cue and content; the first statement stops before the conjunction. Each fixture is
our own sentence in the shape of wire copy.
"""

from __future__ import annotations

import pytest

from storywatch.understand import extract_statements


def _acts(text: str) -> list[tuple[str, str, str | None, str]]:
    return [(s.text, s.speaker, s.cue, s.kind) for s in extract_statements(text)]


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        # comma, "and", pronoun, "added that"
        (
            "Okafor said the bridge was safe, and she added that it would reopen on Friday.",
            ("the bridge was safe", "Okafor", "said"),
            ("that it would reopen on Friday", "Okafor", "added"),
        ),
        # no comma, an opening phrase, "accused" with its object
        (
            "In a speech on Monday, Okafor said rival crews had sabotaged the ferries and she "
            "accused the operator of hiding the figures.",
            ("rival crews had sabotaged the ferries", "Okafor", "said"),
            ("the operator of hiding the figures", "Okafor", "accused"),
        ),
        # a dash, "but", an adverb between the pronoun and the cue
        (
            "Lindqvist explained that the pier was closed for repairs - but he also insisted "
            "that the work would finish before the storms.",
            ("that the pier was closed for repairs", "Lindqvist", "explained"),
            ("that the work would finish before the storms", "Lindqvist", "insisted"),
        ),
        # ", but he said": the same verb again
        (
            "Marchetti said he would not raise the tolls this year, but he said the "
            "council might revisit them in the spring.",
            ("he would not raise the tolls this year", "Marchetti", "said"),
            ("the council might revisit them in the spring", "Marchetti", "said"),
        ),
    ],
)
def test_pronoun_after_conjunction_is_a_second_act(
    text: str, first: tuple[str, str, str], second: tuple[str, str, str]
) -> None:
    acts = _acts(text)
    assert [(t, sp, c) for t, sp, c, _ in acts] == [first, second], acts


@pytest.mark.parametrize(
    ("text", "speaker", "contents"),
    [
        # a description as the first speaker: the pronoun is that description again
        (
            "The mayor said the ferries had run late all week and she accused the operator "
            "of hiding the figures.",
            "The mayor",
            ["the ferries had run late all week", "the operator of hiding the figures"],
        ),
        # a plural description and "they"
        (
            "His advisers say the count is too close to call, and they say the party "
            "will have to decide.",
            "His advisers",
            ["the count is too close to call", "the party will have to decide"],
        ),
    ],
)
def test_pronoun_after_a_described_speaker_is_that_speaker(
    text: str, speaker: str, contents: list[str]
) -> None:
    acts = _acts(text)
    assert [t for t, _, _, _ in acts] == contents, acts
    assert all(sp == speaker for _, sp, _, _ in acts), acts


def test_number_disagreement_keeps_the_pronoun() -> None:
    # "they" after a singular description is not that description: the pronoun is kept
    # as the second act's mention (and left to the resolver)
    statements = extract_statements(
        "The mayor said the ferries had run late all week, and they accused the operator "
        "of hiding the figures."
    )
    assert [(s.text, s.cue) for s in statements] == [
        ("the ferries had run late all week", "said"),
        ("the operator of hiding the figures", "accused"),
    ], statements
    assert statements[0].speaker_mention == "The mayor"
    assert statements[1].speaker_mention == "they"


def test_verb_joined_inside_the_clause_is_no_second_act() -> None:
    # a pronoun with a verb that is no cue stays inside the reported clause
    acts = _acts(
        "Okafor said the crews had worked through the night and they finished the repairs by dawn."
    )
    assert len(acts) == 1, acts
    assert acts[0][1] == "Okafor" and acts[0][2] == "said", acts


def test_pronoun_inside_a_quotation_is_not_split() -> None:
    # "and he said" inside the quoted words belongs to them
    acts = _acts(
        "Okafor said the harbour had “paid a heavy price for the closure and he said he "
        "regretted it,” before leaving the podium."
    )
    assert len(acts) == 1, acts
    assert acts[0][1] == "Okafor", acts


@pytest.mark.parametrize(
    ("text", "quote", "speaker", "cue"),
    [
        # a comma after the cue: "asked" is a second act (a participle), "said" the cue
        (
            "“The port will reopen,” the minister said, asked about the delays.",
            "The port will reopen,",
            "the minister",
            "said",
        ),
        # no comma: a noun before the cue ("the ministry statement said")
        (
            "“The port will reopen,” the ministry statement said.",
            "The port will reopen,",
            "the ministry statement",
            "said",
        ),
    ],
)
def test_trailer_cue_before_a_comma(text: str, quote: str, speaker: str, cue: str) -> None:
    acts = _acts(text)
    assert acts == [(quote, speaker, cue, "direct")], acts


def test_trailer_then_according_to_credits_the_source() -> None:
    # "…,” X said, according to Y": Y reports the whole sentence, X's words and all
    acts = _acts("“The port will reopen,” the minister said, according to the ministry.")
    assert len(acts) == 1, acts
    assert acts[0][1:3] == ("the ministry", "according to"), acts
    assert "the minister said" in acts[0][0], acts


def test_a_participle_after_a_spaced_dash_is_a_second_act() -> None:
    text = (
        "The mayor denounced what she called the “gloomy” plan for the port that came from "
        "the board last week – saying it offered no jobs but “fear and blame.”\n"
    )
    acts = _acts(text)
    assert [a[2] for a in acts] == ["called", "saying"]
    assert acts[0][0] == "the “gloomy” plan for the port that came from the board last week"
    assert acts[1][0] == "it offered no jobs but “fear and blame.”"


def test_a_new_subjects_act_after_for_instance_is_its_own() -> None:
    text = (
        "Okafor said he would make the harbour “shine at night,” for instance, and Vale "
        "vowed to “sink the whole plan” before the vote.\n"
    )
    said = [(st.speaker, st.cue, st.text) for st in extract_statements(text)]
    assert said == [
        ("Okafor", "said", "he would make the harbour “shine at night,” for instance"),
        ("Vale", "vowed", "to “sink the whole plan” before the vote"),
    ]


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        # "which she declared": the clause runs to the sentence end
        (
            "Okafor declared that the ferry would keep running until May, which she declared "
            "“a small miracle” for the island.",
            ("that the ferry would keep running until May", "indirect"),
            ("which she declared “a small miracle” for the island", "direct"),
        ),
        # "whom he described as", a relative clause of its own inside the quotation
        (
            "Lindqvist said the council should not hand the contract to Marchetti, whom he "
            "described as a “builder who never finishes” anything.",
            ("the council should not hand the contract to Marchetti", "indirect"),
            ("whom he described as a “builder who never finishes” anything", "direct"),
        ),
        # the report's sentence goes on after the clause without a conjunction: still an
        # act, ending at the comma that closes the relative clause (as train's annotators
        # end "whom he described as "peaceful,"" before "for the length of the route")
        (
            "Vale said the pickets stood outside the depot with the drivers, whom she "
            "described as “calm,” for most of the night.",
            ("the pickets stood outside the depot with the drivers", "indirect"),
            ("whom she described as “calm,”", "direct"),
        ),
    ],
)
def test_relative_label_after_a_report_is_a_second_act(
    text: str, first: tuple[str, str], second: tuple[str, str]
) -> None:
    acts = _acts(text)
    assert [(t, k) for t, _, _, k in acts] == [first, second], acts
    assert acts[0][1] == acts[1][1], acts


@pytest.mark.parametrize(
    "text",
    [
        # the report holds a quotation of its own: one passage of the speaker's words
        "Vale said she had begun “to expose the scheme” run by Marchetti, whom she called "
        "a “fraud.”",
        # the report goes on after the clause with "or" and a quotation
        "Vale said she had two choices: Marchetti, whom she called “a fraud,” or “staying home.”",
    ],
)
def test_relative_label_inside_a_quoted_report_stays(text: str) -> None:
    acts = _acts(text)
    assert len(acts) == 1 and acts[0][3] == "direct", acts


@pytest.mark.parametrize(
    "text",
    [
        # an appositive ending in an organisation, then ", who also said"
        "“The harbour needs dredging,” said Amara Okafor, the director of the Partnership for "
        "Coastal Principles, who also said that the council had ignored the silt for years.",
        # a description for the speaker, then ", who said"
        "“The harbour needs dredging,” said one former dock worker, who said he left on good "
        "terms with Marchetti.",
        # an appositive ending in a place, then "who said" with no comma
        "“We will march again,” said Ingrid Vale, 38, a nurse at the clinic in Lisbon who said "
        "she planned to join the pickets.",
    ],
)
def test_who_after_a_trailer_and_its_appositive_is_the_speaker(text: str) -> None:
    acts = _acts(text)
    assert len(acts) == 2 and acts[0][1] == acts[1][1], acts


def test_who_after_a_cue_object_is_not_the_speaker() -> None:
    acts = _acts("“The doors open at nine,” Vale told Marchetti, who said he would be there early.")
    assert acts[0][1] == "Vale" and acts[1][1] != "Vale", acts


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        # ", though she added that": the same speaker's second act
        (
            "“The delay costs us a week,” said harbour master Ingrid Vale, though she added "
            "that she expected the cranes to arrive soon.",
            ("The delay costs us a week,", "Ingrid Vale", "said"),
            ("that she expected the cranes to arrive soon", "Ingrid Vale", "added"),
        ),
        # ", while <name> said": another speaker's act set against the first
        (
            "Okafor argued that the levy was fair, while Lindqvist said that the harbour "
            "would “never recover” from it.",
            ("that the levy was fair", "Okafor", "argued"),
            ("that the harbour would “never recover” from it", "Lindqvist", "said"),
        ),
        # a second quotation after "though he said,"
        (
            "“We are not ready yet,” Okafor said on the radio, though he said, “We hope to be.”",
            ("We are not ready yet,", "Okafor", "said"),
            ("We hope to be.", "Okafor", "said"),
        ),
    ],
)
def test_contrast_clause_is_a_second_act(
    text: str, first: tuple[str, str, str], second: tuple[str, str, str]
) -> None:
    acts = _acts(text)
    assert [(t, sp, c) for t, sp, c, _ in acts] == [first, second], acts


def test_contrast_clause_with_a_weak_cue_reports_nothing() -> None:
    acts = _acts(
        "The survey said Vale leads by 29 points among “young” voters, while Okafor leads by "
        "21 points among “older” ones."
    )
    assert len(acts) == 1 and acts[0][1] == "The survey", acts


@pytest.mark.parametrize(
    ("lead", "clause"),
    [
        ("Okafor said the two towns had split the grant, ", "which is a result"),
        ("Okafor said the grant was fair to both towns — ", "a result"),
    ],
)
def test_an_aside_inside_a_later_clause_reports_only_that_clause(lead: str, clause: str) -> None:
    text = lead + clause + ", she said, “we had long expected.”\n"
    quotes = [s for s in extract_statements(text) if s.kind == "direct"]
    assert [q.text for q in quotes] == [clause + " “we had long expected.”"]
    assert quotes[0].speaker == "Okafor"


def test_an_opening_quotation_followed_by_narration_is_not_the_asides_trailer() -> None:
    text = (
        "“A loud bang” came from the barriers that had been set up for the harbour fair, he "
        "said, and “everyone started running.”\n"
    )
    [quote] = [s for s in extract_statements(text) if s.kind == "direct"]
    assert quote.text.startswith("“A loud bang” came from the barriers")


def test_participle_after_while_is_the_same_speakers_second_act() -> None:
    text = (
        "In a radio interview, Okafor insisted it was “too early” to back the harbour plan "
        "while adding on the budget, “I have no doubt the council will find the money.”\n"
    )
    said = [(st.text, st.cue) for st in extract_statements(text) if st.kind == "direct"]
    assert said == [
        ("it was “too early” to back the harbour plan", "insisted"),
        ("I have no doubt the council will find the money.", "adding"),
    ]


def test_the_same_participle_again_after_while_is_one_account() -> None:
    text = (
        "Her memoir has Vale telling one aide to “pack the boxes,” while telling another "
        "to “stay put.”\n"
    )
    said = [st.text for st in extract_statements(text) if st.kind == "direct"]
    assert len(said) == 1
    assert said[0].endswith("to “stay put.”")
