"""Mapping one article's people to the identities known from earlier articles.

A worker process understands an article alone; the directory of known people
(:class:`~storywatch.understand.EntityDirectory`) lives in the process stage's consumer,
because it depends on every earlier article. :func:`resolve_identities` is the step
``understand(text, directory=...)`` takes after reading the text, applied to a result
computed without the directory, so both ways give the same answer
(``tests/pipeline/test_identities.py`` holds them to that).
"""

from __future__ import annotations

from dataclasses import replace

from storywatch.model import Entity, Statement, Understanding
from storywatch.understand import EntityDirectory


def resolve_identities(found: Understanding, directory: EntityDirectory) -> Understanding:
    """``found`` with its people mapped to known identities; the directory learns them."""
    keys = directory.key_map(found.entities)
    entities = directory.resolve(found.entities)
    directory.add(entities)
    statements = found.statements
    if keys:
        known = {e.key: e for e in entities}
        statements = tuple(_rekey(s, keys, known) for s in statements)
    if entities == found.entities and statements is found.statements:
        return found
    return replace(found, entities=entities, statements=statements)


def _rekey(s: Statement, keys: dict[str, str], known: dict[str, Entity]) -> Statement:
    if s.speaker_key is None or s.speaker_key not in keys:
        return s
    new = keys[s.speaker_key]
    entity = known.get(new)
    return replace(s, speaker_key=new, speaker=entity.name if entity else s.speaker)
