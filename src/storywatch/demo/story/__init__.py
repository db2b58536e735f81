"""The built-in demo story: a fictional week of news about a ship fire in Velmora harbor.

Everything in it (the country Lestria, the port of Velmora, the outlets, the people) is
invented by the project. ``load_story()`` reads the data files beside this module.
"""

from storywatch.demo.story.loader import DEMO_QUERY, STORY_TITLE, DemoStoryError, load_story
from storywatch.demo.story.values import (
    CLUTTER_KINDS,
    STORY_TZ,
    DemoArticle,
    DemoStory,
    FeedFormat,
    Outlet,
    Paragraph,
)

__all__ = [
    "CLUTTER_KINDS",
    "DEMO_QUERY",
    "STORY_TITLE",
    "STORY_TZ",
    "DemoArticle",
    "DemoStory",
    "DemoStoryError",
    "FeedFormat",
    "Outlet",
    "Paragraph",
    "load_story",
]
