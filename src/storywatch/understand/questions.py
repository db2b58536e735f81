"""A question put to the speaker before the answer: "Asked whether the plan would pass,
Lee said: “…”", "When asked by a reporter about the vote, Lee replied, “…”".

The opening participle clause reports what someone asked, and its words are not the
speaker's: "Asked" is no inverted cue with its speaker after it ("Said Lee: …"), and a word
inside the question that is also a cue ("… if the memo went beyond …") governs nothing of
the answer. When the main clause after the comma has a cue of its own that introduces a
quotation (a comma or colon, then the marks), that cue is the sentence's attribution; the
cues of the question are skipped. Without such a cue ("Asked if …, most voters said yes")
the sentence is left to the other readings as before.
"""

from __future__ import annotations

import re

from storywatch.understand.spans import Sentence, _is_cue

# Words that may stand before "asked" in the opening clause ("When asked …").
_BEFORE_ASKED = frozenset(("when", "once", "after", "later", "again", "also"))

# A cue that introduces a quotation: a comma or a colon, then an opening mark.
_INTRODUCES = re.compile(r"[,:]\s*(?:“|\"|'')")

# The main clause's cue comes within this many words of the last comma before it.
_SUBJECT_WORDS = 8


def answer_start(text: str, s: Sentence) -> int:
    """Index of the main clause's cue when ``s`` opens with a question put to its speaker
    and that cue, the first past a comma, introduces a quotation; 0 otherwise (nothing to
    skip). Cues before the comma are the question's ("… if the memo went beyond …")."""
    words = s.words
    at = 0
    while at < len(words) and at < 2 and words[at].text.lower() in _BEFORE_ASKED:
        at += 1
    if at >= len(words) or words[at].text.lower() != "asked":
        return 0
    for k in range(at + 1, len(words)):
        w = words[k]
        if not _is_cue(w, s.quotes):
            continue
        comma = _last_comma_before(text, s, at, k)
        if comma is None:
            continue  # still inside the question
        if k - comma > _SUBJECT_WORDS or _INTRODUCES.match(text, w.end) is None:
            return 0
        return k
    return 0


def _last_comma_before(text: str, s: Sentence, first: int, k: int) -> int | None:
    """Index of the word right after the last comma between words ``first`` and ``k``."""
    words = s.words
    for n in range(k, first, -1):
        if "," in text[words[n - 1].end : words[n].start]:
            return n
    return None
