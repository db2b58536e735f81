"""The article as matching sees it (:class:`MatchDoc`), and its prepared, folded form.

A :class:`MatchDoc` is what callers build from an article and its understanding; matching
prepares it once (:func:`prepare`) into a :class:`PreparedDoc` (folded words, keys, names)
and then tests any number of queries against that, so the cost of reading the text is paid
once per article, not once per subscription.
"""

from __future__ import annotations

import itertools
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass

from storywatch.match.text import person_words, split_key, stem, words
from storywatch.model import Entity, EntityKind

_KIND_ALIASES = {
    "person": "person",
    "per": "person",
    "org": "org",
    "organisation": "org",
    "organization": "org",
    "place": "place",
    "location": "place",
    "loc": "place",
    "gpe": "place",
}


@dataclass(frozen=True, slots=True)
class MatchDoc:
    """One article, as given to matching.

    ``title`` and ``text`` are the clean title and body. ``source`` is the outlet's name and
    ``source_id`` its row id (``source:`` matches either). ``language`` is a BCP 47 tag
    (``en``, ``en-US``) or None. ``people``, ``orgs`` and ``places`` are display names from
    the understand stage ("Mark Esper", "Pentagon", "Iraq"); ``entity_keys`` are its
    identities ("person:mark-esper"), so an article that only says "Esper" still matches a
    follow of ``person:"Mark Esper"`` when understanding resolved it. ``story_id`` is the
    story the article joined, if any.
    """

    title: str
    text: str
    source: str = ""
    source_id: int | None = None
    language: str | None = None
    people: tuple[str, ...] = ()
    orgs: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    entity_keys: tuple[str, ...] = ()
    story_id: int | None = None

    @classmethod
    def from_entities(
        cls,
        title: str,
        text: str,
        entities: Iterable[Entity],
        *,
        source: str = "",
        source_id: int | None = None,
        language: str | None = None,
        story_id: int | None = None,
    ) -> MatchDoc:
        """Build a doc from the understand stage's :class:`~storywatch.model.Entity` values."""
        people: list[str] = []
        orgs: list[str] = []
        places: list[str] = []
        keys: list[str] = []
        by_kind = {EntityKind.PERSON: people, EntityKind.ORG: orgs, EntityKind.PLACE: places}
        for entity in entities:
            by_kind[EntityKind(entity.kind)].append(entity.name)
            keys.append(entity.key)
        return cls(
            title=title,
            text=text,
            source=source,
            source_id=source_id,
            language=language,
            people=tuple(people),
            orgs=tuple(orgs),
            places=tuple(places),
            entity_keys=tuple(keys),
            story_id=story_id,
        )


NamedWords = tuple[tuple[tuple[str, ...], str], ...]
"""Names of one kind: (folded words, the name as written), once per distinct name."""


class PreparedDoc:
    """A :class:`MatchDoc` read once: folded words, the set of keys, names as words.

    ``keys`` holds the bare stem of every word, ``"a b"`` for every two words side by side
    (folded, not stemmed), the same with ``t:`` for the title, and the field keys described
    in :mod:`storywatch.match.query`, including two-word name keys (``person:mark esper``
    for every earlier word of a name with its surname, ``org:state department`` for every
    two neighbouring words of an organisation, place or source name). Two-word phrases and
    names are then one set lookup, like words.
    """

    __slots__ = (
        "_sorted",
        "doc",
        "keys",
        "names",
        "source_words",
        "stems",
        "text_words",
        "title_set",
        "title_words",
        "word_set",
    )

    def __init__(self, doc: MatchDoc) -> None:
        self.doc = doc
        self.title_words = title = words(doc.title)
        self.text_words = text = words(doc.text)
        self.title_set = frozenset(title)
        self.word_set = self.title_set.union(text)
        self.stems = frozenset(stem(w) for w in self.word_set)
        keys = set(self.stems)
        keys.update(f"{a} {b}" for a, b in itertools.pairwise(text))
        keys.update(f"{a} {b}" for a, b in itertools.pairwise(title))
        self.names: dict[str, NamedWords] = _names(doc)
        self.source_words = tuple(words(doc.source))
        _add_field_keys(keys, doc, title, self.names, self.source_words)
        self.keys = frozenset(keys)
        self._sorted: list[str] | None = None

    def has_phrase(self, phrase: tuple[str, ...], *, in_title: bool) -> bool:
        """True when the words occur side by side, in order, in the title or the text."""
        return self.where_phrase(phrase, in_title=in_title) is not None

    def where_phrase(self, phrase: tuple[str, ...], *, in_title: bool) -> str | None:
        """``"title"`` or ``"text"``: where the phrase first occurs, or None."""
        if len(phrase) == 1:
            if phrase[0] in self.title_set:
                return "title"
            if not in_title and phrase[0] in self.word_set:
                return "text"
            return None
        space = "t:" if in_title else ""
        keys = self.keys
        if not all(f"{space}{a} {b}" in keys for a, b in itertools.pairwise(phrase)):
            return None
        if _contains(self.title_words, phrase):
            return "title"
        if not in_title and _contains(self.text_words, phrase):
            return "text"
        return None

    def has_prefix(self, prefix: str, *, in_title: bool) -> bool:
        """True when a word starts with ``prefix`` in its written or its singular form."""
        if in_title:
            return any(w.startswith(prefix) or stem(w).startswith(prefix) for w in self.title_set)
        ordered = self._sorted
        if ordered is None:
            ordered = self._sorted = sorted(self.word_set | self.stems)
        at = bisect_left(ordered, prefix)
        return at < len(ordered) and ordered[at].startswith(prefix)

    def prefixed(self, prefix: str, *, in_title: bool) -> list[str]:
        """Words of the doc starting with ``prefix`` (written or singular form), sorted."""
        pool = self.title_set if in_title else self.word_set
        return sorted(w for w in pool if w.startswith(prefix) or stem(w).startswith(prefix))


def _add_field_keys(
    keys: set[str],
    doc: MatchDoc,
    title: list[str],
    names: dict[str, NamedWords],
    source_words: tuple[str, ...],
) -> None:
    """Title, name, source, story and language keys (everything but text words)."""
    keys.update("t:" + stem(w) for w in title)
    keys.update(f"t:{a} {b}" for a, b in itertools.pairwise(title))
    for kind, named in names.items():
        for name, _ in named:
            keys.update(name_keys(kind, name))
    keys.update(name_keys("sn", source_words))
    if doc.source_id is not None:
        keys.add(f"sid:{doc.source_id}")
    if doc.story_id is not None:
        keys.add(f"story:{doc.story_id}")
    if doc.language:
        keys.add("lang:" + language_subtag(doc.language))


def index_keys(doc: MatchDoc) -> set[str]:
    """The keys the preview index files an article under.

    Those of :class:`PreparedDoc` without the two-word keys of the text (they would double
    the index; phrases are answered from their words instead), plus ``v:<word>`` for each
    written form that differs from its stem, so prefixes can be answered exactly. Cheaper
    than preparing the whole doc, which matters when a month of articles is indexed.
    """
    title = words(doc.title)
    keys: set[str] = set()
    for word in set(title).union(words(doc.text)):
        singular = stem(word)
        keys.add(singular)
        if singular != word:
            keys.add("v:" + word)
    _add_field_keys(keys, doc, title, _names(doc), tuple(words(doc.source)))
    return keys


def name_keys(kind: str, name: tuple[str, ...]) -> list[str]:
    """The keys of one name: see :class:`PreparedDoc` (``kind`` is person, org, place, sn)."""
    if not name:
        return []
    if kind == "person":
        last = name[-1]
        return [f"person:{last}", *(f"person:{w} {last}" for w in name[:-1])]
    return [
        *(f"{kind}:{w}" for w in name),
        *(f"{kind}:{a} {b}" for a, b in itertools.pairwise(name)),
    ]


def _contains(sequence: list[str], phrase: tuple[str, ...]) -> bool:
    first, size = phrase[0], len(phrase)
    start = 0
    while True:
        try:
            at = sequence.index(first, start)
        except ValueError:
            return False
        if tuple(sequence[at : at + size]) == phrase:
            return True
        start = at + 1


def language_subtag(tag: str) -> str:
    """The primary language subtag, folded: ``en-US`` → ``en``."""
    return tag.replace("_", "-").split("-", 1)[0].strip().casefold()


def _names(doc: MatchDoc) -> dict[str, NamedWords]:
    """People, organisations and places as words, from display names and entity keys."""
    found: dict[str, dict[tuple[str, ...], str]] = {"person": {}, "org": {}, "place": {}}
    listed = (("person", doc.people), ("org", doc.orgs), ("place", doc.places))
    for kind, names in listed:
        for name in names:
            _add_name(found[kind], kind, name, name)
    for key in doc.entity_keys:
        raw_kind, slug = split_key(key)
        key_kind = _KIND_ALIASES.get(raw_kind)
        if key_kind is not None and slug:
            _add_name(found[key_kind], key_kind, slug, slug.title())
    return {kind: tuple(named.items()) for kind, named in found.items() if named}


def _add_name(into: dict[tuple[str, ...], str], kind: str, name: str, shown: str) -> None:
    name_words = person_words(name) if kind == "person" else tuple(words(name))
    if name_words and name_words not in into:
        into[name_words] = shown


def prepare(doc: MatchDoc | PreparedDoc) -> PreparedDoc:
    """The prepared form of ``doc`` (a prepared doc is returned as is)."""
    return doc if isinstance(doc, PreparedDoc) else PreparedDoc(doc)
