"""Stories (T1–T6): duplicates, online clustering, novelty, contradictions and timelines.

Pure: nothing here does I/O. The pipeline builds a :class:`StoryDoc` per article, calls
:meth:`StoryEngine.decide`, stores the decision (the store assigns new story ids), then calls
:meth:`StoryEngine.apply`. :meth:`StoryEngine.replay` rebuilds the state at start-up.
"""

from storywatch.stories.dedup import canonical_url, content_hash
from storywatch.stories.engine import StoryEngine
from storywatch.stories.timeline import ArticleRecord, summarize_story
from storywatch.stories.types import (
    Novelty,
    Provenance,
    StoryDecision,
    StoryDoc,
    StorySummary,
    TimelineItem,
)

__all__ = [
    "ArticleRecord",
    "Novelty",
    "Provenance",
    "StoryDecision",
    "StoryDoc",
    "StoryEngine",
    "StorySummary",
    "TimelineItem",
    "canonical_url",
    "content_hash",
    "summarize_story",
]
