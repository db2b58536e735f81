"""What a push says: the story, and what is new in it (pure).

A push has room for a short title and one or two lines. The title names the story (it stays
the same while the story moves, so a phone replacing the previous push by its tag still
shows which story it is); the body says what this article adds:

- for a development of a known story, the article's own headline (usually the best one-line
  statement of what changed), then who said what: a direct quote by a named speaker
  ("Teodor Vasko: “The harbor is not closing for three weeks.”"), else the first clean new
  sentence;
- for a new story (the title is then its headline), what happened: the first clean new
  sentence without its dateline, else a quote.

Paraphrases are not used: their boundaries are the least reliable part of what the
understand stage finds, and a push that puts words in someone's mouth is worse than one
that only gives the headline. Everything is cut at a word boundary to fit a phone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from storywatch.model import Statement

TITLE_MAX = 90
BODY_MAX = 200
MIN_QUOTE_WORDS = 4
MIN_SENTENCE_WORDS = 6

OPENING = "“„«"
CLOSING = "”»"
MARKS = "\"'“”„«»‘’ "

# "VELMORA, Lestria (MPS) — ", "LONDON (Reuters) - ", "BAGHDAD — ": a place in capitals,
# an optional region and agency, then a dash. Only a capitalised place opens a dateline.
DATELINE = re.compile(
    r"^[A-Z][A-Z.'\- ]{2,40}(?:,\s*[A-Z][\w.'\- ]{1,40})?(?:\s*\([^()]{1,40}\))?\s*[—–-]{1,2}\s+"
)


@dataclass(frozen=True, slots=True)
class Message:
    title: str
    body: str


def shorten(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters at a word boundary, with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,;:—-") + "…"


def strip_dateline(text: str) -> str:
    """A sentence without the dateline wire reports open with ("VELMORA, Lestria (MPS) — ")."""
    found = DATELINE.match(text)
    if found is None or found.end() >= len(text):
        return text
    rest = text[found.end() :]
    return rest[0].upper() + rest[1:]


def quote_text(text: str) -> str:
    """The words of a quote without the marks around it, ending as a sentence ends.

    A quote followed by its attribution ends in a comma inside the marks (“…ever since,”
    he said); on its own it reads as a sentence, so the comma becomes a full stop.
    """
    words = text.strip().strip(MARKS).rstrip()
    if words.endswith((",", ";", ":")):
        words = words[:-1].rstrip() + "."
    return words


def _balanced(text: str) -> bool:
    opened = sum(text.count(c) for c in OPENING)
    closed = sum(text.count(c) for c in CLOSING)
    return opened == closed and text.count('"') % 2 == 0


def _full_quote(statement: Statement) -> bool:
    """A quote that stands alone: whole sentences, not a fragment inside reported speech."""
    words = statement.text.strip().strip(MARKS)
    return (
        statement.kind == "direct"
        and bool(statement.speaker)
        and len(words.split()) >= MIN_QUOTE_WORDS
        and words[:1].isupper()
        and not any(c in words for c in OPENING + CLOSING + '"')
    )


def best_quote(statements: Sequence[Statement]) -> Statement | None:
    """The new quote a push should carry: a person's before an organisation's, first first."""
    quotes = [s for s in statements if _full_quote(s)]
    people = [s for s in quotes if (s.speaker_key or "").startswith("person:")]
    ranked = people or quotes
    return ranked[0] if ranked else None


def _statement_line(statement: Statement) -> str:
    speaker = statement.speaker or statement.speaker_mention or ""
    said = f"“{quote_text(statement.text)}”"
    return f"{speaker}: {said}" if speaker else said


def lede(sentences: Sequence[str]) -> str:
    """The first new sentence that reads on its own (whole quotes, enough words)."""
    for sentence in sentences:
        text = strip_dateline(" ".join(sentence.split()))
        if len(text.split()) >= MIN_SENTENCE_WORDS and _balanced(text):
            return text
    return ""


def _same(a: str, b: str) -> bool:
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())


def compose(
    *,
    article_title: str,
    story_title: str | None,
    new_statements: Sequence[Statement] = (),
    new_sentences: Sequence[str] = (),
    story_size: int = 1,
    correction_notice: str = "",
) -> Message:
    """The title and body of a notification about one article of a story.

    ``correction_notice`` is the notice of an article that corrects an earlier version of
    itself ("Correction, Tuesday: An earlier version of this article said…"): what is new
    then is the correction, and the push says so before anything else.
    """
    headline = " ".join((article_title or "").split())
    title = story_title if (story_title and story_size > 1) else headline
    title = title or "New article"
    quote = best_quote(new_statements)
    said = _statement_line(quote) if quote is not None else ""
    notice = " ".join(correction_notice.split())
    if notice:
        notice = notice if notice.casefold().startswith("correct") else f"Correction: {notice}"
        body = f"{headline} — {notice}" if headline and not _same(title, headline) else notice
        return Message(title=shorten(title, TITLE_MAX), body=shorten(body, BODY_MAX))
    if headline and not _same(title, headline):
        # a development of a known story: its headline, then who said what
        what = said or lede(new_sentences)
        body = f"{headline} — {what}" if what else headline
    else:
        # a new story: the title is its headline, the body what happened
        body = lede(new_sentences) or said
    return Message(title=shorten(title, TITLE_MAX), body=shorten(body, BODY_MAX))
