"""The canonical seed article must yield every statement a follower expects (SPEC.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from storywatch.model import EntityKind, Statement
from storywatch.understand import extract_entities, extract_statements, understand


@pytest.fixture
def seed(shared_data: Path) -> str:
    return (shared_data.parent / "seed" / "seed-article.txt").read_text(encoding="utf-8")


def _by(statements: list[Statement], speaker: str) -> list[Statement]:
    return [s for s in statements if s.speaker == speaker]


def test_seed_speakers_titles_and_cues(seed: str) -> None:
    statements = extract_statements(seed)
    ortagus = _by(statements, "Morgan Ortagus")
    assert ortagus and ortagus[0].kind == "direct"
    assert ortagus[0].speaker_title == "State Department spokesperson"
    assert ortagus[0].text.startswith("At this time, any delegation")
    assert ortagus[0].speaker_key == "person:mark-esper".replace("mark-esper", "morgan-ortagus")

    seely = _by(statements, "William Seely")
    assert any("will be repositioning forces" in s.text for s in seely)
    assert all("Marine Corps Gen." in (s.speaker_title or "") for s in seely)

    esper = _by(statements, "Mark Esper")
    assert {s.speaker_mention for s in esper} >= {"Secretary of Defense Mark Esper", "he"}
    added = next(s for s in esper if s.speaker_mention == "he")
    assert added.cue == "added"
    assert added.text.startswith("I will say this, the United States is not withdrawing")
    assert all(s.speaker_title == "Secretary of Defense" for s in esper)
    assert any("repositioning forces throughout the region" in s.text for s in esper)

    milley = _by(statements, "Mark Milley")
    assert milley[0].speaker_title == "Joint Chiefs of Staff Chairman Gen."
    assert any("That is not what’s happening" in s.text for s in milley)

    mahdi = _by(statements, "Adel Abdul Mahdi")
    assert mahdi and all(s.kind == "indirect" for s in mahdi)
    assert any("clarifications" in s.text for s in mahdi)
    assert any("prime minister" in (s.speaker_title or "").lower() for s in mahdi)

    pentagon = _by(statements, "Pentagon")
    assert len(pentagon) == 1
    assert pentagon[0].speaker_key == "org:pentagon"
    assert pentagon[0].cue == "acknowledged"
    assert pentagon[0].text.startswith("that the letter informing")
    assert pentagon[0].text.endswith("“was a mistake.”")


def test_seed_offsets_point_at_content(seed: str) -> None:
    for s in extract_statements(seed):
        first_words = s.text.split()[0].strip('“”"')
        assert first_words in seed[s.start : s.end]
        assert s.start < s.end <= len(seed)


def test_seed_entities_have_one_identity_per_person(seed: str) -> None:
    entities = {e.key: e for e in extract_entities(seed)}
    esper = entities["person:mark-esper"]
    assert esper.kind is EntityKind.PERSON
    assert "Secretary of Defense" in esper.titles
    assert {"Secretary of Defense Mark Esper", "Esper"} <= set(esper.mentions)
    assert entities["org:pentagon"].kind is EntityKind.ORG
    assert entities["place:iraq"].kind is EntityKind.PLACE
    assert entities["person:morgan-ortagus"].titles == ("State Department spokesperson",)
    assert not [
        k for k in entities if k.startswith("person:") and "esper" in k and k != "person:mark-esper"
    ]


def test_seed_understanding_summary_skips_clutter(seed: str) -> None:
    u = understand(
        seed, title="State Department tells Iraq it will not discuss US troop withdrawal"
    )
    assert len(u.key_sentences) == 3
    assert all("subscribe" not in s.lower() for s in u.key_sentences)
    assert all("Getty Images" not in s for s in u.key_sentences)
    assert u.summary.startswith(u.key_sentences[0])
    assert u.language == "en"
