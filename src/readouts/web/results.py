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
import re
import secrets
import threading
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any

import anyio
from starlette.datastructures import UploadFile as StarletteUploadFile

from ..embed import Embedder, get_embedder
from ..errors import InputError, ReadoutsError, TooLargeError
from ..fetch import fetch_account
from ..ingest import account_from_bytes
from ..lexicon import Lexicon
from ..model import Account, Comparison
from ..report import render
from .errors import HTTPError
from .settings import Settings
from .workers import Job, WorkerPool, worker_config

__all__ = [
    "FORMATS",
    "MEDIA",
    "Comparer",
    "ReportStore",
    "Result",
    "Submitted",
    "basename",
    "compare_submitted",
    "read_upload",
    "slug",
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
    """A comparison kept for viewing: two accounts (``pair``) or several sides."""

    id: str
    value: Any  # a Comparison, or readouts.multi's result
    accounts: tuple[str, ...]

    @property
    def is_pair(self) -> bool:
        return isinstance(self.value, Comparison)

    def render(self, fmt: str, **options: Any) -> str:
        if self.is_pair:
            return render(self.value, fmt, **options)
        from ..multi import render_sides

        return render_sides(self.value, fmt, **options)

    def to_dict(self) -> dict[str, Any]:
        if hasattr(self.value, "to_dict"):
            return dict(self.value.to_dict())
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

    def add(self, value: Any, accounts: Sequence[str]) -> Result:
        result = Result(secrets.token_urlsafe(9), value, tuple(accounts))
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


@dataclass(frozen=True)
class Submitted:
    """One account as received: bytes with a name (a file, or pasted text), or the
    http(s) address of a page to fetch (``url``, with no bytes)."""

    data: bytes
    name: str
    party: str = ""
    id: str | None = None
    language: str | None = None
    url: str = ""


def slug(value: str) -> str:
    """An id from a name: letters, digits, ``_``, ``.`` and ``-``, at most 64 characters,
    cut at a word boundary rather than mid-word."""
    out = re.sub(r"[^A-Za-z0-9_.-]+", "_", value).strip("_.")
    if len(out) > 64:
        cut = out[:64]
        at = max(cut.rfind("-"), cut.rfind("_"))
        out = (cut[:at] if at >= 32 else cut).rstrip("_.-")
    return out


def basename(filename: str) -> str:
    """The last part of an uploaded file's name: a label and a format hint, never a path."""
    name = PureWindowsPath(PurePosixPath(filename).name).name
    return name.strip()[:255]


def _accounts(
    items: Sequence[Submitted], max_bytes: int, fetch_seconds: float = 30.0
) -> list[Account]:
    """The submitted accounts read (an address fetched within ``fetch_seconds``); every
    error names the account (``account 2 (china.txt)``), so a user knows which of the
    accounts is at fault."""
    out: list[Account] = []
    used: set[str] = set()
    for n, item in enumerate(items, start=1):
        where = f"account {n} ({item.name})" if item.name else f"account {n}"
        if item.url:
            try:
                account = fetch_account(
                    item.url,
                    party=item.party,
                    language=item.language,
                    timeout=fetch_seconds,
                    max_bytes=max_bytes,
                )
            except ReadoutsError as exc:
                exc.path = where
                raise
            base, k = item.id or account.id, 2
            ident = base
            while ident in used:
                ident, k = f"{base}_{k}", k + 1
            used.add(ident)
            out.append(replace(account, id=ident))
            continue
        if len(item.data) > max_bytes:
            raise TooLargeError(
                f"{len(item.data):,} bytes; the limit is {max_bytes:,}", path=where, stage="ingest"
            )
        stem = slug(PurePosixPath(item.name).stem)
        base = item.id or (stem if stem and not stem.isdigit() else f"account{n}")
        ident, k = base, 2
        while ident in used:
            ident, k = f"{base}_{k}", k + 1
        used.add(ident)
        try:
            account = account_from_bytes(
                item.data,
                name=item.name or f"{ident}.txt",
                id=ident,
                party=item.party,
                language=item.language,
            )
        except ReadoutsError as exc:
            exc.path = where
            raise
        out.append(account)
    return out


def compare_submitted(
    items: Sequence[Submitted],
    method: str,
    lexicon: Lexicon,
    embedder: Embedder,
    *,
    max_bytes: int,
    fetch_seconds: float = 30.0,
) -> tuple[Any, list[str]]:
    """(comparison, account ids) of the submitted accounts: two compared as a pair,
    three or more by readouts.multi (accounts with the same party form one side, an
    account with no party is a side of its own). Runs in a worker process."""
    accounts = _accounts(items, max_bytes, fetch_seconds)
    ids = [a.id for a in accounts]
    if len(accounts) == 2:
        from ..compare import compare

        return compare(
            accounts[0], accounts[1], lexicon=lexicon, embedder=embedder, method=method
        ), ids
    from ..multi import compare_sides

    sides: dict[str, list[Account]] = {}
    for account, item in zip(accounts, items, strict=True):
        sides.setdefault(item.party.strip() or account.id, []).append(account)
    return compare_sides(sides, lexicon=lexicon, embedder=embedder), ids


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
        return self.store.add(value, ids)

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
        return self.store.add(value, ids)

    def close(self) -> None:
        """Stop the worker processes."""
        if self.pool is not None:
            self.pool.close()


async def read_upload(upload: StarletteUploadFile, limit: int, n: int) -> bytes:
    data = await upload.read(limit + 1)
    if len(data) > limit:
        raise TooLargeError(
            f"account {n} is over the limit of {limit:,} bytes",
            path=basename(upload.filename or "") or None,
            stage="ingest",
        )
    return data
