"""Comparing what was submitted, and keeping the results for viewing.

:class:`Comparer` turns submitted accounts (text or uploaded bytes, never a path) into a
comparison, in worker processes (:mod:`.workers`), and keeps it in a
:class:`ReportStore`. Reports are kept in memory (the last ``Settings.keep_reports``),
so the app is for one analyst on their own machine. Each account may be at most
``Settings.max_bytes`` (default :data:`readouts.ingest.MAX_BYTES`); over it gives a
413. Three or more accounts go to :mod:`readouts.multi`.
"""

from __future__ import annotations

import json
import secrets
import threading
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any

import anyio

from ..embed import Embedder, get_embedder
from ..errors import InputError
from ..lexicon import Lexicon
from ..model import Comparison
from ..multi import SidesComparison
from ..report import render
from .errors import HTTPError
from .settings import Settings
from .submitted import Submitted, compare_submitted
from .workers import Job, WorkerPool, worker_config

__all__ = [
    "FORMATS",
    "MEDIA",
    "Comparer",
    "ReportStore",
    "Result",
]

FORMATS = {"json": "json", "md": "markdown", "html": "html"}
MEDIA = {
    "json": "application/json; charset=utf-8",
    "markdown": "text/markdown; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "terminal": "text/plain; charset=utf-8",
}


@dataclass(frozen=True)
class Result:
    """A comparison kept for viewing: two accounts, or several sides. Every rendering
    of it, the page and its twins, is :func:`readouts.report.render` of ``value``, as in
    the CLI."""

    id: str
    value: Comparison | SidesComparison
    accounts: tuple[str, ...]
    lexicon: Lexicon | None = None  # the one it was compared with: its labels are shown

    def render(self, fmt: str, **options: Any) -> str:
        return render(self.value, fmt, lexicon=self.lexicon, **options)

    def to_dict(self) -> dict[str, Any]:
        """The JSON report, as a dict."""
        return dict(json.loads(self.render("json")))

    def links(self) -> dict[str, str]:
        base = f"/report/{self.id}"
        return {
            "html": base,
            "json": base + ".json",
            "markdown": base + ".md",
            "download_json": base + ".json?download=1",
            "download_markdown": base + ".md?download=1",
            "download_html": base + ".html?download=1",
        }


class ReportStore:
    """The last ``size`` results, by id (thread-safe)."""

    def __init__(self, size: int):
        self.size = size
        self._items: OrderedDict[str, Result] = OrderedDict()
        self._lock = threading.Lock()

    def add(
        self,
        value: Comparison | SidesComparison,
        accounts: Sequence[str],
        lexicon: Lexicon | None = None,
    ) -> Result:
        result = Result(secrets.token_urlsafe(9), value, tuple(accounts), lexicon)
        with self._lock:
            self._items[result.id] = result
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return result

    def get(self, rid: str) -> Result:
        with self._lock:
            result = self._items.get(rid)
        if result is None:
            raise HTTPError(404, f"no report {rid!r} (reports are kept in memory for a while)")
        return result


class Comparer:
    """Turns submitted accounts into a stored result: in worker processes
    (:class:`~readouts.web.workers.WorkerPool`), or in this process's threads, one at a
    time, when ``Settings.in_process`` is set."""

    def __init__(self, settings: Settings, lexicon: Lexicon, embedder: Embedder | None):
        from ..lexicon import default_lexicon

        self.settings = settings
        self.lexicon = lexicon
        self._embedder = embedder
        self._lock = threading.Lock()
        self.store = ReportStore(settings.keep_reports)
        self.pool: WorkerPool | None = None
        if not settings.in_process:
            size = settings.worker_count
            config = worker_config(settings, embedder, lexicon, default_lexicon(), size)
            self.pool = WorkerPool(size, config, settings.time_budget)

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            name = self.settings.embedder
            self._embedder = get_embedder(name)
        return self._embedder

    def check(self, items: Sequence[Submitted]) -> None:
        """What can be refused here, before a worker is taken: the number of accounts."""
        if len(items) < 2:
            raise InputError("give at least two accounts to compare")
        if len(items) > self.settings.max_accounts:
            raise InputError(
                f"{len(items)} accounts; this app compares at most {self.settings.max_accounts}"
            )

    def compare(self, items: Sequence[Submitted], method: str = "readouts") -> Result:
        """Read and compare the accounts in this process (blocking: from a thread)."""
        self.check(items)
        with self._lock:
            value, ids = compare_submitted(
                items,
                method,
                self.lexicon,
                self.embedder,
                max_bytes=self.settings.max_bytes,
                fetch_seconds=self.settings.fetch_seconds,
            )
        return self.store.add(value, ids, self.lexicon)

    async def run(
        self,
        items: Sequence[Submitted],
        method: str = "readouts",
        is_disconnected: Callable[[], Awaitable[bool]] | None = None,
    ) -> Result:
        """Compare in a worker (within the time budget, stopped when
        ``is_disconnected()`` turns true), or in a thread of this process."""
        if self.pool is None:
            return await anyio.to_thread.run_sync(self.compare, items, method)
        self.check(items)
        value, ids = await self.pool.run(Job(tuple(items), method), is_disconnected=is_disconnected)
        return self.store.add(value, ids, self.lexicon)

    def close(self) -> None:
        """Stop the worker processes."""
        if self.pool is not None:
            self.pool.close()
