"""Entities and statements cross process boundaries pickled (the process stage's workers
send every article's understanding to the story engine), with a hand-written reduction for
speed. A field added to either without its reduction would be lost on the way: every field
here is set to a value other than its default, so that would fail."""

from __future__ import annotations

import copy
import pickle
from dataclasses import fields

from storywatch.model import Entity, EntityKind, Statement


def test_an_entity_keeps_every_field_through_pickle_and_copy() -> None:
    entity = Entity(
        key="person:ana-ruiz",
        name="Ana Ruiz",
        kind=EntityKind.PERSON,
        titles=("Rep.",),
        mentions=("Ruiz", "Rep. Ana Ruiz"),
        count=4,
    )
    for default in fields(Entity):
        assert getattr(entity, default.name) != default.default
    for protocol in (2, pickle.HIGHEST_PROTOCOL):
        assert pickle.loads(pickle.dumps(entity, protocol=protocol)) == entity
    assert copy.deepcopy(entity) == entity


def test_a_statement_keeps_every_field_through_pickle_and_copy() -> None:
    statement = Statement(
        text="We will rebuild the breakwater",
        kind="indirect",
        speaker="Ana Ruiz",
        start=12,
        end=42,
        speaker_key="person:ana-ruiz",
        speaker_mention="Rep. Ruiz",
        speaker_title="Rep.",
        cue="pledged",
    )
    for default in fields(Statement):
        assert getattr(statement, default.name) != default.default
    for protocol in (2, pickle.HIGHEST_PROTOCOL):
        back = pickle.loads(pickle.dumps(statement, protocol=protocol))
        assert back == statement
        assert [getattr(back, f.name) for f in fields(Statement)] == [
            getattr(statement, f.name) for f in fields(Statement)
        ]
    assert copy.deepcopy(statement) == statement
