"""Items 10, 11 and 16: the corpus database under concurrency, read-only, from a newer
readouts; and dates that are not dates.

A second corpus analyze died with a raw 'UNIQUE constraint failed'; a read-only
database could not be searched or trended (WAL needs its -shm file); search answered
on a database from a newer schema while status and analyze refused it; trend --since
accepted 'notadate' and printed an empty table.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from harness import FIXTURES, cli, read_only_view

from readouts.corpus.analyze import analyze
from readouts.corpus.ingest import ingest
from readouts.corpus.pair import pair
from readouts.corpus.store import Store
from readouts.errors import BusyError


@pytest.fixture()
def corpus_db(tmp_path: Path) -> Path:
    """The fixture corpus, ingested, paired and analysed, in a folder of its own."""
    folder = tmp_path / "db"
    folder.mkdir()
    path = folder / "c.db"
    with Store(path) as store:
        ingest(store, [FIXTURES / "corpus"])
        pair(store)
        analyze(store, embedder="fake.v1")
    return path


def test_corpus_second_analyze_is_told_another_runs(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    with Store(path) as store:
        ingest(store, [FIXTURES / "corpus"])
        with store.exclusive("analyze"):  # a first analyze, holding the database
            ran = cli("corpus", "analyze", "--db", str(path), "--embedder", "fake.v1")
            assert ran.code == 7, ran.err
            assert "another corpus analyze is running" in ran.one_line_error()
            with pytest.raises(BusyError):
                analyze(Store(path), embedder="fake.v1")
    done = cli("corpus", "analyze", "--db", str(path), "--embedder", "fake.v1")
    assert done.code == 0, done.err  # once the first is gone, the work goes on


@pytest.mark.parametrize(
    "args",
    [
        ["search", "taiwan"],
        ["trend", "--dyad", "United States", "China"],
        ["status"],
        ["group", "list"],
    ],
    ids=["search", "trend", "status", "group-list"],
)
def test_corpus_read_only_database_is_readable(corpus_db: Path, args: list[str]) -> None:
    with read_only_view(corpus_db.parent) as ro:
        ran = cli("corpus", *args, "--db", str(ro / corpus_db.name))
        assert ran.code == 0, ran.err
        assert ran.out.strip()


def test_corpus_read_only_database_cannot_be_written(corpus_db: Path) -> None:
    with read_only_view(corpus_db.parent) as ro:
        ran = cli("corpus", "analyze", "--db", str(ro / corpus_db.name), "--retry-failed")
        assert ran.code == 7, ran.err


@pytest.mark.parametrize(
    "args",
    [
        ["search", "taiwan"],
        ["trend", "--dyad", "United States", "China"],
        ["status"],
        ["analyze", "--embedder", "fake.v1"],
        ["export", "OUT"],
    ],
    ids=["search", "trend", "status", "analyze", "export"],
)
def test_corpus_newer_schema_is_refused_by_every_command(
    corpus_db: Path, tmp_path: Path, args: list[str]
) -> None:
    with sqlite3.connect(corpus_db) as conn:
        conn.execute(
            "INSERT INTO migrations (name, applied_at) VALUES ('0099_future', '2099-01-01')"
        )
    args = [str(tmp_path / "out") if a == "OUT" else a for a in args]
    ran = cli("corpus", *args, "--db", str(corpus_db))
    assert ran.code == 7, ran.err
    assert "newer readouts" in ran.one_line_error()


@pytest.mark.parametrize("value", ["notadate", "2023-13", "2023-02-30", "23-01-01", "2023/01/01"])
@pytest.mark.parametrize("option", ["--since", "--until"])
def test_corpus_dates_must_be_dates(corpus_db: Path, option: str, value: str) -> None:
    ran = cli("corpus", "trend", "--dyad", "United States", "China", option, value,
              "--db", str(corpus_db))  # fmt: skip
    assert ran.code == 2, ran.err
    assert "is not a date" in ran.err


@pytest.mark.parametrize("value", ["2023", "2023-06", "2023-06-20"])
def test_corpus_dates_may_be_partial(corpus_db: Path, value: str) -> None:
    ran = cli("corpus", "search", "taiwan", "--since", value, "--db", str(corpus_db))
    assert ran.code == 0, ran.err
