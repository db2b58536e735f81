"""Does a query match an article, and why (M3).

:func:`evaluate` is the reference meaning of every query: the percolator and the preview
corpus only narrow down which queries or articles to test, and then call :func:`test`.

Name rules (documented in ``docs/queries.md``):

- ``person:`` — the words given must appear in a person's name in the same order, and the
  last word given must be the surname (the name's last word, ignoring Jr./Sr./II/III):
  ``person:Esper``, ``person:"Mark Esper"`` and ``person:"Mark T. Esper"`` all find
  *Mark T. Esper*; ``person:Mark`` does not. Names come from the article's people and from
  its entity keys (``person:mark-esper``), so a resolved "he" or a bare "Esper" counts.
- ``org:``, ``place:`` and ``source:`` (by name) — the words given must appear side by side
  in the name: ``org:Pentagon`` finds *The Pentagon*, ``org:"State Department"`` finds
  *U.S. State Department*. ``source:42`` is the source with id 42.
- ``lang:en`` matches ``en``, ``en-US`` and ``en-GB`` (the primary subtag).
"""

from __future__ import annotations

from storywatch.match.doc import MatchDoc, PreparedDoc, name_keys, prepare
from storywatch.match.query import And, Name, Node, Not, Or, Phrase, Prefix, Query, Term
from storywatch.match.text import stem
from storywatch.model import Reason


def evaluate(query: Query, doc: MatchDoc | PreparedDoc) -> bool:
    """True when ``query`` matches ``doc``."""
    return test(query.root, prepare(doc))


def explain(query: Query, doc: MatchDoc | PreparedDoc) -> tuple[Reason, ...]:
    """Why ``query`` matches ``doc``: one reason per term that made it match, or ``()``.

    Every branch of an OR that matched is reported; parts under NOT never are (an absent
    word is not a reason a person needs to read).
    """
    found = _why(query.root, prepare(doc))
    return tuple(dict.fromkeys(found)) if found is not None else ()


def test(node: Node, doc: PreparedDoc) -> bool:
    """The truth of one node on a prepared doc (no explanations: the fast path)."""
    if isinstance(node, Term):
        return node.key in doc.keys
    if isinstance(node, And):
        return all(test(c, doc) for c in node.children)
    if isinstance(node, Or):
        return any(test(c, doc) for c in node.children)
    if isinstance(node, Not):
        return not test(node.child, doc)
    if isinstance(node, Phrase):
        return doc.has_phrase(node.words, in_title=node.in_title)
    if isinstance(node, Prefix):
        return doc.has_prefix(node.prefix, in_title=node.in_title)
    return _matching_name(node, doc) is not None


def _matching_name(node: Name, doc: PreparedDoc) -> str | None:
    """The name (as written in the doc) that ``node`` matches, or None."""
    want = node.words
    if node.kind == "source":
        return doc.doc.source if _has_run(doc.source_words, want) else None
    for name, shown in doc.names.get(node.kind, ()):
        if node.kind == "person":
            if name[-1] == want[-1] and _is_subsequence(want, name):
                return shown
        elif _has_run(name, want):
            return shown
    return None


def _has_run(name: tuple[str, ...], want: tuple[str, ...]) -> bool:
    size = len(want)
    return any(name[i : i + size] == want for i in range(len(name) - size + 1))


def _is_subsequence(want: tuple[str, ...], name: tuple[str, ...]) -> bool:
    it = iter(name)
    return all(any(w == n for n in it) for w in want)


# ----------------------------------------------------------------------------- explanations


def _why(node: Node, doc: PreparedDoc) -> list[Reason] | None:
    """Reasons when ``node`` holds, None when it does not."""
    if isinstance(node, And):
        reasons: list[Reason] = []
        for child in node.children:
            found = _why(child, doc)
            if found is None:
                return None
            reasons.extend(found)
        return reasons
    if isinstance(node, Or):
        matched = [r for c in node.children if (r := _why(c, doc)) is not None]
        return [reason for found in matched for reason in found] if matched else None
    if isinstance(node, Not):
        return None if test(node.child, doc) else []
    if not test(node, doc):
        return None
    return [_reason(node, doc)]


def _reason(node: Term | Phrase | Prefix | Name, doc: PreparedDoc) -> Reason:
    if isinstance(node, Phrase):
        where = doc.where_phrase(node.words, in_title=node.in_title)
        return Reason(
            "title" if node.in_title else "phrase", " ".join(node.words), f"in the {where}"
        )
    if isinstance(node, Prefix):
        found = doc.prefixed(node.prefix, in_title=node.in_title)
        shown = ", ".join(found[:5]) + (", …" if len(found) > 5 else "")
        return Reason("title" if node.in_title else "prefix", node.prefix + "*", shown)
    if isinstance(node, Name):
        return Reason(node.kind, node.value, _matching_name(node, doc) or "")
    return Reason(node.kind, node.value, _term_detail(node, doc))


def _term_detail(node: Term, doc: PreparedDoc) -> str:
    kind = node.kind
    key = node.key
    if kind == "phrase":
        return "in the title" if "t:" + key in doc.keys else "in the text"
    if kind in ("term", "title"):
        target = key.removeprefix("t:")
        if " " in target:
            return "in the title"
        in_title = sorted(w for w in doc.title_set if stem(w) == target)
        if in_title:
            return f"“{in_title[0]}” in the title"
        in_text = sorted(w for w in doc.word_set if stem(w) == target)
        return f"“{in_text[0]}” in the text" if in_text else ""
    if kind in ("person", "org", "place"):
        for name, shown in doc.names.get(kind, ()):
            if key in name_keys(kind, name):
                return shown
        return ""
    if kind == "source":
        return doc.doc.source or f"source {doc.doc.source_id}"
    if kind == "story":
        return f"the article is part of story {doc.doc.story_id}"
    if kind == "lang":
        return f"the article is in {doc.doc.language}"
    return ""
