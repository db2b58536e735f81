"""Where the reported content starts after a cue verb, or that nothing after it is content.

What a cue reports is a clause: "said (that) the harbor will reopen". Between the cue and
that clause news copy puts an object for verbs of telling ("told shipping lines …", "tells
Iraq it will …") and adverbials ("on Monday", "in a notice", "earlier this week"). When only
those follow the cue ("…, the authority told shipping lines in a notice on Monday."; "…, the
office said on Wednesday, citing falling stocks."), the content is the clause *before* the
speaker, and the words after the cue are not what was said.

:func:`content_start` reads the words after a cue and answers with one of three things:
an offset where the clause starts, :data:`NOTHING` (only an object and adverbials follow),
or :data:`UNSURE` (a shape it does not know; the caller keeps its older reading).
"""

from __future__ import annotations

from storywatch.understand import lexicon as lx
from storywatch.understand.lexicon import words_of as _words
from storywatch.understand.text import Word

NOTHING = -1
UNSURE = -2

# Verbs whose first complement is the person told: "told reporters that …".
TELL_LEMMAS = frozenset(
    ("tell", "warn", "assure", "caution", "remind", "inform", "notify", "advise", "urge")
)

_PREPOSITIONS = _words(
    """
    in on at during after before since with for from by about over under amid among across
    through near outside inside via per without throughout following to into
    """
)
_TIME = _words(
    """
    monday tuesday wednesday thursday friday saturday sunday today yesterday tonight tomorrow
    earlier later recently again also last this next late early morning afternoon evening
    night week weekend month year previously repeatedly once
    """
)
_SUBJECTS = _words("he she it they we i you there")
_OBJECTS = _words("him her them us me reporters journalists lawmakers residents")
_DETERMINERS = _words("the a an this that these those his her their its our my some")
_VERBISH = _words(
    """
    is are was were has had have will would could can should may might must did does do
    be been
    """
)
_NOT_ADVERBS = _words("only early") | lx.LY_NOUNS
_IRREGULAR_PAST = _words(
    """
    shut put set cut hit left led kept held made took gave brought sent told said found
    began broke caught drove fell fought grew hurt knew lost met paid ran saw sold spent
    stood struck thought threw won wrote
    """
)
_OBJECT_STARTS = _words("the a an his her its their him them our my this these those")
_MAX_PP = 7


def is_relative_that(words: list[Word], i: int) -> bool:
    """ "the fire that closed the harbor", "the collapse that shut the yard": a "that"
    followed by a verb introduces a relative clause about the noun before it, not what was
    said. A verb is told from a noun by its shape or by the object that follows it."""
    if i + 1 >= len(words):
        return True
    nxt = words[i + 1].text
    low = nxt.lower()
    if low in _VERBISH or (low.endswith("ed") and len(low) > 4) or low in _IRREGULAR_PAST:
        return True
    after = words[i + 2].text if i + 2 < len(words) else ""
    return (
        nxt[:1].islower()
        and low not in _DETERMINERS
        and low not in _SUBJECTS
        and low not in _CLAUSE_OPENERS
        and after in _OBJECT_STARTS
    )


# Words that open a clause after "that" and are no verb: a subordinator ("said in a
# statement that although the vote …") or a determiner of the subject ("wrote in a filing
# that such a request …", "that no candidate …").
_CLAUSE_OPENERS = _words(
    """
    although though while if when because as since unless once whether even such no every
    each all both neither either most many several few
    """
)


def content_start(text: str, cue_end: int, words: list[Word], lemma: str) -> int:
    """Offset where the reported clause starts in ``words`` (the words after the cue that
    ends at ``cue_end``, to the sentence end), or :data:`NOTHING` / :data:`UNSURE`."""
    n = len(words)
    if not n:
        return NOTHING
    i = 0
    moved = False
    if lemma in TELL_LEMMAS:
        i = _skip_object(words)
        moved = i > 0
    told = moved
    plain = True  # only the person told and time words so far
    prev_end = words[i - 1].end if i else cue_end
    if not moved and _infinitive_at(text, cue_end, words):
        return words[0].start
    while i < n:
        w = words[i]
        low = w.text.lower()
        if "," in text[prev_end : w.start] and (moved or i == 0):
            return _after_comma(text, words, i, moved)
        if moved and plain and _complement_here(text, words, i):
            # "vowed Tuesday to fight the bill “to the end”", "urged lawmakers to fight …"
            return words[0].start if told else w.start
        if low in _TIME or (low.endswith("ly") and low not in _NOT_ADVERBS):
            i += 1
        elif low in _PREPOSITIONS and i + 1 < n and words[i + 1].text.lower() not in _SUBJECTS:
            end = _skip_phrase(text, words, i + 1)
            if end < 0:
                return UNSURE
            i = end
            plain = False
        else:
            break
        moved = True
        prev_end = words[i - 1].end
    if i >= n:
        return NOTHING if moved else UNSURE
    w = words[i]
    if w.text == "that":
        if not moved or not is_relative_that(words, i):
            return w.start
        return NOTHING if _rest_is_relative(words, i) else UNSURE
    if "," in text[prev_end : w.start] and moved:
        return _after_comma(text, words, i, moved)
    if not moved:
        return UNSURE
    low = w.text.lower()
    if low in _SUBJECTS or low in _DETERMINERS or w.text[:1].isupper() or w.text[:1].isdigit():
        return w.start
    if _bare_subject(words, i):
        return w.start
    return UNSURE


def _complement_here(text: str, words: list[Word], i: int) -> bool:
    """ "vowed Tuesday to fight the bill “to the end”", "urged lawmakers to fight …",
    "called Tuesday for “a full accounting”": after a time word or the person told, an
    infinitive (:func:`_infinitive_at`), or a "to"/"for"/"of" right before a quotation, is
    the verb's own complement, where what was said starts, not a phrase to skip."""
    w = words[i]
    low = w.text.lower()
    if low == "to" and _infinitive_at(text, words[i - 1].end, words[i:]):
        # Not "replied later Saturday to suggest the dispute …": a verb of saying after
        # "to" does the reporting itself, and its own clause is what was said.
        return words[i + 1].text.lower() not in lx.CUE_WORDS
    last = i == len(words) - 1
    return last and low in ("to", "for", "of") and text[w.end : w.end + 2].lstrip()[:1] in '“"'


def _infinitive_at(text: str, cue_end: int, words: list[Word]) -> bool:
    """ "vowed to build a wall", "pledged to close the port": a "to" straight after the cue
    and before a lower-case word that opens no noun phrase is an infinitive, the verb's own
    complement and what was promised, not a preposition ("said to reporters", "wrote to
    the board", "told to CNN") whose phrase is skipped to find the clause after it."""
    if len(words) < 2 or words[0].text != "to" or text[cue_end : words[0].start].strip():
        return False
    nxt = words[1].text
    low = nxt.lower()
    return (
        nxt[:1].islower()
        and low not in _DETERMINERS
        and low not in _OBJECTS
        and low not in _SUBJECTS
        and low not in _TIME
        and not low.endswith("s")
    )


# Lowercase nouns after a name that make one outlet with it, the person told.
_OUTLETS = lx.words_of("radio television tv network newspaper magazine channel")


def _skip_object(words: list[Word]) -> int:
    """Index after the person told: a pronoun, a name, or a short noun phrase. Not a "that"
    straight after the verb: "warned that lawmakers who backed the bill had …" opens the
    reported clause there; "that" is not the determiner of someone warned."""
    first = words[0]
    low = first.text.lower()
    if low == "that":
        return 0
    if low in _OBJECTS:
        return 1
    if first.text[:1].isupper():
        k = 1
        while k < len(words) and words[k].text[:1].isupper() and k < 5:
            k += 1
        while k < len(words) - 1 and words[k].text in _OUTLETS:
            k += 1  # "told ABC radio the budget …", "told Kestrian television it …"
        return k if k < len(words) and words[k].text.lower() not in _VERBISH else 0
    k = 1 if low in _DETERMINERS else 0
    start = k
    while k < len(words) and k - start < 4:
        t = words[k].text.lower()
        if t in _PREPOSITIONS or t == "that" or t in _SUBJECTS or t in _VERBISH:
            break
        if t in _DETERMINERS and k > start:
            break
        k += 1
    return k if k > start else 0


def _skip_phrase(text: str, words: list[Word], i: int) -> int:
    """Index after a prepositional phrase's noun phrase ("in a notice", "on the fire"), or
    -1 when it runs into a verb (a clause started somewhere inside it)."""
    k = i
    while k < len(words) and k - i < _MAX_PP:
        w = words[k]
        low = w.text.lower()
        if "," in text[words[k - 1].end : w.start]:
            return k
        if low in _PREPOSITIONS or low == "that" or low in _TIME - {"this", "last", "next"}:
            return k
        if low in lx.RELATIVE_PRONOUNS and k - 1 > i and _bare_subject(words, k - 1):
            return k - 1  # "said in an email lawmakers who backed it had …"
        if low in _CLAUSE_PRONOUNS and k > i and words[k - 1].text[:1].isupper():
            return k  # "told supporters at a rally in Tampa he would …": the clause starts
        if low in _SUBJECTS or low in _VERBISH:
            return -1
        if low in _DETERMINERS and k > i:
            return k
        k += 1
    return k if k < len(words) or k - i < _MAX_PP else -1


# Subject pronouns that open a clause after a place name ends a phrase ("in Tampa he …").
_CLAUSE_PRONOUNS = frozenset(("he", "she", "they", "we"))


def _bare_subject(words: list[Word], k: int) -> bool:
    """ "said Tuesday lawmakers had …", "said in an email lawmakers who backed it had …": a
    lower-case plural noun after the adverbials, then a finite auxiliary or a relative pronoun,
    opens the reported clause without "that". Not when a "that" comes later ("said in a
    note to supporters who gathered that …"): the clause starts there."""
    noun = words[k].text
    if k + 1 >= len(words) or not noun[:1].islower() or noun in _PREPOSITIONS:
        return False
    if not noun.endswith("s") or noun.endswith("ss"):
        return False  # a plural noun: "of who ran what" is no clause
    nxt = words[k + 1].text.lower()
    if nxt not in _VERBISH and nxt not in lx.RELATIVE_PRONOUNS:
        return False
    return all(w.text.lower() != "that" for w in words[k + 1 :])


_ASIDES = _words("however though moreover furthermore nonetheless too also again meanwhile")


_SUBORDINATE = _words("where which when while as after before because although though since")


def _after_comma(text: str, words: list[Word], i: int, moved: bool) -> int:
    """After adverbials and a comma nothing is content ("said on Wednesday, citing …"),
    except after an aside ("said, however, that …"). A comma straight after the cue ends
    the attribution only before a participle or a subordinate clause ("…, the authority
    said, where the ship waits"); "Despite …, Quill wrote, Lazar is …" goes on, and so
    does a reported clause after an aside set off by commas (:func:`_after_aside`)."""
    low = words[i].text.lower()
    if i + 1 < len(words) and low in _ASIDES and words[i + 1].text == "that":
        return words[i + 1].start
    if moved:
        named = _that_after_name(text, words, i)
        if named >= 0:
            return named
    if not moved:
        after = _after_aside(text, words, i)
        if after >= 0:
            return after
    if moved or low in _SUBORDINATE or (low.endswith("ing") and len(low) > 4):
        return NOTHING
    return UNSURE


def _that_after_name(text: str, words: list[Word], i: int) -> int:
    """ "said on his podcast, Tech Unfiltered, that …", "said on her show, “The Ledger Hour,”
    that …": after adverbials, the name of where it was said set off by commas (a few
    capitalised words, or a quoted title the caller's words leave out), then "that": the
    clause is what was said. Where "that" starts, or -1."""
    k = i
    while k < len(words) and k - i < _MAX_NAME and words[k].text[:1].isupper():
        k += 1
    if k == 0 or k >= len(words) or words[k].text != "that":
        return -1
    return words[k].start if "," in text[words[k - 1].end : words[k].start] else -1


_MAX_NAME = 4


def _after_aside(text: str, words: list[Word], i: int) -> int:
    """ "said, however, the levy …", "said, in a statement, the levy …", "said, without
    offering evidence, the levy …": an adverb or a prepositional phrase set off by commas
    right after the cue, then a clause's subject: the clause is what was said, the aside
    is the writer's. Where the clause starts, or -1."""
    low = words[i].text.lower()
    if (low not in _ASIDES and low not in _PREPOSITIONS) or low == "to":
        return -1  # "it is his job, he said, to talk to Congress, the …": an infinitive
    if text[words[i].start - 1 : words[i].start] in _OPENING_MARKS:
        return -1  # "continues, “In fact, the …”": the speaker's own words
    for k in range(i + 1, min(len(words), i + _MAX_ASIDE + 1)):
        if "," not in text[words[k - 1].end : words[k].start]:
            continue
        w = words[k]
        first = w.text.lower()
        opens = first in _SUBJECTS or first in _DETERMINERS or w.text[:1].isupper()
        opens = opens or _bare_subject(words, k)
        return w.start if opens or first == "that" else -1
    return -1


_MAX_ASIDE = 6
_OPENING_MARKS = frozenset("“\"'‘")


def _rest_is_relative(words: list[Word], i: int) -> bool:
    """A relative clause that runs to the end of the sentence or to a comma."""
    return all(w.text.lower() != "that" for w in words[i + 1 :])
