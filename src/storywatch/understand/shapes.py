"""Attribution shapes with no cue verb in the lexicon, recognised by their layout alone.

- A quotation after a colon, running to the end of the sentence, whose clause has a subject:
  "Kasich resisted: “…”", "A footnote in the report makes that clear: “…”". The colon
  announces the quotation, so the verb before it need not be a reporting verb.
- A quotation credited on a line of its own after it, or after a dash on the same line:
  "“…”" followed by "– Hillary Clinton." (readers' letters, pull quotes, vox pops).
- "As Akhil Amar put it, “…”": "put it" is no reporting verb, but after "as" and before a
  quotation it credits the words that follow; so does "in the words of X" / "in X's words".
- A paragraph that ends in a colon announces the quotation that opens the next one, whatever
  its verb: "… Governor Ruiz released the following statement:", "Stated Reyes:",
  "Partial transcript as follows:".
"""

from __future__ import annotations

import re

from storywatch.understand import lexicon as lx
from storywatch.understand.chunks import determined, is_name_chunk, is_role_chunk, plausible
from storywatch.understand.finite_verbs import FINITE_AUXILIARIES
from storywatch.understand.phrases import _np_before, clause_subject, opening_end
from storywatch.understand.questions import spoken_to
from storywatch.understand.spans import (
    _PREPOSITIONS,
    Found,
    Sentence,
    Span,
    _inside,
    _trim,
    is_title_quote,
    past_tense,
    subject_end,
)
from storywatch.understand.text import Quote, Word

_NAME = r"[A-Z][\w’'.-]*(?: (?:[A-Z][\w’'.-]*|of|de|van|von|al))*"
# "– Hillary Clinton." / "—Michelle Marks, Philadelphia." (a place or role may follow), or
# an embedded post's credit: "— Maria Lopez (@mlopez) May 3, 2024" (a handle, then the date).
_HANDLE = r"\s\(@\w+\)(?:\s(?:[A-Z][a-z]+\.?\s\d{1,2},?\s\d{4}|\d{1,2}\s[A-Z][a-z]+\.?\s\d{4}))?"
_CREDIT = re.compile(r"[-–—]{1,2}\s?(" + _NAME + r")(?:" + _HANDLE + r"|,[^\n]{0,80})?\.?\s*$")


def colon_quote(text: str, s: Sentence) -> Found | None:
    """A quotation after a colon, to the sentence end, spoken by the clause's subject."""
    q = _last_whole_quote(text, s)
    if q is None:
        return None
    lead = text[s.start : q.start].rstrip()
    if not lead.endswith(":"):
        return None
    opening = _opening_subject(text, s, q.start)
    if opening is not None:
        return Found(q.parts, True, opening[0], opening[1], s.index)
    subject = clause_subject(text, s) or _determined_subject(s, q.start)
    verb = None
    if subject is not None and subject[1] < q.start:
        verb = next(
            (w for w in s.words if w.start >= subject[1] and not _inside(s.quotes, w.start)),
            None,
        )
    if (
        subject is not None
        and verb is not None
        and verb.start < q.start
        and verb.text[:1].islower()
    ):
        if _owned_label(text, subject, verb):
            return None
        return Found(q.parts, True, subject, (verb.start, verb.end), s.index)
    if any(o.start < q.start for o in s.quotes):
        return None
    # "But back home, he returned to his familiar lines: “…”": the subject of the first
    # verb, past an opening phrase.
    before = [w for w in s.words if w.end <= q.start]
    announced = _announcing_clause(text, before) or _stance_clause(text, before)
    opened = opening_end(text, s, before)
    if announced is None and opened:
        # "In the hours after four people were killed in Fresno, Calif., a familiar voice
        # celebrated …:": the opening phrase's passive is not the clause's verb.
        announced = _announcing_clause(text, before[opened:])
    if announced is None:
        return None
    return Found(q.parts, True, announced[0], announced[1], s.index)


def _owned_label(text: str, subject: Span, after: Word) -> bool:
    """ "Her message to the crews: “…”": a possessive pronoun's noun with a phrase of its own
    and no verb labels its owner's words (read by
    :func:`~storywatch.understand.speech_nouns.speech_noun_led`); the message is no speaker.
    A described subject before a phrase keeps its reading ("A footnote in the report makes
    that clear: “…”")."""
    first = text[subject[0] : subject[1]].split()[0].lower()
    low = after.text.lower()
    return first in lx.OWNER_PRONOUNS and (low in _PREPOSITIONS or low == "to")


def _stance_clause(text: str, words: list[Word]) -> tuple[Span, Span] | None:
    """Speaker and verb of "The Harbour Board was blunt in its ruling:" or "A study from
    the Lindqvist Institute had this to say:": a copula and an adjective (a stance, not a
    passive "was asked:") or "had"/"has", right before a quotation; the subject speaks when
    it names someone ("The plan was simple:" names no one)."""
    for k in range(1, min(len(words), _ANNOUNCE_MAX_WORDS)):
        low = words[k].text
        stance = low in ("was", "is") and k + 1 < len(words) and _adjective(words[k + 1].text)
        if not (stance or low in ("had", "has")):
            continue
        speaker = _np_before(text, words, k, words[0].start, loose=True)
        if speaker is None or not _names(text, speaker, words[0].start):
            return None
        return speaker, (words[k].start, words[k].end)
    return None


def _adjective(token: str) -> bool:
    """A lowercase word after a copula that is no participle, article or cue ("blunt",
    "conclusive", not "asked", "told", "the", "not")."""
    low = token.lower()
    return (
        token[:1].islower()
        and not past_tense(low)
        and not low.endswith(("ing", "en"))
        and low not in lx.CUE_WORDS
        and low not in _NOT_ADJECTIVES
    )


_NOT_ADJECTIVES = frozenset(
    ("a", "an", "the", "not", "no", "also", "still", "just", "now", "then", "that", "this")
)


def _names(text: str, span: Span, sentence_start: int) -> bool:
    """A capitalised word in the noun phrase past the sentence's first word."""
    start = span[0] + 1 if span[0] == sentence_start else span[0]
    return any(c.isupper() for c in text[start : span[1]])


def as_put_it(text: str, s: Sentence) -> Found | None:
    """ "As John Cornyn, the No. 2 in the leadership, put it: “…”": the quotation after "as X
    put it" is X's."""
    if not s.quotes or "put it" not in text[s.start : s.end]:
        return None
    words = s.words
    for k in range(1, len(words) - 1):
        if words[k].text != "put" or words[k + 1].text != "it" or _inside(s.quotes, words[k].start):
            continue
        later = [q for q in s.quotes if q.start > words[k + 1].end and not is_title_quote(text, q)]
        if not later:
            return None
        speaker = _as_subject(text, s, k)
        if speaker is None:
            return None
        cue = (words[k].start, words[k + 1].end)
        if _PUT_IT_LEAD.match(text, words[k + 1].end, later[0].start):
            parts = [p for q in later for p in q.parts]
            return Found(tuple(parts), True, speaker, cue, s.index)
        # "As one adviser put it, the plan is to “let Ruiz be Ruiz.”", "owed his seat to, as
        # a diplomat put it, an “extreme makeover” that Vale oversaw, and …": the clause
        # after the aside's comma, up to the comma after its quotation, is what was put so.
        comma = text.find(",", words[k + 1].end, later[0].start)
        if comma < 0 or text[words[k + 1].end : comma].strip():
            return None
        content = _rest_of_clause(text, s, comma + 1)
        return Found((content,), True, speaker, cue, s.index) if content else None
    return None


def as_said_after(text: str, s: Sentence) -> Found | None:
    """ "Still, the race “is a dead heat right now,” as Cruz said on a radio show.": "as X
    said" after a quotation credits X with the words before its comma, whether it closes the
    sentence or is set off inside it ("…,” as Cruz said on Monday, only magnifies …")."""
    m = _AS_SAID.search(text, s.start, s.end)
    if m is None or _inside(s.quotes, m.start("who")):
        return None
    at = m.start()
    if _inside(s.quotes, at):  # ",” as …": the comma inside the closing mark
        end = next(q.end for q in s.quotes if q.start <= at < q.end)
    else:  # "”, as …" or ", as …"
        end = at + 1 if text[at] in '”"' else at
    start = _trim(text, s.start, end)[0]
    if not any(start <= q.start and q.end <= end for q in s.quotes):
        return None
    return Found(((start, end),), True, m.span("who"), m.span("cue"), s.index)


# ", as Cruz said on …." / "…,” as one aide put it." closing the sentence, or set off by a
# comma inside it ("…,” as Cruz said on Monday, only magnifies …").
_AS_SAID = re.compile(
    r"(?:,|,[”\"]|[”\"],)\s+as\s+(?P<who>(?:[A-Z][\w.'’-]*\s){0,2}[A-Z][\w'’-]*)\s+"
    r"(?P<cue>said|says|put it|noted|wrote|likes to say|has said)\b[^.;:,“”\"]{0,60}"
    r"(?:[.!?]?\s*\Z|,)"
)


def _rest_of_clause(text: str, s: Sentence, start: int) -> Span | None:
    """From ``start`` to the first comma or semicolon after the clause's first quotation
    (outside any quotation), else to the end of the sentence; ``None`` when no quotation
    that is no title comes in it. The words a writer credits with "as X put it" or "in X's
    words" run so, and the sentence goes on in the writer's voice after that comma."""
    q = next((q for q in s.quotes if q.start >= start and not is_title_quote(text, q)), None)
    if q is None:
        return None
    end = s.end
    for n in range(q.end - 1, s.end):
        if text[n] in ",;" and not _inside(s.quotes, n):
            end = n
            break
    span = _trim(text, start, end)
    return span if span[1] > span[0] else None


def _as_subject(text: str, s: Sentence, k: int) -> Span | None:
    """The noun phrase between "as" and the verb at ``k``, before any appositive. A title
    in the appositive does not end the search (as in ``spans.subject_floor``)."""
    words = s.words
    titles = [q for q in s.quotes if is_title_quote(text, q)]
    for a in range(k - 1, max(-1, k - 25), -1):
        if _inside(s.quotes, words[a].start):
            if _inside(titles, words[a].start):
                continue  # "As Amar, author of “America's Unwritten Constitution,” put it"
            return None
        if words[a].text.lower() != "as":
            continue
        chunks: list[list[Word]] = [[]]
        for w in words[a + 1 : k]:
            if chunks[-1] and "," in text[chunks[-1][-1].end : w.start]:
                chunks.append([])
            chunks[-1].append(w)
        np = chunks[0]
        if len(chunks) > 1 and is_role_chunk(np) and is_name_chunk(chunks[1]):
            np = chunks[1]  # "As the chief executive, Jeff Weiner, put it"
        if not np or len(np) > 8 or not plausible(text, np, loose=True):
            return None
        return np[0].start, np[-1].end
    return None


def in_the_words_of(text: str, s: Sentence) -> Found | None:
    """ "…, in the words of a senior adviser, “the torchbearer” of his legacy." / "because,
    in Forbes’ words, “…”": the words after the aside are the named source's, from the
    quotation to the end of the sentence."""
    if "words" not in text[s.start : s.end]:
        return None
    m = _IN_WORDS.search(text, s.start, s.end)
    if m is None or _inside(s.quotes, m.start()):
        return None
    group = "of" if m.group("of") else "name"
    speaker = (m.start(group), m.end(group))
    cue = (m.start(), m.end(group) if group == "of" else text.rfind("words", 0, m.end()) + 5)
    q = next((q for q in s.quotes if q.start == m.end()), None)
    if q is None:
        # "In Ruiz's words, the levy will be “big” and paid for by the port", "The plan,
        # in the words of one aide, is “to wait”": the clause after the aside's comma.
        content = _rest_of_clause(text, s, m.end())
        if content is None:
            return None
        return Found((content,), True, speaker, cue, s.index)
    if is_title_quote(text, q):
        return None
    if not text[q.end : s.end].strip(" .?!…"):
        return Found(q.parts, True, speaker, cue, s.index)  # the quotation ends the sentence
    start, end = _trim_end(text, q.start, s.end)  # a clause: its marks are kept
    return Found(((start, end),), True, speaker, cue, s.index)


def _trim_end(text: str, start: int, end: int) -> Span:
    while end > start and text[end - 1] in " .,;":
        end -= 1
    return start, end


# "in the words of a senior adviser, “" / "in Forbes’ words, “" / "in Ruiz's own words: “" /
# "in one Democrat's words, “".
_IN_WORDS = re.compile(
    r"\b[Ii]n (?:the words of (?P<of>[^,:“\"]{2,60}?)|(?P<name>[A-Z][\w.-]*(?: [A-Z][\w.-]*){0,3}|"
    r"(?:the|one|a|an) (?:[\w-]+ ){0,2}[\w-]+)"
    r"[’']s? (?:own )?words)[,:]\s*"
)


# Between "put it" and the quotation: an adverbial or two and a comma or colon.
_PUT_IT_LEAD = re.compile(r"(?:[^“\"'.;]{0,60})[,:]\s*$")


def _last_whole_quote(text: str, s: Sentence) -> Quote | None:
    if not s.quotes:
        return None
    q = s.quotes[-1]
    if is_title_quote(text, q) or text[q.end : s.end].strip(" .?!…"):
        return None
    return q


def _opening_subject(text: str, s: Sentence, end: int) -> tuple[Span, Span] | None:
    """Speaker and verb of a clause whose subject opens the sentence and whose first verb
    is a past tense or an auxiliary, before ``end``: "Lopez's office put it bluntly:",
    "Several lawmakers put it bluntly:", "The ministry's spokesman, Ann Lee, was blunt:".
    The subject is read as before any cue, so a possessive, a title or an appositive
    stays in it."""
    words = [w for w in s.words if w.end <= end and not _inside(s.quotes, w.start)]
    k = next((k for k in range(1, len(words)) if _verb_start(words[k].text)), None)
    if k is None or k > _ANNOUNCE_MAX_WORDS:
        return None
    speaker = _np_before(text, words, k, s.start, loose=True)
    if (
        speaker is None
        or speaker[0] != words[0].start
        or not plausible(text, [w for w in words[:k] if w.end <= speaker[1]], loose=True)
    ):
        return None
    return speaker, (words[k].start, words[k].end)


def _determined_subject(s: Sentence, end: int) -> Span | None:
    """ "A footnote in the report", "The team", "The former president": a determiner, then
    words up to the verb (before ``end``): a past tense or an auxiliary ("The former
    president put it bluntly:"), or else a cue or a verb in -s ("… makes that clear:")."""
    words = [w for w in s.words if w.end <= end]
    if len(words) < 3:
        return None
    np: list[Word] = []
    for w in words[:6]:
        low = w.text.lower()
        if np and (low in lx.CUE_WORDS or _present_verb(w.text)):
            break
        np.append(w)
    verb = next((k for k in range(2, len(np)) if _verb_start(np[k].text)), len(np))
    np = np[:verb]
    while np and (np[-1].text.lower() in _PREPOSITIONS or np[-1].text.lower() in _OPEN_ENDS):
        np.pop()
    if len(np) < 2 or not determined(np[:2]):
        return None
    return np[0].start, np[-1].end


# Words a subject does not end on: "Her message to", "A footnote in the".
_OPEN_ENDS = frozenset(("the", "a", "an", "to"))


def _present_verb(token: str) -> bool:
    """A lowercase word in -s that is no plural of a speaking noun ("makes", not
    "lawmakers" or "candidates")."""
    low = token.lower()
    return (
        token[:1].islower()
        and low.endswith("s")
        and low not in lx.SPEAKER_NOUNS
        and low[:-1] not in lx.SPEAKER_NOUNS
    )


def _verb_start(token: str) -> bool:
    """A lowercase past tense or auxiliary: where a subject's verb starts."""
    low = token.lower()
    return token[:1].islower() and (past_tense(low) or low in FINITE_AUXILIARIES)


def credit_line(text: str, s: Sentence, next_line: tuple[int, int] | None) -> Span | None:
    """The name credited for a quotation paragraph: on the same line after a dash, or on the
    next line on its own ("– Hillary Clinton.")."""
    if not s.quotes:
        return None
    q = s.quotes[-1]
    rest = text[q.end : s.end]
    if rest.strip():
        m = _CREDIT.match(rest.strip())
        if m is None:
            return None
        offset = q.end + (len(rest) - len(rest.lstrip()))
        return offset + m.start(1), offset + m.end(1)
    if next_line is None:
        return None
    a, b = next_line
    m = _CREDIT.match(text, a, b)
    if m is None or m.end() < b:
        return None
    return m.start(1), m.end(1)


def announcement(text: str, s: Sentence) -> Found | None:
    """ "Iowa State University's Dianne Bystrom agreed." — a short sentence that ends on its
    cue announces the quotation that follows it; the caller attaches that quotation."""
    if s.quotes or not s.words or len(s.words) > 10:
        return None
    last = s.words[-1]
    if text[last.end : s.end].strip() not in (".", ":") or last.text.lower() not in lx.CUE_WORDS:
        return None
    if not last.text[:1].islower():
        return None
    j = subject_end(s.words, len(s.words) - 1)
    if j == 0 or spoken_to(s.words, j, len(s.words) - 1):
        return None  # "“Is the deal dead?” Grady was asked.": Grady was asked it
    speaker = _np_before(text, s.words, j, s.start, loose=True)
    if speaker is None or speaker[0] != s.words[0].start:
        return None
    return Found((), True, speaker, (last.start, last.end), s.index)


def colon_announcement(text: str, s: Sentence) -> Found | None:
    """ "When the mayor died, Governor Ruiz released the following statement:" — a sentence
    with no quotation that ends in a colon announces the quotation of the next paragraph,
    whatever its verb; the verb's subject speaks. The caller attaches that quotation only
    when it opens the next sentence."""
    if s.quotes or not s.words or text[s.words[-1].end : s.end].strip() != ":":
        return None
    words = s.words
    if _inverted_label(words):
        # "Wrote Okafor:" / "Stated Dana Reyes:": the cue first, the name after it.
        cue = (words[0].start, words[0].end)
        return Found((), True, (words[1].start, words[-1].end), cue, s.index)
    follows = _as_follows(words)
    if follows is not None:
        return Found((), True, follows[0], follows[1], s.index)
    announced = _announcing_clause(text, words)
    if announced is None:
        return None
    return Found((), True, announced[0], announced[1], s.index)


def _as_follows(words: list[Word]) -> tuple[Span, Span] | None:
    """ "Partial transcript as follows:" / "The statement reads as follows:": the document
    named before "as follows" is what the next paragraph quotes (a transcript holds more
    than one voice, so the person it is about is not its speaker)."""
    if len(words) < 3 or [w.text.lower() for w in words[-2:]] != ["as", "follows"]:
        return None
    np = words[:-2]
    if np[-1].text.lower() in _FOLLOWS_VERBS:
        np = np[:-1]
    if not np or len(np) > 4 or not (np[0].text[:1].isupper() or np[0].text in ("the", "a")):
        return None
    return (np[0].start, np[-1].end), (words[-2].start, words[-1].end)


_FOLLOWS_VERBS = frozenset(("reads", "read", "is", "was", "are", "were", "goes", "went"))


def _announcing_clause(text: str, words: list[Word]) -> tuple[Span, Span] | None:
    """Speaker and verb of a clause that ends in a colon: the subject of its first finite
    verb, when that verb is no copula ("The question is:") and the subject no dummy "it"
    ("Wait, it gets better:")."""
    for k in range(1, min(len(words), _ANNOUNCE_MAX_WORDS)):
        w = words[k]
        if not _finite(w.text, words[k - 1].text):
            continue
        j = subject_end(words, k)
        if any(x.text.lower() in _COPULAS for x in words[j:]):
            # "Atkinson was asked:": a passive's subject did not speak; "The reason they
            # give is:": the clause's verb was the copula, the word found only a noun.
            return None
        speaker = _np_before(text, words, j, words[0].start, loose=True)
        if speaker is None:
            return None
        if text[speaker[0] : speaker[1]].lower() == "it" and w.text.lower() not in lx.CUE_WORDS:
            return None
        return speaker, (w.start, w.end)
    return None


# The verb of an announcing clause comes early ("The Pentagon's press secretary, a retired
# admiral, told reporters:"); a colon after a long clause closes a list or an explanation.
_ANNOUNCE_MAX_WORDS = 25
# "The question is:", "Here they are:" — a copula introduces no speech.
_COPULAS = frozenset(("is", "are", "was", "were", "be", "been"))


def _inverted_label(words: list[Word]) -> bool:
    return (
        2 <= len(words) <= 4
        and words[0].text.lower() in lx.CUE_WORDS
        and all(w.text[:1].isupper() for w in words[1:])
    )


_SUBJECTS = frozenset(("he", "she", "it"))


def _finite(token: str, before: str) -> bool:
    """A lowercase word that can be a clause's verb: a cue, a past tense, or a third person
    right after a name, a number or a pronoun ("Frank quotes", "Article 33 affirms", not
    "these proven liars")."""
    low = token.lower()
    if not token[:1].islower():
        return False
    if low in lx.CUE_WORDS or past_tense(low):
        return True
    third_person = low.endswith("s") and len(low) > 3 and not low.endswith(("ss", "us", "is"))
    return third_person and (before[:1].isupper() or before.isdigit() or before in _SUBJECTS)


_INTRO_NOUNS = lx.words_of(
    """response reply answer statement words message post tweet comment remarks verdict
    advice explanation view take was is read reads said"""
)


def colon_intro(text: str, s: Sentence) -> Found | None:
    """ "Clinton's response was: “…”" / "From Bush's Facebook post: “…”" / "Stone: “…”":
    a quotation introduced by a colon after a name."""
    if not s.quotes:
        return None
    q = s.quotes[-1]
    lead = text[s.start : q.start].rstrip()
    if not lead.endswith(":"):
        return None
    before = [w for w in s.words if w.end <= q.start and not _inside(s.quotes, w.start)]
    if not before or len(before) > 12:
        return None
    names = [w for w in before if w.text[:1].isupper() and w.text.lower() not in lx.NOT_NAMES]
    if not names:
        return None
    last = names[-1]
    tail = [w.text.lower().rstrip(":") for w in before[before.index(last) + 1 :]]
    if any(t not in _INTRO_NOUNS for t in tail):
        return None
    # The speaker is the run of capitalised words ending at ``last``.
    i = before.index(last)
    while (
        i > 0
        and before[i - 1].text[:1].isupper()
        and text[before[i - 1].end : before[i].start] in (" ", ". ")
    ):
        i -= 1
    if i > 0 and before[i - 1].text.lower() in _ADDRESSED:
        # "Okafor delivered a blunt message to Vale: “…”" ("… for Vale", "contrasted the
        # plan with Vale's: “…”"): the name after "to" is who was addressed or set against;
        # the one who spoke opens the sentence, when a name does.
        return _opening_name_found(text, s, before, i - 1, q)
    # "From Bush's Facebook post:": before a noun of what was written, an owner inside the
    # run is whose words they are ("From DNAinfo's Eddie Small:" keeps the reporter).
    owners = [w for w in before[i : before.index(last)] if w.text.endswith(lx.POSSESSIVE_ENDINGS)]
    owner = owners[0] if owners and tail else last
    speaker = (before[i].start, _strip_possessive_end(text, owner))
    return Found(tuple(q.parts), True, speaker, None, s.index)


_ADDRESSED = frozenset(("to", "at", "for", "with", "against"))


def _opening_name_found(
    text: str, s: Sentence, before: list[Word], stop: int, q: Quote
) -> Found | None:
    """The quotation credited to the run of capitalised words opening the sentence, when
    it ends before ``before[stop]`` and a lowercase word (its verb) follows it."""
    j = 0
    while j < stop and before[j].text[:1].isupper() and before[j].text.lower() not in lx.NOT_NAMES:
        j += 1
    if j == 0 or j >= stop or not before[j].text.islower():
        return None
    speaker = (before[0].start, _strip_possessive_end(text, before[j - 1]))
    return Found(tuple(q.parts), True, speaker, None, s.index)


def _strip_possessive_end(text: str, w: Word) -> int:
    for suffix in ("’s", "'s"):
        if w.text.endswith(suffix):
            return w.end - len(suffix)
    return w.end
