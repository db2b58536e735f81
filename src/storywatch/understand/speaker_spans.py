"""Where the words that name a statement's speaker begin and end, before resolution.

The rules that find a statement take the words before or after its cue as the speaker, and
each rule cuts them by its own reading. These corrections apply to every rule alike, in
order:

- the verb's own words are no part of the speaker ("The league has twice complained");
- before a participle cue, a clause's subject speaks, not the clause ("The Florida senator
  sought to calm his supporters, saying …");
- a role set off before a name leaves the name to speak ("a top strategist, John Weaver");
- whoever put a document out speaks for it ("Pell issued a statement saying …");
- a span that stops at a lowercase word inside a name is widened to the whole name ("the
  Centers for Disease Control and Prevention said": the readers stop at "and").
"""

from __future__ import annotations

import re
from bisect import bisect_right

from storywatch.understand.analysis import Analysis
from storywatch.understand.clause_speakers import participle_subject, trimmed
from storywatch.understand.issuers import issuer
from storywatch.understand.phrases import appositive_name
from storywatch.understand.spans import Found, Span


def speaker_span(an: Analysis, found: Found, span: Span) -> Span:
    """The speaker of ``found`` as the words ``span`` give it, corrected (see the module
    docstring)."""
    text = an.text
    said_by = trimmed(text, span)
    if found.cue is not None and text[found.cue[0] : found.cue[1]].endswith("ing"):
        said_by = participle_subject(text, said_by)
    said_by = appositive_name(text, said_by) or said_by
    said_by = issuer(text, an.sentences[found.sentence], said_by) or said_by
    return _whole_names(an, said_by)


def _whole_names(an: Analysis, span: Span) -> Span:
    """The span widened to the whole of a name it starts or ends inside: in "the Centers for
    Disease Control and Prevention said" the readers take "Prevention", and in "according to
    the Centers for …" they take "the Centers"; the mention finder reads one name."""
    start, end = span
    text = an.text
    i = bisect_right(an.mention_starts, start) - 1
    if (
        i >= 0
        and an.mentions[i].start < start < an.mentions[i].end
        and _CONNECTOR.search(text, an.mentions[i].start, start)
    ):
        start, end = an.mentions[i].start, max(end, an.mentions[i].end)
    k = bisect_right(an.mention_starts, end - 1) - 1
    if (
        k >= 0
        and start <= an.mentions[k].start < end < an.mentions[k].end
        and _CONNECTOR.search(text, end, an.mentions[k].end)
    ):
        end = an.mentions[k].end
    return start, end


# Only a lowercase word inside a name is why a phrase reader stops there; a reader that left
# out a capitalised word ("Stated Reyes:") did so on purpose.
_CONNECTOR = re.compile(r"\s(?:for|and|of)\s")
