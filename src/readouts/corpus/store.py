"""Store: the corpus database, one SQLite file, its schema and its migrations.

The schema is created and changed only by the named, ordered migrations in
:data:`MIGRATIONS`; each runs in its own transaction and is recorded in the
``migrations`` table, so opening a database applies exactly the ones it lacks. The
tables are plain SQLite, readable by any tool (Datasette, pandas, the ``sqlite3``
shell); ``docs/corpus.md`` documents every column.

The file is opened in WAL mode: readers see a consistent snapshot while a writer
works, and a writer killed mid-transaction leaves the last committed state. Every
write goes through :meth:`Store.transaction`; every SQLite failure becomes a
:class:`~readouts.errors.StorageError`.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import urllib.parse
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..errors import BusyError, StorageError

try:  # POSIX: the lock that keeps two analyses off one database
    import fcntl
except ImportError:  # pragma: no cover - Windows: no lock
    fcntl = None  # type: ignore[assignment]
from ..model import Account

__all__ = [
    "DEFAULT_DB",
    "MIGRATIONS",
    "TABLES",
    "VOLATILE_COLUMNS",
    "Migration",
    "Store",
    "dumps",
    "insert_rows",
    "loads",
    "now",
    "row_account",
]

#: The database file used when none is named.
DEFAULT_DB = "readouts.db"


@dataclass(frozen=True)
class Migration:
    """One schema change: a name that sorts in order, and the SQL that makes it."""

    name: str
    sql: str


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        "0001_accounts",
        """
        CREATE TABLE accounts (
            id TEXT PRIMARY KEY,
            hash TEXT NOT NULL UNIQUE,
            language TEXT NOT NULL,
            script TEXT NOT NULL DEFAULT '',
            party TEXT NOT NULL DEFAULT '',
            side TEXT NOT NULL DEFAULT '',
            issuer TEXT NOT NULL DEFAULT '',
            date TEXT NOT NULL DEFAULT '',
            title TEXT NOT NULL DEFAULT '',
            source TEXT NOT NULL DEFAULT '',
            path TEXT NOT NULL DEFAULT '',
            meta TEXT NOT NULL DEFAULT '{}',
            chars INTEGER NOT NULL,
            text TEXT NOT NULL,
            ingested_at TEXT NOT NULL
        );
        CREATE INDEX accounts_date ON accounts (date);
        CREATE TABLE runs (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            args TEXT NOT NULL DEFAULT '{}',
            summary TEXT NOT NULL DEFAULT '{}'
        );
        """,
    ),
    Migration(
        "0002_pair_keys",
        """
        CREATE TABLE pair_keys (
            account_id TEXT PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
            party TEXT NOT NULL,
            date TEXT NOT NULL,
            published TEXT NOT NULL,
            format TEXT NOT NULL DEFAULT '',
            meeting INTEGER NOT NULL,
            counterparts TEXT NOT NULL DEFAULT '[]',
            persons TEXT NOT NULL DEFAULT '[]'
        );
        CREATE INDEX pair_keys_party_date ON pair_keys (party, date);
        CREATE TABLE vectors (
            account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
            embedder TEXT NOT NULL,
            dim INTEGER NOT NULL,
            vector BLOB NOT NULL,
            PRIMARY KEY (account_id, embedder)
        );
        """,
    ),
    Migration(
        "0003_readings",
        """
        CREATE TABLE readings (
            account_id TEXT PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
            party TEXT NOT NULL DEFAULT '',
            sentences INTEGER NOT NULL DEFAULT 0,
            claims INTEGER NOT NULL DEFAULT 0,
            topics TEXT NOT NULL DEFAULT '[]',
            tone TEXT NOT NULL DEFAULT '[]',
            tone_max_rung INTEGER NOT NULL DEFAULT 0,
            ladder TEXT NOT NULL DEFAULT '',
            atmosphere TEXT NOT NULL DEFAULT '[]',
            facts TEXT NOT NULL DEFAULT '{}',
            meeting_date TEXT NOT NULL DEFAULT '',
            format TEXT NOT NULL DEFAULT '',
            requested_by TEXT NOT NULL DEFAULT '',
            embedder TEXT NOT NULL DEFAULT '',
            error TEXT
        );
        CREATE TABLE sentences (
            account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
            idx INTEGER NOT NULL,
            char_start INTEGER NOT NULL,
            char_end INTEGER NOT NULL,
            paragraph INTEGER NOT NULL,
            PRIMARY KEY (account_id, idx)
        ) WITHOUT ROWID;
        CREATE TABLE claims (
            n INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
            sentence INTEGER NOT NULL,
            char_start INTEGER NOT NULL,
            char_end INTEGER NOT NULL,
            text TEXT NOT NULL,
            speaker TEXT NOT NULL DEFAULT '',
            speaker_kind TEXT NOT NULL DEFAULT '',
            speaker_party TEXT NOT NULL DEFAULT '',
            act TEXT NOT NULL DEFAULT 'statement',
            plover TEXT NOT NULL DEFAULT '',
            topics TEXT NOT NULL DEFAULT '[]',
            tone TEXT NOT NULL DEFAULT '[]',
            negated INTEGER NOT NULL DEFAULT 0,
            frame_start INTEGER NOT NULL DEFAULT -1,
            frame_end INTEGER NOT NULL DEFAULT -1
        );
        CREATE INDEX claims_account ON claims (account_id);
        """,
    ),
    Migration(
        "0004_meetings",
        """
        CREATE TABLE meetings (
            id TEXT PRIMARY KEY,
            date TEXT NOT NULL,
            parties TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('auto', 'confirmed')),
            score REAL NOT NULL DEFAULT 0,
            reasons TEXT NOT NULL DEFAULT '[]'
        );
        CREATE INDEX meetings_date ON meetings (date);
        CREATE TABLE meeting_accounts (
            meeting_id TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
            account_id TEXT NOT NULL UNIQUE REFERENCES accounts (id) ON DELETE CASCADE,
            party TEXT NOT NULL,
            PRIMARY KEY (meeting_id, account_id)
        ) WITHOUT ROWID;
        CREATE TABLE pair_rules (
            kind TEXT NOT NULL CHECK (kind IN ('apart')),
            a TEXT NOT NULL,
            b TEXT NOT NULL,
            PRIMARY KEY (kind, a, b)
        ) WITHOUT ROWID;
        """,
    ),
    Migration(
        "0005_comparisons",
        """
        CREATE TABLE comparisons (
            id TEXT PRIMARY KEY,
            meeting_id TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
            a TEXT NOT NULL REFERENCES accounts (id),
            b TEXT NOT NULL REFERENCES accounts (id),
            method TEXT NOT NULL,
            score INTEGER NOT NULL,
            band TEXT NOT NULL,
            verdict TEXT NOT NULL,
            parts TEXT NOT NULL DEFAULT '{}',
            reasons TEXT NOT NULL DEFAULT '[]',
            topics_a TEXT NOT NULL DEFAULT '[]',
            topics_b TEXT NOT NULL DEFAULT '[]',
            shared INTEGER NOT NULL DEFAULT 0,
            one_sided INTEGER NOT NULL DEFAULT 0,
            conflicts INTEGER NOT NULL DEFAULT 0,
            embedder TEXT NOT NULL DEFAULT '',
            error TEXT
        );
        CREATE INDEX comparisons_meeting ON comparisons (meeting_id);
        CREATE TABLE alignments (
            comparison_id TEXT NOT NULL REFERENCES comparisons (id) ON DELETE CASCADE,
            a TEXT NOT NULL,
            b TEXT NOT NULL,
            kind TEXT NOT NULL,
            score REAL NOT NULL,
            similarity REAL NOT NULL,
            evidence TEXT NOT NULL DEFAULT '[]',
            PRIMARY KEY (comparison_id, a, b, kind)
        ) WITHOUT ROWID;
        CREATE TABLE relations (
            comparison_id TEXT NOT NULL REFERENCES comparisons (id) ON DELETE CASCADE,
            claim_id TEXT NOT NULL,
            label TEXT NOT NULL,
            kind TEXT NOT NULL,
            partners TEXT NOT NULL DEFAULT '[]',
            flags TEXT NOT NULL DEFAULT '[]',
            PRIMARY KEY (comparison_id, claim_id)
        ) WITHOUT ROWID;
        """,
    ),
    Migration(
        "0006_events",
        """
        CREATE TABLE events (
            id TEXT PRIMARY KEY,
            account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
            claim_id TEXT NOT NULL,
            date TEXT NOT NULL,
            actor TEXT NOT NULL,
            recipient TEXT NOT NULL,
            event TEXT NOT NULL,
            mode TEXT NOT NULL DEFAULT '',
            quad_code INTEGER NOT NULL DEFAULT 0,
            act TEXT NOT NULL,
            negated INTEGER NOT NULL DEFAULT 0,
            record TEXT NOT NULL
        );
        CREATE INDEX events_date ON events (date);
        CREATE INDEX events_account ON events (account_id);
        """,
    ),
    Migration(
        "0007_claims_fts",
        """
        CREATE VIRTUAL TABLE claims_fts USING fts5 (
            text, content = '', tokenize = 'porter unicode61 remove_diacritics 2'
        );
        """,
    ),
    Migration(
        # a list item's words after the list ("等领域的务实合作"), part of its view
        "0008_claim_tail",
        """
        ALTER TABLE claims ADD COLUMN tail_start INTEGER NOT NULL DEFAULT -1;
        ALTER TABLE claims ADD COLUMN tail_end INTEGER NOT NULL DEFAULT -1;
        """,
    ),
)

#: The data tables, in the order they are exported (FTS internals left out).
TABLES = (
    "migrations",
    "runs",
    "accounts",
    "pair_keys",
    "vectors",
    "readings",
    "sentences",
    "claims",
    "meetings",
    "meeting_accounts",
    "pair_rules",
    "comparisons",
    "alignments",
    "relations",
    "events",
)

#: Columns whose values depend on when or in which order work was done, not on the
#: input: the rest of every table is the same for the same input, however the work
#: was split, interrupted or resumed.
VOLATILE_COLUMNS: dict[str, tuple[str, ...]] = {
    "migrations": ("applied_at",),
    "runs": ("id", "started_at", "finished_at", "args", "summary"),
    "accounts": ("ingested_at",),
    "claims": ("n",),
}


def now() -> str:
    """The current UTC time, ISO 8601 to the second."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def dumps(value: Any) -> str:
    """Compact JSON for a text column."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=False)


def insert_rows(
    conn: sqlite3.Connection,
    table: str,
    rows: Sequence[dict[str, Any]],
    *,
    verb: str = "",
) -> None:
    """``INSERT [OR verb] INTO table (columns) VALUES (...)`` for rows given by column
    name (every row with the same columns), inside a transaction. A column the table does
    not have is a StorageError naming it, never a value in the wrong column."""
    if not rows:
        return
    if table not in TABLES:
        raise StorageError(f"no table {table!r} in the corpus database")
    names = list(rows[0])
    known = {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}
    unknown = [n for n in names if n not in known]
    if unknown:
        raise StorageError(f"table {table} has no column {', '.join(unknown)}")
    if verb not in ("", "IGNORE", "REPLACE"):
        raise StorageError(f"no insert verb {verb!r}")
    sql = (
        f"INSERT{' OR ' + verb if verb else ''} INTO {table} ({', '.join(names)}) "
        f"VALUES ({', '.join(':' + n for n in names)})"
    )
    conn.executemany(sql, rows)


def loads(text: str | None, default: Any = None) -> Any:
    """A JSON column back to Python ("" or NULL give ``default``)."""
    if not text:
        return default
    return json.loads(text)


class Store:
    """A corpus database: open it, and the schema is brought up to date.

    ``Store(":memory:")`` gives a private in-memory database (for tests);
    ``readonly=True`` opens an existing file without ever writing to it.
    """

    def __init__(
        self,
        path: str | Path = DEFAULT_DB,
        *,
        readonly: bool = False,
        timeout: float = 60.0,
        migrate: bool = True,
    ):
        self.path = str(path)
        self.readonly = readonly
        memory = self.path == ":memory:"
        try:
            if readonly:
                if memory or not Path(self.path).is_file():
                    raise StorageError("no corpus database here", path=self.path, stage="store")
                self.conn = self._open_readonly(timeout)
            else:
                if not memory:
                    parent = Path(self.path).resolve().parent
                    if not parent.is_dir():
                        raise StorageError(
                            f"the folder {parent} does not exist", path=self.path, stage="store"
                        )
                self.conn = sqlite3.connect(
                    self.path, timeout=timeout, isolation_level=None, check_same_thread=False
                )
            self.conn.row_factory = sqlite3.Row
            self.conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
            self.conn.execute("PRAGMA foreign_keys = ON")
            if not readonly:
                if not memory:
                    mode = self.conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
                    if str(mode).lower() != "wal":
                        raise StorageError(
                            f"cannot switch the database to WAL mode (got {mode})",
                            path=self.path,
                            stage="store",
                        )
                self.conn.execute("PRAGMA synchronous = FULL")
            else:
                self.conn.execute("PRAGMA query_only = ON")
            # touch the file: a non-database file fails here, not halfway through a command
            self.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.Error as exc:
            raise self._error(exc) from None
        if migrate and not readonly:
            self.migrate()
        elif readonly:
            self._check_schema(require_all=True)

    def _open_readonly(self, timeout: float) -> sqlite3.Connection:
        """A read-only connection. A WAL database on read-only storage (a published
        corpus, a read-only mount) cannot make its -shm file: it is then opened as
        immutable, which needs no file beside it (nobody can be writing it there)."""
        base = f"file:{urllib.parse.quote(str(Path(self.path).resolve()))}"
        for query in ("?mode=ro", "?mode=ro&immutable=1"):
            conn = sqlite3.connect(
                base + query,
                uri=True,
                timeout=timeout,
                isolation_level=None,
                check_same_thread=False,
            )
            try:
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            except sqlite3.OperationalError as exc:
                conn.close()
                text = str(exc)
                if "unable to open" in text or "readonly" in text or "read-only" in text:
                    continue  # the -shm file cannot be made: try again as immutable
                raise
            return conn
        raise StorageError("cannot open the database file", path=self.path, stage="store")

    def _check_schema(self, *, require_all: bool) -> None:
        """Refuse a database a newer readouts made (migrations this one does not know),
        in every mode, so no command answers from a schema it cannot read; with
        ``require_all``, refuse one that lacks migrations (read-only cannot add them)."""
        applied = self.applied()
        unknown = sorted(set(applied) - {m.name for m in MIGRATIONS})
        missing = [m.name for m in MIGRATIONS if m.name not in applied] if require_all else []
        for names, why in (
            (unknown, "was made by a newer readouts (migrations {}); upgrade readouts"),
            (missing, "is missing migrations {}; open it once for writing to bring it up to date"),
        ):
            if names:
                message = "the database " + why.format(", ".join(names))
                raise StorageError(message, path=self.path, stage="store")

    # ------------------------------------------------------------------ plumbing

    def _error(self, exc: sqlite3.Error) -> StorageError:
        """The storage error a database error becomes (a message a user can act on)."""
        message = self._message(exc)
        if "unable to open" in str(exc) and not self.readonly and Path(self.path).is_file():
            message += " for writing (is it, or its folder, read-only?)"
        return StorageError(message, path=self.path, stage="store")

    @staticmethod
    def _message(exc: sqlite3.Error) -> str:
        text = str(exc)
        if "file is not a database" in text or "file is encrypted" in text:
            return "this file is not an SQLite database"
        if "unable to open" in text:
            return "cannot open the database file"
        if "locked" in text or "busy" in text:
            return "the database is locked by another writer; try again when it has finished"
        if "readonly" in text:
            return "the database is read-only"
        return f"database error: {text}"

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: everything inside commits together or not at all."""
        if self.readonly:
            raise StorageError("the database was opened read-only", path=self.path, stage="store")
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise self._error(exc) from None
        try:
            yield self.conn
        except sqlite3.Error as exc:
            self.conn.execute("ROLLBACK")
            raise self._error(exc) from None
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        try:
            self.conn.execute("COMMIT")
        except sqlite3.Error as exc:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise self._error(exc) from None

    @contextmanager
    def exclusive(self, work: str) -> Iterator[None]:
        """Hold this database for one kind of work (``"analyze"``) across processes: a
        second holder gets :class:`~readouts.errors.BusyError` at once. The lock is a
        file beside the database (``readouts.db.analyze.lock``) locked with ``flock``;
        the system releases it when the process ends, however it ends."""
        if self.path == ":memory:" or fcntl is None:
            yield
            return
        lock = f"{self.path}.{work}.lock"
        try:
            fd = os.open(lock, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o666)
        except OSError as exc:
            raise StorageError(
                f"cannot make the lock file {lock} ({exc.strerror})", path=self.path, stage="store"
            ) from None
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise BusyError(
                    f"another corpus {work} is running on this database; wait for it to "
                    "finish (a later run picks up what is left)",
                    path=self.path,
                    stage="store",
                ) from None
            yield
        finally:
            os.close(fd)

    @contextmanager
    def snapshot(self) -> Iterator[sqlite3.Connection]:
        """A read transaction: every query inside sees the same committed state."""
        try:
            self.conn.execute("BEGIN")
        except sqlite3.Error as exc:
            raise self._error(exc) from None
        try:
            yield self.conn
        except sqlite3.Error as exc:
            raise self._error(exc) from None
        finally:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")

    def query(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[sqlite3.Row]:
        """Rows of one read query."""
        try:
            return self.conn.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise self._error(exc) from None

    def scalar(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> Any:
        rows = self.query(sql, params)
        return rows[0][0] if rows else None

    def iterate(
        self, sql: str, params: Sequence[Any] = (), size: int = 2000
    ) -> Iterator[sqlite3.Row]:
        """Rows of a large read query, fetched a block at a time."""
        try:
            cur = self.conn.execute(sql, params)
            while True:
                block = cur.fetchmany(size)
                if not block:
                    return
                yield from block
        except sqlite3.Error as exc:
            raise self._error(exc) from None

    # ------------------------------------------------------------------ migrations

    def applied(self) -> list[str]:
        """Names of the migrations this database has, in the order applied."""
        exists = self.query(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'migrations'"
        )
        if not exists:
            return []
        return [r[0] for r in self.query("SELECT name FROM migrations ORDER BY id")]

    def migrate(self) -> list[str]:
        """Apply the migrations this database lacks, in order; returns their names."""
        with self.transaction() as conn:
            conn.execute(
                "CREATE TABLE IF NOT EXISTS migrations ("
                "id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, applied_at TEXT NOT NULL)"
            )
        self._check_schema(require_all=False)
        done = set(self.applied())
        applied = []
        for migration in MIGRATIONS:
            if migration.name in done:
                continue
            with self.transaction() as conn:
                # re-check inside the write lock: another process may have just applied it
                if conn.execute(
                    "SELECT 1 FROM migrations WHERE name = ?", (migration.name,)
                ).fetchone():
                    continue
                for statement in _statements(migration.sql):
                    conn.execute(statement)
                conn.execute(
                    "INSERT INTO migrations (name, applied_at) VALUES (?, ?)",
                    (migration.name, now()),
                )
            applied.append(migration.name)
        return applied

    # ------------------------------------------------------------------ helpers

    def counts(self) -> dict[str, int]:
        """Rows per data table."""
        return {t: int(self.scalar(f"SELECT count(*) FROM {t}")) for t in TABLES}

    def columns(self, table: str) -> list[str]:
        return [r[1] for r in self.query(f"PRAGMA table_info({table})")]

    def stable_rows(self, table: str) -> list[tuple[Any, ...]]:
        """A table's rows without its volatile columns, in a fixed order: two runs that
        did the same work have equal stable rows, however it was split or resumed."""
        cols = [c for c in self.columns(table) if c not in VOLATILE_COLUMNS.get(table, ())]
        if not cols:
            return []
        rows = self.query(f"SELECT {', '.join(cols)} FROM {table}")
        return sorted((tuple(r) for r in rows), key=repr)

    def digest(self) -> dict[str, str]:
        """SHA-256 of each data table's stable rows (``runs`` and ``migrations`` left out)."""
        out = {}
        for table in TABLES:
            if table in ("runs", "migrations"):
                continue
            h = hashlib.sha256()
            for row in self.stable_rows(table):
                h.update(repr(row).encode("utf-8"))
            out[table] = h.hexdigest()
        return out

    def start_run(self, kind: str, args: dict[str, Any]) -> int:
        with self.transaction() as conn:
            cur = conn.execute(
                "INSERT INTO runs (kind, started_at, args) VALUES (?, ?, ?)",
                (kind, now(), dumps(args)),
            )
            return int(cur.lastrowid or 0)

    def finish_run(self, run_id: int, summary: dict[str, Any]) -> None:
        with self.transaction() as conn:
            conn.execute(
                "UPDATE runs SET finished_at = ?, summary = ? WHERE id = ?",
                (now(), dumps(summary), run_id),
            )


def row_account(row: sqlite3.Row | dict[str, Any]) -> Account:
    """An ``accounts`` row back to an :class:`~readouts.model.Account`."""
    meta = loads(row["meta"], {})
    meta["path"] = row["path"]
    return Account(
        id=row["id"],
        text=row["text"],
        language=row["language"],
        side=row["side"],
        party=row["party"],
        issuer=row["issuer"],
        date=row["date"],
        title=row["title"],
        source=row["source"],
        script=row["script"],
        meta=meta,
    )


def _statements(sql: str) -> list[str]:
    """Split a migration into statements (none of ours has a ';' inside a literal)."""
    return [s.strip() for s in sql.split(";") if s.strip()]
