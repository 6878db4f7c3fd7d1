"""Export: every table as CSV or Parquet, and the events as PLOVER-style JSON Lines.

``export(store, folder, formats=("csv", "parquet", "plover"))`` writes
``<table>.csv`` / ``<table>.parquet`` for each table of
:data:`~readouts.corpus.store.TABLES`, streamed a block of rows at a time, and
``events.plover.jsonl``: one PLOVER-style record per event, as :mod:`readouts.events`
makes them (``id``, ``date``, ``actor``, ``recipient``, ``event``, ``mode``,
``quad_code``, ``context``, ``text``, ...; see ../shared/reference/plover.md), with the
id of the account's meeting group added as ``meeting``. Binary columns (account
vectors) go to CSV as base64. Each file is written under a temporary name and renamed
when complete, so a failed export never leaves a half-written file under a final name.
"""

from __future__ import annotations

import base64
import contextlib
import csv
import functools
import json
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ConfigError, ReadoutsError, SystemRefused
from ..events import reading_events, write_events
from ..files import check_writable
from ..lexicon import Lexicon, default_lexicon
from ..plover import EventLexicon, default_event_lexicon
from ..reading import read
from .ingest import Refusal, items, read_item
from .store import TABLES, Store

__all__ = ["FORMATS", "EventBatch", "export", "export_events", "plover_records"]

FORMATS = ("csv", "parquet", "plover")
_BLOCK = 20_000


def _csv_value(v: Any) -> Any:
    if isinstance(v, bytes):
        return base64.b64encode(v).decode("ascii")
    return "" if v is None else v


def _write_csv(store: Store, table: str, path: Path) -> int:
    cols = store.columns(table)
    n = 0
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(cols)
        for row in store.iterate(f"SELECT * FROM {table}", size=_BLOCK):
            w.writerow([_csv_value(v) for v in row])
            n += 1
    return n


def _arrow_type(declared: str) -> Any:
    import pyarrow as pa

    d = declared.upper()
    if "INT" in d:
        return pa.int64()
    if "REAL" in d or "FLOA" in d or "DOUB" in d:
        return pa.float64()
    if "BLOB" in d:
        return pa.binary()
    return pa.string()


def _write_parquet(store: Store, table: str, path: Path) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise ConfigError("Parquet export needs pyarrow: pip install pyarrow") from None
    info = store.query(f"PRAGMA table_info({table})")
    schema = pa.schema([(r[1], _arrow_type(r[2] or "")) for r in info])
    names = [r[1] for r in info]
    n = 0
    with pq.ParquetWriter(str(path), schema) as writer:
        block: list[Any] = []

        def flush() -> None:
            columns: list[Any] = list(zip(*block, strict=True)) if block else [[] for _ in names]
            writer.write_table(
                pa.Table.from_arrays(
                    [pa.array(list(c), type=schema.field(i).type) for i, c in enumerate(columns)],
                    schema=schema,
                )
            )

        for row in store.iterate(f"SELECT * FROM {table}", size=_BLOCK):
            block.append(tuple(row))
            n += 1
            if len(block) >= _BLOCK:
                flush()
                block = []
        if block or n == 0:
            flush()
    return n


def plover_records(store: Store) -> Iterator[dict[str, Any]]:
    """The stored PLOVER records (:mod:`readouts.events`), each with its meeting's id."""
    for e in store.iterate(
        "SELECT e.record, m.meeting_id FROM events e "
        "LEFT JOIN meeting_accounts m ON m.account_id = e.account_id ORDER BY e.date, e.id"
    ):
        record = json.loads(e["record"])
        record["meeting"] = e["meeting_id"] or ""
        yield record


def export(
    store: Store,
    folder: str | Path,
    *,
    formats: Sequence[str] = ("csv",),
    tables: Sequence[str] = TABLES,
) -> dict[str, int]:
    """Write the tables (and PLOVER events) into ``folder``; returns rows per file."""
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise ConfigError(f"unknown export format {unknown[0]!r}; choose from {', '.join(FORMATS)}")
    bad = [t for t in tables if t not in TABLES]
    if bad:
        raise ConfigError(f"unknown table {bad[0]!r}; tables: {', '.join(TABLES)}")
    out = Path(folder)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SystemRefused(
            f"cannot create the folder ({exc.strerror})", path=str(out), stage="export"
        ) from None
    check_writable(out / "events.plover.jsonl")  # a file can be made there: before the work
    written: dict[str, int] = {}
    with store.snapshot():
        for fmt in formats:
            if fmt == "plover":
                final = out / "events.plover.jsonl"

                def plover(path: Path) -> int:
                    with open(path, "w", encoding="utf-8") as fh:
                        return write_events(plover_records(store), "jsonl", fh)

                written[final.name] = _replace(final, plover)
                continue
            for table in tables:
                final = out / f"{table}.{fmt}"
                writer = _write_csv if fmt == "csv" else _write_parquet
                written[final.name] = _replace(final, functools.partial(writer, store, table))
    return written


def _replace(final: Path, write: Callable[[Path], int]) -> int:
    """Write through ``final.part``, renamed over ``final`` when whole; a failure (a full
    disk) leaves no part file and the old ``final`` as it was."""
    tmp = final.with_name(final.name + ".part")
    try:
        n = write(tmp)
        os.replace(tmp, final)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise SystemRefused(
            f"cannot write the file ({exc.strerror})", path=str(final), stage="export"
        ) from None
    return n


@dataclass
class EventBatch:
    """What one export over many sources did: the records, the items coded, and each
    item refused with its reason."""

    records: list[dict[str, Any]] = field(default_factory=list)
    coded: list[str] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)  # furniture: README, LICENSE

    @property
    def total(self) -> int:
        return len(self.coded) + len(self.refused)


def export_events(
    sources: Sequence[str | Path],
    lexicon: Lexicon | None = None,
    events: EventLexicon | None = None,
) -> EventBatch:
    """Code every account of ``sources`` (files, folders, globs, JSON Lines rows, as
    ``readouts corpus ingest`` reads them). An item that cannot be read (missing,
    binary, empty, a language other than English or Chinese...) or coded is refused with
    the reason, and the rest are coded."""
    lexicon = lexicon or default_lexicon()
    events = events or default_event_lexicon()
    batch = EventBatch()
    todo, batch.ignored, refused = items(sources)
    batch.refused.extend(refused)
    for item in todo:
        try:
            records = reading_events(read(read_item(item), lexicon), lexicon, events)
        except ReadoutsError as exc:
            batch.refused.append(Refusal(item.name, exc.message))
            continue
        except Exception as exc:  # a parser failing on odd input: refuse this item, go on
            batch.refused.append(Refusal(item.name, f"cannot code it ({exc!r})"))
            continue
        batch.records.extend(records)
        batch.coded.append(item.name)
    return batch
