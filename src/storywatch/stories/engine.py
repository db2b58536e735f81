"""The story engine: read → decide → (the store assigns ids) → apply.

``decide`` is a pure read of the engine's state: it says whether an article copies an earlier
one (T1, T2), which story it joins and why (T3), what it adds (T4) and what it contradicts or
revises (T5). The store persists that decision (creating the story row when ``story_id`` is
None) and then ``apply`` writes the article into the state under the id the store gave.

State covers a sliding window (``window``, 14 days by default) of article time: articles
older than the window leave the duplicate indexes and the term statistics, and a story whose
latest article is older than the window is dropped whole. Memory is therefore bounded by the
news of one window, not by history.

Restoring at start-up: call :meth:`StoryEngine.replay` with the stored articles of the last
window and their story ids, in the order they were first applied (arrival order; time order
gives nearly the same state). Replay runs ``decide`` + ``apply`` per article, so it costs
what processing those articles cost the first time (see docs/benchmarks.md, "Stories").
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from itertools import chain

from storywatch.model import Reason, StoryEvent
from storywatch.stories.analysis import (
    DocAnalysis,
    TextReading,
    Words,
    analyse,
    read_text,
    read_words,
    surfaces,
)
from storywatch.stories.cluster import ClusterIndex, ClusterParams, Join, join_reasons
from storywatch.stories.contradictions import record
from storywatch.stories.dedup import NearDuplicateIndex, Sketch, canonical_url, words_hash
from storywatch.stories.events import event_key, find_events
from storywatch.stories.knowledge import Knowledge, everything_new
from storywatch.stories.timeline import UNTITLED, ArticleRecord, novelty_line, summarize_story
from storywatch.stories.types import (
    Novelty,
    Provenance,
    StoryDecision,
    StoryDoc,
    StorySummary,
)
from storywatch.stories.vectors import DocumentFrequencies, Vector, weigh

MIN_NEW_SENTENCES = 1


@dataclass(slots=True)
class _Story:
    story_id: int
    knowledge: Knowledge = field(default_factory=Knowledge)
    articles: list[ArticleRecord] = field(default_factory=list)
    events: list[StoryEvent] = field(default_factory=list)
    speakers: set[str] = field(default_factory=set)
    last: datetime | None = None


@dataclass(slots=True)
class _Indexed:
    """What the window indexes hold for one article, so that eviction can undo it."""

    story_id: int
    published: datetime
    source: str
    url: str | None
    digest: str | None
    features: tuple[str, ...]
    root: int


def headline_of(novelty: Novelty, analysis: DocAnalysis, source: str) -> str:
    """What an article adds, in one line (see :attr:`StoryDecision.headline`)."""
    line = novelty_line(novelty, source)
    if line:
        return line
    if novelty.new_numbers:
        phrase = novelty.new_numbers[0]
        return next((f.sentence for f in analysis.numbers if f.phrase == phrase), "")
    return ""


def _first_publisher(copy: int, how: str) -> Reason:
    """Why an article is the original of a text an earlier-arrived article carries."""
    return Reason("original", str(copy), f"{how}, published before its copy")


def _fallback(doc: StoryDoc, sentences: list[str]) -> str:
    """An article's title, else its first sentence: never empty."""
    return doc.title.strip() or next((s for s in sentences if s.strip()), "") or UNTITLED


class _Prepared:
    """One article as the engine reads it, in stages: its words (enough to recognise an
    exact copy, which needs nothing more), then on first use its full reading, its MinHash
    sketch and its vector. Given a :class:`TextReading` made elsewhere (a worker process),
    only what depends on the statements, the entities and the state is left to do."""

    __slots__ = (
        "_analysis",
        "_reading",
        "_sketch",
        "_vector",
        "digest",
        "doc",
        "engine",
        "sentences",
        "url",
        "words",
    )

    def __init__(self, engine: StoryEngine, doc: StoryDoc, reading: TextReading | None) -> None:
        self.engine = engine
        self.doc = doc
        if reading is not None and reading.fits(doc):
            self._reading: TextReading | None = reading
            self.words: Words | None = None
            self.sentences = reading.sentences
            self.digest = reading.digest
        else:
            self._reading = None
            self.words = read_words(doc.text)
            self.sentences = self.words.sentences
            self.digest = words_hash(list(chain.from_iterable(self.words.words)))
        self.url = canonical_url(doc.url)
        self._analysis: DocAnalysis | None = None
        self._sketch: Sketch | bool | None = False
        self._vector: Vector | None = None

    @property
    def reading(self) -> TextReading:
        if self._reading is None:
            self._reading = read_text(self.doc.title, self.doc.text, self.words)
        return self._reading

    @property
    def analysis(self) -> DocAnalysis:
        if self._analysis is None:
            self._analysis = analyse(self.doc, self.reading)
        return self._analysis

    @property
    def sketch(self) -> Sketch | None:
        if self._sketch is False:
            self._sketch = self.engine._near.sketch_of(self.reading.grams)
        return self._sketch if isinstance(self._sketch, Sketch) else None

    @property
    def vector(self) -> Vector:
        if self._vector is None:
            self._vector = weigh(
                self.analysis.features, self.engine._df, keep=self.engine.keep_features
            )
        return self._vector


class StoryEngine:
    """Duplicates, stories, novelty, contradictions and timelines over a window of news."""

    def __init__(
        self,
        *,
        window: timedelta = timedelta(days=14),
        threshold: float = 0.20,
        strong: float = 0.6,
        decay_days: float = 2.0,
        member_weight: float = 0.7,
        keep_features: int = 80,
        near_jaccard: float = 0.6,
        num_perm: int = 64,
        idf_prior: int = 1000,
        rewrite_cosine: float = 0.75,
        margin: float = 0.05,
    ) -> None:
        self.window = window
        self.rewrite_cosine = rewrite_cosine
        self.keep_features = keep_features
        self._clusters = ClusterIndex(
            ClusterParams(threshold, strong, decay_days, member_weight, window, margin)
        )
        self._near = NearDuplicateIndex(num_perm=num_perm, jaccard=near_jaccard)
        self._df = DocumentFrequencies(prior=idf_prior)
        self._by_url: dict[str, int] = {}
        self._by_digest: dict[str, int] = {}
        self._indexed: dict[int, _Indexed] = {}
        self._copies: dict[int, list[int]] = {}
        self._doc_heap: list[tuple[datetime, int]] = []
        self._story_heap: list[tuple[datetime, int]] = []
        self._stories: dict[int, _Story] = {}
        self._sources: dict[int, str] = {}
        self._now: datetime | None = None
        self._memo: tuple[StoryDoc, _Prepared, int] | None = None
        self._version = 0  # applies so far: a memo from before the last apply is stale

    # ------------------------------------------------------------------ reading

    def _prepare(self, doc: StoryDoc, reading: TextReading | None = None) -> _Prepared:
        """Read an article once; ``decide`` then ``apply`` of the same doc share it."""
        if self._memo is not None and self._memo[0] is doc and self._memo[2] == self._version:
            return self._memo[1]
        if doc.published.tzinfo is None:
            raise ValueError("StoryDoc.published must be timezone-aware")
        prepared = _Prepared(self, doc, reading)
        self._memo = (doc, prepared, self._version)
        return prepared

    def decide(self, doc: StoryDoc, reading: TextReading | None = None) -> StoryDecision:
        """What to do with ``doc``; reads the state and changes nothing.

        ``reading`` is :func:`~storywatch.stories.analysis.read_text` of the doc's title and
        text when it was made elsewhere (the process stage's workers); without it (or when
        it is not that doc's) the engine reads the text itself. The decision is the same.

        In order: an exact copy (same text, or same URL when there is no text) → its
        original's story, not a development; a new version of a known article (same id or
        same URL, other text) → that article's story ("update" reason); a near copy
        (MinHash) → its original's story; otherwise the best-scoring story, or None for a
        new story. Near copies, updates and joins all get novelty and events computed
        against the story, so an updated wire copy with a new figure is still a development.
        """
        prepared = self._prepare(doc, reading)
        exact = self._exact_match(prepared)
        if exact is not None:
            original = self._original(exact)
            if self._published_before(doc, original):
                return StoryDecision(
                    duplicate_of=None,
                    duplicate_kind=None,
                    story_id=self._indexed[exact].story_id,
                    reasons=(_first_publisher(original, "same text"),),
                    novelty=Novelty(),
                    is_development=False,
                    events=(),
                    score=1.0,
                    headline=_fallback(doc, prepared.sentences),
                    copies=self._group(exact),
                )
            return StoryDecision(
                duplicate_of=original,
                duplicate_kind="exact",
                story_id=self._indexed[exact].story_id,
                reasons=(Reason("duplicate", str(original), "same URL or same text"),),
                novelty=Novelty(),
                is_development=False,
                events=(),
                score=1.0,
                headline=_fallback(doc, prepared.sentences),
            )
        analysis = prepared.analysis
        reasons: list[Reason] = []
        duplicate_of: int | None = None
        story_id: int | None = None
        score = 0.0
        updated = self._updated(doc, prepared)
        near = self._near.matches(prepared.sketch) if prepared.sketch is not None else []
        near = [m for m in near if m.article_id in self._indexed and m.article_id != updated]
        if updated is not None:
            story_id = self._indexed[updated].story_id
            score = 1.0
            reasons.append(Reason("update", str(updated), "same article, new text"))
        elif near:
            match = near[0]
            duplicate_of = self._original(match.article_id)
            story_id = self._indexed[match.article_id].story_id
            score = match.jaccard
            reasons.append(
                Reason(
                    "duplicate",
                    str(duplicate_of),
                    f"near copy (Jaccard {match.jaccard:.2f}, contained {match.containment:.2f})",
                )
            )
        else:
            join = self._clusters.best(prepared.vector, doc.published)
            story_id, score = join.story_id, join.score
            if join.story_id is not None:
                reasons.extend(self._reasons(join, prepared))
                rewritten = join.closest
                if (
                    rewritten is not None
                    and join.closest_similarity >= self.rewrite_cosine
                    and rewritten in self._indexed
                ):
                    duplicate_of = self._original(rewritten)
                    reasons.insert(
                        0,
                        Reason(
                            "duplicate",
                            str(duplicate_of),
                            f"rewrite (cosine {join.closest_similarity:.2f})",
                        ),
                    )
        copies: tuple[int, ...] = ()
        if duplicate_of is not None and self._published_before(doc, duplicate_of):
            # published before the text's first publisher so far: it is the original
            copies = self._group(duplicate_of)
            reasons[0] = _first_publisher(duplicate_of, reasons[0].detail)
            duplicate_of = None
        story = self._stories.get(story_id) if story_id is not None else None
        knowledge = story.knowledge if story is not None else None
        if knowledge is None:
            novelty = everything_new(analysis)
            events = find_events(None, analysis, self._source_of)
        else:
            matches = knowledge.compare(analysis)
            novelty = knowledge.novelty(analysis, matches)
            events = find_events(knowledge, analysis, self._source_of, matches)
        if story is None:
            is_development = True
        else:
            is_development = bool(
                novelty.new_statements
                or novelty.new_numbers
                or len(novelty.new_sentences) >= MIN_NEW_SENTENCES
            )
        return StoryDecision(
            duplicate_of=duplicate_of,
            duplicate_kind="near" if duplicate_of is not None else None,
            story_id=story_id,
            reasons=tuple(reasons),
            novelty=novelty,
            is_development=is_development,
            events=events,
            score=score,
            headline=headline_of(novelty, analysis, doc.source)
            or _fallback(doc, prepared.sentences),
            copies=copies,
        )

    def _reasons(self, join: Join, prepared: _Prepared) -> list[Reason]:
        reasons = list(join_reasons(join, surfaces(prepared.analysis, (f for f, _ in join.shared))))
        assert join.story_id is not None
        story = self._stories.get(join.story_id)
        if story is not None:
            for statement in prepared.analysis.doc.statements:
                speaker = statement.speaker_key or statement.speaker
                if speaker and speaker in story.speakers:
                    shown = statement.speaker or speaker
                    if not any(r.kind == "statement" and r.value == shown for r in reasons):
                        reasons.insert(0, Reason("statement", shown, "also quoted in the story"))
        return reasons

    def _exact_match(self, prepared: _Prepared) -> int | None:
        """An indexed article with the same text (or the same URL and no text to compare)."""
        if prepared.digest is not None:
            found = self._by_digest.get(prepared.digest)
            if found is not None and found in self._indexed:
                return found
            return None
        if prepared.url is not None:
            found = self._by_url.get(prepared.url)
            if found is not None and found in self._indexed:
                return found
        return None

    def _updated(self, doc: StoryDoc, prepared: _Prepared) -> int | None:
        """The earlier version this article replaces: same id or same URL, other text."""
        if doc.article_id in self._indexed:
            return doc.article_id
        if prepared.url is not None:
            found = self._by_url.get(prepared.url)
            if found is not None and found in self._indexed:
                return found
        return None

    def _original(self, article_id: int) -> int:
        """The first publisher of the text ``article_id`` carries (T2 provenance)."""
        root = self._indexed[article_id].root
        group = [root, *self._copies.get(root, [])]
        known = [a for a in group if a in self._indexed]
        if not known:
            return article_id
        return min(known, key=lambda a: (self._indexed[a].published, a))

    def _group(self, article_id: int) -> tuple[int, ...]:
        """The held articles carrying the same text as ``article_id`` (it included)."""
        root = self._indexed[article_id].root
        return tuple(a for a in (root, *self._copies.get(root, [])) if a in self._indexed)

    def _published_before(self, doc: StoryDoc, original: int) -> bool:
        """Whether ``doc`` was published before ``original`` (on a tie, the one that arrived
        first stays the original)."""
        return doc.published < self._indexed[original].published

    def _source_of(self, article_id: int) -> str:
        return self._sources.get(article_id, "")

    # ------------------------------------------------------------------ writing

    def apply(
        self,
        doc: StoryDoc,
        decision: StoryDecision,
        story_id: int,
        reading: TextReading | None = None,
    ) -> None:
        """Write ``doc`` into the state under ``story_id`` (the id the store gave).

        ``story_id`` is the decision's story, or the new id the store created when the
        decision's ``story_id`` was None. Pass the same ``doc`` object that was decided on,
        with no other apply in between, and the article is not read a second time
        (``reading`` as for :meth:`decide`, for an apply without a decide just before).
        """
        prepared = self._prepare(doc, reading)
        self._version += 1
        story = self._stories.get(story_id)
        if story is None:
            story = self._stories[story_id] = _Story(story_id)
        aid = doc.article_id
        previous = self._indexed.get(aid)
        if previous is not None:
            if previous.digest == prepared.digest:
                return  # applied already (a replay overlapping live processing)
            self._unindex(aid)  # a new version of the same article replaces the old one
            story.articles = [a for a in story.articles if a.article_id != aid]
        self._sources[aid] = doc.source
        root = aid
        held = [a for a in decision.copies if a in self._indexed]
        if decision.duplicate_of is not None and decision.duplicate_of in self._indexed:
            root = self._indexed[decision.duplicate_of].root
            self._copies.setdefault(root, []).append(aid)
        elif held:  # the first publisher of a text whose copies arrived before it
            root = self._indexed[held[0]].root
            self._copies.setdefault(root, []).append(aid)
        features: tuple[str, ...] = ()
        if decision.duplicate_kind is None:
            features = tuple(prepared.analysis.features)
            self._df.add(features)
            self._clusters.add(story_id, aid, prepared.vector, doc.published)
        else:
            self._clusters.touch(story_id, doc.published)
        if decision.duplicate_kind != "exact":
            story.knowledge.add(prepared.analysis)
            if prepared.sketch is not None:
                self._near.add(aid, prepared.sketch)
        for statement in doc.statements:
            speaker = statement.speaker_key or statement.speaker
            if speaker:
                story.speakers.add(speaker)
        if prepared.url is not None and (
            decision.duplicate_kind is None or prepared.url not in self._by_url
        ):
            self._by_url[prepared.url] = aid  # the newest version answers for its URL
        if prepared.digest is not None:
            self._by_digest.setdefault(prepared.digest, aid)
        self._indexed[aid] = _Indexed(
            story_id, doc.published, doc.source, prepared.url, prepared.digest, features, root
        )
        for event in decision.events:
            story.knowledge.event_keys.add(event_key(event))
            story.events.append(event)
            if event.kind == "contradiction":
                record(story.knowledge.disputes, event.detail)
        copy = decision.duplicate_kind == "exact"  # nothing of it was read beyond its words
        kept = ArticleRecord.of(doc, decision, {} if copy else prepared.vector, prepared.sentences)
        if held:
            kept = self._take_over(story, kept, set(held))
        story.articles.append(kept)
        story.last = max(story.last or doc.published, doc.published)
        heapq.heappush(self._doc_heap, (doc.published, aid))
        heapq.heappush(self._story_heap, (story.last, story_id))
        self._now = max(self._now or doc.published, doc.published)
        self._evict(self._now - self.window)

    @staticmethod
    def _take_over(story: _Story, record: ArticleRecord, copies: set[int]) -> ArticleRecord:
        """Make ``record`` the original of ``copies`` in the story's records: they now point
        at it, and it carries the development its former original reported (so the
        timeline shows that development once, at the time it was first published)."""
        former: ArticleRecord | None = None
        for index, article in enumerate(story.articles):
            if article.article_id in copies:
                moved = article.duplicate_of is None and article.is_development
                if moved:
                    former = former or article
                story.articles[index] = replace(
                    article,
                    duplicate_of=record.article_id,
                    duplicate_kind=article.duplicate_kind or "near",
                    is_development=article.is_development and not moved,
                )
        if former is not None and not record.is_development:
            record = replace(record, is_development=True, highlight=former.highlight)
        return record

    def _unindex(self, aid: int) -> None:
        """Take one article out of the window indexes (its story keeps its record)."""
        entry = self._indexed.pop(aid, None)
        if entry is None:
            return
        self._near.remove(aid)
        if entry.features:
            self._df.remove(entry.features)
        if entry.url is not None and self._by_url.get(entry.url) == aid:
            del self._by_url[entry.url]
        if entry.digest is not None and self._by_digest.get(entry.digest) == aid:
            del self._by_digest[entry.digest]

    def _evict(self, cutoff: datetime) -> None:
        while self._doc_heap and self._doc_heap[0][0] < cutoff:
            published, aid = heapq.heappop(self._doc_heap)
            entry = self._indexed.get(aid)
            if entry is not None and entry.published == published:
                self._unindex(aid)
        while self._story_heap and self._story_heap[0][0] < cutoff:
            last, story_id = heapq.heappop(self._story_heap)
            story = self._stories.get(story_id)
            if story is None or story.last is None or story.last != last:
                continue  # a stale heap entry: the story moved on since
            del self._stories[story_id]
            self._clusters.remove(story_id)
            for article in story.articles:
                self._sources.pop(article.article_id, None)
                self._copies.pop(article.article_id, None)

    def evict(self, now: datetime) -> None:
        """Drop what is older than the window before ``now`` (the engine also does this itself)."""
        self._now = max(self._now or now, now)
        self._evict(self._now - self.window)

    def replay(self, items: list[tuple[StoryDoc, int]]) -> int:
        """Rebuild state from stored articles and their story ids; returns how many."""
        for doc, story_id in items:
            self.apply(doc, self.decide(doc), story_id)
        return len(items)

    # ------------------------------------------------------------------ views

    def headline(self, story_id: int) -> StorySummary:
        """Title, summary and timeline of a story in the window (T6). KeyError if unknown."""
        story = self._stories[story_id]
        centroid = self._clusters.stories.get(story_id)
        return summarize_story(
            story_id,
            story.articles,
            story.events,
            centroid.centroid.weights if centroid is not None else {},
        )

    def provenance(self, article_id: int) -> Provenance:
        """Who published the text of ``article_id`` first and who copied it (T2)."""
        entry = self._indexed.get(article_id)
        if entry is None:
            raise KeyError(article_id)
        group = [entry.root, *self._copies.get(entry.root, [])]
        members = sorted(
            (a for a in group if a in self._indexed),
            key=lambda a: (self._indexed[a].published, a),
        )
        first = members[0]
        return Provenance(
            original=first,
            original_source=self._indexed[first].source,
            copies=tuple((a, self._indexed[a].source) for a in members[1:]),
        )

    def story_ids(self) -> list[int]:
        """Ids of the stories currently held (inside the window)."""
        return sorted(self._stories)

    def story_of(self, article_id: int) -> int | None:
        entry = self._indexed.get(article_id)
        return entry.story_id if entry is not None else None

    def stats(self) -> dict[str, int]:
        """Sizes of the state, for health pages and the memory-bound tests."""
        return {
            "stories": len(self._stories),
            "articles": len(self._indexed),
            "near_index": len(self._near),
            "features": len(self._df),
            "urls": len(self._by_url),
        }
