"""The engine's state stays small for the garbage collector and bounded by the window."""

from __future__ import annotations

import gc
import random
from datetime import timedelta

from storywatch.stories import StoryDoc, StoryEngine
from tests.stories.fixtures import MONDAY, Store

_WORDS = (
    "harbor",
    "council",
    "bridge",
    "minister",
    "court",
    "museum",
    "grain",
    "tram",
    "school",
    "river",
    "budget",
    "strike",
    "election",
    "farm",
    "airport",
    "border",
    "hospital",
    "factory",
    "union",
    "police",
    "mayor",
    "station",
    "library",
)


def _article(n: int, rng: random.Random) -> StoryDoc:
    topic = rng.sample(_WORDS, 4)
    sentences = [
        f"The {topic[0]} of Town{n} said on Monday that the {topic[1]} would not open, "
        f"after the {topic[2]} asked for {n % 7 + 2} more weeks.",
        f"“We are working with the {topic[3]} and the {topic[0]},” said Ana Person{n}.",
        f"Officials in Town{n} expect a decision about the {topic[1]} before the summer.",
    ]
    return StoryDoc(
        article_id=n,
        source=f"Outlet {n % 5}",
        url=f"https://outlet{n % 5}.example/{n}",
        title=f"Town{n} {topic[1]} delayed",
        text="\n\n".join(sentences),
        published=MONDAY + timedelta(minutes=17 * n),
    )


def test_each_article_leaves_few_objects_for_the_garbage_collector() -> None:
    """The indexes hold strings, tuples and dicts of atoms, which the collector skips.

    Lists, sets and objects it walks on every full collection, and with the story indexes
    as lists that walk cost more than everything else the engine did. These three-sentence
    articles leave about 9 tracked objects each; with list postings they left about 40
    (and a 4,600-character article about 700).
    """
    rng = random.Random(5)
    docs = [_article(n, rng) for n in range(1, 121)]
    engine = StoryEngine()
    store = Store(engine)
    gc.collect()
    before = len(gc.get_objects())
    for doc in docs:
        store.process(doc)
    store.applied.clear()
    store.decisions.clear()
    del docs, doc  # the engine still holds its reading of the last article: a few hundred
    gc.collect()
    kept = len(gc.get_objects()) - before
    assert engine.stats()["articles"] == 120
    assert kept / 120 < 20, kept / 120
