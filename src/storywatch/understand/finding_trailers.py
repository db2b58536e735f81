"""A finding written after its clause: "Lee was paid $40,000 in 2019, court records show."

News copy puts the evidence for a sentence at its end the way it puts a speaker there:
"Most voters backed the levy, the poll found", "The pier had not been inspected since 2010,
a review by the council concluded", "Turnout fell by a third, records say". On PolNeAR
train such a trailer (a comma, a subject headed by a document or a body of evidence, its
verb of finding ending the sentence) is annotated as an attribution with the clause before
the comma as its content and the noun phrase as its source in 22 of the 23 we read (the one
left out: "…, The Post found.").

The cue verbs' reader already takes "…, the report said." and "…, court documents say."; it
leaves a verb of finding, which says nothing with a person as its subject ("…, police
found."), and a subject with no determiner ("…, records say."), which it cannot tell from a
plural that is no subject. A document noun (:data:`~storywatch.understand.lexicon.
EVIDENCE_NOUNS`) right after the comma settles both: the subject is read as
:mod:`~storywatch.understand.findings` reads one before its verb ("court records", "a review"
before "by the council"), the content is the clause before the comma, all of it.
"""

from __future__ import annotations

from storywatch.understand import lexicon as lx
from storywatch.understand.findings import _subject, with_finding
from storywatch.understand.reportless import circumstance_only
from storywatch.understand.spans import COMMA_ENDS, Found, Sentence, Span, _inside, _trim
from storywatch.understand.text import Word
from storywatch.understand.works import content_ahead


def with_findings(text: str, s: Sentence, found: Found | None) -> Found | None:
    """The reading of ``s`` by its cue verbs (``found``) or its finding
    (:func:`~storywatch.understand.findings.with_finding`), else by a finding in its
    trailer when neither reports anything: no cue, or a cue with no content ("…, a review
    by the council concluded." reads "the council concluded" with its words to come)."""
    read = with_finding(text, s, found)
    if read is None or read.cue is None or not read.parts:
        return finding_trailer(text, s) or read
    return read


def finding_trailer(text: str, s: Sentence) -> Found | None:
    """The clause before a closing "…, <document> <verb of finding or saying>." as the
    document's statement, or ``None``. Only words of time or place may follow the verb
    ("…, the poll found on Tuesday."); a verb inside a quotation is no trailer."""
    words = s.words
    for k in range(len(words) - 1, 0, -1):
        w = words[k]
        if _inside(s.quotes, w.start):
            return None  # the sentence ends inside a quotation: any trailer is its own
        if not _verb(w.text):
            continue
        rest = words[k + 1 :]
        if rest and not circumstance_only(rest):
            return None
        speaker = _subject(text, words, k)
        if speaker is None:
            return None
        speaker = _coordinated(text, words, speaker)
        return _clause_before(text, s, speaker, w)
    return None


def _clause_before(text: str, s: Sentence, speaker: Span, cue: Word) -> Found | None:
    """The words from the sentence's start to the comma before ``speaker``. Unlike a
    person's trailer (:func:`~storywatch.understand.contents.content_before`), a document's
    has no role set off before it ("…, a city spokeswoman, Oda Brisk, said"): the words
    before the comma are all the finding's ("In all, the host committee raised $57 million,
    Federal Election Commission records show")."""
    head = text[s.start : speaker[0]].rstrip()
    if not head.endswith(COMMA_ENDS) or head.endswith(":"):
        return None
    start, end = _trim(text, s.start, s.start + len(head))
    if end - start < _MIN_CONTENT:
        return None
    return content_ahead(text, s, start, end, speaker, cue)


def _coordinated(text: str, words: list[Word], speaker: Span) -> Span:
    """ "campaign and corporate records": a modifier joined to the subject's by "and" or
    "or", right after the comma, belongs to the subject."""
    at = next(n for n, w in enumerate(words) if w.start == speaker[0])
    if at < 3 or words[at - 1].text not in ("and", "or"):
        return speaker
    first = words[at - 2]
    if text[words[at - 3].end : first.start].strip() != ",":
        return speaker
    return first.start, speaker[1]


def _verb(word: str) -> bool:
    return word.islower() and (word in lx.FINDING_VERBS or word in lx.CUE_WORDS)


# A finding's clause holds at least this many characters.
_MIN_CONTENT = 10
