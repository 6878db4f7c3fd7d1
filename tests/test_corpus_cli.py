"""The `readouts corpus` commands, in process, against exact output and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from readouts.cli import main

CORPUS = Path(__file__).parent / "fixtures" / "corpus"


@pytest.fixture()
def db(tmp_path) -> str:
    return str(tmp_path / "c.db")


def run(*args: str):
    return CliRunner().invoke(main, ["corpus", *args], catch_exceptions=False)


def test_corpus_cli_ingest_summary_and_exit_codes(db, tmp_path):
    result = run("ingest", str(CORPUS), "--db", db)
    assert result.exit_code == 0
    assert result.output == (
        "added 14, skipped 0 (duplicates), refused 0, ignored 1 (README, LICENSE...)\n"
    )
    (tmp_path / "empty.txt").write_bytes(b"")
    result = run("ingest", str(CORPUS / "us"), str(tmp_path / "empty.txt"), "--db", db)
    assert result.exit_code == 1  # some refused
    assert result.output.splitlines() == [
        "added 0, skipped 6 (duplicates), refused 1",
        f"  refused {tmp_path / 'empty.txt'}: the file is empty",
    ]
    result = run("ingest", str(tmp_path / "empty.txt"), "--db", db)
    assert result.exit_code == 126  # everything refused


def test_corpus_cli_whole_flow(db, tmp_path):
    assert run("ingest", str(CORPUS), "--db", db).exit_code == 0
    result = run("pair", "--db", db, "--no-vectors", "--json")
    report = json.loads(result.output)
    assert (report["groups"], report["grouped"], report["unpaired"]) == (5, 11, 1)
    listed = run("group", "list", "--db", db)
    assert len(listed.stdout.splitlines()) == 5
    first = listed.stdout.split()[0]
    assert run("group", "confirm", first, "--db", db).output == "confirmed 1 group\n"
    shown = run("group", "show", first, "--db", db).output
    assert shown.startswith(f"{first}  2023-03-01  china / united_states  confirmed\n")
    result = run("analyze", "--db", db, "--embedder", "fake.v1", "--json")
    assert result.exit_code == 0
    assert json.loads(result.output)["read"] == 14
    assert json.loads(run("status", "--db", db, "--json").output)["unread"] == 0
    hits = json.loads(run("search", "红线", "--db", db, "--json").stdout)
    assert len(hits) == 2
    trend = run("trend", "--dyad", "United States", "China", "--db", db, "--format", "csv")
    assert trend.output.splitlines()[0].startswith("date,meeting,paired,accounts,format,")
    assert len(trend.output.splitlines()) == 5
    table = run("trend", "--dyad", "United States", "China", "--db", db).output
    last = table.splitlines()[-1]
    assert last.startswith("2023: 4 meetings, 4 with both accounts, mean convergence ")
    out = tmp_path / "out"
    exported = run("export", str(out), "--db", db, "--format", "csv", "--format", "plover")
    assert "events.plover.jsonl" in exported.output and (out / "claims.csv").exists()


def test_corpus_cli_split_and_merge(db):
    run("ingest", str(CORPUS), "--db", db)
    run("pair", "--db", db, "--no-vectors")
    groups = json.loads(run("group", "list", "--db", db, "--json").stdout)
    march8 = next(g for g in groups if len(g["accounts"]) == 3)
    result = run("group", "split", march8["id"], "mfa-2023-03-08-wang-yi-blinken-en", "--db", db)
    assert result.output.startswith("split; groups now: 2023-03-08_china-united_states_")
    new = result.output.split(": ", 1)[1].strip()
    merged = run("group", "merge", new, "mfa-2023-03-08-wang-yi-blinken-en", "--db", db)
    assert merged.output.startswith("merged into 2023-03-08_china-united_states_")


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("trend", "--dyad", "Atlantis", "China"), 5, "unknown party 'Atlantis'"),
        (("group", "confirm"), 5, "name the groups to confirm"),
        (("search", "???"), 5, "the search has no words in it"),
    ],
)
def test_corpus_cli_errors_are_one_line(db, args, code, message):
    run("ingest", str(CORPUS / "us"), "--db", db)
    result = CliRunner().invoke(main, ["corpus", *args, "--db", db])
    assert result.exit_code == code
    assert message in result.output


def test_corpus_cli_storage_error_exits_7(tmp_path):
    bad = tmp_path / "notes.txt"
    bad.write_text("not a database\n" * 100, "utf-8")
    result = CliRunner().invoke(main, ["corpus", "status", "--db", str(bad)])
    assert result.exit_code == 7
    assert result.output == f"readouts: error: {bad}: this file is not an SQLite database\n"


def test_corpus_cli_progress_bar_is_sized_by_items_and_accounts(db, monkeypatch):
    import click

    bars: dict[str, list[int]] = {}  # label -> [length, sum of updates]
    real = click.progressbar

    def recording(*args, **kwargs):
        bar = real(*args, **kwargs)
        seen = bars.setdefault(kwargs["label"], [kwargs["length"], 0])
        update = bar.update

        def counted(n, *rest):
            seen[1] += n
            return update(n, *rest)

        bar.update = counted
        return bar

    monkeypatch.setattr(click, "progressbar", recording)
    assert run("ingest", str(CORPUS), "--db", db, "--progress").exit_code == 0
    assert bars["ingest"] == [14, 14]  # 11 files and 3 JSON Lines rows
    assert run("analyze", "--db", db, "--embedder", "fake.v1", "--progress").exit_code == 0
    assert bars["analyze"][0] == bars["analyze"][1] == 14


def test_corpus_cli_ingest_fetches_a_list_of_addresses(db, tmp_path, web_server):
    urls = tmp_path / "urls.txt"
    urls.write_text(
        "# the two accounts of the fixture call, and two that fail\n"
        f"{web_server}/call_us\n\n{web_server}/call_cn\n{web_server}/missing\n"
        "ftp://example.org/x.txt\n",
        encoding="utf-8",
    )
    result = run("ingest", "--urls", str(urls), "--db", db, "--json")
    assert result.exit_code == 1  # some refused
    report = json.loads(result.output)
    assert report["added"] == 2
    reasons = {r["item"]: r["reason"] for r in report["refused"]}
    assert "404" in reasons[f"{web_server}/missing"]
    assert "http" in reasons["ftp://example.org/x.txt"]
    from readouts.corpus.store import Store

    rows = Store(db).conn.execute("SELECT id, source, meta FROM accounts ORDER BY id").fetchall()
    assert [r[0] for r in rows] == ["call_cn", "call_us"]
    assert rows[1][1] == f"{web_server}/call_us"
    meta = json.loads(rows[1][2])
    assert meta["url"] == f"{web_server}/call_us" and meta["fetched_at"]


def test_corpus_cli_ingest_needs_something(db):
    result = CliRunner().invoke(main, ["corpus", "ingest", "--db", db])
    assert result.exit_code == 2
