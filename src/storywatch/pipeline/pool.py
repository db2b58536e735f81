"""A pool of worker processes for stateless CPU work, awaited from asyncio, one job per worker.

The process stage sends each article's extraction and understanding here
(:func:`storywatch.pipeline.work.prepare`), so that on a machine with several cores the
heavy part of many articles runs at once, beside the consumer that decides stories.

Why not :class:`concurrent.futures.ProcessPoolExecutor`: when one of its workers dies, it
marks the whole pool broken and fails every job in flight, so one poisonous page would fail
its innocent neighbours; and it cannot stop one job that runs too long, since killing the
worker breaks the pool the same way. Here each worker runs one job at a time over its own
pipe, so the pool always knows which job a worker holds:

- a worker that dies (a crash in a C library, the out-of-memory killer, ``kill -9``) fails
  only the job it was running, with :class:`WorkerLost`, and is replaced;
- a job running longer than ``timeout`` seconds has its worker killed and fails with
  :class:`WorkerTimeout`; the worker is replaced;
- an exception inside the job fails that job with :class:`JobError`; the worker goes on.

``gc_thresholds`` sets the workers' garbage collector (:func:`gc.set_threshold`): a job
that builds many short-lived objects and keeps none needs few collections.

``nice`` lowers the workers' scheduling priority: when the cores are busy, the process that
waits for their results (and, in a one-process deployment, serves the web app) goes first.

``ahead`` sends each busy worker its next job while it runs one, so that it starts on it the
moment it answers: otherwise a worker that finishes while the awaiting process is busy (the
process stage's consumer deciding stories, ~2 ms an article) waits idle until that process
reads its answer and sends it more, and on a machine with as many workers as cores a core
idles meanwhile. The job sent ahead still counts as not started: if the worker dies, it goes
back to the head of the queue for another worker, and the time limit runs from when the
worker reaches it. Only a job whose message is small (:data:`AHEAD_MAX_BYTES`) is sent
ahead, since writing a larger one could block until the worker reads it. The price: an
``urgent`` job can jump the queue but not a job already sent ahead, so it may wait for one
more job to finish.

Workers are started from a fork server (``forkserver``; ``spawn`` where there is none) that
has imported ``preload`` once, so a worker starts in milliseconds, shares the imported code
pages, and never inherits the parent's threads, sockets or database connections.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import multiprocessing
import os
import pickle
import signal
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.context import ForkServerContext, SpawnContext
from multiprocessing.process import BaseProcess
from multiprocessing.reduction import ForkingPickler
from typing import Any, Generic, TypeVar

from storywatch.errors import StorywatchError

log = logging.getLogger(__name__)

J = TypeVar("J")
R = TypeVar("R")

#: Largest job message sent to a worker before it has finished the job it runs: well within
#: the socket's buffer, so that writing it never waits for the worker (``ahead``).
AHEAD_MAX_BYTES = 64 * 1024


class WorkerLost(StorywatchError):
    """The worker process running the job died."""

    code = "worker_lost"


class WorkerTimeout(StorywatchError):
    """The job ran past the pool's time limit; its worker was killed."""

    code = "worker_timeout"


class JobError(StorywatchError):
    """The job raised inside the worker (the message names the exception)."""

    code = "job_error"


class PoolClosed(StorywatchError):
    """The pool was closed before the job ran."""

    code = "pool_closed"


def _serve(
    conn: Connection,
    fn: Callable[[Any], Any],
    nice: int = 0,
    gc_thresholds: tuple[int, int, int] | None = None,
) -> None:
    """A worker's life: say it is ready; then receive a job, run it, send ``(kind, value)``
    back ("ok" with the result, "error" with the exception), until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when workers stop
    if nice:
        os.nice(nice)
    if gc_thresholds is not None:
        gc.set_threshold(*gc_thresholds)
    try:
        conn.send(("ready", None))  # jobs are sent (and timed) only from here on
    except OSError:
        return
    while True:
        try:
            kind, job = conn.recv()
        except (EOFError, OSError):
            return
        if kind == "stop":
            return
        try:
            reply: tuple[str, Any] = ("ok", fn(job))
        except Exception as exc:
            reply = ("error", f"{type(exc).__name__}: {exc}")
        try:
            conn.send(reply)
        except (pickle.PicklingError, TypeError, AttributeError) as exc:
            conn.send(("error", f"the result could not be sent back: {exc}"))
        except OSError:
            return


@dataclass(eq=False, slots=True)
class _Pending:
    payload: Any
    future: asyncio.Future[Any]
    key: object
    message: bytes | None = None  # the job pickled, once ``ahead`` has had to look at its size


@dataclass(eq=False, slots=True)
class _Worker:
    process: BaseProcess
    conn: Connection
    job: _Pending | None = None  # the job it runs
    next: _Pending | None = None  # the job sent ahead, waiting in its pipe (``ahead``)
    started: float = 0.0  # when it started on ``job``
    timed_out: bool = False
    ready: bool = False  # it said so: it imported what it needs and waits for a job


@dataclass(slots=True)
class PoolStats:
    started: int = 0
    jobs: int = 0
    lost: int = 0
    timeouts: int = 0


def _context() -> ForkServerContext | SpawnContext:
    if "forkserver" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("forkserver")
    return multiprocessing.get_context("spawn")


class WorkerPool(Generic[J, R]):
    """``workers`` processes running ``fn``; :meth:`run` awaits one job's result.

    Jobs run in the order they are submitted (``urgent`` ones first). Call :meth:`start`
    inside the event loop that will await the jobs, and :meth:`aclose` when done.
    """

    def __init__(
        self,
        fn: Callable[[J], R],
        workers: int,
        *,
        timeout: float = 60.0,
        preload: Sequence[str] = (),
        nice: int = 0,
        gc_thresholds: tuple[int, int, int] | None = None,
        ahead: bool = False,
    ) -> None:
        if workers < 1:
            raise ValueError("a worker pool needs at least one worker")
        self.fn = fn
        self.workers = workers
        self.timeout = timeout
        self.preload = tuple(preload)
        self.nice = nice
        self.gc_thresholds = gc_thresholds
        self.ahead = ahead
        self.stats = PoolStats()
        self._ctx = _context()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._workers: list[_Worker] = []
        self._queue: deque[_Pending] = deque()
        self._watchdog: asyncio.Task[None] | None = None
        self._closed = False

    async def start(self) -> None:
        """Start the worker processes (the first start also starts the fork server)."""
        if self._loop is not None:
            return
        self._loop = asyncio.get_running_loop()
        if self._ctx.get_start_method() == "forkserver" and self.preload:
            self._ctx.set_forkserver_preload(list(self.preload))
        # starting the fork server imports ``preload``: seconds, so not on the event loop
        started = await asyncio.to_thread(lambda: [self._spawn() for _ in range(self.workers)])
        for worker in started:
            self._adopt(worker)
        self._watchdog = asyncio.create_task(self._watch(), name="worker-pool-watchdog")

    def _spawn(self) -> _Worker:
        parent, child = self._ctx.Pipe(duplex=True)
        process = self._ctx.Process(
            target=_serve,
            args=(child, self.fn, self.nice, self.gc_thresholds),
            daemon=True,
            name="storywatch-worker",
        )
        process.start()
        child.close()  # the worker holds the only other end: its death reads as EOF here
        self.stats.started += 1
        return _Worker(process, parent)

    def _adopt(self, worker: _Worker) -> None:
        assert self._loop is not None
        self._workers.append(worker)
        self._loop.add_reader(worker.conn.fileno(), self._readable, worker)

    def pids(self) -> list[int]:
        """Process ids of the current workers."""
        return [w.process.pid for w in self._workers if w.process.pid is not None]

    def busy(self) -> dict[int, object]:
        """Process id → key of the job each busy worker is running."""
        return {
            w.process.pid: w.job.key
            for w in self._workers
            if w.job is not None and w.process.pid is not None
        }

    async def run(self, job: J, *, key: object = None, urgent: bool = False) -> R:
        """Run ``job`` in a worker; raises WorkerLost, WorkerTimeout, JobError or PoolClosed."""
        if self._closed or self._loop is None:
            raise PoolClosed("the worker pool is not running")
        pending = _Pending(job, self._loop.create_future(), key)
        if urgent:
            self._queue.appendleft(pending)
        else:
            self._queue.append(pending)
        self._dispatch()
        result: R = await pending.future
        return result

    # ------------------------------------------------------------------ inside the loop

    def _dispatch(self) -> None:
        idle = [w for w in self._workers if w.job is None and w.ready]
        while self._queue and idle and not self._closed:
            pending = self._queue.popleft()
            if pending.future.done():  # cancelled while it waited
                continue
            worker = idle.pop()
            try:
                if pending.message is not None:
                    worker.conn.send_bytes(pending.message)
                    pending.message = None
                else:
                    worker.conn.send(("job", pending.payload))
            except (pickle.PicklingError, TypeError, AttributeError) as exc:
                pending.future.set_exception(JobError(f"the job could not be sent: {exc}"))
                idle.append(worker)
                continue
            except OSError:
                self._queue.appendleft(pending)  # not the job's fault: another worker takes it
                self._replace(worker)
                idle = [w for w in self._workers if w.job is None and w.ready]
                continue
            worker.job = pending
            worker.started = time.monotonic()
            self.stats.jobs += 1
        if self.ahead:
            self._send_ahead()

    def _send_ahead(self) -> None:
        """Give each busy worker its next job now (see ``ahead`` in the module docstring)."""
        for worker in self._workers:
            if not self._queue or self._closed:
                return
            if worker.job is None or worker.next is not None:
                continue
            pending = self._queue[0]
            if pending.future.done():  # cancelled while it waited
                self._queue.popleft()
                continue
            if pending.message is None:  # pickled once: the head may be looked at often
                try:
                    pending.message = bytes(ForkingPickler.dumps(("job", pending.payload)))
                except (pickle.PicklingError, TypeError, AttributeError):
                    return  # left for an idle worker, whose send reports the error on the job
            if len(pending.message) > AHEAD_MAX_BYTES:
                return  # the queue's head waits for an idle worker; order is kept
            try:
                worker.conn.send_bytes(pending.message)
            except OSError:
                return  # a dead worker: its end of file arrives through _readable
            pending.message = None
            self._queue.popleft()
            worker.next = pending
            self.stats.jobs += 1

    def _readable(self, worker: _Worker) -> None:
        try:
            kind, value = worker.conn.recv()
        except (EOFError, OSError, pickle.UnpicklingError):
            self._replace(worker)
            self._dispatch()
            return
        if kind == "ready":
            worker.ready = True
        else:
            pending, worker.job, worker.next = worker.job, worker.next, None
            if worker.job is not None:  # it started on the job sent ahead
                worker.started = time.monotonic()
            if pending is not None and not pending.future.done():
                if kind == "ok":
                    pending.future.set_result(value)
                else:
                    pending.future.set_exception(JobError(str(value)))
        self._dispatch()

    def _replace(self, worker: _Worker) -> None:
        """Retire a dead (or killed) worker, fail the job it held, start another."""
        assert self._loop is not None
        self._loop.remove_reader(worker.conn.fileno())
        worker.conn.close()
        if worker in self._workers:
            self._workers.remove(worker)
        worker.process.join(1.0)
        code = worker.process.exitcode
        pending, worker.job = worker.job, None
        if worker.next is not None:  # sent ahead, never started: another worker runs it
            self._queue.appendleft(worker.next)
            worker.next = None
        if pending is not None and not pending.future.done():
            if worker.timed_out:
                self.stats.timeouts += 1
                error: StorywatchError = WorkerTimeout(
                    f"processing took longer than {self.timeout:g} s; the worker was stopped"
                )
            else:
                self.stats.lost += 1
                error = WorkerLost(f"the worker process died while processing (exit code {code})")
            pending.future.set_exception(error)
        log.warning(
            "worker process %s ended (exit code %s); starting another", worker.process.pid, code
        )
        if not self._closed:
            self._adopt(self._spawn())

    async def _watch(self) -> None:
        period = max(0.05, min(1.0, self.timeout / 4))
        while not self._closed:
            await asyncio.sleep(period)
            now = time.monotonic()
            for worker in list(self._workers):
                late = now - worker.started > self.timeout
                if worker.job is not None and not worker.timed_out and late:
                    worker.timed_out = True
                    worker.process.kill()  # its EOF arrives through _readable

    # ------------------------------------------------------------------ closing

    async def aclose(self) -> None:
        """Stop every worker (politely, then by force) and fail what has not run."""
        if self._closed:
            return
        self._closed = True
        if self._watchdog is not None:
            self._watchdog.cancel()
            await asyncio.gather(self._watchdog, return_exceptions=True)
        for pending in self._queue:
            if not pending.future.done():
                pending.future.set_exception(PoolClosed("the worker pool was closed"))
        self._queue.clear()
        workers, self._workers = self._workers, []
        for worker in workers:
            if self._loop is not None:
                self._loop.remove_reader(worker.conn.fileno())
            with contextlib.suppress(OSError):
                worker.conn.send(("stop", None))
            for held in (worker.job, worker.next):
                if held is not None and not held.future.done():
                    held.future.set_exception(PoolClosed("the worker pool was closed"))
        await asyncio.to_thread(_join_all, [w.process for w in workers], 2.0)
        for worker in workers:
            worker.conn.close()


def _join_all(processes: list[BaseProcess], grace: float) -> None:
    deadline = time.monotonic() + grace
    for process in processes:
        process.join(max(0.0, deadline - time.monotonic()))
        if process.is_alive():
            process.kill()
            process.join(1.0)
