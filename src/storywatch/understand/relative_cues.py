"""A cue inside a relative clause: "…, whom she described as “calm”", "…, which had vowed to
“fix the ferry,” …". Whether the cue opens such a clause (with a pronoun subject, or with
the relative pronoun itself as subject), and whether the clause that holds it goes on after
its quotation; ``attribution`` decides from these which reading the sentence keeps, and
``followups`` reads the main verb after such a clause as a second act.
"""

from __future__ import annotations

import re

from storywatch.understand.finite_verbs import finite
from storywatch.understand.lexicon import words_of as _words
from storywatch.understand.spans import CLOSING_MARKS, Found, Sentence, Span, subject_end
from storywatch.understand.text import Word


def relative_opener(text: str, s: Sentence, k: int) -> int:
    """The index of "which"/"who"/"whom" when the cue at ``k`` is the verb of a relative
    clause set off by a comma or a dash with a pronoun subject (", whom she described as", ", which
    he flatly called"), else -1."""
    words = s.words
    j = k - 1 if k > 0 and words[k - 1].text.endswith("ly") else k
    if j < 3 or words[k].text.endswith("ing"):
        return -1
    if (
        words[j - 1].text.lower() not in _RELATIVE_SUBJECTS
        or words[j - 2].text.lower() not in _RELATIVE_OPENERS
        or not any(c in text[words[j - 3].end : words[j - 2].start] for c in ",—–-")
    ):
        return -1
    return j - 2


def subject_relative(text: str, s: Sentence, k: int) -> bool:
    """ "said the agency, which had vowed to “fix the ferry,” had done nothing": the cue at
    ``k`` is the verb of a relative clause set off by a comma whose subject is the relative
    pronoun itself (auxiliaries and adverbs between), a clause about something inside what
    the first cue reports."""
    words = s.words
    j = subject_end(words, k, any_ly=True)
    if j < 2 or words[j - 1].text.lower() not in ("which", "who"):
        return False
    return any(c in text[words[j - 2].end : words[j - 1].start] for c in ",—–")


def resumed(text: str, at: int) -> bool:
    """ "between Ruiz, whom he called “…,” and a newcomer", "said the levy, which she called
    “reckless,” would hurt crews": after the quotation the first cue's clause goes on (a
    conjunction, or the clause's own finite verb), so the relative clause sits inside it."""
    if _RESUMED.match(text, at):
        return True
    verb = _VERB_AFTER.match(text, at)
    return verb is not None and finite(verb.group(1))


_RESUMED = re.compile(r",?\s+(?:and|or|but)\s")
_VERB_AFTER = re.compile(r",?\s+([a-z]+)\b")
_RELATIVE_OPENERS = _words("which who whom")
_RELATIVE_SUBJECTS = _words("he she they")


def main_verb_after_relative(
    text: str, s: Sentence, prev: Found, before: Word, cue: Word
) -> Span | None:
    """ "Ruiz, who has called the delay “a disgrace,” said the ferry would “run again by
    spring.”", "Biden, whom Trump calls “Sleepy Joe,” told reporters …": the first act was
    read in a relative clause on a name, and that clause closes on a quotation and its comma
    right before this cue. The cue is the main clause's verb, whose subject is that name
    (the relative's own speaker after "who", the name before "whom"): its act, not a word
    of the first quotation's. A paraphrase closes the relative clause as well when the
    main verb comes right after its comma ("Ruiz, who has said that the port is safe, said
    on Wednesday …": a verb with no subject of its own after a comma is the name's). The
    main clause's speaker, or ``None``."""
    if prev.speaker is None or prev.cue is None or not prev.parts:
        return None
    gap = text[before.end : cue.start]
    plain = gap == ", " and before.text[:1].islower()
    if not plain and ("," not in gap or not gap.rstrip().endswith(CLOSING_MARKS)):
        # "…, who has called it “a disgrace,” on Tuesday said …": a time or an adverb
        # between the clause's closing comma and the main verb.
        q = next((q for q in reversed(s.quotes) if q.end <= cue.start), None)
        if q is None or not _TIME_BEFORE_VERB.fullmatch(text, q.end, cue.start):
            return None
        if "," not in text[q.end - 2 : q.end + 1]:
            return None
        before = next(w for w in reversed(s.words) if w.end <= q.end)
    if prev.parts[-1][1] < before.end:
        return None
    lead = text[max(0, prev.speaker[0] - len(", whom ")) : prev.speaker[0]]
    written = text[prev.speaker[0] : prev.speaker[1]]
    if written == "who" and lead.endswith(", "):
        return prev.speaker
    if written.startswith("whom ") and lead.endswith(", "):
        comma = prev.speaker[0] - 2  # the speaker read as "whom Trump"
    elif lead.endswith(", whom "):
        comma = prev.speaker[0] - len(", whom ")
    else:
        return None
    names = [w for w in s.words if w.end <= comma][-_NAME_WORDS:]
    run: list[Word] = []
    for w in reversed(names):
        if not w.text[:1].isupper() or (run and text[w.end : run[0].start] != " "):
            break
        run.insert(0, w)
    return (run[0].start, run[-1].end) if run else None


_NAME_WORDS = 4

# Between a relative clause's closing quotation and the main verb: "on Tuesday", "later",
# "also", "last week" (one or two of them), with the clause's comma.
_TIME_BEFORE_VERB = re.compile(
    r",?\s*(?:(?:on|last|this)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|week|month|year|night|morning)\s+)?(?:(?:later|also|now|then|again|earlier)\s+)?"
)
