"""Quotation pairing and sentence splitting, the layer every rule stands on."""

from __future__ import annotations

from storywatch.understand.text import find_quotes, paragraphs, sentences


def _quote_texts(text: str) -> list[str]:
    return [" | ".join(text[a:b] for a, b in q.parts) for q in find_quotes(text)]


def test_straight_and_curly_quotes_pair() -> None:
    text = 'He said "yes," and she said “no.”\n'
    assert _quote_texts(text) == ["yes,", "no."]


def test_mistyped_curly_closer_still_closes() -> None:
    text = "“It is unusual,“ said Larry Noble.\n"
    assert _quote_texts(text) == ["It is unusual,"]


def test_multi_paragraph_quote_is_one_span() -> None:
    text = "“First part.\n\n“Second part.\n\n“Last part,” she said.\n"
    [quote] = find_quotes(text)
    assert len(quote.parts) == 3
    assert quote.closed


def test_unclosed_quote_ends_with_its_paragraph() -> None:
    text = "“Never closed.\n\nA new paragraph.\n"
    [quote] = find_quotes(text)
    assert not quote.closed
    assert text[quote.parts[0][0] : quote.parts[0][1]] == "Never closed."


def test_sentences_do_not_split_abbreviations_or_quotes() -> None:
    text = "Gen. Mark Milley spoke. “It was a mistake. It was unsigned,” he said. Then he left.\n"
    paras = paragraphs(text)
    spans = sentences(text, paras, find_quotes(text, paras))
    got = [text[a:b] for a, b in spans]
    assert got == [
        "Gen. Mark Milley spoke.",
        "“It was a mistake. It was unsigned,” he said.",
        "Then he left.",
    ]


def test_question_quote_keeps_its_attribution_in_the_sentence() -> None:
    text = "“Who pays?” Beck asked. The hall was quiet.\n"
    paras = paragraphs(text)
    spans = sentences(text, paras, find_quotes(text, paras))
    assert [text[a:b] for a, b in spans] == ["“Who pays?” Beck asked.", "The hall was quiet."]


def test_doubled_single_marks_keep_the_attribution_after_a_question() -> None:
    # Copy that writes quotations with doubled single marks (''…'') ends a question the same
    # way as with a double mark: the speaker and a clause after him stay in the sentence.
    from storywatch import extract_statements

    text = (
        "Ms. Dunn spoke first.\n\n"
        "''Why should the town wait another year?'' Mr. Okafor asked, "
        "tapping the table twice.\n"
    )
    paras = paragraphs(text)
    spans = sentences(text, paras, find_quotes(text, paras))
    assert text[spans[-1][0] : spans[-1][1]].endswith("tapping the table twice.")
    [st] = extract_statements(text)
    assert st.text == "Why should the town wait another year?"
    assert st.speaker == "Okafor"


def test_nested_question_in_doubled_single_marks_keeps_its_speaker() -> None:
    from storywatch import extract_statements

    text = (
        "''She would lean over and ask, 'Where did the money go?''' Mr. Okafor said, "
        "smiling at the council.\n"
    )
    [st] = extract_statements(text)
    assert st.text.startswith("She would lean over and ask, 'Where did the money go?")
    assert st.speaker == "Okafor"
