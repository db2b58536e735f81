"""Copy that quotes with single marks, typed as real copy is: a space between a quotation's
mark and the double mark of one nested in it ("… spring,” ’ Okafor said"), a space put
before a closing mark or left out before an opening one, a closing mark typed as an opening
one ("… by spring.‘ [Harbour Post]"), an editor's bracket opening the quotation, markup
scraped with the text (``<embed src="…">``) and a stray double mark. Each fixture is our own
sentence in the shape of such copy; each failed before this change (the quotation was not
read, or the whole article was left unread).
"""

from __future__ import annotations

import pytest

from storywatch.understand.analysis import analyse
from storywatch.understand.single_marks import single_marks_as_double
from tests.support.statements import direct_speaker_text


@pytest.mark.parametrize(
    ("text", "spoken"),
    [
        # a nested quotation closing right before the outer one, a space between the marks
        (
            "‘The minister told us “the ferries will run by spring,” ’ Maria Okafor said.",
            "The minister told us ‘the ferries will run by spring,’",
        ),
        # the same, straight marks
        (
            "'The minister told us \"the ferries will run by spring,\" ' Maria Okafor said.",
            "The minister told us ‘the ferries will run by spring,’",
        ),
        # a nested quotation opening right after the outer one
        (
            "‘ “Never again,” the minister told us,’ said Maria Okafor.",
            "‘Never again,’ the minister told us,",
        ),
    ],
)
def test_a_space_between_a_mark_and_a_nested_double_mark(text: str, spoken: str) -> None:
    found = direct_speaker_text(text)
    assert len(found) == 1
    assert found[0][0] == "Maria Okafor"
    assert spoken in found[0][1]
    assert len(analyse(text).text) == len(text)


@pytest.mark.parametrize(
    ("text", "spoken"),
    [
        # a space typed before the closing mark
        (
            "‘The ferries will run again by spring, ’ Maria Okafor said.",
            "The ferries will run again by spring,",
        ),
        (
            "'Will the ferries run again by spring? ' Maria Okafor asked.",
            "Will the ferries run again by spring?",
        ),
        # the space before the opening mark left out
        (
            "Maria Okafor said,‘The ferries will run again by spring.’",
            "The ferries will run again by spring.",
        ),
        # the space after the closing mark left out
        (
            "‘The ferries will run again by spring,’Maria Okafor said.",
            "The ferries will run again by spring,",
        ),
        # an editor's bracket opens the quotation
        (
            "‘[The council] will run the ferries again by spring,’ said Maria Okafor.",
            "[The council] will run the ferries again by spring,",
        ),
        (
            "‘(The council) will run the ferries again by spring,’ said Maria Okafor.",
            "(The council) will run the ferries again by spring,",
        ),
        # an ellipsis written as spaced dots right after the opening mark
        (
            "'. . . The ferries will run again by spring,' said Maria Okafor.",
            ". . . The ferries will run again by spring,",
        ),
    ],
)
def test_spacing_slips_around_single_marks(text: str, spoken: str) -> None:
    found = direct_speaker_text(text)
    assert found == [("Maria Okafor", spoken)]


def test_a_closing_mark_typed_as_an_opening_one_after_punctuation() -> None:
    text = (
        "Maria Okafor said the levy would go. "
        "‘The ferries will run again by spring.‘ [Harbour Post]"
    )
    assert direct_speaker_text(text) == [("Maria Okafor", "The ferries will run again by spring.")]


def test_a_closing_mark_typed_as_an_opening_one_after_a_word() -> None:
    text = "Maria Okafor called the levy ‘unfair‘ and ‘a tax on island families’."
    found = direct_speaker_text(text)
    assert len(found) == 1
    assert "“unfair”" in found[0][1] and "“a tax on island families”" in found[0][1]


def test_a_quotation_taken_up_mid_sentence_opens_with_a_turned_mark() -> None:
    # "’ …" opening a paragraph: a quotation resumed after an ellipsis, the mark typeset as
    # an apostrophe (as "” …" is in double-mark copy).
    text = (
        "Maria Okafor was asked about the islands.\n\n"
        "’ … and they will have their ferries by spring,’ she said."
    )
    found = direct_speaker_text(text)
    assert len(found) == 1
    assert "they will have their ferries by spring," in found[0][1]


def test_a_short_year_inside_a_quotation_is_no_opening_mark() -> None:
    # Autocorrect turns "’26" into "‘26"; inside a single-mark quotation no quotation nests
    # in single marks, so it is the year.
    text = (
        "Maria Okafor said: ‘The ferries we lost in ‘19 will run again in ‘26, "
        "and nobody will be left behind.’"
    )
    assert direct_speaker_text(text) == [
        (
            "Maria Okafor",
            "The ferries we lost in ‘19 will run again in ‘26, and nobody will be left behind.",
        )
    ]


def test_double_marks_of_markup_quote_nothing() -> None:
    text = (
        "‘The ferries will run again by spring,’ Maria Okafor said.\n\n"
        '<embed src="harbour.png" alt="the harbour">\n\n'
        "‘Nobody will be left behind,’ she added."
    )
    assert direct_speaker_text(text) == [
        ("Maria Okafor", "The ferries will run again by spring,"),
        ("Maria Okafor", "Nobody will be left behind,"),
    ]
    # the markup itself is left as it was
    assert '<embed src="harbour.png" alt="the harbour">' in analyse(text).text


def test_a_stray_double_mark_in_copy_that_quotes_with_single_marks() -> None:
    # A closing double mark left at the end of a paragraph of narration; four quotations
    # in single marks around it.
    text = (
        "‘The ferries will run again,’ Maria Okafor said.\n\n"
        "‘The crews are ready,’ she said. ‘The money is there.’\n\n"
        "She said the harbour tax would go by spring.”\n\n"
        "‘Nobody will be left behind,’ she added."
    )
    spoken = [quote for _, quote in direct_speaker_text(text)]
    assert "The ferries will run again," in spoken
    assert "Nobody will be left behind," in spoken
    assert len(analyse(text).text) == len(text)


@pytest.mark.parametrize(
    "text",
    [
        # markup in copy that quotes with double marks
        '“The ferries will run,” Okafor said.\n\n<embed alt="harbour">\n\n'
        "She called it 'a start'.",
        # two double marks outside single-mark quotations make a quotation of their own
        "‘Ferries’ and ‘crews’ and ‘money’ and ‘will’, Okafor said, adding “we will”.",
    ],
)
def test_copy_with_double_marks_is_still_left_as_it_is(text: str) -> None:
    assert analyse(text).text == text


def test_a_quotation_left_unclosed_at_its_paragraphs_end() -> None:
    # The closing mark left out: a capital after the opener at a sentence's start makes it
    # a quotation's, as "“The crews are ready …" is in double-mark copy.
    text = (
        "‘The ferries will run again by spring,’ Maria Okafor said. ‘The crews are ready and "
        "the money is there, and nobody on the islands will be left behind.\n\n"
        "The harbour board meets on Tuesday."
    )
    assert direct_speaker_text(text) == [
        ("Maria Okafor", "The ferries will run again by spring,"),
        (
            "Maria Okafor",
            "The crews are ready and the money is there, and nobody on the islands will be "
            "left behind.",
        ),
    ]


def test_a_quotation_left_open_does_not_run_into_a_paragraph_of_narration() -> None:
    # Only a paragraph opening with a mark carries a quotation on; the plural possessive
    # in the narration after it closes nothing.
    text = (
        "Maria Okafor told the harbour board: ‘The ferries will run again by spring.\n\n"
        "Tom Berg said the crews’ pay was agreed on Monday."
    )
    assert "crews’ pay" in single_marks_as_double(text)


def test_a_closing_mark_whose_opener_was_left_out() -> None:
    # "… she added, the levy is …’": the closing mark at the paragraph's end after a
    # sentence's end is a mark, as "…families.”" is in double-mark copy.
    text = (
        "‘The ferries will run,’ Maria Okafor said on Monday.\n\n"
        "Listing the closures on the islands, she added, the levy is a tax on island families.’"
    )
    assert direct_speaker_text(text) == [
        ("Maria Okafor", "The ferries will run,"),
        ("Maria Okafor", "the levy is a tax on island families."),
    ]


@pytest.mark.parametrize(
    ("text", "spoken"),
    [
        # a post quoted whole, opening with a handle ("‘@…") or a handle after a dot ("‘.@…")
        (
            "‘The levy is gone,’ Maria Okafor said.\n\n"
            "She wrote on Monday: ‘.@HarbourBoard has broken its word to the islands,’ she "
            "wrote.",
            ".@HarbourBoard has broken its word to the islands,",
        ),
        (
            "‘The levy is gone,’ Maria Okafor said.\n\n"
            "‘@HarbourBoard has broken its word to the islands,’ she wrote on Monday.",
            "@HarbourBoard has broken its word to the islands,",
        ),
        # an elided word right after the opener
        (
            "‘The levy is gone,’ Maria Okafor said.\n\n"
            "‘’Twas ever thus with the harbour board,’ she added.",
            "’Twas ever thus with the harbour board,",
        ),
        # the space between two quotations left out
        (
            "Maria Okafor called the levy ‘unfair to the islands.’‘We will fight it,’ she said.",
            "We will fight it,",
        ),
        # a straight closer after a word cut off with dashes
        (
            "Maria Okafor said the vote was a 'Well, d---' moment for the harbour board.",
            "the vote was a “Well, d---” moment for the harbour board",
        ),
    ],
)
def test_openers_and_closers_beside_unusual_characters(text: str, spoken: str) -> None:
    assert ("Maria Okafor", spoken) in direct_speaker_text(text)


def test_an_opening_mark_typed_the_wrong_way_round_before_a_capital() -> None:
    # "’The …" at a word's start before a capital is no elision ("’90s", "’em" are passed
    # over first): an opener typeset as an apostrophe, as "”The …" is in double-mark copy.
    text = (
        "‘The levy is gone,’ Maria Okafor said.\n\n"
        "’The crews are ready and the money is there,’ she added."
    )
    assert direct_speaker_text(text) == [
        ("Maria Okafor", "The levy is gone,"),
        ("Maria Okafor", "The crews are ready and the money is there,"),
    ]


def test_a_space_typed_after_an_opening_mark() -> None:
    text = (
        "‘The levy is gone,’ Maria Okafor said.\n\n"
        "She told the board, ‘ the crews are ready and the money is there.’"
    )
    assert direct_speaker_text(text) == [
        ("Maria Okafor", "The levy is gone,"),
        ("Maria Okafor", "the crews are ready and the money is there."),
    ]


def test_a_quotation_holding_one_within_it_left_unclosed_before_the_next() -> None:
    # Double marks inside a single-mark quotation nest in it, so the opener before them
    # was a mark even though the next opener comes before any closer: the article is
    # rewritten as double-mark copy would have it, not left unread.
    text = (
        "Maria Okafor recalled the meeting. ‘He told us, “The ferries will run by spring,” "
        "and then he left. ‘Nobody believed him,’ she said."
    )
    assert single_marks_as_double(text) == (
        "Maria Okafor recalled the meeting. “He told us, ‘The ferries will run by spring,’ "
        "and then he left. “Nobody believed him,” she said."
    )
    assert ("Maria Okafor", "Nobody believed him,") in direct_speaker_text(text)


_TYPED_TWICE = (
    "‘The ferries will run again,’ Maria Okafor said.\n\n"
    "‘The crews are ready,’ she said. ‘The money is there.’\n\n"
    "Her draft for the harbour board reads: ‘‘The levy is a tax on island families and it "
    "must go.’\n\n"
    "‘Nobody will be left behind,’ she added."
)


def test_an_opening_mark_typed_twice_in_copy_that_quotes_with_single_marks() -> None:
    # One "‘‘" among many single-mark quotations is a slip, as '““' is in double-mark copy,
    # not the doubled marks some copy quotes with ('‘‘The ferries will run,’’ she said.').
    assert "reads: ““The levy" in analyse(_TYPED_TWICE).text
    assert ("Maria Okafor", "Nobody will be left behind,") in direct_speaker_text(_TYPED_TWICE)


@pytest.mark.parametrize(
    "text",
    [
        # copy that quotes with doubled single marks throughout
        "‘‘The ferries will run,’’ Okafor said. ‘‘The crews are ready.’’",
        # one opener typed twice, but too few quotations around it to tell
        "‘The ferries will run,’ Okafor said. Her draft reads: ‘‘The levy must go.’",
    ],
)
def test_doubled_single_marks_still_leave_the_article_as_it_is(text: str) -> None:
    assert analyse(text).text == text
