"""The built-in demo: a fictional developing story served as real feeds over local HTTP.

- ``storywatch.demo.story``: the story's data (``load_story()``, ``DEMO_QUERY``).
- ``storywatch.demo.feeds`` / ``storywatch.demo.pages``: pure renderers of feeds and pages.
- ``storywatch.demo.server.DemoFeedServer``: the local publisher that releases the story.
"""

from storywatch.demo.server import DemoFeedServer
from storywatch.demo.story import DEMO_QUERY, load_story

__all__ = ["DEMO_QUERY", "DemoFeedServer", "load_story"]
