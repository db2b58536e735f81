"""A pronoun in an opening subordinate clause that stands for the name after it.

"After she toured the docks, Mayor Ines Varga said …", "Though he called the plan
“reckless,” Councillor Tomas Berg voted for it": when a sentence opens with a
subordinating word and a pronoun, and the main clause after the comma opens with a name,
a reader takes the pronoun for that name, not for someone named in earlier sentences
(or in a headline) — the clause was written to be read with the name that follows.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from storywatch.understand.analysis import Analysis
from storywatch.understand.pronoun_fit import compatible

# A subordinating word opening the sentence, then the pronoun ("After he", "Though she").
_OPENING = re.compile(
    r"(?:After|Before|When|While|Though|Although|As|Since|Because|If|Once|Until|Unless)\s+\Z"
)

# The comma that closes the opening clause, with the closing mark of a quotation that ends
# there ("… too “reckless,” Councillor Berg …"), before the name.
_AFTER_COMMA = re.compile(",[”\"’']*\\s+\\Z")

# After the name, the main clause's verb: a lower-case word ("Berg voted", "Vale has"),
# not a comma or "and" that would make the name one of a list inside the clause.
_VERB_NEXT = re.compile(r"\s+(?!and\b|or\b)[a-z]")


def cataphoric_name(an: Analysis, pos: int, pronoun: str) -> int | None:
    """The identity of the name opening the main clause after the comma, when the pronoun
    at ``pos`` is the subject of the clause that opens the sentence; ``None`` otherwise."""
    if pronoun not in ("he", "she"):
        return None
    sent = an.sentences[an.sentence_of(pos)]
    if not _OPENING.fullmatch(an.text, sent.start, pos):
        return None
    i = bisect_left(an.mention_starts, pos)
    while i < len(an.mentions):
        m = an.mentions[i]
        owner = an.owner[i]
        i += 1
        if m.start >= sent.end:
            return None
        opens = m.title_start if m.title_start >= 0 else m.start
        if owner < 0 or not _AFTER_COMMA.search(an.text, pos, opens):
            continue  # a name inside the opening clause
        if not _VERB_NEXT.match(an.text, m.end):
            return None
        return owner if compatible(an, an.identities[owner], pronoun) else None
    return None
