"""The labelled set in bench/labels/demo_story.json agrees with the story files and the seed.

These checks keep the labels honest when someone edits an article: every labelled quote,
paraphrase, contradiction and revision must be found in the text it names, and every quoted
span in the text must be labelled (so quote recall measured on this set means something).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from storywatch.demo.story import load_story

LABELS = Path(__file__).parents[2] / "bench" / "labels" / "demo_story.json"
OPEN, CLOSE = "“", "”"


def labels() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(LABELS.read_text(encoding="utf-8"))
    return data


def quoted_spans(text: str) -> list[str]:
    """Every quoted span, paragraph by paragraph; an unclosed curly quote that the next
    paragraph reopens is the multi-paragraph convention, so each paragraph's part counts."""
    spans: list[str] = []
    for para in text.split("\n\n"):
        spans += re.findall(r'"([^"]+)"', para)
        spans += re.findall(r"“([^“”]+)(?:”|$)", para)
    return spans


def test_every_article_is_labelled_once() -> None:
    story = load_story()
    labelled = [a["id"] for a in labels()["demo_story"]["articles"]]
    assert sorted(labelled) == sorted(a.id for a in story.articles)
    for row in labels()["demo_story"]["articles"]:
        article = story.article(row["id"])
        assert row["outlet"] == article.outlet
        assert row["in_story"] == article.id.startswith("a")
        if row["development"]:
            assert row["adds"], row["id"]
            assert row["copy_of"] is None


def test_quotes_are_exact_and_complete() -> None:
    story = load_story()
    quotes = labels()["demo_story"]["quotes"]
    for article in story.articles:
        mine = [q for q in quotes if q["article"] == article.id]
        parts: list[str] = []
        for quote in mine:
            parts += quote.get("parts", [quote["text"]])
        body = article.clean_body
        for part in parts:
            assert f"“{part}" in body or f'"{part}"' in body, (article.id, part)
        assert sorted(parts) == sorted(quoted_spans(body)), article.id


def test_paraphrases_are_found_in_their_article() -> None:
    story = load_story()
    for row in labels()["demo_story"]["paraphrases"]:
        assert row["text"] in story.article(row["article"]).clean_body, row


def test_wire_copies_are_copies() -> None:
    story = load_story()

    def shingles(text: str) -> set[tuple[str, ...]]:
        words = re.findall(r"\w+", text.lower())
        return {tuple(words[i : i + 5]) for i in range(len(words) - 4)}

    copies = labels()["demo_story"]["wire_copies"]
    assert len(copies) >= 6
    for row in copies:
        copy, original = story.article(row["copy"]), story.article(row["original"])
        assert copy.outlet != original.outlet
        assert copy.release_s >= original.release_s
        if row["kind"] == "verbatim":
            assert copy.clean_body == original.clean_body, row
        else:
            a, b = shingles(copy.clean_body), shingles(original.clean_body)
            assert 0.2 <= len(a & b) / len(a | b) < 1.0, row
    copied = {row["copy"] for row in copies}
    for row in labels()["demo_story"]["articles"]:
        assert (row["copy_of"] is not None) == (row["id"] in copied)


@pytest.mark.parametrize("section", ["contradictions", "revisions"])
def test_contradictions_and_revisions_point_at_real_text(section: str) -> None:
    story = load_story()
    rows = labels()["demo_story"][section]
    assert rows
    for row in rows:
        earlier, later = row["earlier"], row["later"]
        assert (
            story.article(earlier["first_article"]).release_s
            < story.article(later["first_article"]).release_s
        )
        for side in (earlier, later):
            assert side["first_article"] in side["articles"]
            for article_id in side["articles"]:
                body = story.article(article_id).clean_body
                assert any(t in body for t in side["texts"]), (row["id"], article_id)
            first = story.article(side["first_article"]).clean_body
            assert any(t in first for t in side["texts"]), row["id"]


def test_corrections_point_at_the_corrected_text() -> None:
    story = load_story()
    for row in labels()["demo_story"]["corrections"]:
        fixed = story.article(row["article"])
        assert fixed.replaces == row["replaces"]
        assert row["notice"] in fixed.clean_body
        assert row["corrects"]["text"] in story.article(row["corrects"]["article"]).clean_body
        assert row["corrects"]["text"] not in fixed.clean_body.split("Correction,")[0]


def test_seed_labels_match_the_seed_article(shared_data: Path) -> None:
    seed_path = shared_data.parent / "seed" / "seed-article.txt"
    text = seed_path.read_text(encoding="utf-8")
    seed = labels()["seed"]
    for line in seed["clutter_lines"]:
        assert line in text
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    body = "\n\n".join(p for p in paragraphs if p not in seed["clutter_lines"])
    texts = [q["text"] for q in seed["quotes"]]
    for quote in texts:
        assert f"{OPEN}{quote}{CLOSE}" in body, quote
    assert sorted(texts) == sorted(quoted_spans(body))
    for row in seed["paraphrases"]:
        assert row["text"] in body, row
    for row in seed["contradictions"] + [
        {"earlier": {"texts": [r["a"]["text"]]}, "later": {"texts": [r["b"]["text"]]}}
        for r in seed["not_contradictions"]
    ]:
        for side in (row["earlier"], row["later"]):
            for t in side["texts"]:
                assert t in body, t
    speakers = {q["speaker"] for q in seed["quotes"]}
    assert {"Morgan Ortagus", "William Seely", "Mark Esper", "Mark Milley"} <= speakers
