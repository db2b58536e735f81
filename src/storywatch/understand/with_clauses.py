"""An absolute clause of speech after a comma: ", with <name> <participle of speech>".

"The attack sparked a debate over how the city responds, with Senator Tom Reed telling
reporters he viewed the mayor as “directly responsible”": the quotation after the clause is
the named person's, read from the participle as its own cue, not the content of a cue
before the comma ("responds"), which would run on through the clause.
"""

from __future__ import annotations

import re

from storywatch.understand import lexicon as lx
from storywatch.understand.spans import Sentence

# ", with Senator Tom Reed telling reporters …": an absolute clause after a comma, whose
# name and participle of speech say who speaks in it.
_WITH_CLAUSE = re.compile(r",\s+with\s+(?:[A-Z][\w.’'-]*\s+){1,5}(?:[a-z]+ly\s+)?([a-z]+ing)\b")


def with_clause_before_quote(text: str, s: Sentence, k: int) -> bool:
    """ "… a fresh debate over how the city responds, with Senator Tom Reed telling
    reporters he viewed the mayor as “directly responsible”": between the cue and the
    quotation, a comma opens "with" a name and a participle of speech; the quotation is
    that name's (the participle is read as its own cue), not the earlier cue's content."""
    first = min((q.start for q in s.quotes if q.start > s.words[k].end), default=-1)
    if first < 0:
        return False
    m = _WITH_CLAUSE.search(text, s.words[k].end, first)
    return m is not None and m.group(1) in lx.CUE_WORDS
