"""The command line, run as a user runs it: a real process, a real data folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import sqlalchemy as sa

ROOT = Path(__file__).resolve().parents[2]
STORYWATCH = [sys.executable, "-m", "storywatch.cli"]


def run(*args: str, data_dir: Path, check: bool = True) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "STORYWATCH_DATA_DIR": str(data_dir), "COLUMNS": "200"}
    return subprocess.run(
        [*STORYWATCH, *args], capture_output=True, text=True, env=env, check=check, timeout=120
    )


def test_configuration_doc_is_generated_from_the_settings_table(tmp_path: Path) -> None:
    out = run("settings", "--markdown", data_dir=tmp_path).stdout
    assert out == (ROOT / "docs" / "configuration.md").read_text(), (
        "docs/configuration.md is stale: run "
        "`storywatch settings --markdown > docs/configuration.md`"
    )
    assert "STORYWATCH_ALLOW_PRIVATE_ADDRESSES" in out


def test_token_is_stable_and_valid(tmp_path: Path) -> None:
    first = run("token", data_dir=tmp_path).stdout.strip()
    second = run("token", data_dir=tmp_path).stdout.strip()
    assert first.startswith("sw_")
    assert first == second
    assert (tmp_path / "admin-token").stat().st_mode & 0o777 == 0o600


def test_subscribe_stores_a_query_and_rejects_a_bad_one(tmp_path: Path) -> None:
    ok = run("subscribe", '"harbor closure" OR Velmora', "--mode", "every", data_dir=tmp_path)
    assert "Subscribed" in ok.stdout
    bad = run("subscribe", "harbor AND (fire", data_dir=tmp_path, check=False)
    assert bad.returncode == 1
    assert "^" in bad.stderr  # points at the column
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'storywatch.db'}")
    with engine.connect() as conn:
        rows = list(conn.execute(sa.text("select query, mode from subscriptions")))
    assert rows == [('"harbor closure" OR Velmora', "every")]


def test_subscribe_preview_runs_on_an_empty_store(tmp_path: Path) -> None:
    out = run("subscribe", "--preview", "Velmora", data_dir=tmp_path).stdout
    assert "0 article(s) in the last 30 days" in out


def test_publish_reports_an_unreachable_server(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Velmora harbor reopened on Thursday.")
    result = run(
        "publish", str(article), "--title", "T", "--url", "https://x.example/a",
        "--server", "http://127.0.0.1:9", data_dir=tmp_path, check=False,
    )  # fmt: skip
    assert result.returncode == 1
    assert "could not reach Storywatch" in result.stderr
