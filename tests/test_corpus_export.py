"""Export: every table as CSV and Parquet; events as PLOVER-style JSON Lines."""

from __future__ import annotations

import csv
import json

import pytest

from readouts.corpus.export import export
from readouts.corpus.store import TABLES
from readouts.errors import ConfigError


def test_corpus_export_csv_has_every_table_and_row(corpus_store, tmp_path):
    written = export(corpus_store, tmp_path, formats=["csv"])
    assert set(written) == {f"{t}.csv" for t in TABLES}
    for table in TABLES:
        with open(tmp_path / f"{table}.csv", encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh))
        assert rows[0] == corpus_store.columns(table)
        assert len(rows) - 1 == corpus_store.scalar(f"SELECT count(*) FROM {table}")
    assert not list(tmp_path.glob("*.part"))


def test_corpus_export_parquet_round_trips(corpus_store, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    export(corpus_store, tmp_path, formats=["parquet"])
    for table in TABLES:
        t = pq.read_table(tmp_path / f"{table}.parquet")
        assert t.column_names == corpus_store.columns(table)
        assert t.num_rows == corpus_store.scalar(f"SELECT count(*) FROM {table}")
    claims = pq.read_table(tmp_path / "claims.parquet").to_pylist()
    stored = {r["id"]: r["text"] for r in corpus_store.query("SELECT id, text FROM claims")}
    assert {c["id"]: c["text"] for c in claims} == stored


def test_corpus_export_plover_events(corpus_store, tmp_path):
    export(corpus_store, tmp_path, formats=["plover"])
    lines = (tmp_path / "events.plover.jsonl").read_text("utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) == corpus_store.scalar("SELECT count(*) FROM events") > 0
    consult = [r for r in records if r["event"] == ["CONSULT"]]
    assert consult and all(r["actor"] and r["date"] for r in consult)
    grouped = [r for r in records if r["meeting"]]
    assert grouped and all(r["meeting"].startswith("2023-") for r in grouped)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [({"formats": ["xlsx"]}, "unknown export format"), ({"tables": ["secrets"]}, "unknown table")],
)
def test_corpus_export_refuses_unknown_formats_and_tables(corpus_store, tmp_path, kwargs, message):
    with pytest.raises(ConfigError, match=message):
        export(corpus_store, tmp_path, **kwargs)
