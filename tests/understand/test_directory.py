"""EntityDirectory: identity across articles and outlets."""

from __future__ import annotations

from storywatch.model import EntityKind
from storywatch.understand import EntityDirectory, extract_entities, understand

FIRST = "Secretary of Defense Mark Esper spoke in Brussels.\n\nEsper said allies agreed.\n"
LATER = "“We are not leaving,” Esper told reporters on Tuesday.\n"


def test_bare_surname_in_a_later_article_resolves_to_the_known_person() -> None:
    directory = EntityDirectory()
    directory.add(extract_entities(FIRST))
    later = extract_entities(LATER)
    assert [e.key for e in later if e.kind is EntityKind.PERSON] == ["person:esper"]
    resolved = {e.key: e for e in directory.resolve(later)}
    esper = resolved["person:mark-esper"]
    assert esper.name == "Mark Esper"
    assert "Secretary of Defense" in esper.titles
    assert "person:esper" not in resolved


def test_ambiguous_surname_stays_unresolved() -> None:
    directory = EntityDirectory()
    directory.add(extract_entities("Mark Esper spoke.\n\nLaura Esper also spoke.\n"))
    resolved = directory.resolve(extract_entities(LATER))
    assert "person:esper" in {e.key for e in resolved}


def test_add_merges_counts_and_titles() -> None:
    directory = EntityDirectory()
    directory.add(extract_entities(FIRST))
    directory.add(extract_entities(LATER))
    known = directory.get("person:mark-esper")
    assert known is not None
    assert known.count == 3
    assert "person:esper" not in directory
    assert len(directory) >= 2


def test_understand_rekeys_statements_through_the_directory() -> None:
    directory = EntityDirectory()
    understand(FIRST, directory=directory)
    later = understand(LATER, directory=directory)
    [statement] = later.statements
    assert statement.speaker_key == "person:mark-esper"
    assert statement.speaker == "Mark Esper"
    assert "person:mark-esper" in {e.key for e in later.entities}
