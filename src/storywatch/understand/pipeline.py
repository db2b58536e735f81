"""The understand stage in one call: entities, statements, key sentences and summary.

:func:`understand` reads the article once (:func:`~storywatch.understand.analysis.analyse`)
and derives everything from that one pass, which is what makes the stage fast enough to
run inline in the process stage. With an :class:`EntityDirectory` it also maps people to the
identities known from earlier articles (and remembers this article's people for later ones).
"""

from __future__ import annotations

import re
from dataclasses import replace

from storywatch.model import Entity, Statement, Understanding
from storywatch.understand.analysis import Analysis, analyse
from storywatch.understand.directory import EntityDirectory
from storywatch.understand.lexicon import words_of as _words
from storywatch.understand.statements import attribute
from storywatch.understand.summary import pick, rank_sentences, summary_from

_ENGLISH = _words("""the and of to in is that for on with was said as at by from""")
_WORD = re.compile(r"[^\W\d_]+")
_ASCII_WORD = re.compile(r"[a-z]+")


def entities_of(an: Analysis) -> list[Entity]:
    """The article's identities as entities, in order of first mention."""
    idents = sorted((i for i in an.identities if i.count > 0), key=lambda ident: ident.first_at)
    return [i.freeze() for i in idents]


def extract_entities(text: str) -> list[Entity]:
    """People, organisations and places in ``text``, one entity per identity (U1)."""
    return entities_of(analyse(text))


def guess_language(text: str) -> str | None:
    """ "en" when the text reads as English (enough of its most common words), else None."""
    head = text[:1500]
    # ASCII lower-casing keeps every letter a letter and adds none, so the words of the
    # lower-cased head are the lower-cased words (not so for all of Unicode: "İ"); and in
    # lower-case ASCII a letter is a-z, which a plain class finds faster.
    if head.isascii():
        words = _ASCII_WORD.findall(head.lower())
    else:
        words = [w.lower() for w in _WORD.findall(head)]
    if len(words) < 8:
        return None
    share = sum(map(_ENGLISH.__contains__, words)) / len(words)
    return "en" if share >= 0.08 else None


def understand(
    text: str, *, title: str | None = None, directory: EntityDirectory | None = None
) -> Understanding:
    """Everything the understand stage learns from one article's text (U1–U3)."""
    an = analyse(text)
    entities: tuple[Entity, ...] = tuple(entities_of(an))
    statements: tuple[Statement, ...] = tuple(st for a in attribute(an) for st in a.statements(an))
    if directory is not None:
        keys = directory.key_map(entities)
        entities = directory.resolve(entities)
        directory.add(entities)
        if keys:
            known = {e.key: e for e in entities}
            statements = tuple(_rekey(s, keys, known) for s in statements)
    key = pick(rank_sentences(an, title), 3)
    return Understanding(
        entities=entities,
        statements=statements,
        key_sentences=key,
        summary=summary_from(key),
        language=guess_language(text),
    )


def _rekey(s: Statement, keys: dict[str, str], known: dict[str, Entity]) -> Statement:
    if s.speaker_key is None or s.speaker_key not in keys:
        return s
    new = keys[s.speaker_key]
    entity = known.get(new)
    return replace(s, speaker_key=new, speaker=entity.name if entity else s.speaker)
