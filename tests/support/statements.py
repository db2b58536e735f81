"""Finding one statement in a list by the words it says, for tests that read a few."""

from __future__ import annotations

from storywatch.model import Statement


def by_text(statements: list[Statement], words: str) -> Statement:
    """The first statement whose text holds ``words`` (StopIteration when none does: the
    statement was not found, which is what such a test checks)."""
    return next(s for s in statements if words in s.text)
