"""Who "I" is in an interview printed as questions and answers.

"Q&A with Vice President Joe Biden", "Interview: Tom Vale": the headline names the person
whose answers the article prints in the first person, so a bare "I" resolves to them.
"""

from __future__ import annotations

import re

from storywatch.model import EntityKind
from storywatch.understand.analysis import Analysis


def interviewee(an: Analysis) -> int | None:
    """The person an interview's headline names ("Q&A with Vice President Joe Biden",
    "Interview: Tom Vale"), whose answers the article prints in the first person."""
    m = _INTERVIEW.match(an.text)
    if m is None:
        return None
    for i in an.mentions_in(m.end(), m.end() + 120):
        mention = an.mentions[i]
        if mention.start >= an.text.find("\n", m.end()) > 0:
            break
        if mention.kind is EntityKind.PERSON and an.owner[i] >= 0:
            return an.owner[i]
    return None


_INTERVIEW = re.compile(r"\s*(?:Q ?& ?A|An interview|Interview)(?: with|:)\s+", re.IGNORECASE)
