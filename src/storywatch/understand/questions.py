"""A question put to the speaker before the answer: "Asked whether the plan would pass,
Lee said: “…”", "When asked by a reporter about the vote, Lee replied, “…”".

The opening participle clause reports what someone asked, and its words are not the
speaker's: "Asked" is no inverted cue with its speaker after it ("Said Lee: …"), and a word
inside the question that is also a cue ("… if the memo went beyond …") governs nothing of
the answer. When the main clause after the comma has a cue of its own that introduces a
quotation (a comma or colon, then the marks), that cue is the sentence's attribution; the
cues of the question are skipped. Without such a cue ("Asked if …, most voters said yes")
the sentence is left to the other readings as before.

"Asked by X whether …," gives the question to the one who asked it, as annotators mark it
(:func:`asked_by`); the cues inside it report nothing of the answer. The same question set
off after the subject ("Hale, asked by Cavuto whether he wished to respond, said, “…”")
reads the same way: the asker asked, the subject answered. Without "by" the
question has no speaker to show a reader, so it is not a statement.
"""

from __future__ import annotations

from itertools import pairwise

from storywatch.understand import lexicon as lx
from storywatch.understand.spans import (
    _PREPOSITIONS,
    INTRODUCES,
    Found,
    Sentence,
    _inside,
    _is_cue,
    _trim,
)
from storywatch.understand.text import Word

# Words that may stand before "asked" in the opening clause ("When asked …").
_BEFORE_ASKED = frozenset(("when", "once", "after", "later", "again", "also", "but"))


# The main clause's cue comes within this many words of the last comma before it.
_SUBJECT_WORDS = 8


def answer_start(text: str, s: Sentence) -> int:
    """Index of the main clause's cue when ``s`` opens with a question put to its speaker
    and that cue, the first past a comma, introduces a quotation; 0 otherwise (nothing to
    skip). Cues before the comma are the question's ("… if the memo went beyond …")."""
    words = s.words
    at = _asked_at(text, s)
    if at is None:
        return 0
    for k in range(at + 1, len(words)):
        w = words[k]
        if not _is_cue(w, s.quotes):
            continue
        comma = _last_comma_before(text, s, at, k)
        if comma is None:
            continue  # still inside the question
        if k - comma > _SUBJECT_WORDS or INTRODUCES.match(text, w.end) is None:
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


# Words that open the question itself after "Asked by X" ("… whether …", "… to respond").
_QUESTION_WORDS = frozenset(
    ("whether", "if", "to", "about", "how", "what", "why", "who", "when", "where", "for")
)

# The asker's noun phrase after "by" runs to at most this many words.
_ASKER_WORDS = 4


def asked_by(text: str, s: Sentence) -> Found | None:
    """ "Asked by Vandermeer whether the plan would pass, Lee said …": the question is an
    act of speech of the one who asked it (the words from the question word to the comma
    that ends the clause; direct when they hold a quotation). Only with "by" and a named
    asker: without one the question has no speaker to show."""
    words = s.words
    at = _asked_at(text, s)
    if at is None or at + 3 >= len(words) or words[at + 1].text != "by":
        return None
    first = at + 2
    q = next(
        (
            n
            for n in range(first, min(len(words), first + 1 + _ASKER_WORDS))
            if _opens_question(words[n])
        ),
        None,
    )
    if q is None or q == first:
        return None
    asker = words[first:q]
    if any("," in text[a.end : b.start] for a, b in pairwise(asker)):
        return None
    end = _clause_end(text, s, q)
    if end is None:
        return None
    start, stop = _trim(text, words[q].start, end)
    if stop <= start:
        return None
    direct = any(start <= qt.start < stop for qt in s.quotes)
    speaker = (asker[0].start, _asker_end(asker))
    cue = (words[at].start, words[at].end)
    return Found(((start, stop),), direct, speaker, cue, s.index)


def after_asked_by(text: str, s: Sentence) -> int:
    """Index of the first word after the question of "Asked by X whether …, Lee said …"
    (:func:`asked_by` reads it as the asker's act), 0 when ``s`` has none: no cue before
    it ("Asked", "… if he believed …") reports the main clause."""
    found = asked_by(text, s)
    if found is None:
        return 0
    end = found.parts[-1][1]
    return next((n for n, w in enumerate(s.words) if w.start > end), len(s.words))


def _asked_at(text: str, s: Sentence) -> int | None:
    """Index of the "asked" that opens ``s`` ("Asked …", "When asked …", "But when asked
    …"), or that opens a question set off after the sentence's subject ("Hale, asked by
    Cavuto whether …, said"), or ``None``."""
    words = s.words
    at = 0
    while at < len(words) and at < 2 and words[at].text.lower() in _BEFORE_ASKED:
        at += 1
    if at < len(words) and words[at].text.lower() == "asked":
        return at
    for n in range(1, min(len(words) - 1, _SUBJECT_BEFORE_ASKED + 1)):
        if words[n].text == "asked" and words[n + 1].text == "by":
            aside = text[words[n - 1].end : words[n].start] == ", "
            return n if aside and words[0].text[:1].isupper() else None
    return None


# The subject before a question set off after it runs to at most this many words.
_SUBJECT_BEFORE_ASKED = 5


def _opens_question(w: Word) -> bool:
    return w.text in _QUESTION_WORDS


def _asker_end(asker: list[Word]) -> int:
    """Where the asker's name ends: before a phrase of time or place ("by Ingraham on
    Thursday")."""
    for n, w in enumerate(asker):
        if n and w.text in _PREPOSITIONS and w.text != "of":
            return asker[n - 1].end
    return asker[-1].end


def _clause_end(text: str, s: Sentence, q: int) -> int | None:
    """The comma that closes the question (the first one outside quotation marks)."""
    for a, b in pairwise(s.words[q:]):
        gap = text[a.end : b.start]
        if "," in gap and not _inside(s.quotes, a.end):
            return a.end + gap.index(",")
    return None


# Verbs whose passive with "by" puts the speaker after them: "Rubio was asked by the
# moderator whether …", "was pressed by reporters about …", "was told by aides that …".
_PASSIVE_SPEECH = frozenset(("asked", "pressed", "questioned", "told"))
# The agent's noun phrase after "by" runs to at most this many words ("Fox Business
# moderator Gerard Baker").
_AGENT_WORDS = 6


def passive_asked_by(text: str, s: Sentence, j: int, k: int) -> Found | None:
    """ "Rubio was asked by the moderator whether his plan was conservative", "Okafor was
    asked by a reporter, “Will you resign?”", "Lee was told by his cousin that …": with a
    form of "be" between the subject (ending before ``words[j]``) and the verb at
    ``words[k]``, and "by" right after it, the agent spoke and the subject was spoken to, as
    annotators mark it. The words are the question (from its question word, or "that" after
    "told", to the sentence's end or a clause joined after a comma) or the quotation a comma
    introduces. ``None`` for any other shape: an agent set off by commas ("by the host,
    Dana Okafor, about …") or longer than a short name is left to the other readings."""
    words = s.words
    verb = words[k]
    if k + 2 >= len(words) or words[k + 1].text != "by" or not spoken_to(words, j, k):
        return None
    first = k + 2
    told = verb.text.lower() == "told"
    cue = (verb.start, verb.end)
    for n in range(first + 1, min(len(words), first + 1 + _AGENT_WORDS)):
        agent = words[first:n]
        speaker = (agent[0].start, _asker_end(agent))
        if "," in text[words[n - 1].end : words[n].start]:
            opens = INTRODUCES.match(text, words[n - 1].end)
            quote = opens and next((q for q in s.quotes if q.start < opens.end() <= q.end), None)
            if told or not quote:
                return None  # an aside or an appositive after the agent: not this shape
            return Found(quote.parts, True, speaker, cue, s.index)
        if words[n].text == "that" if told else _opens_question(words[n]):
            start, stop = _trim(text, words[n].start, _question_end(text, s, n))
            if stop <= start:
                return None
            direct = any(start <= q.start < stop for q in s.quotes)
            return Found(((start, stop),), direct, speaker, cue, s.index)
    return None


def _question_end(text: str, s: Sentence, n: int) -> int:
    """Where a question put in the main clause ends: the sentence's end, or the comma before
    a clause joined to it ("…, and she said it would"); a comma before an aside ("credits,
    which the Tax Foundation estimates …, would risk") does not end it."""
    for a, b in pairwise(s.words[n:]):
        if (
            b.text in _CLAUSE_JOINS
            and "," in text[a.end : b.start]
            and not _inside(s.quotes, a.end)
        ):
            return a.end
    return s.end


# Words after a comma that join a new clause to the question's.
_CLAUSE_JOINS = frozenset(("and", "but", "so", "yet"))


def _passive(words: list[Word], j: int, k: int) -> bool:
    """A form of "be" among the words between the subject (ending before ``words[j]``) and
    the verb at ``words[k]`` ("was asked", "has been pressed", "was again asked")."""
    return any(w.text.lower() in lx.BE_FORMS for w in words[max(j, k - 4) : k])


def spoken_to(words: list[Word], j: int, k: int) -> bool:
    """ "“Will you resign?” the minister was asked", "“…,” she was told": a passive verb of
    asking or telling after the subject (ending before ``words[j]``) makes the subject the
    one spoken to, never the speaker of the quotation."""
    return words[k].text.lower() in _PASSIVE_SPEECH and _passive(words, j, k)
