"""The worker pool: results in any order of completion, and one bad job fails alone.

Real worker processes (from the fork server), killed for real with ``os.kill``.
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from collections.abc import AsyncIterator

import pytest

from storywatch.pipeline.pool import JobError, PoolClosed, WorkerLost, WorkerPool, WorkerTimeout
from tests.pipeline import pool_jobs


@pytest.fixture
async def naps() -> AsyncIterator[WorkerPool[float, int]]:
    pool: WorkerPool[float, int] = WorkerPool(pool_jobs.nap, 2, timeout=5.0)
    await pool.start()
    yield pool
    await pool.aclose()


async def _busy_with(pool: WorkerPool[float, int], key: object) -> int:
    async with asyncio.timeout(10):
        while True:
            for pid, running in pool.busy().items():
                if running == key:
                    return pid
            await asyncio.sleep(0.01)


async def test_jobs_run_in_parallel_worker_processes() -> None:
    pool: WorkerPool[int, int] = WorkerPool(pool_jobs.square, 2)
    await pool.start()
    try:
        assert await asyncio.gather(*(pool.run(n) for n in range(20))) == [n * n for n in range(20)]
        assert len(pool.pids()) == 2 and os.getpid() not in pool.pids()
    finally:
        await pool.aclose()


async def test_a_killed_worker_fails_only_its_own_job(naps: WorkerPool[float, int]) -> None:
    doomed = asyncio.create_task(naps.run(30.0, key="doomed"))
    pid = await _busy_with(naps, "doomed")
    neighbour = asyncio.create_task(naps.run(0.3, key="neighbour"))
    os.kill(pid, signal.SIGKILL)
    with pytest.raises(WorkerLost, match="exit code -9"):
        await doomed
    assert await neighbour in naps.pids()  # the other job finished normally
    # the dead worker was replaced: the pool is back to full strength and works
    assert pid not in naps.pids() and len(naps.pids()) == 2
    assert await asyncio.gather(naps.run(0.0), naps.run(0.0))
    assert naps.stats.lost == 1


async def test_a_job_past_the_time_limit_is_stopped() -> None:
    pool: WorkerPool[float, int] = WorkerPool(pool_jobs.nap, 1, timeout=0.5)
    await pool.start()
    try:
        with pytest.raises(WorkerTimeout, match=r"longer than 0\.5 s"):
            await pool.run(30.0)
        assert isinstance(await pool.run(0.0), int)  # a fresh worker took over
        assert pool.stats.timeouts == 1
    finally:
        await pool.aclose()


async def test_an_exception_in_a_job_is_a_job_error_and_the_worker_stays() -> None:
    pool: WorkerPool[str, None] = WorkerPool(pool_jobs.fail, 1)
    await pool.start()
    try:
        pid = pool.pids()
        with pytest.raises(JobError, match="ValueError: bad input"):
            await pool.run("bad input")
        assert pool.pids() == pid
    finally:
        await pool.aclose()


async def test_a_result_that_cannot_travel_back_is_a_job_error() -> None:
    pool: WorkerPool[object, object] = WorkerPool(pool_jobs.unpicklable, 1)
    await pool.start()
    try:
        with pytest.raises(JobError, match="could not be sent back"):
            await pool.run(None)
    finally:
        await pool.aclose()


async def test_urgent_jobs_jump_the_queue(naps: WorkerPool[float, int]) -> None:
    order: list[str] = []

    async def run(name: str, *, urgent: bool = False) -> None:
        await naps.run(0.2, key=name, urgent=urgent)
        order.append(name)

    blockers = [asyncio.create_task(run(f"busy{i}")) for i in range(2)]
    await asyncio.sleep(0.05)  # both workers busy
    queued = [asyncio.create_task(run(f"q{i}")) for i in range(2)]
    await asyncio.sleep(0)
    first = asyncio.create_task(run("urgent", urgent=True))
    await asyncio.gather(*blockers, *queued, first)
    assert order.index("urgent") < order.index("q1")


async def test_closing_fails_what_has_not_run_and_stops_the_workers() -> None:
    pool: WorkerPool[float, int] = WorkerPool(pool_jobs.nap, 1)
    await pool.start()
    pids = pool.pids()
    running = asyncio.create_task(pool.run(30.0))
    waiting = asyncio.create_task(pool.run(0.0))
    await asyncio.sleep(0.1)
    await pool.aclose()
    for task in (running, waiting):
        with pytest.raises(PoolClosed):
            await task
    for pid in pids:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)
    with pytest.raises(PoolClosed):
        await pool.run(0.0)


async def test_workers_run_at_a_lower_priority_when_asked() -> None:
    pool: WorkerPool[float, int] = WorkerPool(pool_jobs.nap, 1, nice=5)
    await pool.start()
    try:
        pid = await pool.run(0.0)  # started and answering
        mine = os.getpriority(os.PRIO_PROCESS, 0)
        assert os.getpriority(os.PRIO_PROCESS, pid) == min(19, mine + 5)
    finally:
        await pool.aclose()


def test_the_process_stage_workers_start_with_the_extractors_set_up() -> None:
    # A fresh interpreter, so that its fork server starts with the stage's preload list
    # (this one's may have started already, for another test, without it).
    script = (
        "import asyncio\n"
        "from storywatch.pipeline.pool import WorkerPool\n"
        "from storywatch.pipeline.process import WORKER_PRELOAD\n"
        "from tests.pipeline import pool_jobs\n"
        "async def main():\n"
        "    pool = WorkerPool(pool_jobs.stoplists_loaded, 1, preload=WORKER_PRELOAD)\n"
        "    await pool.start()\n"
        "    try:\n"
        "        print(await pool.run(None))\n"
        "    finally:\n"
        "        await pool.aclose()\n"
        "asyncio.run(main())\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True
    )
    assert done.stdout.strip() == "True"


async def test_a_busy_worker_is_sent_its_next_job_ahead_and_a_death_hands_it_on() -> None:
    pool: WorkerPool[float, int] = WorkerPool(pool_jobs.nap, 2, timeout=5.0, ahead=True)
    await pool.start()
    try:
        while len(set(await asyncio.gather(pool.run(0.2), pool.run(0.2)))) < 2:
            pass  # until both workers are up (else both jobs go to the first, one ahead)
        before = pool.stats.jobs
        doomed = asyncio.create_task(pool.run(30.0, key="doomed"))
        pid = await _busy_with(pool, "doomed")
        others = [asyncio.create_task(pool.run(0.3, key=k)) for k in ("a", "b", "c")]
        await asyncio.sleep(0.1)
        # "a" runs on the other worker; "b" and "c" wait in the workers' pipes, one each
        assert pool.stats.jobs - before == 4
        os.kill(pid, signal.SIGKILL)
        with pytest.raises(WorkerLost):
            await doomed
        # the job sent ahead to the dead worker never started: another worker ran it
        answered = await asyncio.gather(*others)
        assert pid not in answered and pool.stats.lost == 1
    finally:
        await pool.aclose()


async def test_a_large_job_is_not_sent_ahead() -> None:
    pool: WorkerPool[tuple[float, bytes], int] = WorkerPool(pool_jobs.nap_with, 1, ahead=True)
    await pool.start()
    try:
        await pool.run((0.0, b""))  # the worker is up
        first = asyncio.create_task(pool.run((0.3, b"")))
        small = asyncio.create_task(pool.run((0.0, b"x" * 1000)))
        pickled = pool_jobs.CountedBytes.pickled
        large_bytes = pool_jobs.CountedBytes(200_000)
        large = asyncio.create_task(pool.run((0.0, large_bytes)))  # type: ignore[arg-type]
        after = [asyncio.create_task(pool.run((0.0, b""))) for _ in range(3)]
        await asyncio.sleep(0.1)
        assert pool.stats.jobs == 3  # and the first, and the small one sent ahead
        assert len(set(await asyncio.gather(first, small, large, *after))) == 1
        assert pool.stats.jobs == 7
        # looked at each time a job was added or answered, but pickled once
        assert pool_jobs.CountedBytes.pickled - pickled == 1
    finally:
        await pool.aclose()


async def test_closing_fails_the_job_sent_ahead_too() -> None:
    pool: WorkerPool[float, int] = WorkerPool(pool_jobs.nap, 1, ahead=True)
    await pool.start()
    await pool.run(0.0)  # the worker is up
    running = asyncio.create_task(pool.run(30.0))
    ahead = asyncio.create_task(pool.run(0.0))
    await asyncio.sleep(0.1)
    assert pool.stats.jobs == 3
    await pool.aclose()
    for task in (running, ahead):
        with pytest.raises(PoolClosed):
            await task
