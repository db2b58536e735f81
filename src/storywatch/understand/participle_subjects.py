"""A subject described by a participle's phrase before its verb of saying.

    “The claim is speculative,” the order released Friday said.
    A report issued by the board on Tuesday said the port was safe.

"released Friday" and "issued by the board on Tuesday" describe the noun before them (a
reduced relative clause: a clause cannot hold two finite verbs side by side), so the
subject is the noun phrase before the participle and the verb of saying after the phrase
is its act. The noun phrase reader refuses the whole run ("the order released Friday" is
no noun phrase), so without this the sentence read nothing.

Only where a subject surely stands: at the start of the sentence or right after a
quotation's closing mark and comma (a trailer), with a lowercase noun right before the
participle, only spaces between the words up to the verb, no conjunction, relative word
or "to" among them, and a finite verb of saying ("said", "says"; not "declined to say").
Elsewhere an "-ed" word after a noun is too often an adjective ("registered voters") or a
main verb.
"""

from __future__ import annotations

from storywatch.understand import lexicon as lx
from storywatch.understand.spans import _DETERMINERS, _PREPOSITIONS, Sentence, past_tense

# The participle's phrase runs to at most this many words before the verb ("issued by the
# board on Tuesday").
_PHRASE_WORDS = 7
# Words that open a clause, not a participle's phrase.
_CLAUSE_WORDS = lx.words_of("and but or who which that whom as because to")
# Finite verbs of saying a described subject takes ("the report released Tuesday said"); no
# form that is also a plural noun ("states", "reports", "notes", "claims").
_FINITE_CUES = lx.words_of(
    """
    said says told tells wrote writes added adds stated reported noted concluded concludes
    found alleged alleges claimed argued argues warned warns showed suggested suggests
    acknowledged acknowledges declared declares
    """
)
# What may stand right before a subject: the sentence start, or a closing mark and comma.
_TRAILER_GAP = (",”", ',"', ",''", ",’")


def participle_start(text: str, s: Sentence, j: int, k: int) -> int | None:
    """Index of the participle in ``s.words`` whose phrase runs up to the cue at
    ``s.words[k]`` (its subject ending at ``j``, with no auxiliary between), when the
    subject before it stands where a subject surely does (see the module docstring); else
    ``None``."""
    words = s.words
    if j != k or k < 2 or words[k].text not in _FINITE_CUES:
        return None  # "declined to say", "chants of": no finite verb of saying
    if words[k - 1].text in _PREPOSITIONS or words[k - 1].text in _DETERMINERS:
        return None  # "responded with chants", "the alleged …": a noun or an adjective
    for p in range(j - 1, max(0, j - _PHRASE_WORDS - 1), -1):
        w = words[p]
        if w.text.lower() in _CLAUSE_WORDS or words[p + 1].start - w.end > 1:
            return None
        if p == 0 or not w.text.islower() or not past_tense(w.text):
            continue
        noun = words[p - 1]
        if (
            noun.text.isalpha()
            and noun.text.islower()
            and w.start - noun.end == 1
            and noun.text not in _DETERMINERS
            and noun.text not in lx.AUXILIARIES
            and noun.text not in lx.PERSONAL_PRONOUNS
            and noun.text not in _CLAUSE_WORDS
            and not noun.text.endswith("ly")
            and not past_tense(noun.text)
            and _subject_place(text, s, p - 1)
        ):
            return p
        return None
    return None


def _subject_place(text: str, s: Sentence, n: int) -> bool:
    """Whether the noun phrase ending with ``s.words[n]`` opens the sentence or follows a
    quotation's closing mark and comma: back over at most four lowercase words or
    determiners to where it starts."""
    words = s.words
    for i in range(n, max(-1, n - 5), -1):
        before = text[words[i - 1].end : words[i].start] if i else text[s.start : words[i].start]
        if i == 0 or before.strip() in _TRAILER_GAP:
            return not before.strip() or before.strip() in _TRAILER_GAP
        if before != " ":
            return False
    return False
