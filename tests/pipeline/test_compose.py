"""What a push says, for the situations the demo story produces."""

from __future__ import annotations

from storywatch.model import Statement
from storywatch.pipeline.compose import (
    BODY_MAX,
    TITLE_MAX,
    best_quote,
    compose,
    lede,
    quote_text,
    shorten,
    strip_dateline,
)

STORY = "Fire on container ship closes Velmora harbor"
MINISTER = "Minister: Velmora harbor is not closing for three weeks, will reopen Thursday"


def said(text: str, speaker: str | None, kind: str = "direct", key: str | None = None) -> Statement:
    return Statement(
        text=text,
        kind=kind,  # type: ignore[arg-type]
        speaker=speaker,
        start=0,
        end=len(text),
        speaker_key=key,
    )


VASKO = said(
    "The harbor is not closing for three weeks. It will reopen to traffic on Thursday,",
    "Teodor Vasko",
    key="person:teodor-vasko",
)
# what the understand stage may hand over: a paraphrase whose span is the wrong phrase
BAD_PARAPHRASE = said(
    "shipping lines in a notice on Monday",
    "Velmora Port Authority",
    "indirect",
    "org:velmora-port-authority",
)


def test_a_development_says_its_headline_and_who_said_what() -> None:
    message = compose(
        article_title=MINISTER,
        story_title=STORY,
        new_statements=[BAD_PARAPHRASE, VASKO],
        new_sentences=["Lestria’s transport minister on Monday contradicted a notice."],
        story_size=8,
    )
    assert message.title == STORY
    assert message.body.startswith(
        "Minister: Velmora harbor is not closing for three weeks, will reopen Thursday — "
        "Teodor Vasko: “The harbor is not closing for three weeks."
    )
    assert "shipping lines in a notice" not in message.body
    assert len(message.body) <= BODY_MAX


def test_paraphrases_never_speak_for_anyone() -> None:
    message = compose(
        article_title="Port tells shipping lines Velmora harbor will be shut for three weeks",
        story_title=STORY,
        new_statements=[BAD_PARAPHRASE],
        new_sentences=[
            "It will reopen to traffic on Thursday,” Transport Minister Teodor Vasko said.",
            "The notice said the harbor would stay closed to all commercial traffic for weeks.",
        ],
        story_size=4,
    )
    assert "Velmora Port Authority:" not in message.body
    # the fragment with a stray closing mark is skipped for the first sentence that reads whole
    assert message.body == (
        "Port tells shipping lines Velmora harbor will be shut for three weeks — "
        "The notice said the harbor would stay closed to all commercial traffic for weeks."
    )


def test_a_new_story_says_what_happened_without_the_dateline() -> None:
    message = compose(
        article_title=STORY,
        story_title=STORY,
        new_statements=[
            said("None of the injuries were life-threatening", "VELMORA", "indirect"),
            said("The fire started in the forward hold.", "Oren Faltsky", key="person:x"),
        ],
        new_sentences=[
            "VELMORA, Lestria (MPS) — A fire broke out overnight aboard the container ship "
            "Corrandel Star at Pier 9 of Velmora harbor, injuring six crew members."
        ],
        story_size=1,
    )
    assert message.title == STORY
    assert message.body.startswith("A fire broke out overnight aboard the container ship")
    assert "VELMORA" not in message.body


def test_the_body_is_never_empty_when_the_story_is_named_after_the_article() -> None:
    # the story took this article's headline (a recap): the body still says something
    message = compose(
        article_title="Velmora harbor fire: the week so far",
        story_title="Velmora harbor fire: the week so far",
        new_statements=[VASKO],
        story_size=20,
    )
    assert message.body.startswith("Teodor Vasko: “The harbor is not closing")
    alone = compose(
        article_title="Velmora harbor fire: the week so far",
        story_title="Velmora harbor fire: the week so far",
        story_size=20,
    )
    assert alone.title == "Velmora harbor fire: the week so far"


def test_a_person_is_quoted_before_an_organisation_and_fragments_are_not_quotes() -> None:
    org = said("Every berth is open again from this morning.", "Port Authority", key="org:p")
    fragment = said(
        "the notice as “a premature draft that should never have left the building”",
        "Teodor Vasko",
        key="person:teodor-vasko",
    )
    person = said("We found no chlorine at any of them,", "Maren Solvik", key="person:m")
    assert best_quote([fragment, org, person]) is person
    assert best_quote([fragment, org]) is org
    assert best_quote([fragment]) is None
    assert best_quote([said("Too short.", "Maren Solvik")]) is None


def test_quote_text_ends_as_a_sentence() -> None:
    assert (
        quote_text("“We found no chlorine at any of them,”")
        == "We found no chlorine at any of them."
    )
    assert quote_text("It is falling every hour.") == "It is falling every hour."
    assert quote_text('"Nobody told them what was burning"') == "Nobody told them what was burning"


def test_datelines_go_and_ordinary_openings_stay() -> None:
    assert strip_dateline("VELMORA, Lestria (MPS) — Firefighters put out the fire.") == (
        "Firefighters put out the fire."
    )
    assert strip_dateline("LONDON (Reuters) - Shares fell.") == "Shares fell."
    assert strip_dateline("BAGHDAD — the vote was held.") == "The vote was held."
    assert strip_dateline("Air samples show no chlorine — the agency said.") == (
        "Air samples show no chlorine — the agency said."
    )
    assert strip_dateline("NATO allies met on Sunday.") == "NATO allies met on Sunday."
    assert lede(["Too short.", "VELMORA — Residents of Saltmarsh went home on Wednesday."]) == (
        "Residents of Saltmarsh went home on Wednesday."
    )


def test_everything_fits_a_phone() -> None:
    long_title = "Harbor " * 40
    message = compose(
        article_title=long_title,
        story_title=long_title,
        new_sentences=["word " * 200],
        story_size=2,
    )
    assert len(message.title) <= TITLE_MAX and message.title.endswith("…")
    assert len(message.body) <= BODY_MAX and message.body.endswith("…")
    assert shorten("a b c", 10) == "a b c"
    assert compose(article_title="", story_title=None).title == "New article"


def test_a_correction_says_it_is_one() -> None:
    headline = "Saltmarsh residents wake to smoke as Velmora harbor fire burns on"
    message = compose(
        article_title=headline,
        story_title=STORY,
        new_sentences=[
            "The ship’s manifest lists no chlorine; the burning containers held batteries."
        ],
        story_size=14,
        correction_notice="Correction, Tuesday: An earlier version of this article said, citing a "
        "dock worker, that the forward hold held cylinders of chlorine gas.",
    )
    assert message.body.startswith(f"{headline} — Correction, Tuesday: An earlier version")
    bare = compose(
        article_title=headline,
        story_title=STORY,
        story_size=14,
        correction_notice="The forward hold held no chlorine.",
    )
    assert bare.body == f"{headline} — Correction: The forward hold held no chlorine."
