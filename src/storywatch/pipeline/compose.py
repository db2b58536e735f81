"""What a push says: the story, and what is new in it (pure).

A push has room for a short title and one or two lines. The title names the story; the body
says what this article adds — preferably a new statement with its speaker ("Esper: “the
United States is not withdrawing from Iraq”"), else the first new sentence, else the
article's own title. Everything is cut at a word boundary to fit a phone's notification.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from storywatch.model import Statement

TITLE_MAX = 90
BODY_MAX = 200


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


def _statement_line(statement: Statement) -> str:
    quote = statement.text.strip().strip("“”\"' ")
    speaker = statement.speaker or statement.speaker_mention or ""
    if statement.kind == "direct":
        return f"{speaker}: “{quote}”" if speaker else f"“{quote}”"
    return f"{speaker}: {quote}" if speaker else quote


def compose(
    *,
    article_title: str,
    story_title: str | None,
    new_statements: Sequence[Statement] = (),
    new_sentences: Sequence[str] = (),
    story_size: int = 1,
) -> Message:
    """The title and body of a notification about one article of a story."""
    title = story_title if (story_title and story_size > 1) else article_title
    said = [s for s in new_statements if s.speaker and len(s.text.split()) >= 4]
    if said:
        body = _statement_line(said[0])
        if title != article_title:
            body = f"{article_title} — {body}"
    elif new_sentences and title != article_title:
        body = f"{article_title} — {new_sentences[0]}"
    elif new_sentences:
        body = new_sentences[0]
    else:
        body = article_title if title != article_title else ""
    return Message(title=shorten(title or "New article", TITLE_MAX), body=shorten(body, BODY_MAX))
