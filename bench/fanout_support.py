"""Support for bench/fanout.py: the receivers, and starting and timing storywatch processes.

The receivers (a local push service, the live-stream clients) each run in a process of
their own (started by ``fanout.py`` through a hidden sub-command) on uvloop when it is
installed, and are kept as cheap as they can be: they share the machine's two cores with the
processes being measured, and every microsecond they spend is one those lose.
"""

# ruff: noqa: ASYNC240 - a benchmark driver reads files on purpose
from __future__ import annotations

import asyncio
import base64
import contextlib
import json
import os
import random
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

FANOUT = str(Path(__file__).resolve().with_name("fanout.py"))
ROOT = Path(__file__).resolve().parents[1]


def run_fast(main: Any) -> Any:
    """Run a coroutine on uvloop (installed with uvicorn[standard], and what ``storywatch``
    runs on); plain asyncio without it."""
    try:
        import uvloop
    except ImportError:
        return asyncio.run(main)
    return uvloop.run(main)


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of one process so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def family(pid: int) -> list[int]:
    """``pid`` and its child processes (the helpers a storywatch command started)."""
    found = [pid]
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found.append(int(entry.name))
    return found


def system_seconds(pids: list[int]) -> float:
    """The kernel's share of :func:`family_cpu` (system time: socket writes, mostly)."""
    total = 0.0
    for pid in pids:
        with contextlib.suppress(OSError):
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[12]) / os.sysconf("SC_CLK_TCK")
    return total


def family_cpu(pids: list[int]) -> float:
    total = 0.0
    for pid in pids:
        with contextlib.suppress(OSError):
            total += cpu_seconds(pid)
    return total


def _atomic_write(path: Path, text: str) -> None:
    """Write then rename, so a reader polling for the file never sees it half written."""
    partial = path.with_name(path.name + ".partial")
    partial.write_text(text)
    partial.replace(path)


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass
class DeviceKeys:
    """One receiving key pair shared by every benchmark device (sender cost is per message)."""

    private_pem: bytes
    p256dh: str
    auth: str

    @classmethod
    def make(cls) -> DeviceKeys:
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.asymmetric import ec

        key = ec.generate_private_key(ec.SECP256R1())
        public = key.public_key().public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
        )
        pem = key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        return cls(pem, _b64url(public), _b64url(os.urandom(16)))


async def _push_service(port_file: Path, keys_file: Path, decrypt_every: int) -> None:
    """A push service: HTTP/1.1 keep-alive, 201 for every POST, decrypts 1 in N payloads.

    Writes ``{"port"}`` to ``port_file`` when listening; on SIGUSR1 it writes its report
    (count, decrypted count, failures, receive time of each decrypted notification id) to
    ``port_file + ".report"``.
    """
    import signal

    import http_ece
    from cryptography.hazmat.primitives import serialization

    info = json.loads(keys_file.read_text())
    private = serialization.load_pem_private_key(info["pem"].encode(), password=None)
    auth = _b64url_decode(info["auth"])
    stats: dict[str, Any] = {"count": 0, "decrypted": 0, "failures": 0, "first": None, "last": None}
    received: dict[int, float] = {}

    def decrypt(body: bytes) -> None:
        try:
            plain = http_ece.decrypt(
                body, private_key=private, auth_secret=auth, version="aes128gcm"
            )
            received[int(json.loads(plain)["notification_id"])] = time.time()
            stats["decrypted"] += 1
        except Exception:
            stats["failures"] += 1

    class Proto(asyncio.Protocol):
        def connection_made(self, transport: asyncio.BaseTransport) -> None:
            self.t: Any = transport
            self.buf = b""

        def data_received(self, data: bytes) -> None:
            # Kept cheap on purpose: this server shares the 2 cores with the sender measured.
            self.buf += data
            answers = 0
            while True:
                end = self.buf.find(b"\r\n\r\n")
                if end < 0:
                    break
                head = self.buf[:end].lower()
                at = head.find(b"\r\ncontent-length:")
                length = 0
                if at >= 0:
                    stop = head.find(b"\r\n", at + 17)
                    length = int(head[at + 17 : stop if stop > 0 else None])
                if len(self.buf) < end + 4 + length:
                    break
                body = self.buf[end + 4 : end + 4 + length]
                self.buf = self.buf[end + 4 + length :]
                now = time.time()
                stats["count"] += 1
                stats["first"] = stats["first"] or now
                stats["last"] = now
                if decrypt_every and stats["count"] % decrypt_every == 0:
                    decrypt(body)
                answers += 1
            if answers:
                self.t.write(b"HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n" * answers)

    loop = asyncio.get_running_loop()
    server = await loop.create_server(Proto, "127.0.0.1", 0, backlog=4096)
    port = server.sockets[0].getsockname()[1]

    def report() -> None:
        out = {**stats, "received": received}
        _atomic_write(Path(str(port_file) + ".report"), json.dumps(out))

    loop.add_signal_handler(signal.SIGUSR1, report)
    _atomic_write(port_file, json.dumps({"port": port}))
    await asyncio.Event().wait()


class PushServiceProcess:
    """Starts the push service in its own process and reads its reports."""

    def __init__(self, keys: DeviceKeys, decrypt_every: int, tmp: Path) -> None:
        self.port_file = tmp / f"push-{os.getpid()}-{random.randrange(10**6)}.json"
        keys_file = tmp / "keys.json"
        keys_file.write_text(json.dumps({"pem": keys.private_pem.decode(), "auth": keys.auth}))
        self.proc = subprocess.Popen(
            [sys.executable, FANOUT, "_push_service", str(self.port_file), str(keys_file),
             str(decrypt_every)]
        )  # fmt: skip
        deadline = time.monotonic() + 20
        while not self.port_file.exists():
            if time.monotonic() > deadline:
                raise RuntimeError("push service did not start")
            time.sleep(0.02)
        self.port = int(json.loads(self.port_file.read_text())["port"])

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def report(self) -> dict[str, Any]:
        import signal

        target = Path(str(self.port_file) + ".report")
        target.unlink(missing_ok=True)
        self.proc.send_signal(signal.SIGUSR1)
        deadline = time.monotonic() + 10
        while True:
            try:
                data: dict[str, Any] = json.loads(target.read_text())
                data["received"] = {int(k): v for k, v in data["received"].items()}
                return data
            except (FileNotFoundError, json.JSONDecodeError):
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.02)

    def close(self) -> None:
        self.proc.kill()
        self.proc.wait()


# ----------------------------------------------------------------------------- SSE clients


async def sse_clients(
    port: int, tokens_file: str, connections: int, expect: int, out_file: str, go_file: str
) -> None:
    """Open ``connections`` live streams (tokens round-robin) and count events received.

    At most 64 handshakes are in flight at once (clients arrive over a few seconds, not in
    one instant); once every stream is open, ``go_file`` tells the publisher to start. Each
    stream is an ``asyncio.Protocol`` that counts ``event: notification`` markers as bytes
    arrive: no task, no reader, so counting costs the shared cores as little as possible.
    """
    loop = asyncio.get_running_loop()
    handshakes = asyncio.Semaphore(64)
    tokens = json.loads(Path(tokens_file).read_text())
    counts = {"events": 0, "connected": 0, "failed": 0}
    times: list[float] = []
    done = asyncio.Event()
    marker = b"event: notification"
    keep = len(marker) - 1

    class Counter(asyncio.Protocol):
        def __init__(self) -> None:
            self.head = b""
            self.tail = b""
            self.status: asyncio.Future[bool] = loop.create_future()

        def data_received(self, data: bytes) -> None:
            if not self.status.done():
                self.head += data
                if b"\r\n" not in self.head:
                    return
                self.status.set_result(b" 200 " in self.head.split(b"\r\n", 1)[0])
                data = self.head
            chunk = self.tail + data
            found = chunk.count(marker)
            if found:
                if not times:
                    times.append(time.perf_counter())
                counts["events"] += found
                if counts["events"] >= expect and not done.is_set():
                    times.append(time.perf_counter())
                    done.set()
            self.tail = chunk[-keep:]  # a marker split across reads, never twice

        def connection_lost(self, exc: Exception | None) -> None:
            if not self.status.done():
                self.status.set_result(False)

    transports: list[Any] = []

    async def one(i: int) -> None:
        async with handshakes:
            try:
                transport, proto = await loop.create_connection(Counter, "127.0.0.1", port)
            except OSError:
                counts["failed"] += 1
                return
            token = tokens[i % len(tokens)]
            transport.write(
                f"GET /api/v1/live HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                f"Authorization: Bearer {token}\r\nAccept: text/event-stream\r\n\r\n".encode()
            )
            transports.append(transport)
            if await proto.status:
                counts["connected"] += 1
            else:
                counts["failed"] += 1

    started = time.perf_counter()
    await asyncio.gather(*(one(i) for i in range(connections)))
    connect_seconds = time.perf_counter() - started
    _atomic_write(Path(go_file), "go")
    cpu = time.process_time()
    try:
        await asyncio.wait_for(done.wait(), 180)
    except TimeoutError:
        times.append(time.perf_counter())
    counts["cpu"] = round((time.process_time() - cpu) * 1e6)  # µs
    _atomic_write(Path(out_file), json.dumps({**counts, "connect_seconds": connect_seconds,
                                          "first": times[0] if times else None,
                                          "last": times[-1] if times else None}))  # fmt: skip
    os._exit(0)


# ----------------------------------------------------------------------------- storywatch processes


def service_env(data_dir: Path, **settings: Any) -> dict[str, str]:
    """The environment a ``storywatch`` process of the benchmark runs with."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("STORYWATCH_")}
    values = {
        "data_dir": data_dir,
        "allow_loopback": "true",
        "base_url": "http://bench.local",
        "vapid_subject": "mailto:bench@localhost",
        "delivery_user_per_hour": 1_000_000,
        "delivery_story_per_hour": 1_000_000,
        "delivery_concurrency": 256,
        "log_level": "WARNING",
        "uvloop": os.environ.get("FANOUT_UVLOOP", "true"),  # false: the plain asyncio loop
        **settings,
    }
    for name, value in values.items():
        if value is not None:
            env[f"STORYWATCH_{name.upper()}"] = str(value)
    return env


def start_storywatch(roles: Sequence[str], env: dict[str, str]) -> subprocess.Popen[bytes]:
    if os.environ.get("FANOUT_SERVER"):  # a stand-in (e.g. the same roles under a profiler)
        return subprocess.Popen([sys.executable, os.environ["FANOUT_SERVER"]], env=env)
    command = [str(ROOT / ".venv" / "bin" / "storywatch"), "worker"]
    if not Path(command[0]).exists():
        command = [sys.executable, "-c", "from storywatch.cli import main; main()", "worker"]
    for role in roles:
        command += ["--role", role]
    return subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)


async def wait_family(proc: subprocess.Popen[bytes], size: int, settle: float) -> list[int]:
    """The command's processes once all ``size`` exist, after ``settle`` seconds of start-up."""
    deadline = time.monotonic() + 60
    while True:
        pids = family(proc.pid)
        if len(pids) >= size or time.monotonic() > deadline:
            break
        await asyncio.sleep(0.1)
    await asyncio.sleep(settle)
    return family(proc.pid)


async def wait_listening(port: int, patience: float = 90.0) -> None:
    """Until something accepts connections on 127.0.0.1:``port``.

    A process's count says it exists, not that it serves: on a cold start (first run after
    a boot, imports read from disk) the web role took longer than the settle time, and every
    stream the clients opened was refused.
    """
    deadline = time.monotonic() + patience
    while True:
        try:
            _reader, writer = await asyncio.open_connection("127.0.0.1", port)
        except OSError as err:
            if time.monotonic() > deadline:
                waited = f"{patience:.0f} s"
                raise RuntimeError(f"nothing listens on port {port} after {waited}") from err
            await asyncio.sleep(0.2)
            continue
        writer.close()
        await writer.wait_closed()
        return


def stop_storywatch(proc: subprocess.Popen[bytes]) -> None:
    proc.terminate()
    try:
        proc.wait(30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


async def drop_prefix(bus: Any, prefix: str) -> None:
    keys = [k async for k in bus.redis.scan_iter(match=f"{prefix}:*")]
    if keys:
        await bus.redis.delete(*keys)


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


async def delivery_statuses(services: Any) -> dict[str, int]:
    import sqlalchemy as sa

    from storywatch.store.tables import deliveries

    async with services.db.read() as conn:
        rows = await conn.execute(
            sa.select(deliveries.c.status, sa.func.count()).group_by(deliveries.c.status)
        )
        return {str(r[0]): int(r[1]) for r in rows}
