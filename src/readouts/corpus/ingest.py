"""Ingest: files, folders, globs and JSON Lines into the ``accounts`` table.

Each source is expanded into items: a file is one item, a folder every file under it
(recursively, hidden files and repository furniture such as ``README.md`` and
``LICENSE`` left out), a glob every file it matches, and each row of a ``.jsonl``
file one item (``text`` plus metadata fields). Every item is read with
:func:`readouts.ingest.read_account` (plain text, White House Markdown with YAML
front matter, HTML, PDF) or, for a JSON Lines row, :func:`account_from_text`.

An item is **added**, **skipped** (its text hash is already stored: a duplicate), or
**refused** with the reason (binary, empty, undecodable, a malformed JSON Lines row,
an unsupported language...). Refusals never stop the rest. Items are written in
transactions of :data:`BATCH` items; a run killed halfway keeps what it committed, and
running it again adds exactly the rest.

An ``http://`` or ``https://`` source is fetched (:func:`readouts.fetch.fetch_account`:
the size and time limits, trafilatura for HTML, the address and fetch time kept in the
account's ``source`` and ``meta``); :func:`read_url_list` reads a file of addresses, one
a line. A page that cannot be fetched is refused with the reason, like a file.

Account ids are the file's name (``2022-03-18-readout-...``), the last part of an
address, or the row's ``id``; when another text already has that id, the first 8
characters of the hash are appended.
"""

from __future__ import annotations

import glob
import hashlib
import itertools
import json
import multiprocessing
import os
import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..errors import FormatError, InputError, ReadoutsError, TooLargeError
from ..fetch import fetch_account, is_url
from ..files import read_limited
from ..ingest import MAX_BYTES, _iso_date, _plain, _safe_id, account_from_text, read_account
from ..lexicon import lexicon_for
from ..model import Account
from .keys import PairKeys, pair_keys
from .store import Store, dumps, insert_rows, now

__all__ = [
    "BATCH",
    "IngestReport",
    "Item",
    "Refusal",
    "content_hash",
    "expand",
    "ingest",
    "items",
    "parse",
    "read_item",
    "read_url_list",
]

#: Items written per transaction.
BATCH = 200

#: The largest JSON Lines file read (each row's text is held to the 5 MB account limit).
JSONL_MAX_BYTES = 1_000_000_000

#: Files a folder walk leaves out: they describe a corpus, they are not accounts.
FURNITURE = re.compile(r"^(readme|license|licence|copying|changelog|notice)(\.[a-z]+)?$", re.I)

_GLOB_CHARS = re.compile(r"[*?\[]")
_JSONL = {".jsonl", ".ndjson"}
_JSONL_FIELDS = ("id", "title", "date", "language", "party", "side", "issuer", "source", "url")


@dataclass(frozen=True)
class Item:
    """One thing to ingest: a file, or one row of a JSON Lines file (``line`` > 0)."""

    path: str
    line: int = 0
    row: str = ""

    @property
    def name(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path


@dataclass(frozen=True)
class Refusal:
    """An item that was not ingested, and why."""

    item: str
    reason: str

    def to_dict(self) -> dict[str, str]:
        return {"item": self.item, "reason": self.reason}


@dataclass
class IngestReport:
    """What one ingest run did."""

    added: list[str] = field(default_factory=list)  # account ids
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (item, duplicate of id)
    refused: list[Refusal] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)  # furniture: README, LICENSE

    @property
    def total(self) -> int:
        return len(self.added) + len(self.skipped) + len(self.refused)

    def to_dict(self) -> dict[str, Any]:
        return {
            "added": len(self.added),
            "skipped": len(self.skipped),
            "refused": [r.to_dict() for r in self.refused],
            "ignored": self.ignored,
        }


# --------------------------------------------------------------------------- sources


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def expand(sources: Sequence[str | Path]) -> tuple[list[Path], list[str], list[Refusal]]:
    """Sources to files, in a stable order: (files, ignored furniture, refusals)."""
    files: list[Path] = []
    ignored: list[str] = []
    refused: list[Refusal] = []
    seen: set[str] = set()

    def add(p: Path) -> None:
        key = os.path.realpath(p)  # never raises: a loop of links stays an item, refused later
        if key not in seen:
            seen.add(key)
            files.append(p)

    for source in sources:
        text = str(source)
        p = Path(text)
        if p.is_dir():
            for f in _walk(p):
                if FURNITURE.match(f.name):
                    ignored.append(str(f))
                else:
                    add(f)
        elif p.is_file() or os.path.lexists(p):
            add(p)  # a pipe, a device or a link loop is refused by the reader, with why
        elif _GLOB_CHARS.search(text):
            matches = sorted(glob.glob(text, recursive=True))
            found = [Path(m) for m in matches if Path(m).is_file()]
            if not found:
                refused.append(Refusal(text, "no files match this pattern"))
            for f in found:
                add(f)
        else:
            refused.append(Refusal(text, "no such file or folder"))
    return files, ignored, refused


def read_url_list(path: str | Path) -> list[str]:
    """The addresses in a text file, one a line (blank lines and ``#`` comments skipped);
    a line that is not an http(s) address is kept, to be refused with its reason."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise FormatError(f"cannot read the list of addresses ({exc})", path=str(path)) from None
    lines = (line.strip() for line in text.splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def items(sources: Sequence[str | Path]) -> tuple[list[Item], list[str], list[Refusal]]:
    """Sources to items, in a stable order: every address, every file, and every row of
    a JSON Lines file; with the furniture left out (README, LICENSE) and the sources
    refused."""
    addresses = list(dict.fromkeys(str(s) for s in sources if is_url(s)))
    schemes = [str(s) for s in sources if "://" in str(s) and not is_url(s)]
    files, ignored, refused = expand([s for s in sources if "://" not in str(s)])
    refused += [Refusal(s, "only http:// and https:// addresses can be fetched") for s in schemes]
    out: list[Item] = [Item(u) for u in addresses]
    for f in files:
        if f.suffix.lower() in _JSONL:
            rows, bad = _jsonl_items(f)
            out.extend(rows)
            refused.extend(bad)
        else:
            out.append(Item(str(f)))
    return out, ignored, refused


def content_hash(text: str) -> str:
    """SHA-256 of the text, Unicode NFC and whitespace runs folded: the duplicate test."""
    norm = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


def _jsonl_items(path: Path) -> tuple[list[Item], list[Refusal]]:
    try:
        data = read_limited(path, JSONL_MAX_BYTES)
    except InputError as exc:
        return [], [Refusal(str(path), exc.message)]
    if not data.strip():
        return [], [Refusal(str(path), "the file is empty")]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return [], [Refusal(str(path), "a JSON Lines file must be UTF-8")]
    rows = []
    for number, raw in enumerate(text.splitlines(), start=1):
        if raw.strip():
            rows.append(Item(str(path), number, raw))
    if not rows:
        return [], [Refusal(str(path), "the file has no rows")]
    return rows, []


# --------------------------------------------------------------------------- parsing

_FILE_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})")


@dataclass(frozen=True)
class Parsed:
    """An item read: its account and pairing keys, or the reason it was refused."""

    item: str
    account: Account | None = None
    keys: PairKeys | None = None
    hash: str = ""
    reason: str = ""


def _row_account(item: Item) -> Account:
    try:
        row = json.loads(item.row)
    except json.JSONDecodeError as exc:
        raise FormatError(f"row {item.line} is not valid JSON ({exc.msg})") from None
    except RecursionError:
        raise FormatError(f"row {item.line} is nested too deeply") from None
    if not isinstance(row, dict):
        raise FormatError(f"row {item.line} is not a JSON object")
    text = row.get("text")
    if not isinstance(text, str) or not text.strip():
        raise FormatError(f"row {item.line} has no 'text' string")
    if len(text) > MAX_BYTES:
        raise TooLargeError(f"row {item.line}: the text is over {MAX_BYTES:,} characters")
    for key in _JSONL_FIELDS:
        if key in row and row[key] is not None and not isinstance(row[key], str):
            raise FormatError(f"row {item.line}: field '{key}' must be a string")
    meta = {k: _plain(v) for k, v in row.items() if k != "text"}
    meta["format"] = "jsonl"
    meta["path"] = item.name
    ident = row.get("id") or f"{Path(item.path).stem}-{item.line}"
    return account_from_text(
        text,
        id=_safe_id(str(ident)),
        side=row.get("side") or "",
        party=row.get("party") or "",
        issuer=row.get("issuer") or "",
        date=_iso_date(row.get("date")),
        title=row.get("title") or "",
        source=row.get("source") or row.get("url") or item.name,
        language=row.get("language") or None,
        meta=meta,
    )


def _file_account(path: str) -> Account:
    account = read_account(path)
    if not account.date:
        m = _FILE_DATE.match(Path(path).name)
        if m and _iso_date(m.group(1)):
            account = replace(account, date=m.group(1))
    return account


def read_item(item: Item) -> Account:
    """The account of one item: an address (:func:`readouts.fetch.fetch_account`), a file
    (:func:`readouts.ingest.read_account`, dated from its name when it has no date) or a
    JSON Lines row. Raises ReadoutsError."""
    if is_url(item.path):
        return fetch_account(item.path)
    return _row_account(item) if item.line else _file_account(item.path)


def parse(item: Item, lexicon_paths: tuple[str, ...] = ()) -> Parsed:
    """Read one item (a worker function: no database access)."""
    try:
        account = read_item(item)
        keys = pair_keys(account, lexicon_for(lexicon_paths))
    except ReadoutsError as exc:
        return Parsed(item.name, reason=exc.message)
    except Exception as exc:  # a parser failing on odd input: refuse this item, go on
        return Parsed(item.name, reason=f"cannot read it ({exc.__class__.__name__}: {exc})")
    return Parsed(item.name, account=account, keys=keys, hash=content_hash(account.text))


def _parse_batch(batch: list[Item], lexicon_paths: tuple[str, ...]) -> list[Parsed]:
    return [parse(item, lexicon_paths) for item in batch]


# --------------------------------------------------------------------------- writing


def _write(store: Store, parsed: list[Parsed], report: IngestReport) -> None:
    """Write one batch in one transaction; ids and duplicates are decided inside it."""
    with store.transaction() as conn:
        for p in parsed:
            if p.account is None:
                report.refused.append(Refusal(p.item, p.reason))
                continue
            dup = conn.execute("SELECT id FROM accounts WHERE hash = ?", (p.hash,)).fetchone()
            if dup:
                report.skipped.append((p.item, dup[0]))
                continue
            a = p.account
            ident = a.id
            if conn.execute("SELECT 1 FROM accounts WHERE id = ?", (ident,)).fetchone():
                ident = f"{a.id}-{p.hash[:8]}"
            path = str(a.meta.get("path", p.item))
            meta = {k: v for k, v in a.meta.items() if k != "path"}
            insert_rows(
                conn,
                "accounts",
                [
                    {
                        "id": ident,
                        "hash": p.hash,
                        "language": a.language,
                        "script": a.script,
                        "party": a.party,
                        "side": a.side,
                        "issuer": a.issuer,
                        "date": a.date,
                        "title": a.title,
                        "source": a.source,
                        "path": path,
                        "meta": dumps(meta),
                        "chars": len(a.text),
                        "text": a.text,
                        "ingested_at": now(),
                    }
                ],
            )
            if p.keys is not None:
                insert_rows(conn, "pair_keys", [p.keys.row(ident)], verb="REPLACE")
            report.added.append(ident)


def _chunks(todo: list[Item], size: int) -> Iterator[list[Item]]:
    for lo in range(0, len(todo), size):
        yield todo[lo : lo + size]


def ingest(
    store: Store,
    sources: Sequence[str | Path],
    *,
    workers: int = 1,
    lexicon_paths: Sequence[str] = (),
    progress: Callable[[int, int], None] | None = None,
    batch: int = BATCH,
) -> IngestReport:
    """Ingest files, folders, globs and JSON Lines; returns what was added, skipped, refused.

    ``progress(n, total)`` is called after each written batch with the number of items
    in it and the number of items in all (a file, or a row of a JSON Lines file).
    """
    report = IngestReport()
    todo, ignored, refused = items(sources)
    report.ignored.extend(ignored)
    report.refused.extend(refused)
    run = store.start_run("ingest", {"sources": [str(s) for s in sources], "items": len(todo)})
    paths = tuple(str(p) for p in lexicon_paths)
    if workers <= 1:
        for chunk in _chunks(todo, batch):
            _write(store, _parse_batch(chunk, paths), report)
            if progress:
                progress(len(chunk), len(todo))
    else:
        # parse in worker processes, in order; write here, one transaction per chunk
        small = max(1, min(batch, len(todo) // (workers * 8) or 1))
        ctx = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as pool:
            pending: list[Parsed] = []
            futures = pool.map(_parse_batch, _chunks(todo, small), itertools.repeat(paths))
            for parsed in futures:
                pending.extend(parsed)
                if len(pending) >= batch:
                    _write(store, pending, report)
                    if progress:
                        progress(len(pending), len(todo))
                    pending = []
            if pending:
                _write(store, pending, report)
                if progress:
                    progress(len(pending), len(todo))
    store.finish_run(run, report.to_dict())
    return report
