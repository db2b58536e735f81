"""Helpers for the browser tests: the live app with users and a story, Chromium, axe-core."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from datetime import timedelta
from pathlib import Path
from typing import Any

from playwright.sync_api import Page

from storywatch.app import Services
from tests.web.conftest import make_users
from tests.web.seed import seed_story

ROOT = Path(__file__).resolve().parents[2]
# docs/screenshots/ on a developer's machine, where `make test` refreshes the committed
# pictures; a scratch folder under CI, whose clone must stay as it was checked out (the
# subscriptions page's live preview can render a few pixels differently run to run).
SCREENSHOTS = (
    Path(tempfile.gettempdir()) / "storywatch-screenshots"
    if os.environ.get("CI")
    else ROOT / "docs" / "screenshots"
)
AXE_CACHE = Path(__file__).parent / ".cache"
AXE_FILE = AXE_CACHE / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def axe_script() -> Path:
    """axe-core from the npm registry, installed once into the tests' cache folder."""
    if not AXE_FILE.exists():
        npm = shutil.which("npm")
        if npm is None:
            raise RuntimeError("npm is needed to install axe-core for the accessibility checks")
        AXE_CACHE.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [npm, "install", "--no-save", "--no-audit", "--no-fund", "--prefix", str(AXE_CACHE),
             "axe-core@4"],
            check=True,
            timeout=300,
        )  # fmt: skip
    return AXE_FILE


async def setup_app(services: Services) -> dict[str, Any]:
    ids, tokens = await make_users(services)
    now = services.clock()
    async with services.db.write() as conn:
        story = await seed_story(conn, now - timedelta(days=2))
    return {"ids": ids, "tokens": tokens, "story": story}


def accessibility_problems(page: Page) -> list[str]:
    """axe-core's serious and critical violations on the page, as readable lines."""
    page.add_script_tag(path=str(axe_script()))
    found: list[dict[str, Any]] = page.evaluate(
        """async () => {
            const result = await axe.run(document, {
                runOnly: {
                    type: "tag",
                    values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
                },
            });
            return result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                targets: v.nodes.slice(0, 3).map(n => n.target.join(" ")),
            }));
        }"""
    )
    return [
        f"{v['impact']}: {v['id']} ({v['help']}) at {v['targets']}"
        for v in found
        if v["impact"] in {"serious", "critical"}
    ]


def screenshot(page: Page, name: str) -> list[Path]:
    """The page at phone and desktop widths, into docs/screenshots/ (a scratch folder under
    CI: see ``SCREENSHOTS``).

    An API token's prefix is random on every run; it is shown as a fixed one, so the
    committed screenshots change only when the pages do."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.evaluate(_STEADY_TOKENS)
    written = []
    for label, size in (("phone", PHONE), ("desktop", DESKTOP)):
        page.set_viewport_size(size)
        page.wait_for_timeout(150)
        path = SCREENSHOTS / f"{name}-{label}.png"
        page.screenshot(path=str(path), full_page=True)
        written.append(path)
    page.set_viewport_size(DESKTOP)
    return written


_STEADY_TOKENS = """() => {
    for (const c of document.querySelectorAll("code")) {
        if (/^sw_[A-Za-z0-9_-]+…$/.test(c.textContent)) c.textContent = "sw_Xk3v9Q2m…";
    }
}"""
