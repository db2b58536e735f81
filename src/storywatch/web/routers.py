"""Every router the web app mounts, in one list. Each package adds its own line here."""

from __future__ import annotations

from fastapi import APIRouter


def all_routers() -> list[APIRouter]:
    """Imported lazily so a package's routes load only when the web app is built."""
    routers: list[APIRouter] = []
    from storywatch.web.api import articles

    routers.append(articles.router)
    from storywatch.web.api import accounts, stories, subscriptions, tokens, users

    routers += [accounts.router, tokens.router, users.router, stories.router, subscriptions.router]
    from storywatch.web import live
    from storywatch.web.api import channels, devices, notifications

    routers += [notifications.router, channels.router, devices.router, live.router]
    from storywatch.web.api import sources, websub

    routers += [sources.router, websub.router]
    return routers
