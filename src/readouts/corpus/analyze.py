"""Analyze: read every account, compare the accounts of every group; resumable.

The work is planned from what the database already holds, in units: one per group
whose comparisons are missing (its accounts are read, and each pair of accounts from
different parties compared), then one per account that is still unread and in no
group. Units are batched, run by an executor (this process, ``workers`` local
processes, or a Dask cluster: :mod:`readouts.corpus.dask`) and each batch's rows are
written here in one transaction. A run killed at any point leaves whole batches;
the next run plans again and does exactly what is missing, so nothing is done twice
and nothing is lost. The rows of a unit depend only on its accounts
(:mod:`readouts.corpus.work`), so the result is the same however the work is split.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..embed import USEEmbedder
from ..errors import ConfigError
from .executors import Executor, processes, serial
from .store import Store, insert_rows, row_account
from .work import UnitResult, UnitSpec, WorkerConfig, default_threads

__all__ = [
    "AnalyzeReport",
    "Unit",
    "analyze",
    "plan",
    "write_results",
]

#: Accounts per batch sent to a worker.
BATCH_ACCOUNTS = 8


@dataclass(frozen=True)
class Unit:
    """A planned unit: account ids to load, and what to compute."""

    accounts: tuple[str, ...]
    read_rows: tuple[str, ...]
    vector_rows: tuple[str, ...]
    comparisons: tuple[tuple[str, str, str, str], ...]


@dataclass
class AnalyzeReport:
    """What one analysis run did."""

    units: int = 0
    read: int = 0
    compared: int = 0
    sentences: int = 0
    claims: int = 0
    encoded: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0
    first_result: float = 0.0  # seconds until the first batch came back (start-up included)
    workers: int = 1
    executor: str = "serial"

    def to_dict(self) -> dict[str, Any]:
        d = dict(self.__dict__)
        d["errors"] = [{"item": i, "error": e} for i, e in self.errors]
        return d


# --------------------------------------------------------------------------- planning


def plan(store: Store, embedder: str, *, retry_failed: bool = False) -> list[Unit]:
    """The units still to do, in a stable order: groups first, then single accounts."""
    if retry_failed:
        with store.transaction() as conn:
            conn.execute("DELETE FROM readings WHERE error IS NOT NULL")
            conn.execute("DELETE FROM comparisons WHERE error IS NOT NULL")
    with store.snapshot() as conn:
        read_ids = {r[0] for r in conn.execute("SELECT account_id FROM readings")}
        vec_ids = {
            r[0]
            for r in conn.execute("SELECT account_id FROM vectors WHERE embedder = ?", (embedder,))
        }
        done = {r[0] for r in conn.execute("SELECT id FROM comparisons")}
        members: dict[str, list[tuple[str, str]]] = {}
        for r in conn.execute(
            "SELECT ma.meeting_id, ma.account_id, coalesce(k.party, ma.party) FROM "
            "meeting_accounts ma LEFT JOIN pair_keys k ON k.account_id = ma.account_id "
            "ORDER BY ma.meeting_id, ma.account_id"
        ):
            members.setdefault(r[0], []).append((r[1], r[2]))
        all_ids = [r[0] for r in conn.execute("SELECT id FROM accounts ORDER BY id")]
    units: list[Unit] = []
    in_group: set[str] = set()
    for mid, accs in sorted(members.items()):
        in_group.update(a for a, _ in accs)
        pairs = [
            (a, b)
            for i, (a, pa) in enumerate(accs)
            for b, pb in accs[i + 1 :]
            if pa != pb or len({p for _, p in accs}) == 1
        ]
        todo = []
        for a, b in pairs:
            first, second = sorted((a, b), key=lambda x: (dict(accs)[x], x))
            cid = f"{mid}:{first}~{second}"
            if cid not in done:
                todo.append((cid, mid, first, second))
        unread = tuple(a for a, _ in accs if a not in read_ids)
        if todo or unread:
            ids = tuple(a for a, _ in accs)
            units.append(Unit(ids, unread, tuple(a for a in ids if a not in vec_ids), tuple(todo)))
    for a in all_ids:
        if a not in read_ids and a not in in_group:
            units.append(Unit((a,), (a,), () if a in vec_ids else (a,), ()))
    return units


def _batches(units: Sequence[Unit], size: int) -> Iterator[list[Unit]]:
    batch: list[Unit] = []
    n = 0
    for u in units:
        batch.append(u)
        n += len(u.accounts)
        if n >= size:
            yield batch
            batch, n = [], 0
    if batch:
        yield batch


def _specs(store: Store, batches: Iterable[list[Unit]]) -> Iterator[list[UnitSpec]]:
    """Batches of planned units with their accounts' data, loaded as they are sent."""
    for batch in batches:
        ids = sorted({a for u in batch for a in u.accounts})
        marks = ",".join("?" * len(ids))
        data = {
            r["id"]: r for r in store.query(f"SELECT * FROM accounts WHERE id IN ({marks})", ids)
        }
        specs = [
            UnitSpec(
                accounts=tuple(row_account(data[a]).to_dict() for a in u.accounts),
                read_rows=u.read_rows,
                vector_rows=u.vector_rows,
                comparisons=u.comparisons,
            )
            for u in batch
        ]
        yield specs


# --------------------------------------------------------------------------- writing


def write_results(store: Store, results: Sequence[UnitResult]) -> None:
    """Write the rows of a batch of units in one transaction, by column name."""

    def rows(table: str) -> list[dict[str, Any]]:
        return [row for r in results for row in r.rows.get(table, ())]

    with store.transaction() as conn:
        insert_rows(conn, "readings", rows("readings"))
        insert_rows(conn, "sentences", rows("sentences"))
        insert_rows(conn, "vectors", rows("vectors"), verb="IGNORE")
        claims = rows("claims")
        if claims:
            base = int(conn.execute("SELECT coalesce(max(n), 0) FROM claims").fetchone()[0])
            numbered = {row["id"]: base + i + 1 for i, row in enumerate(claims)}
            insert_rows(conn, "claims", [{"n": numbered[row["id"]], **row} for row in claims])
            conn.executemany(
                "INSERT INTO claims_fts (rowid, text) VALUES (?, ?)",
                [(numbered[cid], text) for r in results for cid, text in r.fts],
            )
        for table in ("events", "comparisons", "alignments", "relations"):
            insert_rows(conn, table, rows(table))


def analyze(
    store: Store,
    *,
    workers: int = 1,
    dask: str | None = None,
    embedder: str = USEEmbedder.name,
    threads: int | None = None,
    lexicon_paths: Sequence[str] = (),
    retry_failed: bool = False,
    batch_accounts: int = BATCH_ACCOUNTS,
    limit: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> AnalyzeReport:
    """Read every unread account and compare every group not yet compared.

    ``workers`` local processes (1: this process), or ``dask``: a scheduler address
    or ``"local"`` for a local cluster of ``workers`` processes. ``threads`` is the
    encoder's threads per worker (default: the cores shared out). ``progress(n, total)``
    is called after each batch with its number of accounts. ``limit`` stops after that
    many units (for tests and benchmarks; the next run does the rest).
    """
    if workers < 1:
        raise ConfigError("--workers must be 1 or more")
    with store.exclusive("analyze"):  # a second analyze on this database: BusyError at once
        return _analyze(
            store,
            workers=workers,
            dask=dask,
            embedder=embedder,
            threads=threads,
            lexicon_paths=lexicon_paths,
            retry_failed=retry_failed,
            batch_accounts=batch_accounts,
            limit=limit,
            progress=progress,
        )


def _analyze(
    store: Store,
    *,
    workers: int,
    dask: str | None,
    embedder: str,
    threads: int | None,
    lexicon_paths: Sequence[str],
    retry_failed: bool,
    batch_accounts: int,
    limit: int | None,
    progress: Callable[[int, int], None] | None,
) -> AnalyzeReport:
    started = time.perf_counter()
    units = plan(store, embedder, retry_failed=retry_failed)
    if limit is not None:
        units = units[:limit]
    total = sum(len(u.accounts) for u in units)
    if dask:
        from .dask import dask_executor, dask_worker_count

        executor: Executor = dask_executor(dask, workers)
        nworkers = dask_worker_count(dask, workers)
        kind = "dask"
    elif workers > 1:
        executor, nworkers, kind = processes(workers), workers, "processes"
    else:
        executor, nworkers, kind = serial, 1, "serial"
    config = WorkerConfig(
        embedder=embedder,
        threads=threads or (1 if dask else default_threads(nworkers)),
        lexicon_paths=tuple(str(p) for p in lexicon_paths),
    )
    report = AnalyzeReport(units=len(units), workers=nworkers, executor=kind)
    run = store.start_run(
        "analyze",
        {"workers": nworkers, "executor": kind, "embedder": embedder, "units": len(units)},
    )
    specs = _specs(store, _batches(units, batch_accounts))
    for results in executor(specs, config):
        if not report.first_result:
            report.first_result = round(time.perf_counter() - started, 3)
        write_results(store, results)
        for r in results:
            report.read += r.stats.get("read", 0)
            report.compared += r.stats.get("compared", 0)
            report.sentences += r.stats.get("sentences", 0)
            report.claims += r.stats.get("claims", 0)
            report.encoded += r.stats.get("encoded", 0)
            report.errors.extend(r.errors)
        if progress:
            progress(sum(r.stats.get("accounts", 0) for r in results), total)
    report.seconds = round(time.perf_counter() - started, 3)
    store.finish_run(run, {k: v for k, v in report.to_dict().items() if k != "errors"})
    return report
