"""Articles written for the story tests: a fictional bridge collapse in Farrowby, its wire
copies, a follow-up with a revised toll and a disputed inspection, a corrected version,
and an unrelated concert story. Everything here is invented for these tests.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from storywatch.model import Statement
from storywatch.stories import StoryDecision, StoryDoc, StoryEngine

MONDAY = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)

WIRE_TEXT = (
    "FARROWBY (Northwire) — The Kessel Bridge over the river Dunn in Farrowby collapsed "
    "early on Monday, killing four people and injuring eleven, the regional fire service "
    "said.\n\n"
    "Two cars and a delivery van fell into the river when the central span gave way shortly "
    "after six in the morning, witnesses said.\n\n"
    "“The bridge passed its inspection in March. We had no warning of any kind,” said Odo "
    "Venn, a spokesman for the regional transport agency.\n\n"
    "Divers searched the river through the morning. The fire service said 60 firefighters "
    "were at the scene.\n\n"
    "The bridge, built in 1962, carried about 9,000 vehicles a day between the old town and "
    "the industrial port."
)

FOLLOW_UP_TEXT = (
    "FARROWBY — The death toll from the collapse of the Kessel Bridge rose to seven on "
    "Tuesday, up from the four reported on Monday, after divers recovered three more "
    "bodies from the river Dunn.\n\n"
    "“The bridge did not pass its inspection in March. The report asked for urgent repairs "
    "to the central span,” said Mara Quill, the engineer who led the inspection.\n\n"
    "Quill said the report had been sent to the transport agency in April. The agency "
    "declined to comment on the report.\n\n"
    "Prosecutors in Farrowby opened an inquiry into the collapse on Tuesday afternoon."
)

CORRECTED_FOLLOW_UP_TEXT = (
    FOLLOW_UP_TEXT
    + "\n\nAn earlier version of this article misstated the month in which the report was "
    "sent to the transport agency."
)

CONCERT_TEXT = (
    "VELL — The Vell Philharmonic opened its winter season on Saturday with a programme of "
    "Sibelius and Nielsen, conducted by its new music director, Ilka Sorensen.\n\n"
    "“We wanted to begin with music from the north, where many of our players come from,” "
    "Sorensen said after the concert.\n\n"
    "The orchestra plans 24 concerts this season, including a tour of three coastal towns "
    "in the spring."
)


def wire(article_id: int = 1, *, when: datetime = MONDAY) -> StoryDoc:
    return StoryDoc(
        article_id=article_id,
        source="Northwire",
        url="https://northwire.example/farrowby-bridge-collapse",
        title="Bridge collapse in Farrowby kills four",
        text=WIRE_TEXT,
        published=when,
    )


def verbatim_copy(
    article_id: int = 2, *, when: datetime = MONDAY + timedelta(minutes=40)
) -> StoryDoc:
    return StoryDoc(
        article_id=article_id,
        source="Farrowby Gazette",
        url="https://gazette.example/news/kessel-bridge?utm_source=rss",
        title="Four dead as Kessel Bridge falls into the Dunn",
        text=WIRE_TEXT,
        published=when,
    )


def trimmed_copy(article_id: int = 3, *, when: datetime = MONDAY + timedelta(hours=1)) -> StoryDoc:
    """The wire report with a new headline, one word changed and the last paragraph cut."""
    text = WIRE_TEXT.rsplit("\n\n", 1)[0].replace("searched the river", "searched the Dunn")
    return StoryDoc(
        article_id=article_id,
        source="Coast Herald",
        url="https://herald.example/2026/03/02/bridge",
        title="Kessel Bridge collapse: four killed",
        text=text,
        published=when,
    )


def follow_up(article_id: int = 4, *, when: datetime = MONDAY + timedelta(days=1)) -> StoryDoc:
    return StoryDoc(
        article_id=article_id,
        source="Farrowby Gazette",
        url="https://gazette.example/news/kessel-bridge-inspection",
        title="Kessel Bridge toll rises to seven; engineer says it failed inspection",
        text=FOLLOW_UP_TEXT,
        published=when,
    )


def corrected_follow_up(
    article_id: int = 5, *, when: datetime = MONDAY + timedelta(days=1, hours=3)
) -> StoryDoc:
    """The follow-up again, at its own URL, with a correction notice appended."""
    return replace(
        follow_up(article_id, when=when),
        text=CORRECTED_FOLLOW_UP_TEXT,
    )


def concert(article_id: int = 6, *, when: datetime = MONDAY + timedelta(hours=2)) -> StoryDoc:
    return StoryDoc(
        article_id=article_id,
        source="Vell Evening Post",
        url="https://vellpost.example/arts/philharmonic-season",
        title="Vell Philharmonic opens its season with Sibelius",
        text=CONCERT_TEXT,
        published=when,
    )


def quoted(doc: StoryDoc, speaker: str, key: str, quote: str) -> StoryDoc:
    """``doc`` with one direct statement, as the understanding stage would give it."""
    start = doc.text.index(quote)
    statement = Statement(
        text=quote,
        kind="direct",
        speaker=speaker,
        start=start,
        end=start + len(quote),
        speaker_key=key,
        cue="said",
    )
    return replace(doc, statements=(*doc.statements, statement))


class Store:
    """What the pipeline does around the engine: assign story ids between decide and apply."""

    def __init__(self, engine: StoryEngine, first_story_id: int = 100) -> None:
        self.engine = engine
        self.next_story_id = first_story_id
        self.applied: list[tuple[StoryDoc, int]] = []
        self.decisions: dict[int, StoryDecision] = {}

    def process(self, doc: StoryDoc) -> StoryDecision:
        decision = self.engine.decide(doc)
        story_id = decision.story_id
        if story_id is None:
            story_id = self.next_story_id
            self.next_story_id += 1
        self.engine.apply(doc, decision, story_id)
        self.applied.append((doc, story_id))
        self.decisions[doc.article_id] = decision
        return decision

    def story_of(self, article_id: int) -> int:
        for doc, story_id in self.applied:
            if doc.article_id == article_id:
                return story_id
        raise KeyError(article_id)
