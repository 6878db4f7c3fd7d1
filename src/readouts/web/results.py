"""Comparing what was submitted, and keeping the results for viewing.

:class:`Comparer` turns submitted accounts (text or uploaded bytes, never a path) into a
comparison, one at a time, and keeps it in a :class:`ReportStore`. Reports are kept in
memory (the last ``Settings.keep_reports``), so the app is for one analyst on their own
machine. Each account may be at most ``Settings.max_bytes`` (default
:data:`readouts.ingest.MAX_BYTES`); over it gives a 413. Three or more accounts go to
:mod:`readouts.multi` when it is installed.
"""

from __future__ import annotations

import json
import re
import secrets
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any

import anyio
from starlette.datastructures import UploadFile as StarletteUploadFile

from ..embed import Embedder, get_embedder
from ..errors import InputError, TooLargeError
from ..fetch import fetch_account
from ..ingest import account_from_bytes
from ..lexicon import Lexicon
from ..model import Account, Comparison
from ..report import render
from .errors import HTTPError
from .settings import Settings

__all__ = [
    "FORMATS",
    "MEDIA",
    "Comparer",
    "ReportStore",
    "Result",
    "Submitted",
    "basename",
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


class Comparer:
    """Turns submitted accounts into a stored result; one comparison runs at a time."""

    def __init__(self, settings: Settings, lexicon: Lexicon, embedder: Embedder | None):
        self.settings = settings
        self.lexicon = lexicon
        self._embedder = embedder
        self._lock = threading.Lock()
        self.store = ReportStore(settings.keep_reports)

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            name = self.settings.embedder
            self._embedder = get_embedder(name)
        return self._embedder

    def accounts(self, items: Sequence[Submitted]) -> list[Account]:
        if len(items) < 2:
            raise InputError("give at least two accounts to compare")
        if len(items) > self.settings.max_accounts:
            raise InputError(
                f"{len(items)} accounts; this app compares at most {self.settings.max_accounts}"
            )
        out: list[Account] = []
        used: set[str] = set()
        for n, item in enumerate(items, start=1):
            if item.url:
                account = fetch_account(
                    item.url,
                    party=item.party,
                    language=item.language,
                    timeout=self.settings.fetch_seconds,
                    max_bytes=self.settings.max_bytes,
                )
                base, k = item.id or account.id, 2
                ident = base
                while ident in used:
                    ident, k = f"{base}_{k}", k + 1
                used.add(ident)
                out.append(replace(account, id=ident))
                continue
            if len(item.data) > self.settings.max_bytes:
                raise TooLargeError(
                    f"account {n} is {len(item.data):,} bytes; the limit is "
                    f"{self.settings.max_bytes:,}",
                    path=item.name or None,
                    stage="ingest",
                )
            stem = slug(PurePosixPath(item.name).stem)
            base = item.id or (stem if stem and not stem.isdigit() else f"account{n}")
            ident, k = base, 2
            while ident in used:
                ident, k = f"{base}_{k}", k + 1
            used.add(ident)
            out.append(
                account_from_bytes(
                    item.data,
                    name=item.name or f"{ident}.txt",
                    id=ident,
                    party=item.party,
                    language=item.language,
                )
            )
        return out

    def compare(self, items: Sequence[Submitted], method: str = "readouts") -> Result:
        """Read and compare the accounts (blocking: call it from a worker thread)."""
        accounts = self.accounts(items)
        with self._lock:
            if len(accounts) == 2:
                from ..compare import compare

                value: Any = compare(
                    accounts[0],
                    accounts[1],
                    lexicon=self.lexicon,
                    embedder=self.embedder,
                    method=method,
                )
            else:
                value = self._compare_sides(accounts, [i.party for i in items])
        return self.store.add(value, [a.id for a in accounts])

    def _compare_sides(self, accounts: Sequence[Account], parties: Sequence[str]) -> Any:
        # Three or more accounts (several sides, or language versions of one side's
        # statement) go to readouts.multi: accounts with the same party form one side, an
        # account with no party is a side of its own.
        from ..multi import compare_sides

        sides: dict[str, list[Account]] = {}
        for account, party in zip(accounts, parties, strict=True):
            sides.setdefault(party.strip() or account.id, []).append(account)
        return compare_sides(sides, lexicon=self.lexicon, embedder=self.embedder)

    async def run(self, items: Sequence[Submitted], method: str = "readouts") -> Result:
        return await anyio.to_thread.run_sync(self.compare, items, method)


async def read_upload(upload: StarletteUploadFile, limit: int, n: int) -> bytes:
    data = await upload.read(limit + 1)
    if len(data) > limit:
        raise TooLargeError(
            f"account {n} is over the limit of {limit:,} bytes",
            path=basename(upload.filename or "") or None,
            stage="ingest",
        )
    return data
