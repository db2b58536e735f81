"""Online clustering of articles into stories (T3), with the reasons for every join.

A story is the running centroid of its articles' TF-IDF vectors (terms, names and entity
keys). A new article is compared with the stories that share one of its heaviest features
(an inverted index, so the cost does not grow with the number of stories), scored as

    score = ((1 - m) * cosine(article, centroid) + m * max cosine(article, member))
            * exp(-gap / decay)

where ``gap`` is the time between the article and the story's span of articles. It joins
the best story when the score reaches ``threshold``, or when the similarity alone is so
high (``strong``) that a quiet spell inside the window must not split the story. The max
over members lets a story that drifts (day 1 the fire, day 4 the reopening) still take an
article close to one of its recent turns.

A join must also be clear: when the runner-up story scores within ``margin`` of the best,
both stories are current (each within ``margin_within`` of the article) and the similarity
is not ``strong``, the article starts a story of its own. Among stories apart in time the
decay already tells them apart; among current ones nothing does, and in a crowded window
(the monthly jobs reports of several months, weeks of one inquiry, all at one time) such
ties are mostly recurring topics rather than one story: greedy joins there snowball into
giant clusters (docs/benchmarks.md, "Stories": the AllSides pool at one instant).
"""

from __future__ import annotations

import math
from collections import Counter, deque
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from itertools import chain, islice

from storywatch.model import Reason
from storywatch.stories.vectors import Centroid, Vector, dot

MAX_MEMBERS = 12
PROBE_FEATURES = 30
SHORTLIST = 3
CANDIDATES = 25
MAX_REASONS = 4


@dataclass(frozen=True, slots=True)
class ClusterParams:
    threshold: float = 0.20
    strong: float = 0.6
    decay_days: float = 2.0
    member_weight: float = 0.7
    window: timedelta = timedelta(days=14)
    margin: float = 0.05
    margin_within: timedelta = timedelta(hours=1)


@dataclass(slots=True)
class StoryVectors:
    first: datetime
    last: datetime
    centroid: Centroid = field(default_factory=Centroid)
    members: deque[tuple[int, Vector]] = field(default_factory=lambda: deque(maxlen=MAX_MEMBERS))
    size: int = 0  # articles whose vectors it holds (copies only touch it)


@dataclass(frozen=True, slots=True)
class Join:
    """The best story for an article, whether it passed, and why."""

    story_id: int | None
    score: float
    similarity: float
    gap: timedelta
    shared: tuple[tuple[str, float], ...]
    closest: int | None = None  # the member article most like this one
    closest_similarity: float = 0.0


def gap(when: datetime, first: datetime, last: datetime) -> timedelta:
    """Time from ``when`` to the span [first, last]; zero inside it."""
    if when < first:
        return first - when
    if when > last:
        return when - last
    return timedelta(0)


class ClusterIndex:
    """The story vectors of the window with an inverted index from feature to stories."""

    def __init__(self, params: ClusterParams) -> None:
        self.params = params
        self.stories: dict[int, StoryVectors] = {}
        # feature -> {story id: None}: dicts of ints are not tracked by the garbage
        # collector, sets are (a window holds tens of thousands of these)
        self._postings: dict[str, dict[int, None]] = {}

    def best(self, vector: Vector, when: datetime) -> Join:
        """The best-scoring story for ``vector`` at time ``when`` (story_id None if none)."""
        p = self.params
        # weigh() returns a vector heaviest first, so its first features are the probe; the
        # stories holding each are counted in one pass over their postings, in probe order
        # (Counter.update per feature cost more in its checks than in counting)
        holders = filter(None, map(self._postings.get, islice(vector, PROBE_FEATURES)))
        hits = Counter(chain.from_iterable(holders))  # iterating a posting gives its story ids
        candidates = [story_id for story_id, _ in hits.most_common(CANDIDATES)]
        best_id: int | None = None
        best = (0.0, 0.0, timedelta(0))
        closest: tuple[float, int | None] = (0.0, None)
        runner_up = (0.0, timedelta(0))
        scored: list[tuple[float, int, timedelta]] = []
        for story_id in candidates:
            story = self.stories[story_id]
            apart = gap(when, story.first, story.last)
            if apart <= p.window:
                scored.append((story.centroid.cosine(vector), story_id, apart))
        scored.sort(key=lambda s: (-s[0], s[1]))
        for centroid_sim, story_id, apart in scored[:SHORTLIST]:
            members = self.stories[story_id].members
            member_sim, member = max(
                ((dot(vector, m), -aid) for aid, m in members), default=(0.0, 0)
            )
            similarity = (1 - p.member_weight) * centroid_sim + p.member_weight * member_sim
            days = apart.total_seconds() / 86400.0
            score = similarity * math.exp(-days / p.decay_days) if p.decay_days > 0 else similarity
            if similarity >= p.strong:
                score = max(score, similarity)
            if score > best[0]:
                runner_up = (best[0], best[2])
                best_id, best = story_id, (score, similarity, apart)
                closest = (member_sim, -member if members else None)
            else:
                runner_up = max(runner_up, (score, apart))
        if (
            best_id is not None
            and best[1] < p.strong
            and best[0] - runner_up[0] < p.margin
            and max(best[2], runner_up[1]) <= p.margin_within
        ):
            # two stories fit about as well: in a crowded window such a join is more often
            # wrong than right (a recurring topic, not one story), so start a new one
            best_id = None
        if best_id is None or best[0] < p.threshold:
            return Join(None, best[0], best[1], best[2], ())
        weights = self.stories[best_id].centroid.weights
        shared = sorted(
            ((f, w * weights[f]) for f, w in vector.items() if f in weights),
            key=lambda kv: (-kv[1], kv[0]),
        )
        return Join(best_id, best[0], best[1], best[2], tuple(shared[:24]), closest[1], closest[0])

    def add(self, story_id: int, article_id: int, vector: Vector, when: datetime) -> None:
        story = self.stories.get(story_id)
        if story is None:
            story = self.stories[story_id] = StoryVectors(first=when, last=when)
        story.first = min(story.first, when)
        story.last = max(story.last, when)
        if not vector:
            return
        story.centroid.add(vector)
        story.members.append((article_id, vector))
        story.size += 1
        postings = self._postings
        for feature in vector:
            holders = postings.get(feature)
            if holders is None:
                postings[feature] = {story_id: None}
            else:
                holders[story_id] = None

    def touch(self, story_id: int, when: datetime) -> None:
        """Extend a story's time span without changing its vectors (a copy arrived)."""
        story = self.stories.get(story_id)
        if story is None:
            self.stories[story_id] = StoryVectors(first=when, last=when)
        else:
            story.first = min(story.first, when)
            story.last = max(story.last, when)

    def remove(self, story_id: int) -> None:
        story = self.stories.pop(story_id, None)
        if story is None:
            return
        for feature in story.centroid.weights:
            holders = self._postings.get(feature)
            if holders is not None:
                holders.pop(story_id, None)
                if not holders:
                    del self._postings[feature]


def join_reasons(join: Join, surfaces: dict[str, str]) -> tuple[Reason, ...]:
    """Words for a join: shared entities first, then shared terms, then time and score.

    Up to four of each, heaviest first; a term already visible inside a shown entity name
    ("venn" in "Odo Venn") is not repeated.
    """
    entities: list[Reason] = []
    candidates: list[tuple[str, float]] = []
    for feature, weight in join.shared:
        if feature.startswith(("e:", "n:")):
            shown = surfaces.get(feature, feature[2:])
            if len(entities) < MAX_REASONS and all(r.value != shown for r in entities):
                entities.append(Reason("entity", shown, f"weight {weight:.3f}"))
        else:
            candidates.append((surfaces.get(feature, feature), weight))
    in_names = {w for r in entities for w in r.value.lower().split()}
    terms: list[Reason] = []
    for shown, weight in candidates:
        if shown.lower() in in_names or any(r.value == shown for r in terms):
            continue
        if len(terms) < MAX_REASONS:
            terms.append(Reason("term", shown, f"weight {weight:.3f}"))
    hours = join.gap.total_seconds() / 3600.0
    when = "within the story's span" if hours == 0 else f"{hours:.0f} h from its articles"
    return (
        *entities,
        *terms,
        Reason("time", when),
        Reason("score", f"{join.score:.2f}", f"similarity {join.similarity:.2f}"),
    )
