"""Words that stand between a subject and its cue verb, stepped over to find the subject.

    "Feinstein last week said"
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
    described …") the subject is before the aside, which the appositive reading finds."""
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
    return k if _after_aside(text, words, k) else j


def skip_adverbs_after_aside(text: str, j: int, words: list[Word]) -> int:
    """The cue position with one or two adverbs before it stepped over when an aside closed
    by a comma comes before them ("O'Neill, who was off-camera, then loudly asked, …"): the
    subject is before the aside, which the appositive reading finds. Only after the comma,
    or after a subject pronoun ("She angrily said", "he memorably promised that …": a
    pronoun has no noun of its own); elsewhere a word in "-ly" may be the subject's own noun
    ("the Ruiz family said")."""
    k = j
    while (
        k > 0
        and j - k < 2
        and _is_adverb(words[k - 1].text)
        and (k == j or text[words[k - 1].end : words[k].start] == " ")
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
    return word in _ADVERBS or (word.endswith("ly") and word.isalpha() and word.islower())


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
