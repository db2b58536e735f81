"""Identity across articles and outlets: a bare "Esper" today is the "Mark Esper" of yesterday.

Within one article :mod:`storywatch.understand.entities` already joins "Esper" to "Mark
Esper" when both are written. Across articles an outlet may write only "Esper"; the
directory remembers every full name it has seen, indexed by surname, and maps a lone
surname to the full name when exactly one known person has it (or when one of them is far
better known, at least three times as often mentioned). It is a plain in-memory value with
no I/O; the process stage keeps one and may rebuild it from stored entities at start.
"""

from __future__ import annotations

from dataclasses import replace

from storywatch.model import Entity, EntityKind


def _merge(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
    return a + tuple(x for x in b if x not in a)


class EntityDirectory:
    """Known entities by key, with a surname index for people."""

    def __init__(self) -> None:
        self._known: dict[str, Entity] = {}
        self._by_surname: dict[str, set[str]] = {}

    def __len__(self) -> int:
        return len(self._known)

    def __contains__(self, key: object) -> bool:
        return key in self._known

    def get(self, key: str) -> Entity | None:
        return self._known.get(key)

    def add(self, entities: list[Entity] | tuple[Entity, ...]) -> None:
        """Remember entities (resolved first, so a lone surname joins its full name)."""
        for entity in self.resolve(entities):
            old = self._known.get(entity.key)
            if old is None:
                self._known[entity.key] = entity
            else:
                self._known[entity.key] = replace(
                    old,
                    titles=_merge(old.titles, entity.titles),
                    mentions=_merge(old.mentions, entity.mentions),
                    count=old.count + entity.count,
                    name=entity.name if len(entity.name) > len(old.name) else old.name,
                )
            if entity.kind is EntityKind.PERSON and len(entity.name.split()) >= 2:
                surname = entity.key.rsplit("-", 1)[-1]
                self._by_surname.setdefault(surname, set()).add(entity.key)

    def resolve(self, entities: list[Entity] | tuple[Entity, ...]) -> tuple[Entity, ...]:
        """The same entities with keys and names of the people already known.

        Entities that map to the same known person are merged into one.
        """
        out: dict[str, Entity] = {}
        for entity in entities:
            target = self._target(entity)
            if target is not None:
                entity = replace(
                    entity,
                    key=target.key,
                    name=target.name,
                    titles=_merge(entity.titles, target.titles),
                )
            if entity.key in out:
                prev = out[entity.key]
                entity = replace(
                    prev,
                    titles=_merge(prev.titles, entity.titles),
                    mentions=_merge(prev.mentions, entity.mentions),
                    count=prev.count + entity.count,
                )
            out[entity.key] = entity
        return tuple(out.values())

    def key_map(self, entities: list[Entity] | tuple[Entity, ...]) -> dict[str, str]:
        """Article key → directory key, for the entities whose key changes."""
        out = {}
        for entity in entities:
            target = self._target(entity)
            if target is not None and target.key != entity.key:
                out[entity.key] = target.key
        return out

    def _target(self, entity: Entity) -> Entity | None:
        if entity.kind is not EntityKind.PERSON or entity.key in self._known:
            return None
        if len(entity.name.split()) != 1:
            return None
        keys = self._by_surname.get(entity.key.split(":", 1)[1], set())
        if not keys:
            return None
        ranked = sorted((self._known[k] for k in keys), key=lambda e: e.count, reverse=True)
        if len(ranked) == 1 or ranked[0].count >= 3 * ranked[1].count:
            return ranked[0]
        return None
