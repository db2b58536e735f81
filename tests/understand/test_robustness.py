"""Any text, however odd, is understood without an exception, with offsets in bounds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from storywatch.understand import extract_entities, extract_statements, understand

_PIECES = st.sampled_from(
    [
        "“",
        "”",
        '"',
        "''",
        "’",
        " he said",
        " said Mark Esper",
        ", according to the Pentagon",
        ". ",
        "\n\n",
        ":",
        "Gen. ",
        "U.S. ",
        "Esper",
        " the ",
        "Secretary of Defense ",
        "that",
        " it was a mistake",
        "?",
        "!",
        "—",
        "(",
        ")",
        " 42 ",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_statements_never_crash_and_point_inside_the_text(text: str) -> None:
    for s in extract_statements(text):
        assert 0 <= s.start <= s.end <= len(text)
        assert s.kind in ("direct", "indirect")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_unicode_text_is_understood(text: str) -> None:
    u = understand(text)
    assert len(u.key_sentences) <= 3
    for e in extract_entities(text):
        assert e.key.split(":", 1)[0] in ("person", "org", "place")
        assert e.count >= 1
