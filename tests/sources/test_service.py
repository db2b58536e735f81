"""Sources service, API and CLI: discovery, health, OPML, admin-only changes."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from storywatch.app import Services
from storywatch.errors import Conflict, InvalidInput
from storywatch.sources import service
from storywatch.sources.cli import app as cli_app
from storywatch.sources.opml import OpmlFeed, parse_opml, render_opml
from storywatch.store import users as user_store
from tests.sources.test_poller import rss
from tests.support.httpserver import LocalServer, Response

PAGE = b"""<!doctype html><html><head><title>Site</title>
<link rel="stylesheet" href="/s.css">
<link rel="alternate" type="application/rss+xml" title="Main feed" href="/feed.xml">
<link rel="alternate" type="application/atom+xml" href="/atom.xml">
</head><body>Hello</body></html>"""

OPML = b"""<?xml version="1.0"?>
<opml version="2.0"><head><title>mine</title></head><body>
<outline text="World"><outline type="rss" text="A" xmlUrl="https://a.example/rss" htmlUrl="https://a.example/"/>
<outline type="rss" title="B" text="b" xmlUrl="https://b.example/feed"/></outline>
<outline type="rss" text="C" xmlUrl="https://c.example/atom"/>
<outline type="rss" text="dup" xmlUrl="https://c.example/atom"/>
<outline type="rss" text="bad" xmlUrl="ftp://d.example/x"/>
</body></opml>"""


async def test_adding_a_site_finds_its_feed(services: Services, local_server: LocalServer) -> None:
    local_server.route("/", Response(200, PAGE, {"Content-Type": "text/html"}))
    local_server.route("/feed.xml", Response(200, rss([("x", "X")])))
    source = await service.add_source(services, local_server.url("/"))
    assert source.url == local_server.url("/feed.xml")
    assert source.title == "Local news"
    with pytest.raises(Conflict):
        await service.add_source(services, local_server.url("/feed.xml"))
    local_server.route("/plain", Response(200, b"<html><body>no feeds</body></html>"))
    with pytest.raises(InvalidInput, match="names no feed"):
        await service.add_source(services, local_server.url("/plain"))


async def test_health_in_words(services: Services, local_server: LocalServer) -> None:
    local_server.route("/down", Response(500, b""))
    source = await service.add_source(services, local_server.url("/down"), discover_feed=False)
    (before,) = await service.list_sources(services)
    assert before.status == "new"
    from storywatch.sources.fetch import SafeFetcher
    from storywatch.sources.poller import Poller

    async with SafeFetcher(services.settings) as fetcher:
        await Poller(services, fetcher=fetcher).poll_source(source.id)
    (after,) = await service.list_sources(services)
    assert after.status == "failing"
    assert "Failing 1 time in a row: The server answered HTTP 500." in after.summary
    pinned = await service.set_poll_interval(services, source.id, 5)
    assert "polled every 5 s (pinned)" in service.health(pinned, services.clock()).summary


def test_opml_round_trip_and_refusals() -> None:
    feeds = parse_opml(OPML)
    assert [f.url for f in feeds] == [
        "https://a.example/rss",
        "https://b.example/feed",
        "https://c.example/atom",
        "ftp://d.example/x",
    ]
    assert feeds[0].category == "World"
    assert feeds[1].title == "B"
    again = parse_opml(render_opml(feeds))
    assert again == feeds
    bomb = b"""<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;">]>
<opml version="2.0"><body><outline text="&b;" xmlUrl="https://x/"/></body></opml>"""
    with pytest.raises(InvalidInput, match="refused"):
        parse_opml(bomb)
    with pytest.raises(InvalidInput, match="not an OPML"):
        parse_opml(b"<rss/>")
    with pytest.raises(InvalidInput, match="not well-formed"):
        parse_opml(b"<opml")
    assert render_opml([OpmlFeed("https://x/", "T & co")]).count(b"T &amp; co") == 2


async def test_import_and_export(services: Services) -> None:
    seen: list[tuple[int, int]] = []
    report = await service.import_opml(services, OPML, lambda d, t, _u: seen.append((d, t)))
    assert len(report.added) == 3
    assert report.failed[0][0] == "ftp://d.example/x"
    assert seen[-1] == (4, 4)
    again = await service.import_opml(services, OPML)
    assert len(again.existing) == 3
    exported = parse_opml(await service.export_opml(services))
    assert {f.url for f in exported} == set(report.added)


async def _token(services: Services, name: str, *, admin: bool) -> str:
    async with services.db.write() as conn:
        user = await user_store.create_user(conn, name, services.clock(), is_admin=admin)
        return await user_store.create_token(conn, user.id, services.clock(), name="t")


async def test_api_lists_for_users_and_changes_for_admins(
    services: Services, client: httpx.AsyncClient, local_server: LocalServer
) -> None:
    local_server.route("/feed.xml", Response(200, rss([("x", "X")])))
    admin = {"Authorization": f"Bearer {await _token(services, 'root', admin=True)}"}
    user = {"Authorization": f"Bearer {await _token(services, 'ann', admin=False)}"}
    assert (await client.get("/api/v1/sources")).status_code == 401
    denied = await client.post(
        "/api/v1/sources", json={"url": local_server.url("/feed.xml")}, headers=user
    )
    assert denied.status_code == 403
    made = await client.post(
        "/api/v1/sources", json={"url": local_server.url("/feed.xml")}, headers=admin
    )
    assert made.status_code == 201, made.text
    body = made.json()
    assert body["title"] == "Local news"
    assert body["status"] == "new"
    listed = (await client.get("/api/v1/sources", headers=user)).json()
    assert [s["url"] for s in listed] == [local_server.url("/feed.xml")]
    pinned = await client.patch(
        f"/api/v1/sources/{body['id']}", json={"poll_interval_seconds": 3}, headers=admin
    )
    assert pinned.json()["poll_interval_seconds"] == 3
    opml = await client.get("/api/v1/sources/opml", headers=user)
    assert local_server.url("/feed.xml").encode() in opml.content
    imported = await client.post(
        "/api/v1/sources/opml", content=OPML, headers={**admin, "Content-Type": "text/x-opml"}
    )
    assert len(imported.json()["added"]) == 3
    bad = await client.post("/api/v1/sources", json={"url": "ftp://x/"}, headers=admin)
    assert bad.status_code in (400, 422)
    assert bad.json()["error"]["message"]
    assert (await client.delete(f"/api/v1/sources/{body['id']}", headers=user)).status_code == 403
    assert (await client.delete(f"/api/v1/sources/{body['id']}", headers=admin)).status_code == 204
    missing = await client.delete(f"/api/v1/sources/{body['id']}", headers=admin)
    assert missing.status_code == 404


def test_cli_add_list_import_export_remove(tmp_path: Path, local_server: LocalServer) -> None:
    local_server.route("/feed.xml", Response(200, rss([("x", "X")])))
    runner = CliRunner()
    env = {"STORYWATCH_ALLOW_LOOPBACK": "1"}
    data = ["--data-dir", str(tmp_path / "d")]
    added = runner.invoke(cli_app, ["add", local_server.url("/feed.xml"), *data], env=env)
    assert added.exit_code == 0, added.output
    assert "Added source 1: Local news" in added.output
    listed = runner.invoke(cli_app, ["list", *data], env=env)
    assert "Not polled yet" in listed.output
    opml = tmp_path / "in.opml"
    opml.write_bytes(OPML)
    imported = runner.invoke(cli_app, ["import", str(opml), *data], env=env)
    assert "3 added, 0 already followed, 1 refused." in imported.output
    out = tmp_path / "out.opml"
    runner.invoke(cli_app, ["export", "-o", str(out), *data], env=env)
    assert len(parse_opml(out.read_bytes())) == 4
    removed = runner.invoke(cli_app, ["remove", "1", *data], env=env)
    assert "Removed source 1." in removed.output
    gone = runner.invoke(cli_app, ["remove", "1", *data], env=env)
    assert gone.exit_code == 1
    assert "no source 1" in gone.output


def test_text_that_is_not_an_address_is_refused_before_any_fetch() -> None:
    import pytest

    from storywatch.errors import InvalidInput
    from storywatch.sources.service import normalise_url

    for bad in ("not a url", "feeds", "ftp://example.com/feed"):
        with pytest.raises(InvalidInput):
            normalise_url(bad)
    assert normalise_url("example.com/feed.xml") == "https://example.com/feed.xml"
    assert normalise_url("http://localhost:8080/feed") == "http://localhost:8080/feed"
