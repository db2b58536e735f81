"""The values attribution rules pass around: sentences, findings, and small span helpers.

Kept apart from the rules themselves (:mod:`storywatch.understand.attribution`) and the
noun-phrase readers (:mod:`storywatch.understand.phrases`) so both can share them.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from storywatch.understand import lexicon as lx
from storywatch.understand.function_word_names import modal_name_before
from storywatch.understand.lexicon import words_of as _words
from storywatch.understand.text import Quote, Word

Span = tuple[int, int]


_NP_STOP = frozenset(
    _words(
        """
        in on during at after before while when who whose as to from with about adding
        according referring because but and or said says told added that which where than
        for last this earlier later today yesterday tonight recently
        """
    )
)


_DETERMINERS = frozenset(
    _words(
        """
        the a an another one his her their its our my your this that these those some two
        three
        """
    )
)


_PREPOSITIONS = frozenset(
    _words(
        """
        in on at after before during since with without for from by of about over under
        alongside despite amid among across into onto upon like unlike following
        """
    )
)


_INTRO_MAX_WORDS = 14


_CONJUNCTIONS = frozenset(("But", "And", "So", "Then"))


_IRREGULAR_PAST = frozenset(
    _words(
        """
        told said wrote spoke gave took made sang threw put kept felt thought saw heard sent
        brought found got went came won lost led left meant set
        """
    )
)


def past_tense(low: str) -> bool:
    """A cheap guess that a lowercase word is a past tense: "-ed" on a word longer than four
    letters ("welcomed", not "need" or "bed"), or an irregular form ("told", "put")."""
    return (low.endswith("ed") and len(low) > 4) or low in _IRREGULAR_PAST


_SENTENCE_CUES = frozenset(("said", "says", "asked", "added", "continued", "wrote", "according"))


@dataclass(frozen=True, slots=True)
class Found:
    """An attribution found in one sentence (offsets into the article text)."""

    parts: tuple[Span, ...]
    direct: bool
    speaker: Span | None
    cue: Span | None
    sentence: int
    inherited: bool = False  # speaker taken from the previous statement


@dataclass(slots=True)
class Sentence:
    index: int
    start: int
    end: int
    words: list[Word]
    quotes: list[Quote]
    # Indices of words that are cue verbs, found once per sentence (see ``cue_indices``).
    cues: list[int] | None = None


def cue_indices(s: Sentence) -> list[int]:
    if s.cues is None:
        cues = lx.CUE_WORDS
        s.cues = [i for i, w in enumerate(s.words) if w[0].lower() in cues]
    return s.cues


def outside_quotes(s: Sentence, first: int) -> list[Word]:
    """The words of ``s`` from index ``first`` on that stand outside its quotations (a new
    list). Most sentences quote nothing: then that is the plain slice, with no test of each
    word against the quotations."""
    if not s.quotes:
        return s.words[first:]
    return [w for w in s.words[first:] if not _inside(s.quotes, w.start)]


def _inside(quotes: list[Quote], pos: int) -> bool:
    # A plain loop: this runs for every word of every attributed sentence.
    for q in quotes:  # noqa: SIM110
        if q.start <= pos < q.end:
            return True
    return False


def _is_cue(word: Word, quotes: list[Quote]) -> bool:
    """A reporting verb outside quotation marks; capitalised only at a sentence start (so
    "the United States" has no cue in it)."""
    text = word.text
    return (
        text.lower() in lx.CUE_WORDS
        and (text[0].islower() or text.lower() in _SENTENCE_CUES)
        and not _inside(quotes, word.start)
    )


def goes_somewhere(text: str, cue: Span) -> bool:
    """ "Okafor went, “Not again.”", "Vale went on to say …", "went so far as to say": "go"
    reports words that follow it (after a comma, a colon or a quotation mark), or with "on"
    or "so". A lower-case word after it makes it a verb of motion or degree ("went to the
    debate", "the offensive, which went through three cities", "goes by “Vito”"), which
    says nothing, unless a participle of saying follows ("went further, saying …")."""
    if text[cue[0] : cue[1]] not in _GO_FORMS:
        return False
    after = text[cue[1] : cue[1] + 20].split(None, 1)
    if not after or not after[0][:1].islower() or after[0].rstrip(",.;:") in ("on", "so"):
        return False
    saying = _SAYING_NEXT.search(text, cue[1], cue[1] + _SAYING_REACH)
    return saying is None or saying.group(1) not in lx.CUE_WORDS


_GO_FORMS = frozenset(w for w, lemma in lx.CUE_LEMMA.items() if lemma == "go_on")
_SAYING_NEXT = re.compile(r",\s+([a-z]+ing)\b")
_SAYING_REACH = 160


def puts_a_thing(text: str, cue: Span) -> bool:
    """ "The levy puts pressure on families who …", "puts ferries at risk": "puts" reports
    words only as "puts it" ("as Vale puts it", "Vale puts it bluntly: …"); with another
    word after it a thing is put somewhere, and nobody speaks."""
    if text[cue[0] : cue[1]] != "puts":
        return False
    after = text[cue[1] : cue[1] + 16].split(None, 1)
    return bool(after) and after[0][:1].isalpha() and after[0].rstrip(",.;:").lower() != "it"


def _trim(text: str, start: int, end: int) -> Span:
    """Trim spaces and the final period/comma outside a quotation from a content span."""
    while start < end and (text[start].isspace() or text[start] in ",:;—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:—–-"):
        end -= 1
    return start, end


# The marks that open and close a quotation, as ``str.startswith``/``endswith`` take them.
OPENING_MARKS = ("“", '"', "''", "‘")
CLOSING_MARKS = ("”", '"', "''")


def _closes_at(text: str, pos: int) -> bool:
    """True when a closing quote mark sits at ``pos`` (and ``pos`` is inside the text)."""
    return pos < len(text) and text[pos] in '”"'


def _words_between(s: Sentence, start: int, end: int) -> list[Word]:
    words = s.words
    lo = bisect_left(words, start, key=_start_of)
    hi = bisect_left(words, end + 1, key=_start_of)
    return [w for w in words[lo:hi] if w[2] <= end]


def _start_of(w: Word) -> int:
    return w[1]


def is_title_quote(text: str, q: Quote) -> bool:
    """A short quotation in Title Case with no sentence punctuation names a work or a thing
    (“The Quiet Harbour”, “Green Valley”), it does not report anyone's words. A number is
    written as a title writes it (“60 Minutes”, “Apollo 13”, “Yuge!: 30 Years of …”), as long
    as some word is capitalised: a bare figure (“400”, a tweet's id) is no title."""
    inner = " ".join(text[a:b] for a, b in q.parts).strip()
    if _after_cue(text, q):
        return False  # "Ruiz cut in by interjecting, “Only Aunt May.”": words said
    if inner[-1:] in ".," and len(inner.split()) > 1:
        inner = inner[:-1]  # “Meet the Press.” at the end of a sentence, “Cake Boss,” …
    words = inner.split()
    if not words or len(words) > 7 or inner[-1:] in ".!?,":
        return False
    small = {"of", "the", "a", "an", "and", "in", "on", "for", "to", "at", "with"}
    return (
        all(w[:1].isupper() or w[:1].isdigit() or w in small for w in words)
        and (words[0][:1].isupper() or words[0][:1].isdigit())
        and any(w[:1].isupper() for w in words)
    )


# A word and the comma or colon that open a quotation ("added, “…”", "asked: “…”").
_WORD_OPENING = re.compile(r"([a-z]+)[,:]\s*\Z")


def _after_cue(text: str, q: Quote) -> bool:
    """The quotation is opened by a reporting verb and a comma or colon: words said, not a
    title, which is given after a noun ("the show, “Cake Boss.”"). A form that is as often
    a noun ("one of his reads, ''Old Roads,''", "her remarks: “…”") does not tell."""
    start = max(0, q.start - 24)
    # The pattern needs a comma or a colon last before the spaces: a quotation opened any
    # other way is ruled out without stepping the pattern through the 24 characters (hot
    # path: every quotation of every article).
    if text[start : q.start].rstrip()[-1:] not in (",", ":"):
        return False
    m = _WORD_OPENING.search(text, start, q.start)
    if m is None:
        return False
    verb = m.group(1)
    if verb in _MESSAGE_NOUNS and text[m.end(1)] == ":":
        return True  # "had one message: “Dump Trump.”": the words of a message, no title
    return verb in lx.CUE_WORDS and verb != "read" and (verb == "says" or not verb.endswith("s"))


# Nouns for words said that a colon opens ("one message: “…”", "a warning: “…”").
_MESSAGE_NOUNS = frozenset(("message", "warning", "answer", "reply", "response", "verdict"))


# How a clause ends before the speaker and cue that follow it ("…, the source added"): with a
# comma, or a comma inside the closing mark of its quotation, also when a quotation nested in
# it closes there too ("not as simple as, ‘He’s the ringleader,’” Sexton said", "had me at
# 'independence,''' Weiner wrote" in copy that doubles single marks for quotations).
COMMA_ENDS = (",", ",”", ',"', ",''", ",’’", ",’”", ",'\"", ",'”", ',’"', ",'''")


def _has_quote(quotes: list[Quote], start: int, end: int, text: str = "") -> bool:
    return any(q.start >= start and q.end <= end + 1 for q in quotes)


def subject_floor(text: str, s: Sentence, before: int) -> int:
    """Where a subject written before ``before`` may begin: after the last quotation that
    closes before it, or at the sentence start. A title does not end the subject ("Hemsley,
    the co-author of “Going Viral,” said …"), nor does a quotation in an aside ("Mr. Hale,
    citing ''the charm of the pier,'' said …")."""
    ends = [
        q.end
        for q in s.quotes
        if q.end <= before and not is_title_quote(text, q) and not _in_aside(text, q)
    ]
    return max([*ends, s.start])


def _in_aside(text: str, q: Quote) -> bool:
    """ "Mr. Hale, citing ''the charm of the pier,'' said …": a quotation right after a
    participle that opens an aside with a comma, and closed by the aside's comma, belongs
    to the aside (the subject's own act); the subject before the aside still governs the
    verb after it."""
    closed = text[q.end : q.end + 1] == "," or "," in text[q.end - 3 : q.end]
    if _PARTICIPLE_ASIDE.search(text, max(0, q.start - 30), q.start) is not None:
        # The aside's comma, after the closing mark or inside it ("citing ''…,'' said").
        return closed
    return closed and _appositive_before(text, q.start)


def _appositive_before(text: str, at: int) -> bool:
    """ "Sanders, a self-described “democratic socialist,” said …", "Coulter, author of
    “Adios, America,” said …", "Trump, appearing on “Hannity,” said …": the quotation ends
    an appositive a comma opened after the subject, a few words that hold no verb of
    speech and no other quotation."""
    comma = text.rfind(",", max(0, at - _APPOSITIVE_CHARS), at)
    if comma < 0 or comma < text.rfind("\n", 0, at):
        return False
    lead = text[comma + 1 : at].split()
    if not 1 <= len(lead) <= _APPOSITIVE_WORDS or any(c in text[comma:at] for c in "“”\"'"):
        return False
    if lead[0].lower() in _CLAUSE_OPENERS:
        return False  # "…, but “New York has …,” said Smith": a clause, no appositive
    return not any(w.strip(".").lower() in lx.CUE_WORDS for w in lead)


_CLAUSE_OPENERS = lx.SUBORDINATORS | _words("but and or nor so yet that which whereas unless")


# The most words (and characters) between the appositive's comma and its quotation.
_APPOSITIVE_WORDS = 6
_APPOSITIVE_CHARS = 60


def in_aside_quote(text: str, s: Sentence, pos: int) -> bool:
    """Whether ``pos`` is inside a quotation of an aside (see :func:`_in_aside`): the words
    before the aside may still be a cue's subject."""
    return any(q.start <= pos < q.end and _in_aside(text, q) for q in s.quotes)


def named_in_quotes(text: str, s: Sentence, pos: int) -> bool:
    """ "The “Squad” said …", "members of the so-called “Freedom Caucus” said …": ``pos`` is
    inside a short Title Case quotation that is the name ending the cue's subject (a
    determiner, "so-called" or a capitalised word before its opening mark, nothing but a
    space after its closing one), not a quotation whose trailer the cue is."""
    q = next((q for q in s.quotes if q.start <= pos < q.end), None)
    if q is None or not q.closed or text[q.end : q.end + 1] != " ":
        return False
    inside = text[q.start : q.end].strip("“”\"' ").split()
    if not inside or len(inside) > _NAME_QUOTE_WORDS or not all(w[:1].isupper() for w in inside):
        return False
    if inside[-1][-1:] in ",.;:!?":
        return False
    before = text[max(0, q.start - 12) : q.start].split()
    return bool(before) and (
        before[-1].lower() in ("the", "a", "so-called") or before[-1][:1].isupper()
    )


_NAME_QUOTE_WORDS = 4


# ", citing " … right before the opening mark.
_PARTICIPLE_ASIDE = re.compile(r",\s+[a-z]+ing\s+\Z")


# Verbs of habit before "to say" ("as Trump likes to say", "as she is fond of saying" aside).
_HABIT_VERBS = frozenset(("likes", "like", "loves", "love", "liked", "loved", "tends", "tend"))

# Adverbs of time the auxiliaries list holds ("would later write") that may also close an
# aside before its comma ("Sanders, speaking a few hours later, said").
_ASIDE_ADVERBS = frozenset(("later", "earlier", "again", "afterward", "afterwards", "then"))


# A negative auxiliary written as one word ("didn’t", "isn't", "won’t"): an auxiliary too.
_CONTRACTED_NOT = ("n’t", "n't")


def subject_end(words: list[Word], k: int, *, any_ly: bool = False) -> int:
    """Where the subject of the verb at ``words[k]`` ends: ``k`` moved back over the
    auxiliaries and adverbs before the verb ("Ruiz has also said", "who would later write"),
    so the subject is read from the word before the index returned (0: nothing before).
    ``any_ly`` steps over every word in "-ly" too ("he infamously referred to"), for verbs
    whose subject is found by other means when this walk goes wrong."""
    j = k
    if j > 1 and words[j - 1].text == "to" and words[j - 2].text in _HABIT_VERBS:
        j -= 2  # "as Trump likes to say": the habit's subject says it
    while j > 0 and (
        words[j - 1].text.lower() in lx.AUXILIARIES
        or words[j - 1].text.endswith(_CONTRACTED_NOT)
        or (any_ly and words[j - 1].text.endswith("ly"))
    ):
        if words[j - 1].text in lx.MODAL_NAMES and (
            past_tense(words[j].text) or modal_name_before(words[j - 1], words[j])
        ):
            break  # "Will said", "May says": no modal takes a past tense or an "-s"; a name
        if words[j].start - words[j - 1].end > 1 and (
            words[j - 1].text.endswith("ly") or words[j - 1].text.lower() in _ASIDE_ADVERBS
        ):
            break  # "…, who was not authorized to speak publicly, said": a comma between
        j -= 1
    return j


def asked_of(text: str, words: list[Word], j: int, k: int) -> bool:
    """ "Kim was asked, “Would you run?”": a passive "asked" (a form of "be" between the
    subject ending before ``words[j]`` and the verb at ``words[k]``) before the question it
    introduces; its subject was asked, and did not speak the question."""
    return (
        words[k].text.lower() == "asked"
        and any(x.text.lower() in lx.BE_FORMS for x in words[j:k])
        and INTRODUCES.match(text, words[k].end) is not None
    )


# A comma or colon and the opening mark of the quotation a cue introduces ("said, “…",
# "asked: ''…"): the words after the cue are a quotation, not a reported clause.
INTRODUCES = re.compile(r"[,:]\s*(?:“|\"|'')")


def parts_overlap(one: Sequence[Span], other: Sequence[Span]) -> bool:
    """Two lists of parts share some text."""
    return any(a < d and c < b for a, b in one for c, d in other)
