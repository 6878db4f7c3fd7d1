"""Workers: comparisons run in worker processes, each within a time budget.

The web app never compares in its own process (unless ``Settings.in_process`` says so,
for tests): a :class:`WorkerPool` keeps ``Settings.workers`` processes (at most one per
core), each with the lexicon and the encoder loaded, and hands each comparison to an
idle one, first come first served. A heavy comparison (a 5 MB account) holds one
worker, so a small one waiting behind it waits only when every worker is busy: a
request never takes more than its share of the cores, and the event loop, which only
waits, keeps answering.

Each comparison has a time budget (``Settings.time_budget``, 60 s by default), counted
from the moment a worker starts on it (not the time spent waiting for one): past it,
its worker is killed and replaced, and the request gets a 503. A client that goes
away (closes the connection) gets the same: its worker is killed at once instead of
finishing work nobody will read. Reading the accounts (decoding, HTML, PDF) happens in
the worker too, so a hostile file costs a worker, never the server.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import pickle
import signal
import threading
import time
import traceback
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import anyio

from ..errors import ReadoutsError
from .errors import HTTPError
from .settings import cores

__all__ = ["ClientGone", "Job", "WorkerConfig", "WorkerPool", "cores", "worker_config"]

#: How long a waiting request sleeps between looks at its client and its worker.
_TICK = 0.05


class ClientGone(HTTPError):
    """The client closed the connection before its comparison was done."""

    def __init__(self) -> None:
        super().__init__(499, "the client went away; its comparison was stopped")


@dataclass(frozen=True)
class WorkerConfig:
    """What a worker loads once: the embedder (a registry name, or a pickled object),
    the lexicon (pickled, or None for the default one), encoder threads, the size limit
    of an account and the time limit of fetching one from its address."""

    embedder: str
    embedder_object: bytes | None
    lexicon: bytes | None
    threads: int
    max_bytes: int
    fetch_seconds: float = 30.0


@dataclass(frozen=True)
class Job:
    """One comparison: the submitted accounts and the method."""

    items: tuple[Any, ...]  # Submitted
    method: str


def _worker_main(conn: Any, config: WorkerConfig) -> None:
    """A worker process: load once, then compare job after job until the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the server's; it stops us
    from threadpoolctl import threadpool_limits

    from ..embed import USEEmbedder, get_embedder
    from ..lexicon import default_lexicon
    from .submitted import compare_submitted

    threadpool_limits(config.threads)
    lexicon = pickle.loads(config.lexicon) if config.lexicon else default_lexicon()
    embedder: Any = None
    failure: ReadoutsError | None = None
    try:
        if config.embedder_object is not None:
            embedder = pickle.loads(config.embedder_object)
        elif config.embedder == USEEmbedder.name:
            embedder = USEEmbedder(threads=config.threads)
        else:
            embedder = get_embedder(config.embedder or None)
        embedder.encode(["warm up the encoder"])
    except ReadoutsError as exc:  # ModelUnavailable: every job is told, as a 503
        failure = exc
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        conn.send(("started", None))  # the time budget runs from here, not from the queue
        try:
            if failure is not None:
                raise failure
            out: tuple[str, Any] = (
                "ok",
                compare_submitted(
                    job.items,
                    job.method,
                    lexicon,
                    embedder,
                    max_bytes=config.max_bytes,
                    fetch_seconds=config.fetch_seconds,
                ),
            )
        except ReadoutsError as exc:
            out = ("error", exc)
        except BaseException as exc:  # a bug: the server logs it and answers 500
            out = ("crash", f"{exc.__class__.__name__}: {exc}\n{traceback.format_exc()}")
        try:
            conn.send(out)
        except Exception as exc:  # the result would not pickle: say so rather than hang
            conn.send(("crash", f"cannot send the result back ({exc.__class__.__name__})"))


class _Worker:
    def __init__(self, ctx: Any, config: WorkerConfig):
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(
            target=_worker_main, args=(child, config), name="readouts-worker", daemon=True
        )
        self.process.start()
        child.close()

    def kill(self) -> None:
        with contextlib.suppress(Exception):
            self.conn.close()
        if self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=5)


class WorkerPool:
    """``size`` worker processes; :meth:`run` compares on an idle one (FIFO)."""

    def __init__(self, size: int, config: WorkerConfig, budget: float):
        self.size = size
        self.config = config
        self.budget = budget
        self._ctx = multiprocessing.get_context("spawn")
        self._idle: list[_Worker] = []
        self._all: set[_Worker] = set()
        self._waiting: deque[object] = deque()
        self._lock = threading.Lock()
        self._closed = False

    # ------------------------------------------------------------------ workers

    def start(self) -> None:
        """Start the workers now (they load the encoder while the server starts)."""
        with self._lock:
            if self._closed:
                return
            while len(self._all) < self.size:
                self._add()

    def _add(self) -> None:  # under the lock
        worker = _Worker(self._ctx, self.config)
        self._all.add(worker)
        self._idle.append(worker)

    def _retire(self, worker: _Worker) -> None:
        """Kill a worker (over budget, abandoned, or dead) and start its replacement."""
        worker.kill()
        with self._lock:
            self._all.discard(worker)
            if not self._closed:
                self._add()

    def _release(self, worker: _Worker) -> None:
        with self._lock:
            if worker in self._all:
                self._idle.append(worker)

    def close(self) -> None:
        """Kill every worker (the server is stopping)."""
        with self._lock:
            self._closed = True
            workers = list(self._all)
            self._all.clear()
            self._idle.clear()
        for w in workers:
            w.kill()

    @property
    def busy(self) -> int:
        with self._lock:
            return len(self._all) - len(self._idle)

    # ------------------------------------------------------------------ jobs

    def _take(self, ticket: object) -> _Worker | None:
        with self._lock:
            if self._closed:
                raise HTTPError(503, "the server is stopping")
            if self._waiting and self._waiting[0] is ticket and self._idle:
                self._waiting.popleft()
                return self._idle.pop()
        return None

    async def run(
        self,
        job: Job,
        *,
        is_disconnected: Callable[[], Awaitable[bool]] | None = None,
    ) -> Any:
        """The job's result from a worker; ``HTTPError`` 503 past the time budget,
        :class:`ClientGone` when ``is_disconnected()`` turns true; a library error
        raised in the worker is raised here."""
        self.start()
        deadline: float | None = None  # set when the worker starts on the job
        ticket = object()
        with self._lock:
            self._waiting.append(ticket)
        worker: _Worker | None = None
        done = False
        try:
            while worker is None:
                worker = self._take(ticket)
                if worker is None:
                    await self._wait(deadline, is_disconnected)
            worker.conn.send(job)
            while True:
                ready = await anyio.to_thread.run_sync(worker.conn.poll, _TICK)
                if ready:
                    kind, value = await anyio.to_thread.run_sync(worker.conn.recv)
                    if kind != "started":
                        break
                    deadline = time.monotonic() + self.budget
                    continue
                if not worker.process.is_alive():
                    raise HTTPError(500, "the comparison's worker process died (out of memory?)")
                await self._check(deadline, is_disconnected)
            done = True
        except (EOFError, OSError):
            if self._closed:
                raise HTTPError(503, "the server is stopping") from None
            raise HTTPError(500, "the comparison's worker process died (out of memory?)") from None
        finally:
            with self._lock:
                if ticket in self._waiting:
                    self._waiting.remove(ticket)
            if worker is not None:
                if done:
                    self._release(worker)
                else:  # over budget, client gone, cancelled (shutdown) or dead: kill it
                    self._retire(worker)
        if kind == "ok":
            return value
        if kind == "error":
            raise value
        raise RuntimeError(f"the comparison failed in its worker: {value}")

    async def _wait(
        self, deadline: float | None, is_disconnected: Callable[[], Awaitable[bool]] | None
    ) -> None:
        await anyio.sleep(_TICK / 5)
        await self._check(deadline, is_disconnected)

    async def _check(
        self, deadline: float | None, is_disconnected: Callable[[], Awaitable[bool]] | None
    ) -> None:
        if self._closed:
            raise HTTPError(503, "the server is stopping")
        if deadline is not None and time.monotonic() > deadline:
            raise HTTPError(
                503,
                f"the comparison took longer than the time budget of {self.budget:g} s "
                "and was stopped; try smaller accounts",
            )
        if is_disconnected is not None and await is_disconnected():
            raise ClientGone()


def worker_config(
    settings: Any, embedder: Any, lexicon: Any, default: Any, workers: int
) -> WorkerConfig:
    """What the workers load: the app's embedder and lexicon, by name where possible."""
    from ..embed import USEEmbedder

    blob = None
    name = settings.embedder or os.environ.get("READOUTS_EMBEDDER", USEEmbedder.name)
    if embedder is not None and not isinstance(embedder, USEEmbedder):
        blob = pickle.dumps(embedder)  # a test's FakeEmbedder, a custom one
    elif embedder is not None:
        name = embedder.name
    return WorkerConfig(
        embedder=name,
        embedder_object=blob,
        lexicon=None if lexicon is default else pickle.dumps(lexicon),
        threads=max(1, cores() // max(1, workers)),
        max_bytes=settings.max_bytes,
        fetch_seconds=settings.fetch_seconds,
    )
