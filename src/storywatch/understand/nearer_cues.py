"""Which of two cues governs a partial quotation in what the first one reports.

"McConnell said the Senate would not confirm Garland “under any circumstances”": the cue
nearest before a partial quotation usually governs it ("…, and he pledged a “political
revolution”"), but not a verb that reports only in another sense, nor a noun of speech that
stands before its own verb, nor a noun a naming verb gives its quoted name ("called the
mayor's remarks “reckless”"). Read for :mod:`~storywatch.understand.attribution`.
"""

from __future__ import annotations

from storywatch.understand import lexicon as lx
from storywatch.understand.lexicon import words_of as _words
from storywatch.understand.naming import naming_content
from storywatch.understand.spans import OPENING_MARKS, Found, Sentence
from storywatch.understand.text import Word

# Cue words that are as often nouns ("the report was", "the statement said"): one that
# reads nothing of its own does not stop the search for the verb nearest the quotation.
_NOUN_LIKE_CUES = frozenset(("report", "reports", "statement", "comment", "comments"))


def noun_before_verb(words: list[Word], k: int) -> bool:
    """``words[k]``, a cue word that is as often a noun, stands before a form of "be" or
    "have": it is that verb's noun ("said the report was “…”"), and the search for the
    verb nearest a partial quotation reads past it."""
    if words[k].text.lower() not in _NOUN_LIKE_CUES:
        return False
    return k + 1 < len(words) and words[k + 1].text in _BE_HAVE


# Forms of "be" and "have" a noun of speech stands before ("the report was", "claims were").
_BE_HAVE = frozenset(("was", "were", "is", "are", "has", "have", "had"))


def clause_predicate(text: str, first: Found, nearer: Found) -> bool:
    """ "McConnell said the Senate would not confirm Garland “under any circumstances”",
    "Kirk said he would write in “David Petraeus”": the nearer cue is a verb that reports
    only in another sense (confirming a nominee, writing in a name: an object, no "that" or
    quotation after it), and its subject opens what "said" or "told" reports; so the verb is
    the reported clause's own predicate, and the first speaker's words take in the whole
    clause. So is a plural noun of speech before "were"/"are"/"have" ("said the hacking
    claims were “ridiculous”"), which a verb never stands before."""
    if nearer.speaker is None or nearer.cue is None or first.cue is None or not first.parts:
        return False
    verb = text[nearer.cue[0] : nearer.cue[1]].lower()
    after = text[nearer.cue[1] : nearer.cue[1] + 6].lstrip()
    noun = verb.endswith("s") and after.split(" ", 1)[0] in _BE_HAVE
    if lx.CUE_LEMMA.get(verb) not in _OTHER_SENSES and not noun:
        # ("the hacking claims were “ridiculous”": a plural noun before its verb)
        return False
    if lx.CUE_LEMMA.get(text[first.cue[0] : first.cue[1]].lower()) not in ("say", "tell"):
        return False
    if after.startswith(("that", ":", *OPENING_MARKS)):
        return False
    return text[first.parts[0][0] : nearer.speaker[0]].strip() in ("", "that")


# Cues with a common sense that reports nothing ("confirm a nominee", "write in a name").
_OTHER_SENSES = frozenset(("confirm", "write"))


# "He's said", "she’s predicting": a pronoun's "'s" is "is" or "has", not an owner.
_CONTRACTED = frozenset(
    _words("he's he’s she's she’s it's it’s that's that’s who's who’s there's there’s")
)


def named_object(text: str, s: Sentence, k: int) -> bool:
    """ "Ruiz, who has called the mayor's remarks “reckless,” toured …": a cue word after a
    possessive ("the mayor's", "the governors'") is a noun, here the object a naming verb
    gives its quoted name, so the naming verb's subject speaks. Only then: elsewhere such a
    noun ("the mayor's remarks, Ruiz wrote: …") still finds the right words often enough."""
    owner = s.words[k - 1]
    demonstrative = owner.text.lower() in ("that", "this", "the", "his", "her", "their")
    if demonstrative and k > 1 and s.words[k - 2].text.lower() in _NAMING_FORMS:
        # "called that claim “laughable”": a determiner after the naming verb opens its
        # object, and the cue word is that object's noun.
        return True
    if not owner.text.endswith(lx.POSSESSIVE_ENDINGS) or owner.text.lower() in _CONTRACTED:
        return False
    if text[owner.end : s.words[k].start] != " ":
        return False  # "a cousin of the Ruizes', said …"
    naming = naming_content(text, s)
    return naming is not None and naming.verb < k and naming.content[0] <= owner.start


# Naming verbs whose object may be a noun of speech ("called that claim “laughable”").
_NAMING_FORMS = frozenset(("called", "calls", "calling", "dubbed", "labeled", "deemed"))
