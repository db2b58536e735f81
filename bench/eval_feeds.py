"""Robustness of the feed ingest path on the feedparser test corpus (issue 3, S1 and R1).

Every file of ``{data}/feedparser_tests`` is served by a real HTTP server on 127.0.0.1 with the
``Header:`` values its comment declares, fetched through :class:`SafeFetcher` and parsed with
:func:`storywatch.parse_feed`, and each item turned into an arriving article. We report:

- ``processed``: files that went through without a crash (a FeedError is a handled,
  readable outcome, not a crash); the goal is all of them;
- ``flagged``: files we flagged (``malformed`` or refused with FeedError);
- ``bozo_agree``: for cases whose expectation states ``bozo``/``not bozo``, how often our
  malformed flag agrees;
- ``expect_pass``: for well-formed cases whose expectation only uses fields our model has,
  the share that holds when evaluated on our model mapped to feedparser's names.

Titles are plain text in our model by design (they go into push notifications), so
expectations about markup inside titles are counted as not applicable, as are fields we do not
model (encoding, itunes, geo, detail types, xml:base values...).

    .venv/bin/python bench/eval_feeds.py --data ../shared/data
"""

from __future__ import annotations

import argparse
import ast
import asyncio
import datetime
import json
import os
import socket
import sys
import threading
import time
from collections import Counter, defaultdict
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from storywatch import parse_feed  # noqa: E402
from storywatch.errors import FeedError, FetchError  # noqa: E402
from storywatch.model import FeedEntry, ParsedFeed  # noqa: E402
from storywatch.settings import Settings  # noqa: E402
from storywatch.sources.entries import entry_to_incoming  # noqa: E402
from storywatch.sources.fetch import SafeFetcher  # noqa: E402

# paths into feedparser's result that our model carries (see _as_feedparser); list indexes
# are dropped ("entries[0]['tags'][1]['term']" is "entries.tags.term")
SUPPORTED_PATHS = {
    "feed.title", "feed.link", "feed.language", "feed.ttl",
    "entries.title", "entries.link", "entries.id", "entries.guid", "entries.summary",
    "entries.description", "entries.published_parsed", "entries.updated_parsed",
    "entries.language", "entries.authors.name", "entries.tags.term", "entries.enclosures.href",
    "entries.enclosures.type", "entries.enclosures.length", "entries.content.value",
    "entries", "feed", "entries.content", "entries.tags", "entries.enclosures",
    "entries.authors",
}  # fmt: skip
UNSUPPORTED_NAMES = {
    "encoding", "headers", "bozo_exception", "feedparser", "etag", "modified", "locals",
    "modified_parsed",
}  # fmt: skip


class _Server:
    def __init__(self, root: Path, headers: dict[str, list[tuple[str, str]]]) -> None:
        outer_root, outer_headers = root, headers

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *_: Any) -> None:
                pass

            def setup(self) -> None:
                super().setup()
                # headers and body go out in two writes: without this, Nagle's algorithm and
                # the client's delayed ACK add 40 ms to every response
                self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

            def do_GET(self) -> None:
                rel = self.path.lstrip("/")
                path = (outer_root / rel).resolve()
                if not path.is_file() or outer_root not in path.parents:
                    self.send_response(404)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                body = path.read_bytes()
                self.send_response(200)
                for name, value in outer_headers.get(rel, []):
                    if name.lower() != "content-length":
                        self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> _Server:
        self.thread.start()
        return self

    def __exit__(self, *_: Any) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def _split_header(line: str) -> tuple[str, str]:
    name, _, value = line.partition(":")
    return name.strip(), value.strip()


def _struct(value: datetime.datetime | None) -> Any:
    return value.utctimetuple() if value else None


def _entry_dict(e: FeedEntry) -> dict[str, Any]:
    content = [{"value": e.content_html}] if e.content_html else []
    summary = e.summary_html or e.content_html
    out: dict[str, Any] = {
        "title": e.title,
        "link": e.url,
        "links": [{"rel": "alternate", "href": e.url}] if e.url else [],
        "id": e.guid,
        "guid": e.guid,
        "summary": summary,
        "description": summary,
        "content": content,
        "published_parsed": _struct(e.published),
        "updated_parsed": _struct(e.updated or e.published),
        "tags": [{"term": c} for c in e.categories],
        "authors": [{"name": a} for a in e.authors],
        "enclosures": [
            {"href": x.url, "type": x.type, "length": str(x.length) if x.length else None}
            for x in e.enclosures
        ],
        "language": e.language,
    }
    return {k: v for k, v in out.items() if v not in (None, "", [])}


class _Obj(dict[str, Any]):
    """A dict that also answers attribute access, like feedparser's FeedParserDict."""

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError as exc:
            raise AttributeError(name) from exc


def _wrap(value: Any) -> Any:
    if isinstance(value, dict):
        return _Obj({k: _wrap(v) for k, v in value.items()})
    if isinstance(value, list):
        return [_wrap(v) for v in value]
    return value


def _as_feedparser(feed: ParsedFeed) -> dict[str, Any]:
    links = [{"rel": "hub", "href": h} for h in feed.hubs]
    if feed.self_url:
        links.append({"rel": "self", "href": feed.self_url})
    if feed.link:
        links.append({"rel": "alternate", "href": feed.link})
    fd = {
        "title": feed.title,
        "link": feed.link,
        "language": feed.language,
        "links": links,
        "ttl": str(feed.ttl_seconds // 60) if feed.ttl_seconds else None,
    }
    return {
        "bozo": int(feed.malformed),
        "feed": _wrap({k: v for k, v in fd.items() if v not in (None, "", [])}),
        "entries": [_wrap(_entry_dict(e)) for e in feed.entries],
        "version": feed.format,
        "datetime": datetime,
    }


def _path(node: ast.AST) -> str | None:
    """The dotted path of a subscript/attribute chain rooted at feed or entries."""
    keys: list[str] = []
    while True:
        if isinstance(node, ast.Subscript):
            if isinstance(node.slice, ast.Constant) and isinstance(node.slice.value, str):
                keys.append(node.slice.value)
            node = node.value
        elif isinstance(node, ast.Attribute):
            keys.append(node.attr)
            node = node.value
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            if node.func.attr == "get" and node.args and isinstance(node.args[0], ast.Constant):
                keys.append(str(node.args[0].value))
            node = node.func.value
        elif isinstance(node, ast.Name):
            if node.id not in ("feed", "entries"):
                return None
            return ".".join([node.id, *reversed(keys)])
        else:
            return None


def applies(expr: str) -> tuple[bool, str]:
    """Whether an expectation only uses fields our model carries (and why not)."""
    try:
        tree = ast.parse(expr, mode="eval")
    except SyntaxError:
        return False, "syntax"
    uses_title = False
    markup = False
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id in UNSUPPORTED_NAMES:
            return False, node.id
        if isinstance(node, ast.Subscript | ast.Attribute | ast.Call):
            path = _path(node)
            if path is not None and path not in SUPPORTED_PATHS and not path.endswith(".get"):
                return False, path
            uses_title = uses_title or (path or "").endswith(".title")
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            markup = markup or "<" in node.value or "&" in node.value
    if uses_title and markup:
        return False, "markup in a title"
    return True, ""


def _bozo_claim(expr: str) -> bool | None:
    text = expr.strip()
    if text.startswith("not bozo"):
        return False
    if text.startswith("bozo"):
        return True
    return None


async def run(data: Path, limit: int | None) -> dict[str, Any]:
    corpus = (data / "feedparser_tests").resolve()
    cases = [json.loads(line) for line in (corpus / "cases.jsonl").read_text().splitlines()]
    if limit:
        cases = cases[:limit]
    headers = {c["path"]: [_split_header(h) for h in c.get("headers", [])] for c in cases}
    stats: Counter[str] = Counter()
    per_folder: dict[str, Counter[str]] = defaultdict(Counter)
    failures: list[str] = []
    crashes: list[str] = []
    slowest = (0.0, "")
    settings = Settings(data_dir=Path(os.devnull).parent, allow_loopback=True)
    with _Server(corpus, headers) as server:
        async with SafeFetcher(settings) as fetcher:
            for case in cases:
                path = case["path"]
                folder = path.split("/")[0] + (
                    "/" + path.split("/")[1] if path.startswith("wellformed/") else ""
                )
                stats["files"] += 1
                per_folder[folder]["files"] += 1
                url = f"http://127.0.0.1:{server.port}/{path}"
                started = time.perf_counter()
                parsed: ParsedFeed | None = None
                try:
                    result = await fetcher.fetch(url, max_bytes=settings.max_feed_bytes)
                    result.raise_for_status()
                    # the corpus expects its documents at 127.0.0.1:8097 (its own harness)
                    doc_url = result.url.replace(f":{server.port}/", ":8097/")
                    parsed = parse_feed(result.body, doc_url, headers=result.headers)
                    for entry in parsed.entries:
                        entry_to_incoming(entry, parsed)
                    stats["processed"] += 1
                    per_folder[folder]["processed"] += 1
                    flagged = parsed.malformed
                except FeedError:
                    stats["processed"] += 1
                    per_folder[folder]["processed"] += 1
                    flagged = True
                except FetchError as exc:
                    crashes.append(f"{path}: fetch {exc}")
                    continue
                except Exception as exc:
                    crashes.append(f"{path}: {exc.__class__.__name__}: {exc}")
                    continue
                took = time.perf_counter() - started
                slowest = max(slowest, (took, path))
                stats["flagged"] += int(flagged)
                per_folder[folder]["flagged"] += int(flagged)
                claim = _bozo_claim(case["expect"])
                if claim is not None:
                    stats["bozo_cases"] += 1
                    stats["bozo_agree"] += int(claim == flagged)
                    if claim != flagged:
                        failures.append(f"{path}: bozo expected {claim}, flagged {flagged}")
                if not path.startswith("wellformed/") or parsed is None:
                    continue
                ok, _why = applies(case["expect"])
                if not ok:
                    stats["not_applicable"] += 1
                    continue
                stats["applicable"] += 1
                per_folder[folder]["applicable"] += 1
                env = _as_feedparser(parsed)
                try:
                    passed = bool(eval(case["expect"], {"__builtins__": {"len": len}}, env))
                except Exception:
                    passed = False
                stats["expect_pass"] += int(passed)
                per_folder[folder]["pass"] += int(passed)
                if not passed:
                    failures.append(f"{path}: {case['expect']}")
    return {
        "stats": stats,
        "folders": per_folder,
        "failures": failures,
        "crashes": crashes,
        "slowest": slowest,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--show-failures", action="store_true")
    args = parser.parse_args()
    started = time.perf_counter()
    out = asyncio.run(run(args.data, args.limit))
    s = out["stats"]
    print(f"{'folder':28} {'files':>6} {'processed':>9} {'flagged':>7} {'applic.':>7} {'pass':>5}")
    for folder, c in sorted(out["folders"].items()):
        print(
            f"{folder:28} {c['files']:6} {c['processed']:9} {c['flagged']:7} "
            f"{c['applicable']:7} {c['pass']:5}"
        )
    for crash in out["crashes"][:30]:
        print("CRASH", crash)
    if args.show_failures:
        for failure in out["failures"]:
            print("FAIL", failure)
    print(f"slowest file: {out['slowest'][1]} ({out['slowest'][0] * 1000:.0f} ms)")
    print(f"took {time.perf_counter() - started:.1f} s")
    processed_rate = s["processed"] / max(1, s["files"])
    bozo_rate = s["bozo_agree"] / max(1, s["bozo_cases"])
    expect_rate = s["expect_pass"] / max(1, s["applicable"])
    print(
        f"files={s['files']} processed={s['processed']} crashes={len(out['crashes'])} "
        f"flagged={s['flagged']} bozo_cases={s['bozo_cases']} applicable={s['applicable']} "
        f"not_applicable={s['not_applicable']} processed_rate={processed_rate:.4f} "
        f"bozo_agreement={bozo_rate:.4f} expect_pass_rate={expect_rate:.4f}"
    )


if __name__ == "__main__":
    main()
