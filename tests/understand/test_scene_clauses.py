"""A cue inside a clause that opens the sentence and sets the scene ("When …,", "After …,")
reports nothing of a quotation in the main clause after that clause's comma
(clause_ends.cue_in_scene): sentences written for these tests."""

from __future__ import annotations

from storywatch.understand import extract_statements
from tests.support.statements import direct_text_speaker


def test_a_naming_verb_in_the_main_clause_reads_the_quotation() -> None:
    text = (
        "The harbor board met on Monday.\n\n"
        "When Ana Ruiz announced her bid in March 2019, she famously referred to the "
        "dock owners as “idlers” and “thieves” while promising a new pier.\n"
    )
    [(said, _)] = direct_text_speaker(text)
    assert said.startswith("the dock owners as “idlers”")


def test_the_main_clauses_own_cue_reads_the_quotation() -> None:
    text = (
        "The harbor board met on Monday.\n\n"
        "After Tomas Berg argued that the ferries should be sold to pay for the dredging, "
        "Ana Ruiz said only that his “sums do not add up.”\n"
    )
    [(said, who)] = direct_text_speaker(text)
    assert said.startswith("that his “sums")
    assert "Ruiz" in who


def test_as_someone_put_it_still_credits_the_quotation() -> None:
    text = (
        "The harbor board met on Monday.\n\n"
        "As the Harbor Gazette noted in an editorial, the board has been "
        "“asleep at the wheel” for years.\n"
    )
    [(said, who)] = direct_text_speaker(text)
    assert "asleep at the wheel" in said
    assert "Gazette" in who


def test_a_second_quotation_joined_by_and_stays_in_the_scene_clause() -> None:
    text = (
        "Although Okafor says he “loves the harbour,” and “the harbour loves me,” he also "
        "accuses the board of neglect.\n"
    )
    [only] = extract_statements(text)
    assert only.text == "he “loves the harbour,” and “the harbour loves me,”"


def test_a_cue_after_the_scene_clause_reads_a_whole_quotation() -> None:
    """ "While Ruiz affirmed that she likes Berg …, she also stated a day earlier, “…”": the
    main clause's own cue gives the quotation alone (before, the scene clause's words from
    "Berg to the harbour radio host" on were read with it)."""
    text = (
        "The harbor board met on Monday.\n\n"
        "While Ana Ruiz affirmed that she likes Tomas Berg to the harbour radio host, she "
        "also stated a day earlier, “If Berg wins the vote, we will have a fight on our "
        "hands.”\n"
    )
    [(said, who)] = direct_text_speaker(text)
    assert said == "If Berg wins the vote, we will have a fight on our hands."
    assert who == "Ana Ruiz"


def test_a_broad_cue_in_the_scene_clause_reads_nothing_of_the_main_clause() -> None:
    """ "When the captain realized help was not coming, he “just left”": "realized" is read
    only when a quotation follows it (a broad cue), and the quotation here is the main
    clause's, set in by the writer; the captain's realization says none of it."""
    text = (
        "The harbor board met on Monday.\n\n"
        "When the ferry captain realized help was not coming, he “just left” with the crew.\n"
    )
    assert direct_text_speaker(text) == []
