"""A cue verb whose own clause ends before a later subject and cue introduce the quotation:
"After the panel concluded, Ruiz stated that the plan was “dead on arrival.”", "A woman
asked for a photo and Ruiz said, “Only if it is quick.”".

"conclude", "end", "ask" and the like report speech ("the study concluded that …"), but
when the clause of such a verb closes (a comma, or "and") and a new subject with its own
cue follows before the quotation, the first verb only told when or why the words were
said: the later cue introduces them, and its subject speaks. Left alone, the first cue
takes the quotation and its subject ("the panel", "a woman") becomes the speaker. A
parenthetical report reads the same way: "As the count ended, the Gazette's Lena Moss
reported, his brother whispered: “You did it.”" credits the brother, whose words they are,
not the reporter who relayed them.
"""

from __future__ import annotations

from storywatch.understand import lexicon as lx
from storywatch.understand.finite_verbs import FINITE_AUXILIARIES
from storywatch.understand.spans import Sentence, _inside, _is_cue, cue_indices
from storywatch.understand.text import Word

# The words that may open the later clause's subject: a name (capitalised), a pronoun, or
# a determiner ("the mayor", "his aide").
_SUBJECT_OPENERS = lx.PERSONAL_PRONOUNS | {"the", "a", "an", "his", "her", "their", "its"}
_MAX_SUBJECT_WORDS = 5
# How far after the cue the later clause may start ("asked for a photo and …").
_MAX_GAP_WORDS = 8


def ends_its_clause(text: str, s: Sentence, k: int) -> bool:
    """Whether the cue ``s.words[k]`` closes its clause ("after the talk concluded,", "asked
    for a photo and") before a new subject and a cue of its own, ahead of any quotation
    ("…, Ruiz stated that …", "… and Ruiz said, “…”"). A quotation before the cue keeps it
    (a trailer: "“No,” she concluded, and Ruiz stated …")."""
    cue = s.words[k]
    if any(q.start < cue.start for q in s.quotes):
        return False
    later = [q.start for q in s.quotes if q.start > cue.end]
    if not later:
        return False
    k2 = next((n for n in cue_indices(s) if n > k + 1), None)
    if k2 is None or k2 - k - 1 > _MAX_GAP_WORDS:
        return False
    other = s.words[k2]
    if other.start > later[0] or other.text.endswith("ing") or not _is_cue(other, s.quotes):
        return False
    gap = s.words[k + 1 : k2]
    if any(_inside(s.quotes, w.start) for w in gap):
        return False
    return _new_subject(text, cue, gap) or _after_opening_clause(text, s, cue, gap)


def _new_subject(text: str, cue: Word, gap: list[Word]) -> bool:
    """The words before the later cue are a subject of their own, set off from the first
    cue's clause by a comma right after it or by "and": "concluded, Ruiz stated", "asked
    for a photo and Ruiz said". A modal or auxiliary among them ("said, if elected, she
    would ask …") makes them part of the first cue's reported clause."""
    if gap and "," in text[cue.end : gap[0].start]:
        subject = gap
    else:
        joins = [n for n, w in enumerate(gap) if w.text == "and"]
        if not joins:
            return False
        subject = gap[joins[-1] + 1 :]
    return _subject_alone(subject)


def _after_opening_clause(text: str, s: Sentence, cue: Word, gap: list[Word]) -> bool:
    """The cue sits in a time clause opening the sentence, and the main clause's subject
    follows the comma that closes it: "After Vale accused him of bias, he warned, “…”"."""
    if s.words[0].text.lower() not in _TIME_OPENERS or "," in text[s.start : cue.start]:
        return False
    comma = next(
        (n for n, w in enumerate(gap) if n and "," in text[gap[n - 1].end : w.start]), None
    )
    return comma is not None and _subject_alone(gap[comma:])


def _subject_alone(subject: list[Word]) -> bool:
    """A short subject standing alone before its verb: "Ruiz", "the mayor", "he"; not
    "she would" (a modal belongs to a verb phrase) nor "Lee and" (a join goes on)."""
    return (
        1 <= len(subject) <= _MAX_SUBJECT_WORDS
        and (subject[0].text[:1].isupper() or subject[0].text.lower() in _SUBJECT_OPENERS)
        and not any(w.text.lower() in FINITE_AUXILIARIES or w.text == "and" for w in subject)
    )


_TIME_OPENERS = frozenset({"after", "when", "as", "before", "while", "once", "until"})
