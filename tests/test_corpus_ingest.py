"""Corpus ingest: files, folders, globs, JSON Lines; duplicates; refusals with reasons."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from readouts.corpus.ingest import content_hash, expand, ingest
from readouts.corpus.store import Store

CORPUS = Path(__file__).parent / "fixtures" / "corpus"
N_ACCOUNTS = 14  # 11 files + 3 JSON Lines rows


@pytest.fixture()
def store() -> Store:
    return Store(":memory:")


def test_corpus_ingest_fixture_folder_adds_every_account(store):
    report = ingest(store, [CORPUS])
    assert len(report.added) == N_ACCOUNTS
    assert report.skipped == [] and report.refused == []
    assert [Path(p).name for p in report.ignored] == ["README.md"]
    blinken = "2023-03-01-readout-of-secretary-blinkens-call-with-wang-yi"
    row = store.query("SELECT * FROM accounts WHERE id = ?", (blinken,))[0]
    assert (row["date"], row["language"]) == ("2023-03-01", "en")
    assert row["title"] == "Readout of Secretary Blinken's Call with PRC Foreign Minister Wang Yi"
    assert row["source"].startswith("https://www.state.gov/")
    zh = store.query("SELECT * FROM accounts WHERE id = '2023-03-01_wang-yi-blinken-call_zh'")[0]
    assert (zh["date"], zh["language"]) == ("2023-03-01", "zh")  # date from the file name
    row = store.query("SELECT * FROM accounts WHERE id = 'mfa-2023-06-20-xi-biden-zh'")[0]
    assert row["party"] == "china" and row["issuer"] == "中华人民共和国外交部"
    assert row["path"].endswith("cn_statements.jsonl:2")
    assert store.scalar("SELECT count(*) FROM pair_keys") == N_ACCOUNTS


def test_corpus_ingest_again_changes_nothing(store):
    ingest(store, [CORPUS])
    before = {t: store.stable_rows(t) for t in ("accounts", "pair_keys")}
    stamps = store.query("SELECT id, ingested_at FROM accounts ORDER BY id")
    report = ingest(store, [CORPUS])
    assert report.added == [] and len(report.skipped) == N_ACCOUNTS
    assert {t: store.stable_rows(t) for t in before} == before
    assert store.query("SELECT id, ingested_at FROM accounts ORDER BY id") == stamps


def test_corpus_ingest_same_text_in_another_format_is_a_duplicate(store, tmp_path):
    ingest(store, [CORPUS / "us"])
    text = (CORPUS / "cn" / "2023-03-01_wang-yi-blinken-call_zh.txt").read_text("utf-8")
    (tmp_path / "a.txt").write_text(text, "utf-8")
    row = {"id": "again", "text": text.replace("\n\n", "\n  \n")}  # whitespace differs only
    (tmp_path / "b.jsonl").write_text(json.dumps(row, ensure_ascii=False) + "\n", "utf-8")
    report = ingest(store, [tmp_path])
    assert len(report.added) == 1 and report.skipped[0][1] == "a"


def _bad_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "mixed"
    shutil.copytree(CORPUS / "us", folder / "us")
    (folder / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (folder / "empty.md").write_bytes(b"")
    (folder / "blank.txt").write_bytes(b"  \n\n \t\n")
    (folder / "garbled.txt").write_bytes(bytes([0xC3, 0x28, 0xA0, 0xA1, 0xFF, 0xFE, 0x81]) * 300)
    (folder / "french.txt").write_text(
        "Le président a rencontré le premier ministre pour discuter de la coopération "
        "économique et de la sécurité régionale dans le cadre de leur partenariat.",
        "utf-8",
    )
    rows = [
        json.dumps({"id": "good-1", "text": "President Biden spoke with President Xi today."}),
        "{not json at all",
        json.dumps({"id": "no-text", "title": "missing"}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "good-2", "text": "王毅同布林肯通电话。双方同意保持沟通。"}),
    ]
    (folder / "rows.jsonl").write_text("\n".join(rows) + "\n", "utf-8")
    return folder


def test_corpus_ingest_refuses_bad_files_one_by_one_and_keeps_the_rest(store, tmp_path):
    folder = _bad_folder(tmp_path)
    report = ingest(store, [folder])
    reasons = {Path(r.item).name: r.reason for r in report.refused}
    assert reasons == {
        "photo.txt": "this is a PNG image, not text",
        "empty.md": "the file is empty",
        "blank.txt": "the file is empty",
        "garbled.txt": reasons["garbled.txt"],
        "french.txt": "the text looks French; readouts reads English and Chinese only",
        "rows.jsonl:2": (
            "row 2 is not valid JSON (Expecting property name enclosed in double quotes)"
        ),
        "rows.jsonl:3": "row 3 has no 'text' string",
        "rows.jsonl:4": "row 4 is not a JSON object",
    }
    assert "decode" in reasons["garbled.txt"] or "binary" in reasons["garbled.txt"]
    assert {"good-1", "good-2"} <= set(report.added)
    assert len(report.added) == 6 + 2  # the six US accounts and two good rows


def test_corpus_ingest_bad_input_never_touches_what_is_stored(store, tmp_path):
    ingest(store, [CORPUS])
    before = {t: store.stable_rows(t) for t in ("accounts", "pair_keys")}
    (tmp_path / "junk.bin").write_bytes(b"\x7fELF" + b"\x00" * 100)
    (tmp_path / "bad.jsonl").write_text("{oops\n", "utf-8")
    report = ingest(store, [tmp_path / "junk.bin", tmp_path / "bad.jsonl", tmp_path / "nope.md"])
    assert len(report.refused) == 3 and report.added == []
    assert {t: store.stable_rows(t) for t in before} == before


@pytest.mark.parametrize(
    ("pattern", "count"),
    [("cn/*.txt", 4), ("**/2023-06-2*", 3), ("us/*.md", 6), ("nothing/*.md", 0)],
)
def test_corpus_expand_globs(pattern, count):
    files, _, refused = expand([str(CORPUS / pattern)])
    assert len(files) == count
    assert bool(refused) == (count == 0)


def test_corpus_ingest_gives_a_clashing_id_the_hash(store, tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "call.txt").write_text("President Biden spoke with President Xi.", "utf-8")
    (tmp_path / "b" / "call.txt").write_text("Secretary Blinken met Wang Yi in Munich.", "utf-8")
    report = ingest(store, [tmp_path])
    h = content_hash("Secretary Blinken met Wang Yi in Munich.")
    assert report.added == ["call", f"call-{h[:8]}"]


def test_corpus_ingest_in_worker_processes_gives_the_same_rows(tmp_path):
    one, two = Store(tmp_path / "one.db"), Store(tmp_path / "two.db")
    ingest(one, [CORPUS])
    ingest(two, [CORPUS], workers=2, batch=3)
    assert one.digest() == two.digest()


def test_corpus_ingest_progress_counts_items_against_their_total(store):
    calls: list[tuple[int, int]] = []
    ingest(store, [CORPUS], progress=lambda n, total: calls.append((n, total)), batch=4)
    assert {total for _, total in calls} == {N_ACCOUNTS}  # JSON Lines rows count one each
    assert sum(n for n, _ in calls) == N_ACCOUNTS


def test_corpus_ingest_items_expand_folders_rows_and_furniture(tmp_path):
    from readouts.corpus.ingest import items, read_item

    (tmp_path / "a.txt").write_text("The two sides met and agreed to talk again.", encoding="utf-8")
    (tmp_path / "rows.jsonl").write_text(
        '{"id": "r1", "text": "Japan protested."}\n\n{"id": "r2", "text": "中方坚决反对。"}\n',
        encoding="utf-8",
    )
    (tmp_path / "LICENSE").write_text("MIT", encoding="utf-8")
    todo, ignored, refused = items([tmp_path, tmp_path / "missing.txt"])
    assert [i.name for i in todo] == [
        str(tmp_path / "a.txt"),
        f"{tmp_path / 'rows.jsonl'}:1",
        f"{tmp_path / 'rows.jsonl'}:3",
    ]
    assert ignored == [str(tmp_path / "LICENSE")]
    assert [r.reason for r in refused] == ["no such file or folder"]
    assert [read_item(i).language for i in todo] == ["en", "en", "zh"]
