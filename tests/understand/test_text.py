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
