"""A share of those polled as the speaker: "At least half of voters in each state say …
“about right”", "About four in 10 said they were “angry”", "Just shy of half, 49%, say …",
"Fifty-eight percent of respondents said …",
"While those surveyed said …".

Poll reports write the respondents as a quantity, with prepositions inside it ("four in
10", "half of voters in each state"), so the noun phrase walk that finds other subjects
stops halfway and finds no speaker. The share is who the reader should see credited: the
people asked, as many as the sentence says, not the pollster and not a person. Only a
content with a quotation is read here (the reading for paraphrases is unchanged).

Run among the last readers (``statements.attribute``), when no other reading found
anything in the sentence.
"""

from __future__ import annotations

import re

from storywatch.understand.contents import content_after
from storywatch.understand.spans import Found, Sentence

_SHARE = re.compile(
    r"(?:(?:While|Although|Though|But|And|As|[Ww]hile|[Aa]nd),?\s+)?"
    r"(?P<share>"
    r"(?:(?:[Aa]bout|[Nn]early|[Aa]lmost|[Rr]oughly|[Ss]ome|[Oo]nly|[Jj]ust(?: shy of)?|"
    r"[Mm]ore than|[Ll]ess than|[Ff]ewer than|[Aa]t least|[Oo]ver|[Uu]nder|[Aa] full|"
    r"[Aa] mere)\s+)*"
    r"(?:[Hh]alf|[Aa] third|[Aa] quarter|[Tt]wo-thirds|[Tt]hree-quarters|[Aa] majority|"
    r"\w+ (?:in|out of|of) (?:10|ten)|\d+(?:\.\d+)? ?(?:percent|%)|"
    r"(?:[Tt]wenty|[Tt]hirty|[Ff]orty|[Ff]ifty|[Ss]ixty|[Ss]eventy|[Ee]ighty|[Nn]inety)"
    r"(?:-[a-z]+)? percent|"
    r"[Tt]hose (?:surveyed|polled|asked|questioned))"
    r"(?: of [^,;:“\"]{1,40}?)?(?:,\s*\d+%,)?"
    r")\s+(?P<cue>say|says|said)\b"
)


def poll_share_led(text: str, s: Sentence) -> Found | None:
    """A share of respondents opening its clause, "say"/"said", and a content holding a
    quotation."""
    if not s.quotes:
        return None
    head = text[s.start : s.quotes[0].start]
    if "say" not in head and "said" not in head:
        return None  # the pattern's cue, looked for first: most heads have none
    m = _SHARE.match(head) or _SHARE.search(head, head.find(", ") + 2 if ", " in head else 0)
    if m is None or (m.start() and head[m.start() - 2 : m.start()] != ", "):
        return None
    cue = s.start + m.start("cue")
    k = next((i for i, w in enumerate(s.words) if w.start == cue), None)
    if k is None:
        return None
    speaker = (s.start + m.start("share"), s.start + m.end("share"))
    found = content_after(text, s, k, "say", speaker)
    return found if found is not None and found.direct else None
