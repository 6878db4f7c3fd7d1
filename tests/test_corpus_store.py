"""The corpus store: migrations, WAL, transactions, errors."""

from __future__ import annotations

import sqlite3

import pytest

from readouts.corpus.store import MIGRATIONS, TABLES, Migration, Store
from readouts.errors import StorageError


@pytest.mark.parametrize("path", [":memory:", "file"])
def test_corpus_store_applies_every_migration_in_order_and_records_it(tmp_path, path):
    target = ":memory:" if path == ":memory:" else tmp_path / "c.db"
    store = Store(target)
    assert store.applied() == [m.name for m in MIGRATIONS]
    assert [m.name for m in MIGRATIONS] == sorted(m.name for m in MIGRATIONS)
    for table in TABLES:
        assert store.scalar(f"SELECT count(*) FROM {table}") == (
            len(MIGRATIONS) if table == "migrations" else 0
        )


def test_corpus_store_reopening_applies_nothing(tmp_path):
    Store(tmp_path / "c.db").close()
    again = Store(tmp_path / "c.db")
    assert again.migrate() == []
    assert again.scalar("SELECT count(*) FROM migrations") == len(MIGRATIONS)


def test_corpus_store_file_is_in_wal_mode(tmp_path):
    Store(tmp_path / "c.db").close()
    conn = sqlite3.connect(tmp_path / "c.db")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_corpus_store_applies_a_new_migration_only(tmp_path, monkeypatch):
    Store(tmp_path / "c.db").close()
    extra = Migration("9999_test", "CREATE TABLE extra (x INTEGER)")
    monkeypatch.setattr("readouts.corpus.store.MIGRATIONS", (*MIGRATIONS, extra))
    store = Store(tmp_path / "c.db")
    assert store.applied()[-1] == "9999_test"
    assert store.query("SELECT count(*) FROM extra")[0][0] == 0


def test_corpus_store_refuses_a_database_from_a_newer_readouts(tmp_path):
    store = Store(tmp_path / "c.db")
    with store.transaction() as conn:
        conn.execute("INSERT INTO migrations (name, applied_at) VALUES ('9999_future', 'x')")
    store.close()
    with pytest.raises(StorageError, match="newer readouts"):
        Store(tmp_path / "c.db")


@pytest.mark.parametrize(
    "content", [b"just some text, not a database\n" * 200, b"\x89PNG\r\n\x1a\n" + b"\x00" * 5000]
)
def test_corpus_store_refuses_a_file_that_is_not_a_database(tmp_path, content):
    bad = tmp_path / "notes.db"
    bad.write_bytes(content)
    with pytest.raises(StorageError, match="not an SQLite database") as info:
        Store(bad)
    assert info.value.exit_code == 7
    assert bad.read_bytes() == content  # untouched


@pytest.mark.parametrize("where", ["missing/folder/c.db"])
def test_corpus_store_names_a_missing_folder(tmp_path, where):
    with pytest.raises(StorageError, match="does not exist"):
        Store(tmp_path / where)


def test_corpus_store_transaction_rolls_back_everything_on_error():
    store = Store(":memory:")
    with pytest.raises(StorageError), store.transaction() as conn:
        conn.execute(
            "INSERT INTO runs (kind, started_at) VALUES ('x', 'now')",
        )
        conn.execute("INSERT INTO nowhere VALUES (1)")
    assert store.scalar("SELECT count(*) FROM runs") == 0


def test_corpus_store_readonly_cannot_write(tmp_path):
    Store(tmp_path / "c.db").close()
    ro = Store(tmp_path / "c.db", readonly=True)
    assert ro.scalar("SELECT count(*) FROM accounts") == 0
    with pytest.raises(StorageError, match="read-only"), ro.transaction():
        pass


def test_corpus_store_readonly_needs_an_existing_file(tmp_path):
    with pytest.raises(StorageError, match="no corpus database"):
        Store(tmp_path / "absent.db", readonly=True)


def test_corpus_store_digest_ignores_volatile_columns():
    a, b = Store(":memory:"), Store(":memory:")
    for store, stamp in ((a, "2024-01-01T00:00:00+00:00"), (b, "2025-06-01T00:00:00+00:00")):
        with store.transaction() as conn:
            conn.execute(
                "INSERT INTO accounts (id, hash, language, chars, text, ingested_at) "
                "VALUES ('x', 'h', 'en', 3, 'abc', ?)",
                (stamp,),
            )
    assert a.digest() == b.digest()


def test_corpus_store_inserts_by_column_name(tmp_path):
    """Rows are written by column name, in any order; a column the table lacks is refused."""
    from readouts.corpus.store import insert_rows

    store = Store(str(tmp_path / "c.db"))
    row = {"applied_at": "2026-12-03T00:00:00+00:00", "name": "9999_test"}  # not the table's order
    with store.transaction() as conn:
        insert_rows(conn, "migrations", [row])
    got = store.query("SELECT name, applied_at FROM migrations WHERE name = '9999_test'")
    assert [tuple(r) for r in got] == [("9999_test", "2026-12-03T00:00:00+00:00")]
    with pytest.raises(StorageError, match="no column applied"), store.transaction() as conn:
        insert_rows(conn, "migrations", [{"name": "x", "applied": "now"}])
