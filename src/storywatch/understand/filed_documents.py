"""A document written with the participle that says when or where it came out.

"according to a criminal complaint filed Tuesday in Harlow County District Court": the
complaint speaks, and the court after "in" is only where it was filed. The speaker
resolver reads capitalised words at the end of a phrase as its name, so it asks here first.
"""

from __future__ import annotations

from storywatch.understand import lexicon as lx


def document_then_participle(written: str) -> bool:
    """ "a criminal complaint filed Tuesday in Harlow County District Court", "a study
    published Wednesday in The Lancet": a document described by a participle speaks; the
    court it was filed in or the journal it came out in is no speaker. (One that says who
    put it out, "released by the agency", is left to the resolver's reading of "by".)"""
    words = written.split()
    if len(words) < 3 or words[0].lower() not in ("a", "an", "the") or "by" in words:
        return False
    for n, w in enumerate(words[1:5], start=1):
        if not w.islower():
            return False
        if w in lx.WORD_CARRIERS or w in _DOCUMENTS:
            return n + 1 < len(words) and words[n + 1] in _FILED
    return False


# Court and research papers that speak ("the indictment", "the study").
_DOCUMENTS = lx.words_of("indictment affidavit ruling study report complaint lawsuit filing")
# Participles that say when or where a document came out, not who speaks in it.
_FILED = lx.words_of("filed released issued published unsealed submitted posted")
