"""What a generic noun for an organisation stands for: "the agency", "the company".

News copy names a body once and then writes "the company said"; a reader takes the one
body of that kind the article named before. Read by the speaker resolver for a subject
("the agency said") and for a relative's antecedent ("a blow to the company, which …").
"""

from __future__ import annotations

from storywatch.model import EntityKind
from storywatch.understand import lexicon as lx
from storywatch.understand.analysis import Analysis


def generic_org(an: Analysis, pos: int, written: str) -> int | None:
    """ "the agency", "the company", "the port authority", "doctors": the organisation of
    that kind named earlier in the article, when exactly one fits (its modifiers must be
    in the name: "the environment agency" is the Lestrian Environment Agency); its
    identity's index, or ``None``."""
    words = [w.lower().replace("’s", "").replace("'s", "") for w in written.split()]
    if not words:
        return None
    head = words[-1]
    if len(words) == 1 and head in lx.STAFF_OF:
        endings, modifiers = lx.STAFF_OF[head], []
    elif words[0] == "the" and len(words) <= 4 and head in lx.ORG_HEADS:
        endings, modifiers = lx.ORG_HEADS[head], words[1:-1]
    else:
        return None
    found = -1
    for j, ident in enumerate(an.identities):
        if ident.kind is not EntityKind.ORG or ident.first_at >= pos or ident.count == 0:
            continue
        name = [w.lower().strip("’'") for w in ident.name.replace("’s", "").split()]
        if name[-1] not in endings or not all(m in name for m in modifiers):
            continue
        if found >= 0 and an.identities[found].key != ident.key:
            return None  # two candidates: a reader could not tell either
        found = j
    return found if found >= 0 else None
