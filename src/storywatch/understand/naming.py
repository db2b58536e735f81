"""Naming verbs: "called the system “rotten to the core”", "referred to him as a “reformer”".

A verb that names or characterises something ("call", "describe … as", "refer to … as",
"portray … as", "accuse … of", and any verb with a reflexive object and "as": "has
positioned itself as a “global town square”") takes an object and a quoted description of
it. What the speaker said is that pairing, the object with the quoted words, and nothing
after it: in "Trump called the pact “insanity,” and Sanders, who says it is “disastrous,” …"
the words after the first quotation belong to someone else, and in "Carson took the stage in
Baltimore and called the system “rotten to the core.”" the words before the naming verb are
narration.
The annotators of PolNeAR mark the same span (object and quotation) as the content.

:func:`naming_content` finds that span; :func:`with_naming`, run by
:mod:`storywatch.understand.attribution` on the reading of every sentence with a quotation,
uses it to narrow what an earlier verb's reading ran over, or to find what no other reading
did.
"""

from __future__ import annotations

from dataclasses import dataclass
from operator import itemgetter

from storywatch.understand import lexicon as lx
from storywatch.understand.lexicon import words_of as _words
from storywatch.understand.phrases import _np_after, _np_before, clause_subject
from storywatch.understand.spans import (
    Found,
    Sentence,
    Span,
    _inside,
    _trim,
    is_title_quote,
    subject_end,
    subject_floor,
)
from storywatch.understand.subjects import joined_name, opening_name, opening_subject
from storywatch.understand.text import Quote, Word

# Verbs whose object is followed straight by its quoted name ("called him a “nice guy”").
_DIRECT = _words(
    """
    call calls called calling dub dubs dubbed nickname nicknamed deem deems deemed deeming termed
    branded labeled labelled rated
    """
)

# Verbs that need "as" before the quoted description ("described Trump as “a sociopath”").
_WITH_AS = frozenset(
    _words(
        """
        describe describes described describing portray portrays portrayed portraying
        characterize characterizes characterized characterizing depict depicts depicted
        depicting dismiss dismisses dismissed dismissing denounce denounces denounced
        denouncing praise praises praised praising hail hails hailed hailing brand brands
        branded branding label labels labeled labelled labeling labelling identify identifies
        identified identifying tout touts touted touting cast casts casting paint paints
        painted painting refer refers referred referring
        """
    )
)

# "accused the mayor of “cooking the books”": the charge follows "of".
_WITH_OF = _words("accuse accuses accused accusing")

_NAMING_VERBS = _DIRECT | _WITH_AS | _WITH_OF
# A word's text (``Word`` is a plain tuple underneath; no property call per word).
_TEXT = itemgetter(0)

# A complement longer than this is not an object and its name.
_MAX_OBJECT_WORDS = 12
# Words that may sit between two quotations of one description ("“criminals” and “rapists”").
_MAX_JOIN_WORDS = 4

_OWNERS = _words("a an the his her their its our my your this that")

# What one calls in the sense of convening or ordering it ("called a news conference",
# "called a vote", "called an emergency session").
_EVENTS = _words(
    """
    conference meeting vote election hearing session halt strike recess briefing summit
    referendum timeout caucus convention
    """
)

# "call for", "call on", "call off": other verbs than naming.
_PARTICLES = _words("for on off out up in back into to upon")


@dataclass(frozen=True, slots=True)
class Naming:
    """A naming verb (index ``verb`` in the sentence's words) and the span it governs."""

    verb: int
    content: Span


def naming_content(text: str, s: Sentence, after: int = -1) -> Naming | None:
    """The first naming verb of the sentence (starting after offset ``after``) whose object
    is followed by a quotation, and the object with that quotation (and any joined to it),
    or ``None``."""
    reflexive = not _REFLEXIVES.isdisjoint(map(_TEXT, s.words))
    if not reflexive and _NAMING_VERBS.isdisjoint(map(_TEXT, s.words)):
        return None  # most sentences: one set test in C instead of a look at every word
    words = s.words
    for k, w in enumerate(words):
        low = w[0].lower()  # the word's text (a plain tuple index)
        if low not in _NAMING_VERBS and not (reflexive and _casts_itself(words, k)):
            continue
        if not w.text[:1].islower() or w.start <= after or _inside(s.quotes, w.start):
            continue
        if k and words[k - 1].text.lower() in lx.BE_FORMS:
            continue  # "is described as “…”": the subject of a passive did not speak
        if k and (
            words[k - 1].text.lower() in _OWNERS
            or words[k - 1].text.endswith(lx.POSSESSIVE_ENDINGS)
        ):
            continue  # "Trump's call for a “deportation force”": a noun, not the verb
        start_at = k + 1
        if low.startswith("refer"):
            if start_at >= len(words) or words[start_at].text != "to":
                continue
            start_at += 1
        if start_at >= len(words):
            continue
        quote = next((q for q in s.quotes if q.start > words[start_at].start), None)
        if quote is None or (
            is_title_quote(text, quote) and low not in _DIRECT and not _nickname(text, quote)
        ):
            # After "call" or "dub" a Title Case quotation is the name given ("called
            # Merkel “The Chancellor of the Free World”"), not a work's title; after "as",
            # a short one is a nickname ("described Kim as “Little Rocket Man”").
            continue
        between = [x for x in words[start_at:] if x.end <= quote.start]
        if not between or len(between) > _MAX_OBJECT_WORDS:
            continue  # "what he called “…”": the object came before the verb
        lead = text[words[start_at].start : quote.start]
        if any(c in lead for c in ":;—–") or "that" in {x.text for x in between}:
            continue
        if text[w.end : words[start_at].start].strip() in ("-", "--"):
            # "the Vale brand - a shop pitched as “…”": a noun before a dash aside, no verb
            continue
            continue
        lows = {x.text.lower() for x in between}
        if (low in _WITH_AS or low not in _NAMING_VERBS) and "as" not in lows:
            continue
        if low in _WITH_OF and "of" not in lows:
            continue
        if low in _DIRECT and between[0].text.lower() in _PARTICLES:
            continue  # "called for calm", "called on voters to …": not naming
        if low in _DIRECT and not _EVENTS.isdisjoint(x.text.lower() for x in between):
            continue  # "called a news conference to announce …": convened, not named
        end = _clause_end(text, s, _joined_end(text, s, quote))
        return Naming(k, (words[start_at].start, end))
    return None


def _nickname(text: str, quote: Quote) -> bool:
    """A Title Case quotation right after "as", of a few words: a nickname the verb gives
    ("referred to Warren as “Pocahontas”", "mocked Rubio as “Little Marco”")."""
    return (
        text[max(0, quote.start - 4) : quote.start].rstrip().endswith(" as")
        and len(text[quote.start : quote.end].split()) <= _NICKNAME_WORDS
    )


_NICKNAME_WORDS = 4


# "has positioned itself as a “global town square”", "offered himself as a “law and order”
# candidate": any verb with a reflexive object and "as" presents its subject under a name.
_REFLEXIVES = _words("himself herself themselves itself")


def _casts_itself(words: list[Word], k: int) -> bool:
    """ "positioned itself as", "framed herself as": a lowercase verb form at ``k``, its
    reflexive object and "as" (the quotation after it is checked by the caller)."""
    low = words[k].text
    return (
        k + 2 < len(words)
        and low.islower()
        and low.endswith(("ed", "ing", "es"))
        and words[k + 1].text in _REFLEXIVES
        and words[k + 2].text == "as"
    )


def _clause_end(text: str, s: Sentence, end: int) -> int:
    """Where the description ends: at its quotation when a comma, a conjunction or an
    adverbial of time follows ("called the pact “insanity,” and Sanders …", "called it “a
    rough week” last week"), else at the end of the clause, for what goes on describing
    ("called the Saudis “free riders” who rely on U.S. aid", "called him a “liar” for
    insisting …")."""
    rest = text[end : s.end]
    head = rest.lstrip()
    if text[end - 2 : end - 1] == ",":
        return end  # "“Spanish,” which is what …": the comma inside the marks ends it
    if not head or head[0] in _BREAKS or rest[:1] not in " \xa0":
        return end
    first = head.split(None, 1)[0].lower().rstrip(".!?")
    if first in _STOP_WORDS:
        return end
    stops = [i for i in (rest.find(c) for c in ",;:—–(") if i >= 0]
    cut = end + min(stops) if stops else s.end
    while cut > end and text[cut - 1] in " .!?\n":
        cut -= 1
    return cut


# After the quotation, these end the description: punctuation, a new clause, or where and
# when it was said.
_BREAKS = frozenset(",;:—–-(.!?")
_STOP_WORDS = frozenset(
    _words(
        """
        and but while as when after before during via through since though although
        whereas yet or so last this earlier later today yesterday instead
        """
    )
)


def _joined_end(text: str, s: Sentence, first: Quote) -> int:
    """The end of the last quotation joined to ``first`` without a break ("as “criminals”
    and “rapists”", "a “liar” who was not “honorable”"): no comma, colon or dash between
    them, and only a few words."""
    last = first
    for q in s.quotes:
        if q.start <= last.start:
            continue
        gap = text[last.end : q.start]
        if any(c in gap for c in ",;:—–") or text[last.end - 2 : last.end - 1] == ",":
            break
        if len(gap.split()) > _MAX_JOIN_WORDS or any(
            w.lower() in lx.CUE_WORDS for w in gap.split()
        ):
            break  # "“leading from behind” and Trump says he's “losing …”": a new act
        last = q
    return last.end


def with_naming(text: str, s: Sentence, found: Found | None) -> Found | None:
    """Narrow ``found`` to what a naming verb governs when an earlier verb's reading ran
    over it ("took the stage in Baltimore and called the system “rotten to the core”"), or
    find that attribution when nothing else did; see :mod:`~storywatch.understand.naming`.

    A reading whose own cue is the naming verb is left as it is: its clause end already
    follows the annotators' convention, and cutting it at the quotation lost more on PolNeAR
    dev than it gained on train. A naming verb inside a reported clause ("said that Trump
    called it “a disgrace”") stays part of that clause, as readers and annotators take it."""
    naming = naming_content(text, s)
    if naming is None:
        return found
    verb = s.words[naming.verb]
    cue = (verb.start, verb.end)
    if found is None:
        if _in_that_clause(s, naming.verb):
            return None
        speaker = naming_speaker(text, s, naming.verb)
        return None if speaker is None else Found((naming.content,), True, speaker, cue, s.index)
    if found.cue == cue and not found.direct and found.speaker is not None:
        # "Within hours, Okafor called the mayor “Captain Delay” twice.": a reading of the
        # naming verb that left its quotation out took the wrong side of the verb.
        return Found((naming.content,), True, found.speaker, cue, s.index)
    if found.direct and found.cue == cue:
        return _what_clause(text, s, naming, found)
    if not found.direct or len(found.parts) != 1 or found.cue == cue:
        return found
    start, end = found.parts[0]
    if not (start <= verb.start < end) or text.startswith("that ", start):
        return found
    if verb.text.endswith("ing") and text[start : verb.start].rstrip().endswith(","):
        return found  # "blasted Trump's plan, calling it “absurd”": two acts, split later
    if found.cue is not None and found.cue[1] <= start and _says(text, found.cue):
        return found
    if any(w in _RELATIVE_WORDS for w in text[start : verb.start].lower().split()):
        return found  # "a video from 1999, in which Trump called himself “…”"
    speaker = _what_subject(text, s, naming.verb) or found.speaker
    return Found((naming.content,), True, speaker, cue, s.index)


def _what_clause(text: str, s: Sentence, naming: Naming, found: Found) -> Found:
    """ "The fight over whether the fund is what former staff have called a “rigged game”
    took an odd turn": a naming inside a "what" clause has its own subject, the words
    after "what", and when a finite verb follows its quotation the clause was part of the
    sentence's subject, so the description ends at the quotation. ("what it calls
    “harbour-grade” profiles of …", "a “rigged game” aimed at …": the words after the
    quotation are still what was named.)"""
    subject = _what_subject(text, s, naming.verb)
    if subject is None:
        return found
    parts = found.parts
    if len(parts) == 1 and parts[0][0] == naming.content[0]:
        quote = next((q for q in s.quotes if naming.content[0] <= q.start < parts[0][1]), None)
        after = next((w for w in s.words if quote is not None and w.start >= quote.end), None)
        if (
            quote is not None
            and after is not None
            and after.text in _MAIN_VERBS
            and not text[quote.end : after.start].strip()
        ):
            parts = ((parts[0][0], quote.end),)
    return Found(parts, found.direct, subject, found.cue, found.sentence, found.inherited)


# Finite verbs that are never participles: after a "what" clause's quotation, they are the
# main clause's verb ("… a “rigged game” took an odd turn", "… was settled").
_MAIN_VERBS = _words(
    """
    is are was were has had have will would could can should may might must does did
    took came went began grew fell drew rose ran gave saw knew threw became
    """
)


def _what_subject(text: str, s: Sentence, k: int) -> Span | None:
    """ "to close what some call the “Charleston loophole”": after "what", the naming verb
    has a subject of its own, who gives the name; the earlier reading's speaker did not."""
    words = s.words
    what = next((i for i in range(k - 2, max(-1, k - 5), -1) if words[i].text == "what"), None)
    if what is None:
        return None
    j = subject_end(words, k, any_ly=True)
    if j <= what + 1:
        return None
    return (words[what + 1].start, words[j - 1].end)


def joined_verb(text: str, s: Sentence, k: int) -> bool:
    """ "He suggested her cycle was behind her tone, called her “third-rate” and …": a
    naming verb after a comma or "and" with no subject of its own is the next verb of the
    sentence's subject, a second act beside the reported clause, not part of it."""
    if k < 2:
        return False
    before = s.words[k - 1]
    if before.text == "and":
        gap = text[s.words[k - 2].end : before.start]
        return "," in gap or s.words[k - 2].text.lower() not in lx.PERSONAL_PRONOUNS
    return text[before.end : s.words[k].start].strip() == "," and before.text[:1].islower()


def relative_naming(words: list[Word], k: int, first: Found) -> bool:
    """ "Cross said he has two options: Vote for Clinton, whom he called “the most divisive
    figure”, or …": the naming verb at ``k`` opens a relative clause whose object is the
    pronoun before its subject ("whom he called", "what she described as"), inside the
    clause the earlier reading ``first`` reports. The name describes something in that
    clause, so the quotation is part of what the earlier cue reports, as readers and the
    annotators take it, not an act of its own. ("what Obama said in Springfield was “…”"
    is his words, not a name: only naming verbs.)"""
    if words[k].text.lower() not in _NAMING_VERBS or not first.parts:
        return False
    floor = first.parts[0][0]
    for j in range(k - 2, max(-1, k - 5), -1):
        if words[j].start < floor:
            return False
        if words[j].text.lower() in _OBJECT_RELATIVES:
            return True
    return False


_OBJECT_RELATIVES = frozenset(("whom", "what"))


def _in_that_clause(s: Sentence, k: int) -> bool:
    """ "Maddow pointed out that Sanders refers to it as “…”": a cue before the naming
    verb reports a clause that holds it, so the naming is part of what that cue reports."""
    words = s.words
    for i in range(1, k):
        if words[i].text == "that" and (
            words[i - 1].text.lower() in lx.CUE_WORDS
            or words[i - 1].text.lower() in lx.QUOTE_CUES
            or words[i - 1].text.lower() in ("out", "up")
        ):
            return True
    return False


_RELATIVE_WORDS = frozenset(("which", "whom", "whose", "who"))


def _says(text: str, cue: Span) -> bool:
    """A cue that reports a clause ("said", "argued", "according to"), not one that names
    or acts."""
    word = text[cue[0] : cue[1]].lower()
    if word == "according to":
        return True
    lemma = lx.CUE_LEMMA.get(word)
    return lemma is not None and lemma not in lx.WEAK_CUES


def naming_speaker(text: str, s: Sentence, k: int) -> Span | None:
    """Who names: the subject before the verb ("Trump calling it …", "who has called …",
    "Trump, in interviews on Thursday, referred to …", "Trump in his first speech called
    …"), or the sentence's subject for a
    participle after a comma ("…, calling him …") or a verb joined by "and" ("took the
    stage and called …")."""
    words = s.words
    j = subject_end(words, k, any_ly=True)
    if j == 0 or _inside(s.quotes, words[j - 1].start):
        return None
    joined = words[j - 1].text.lower() == "and"
    after_comma = "," in text[words[j - 1].end : words[j].start] or after_set_off_phrase(
        text, words, j
    )
    if joined:
        return opening_name(text, s) or joined_name(text, s, k)
    if after_comma and words[k].text.endswith("ing"):
        return clause_subject(text, s) or opening_subject(text, s, k)
    if _governed(words, j, k):
        # "Republicans sought to paint Obama as “soft on terror”", "Trump has taken to
        # calling the senator “…”": the clause's subject names, through the verb governing;
        # "It is common for news accounts to portray …": the subject after "for".
        return _for_subject(words, j) or clause_subject(text, s)
    floor = subject_floor(text, s, words[j - 1].start)
    speaker = _np_before(text, words, j, floor)
    if speaker is None:
        i = _phrase_start(text, words, j)
        if i is not None:
            speaker = _np_before(text, words, subject_end(words, i), floor)
    return speaker


# A phrase of place, time or occasion between a subject and its naming verb, at most this
# many words long ("in his announcement speech").
_PHRASE_PREPOSITIONS = _words("in at during on over after before since within")
_MAX_PHRASE_WORDS = 5


def _governed(words: list[Word], j: int, k: int) -> bool:
    """The naming verb at ``k`` is an infinitive ("sought to paint", "was quick to label")
    or a gerund after "to" or "of" ("taken to calling", "a habit of calling"): another verb
    governs it, and the clause's subject is the one who names."""
    if j < 2 or j != k:
        return False
    before = words[j - 1].text
    return before == "to" or (words[k].text.endswith("ing") and before == "of")


def _for_subject(words: list[Word], j: int) -> Span | None:
    """The words between "for" and the "to" at ``j - 1`` ("for news accounts to portray"),
    when "for" comes within a few words: the infinitive's own subject."""
    for i in range(j - 2, max(-1, j - 2 - _FOR_SUBJECT_WORDS), -1):
        if words[i].text == "for" and i + 1 < j - 1:
            return words[i + 1].start, words[j - 2].end
    return None


_FOR_SUBJECT_WORDS = 4


def after_set_off_phrase(text: str, words: list[Word], j: int) -> bool:
    """ "…, at one point calling the mayor a “coward”", "…, in turn labeling him a “fraud”":
    a short phrase of time or manner (a preposition and lowercase words) after a comma
    stands between the comma and the participle at ``words[j]``; the participle hangs on
    the clause before the comma as it would right after it."""
    if not words[j].text.endswith("ing"):
        return False
    for i in range(j - 1, max(0, j - 1 - _MAX_PHRASE_WORDS), -1):
        if text[words[i].end : words[i + 1].start] != " ":
            return False
        if not words[i].text.islower() and not words[i].text.isdigit():
            return False
        if words[i].text in _PHRASE_PREPOSITIONS:
            return i > 0 and text[words[i - 1].end : words[i].start] == ", "
    return False


def _phrase_start(text: str, words: list[Word], j: int) -> int | None:
    """Where a short prepositional phrase ending before ``words[j]`` begins, when the
    subject is written right before it ("Ruiz in her first speech called the levy “…”",
    "Ruiz, who has in the past described the quay as “…”"); else ``None``. The phrase has
    lowercase words only (no name, verb or auxiliary of its own) and no punctuation: after
    a comma it is an aside, which the appositive reading already steps over."""
    for i in range(j - 1, max(0, j - 1 - _MAX_PHRASE_WORDS), -1):
        if text[words[i].end : words[i + 1].start] != " ":
            return None
        low = words[i].text.lower()
        if low in _PHRASE_PREPOSITIONS and words[i].text.islower():
            return i if i > 0 and text[words[i - 1].end : words[i].start] == " " else None
        if not (words[i].text.islower() or words[i].text.isdigit()):
            return None
        if low in lx.CUE_WORDS or low in lx.AUXILIARIES:
            return None
    return None


def passive_naming_verb(words: list[Word], j: int, k: int) -> bool:
    """``words[k]`` is a naming verb in the passive ("was called", "has been described"):
    a form of "be" among the auxiliaries between its subject (ending before ``words[j]``)
    and it."""
    low = words[k].text.lower()
    if low not in _NAMING_VERBS or low.endswith(("ing", "s")):
        return False  # "many are calling it", "is calling on": progressive, not passive
    for x in reversed(words[max(0, min(j, k - 3)) : k]):
        low = x.text.lower()
        if low in lx.BE_FORMS:
            return True
        if not (low in lx.AUXILIARIES or low.endswith("ly") or low in _PASSIVE_ADVERBS):
            return False
    return False


# Adverbs that stand inside a passive ("is sometimes called", "was once described as").
_PASSIVE_ADVERBS = _words("sometimes often once also still now widely long")


def passive_naming(text: str, s: Sentence, j: int, k: int) -> Found | None:
    """ "The plan was called “a disaster” by Mayor Ruiz", "has been called “strategic
    ambiguity” by Joshua Hendrick, a professor …": the agent after "by" gave the name, to
    the subject; what was said is the subject with the quoted name, as PolNeAR's annotators
    mark it. ``None`` when no quotation follows the verb or no agent is written."""
    words = s.words
    verb = words[k]
    quote = next((q for q in s.quotes if q.start > verb.end), None)
    if quote is None:
        return None
    by = next(
        (
            n
            for n in range(k + 1, len(words))
            if words[n].text == "by" and words[n].start > quote.end
        ),
        None,
    )
    if by is None or text[quote.end : words[by].start].strip(" ,"):
        return None  # the agent follows the name at once, or this is not its phrase
    agent = _np_after(text, words, by + 1)
    if agent is None:
        return None
    parts: tuple[Span, ...] = ()
    if j:
        # The subject: the words from the clause's start (the sentence's, or its last comma
        # before the verb) to the verb's auxiliaries.
        floor = max(s.start, text.rfind(",", s.start, words[j - 1].start) + 1)
        start, end = _trim(text, floor, words[j - 1].end)
        if end > start:
            parts = ((start, end),)
    return Found((*parts, (quote.start, quote.end)), True, agent, (verb.start, verb.end), s.index)


def contrasted_naming(text: str, s: Sentence, prev: Found) -> tuple[int, Found] | None:
    """ "Christie refers to the candidate as “Mr. Trump,” while Trump refers to the governor
    as “Chris.”": after a first naming ``prev``, "while", "whereas" or "but" and a subject
    of its own open a second naming, that subject's act: (where the linking word starts,
    the act), or ``None``."""
    if prev.cue is None or not prev.parts:
        return None
    naming = naming_content(text, s, after=prev.parts[-1][1])
    if naming is None:
        return None
    k = naming.verb
    link = next(
        (
            i
            for i in range(k - 1, max(-1, k - 1 - _CONTRAST_REACH), -1)
            if s.words[i].text in _CONTRASTS and s.words[i].start >= prev.parts[-1][1]
        ),
        None,
    )
    if link is None:
        return None
    speaker = naming_speaker(text, s, k)
    if speaker is None or speaker[0] <= s.words[link].start:
        return None
    verb = s.words[k]
    return s.words[link].start, Found(
        (naming.content,), True, speaker, (verb.start, verb.end), s.index
    )


_CONTRASTS = frozenset(("while", "whereas", "but"))
# How far before the second naming verb the linking word may stand ("while Trump refers").
_CONTRAST_REACH = 6
