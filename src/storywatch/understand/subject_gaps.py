"""Words that stand between a subject and its cue verb, stepped over to find the subject.

    "Feinstein last week said"
    "The company in a statement on Tuesday said", "Ruiz two weeks ago said"
    "O'Neill, who was off-camera, then loudly asked, …"
    "Dianne Feinstein (D-Calif.) said"

The noun phrase before a cue (:func:`~storywatch.understand.phrases._np_before`) is read
leftwards from the word before the verb. A time adverbial, an adverb or two after an aside,
or a party label in brackets sits there instead of the subject; each function gives the
cue position moved back past it, so the reading starts at the subject (or at the comma that
closes an aside, which the appositive reading then looks past). Each steps over only what
it is sure of: an adverb in "-ly" right after a name may be the name's own noun ("the Ruiz
family said"), and a time word after a lowercase noun ("in a statement Monday said") is no
subject's.
"""

from __future__ import annotations

from storywatch.understand import lexicon as lx
from storywatch.understand.chunks import is_name_chunk, is_role_chunk
from storywatch.understand.spans import _PREPOSITIONS
from storywatch.understand.text import Word

# "last week", "on Tuesday", "earlier this month" between a subject and its cue.
_TIME_WORDS = frozenset(
    lx.words_of(
        """
        last this next earlier later week month year weekend night morning afternoon evening
        monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
        also recently previously repeatedly once again on
        """
    )
)


def skip_time(text: str, words: list[Word], j: int) -> int:
    """The cue position with a time adverbial before it stepped over ("Feinstein last week
    said"): the subject is before the adverbial (at most three words, ending on a time).
    After an aside closed by a comma ("Ortiz, who has feuded with the council, on Friday
    described …") the subject is before the aside, which the appositive reading finds. A
    time closing an aside with a comma ("Ortiz, in an interview with The Ledger on Friday,
    said") is left to that reading too: the word before the time is the aside's."""
    if j > 0 and j < len(words) and "," in text[words[j - 1].end : words[j].start]:
        return j
    k = j
    while k > 0 and j - k < 3 and words[k - 1].text.lower() in _TIME_WORDS:
        k -= 1
        if k and "," in text[words[k - 1].end : words[k].start]:
            break
    if k == j or k == 0 or words[j - 1].text.lower() in ("on", "this", "last", "next"):
        return j
    # Only after a name (or its bracketed party label): "in a statement Monday said" is not.
    if words[k - 1].text[:1].isupper() or words[k - 1].text.endswith(")"):
        return k
    if words[j].text.endswith("ing") and words[k - 1].text.lower() in lx.WORD_CARRIERS:
        return k  # "released a statement Wednesday saying …": the day the statement came out
    return k if _after_aside(text, words, k) else j


def skip_circumstances(text: str, words: list[Word], j: int) -> int:
    """The cue position with the circumstances of the saying stepped over: where, when or
    how it was said, written between the subject and the cue ("The company in a statement
    said", "The senator on Tuesday said", "Ruiz at a rally in Iowa on Friday said", "Ruiz
    two weeks ago said"). Left unread, the phrase's own noun is taken for the speaker ("a
    statement", "Twitter") or, being no speaker, loses the statement. At most three
    phrases, none across a comma; stepped over only when what is left before them ends like
    a subject (:func:`_ends_subject`)."""
    if j >= len(words) or words[j].text.endswith("ing"):
        return j  # a participle hangs on a clause ("issued a statement Monday condemning")
    if words[j].text.lower() not in _CUE_OR_AUXILIARY:
        return j  # a subject read elsewhere ("met with Trump in December and declared")
    k = j
    for _ in range(3):
        step = _ago_before(words, k) or _time_before(words, k) or _setting_before(words, k)
        if not step or any(c in text[words[k - step].start : words[k].start] for c in ",;:()—–"):
            break
        k -= step
        if "," in text[words[k - 1].end : words[k].start]:
            break
    if k == j or k == 0:
        return j
    return k if _ends_subject(text, words, k) else j


_CUE_OR_AUXILIARY = lx.CUE_WORDS | lx.AUXILIARIES


def _ago_before(words: list[Word], k: int) -> int:
    """How many words before ``words[k]`` say how long ago: "two weeks ago", "less than a
    year ago", "just days ago"."""
    if k < 3 or words[k - 1].text.lower() != "ago" or words[k - 2].text.lower() not in _SPANS:
        return 0
    n = 2
    count = words[k - 3].text.lower()
    if count in _COUNTS or count.isdigit():
        n = 3
        if k > 4 and count == "few" and words[k - 4].text.lower() == "a":
            n = 4
    while n < 6 and k - n > 0 and words[k - n - 1].text.lower() in _AGO_QUALIFIERS:
        n += 1
    return n


_SPANS = lx.words_of("minutes hours day days week weeks month months year years decade decades")
_COUNTS = lx.COUNT_WORDS | lx.words_of("a an several few many some just only")
_AGO_QUALIFIERS = lx.COUNT_HEDGES | lx.words_of("less more than some")


def _time_before(words: list[Word], k: int) -> int:
    """How many time words stand right before ``words[k]`` ("last week", "earlier this
    month", "Tuesday"): up to three, the last a time itself, not "on" or "this"."""
    n = 0
    while n < 3 and k - n > 0 and words[k - n - 1].text.lower() in _TIMES:
        n += 1
        if k - n > 0 and words[k - n - 1].text.lower() in _LINKS and n < 3:
            n += 1
    return n if n and words[k - 1].text.lower() not in _LINKS else 0


_LINKS = lx.words_of("on this last next also again once")
_TIMES = _TIME_WORDS - _LINKS


def _setting_before(words: list[Word], k: int) -> int:
    """How many words before ``words[k]`` make a phrase of the setting: a preposition of
    place, time or means and at most six words, ending on a noun of an occasion or a medium
    ("in a statement", "on Twitter", "during a news conference"), a date ("in December",
    "in 2008") or a place after such a noun ("at a rally in Iowa")."""
    if not k or not _ends_setting(words[k - 1].text):
        return 0
    if k > 1 and _is_year(words[k - 1].text) and words[k - 2].text.lower() in _NOUN_OPENERS:
        return 0  # "on a 2010 recall of three justices": the year describes a noun
    has_setting = False
    for n in range(1, min(k, 7) + 1):
        word = words[k - n].text
        low = word.lower()
        if n > 1 and low in _SETTING_PREPOSITIONS and has_setting:
            return n
        if low in _SETTING_BREAKS or low in lx.CUE_WORDS or low in lx.PERSONAL_PRONOUNS:
            return 0
        has_setting = has_setting or low in _SETTING_NOUNS or low in lx.MONTHS or _is_year(low)
    return 0


def _ends_setting(word: str) -> bool:
    low = word.lower()
    return low in _SETTING_NOUNS or low in lx.MONTHS or _is_year(low) or word[:1].isupper()


def _is_year(word: str) -> bool:
    return word.isdigit() and len(word) == 4


_SETTING_PREPOSITIONS = lx.words_of("in on at during via through over")
_SETTING_BREAKS = lx.words_of(
    "for of from by with about to that who which when where while and or but as if because"
)
_SETTING_NOUNS = lx.words_of(
    """
    statement statements interview interviews twitter tweet tweets facebook instagram post
    posts speech speeches call conference briefing hearing debate letter email e-mail
    release appearance event rally rallies meeting video radio television tv show program
    podcast op-ed column memo filing testimony remarks address hall session time
    """
)


def _ends_subject(text: str, words: list[Word], k: int) -> bool:
    """What comes before ``words[k]`` can end a subject: a name (or its bracketed label), a
    pronoun, an aside closed by a comma, a noun whose determiner is not a preposition's
    ("the senator", "a spokesman for the campaign"; not "in a statement"), or a speaking
    noun ("officials")."""
    prev = words[k - 1]
    low = prev.text.lower()
    if "," in text[prev.end : words[k].start]:
        return _after_aside(text, words, k)
    if prev.text[:1].isupper():
        return _name_opens_subject(text, words, k - 1)
    if prev.text.endswith(")") or low in _SUBJECT_PRONOUNS:
        return True
    if not prev.text.isalpha() or low in _PREPOSITIONS or low in lx.CUE_WORDS:
        return False
    for i in range(k - 2, max(-1, k - 5), -1):
        if text[words[i].end : words[i + 1].start] != " ":
            return False
        if words[i].text.lower() in _NOUN_OPENERS:
            return i == 0 or _opens_subject(words, i)
    return low in lx.SPEAKER_NOUNS


def _name_opens_subject(text: str, words: list[Word], i: int) -> bool:
    """The name ending at ``words[i]`` can be a subject: not a preposition's object ("to
    regain control of the Senate in November say"), unless the preposition hangs on a
    speaking noun ("a spokesman for the State Department")."""
    while i > 0 and words[i - 1].text[:1].isupper() and _spaced(text, words, i):
        i -= 1
    if i == 0 or not _spaced(text, words, i):
        return True
    if words[i - 1].text.lower() in _NOUN_OPENERS:
        i -= 1
        if i == 0:
            return True
    return _opens_subject(words, i)


def _spaced(text: str, words: list[Word], i: int) -> bool:
    return text[words[i - 1].end : words[i].start] == " "


def _opens_subject(words: list[Word], i: int) -> bool:
    """The determiner (or name) at ``words[i]`` opens a subject, not a preposition's object ("to the
    polls"), unless that preposition hangs on a speaking noun ("a spokesman for the
    campaign")."""
    before = words[i - 1].text.lower()
    if before not in _PREPOSITIONS and before != "to":
        return True
    return any(w.text.lower() in lx.SPEAKER_NOUNS for w in words[max(0, i - 4) : i - 1])


_NOUN_OPENERS = lx.words_of("the a an his her their its our this that these those")


def skip_adverbs_after_aside(text: str, j: int, words: list[Word]) -> int:
    """The cue position with one or two adverbs before it stepped over when an aside closed
    by a comma comes before them ("O'Neill, who was off-camera, then loudly asked, …"): the
    subject is before the aside, which the appositive reading finds. Not an adverb the
    aside's own comma closes ("Sanders, speaking a few hours later, said": "later" is the
    aside's). Only after the comma,
    or after a subject pronoun ("She angrily said", "he memorably promised that …": a
    pronoun has no noun of its own); elsewhere a word in "-ly" may be the subject's own noun
    ("the Ruiz family said")."""
    k = j
    while (
        k > 0
        and j - k < 2
        and _is_adverb(words[k - 1].text)
        and text[words[k - 1].end : words[k].start] == " "
    ):
        k -= 1
    if k == j or k == 0:
        return j
    if _pronoun_subject(text, words, k) or _after_aside(text, words, k):
        return k
    return j


def _pronoun_subject(text: str, words: list[Word], k: int) -> bool:
    """ "he memorably promised": a subject pronoun right before the adverbs."""
    return (
        words[k - 1].text.lower() in _SUBJECT_PRONOUNS
        and text[words[k - 1].end : words[k].start] == " "
    )


_SUBJECT_PRONOUNS = lx.words_of("he she they we i")


def _after_aside(text: str, words: list[Word], k: int) -> bool:
    """A comma right before ``words[k]`` closes an aside that follows the subject: a
    relative clause ("who was off-screen"), a phrase of time or place ("after the scandal
    broke"), a role ("a staunch ally") or a name after a role. Not a clause of the sentence's
    own ("…, and virulently opposed Trump, last week said" is no aside, nor "…, was poised to
    take most delegates, substantially adding")."""
    if "," not in text[words[k - 1].end : words[k].start]:
        return False
    i = k - 1
    while i > 0 and not any(c in text[words[i - 1].end : words[i].start] for c in ",()—–"):
        i -= 1
    if i == 0:
        return False
    chunk = words[i:k]
    first = chunk[0].text.lower()
    return (
        first in _ASIDE_OPENERS
        or first in _PREPOSITIONS
        or first.isdigit()
        or is_role_chunk(chunk)
        or is_name_chunk(chunk)
    )


_ASIDE_OPENERS = frozenset(("who", "whose", "which", "a", "an", "the", "now", "then", "once"))


def _is_adverb(word: str) -> bool:
    return word in _ADVERBS or (
        word.endswith("ly") and word.isalpha() and word.islower() and word not in lx.LY_NOUNS
    )


_ADVERBS = lx.words_of("then later also again still soon")


def skip_party_label(text: str, words: list[Word], j: int) -> int:
    """ "Dianne Feinstein (D-Calif.) said": a party label in brackets after a name."""
    if j < 2 or text[words[j - 1].end : words[j].start].strip() not in (")", ".)"):
        return j
    k = j - 1
    while k > 0 and j - k <= 4 and "(" not in text[words[k - 1].end : words[k].start]:
        k -= 1
    if k == 0 or j - k > 4 or "(" not in text[words[k - 1].end : words[k].start]:
        return j
    inner = text[words[k].start : words[j - 1].end]
    if not inner[:1].isupper() or ("-" not in inner and len(inner) > 3):
        return j
    return k
