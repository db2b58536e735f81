"""`storywatch demo` as a newcomer runs it (what `make demo` does): a real process.

It prints the address to open and the command that shows the same notifications in a
terminal; both work: the page answers, and the printed `storywatch tail` command, run as
printed, receives the demo story's notifications while the story is released.
"""

from __future__ import annotations

import os
import re
import shlex
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

from tests.support.httpserver import free_port

STORYWATCH = [sys.executable, "-c", "from storywatch.cli import main; main()"]


class Lines:
    """A process's output, read on a thread, searchable while it runs."""

    def __init__(self, proc: subprocess.Popen[str]) -> None:
        self.text = ""
        self._lock = threading.Lock()
        assert proc.stdout is not None
        stream = proc.stdout
        threading.Thread(target=self._read, args=(stream,), daemon=True).start()

    def _read(self, stream: object) -> None:
        for line in stream:  # type: ignore[attr-defined]
            with self._lock:
                self.text += line

    def wait_for(self, pattern: str, seconds: float) -> re.Match[str]:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            with self._lock:
                found = re.search(pattern, self.text)
            if found:
                return found
            time.sleep(0.1)
        raise AssertionError(f"{pattern!r} not printed within {seconds} s; got:\n{self.text}")


def test_the_demo_prints_its_address_and_a_tail_command_that_works(tmp_path: Path) -> None:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("STORYWATCH_")} | {
        "COLUMNS": "250",
        "PYTHONUNBUFFERED": "1",
    }
    demo = subprocess.Popen(
        [*STORYWATCH, "demo", "--port", str(port), "--speed", "20"],
        cwd=tmp_path, env=env, text=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )  # fmt: skip
    tail: subprocess.Popen[str] | None = None
    try:
        out = Lines(demo)
        url = out.wait_for(r"open (http://127\.0\.0\.1:\d+)", 120).group(1)
        assert url == f"http://127.0.0.1:{port}"
        page = httpx.get(url, timeout=10, follow_redirects=True)
        assert page.status_code == 200 and "Storywatch" in page.text

        command = out.wait_for(r"(storywatch tail [^\n]+)", 5).group(1).strip()
        args = shlex.split(command)[1:]
        assert args[:3] == ["tail", "--data-dir", "storywatch-data/demo"]
        tail = subprocess.Popen(
            [*STORYWATCH, *args], cwd=tmp_path, env=env, text=True,
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        )  # fmt: skip
        followed = Lines(tail)
        # the demo user follows the harbor story; its first development arrives live
        followed.wait_for(r"Velmora", 150)
    finally:
        for proc in (tail, demo):
            if proc is not None and proc.poll() is None:
                proc.send_signal(signal.SIGINT)
        for proc in (tail, demo):
            if proc is not None:
                try:
                    proc.wait(30)
                except subprocess.TimeoutExpired:
                    proc.kill()
    assert demo.returncode == 0, out.text
