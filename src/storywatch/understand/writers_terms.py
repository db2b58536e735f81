"""Quotation marks the writer puts around a term, not around anyone's words.

"He won 19 percent among ''somewhat conservative'' voters", "blocked the package because of
“poison pill” measures", "opposed the so-called “reform”", "served as the president's
''sherpa,'' or liaison": the marks flag a term (a label others use, a word glossed for the
reader), and the sentence's subject did not say it. A verb outside the reporting lexicon
(:mod:`~storywatch.understand.broad`, :mod:`~storywatch.understand.fallback`) reads a
statement only because a quotation follows it, so a term alone gives it nothing to report.
A verb of saying still reports the clause around one ("said the “poison pill” measures
would sink the bill"): there the marks are inside what was said. A term modifying a noun is
dropped only by the fallback (a verb of no lexicon): the broader verbs ("cited another
“trap” debate") and a participle on the way ("joined a ruling strengthening the ''undue
burden'' standard") make it the subject's in the PolNeAR annotation.
"""

from __future__ import annotations

import re

from storywatch.understand.lexicon import words_of as _words
from storywatch.understand.text import Quote

# "so-called “…”", "the self-styled “…”": the writer hands the term to others.
_SO_CALLED = re.compile(r"\b(?:so-called|so called|self-styled|self-described)\s*\Z", re.I)

# Right after the closing mark: ", or liaison", " (the numbers …)": a gloss of the term.
_GLOSS = re.compile(r"\A(?:,? or |,? \()")

# Words that can follow a quotation without the quotation modifying them: it ends a phrase
# ("called it “a fraud” and …", "“rigged” against him", "“a disaster” today").
_AFTER_PHRASE = _words(
    """
    a an the and or but nor so yet to for in on at of with by from as than that which who whom
    whose when where while if because since after before during until over about against into
    onto through under without within between among across toward towards per via
    is are was were be been being has have had do does did will would can could may might
    shall should must not also too then now today tonight yesterday tomorrow again instead
    anyway either here there this these those its his her their our my your it he she they
    we i you him them us me
    """
)


# Nouns naming words someone said: the quotation before one gives those words ("doubled down
# on the “king of debt” moniker", "Trump's "woman's card" remark").
_WORDS_NOUNS = _words(
    """
    moniker monikers nickname label slogan phrase line remark remarks comment comments claim
    quip jab refrain mantra catchphrase tagline motto chant chants
    """
)


def writers_term(text: str, q: Quote, modifier: bool = True) -> bool:
    """The quotation ``q`` flags a term: after "so-called", glossed (", or …", " (…)"), or
    (with ``modifier``) modifying the noun right after it ("“opt-out” movement")."""
    if not q.closed:
        return False
    if _SO_CALLED.search(text, max(0, q.start - 20), q.start):
        return True
    after = text[q.end : q.end + 40]
    return bool(_GLOSS.match(after)) or (modifier and _modifies_next(text, q))


def _modifies_next(text: str, q: Quote) -> bool:
    """ "''somewhat conservative'' voters", "“poison pill” measures": no punctuation inside
    the marks or after them, and the next word is a lowercase content word (not a joining
    word, an adverb in -ly, nor a participle in -ed starting a phrase of its own)."""
    inner = text[q.parts[-1][0] : q.parts[-1][1]].rstrip()
    if not inner or inner[-1] in ".,;:!?…-—":
        return False
    m = re.match(r" ([a-z][a-z'’-]*)\b", text[q.end : q.end + 40])
    if m is None:
        return False
    word = m.group(1)
    return (
        word not in _AFTER_PHRASE
        and word not in _WORDS_NOUNS
        and not word.endswith(("ly", "ed", "ing"))
    )
