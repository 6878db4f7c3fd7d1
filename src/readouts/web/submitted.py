"""What was submitted: accounts as received by the web app, and their comparison.

A :class:`Submitted` is the bytes of an uploaded file or pasted text, or the http(s)
address of a page. :func:`compare_submitted` reads them (each error names the account at
fault: ``account 2 (china.txt)``) and compares them; it runs in a worker process
(:mod:`.workers`), so it imports nothing of the app around it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import PurePosixPath, PureWindowsPath
from typing import TYPE_CHECKING

from starlette.datastructures import UploadFile as StarletteUploadFile

from ..embed import Embedder
from ..errors import ReadoutsError, TooLargeError
from ..fetch import fetch_account
from ..ingest import account_from_bytes
from ..lexicon import Lexicon
from ..model import Account, Comparison

if TYPE_CHECKING:
    from ..multi import SidesComparison

__all__ = ["Submitted", "basename", "compare_submitted", "read_upload", "slug"]


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


def _unique(base: str, used: set[str]) -> str:
    """``base``, or ``base_2``, ``base_3``... when taken; the id is added to ``used``."""
    ident, k = base, 2
    while ident in used:
        ident, k = f"{base}_{k}", k + 1
    used.add(ident)
    return ident


def _read(item: Submitted, n: int, max_bytes: int, fetch_seconds: float, used: set[str]) -> Account:
    """One submitted account read: fetched from its address, or read from its bytes."""
    if item.url:
        account = fetch_account(
            item.url,
            party=item.party,
            language=item.language,
            timeout=fetch_seconds,
            max_bytes=max_bytes,
        )
        return replace(account, id=_unique(item.id or account.id, used))
    if len(item.data) > max_bytes:
        raise TooLargeError(f"{len(item.data):,} bytes; the limit is {max_bytes:,}", stage="ingest")
    stem = slug(PurePosixPath(item.name).stem)
    ident = _unique(item.id or (stem if stem and not stem.isdigit() else f"account{n}"), used)
    return account_from_bytes(
        item.data,
        name=item.name or f"{ident}.txt",
        id=ident,
        party=item.party,
        language=item.language,
    )


def _accounts(
    items: Sequence[Submitted], max_bytes: int, fetch_seconds: float = 30.0
) -> list[Account]:
    """The submitted accounts read (an address fetched within ``fetch_seconds``); every
    error names the account (``account 2 (china.txt)``), so a user knows which of the
    accounts is at fault."""
    out: list[Account] = []
    used: set[str] = set()
    for n, item in enumerate(items, start=1):
        try:
            out.append(_read(item, n, max_bytes, fetch_seconds, used))
        except ReadoutsError as exc:
            exc.path = f"account {n} ({item.name})" if item.name else f"account {n}"
            raise
    return out


def compare_submitted(
    items: Sequence[Submitted],
    method: str,
    lexicon: Lexicon,
    embedder: Embedder,
    *,
    max_bytes: int,
    fetch_seconds: float = 30.0,
) -> tuple[Comparison | SidesComparison, list[str]]:
    """(comparison, account ids) of the submitted accounts: two compared as a pair,
    three or more by readouts.multi (accounts with the same party form one side, an
    account with no party is a side of its own). Runs in a worker process."""
    accounts = _accounts(items, max_bytes, fetch_seconds)
    ids = [a.id for a in accounts]
    if len(accounts) == 2:
        from ..comparison import compare

        return compare(
            accounts[0], accounts[1], lexicon=lexicon, embedder=embedder, method=method
        ), ids
    from ..multi import compare_sides

    sides: dict[str, list[Account]] = {}
    for account, item in zip(accounts, items, strict=True):
        sides.setdefault(item.party.strip() or account.id, []).append(account)
    return compare_sides(sides, lexicon=lexicon, embedder=embedder), ids


async def read_upload(upload: StarletteUploadFile, limit: int, n: int) -> bytes:
    data = await upload.read(limit + 1)
    if len(data) > limit:
        raise TooLargeError(
            f"account {n} is over the limit of {limit:,} bytes",
            path=basename(upload.filename or "") or None,
            stage="ingest",
        )
    return data
