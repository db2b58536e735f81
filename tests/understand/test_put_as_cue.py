""" "puts" reports words only as "puts it" ("as Okafor puts it", "Okafor puts it bluntly:").

With another object a thing is put somewhere ("The levy puts pressure on …"); before this
change its subject was credited with a quotation later in the sentence. Our own sentences.
"""

from __future__ import annotations

from storywatch.understand import extract_statements


def test_putting_a_thing_is_no_speech() -> None:
    text = (
        "The levy puts pressure on ferry workers who already earn too little, and then if "
        "you ask them, “Can you pay more?”"
    )
    assert "The levy" not in [st.speaker for st in extract_statements(text)]


def test_putting_it_still_reports() -> None:
    text = "Maria Okafor puts it bluntly: “The levy is a tax on ferries.”"
    assert [(st.speaker, st.text) for st in extract_statements(text)] == [
        ("Maria Okafor", "The levy is a tax on ferries.")
    ]
