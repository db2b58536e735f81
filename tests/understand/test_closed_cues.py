"""A cue verb closing an opening clause: "After the panel concluded, Ruiz stated that …".

Each fixture is our own sentence in the shape of wire copy; the comment names the shape.
"""

from __future__ import annotations

import pytest

from storywatch.understand import extract_statements
from storywatch.understand.analysis import analyse
from storywatch.understand.closed_cues import ends_its_clause


@pytest.mark.parametrize(
    ("text", "speaker", "quoted"),
    [
        # an intransitive "concluded" in a time clause: the main clause's cue speaks
        (
            "Later in the broadcast, after the Vandermeer interview concluded, Okafor stated "
            "of the ferry plan that the budget “was never realistic.”",
            "Okafor",
            "that the budget “was never realistic.”",
        ),
        # a parenthetical "X reported," before the one who speaks the quotation
        (
            "As the count ended on Friday, the Gazette's Lena Moss reported, his brother "
            "whispered to him: “You did it.”",
            "his brother",
            "You did it.",
        ),
    ],
)
def test_the_later_cue_introduces_the_quotation(text: str, speaker: str, quoted: str) -> None:
    direct = [st for st in extract_statements(text) if st.kind == "direct"]
    assert len(direct) == 1, direct
    assert direct[0].text == quoted
    assert direct[0].speaker_mention == speaker


@pytest.mark.parametrize(
    "text",
    [
        # the cue's own quotation comes after the comma
        "The mayor concluded, “We are done here.”",
        # a trailer: the quotation before the cue is its own
        "“We are done,” the mayor concluded, and Lee stated that “the work goes on.”",
        # a participle after the comma shares the cue's subject
        "The mayor said, adding that the works were “on schedule.”",
    ],
)
def test_a_cue_with_its_own_quotation_is_kept(text: str) -> None:
    s = analyse(text).sentences[0]
    k = next(i for i, w in enumerate(s.words) if w.text in {"concluded", "said"})
    assert not ends_its_clause(text, s, k)


@pytest.mark.parametrize(
    ("text", "speaker", "quoted"),
    [
        # "and" closes the first cue's clause; a new subject and cue follow
        (
            "The mayor toured the market. At one point, a woman asked for a photo and Ruiz "
            "said, “Only if it is quick.”",
            "Ruiz",
            "Only if it is quick.",
        ),
        # a time clause opening the sentence holds the first cue; the main clause speaks
        (
            "After Anna Vale accused him of bias, he warned, “If they play that card, it is "
            "fair game,” Ruiz told the radio show.",
            "he",
            "If they play that card, it is fair game,",
        ),
    ],
)
def test_a_closed_clause_gives_way_to_the_next_cue(text: str, speaker: str, quoted: str) -> None:
    direct = [st for st in extract_statements(text) if st.kind == "direct"]
    assert len(direct) == 1, direct
    assert direct[0].text == quoted
    assert direct[0].speaker_mention == speaker


def test_a_modal_keeps_the_clause_reported() -> None:
    # "said, if elected, she would ask …": the later "ask" is inside what was said
    text = "Vale said, if elected, she would ask the council to “finish the harbour.”"
    s = analyse(text).sentences[0]
    k = next(i for i, w in enumerate(s.words) if w.text == "said")
    assert not ends_its_clause(text, s, k)
