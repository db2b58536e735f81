"""Copy that quotes with single marks, as British papers and many headlines do.

"‘We will not back down,’ Lopez said.", "Lopez said the plan was ‘a disaster’.",
"Lopez: 'We will not back down'": quotations in single marks, with double marks for a
quotation inside one. Each fixture is our own sentence in the shape of such copy; the
comment names the shape. Each failed before this change (no direct statement was found),
except the last group, which holds copy that quotes with double marks to what it was: its
single marks stay apostrophes and quotations within quotations.
"""

from __future__ import annotations

import pytest

from storywatch.understand.analysis import analyse
from tests.support.statements import direct_speaker_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a whole quotation, the trailer after it
        (
            "‘The ferries will run again by spring,’ Maria Okafor said on Tuesday.",
            [("Maria Okafor", "The ferries will run again by spring,")],
        ),
        # straight marks, the trailer inverted, with an appositive
        (
            "'The ferries will run again by spring,' said Maria Okafor, the harbour minister.",
            [("Maria Okafor", "The ferries will run again by spring,")],
        ),
        # the attribution before, led in by a colon
        (
            "Maria Okafor, the harbour minister, said: ‘The ferries will run again by spring.’",
            [("Maria Okafor", "The ferries will run again by spring.")],
        ),
        # a second quotation in the next sentence goes on with the same speaker
        (
            "‘The ferries will run again,’ Maria Okafor said. ‘Nobody will be left behind.’",
            [
                ("Maria Okafor", "The ferries will run again,"),
                ("Maria Okafor", "Nobody will be left behind."),
            ],
        ),
    ],
)
def test_a_whole_quotation_in_single_marks(text: str, expected: list[tuple[str, str]]) -> None:
    assert direct_speaker_text(text) == expected


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        # a partial quotation closing a reported clause, the full stop outside
        (
            "Maria Okafor said the levy was ‘a tax on island families’.",
            "“a tax on island families”",
        ),
        # one in the middle of the clause, a plain word after it
        (
            "Maria Okafor said the levy was ‘a tax on island families’ and would be scrapped.",
            "“a tax on island families”",
        ),
        # straight marks
        ("Maria Okafor said the levy was 'a tax on ferries'.", "“a tax on ferries”"),
    ],
)
def test_a_partial_quotation_in_a_reported_clause(text: str, quoted: str) -> None:
    found = direct_speaker_text(text)
    assert len(found) == 1
    assert found[0][0] == "Maria Okafor"
    assert quoted in found[0][1]


def test_a_quotation_carried_over_paragraphs() -> None:
    # Each paragraph of a long quotation opens with a mark; only the last one closes.
    text = (
        "‘The ferries will run again,’ Maria Okafor said.\n\n"
        "‘We have the money. We have the crews.\n\n"
        "‘And we have the will,’ she added."
    )
    assert direct_speaker_text(text) == [
        ("Maria Okafor", "The ferries will run again,"),
        ("Maria Okafor", "We have the money. We have the crews. And we have the will,"),
    ]


def test_double_marks_inside_are_a_quotation_within_the_quotation() -> None:
    text = "‘Everyone told me “let it go”, but I won’t,’ said Maria Okafor."
    assert direct_speaker_text(text) == [
        ("Maria Okafor", "Everyone told me ‘let it go’, but I won’t,")
    ]
    # one character for one: every offset still points at the same words
    assert len(analyse(text).text) == len(text)


@pytest.mark.parametrize(
    ("text", "spoken"),
    [
        # a plural possessive inside the quotation is no closing mark
        (
            "‘We back the nurses’ union all the way,’ Maria Okafor said.",
            "We back the nurses’ union all the way,",
        ),
        # two of them in a partial quotation, the quotation closing after the second
        (
            "Maria Okafor said the cuts would hit ‘the nurses’ pay and the teachers’ pensions’ "
            "first.",
            "“the nurses’ pay and the teachers’ pensions”",
        ),
        # straight apostrophes inside words and after a plural
        (
            "Maria Okafor said: 'It's the islanders' money, and they won't give it up.'",
            "It's the islanders' money, and they won't give it up.",
        ),
        # possessives and elisions around the quotation
        (
            "Okafor’s deputy, who came of age in the ’90s, said the voters’ mood was "
            "‘angrier than ever’.",
            "“angrier than ever”",
        ),
        # an elision at a word start is no opening mark
        (
            "Lock 'em up, the crowd chanted, and Maria Okafor said the chant was ‘a disgrace’.",
            "“a disgrace”",
        ),
    ],
)
def test_apostrophes_do_not_break_the_quotation(text: str, spoken: str) -> None:
    holding = [said for _, said in direct_speaker_text(text) if spoken in said]
    assert len(holding) == 1  # one statement holds the quotation, whole


def test_a_headline_name_and_quotation() -> None:
    text = (
        "Okafor: 'The ferries will run again'\n\n"
        "Harbour minister Maria Okafor promised on Tuesday that the ferry link would reopen."
    )
    assert ("Maria Okafor", "The ferries will run again") in direct_speaker_text(text)


@pytest.mark.parametrize(
    "text",
    [
        # quotations in double marks, single marks only as apostrophes
        "“The islanders’ ferries will run again,” Maria Okafor said. She called it 'a start'.",
        # a quotation within a quotation in single marks
        "“They told me ‘the ferries will run again,’ and I believed them,” Maria Okafor said.",
        # the doubled single marks some copy uses for double ones
        "''The ferries will run again,'' Maria Okafor said of the 'new' timetable.",
    ],
)
def test_copy_with_double_marks_is_left_as_it_is(text: str) -> None:
    assert analyse(text).text == text
