"""What a study, a report or a court found: "The study found that …", "Court records show
that …", "The appeals court ruled that …", "Researchers estimated that …".

Science, court and business copy attributes a claim to a piece of research or a ruling
with verbs that are no verbs of speech elsewhere ("found the body", "showed the house",
"ruled out a run"), so they are not cues (`lexicon.CUE_WORDS`). Here they report only with
"that" right after them and a subject whose head is a study, a record or a court: the
finding is that subject's statement, as a reader takes it. Tried when no other reading of
the sentence was found.
"""

from __future__ import annotations

import re

from storywatch.understand import lexicon as lx
from storywatch.understand.contents import content_after
from storywatch.understand.phrases import _np_before
from storywatch.understand.spans import Found, Sentence


def finding(text: str, s: Sentence) -> Found | None:
    """The finding reported by the sentence's first finding verb before "that", or None."""
    words = s.words
    for k in range(1, len(words) - 2):
        w = words[k]
        if w.text not in lx.FINDING_VERBS:
            continue
        that = k + 2 if _VOTE.fullmatch(words[k + 1].text) else k + 1
        if that >= len(words) or words[that].text != "that":
            continue  # ("ruled 6-3 that …": the vote stands between)
        if any(q.start <= w.start < q.end for q in s.quotes):
            continue
        speaker = _np_before(text, words, k, s.start) or _opening_phrase(text, s, k)
        if speaker is None:
            return None
        written = text[speaker[0] : speaker[1]].lower().split()
        if "of" in written[1:]:
            written = written[: written.index("of", 1)]  # "A survey of 2,000 nurses"
        if written[-1].strip(",") not in _FINDERS:
            return None
        return content_after(text, s, k, "find", speaker)
    return None


def _opening_phrase(text: str, s: Sentence, k: int) -> tuple[int, int] | None:
    """ "A survey of 2,000 nurses shows …": the few words that open the sentence, from a
    determiner to the verb with no comma between, when the noun phrase reader refused them
    (it stops at a figure)."""
    words = s.words
    if k > _OPENING_WORDS or words[0].text.lower() not in ("a", "an", "the"):
        return None
    if "," in _GROUPING.sub("", text[words[0].start : words[k - 1].end]):
        return None  # (a figure's comma, "2,000", is no break)
    return words[0].start, words[k - 1].end


_OPENING_WORDS = 8
# The comma that groups a figure's digits.
_GROUPING = re.compile(r"(?<=\d),(?=\d{3})")

# A court's vote between the verb and "that" ("ruled 6-3 that", "ruled 5–4 that").
_VOTE = re.compile(r"\d{1,2}[-–]\d{1,2}")

# Heads of subjects that establish findings: research and its authors, records, courts.
_FINDERS = lx.words_of(
    """
    study studies report reports survey surveys poll polls analysis review research data
    records findings investigation audit researchers scientists trial experiment paper
    evaluation court courts judge judges justices panel jury investigators
    """
)
