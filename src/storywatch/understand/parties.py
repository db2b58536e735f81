"""Whether the article writes a person with a party: "Sen. Maria Lopez, D-Ohio",
"Lopez (D-Ohio)", "Lopez, a Democrat from Ohio", "Democratic Gov. Maria Lopez".

News copy names someone again by party alone ("The Democrat added …"); that is only safe
to read as the person just quoted when the article itself gave them that party, so "the
Republican" right after a Democrat's quotation is not taken for the Democrat.
"""

from __future__ import annotations

import re

from storywatch.understand.analysis import Analysis

# The party as a word, and its letter in a label ("D-Ohio", "(D)").
_PARTIES = {
    "democrat": (r"Democrat(?:ic)?", "D"),
    "republican": (r"(?:Republican|GOP)", "R"),
    "independent": (r"Independent", "I"),
}
# Right before the name or in its title: "Democratic Sen.", "Republican presidential
# candidate" (not "Republican lawmakers criticized …").
_BEFORE = {party: re.compile(rf"\b{word}\b") for party, (word, _letter) in _PARTIES.items()}
# Right after the name, maybe after an age: " (D-Ohio)", " (D)", ", D-Ohio,", ", 56, a
# Democrat from Ohio", ", the Republican nominee".
_AFTER = {
    party: re.compile(
        rf"(?:,\s+\d{{1,3}})?"
        rf"(?:\s*\({letter}(?:-[A-Z][\w.]*)?\)"
        rf"|,\s+{letter}-[A-Z]"
        rf"|,\s+(?:(?:a|an|the)\s+)?(?:[a-z-]+\s+){{0,2}}{word}\b)"
    )
    for party, (word, letter) in _PARTIES.items()
}


def written_with_party(an: Analysis, identity: int, party: str) -> bool:
    """Whether a mention of ``identity`` has ``party`` written right next to it."""
    before, after = _BEFORE.get(party), _AFTER.get(party)
    if before is None or after is None:
        return False
    text = an.text
    for mi, m in enumerate(an.mentions):
        if an.owner[mi] != identity:
            continue
        opens = m.title_start if m.title_start >= 0 else m.start
        floor = an.sentences[an.sentence_of(opens)].start
        # the title and the one word before it ("Democratic" before "Sen. Maria Lopez")
        prev = max(floor, text.rfind(" ", floor, max(floor, opens - 1)) + 1)
        if before.search(text, prev, m.start) or after.match(text, m.end):
            return True
    return False
