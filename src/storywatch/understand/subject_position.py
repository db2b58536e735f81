"""Whether a name is the subject of its sentence by where it stands: at most a few words
before it, or an opening phrase and a comma ("Speaking at the town hall on Friday, Holm
…", "At a news conference in Raleigh, the Rev. William Barber …"). The pronoun resolver
prefers a subject over a name in an object or possessive position.
"""

from __future__ import annotations

from storywatch.understand import lexicon as lx


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
