"""A cue verb used intransitively in an opening clause: "After the panel concluded, Ruiz
stated that the plan was “dead on arrival.”".

"conclude", "end", "finish" and the like report speech ("the study concluded that …"), but
when a comma follows the verb at once and a later clause brings its own subject and cue
before the quotation, the first verb only told when the words were said: the later cue
introduces them, and its subject speaks. Left alone, the first cue takes the quotation and
its subject ("the panel") becomes the speaker. A parenthetical report reads the same way:
"As the count ended, the Gazette's Lena Moss reported, his brother whispered: “You did it.”"
credits the brother, whose words they are, not the reporter who relayed them.
"""

from __future__ import annotations

import re

from storywatch.understand import lexicon as lx
from storywatch.understand.spans import Sentence, _inside, _is_cue, cue_indices

# The words that may open the later clause's subject: a name (capitalised), a pronoun, or
# a determiner ("the mayor", "his aide").
_SUBJECT_OPENERS = lx.PERSONAL_PRONOUNS | {"the", "a", "an", "his", "her", "their", "its"}
_COMMA_NEXT = re.compile(r"\s*,")
_MAX_SUBJECT_WORDS = 5


def ends_its_clause(text: str, s: Sentence, k: int) -> bool:
    """Whether the cue ``s.words[k]`` closes an opening clause ("after the talk concluded,")
    whose sentence goes on to a subject and a cue of its own before any quotation ("…,
    Ruiz stated that …"). A quotation before the cue keeps it (a trailer: "“No,” she
    concluded, and Ruiz stated …")."""
    cue = s.words[k]
    if not _COMMA_NEXT.match(text, cue.end):
        return False
    if any(q.start < cue.start for q in s.quotes):
        return False
    later = [q.start for q in s.quotes if q.start > cue.end]
    if not later:
        return False
    for k2 in cue_indices(s):
        if k2 <= k + 1:
            continue
        other = s.words[k2]
        if other.start > later[0]:
            return False
        gap = s.words[k + 1 : k2]
        return (
            _is_cue(other, s.quotes)
            and not other.text.endswith("ing")
            and 1 <= len(gap) <= _MAX_SUBJECT_WORDS
            and not any(_inside(s.quotes, w.start) for w in gap)
            and (gap[0].text[:1].isupper() or gap[0].text.lower() in _SUBJECT_OPENERS)
        )
    return False
