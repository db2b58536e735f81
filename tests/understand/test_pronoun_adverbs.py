"""An adverb in "-ly" between a subject pronoun and its verb of saying ("She wrongly
suggested that …", "he memorably promised that …"): a pronoun has no noun of its own, so the
adverb is stepped over and the pronoun is the subject. After a noun an "-ly" word may be
the noun's own ("the Ruiz family said"), which this does not touch.

Each fixture is our own sentence in the shape of New York Times copy (doubled single marks
for quotation marks, honorifics before names).
"""

from __future__ import annotations

import pytest

from storywatch.understand import extract_statements


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        # an adverb before "suggested"
        (
            "Mayor Lena Ortiz toured the harbor on Monday. She wrongly suggested that the ferry "
            "plan was ''a fiasco from the start.''",
            "that the ferry plan was ''a fiasco from the start.''",
            "Lena Ortiz",
        ),
        # a clause opening with "if" after the verb: the verb's subject is still the pronoun
        (
            "Councilman Tomas Reyes spoke at a dockside rally in 1998. He memorably promised "
            "that if the dockers backed him, he would keep the yard open ''until the last "
            "crane falls.''",
            "that if the dockers backed him, he would keep the yard open ''until the last "
            "crane falls.''",
            "Tomas Reyes",
        ),
    ],
)
def test_an_adverb_after_a_pronoun(text: str, content: str, speaker: str) -> None:
    statements = extract_statements(text)
    direct = [s for s in statements if s.kind == "direct"]
    assert len(direct) == 1, statements
    assert direct[0].text == content
    assert direct[0].speaker == speaker
