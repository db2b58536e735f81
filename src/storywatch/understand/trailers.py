"""A quotation first, its attribution after it: “…,” Esper said. / “…,” said Esper, … /
“…,” he added, “…”.

The commonest shape in news copy, and the one with most variants in the trailer: a cue then
the speaker, a speaker then the cue, an appositive or relative clause between them, and
after a quotation that ends in a comma, "?" or "!" any past-tense verb as the cue. Also: a
lone surname that is a common word (“…,” Will wrote), a short quoted name inside the
speaker's description (wearing “Ted Cruz” pins), a subordinate clause before the trailer
(“…,” since …, said Lee Epstein), a sentence that goes on past the quotation before its
trailer (“…,” and donations began …, Gilbert said) or after it (“…,” he said, that both …),
and a later quotation that sits in a relative clause about the speaker (not said).
"""

from __future__ import annotations

from storywatch.understand import lexicon as lx
from storywatch.understand.chunks import is_owned_role, is_role_chunk, plausible
from storywatch.understand.clause_ends import SCENE_SETTERS
from storywatch.understand.finite_verbs import FINITE_AUXILIARIES
from storywatch.understand.lone_surnames import NOT_SURNAMES, lone_surname
from storywatch.understand.phrases import _np_after, _np_before
from storywatch.understand.questions import spoken_to
from storywatch.understand.quoted_titles import title_in_phrase
from storywatch.understand.spans import (
    _DETERMINERS,
    _INTRO_MAX_WORDS,
    _IRREGULAR_PAST,
    _PREPOSITIONS,
    _SENTENCE_CUES,
    Found,
    Sentence,
    Span,
    _trim,
    _words_between,
    is_title_quote,
    subject_end,
)
from storywatch.understand.text import Quote, Word


def quote_first(text: str, s: Sentence, first: int = 0) -> Found | None:
    """“…,” Esper said. / “…,” said Esper, … / “…,” he added, “…”

    ``first`` is the quotation that opens the attribution when it is not the sentence's
    first (one after a colon or a dash: "… with a caveat: “…,” the source said.")."""
    q0 = s.quotes[first]
    span = None
    for nxt in _trailer_ends(text, s, first):
        trailer = [w for w in s.words if q0.end <= w.start < nxt]
        if not trailer:
            return None
        span = _trailer_attribution(text, trailer, q0.end)
        if span is not None:
            break
    if span is None:
        return None
    speaker, cue = span
    if _title_as_subject(text, s, q0, speaker, cue):
        return None
    parts = list(q0.parts)
    head = _clause_past_quotation(text, s, q0.end, min(speaker[0], cue[0]))
    if head is not None:
        parts = [head]
    after = max(cue[1], speaker[1])
    for q in s.quotes[first + 1 :]:
        if q.start >= after and len(_words_between(s, q.start, q.end)) >= 2:
            if _names_a_work(text, after, q):
                continue  # "…,” she said on ABC's “This Week.”: a show, not more words
            if not _introduced(text, after, q.start):
                break  # "…,” said Ann Lee, who waited in an “extraordinarily long line”
            parts.extend(q.parts)
            after = q.end
    if len(parts) == len(q0.parts) and len(s.quotes) == first + 1 and speaker[1] <= cue[0]:
        tail = _sentence_goes_on(text, s, after)
        if tail is not None:
            parts.append(tail)
    return Found(tuple(parts), True, speaker, cue, s.index)


def _title_as_subject(text: str, s: Sentence, q: Quote, speaker: Span, cue: Span) -> bool:
    """ "“Sons of Harbour” is an adaptation of a play called …", "“Tides,” on a streaming
    service, is a drama that is set …", "“Harbour Tales,” a series that first aired in 1989,
    returns": a title opening the sentence is its subject, and a verb further on (inside a
    description of the work) is no trailer of it. A quotation said aloud is followed by its
    trailer at once ("“Harbour Days,” she said", "“…,” a guard who saw it said"); a single
    word in Title Case counts as a title only here, apart from its trailer."""
    trailer = min(speaker[0], cue[0])
    apart = any(q.end <= w.start < trailer for w in s.words)
    described = speaker[0] < cue[0] and any(
        w.text.lower() in ("that", "which")
        for w in s.words
        if speaker[0] < w.start and w.end <= cue[0]
    )
    if not (apart or described):
        return False
    inner = " ".join(text[a:b] for a, b in q.parts).strip().rstrip(",")
    return is_title_quote(text, q) or (
        len(inner.split()) == 1 and inner[:1].isupper() and inner[1:].islower()
    )


def _introduced(text: str, after: int, start: int) -> bool:
    """A later quotation goes on with the first unless it sits in a relative clause about
    the speaker ("…,” said Ann Lee, who waited in an “extraordinarily long line”) or in the
    words of another act ("…,” Axelrod tweeted after Clinton argued that “…”", "…,” she
    said, as recalled by Hewlett in his book “…”"): there a verb of saying governs it."""
    lead = text[after:start].rstrip()
    if not lead or lead[-1] in ",:;—–-.?!":
        return True
    return not any(w in _GOVERNING_WORDS for w in lead.lower().split())


_RELATIVE_WORDS = frozenset(("who", "whose", "whom"))
_GOVERNING_WORDS = _RELATIVE_WORDS | lx.CUE_WORDS | lx.QUOTE_CUES


def _names_a_work(text: str, after: int, q: Quote) -> bool:
    """A quotation in Title Case that the trailer's own words lead into, with no punctuation
    between ("…,” she said on ABC's “This Week.”", "…,” he told “Fox and Friends”"), names
    the programme or paper where it was said, or the one told; read as more of the
    quotation it would end the speaker's words with the show's name."""
    lead = text[after : q.start].rstrip()
    return lead[-1:] not in tuple(",:;—–-.?!") and is_title_quote(text, q)


def _sentence_goes_on(text: str, s: Sentence, after: int) -> Span | None:
    """ "“It's our bad luck,” he said, that both men had prayed here.": the trailer
    interrupts a sentence that goes on after it with a verb or "that", so the words after
    the comma are said too (a participle, "adding …", is a second act, not this one)."""
    if not text.startswith(", ", after):
        return None
    rest = [w for w in s.words if w.start > after]
    if len(rest) < 3 or not rest[0].text.islower():
        return None
    if rest[0].text != "that" and rest[0].text not in FINITE_AUXILIARIES:
        # Only "that" or a finite auxiliary carries on the clause the trailer broke ("…,”
        # he said, would …"); a past participle ("angered that …", "asked about …")
        # describes the speaker instead.
        return None
    start, end = _trim(text, rest[0].start, s.end)
    return (start, end) if end > start else None


def _clause_past_quotation(text: str, s: Sentence, qend: int, left: int) -> Span | None:
    """ "“A big truck” plowed through the barriers, he said, and …" / "“There's a sense of
    stability now,” and donations began to pick up, Gilbert said.": the sentence goes on
    past the quotation before a comma and its attribution, so what was said runs from the
    sentence start to that comma, not the quotation alone."""
    between = text[qend:left].rstrip()
    if not between.endswith(","):
        return None
    inner = _words_between(s, qend, left)
    if len(inner) < 2:
        return None
    if (
        len(inner) <= _ROLE_WORDS
        and text[left : left + 1].isupper()
        and (is_role_chunk(inner) or is_owned_role(inner))
    ):
        return None  # "“…,” his attorney, John Dowd, told CNN.": the speaker's role
    start, end = _trim(text, s.start, qend + len(between))
    return (start, end) if end > start else None


# A role before the speaker's name ("his attorney," "Clinton's campaign chairman,") runs
# to this many words.
_ROLE_WORDS = 4


def _trailer_ends(text: str, s: Sentence, first: int) -> list[int]:
    """Where the trailer after quotation ``first`` may end: at the next quotation, or past
    it when that one is a short capitalised name inside the speaker's description (“…,”
    Texas delegate Bill Eastland, wearing “Ted Cruz” pins, said)."""
    ends: list[int] = []
    for q in s.quotes[first + 1 :]:
        ends.append(q.start)
        inside = _words_between(s, q.start, q.end)
        name = q.closed and all(w.text[:1].isupper() for w in inside)
        short = name and len(inside) <= _SHORT_QUOTE
        if q.closed and title_in_phrase(text, q.start, inside):
            # “…,” wrote the authors of the “Growth and Opportunity Project,”: the title is
            # inside the speaker's phrase, which cannot end at its opening mark.
            ends.pop()
            short = True
        if not short or len(ends) > 2:
            return ends
    ends.append(s.end)
    return ends


# A quotation of this many words inside a trailer names a thing (a slogan, a title).
_SHORT_QUOTE = 3


def _trailer_attribution(text: str, trailer: list[Word], qend: int) -> tuple[Span, Span] | None:
    """Speaker and cue written after a quotation, or ``None``.

    A quotation whose words end in a comma, "?" or "!" inside the marks (“…,”) announces an
    attribution, so there any past-tense verb is a cue (“…,” exhorted …; “…,” she recounted)
    and the subject may carry a long appositive (“…,” Douglas Holtz-Eakin, an economic
    adviser to …, wrote)."""
    close = qend
    while close > 0 and text[close - 1] in "”\"'’":
        close -= 1
    open_end = text[close - 1 : close] in (",", "?", "!")
    first = trailer[0]
    if open_end and first.text.lower() in SCENE_SETTERS and len(trailer) > 3:
        # "“…,” since most cases were decided 5-to-4, said Lee Epstein": the attribution
        # comes after the subordinate clause.
        rest = [w for w in trailer[1:] if "," in text[first.end : w.start]]
        return _trailer_attribution(text, rest, qend) if rest else None
    low = first.text.lower()
    if open_end and low == "came" and _heard_noun(trailer) > 0:
        return _came_from(text, trailer, _heard_noun(trailer))
    if (low in lx.CUE_WORDS and (first.text[0].islower() or low in _SENTENCE_CUES)) or (
        open_end and _past_verb(first.text)
    ):
        np = _np_after(text, trailer, 1, loose=True)
        if np is not None:
            return np, (first.start, first.end)
        return None
    # Subject then cue within a few words (a relative clause or an appositive between them
    # is skipped: "…,” Melanne Verveer, who served as chief of staff, told …).
    counted = 0
    skip_to = -1
    for k, w in enumerate(trailer):
        if w.start < skip_to:
            continue
        gap = text[trailer[k - 1].end : w.start] if k else ""
        if k and "," in gap and (w.text.lower() in ("who", "which") or open_end):
            comma = text.find(",", w.end, trailer[-1].end)
            if comma < 0:
                if w.text.lower() in ("who", "which"):
                    break
            else:
                nxt = _after_auxiliaries(trailer, comma)
                if (
                    nxt is not None
                    and _trailer_cue(nxt, open_end)
                    and k <= 6
                    and plausible(text, trailer[:k], loose=True)
                ):
                    return (trailer[0].start, trailer[k - 1].end), (nxt.start, nxt.end)
                if w.text.lower() in ("who", "which"):
                    skip_to = comma
                    continue
        if k and w.text in SCENE_SETTERS:
            comma = text.find(",", w.end, trailer[-1].end)
            if comma >= 0:
                # "“…,” in sharp contrast to years when campaigns took on that work, says
                # Ruiz": the verb of a scene set between commas is no cue.
                skip_to = comma
                continue
        counted += 1
        if counted > _INTRO_MAX_WORDS:
            break
        if _noun_before_cue(text, trailer, k):
            continue  # "the note says", "the statement said": a noun before the cue
        if _trailer_cue(w, open_end) and (
            w.text.lower() in lx.CUE_WORDS or trailer[k - 1].text.lower() not in _RELATIVES
        ):
            if k == 1 and lone_surname(text, trailer[0], qend):
                return (trailer[0].start, trailer[0].end), (w.start, w.end)
            j = subject_end(trailer, k)
            if j == 0:
                continue
            if spoken_to(trailer, j, k):
                return _asker(text, trailer, k)
            np = _np_before(text, trailer, j, trailer[0].start, loose=True)
            if np is None:
                np = _document_subject(trailer, j)
            if np is None:
                continue  # "the congressional report said": "report" was a noun
            return np, (w.start, w.end)
    return _whole_subject(text, trailer) if open_end else None


def _asker(text: str, trailer: list[Word], k: int) -> tuple[Span, Span] | None:
    """ "“Are you running?” he was asked by a reporter": the agent after "by" put the
    question; with none ("“…?” she was asked") the trailer names no speaker at all."""
    if k + 2 >= len(trailer) or trailer[k + 1].text != "by":
        return None
    agent = _np_after(text, trailer, k + 2, loose=True)
    return (agent, (trailer[k].start, trailer[k].end)) if agent is not None else None


def _heard_noun(trailer: list[Word]) -> int:
    """ "“…,” came shouts from the crowd", "“…,” came the reply": the index of the noun of
    speech that "came" (the trailer's first word) brings, after at most two lowercase words
    ("a loud"), or 0."""
    for n in range(1, min(len(trailer), _HEARD_WORDS + 2)):
        w = trailer[n]
        if w.text in _HEARD_NOUNS:
            return n
        if not w.text.islower() or w.text in lx.CUE_WORDS or w.text == "from":
            return 0
    return 0


def _came_from(text: str, trailer: list[Word], noun: int) -> tuple[Span, Span] | None:
    """ "“…,” came shouts from the crowd" / "came the reply from Mayor Ruiz": the speaker is
    who the words came from, and the cue runs from "came" to "from". With no speaker
    after "from" ("came the reply", "came a cry from the back of the hall") the trailer
    names none: the noun of speech is no speaker."""
    at = noun + 1
    if at + 1 >= len(trailer) or trailer[at].text != "from":
        return None
    speaker = _np_after(text, trailer, at + 1)
    if speaker is None:
        return None
    return speaker, (trailer[0].start, trailer[at].end)


# Nouns of speech that "came" from someone after a quotation, and the words before them.
_HEARD_NOUNS = lx.words_of(
    "shout shouts cry cries chant chants yell yells jeer jeers reply replies response answer retort"
)
_HEARD_WORDS = 2


def _whole_subject(text: str, trailer: list[Word]) -> tuple[Span, Span] | None:
    """ "“…,” the two write." / "“…,” From said." / "“…,” the Saudis state in the paper." /
    "“…,” nuclear experts Ann Lee and Bo Ruiz of the Harbour Institute wrote in May.":
    after a quotation closed with a comma, "?" or "!", the words up to the first verb of
    saying are its speaker even when the noun phrase reader refuses them (a numeral head,
    a surname that is also a preposition, a long coordinated name). Only a plain run of
    words: no punctuation, relative pronoun or form of "be" before the verb, and no
    conjunction or subordinating word opening it (“…,” and donations began …)."""
    first = trailer[0]
    low = first.text.lower()
    if low in NOT_SURNAMES or low in SCENE_SETTERS or low in lx.CUE_WORDS:
        return None
    if first.text.islower() and (low in _PREPOSITIONS or low.endswith(("ing", "ed"))):
        return None
    for k in range(1, min(len(trailer), _WHOLE_SUBJECT_WORDS + 1)):
        w = trailer[k]
        before = trailer[k - 1]
        if any(c in text[first.start : w.start] for c in ",;:()—–"):
            return None
        if before.text.lower() in _RELATIVES or before.text.lower() in lx.BE_FORMS:
            return None
        if _saying_verb(w, before):
            if _noun_before_cue(text, trailer, k):
                return None  # "…,” Lee said, according to the agency: the agency's report
            return (first.start, before.end), (w.start, w.end)
    return None


# A trailer's subject read whole runs to at most this many words before its verb.
_WHOLE_SUBJECT_WORDS = 16


def _saying_verb(w: Word, before: Word) -> bool:
    """A lowercase verb of saying; "state" only after a plural ("the Saudis state"), since
    after an article or a preposition it is the noun ("officials in the state said")."""
    if not w.text.islower():
        return False
    if w.text == "state":
        low = before.text.lower()
        return low.endswith("s") and low not in _DETERMINERS and low not in _PREPOSITIONS
    return w.text in lx.CUE_WORDS


_RELATIVES = frozenset(("who", "which", "that", "whom"))


def _noun_before_cue(text: str, trailer: list[Word], k: int) -> bool:
    """Whether word ``k`` is a noun because a cue follows it ("“…!” the note says", "the
    statement said"). A comma between them makes ``k`` the cue and the next word a second
    act ("“…,” the minister said, asked about the delays"), except "according to", whose
    source is the one the sentence is credited to ("…,” he said, according to the
    ministry")."""
    if k + 1 >= len(trailer) or trailer[k + 1].text not in _SENTENCE_CUES:
        return False
    apart = "," in text[trailer[k].end : trailer[k + 1].start]
    return not apart or trailer[k + 1].text == "according"


def _document_subject(trailer: list[Word], j: int) -> Span | None:
    """ "“…!” the note says.": a written thing named by a word that is also a cue ("note",
    "statement", "report"), with a determiner, speaks through the cue after it."""
    if j < 2 or trailer[j - 1].text.lower() not in lx.CUE_WORDS:
        return None
    for i in range(j - 2, max(-1, j - 4), -1):
        if trailer[i].text.lower() in _DETERMINERS:
            return trailer[i].start, trailer[j - 1].end
        if not trailer[i].text.isalpha() or not trailer[i].text.islower():
            return None
    return None


def _past_verb(token: str) -> bool:
    """A lowercase past-tense verb ("exhorted", "wrote")."""
    return token[:1].islower() and (
        (token.endswith("ed") and len(token) > 4) or token in _IRREGULAR_PAST
    )


def _trailer_cue(w: Word, open_end: bool) -> bool:
    low = w.text.lower()
    return (w.text[0].islower() or low in _BRAND_CUES) and (
        low in lx.CUE_WORDS
        or (open_end and (_past_verb(w.text) or (low in lx.QUOTE_CUES and low.endswith("s"))))
    )


# Verbs made of a trademark, which some copy capitalises mid-sentence ("…!” Murphy, the
# head of Right to Rise USA, Tweeted on Friday"); any other capitalised word there is a
# name's.
_BRAND_CUES = lx.words_of("tweeted tweets")


def _after_auxiliaries(trailer: list[Word], pos: int) -> Word | None:
    for w in trailer:
        if w.start <= pos:
            continue
        if w.text.lower() in lx.AUXILIARIES and w.text[0].islower():
            continue
        return w
    return None
