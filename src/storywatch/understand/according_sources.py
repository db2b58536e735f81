"""The source named after "according to" when it is no speaker's noun phrase.

"according to state corporate records", "according to officials familiar with the
system", "according to a report Tuesday from a local station": the words after "according
to" name where the claim comes from, and that is all they can do there, so any noun phrase
will do as the source, not only one a cue verb's subject would need (a name, a pronoun, a
noun of speaking). The phrase runs to the first punctuation or to the word that opens a
clause of its own.
"""

from __future__ import annotations

from storywatch.understand.lexicon import HONORIFICS
from storywatch.understand.lexicon import words_of as _words
from storywatch.understand.spans import Span
from storywatch.understand.text import Word

# Words that end the source's phrase: what follows is a clause or the content again.
_STOPS = _words(
    """
    that who whom which whose while although though because but when where as if since
    after before said says say and or
    """
)

# Words that cannot open a source ("according to it"): a pronoun needs the stricter reading.
_NOT_FIRST = _words("it this that these those he she they we i you him her them us me there")

# A longer phrase is more likely narration than a source.
_MAX_WORDS = 10


def source_after(text: str, words: list[Word], k: int) -> Span | None:
    """The noun phrase from ``words[k]`` up to the first punctuation or clause word, or
    ``None`` when it would be empty, open with a pronoun, or run too long."""
    if k >= len(words) or words[k].text.lower() in _NOT_FIRST:
        return None
    out = [words[k]]
    for w in words[k + 1 :]:
        gap = text[out[-1].end : w.start]
        if gap == ". " and out[-1].text.lower() in HONORIFICS:
            gap = " "  # "… of Mr. Cruz's friends": the abbreviation's full stop
        if gap != " " or w.text.lower() in _STOPS:
            break
        out.append(w)
        if len(out) > _MAX_WORDS:
            return None
    return (out[0].start, out[-1].end)


# Words that open an appositive after the source ("…, the ABC affiliate in Madison").
_APPOSITIVE_OPENERS = _words("the a an its their his her")


def appositive_next(text: str, source: Span) -> bool:
    """Whether a comma after ``source`` opens a phrase that describes it ("according to a
    report from WKOW, the ABC affiliate in Madison.") rather than the rest of the sentence
    the attribution was set into ("The mine, according to state records, closed in
    2010."): a determiner or a capitalised word after the comma."""
    rest = text[source[1] : source[1] + 40]
    if not rest.startswith(","):
        return False
    first = rest[1:].split(maxsplit=1)[:1]
    return bool(first) and (first[0] in _APPOSITIVE_OPENERS or first[0][:1].isupper())
