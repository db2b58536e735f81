"""Whether a name is the subject of its sentence by where it stands: at most a few words
before it, or an opening phrase and a comma ("Speaking at the town hall on Friday, Holm
…", "At a news conference in Raleigh, the Rev. William Barber …"). The pronoun resolver
prefers a subject over a name in an object or possessive position.
"""

from __future__ import annotations

from storywatch.understand import lexicon as lx
from storywatch.understand.mentions import Mention


def mention_opens(text: str, sentence_start: int, m: Mention) -> bool:
    """Whether a mention is its sentence's subject by where it stands. A title written
    before the name may open the subject ("…, Attorney General Loretta Lynch took the last
    step"), or the name may follow it after a comma ("Sanders's campaign manager, Jeff
    Weaver, appeared"); a preposition's object never is ("… would vote for Trump")."""
    if governed_mention(text, sentence_start, m):
        return False
    if opens_sentence(text, sentence_start, m.start):
        return True
    return m.title_start >= 0 and opens_sentence(text, sentence_start, m.title_start)


def governed_mention(text: str, sentence_start: int, m: Mention) -> bool:
    """Whether a preposition governs a mention written with its title ("for President
    Vale"); a possessive there is its noun's ("One of Vale's jeremiads came when he …")."""
    at = m.title_start if m.title_start >= 0 else m.start
    return not m.possessive and governed(text, sentence_start, at)


def opens_sentence(text: str, sentence_start: int, at: int) -> bool:
    """A name is a subject when at most a few words, or an opening phrase and a comma,
    come before it in its sentence."""
    prefix = text[sentence_start:at]
    words = prefix.split()
    if len(words) > 2 and words[-1].lower() == "the" and words[-2].endswith(","):
        # "At a news conference in Raleigh, the Rev. William Barber": the title's article
        prefix = prefix.rstrip()[: -len(words[-1])]
        words = words[:-1]
    n = len(words)
    if n <= 2:
        # "Pataki says Kasich “…”": a name right after a verb of saying is what was said
        # about, not the subject; after "asked" it is who answers next ("Hale asked Ruiz
        # how …. “…,” he said").
        return not any(w.lower().strip(",") in _SAYING for w in words)
    if not prefix.rstrip().endswith(",") or "“" in prefix or '"' in prefix:
        return False
    # A longer opening phrase still leaves the name as subject when the phrase is plainly
    # adverbial ("Speaking at the town hall in the old courthouse on Friday evening, Holm
    # …"): it starts with a participle or a preposition, not with another name and its
    # appositive ("Ada Brill, who worked for Mr. Holm's father, Karl Holm, listed …").
    first = words[0].lower()
    return n <= 9 or (n <= 20 and (first in _OPENERS or first.endswith("ing")))


_SAYING = lx.CUE_WORDS - lx.words_of("ask asks asked asking")

# Words that open an adverbial phrase before a sentence's subject.
_OPENERS = lx.words_of(
    """
    after at before by despite during following for from in on since speaking when while
    with without asked facing absent amid as like unlike throughout over under within
    earlier later last this
    """
)


def governed(text: str, sentence_start: int, at: int) -> bool:
    """Whether a preposition right before ``at`` governs the name there: "voted for
    Vale", "at the thought of Vale as the nominee", "denounced by Vale". Such a name is
    an object, never the subject a later pronoun goes on with; "according to Vale" names
    the source and "As for Vale, he …" the topic, so they are not counted."""
    words = [w.lower() for w in text[sentence_start:at].split()]
    if not words or words[-1] not in _GOVERNING:
        return False
    return " ".join(words[-2:]) not in ("according to", "as for")


# Prepositions whose object a name can be.
_GOVERNING = lx.words_of(
    """
    of for with at about against to from by on than toward towards over under into like
    unlike among between behind beside besides without
    """
)
