"""Typography the rules should not trip on: a quotation dash credit, invisible marks.

Invented posts and a reader survey in the shape some outlets publish: each quotation is its
own paragraph, credited after a *quotation dash* (U+2015, not the em dash); and a reader
comment copied from social media with a direction mark (U+202A) before its opening quote
mark, typed as a closing one.
"""

from __future__ import annotations

from storywatch.understand import extract_statements
from storywatch.understand.text import plain_marks


def test_a_quotation_credited_after_a_quotation_dash_is_the_named_readers() -> None:
    text = (
        "We asked readers what the harbour closure means to them.\n\n"
        "“The ferry was how I got to work. Now it takes two buses and an hour.” \u2015 Mara "
        "Velde\n\n"
        "“Nobody told the fishermen anything until the gates were shut.” \u2015 Oskar Brenn.\n"
    )
    found = extract_statements(text)
    assert [(s.speaker, s.kind) for s in found] == [
        ("Mara Velde", "direct"),
        ("Oskar Brenn", "direct"),
    ]
    assert found[0].text.startswith("The ferry was how I got to work.")


def test_a_direction_mark_before_a_quote_mark_does_not_hide_the_quotation() -> None:
    text = (
        "The mayor's post drew hundreds of replies.\n\n"
        "\u202a”Keep the harbour open, the town lives from it!” wrote Lena Holt.\n"
    )
    [only] = extract_statements(text)
    assert only.speaker == "Lena Holt"
    assert only.text == "Keep the harbour open, the town lives from it!"


def test_plain_marks_keeps_every_offset() -> None:
    text = "a\u00a0b \u2015 c\u200bd\ufeff\u202ae\u2069"
    plain = plain_marks(text)
    assert len(plain) == len(text)
    assert plain == "a b \u2014 c d  e "
    assert plain_marks("nothing to do") == "nothing to do"


def test_a_paragraph_opened_by_a_closing_mark_before_an_ellipsis_is_a_quotation() -> None:
    # Typesetting turned the opening mark of a quotation that starts mid-sentence ("“… if")
    # into a closing one; nothing is open to close at the start of a paragraph.
    text = (
        "Mayor Ana Ruiz wrote to the ferry company on Monday.\n\n"
        "” … if the ferry can run on Sundays in summer, then surely it can run on Sundays in "
        "winter,” Ruiz wrote.\n"
    )
    [said] = extract_statements(text)
    assert (said.speaker, said.kind) == ("Ana Ruiz", "direct")
    assert said.text.strip(" …,").startswith("if the ferry can run")
