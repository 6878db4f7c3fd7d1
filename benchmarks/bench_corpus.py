"""Corpus pipeline at scale, measured in one run on this machine.

Prints, for the whole White House corpus (../shared/corpus/whitehouse, 6,920 files):

1. ingest + pair + analyze with ``--workers`` local processes: wall time per stage and in
   all (target <= 20 minutes), documents/s, sentences/s, peak memory of the whole
   process tree (target <= 1.5 GB);
2. the raw encoder (``USEEmbedder``) on exactly the texts the pipeline encoded, with the
   same number of processes and encoder threads: the ratio of pipeline throughput to
   the encoder's (target >= 0.8), end to end and for the analysis stage alone;
3. Dask: ``analyze --dask local`` on a subset with 1 and with 2 worker processes (one
   encoder thread each): the 2-worker speed-up (target >= 1.6) and whether the rows equal
   a single-process run's;
4. pairing cost on 1x, 2x, 4x and 8x copies of the corpus, each copy's dates shifted past
   the last, with a counterpart account made for every meeting readout (so pairing has
   real candidates to score): time per size and the growth ratios (2.0 = linear).

Usage: python benchmarks/bench_corpus.py [--corpus DIR] [--workers 2] [--limit N]
       [--dask-docs 600] [--skip-dask] [--skip-growth] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import shutil
import sqlite3
import statistics
import tempfile
import threading
import time
from pathlib import Path

import psutil

from readouts.align import content_text
from readouts.corpus.analyze import analyze
from readouts.corpus.ingest import ingest
from readouts.corpus.pair import pair
from readouts.corpus.store import Store
from readouts.corpus.work import default_threads
from readouts.embed import USEEmbedder, get_embedder
from readouts.model import Claim, Speaker

SHARED = Path(__file__).resolve().parents[2] / "shared"


class PeakMemory:
    """Samples the summed RSS of this process and all its children."""

    def __init__(self, every: float = 0.2):
        self.every = every
        self.peak = 0
        self.peak_single = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        me = psutil.Process()
        while not self._stop.is_set():
            total = 0
            for p in [me, *me.children(recursive=True)]:
                try:
                    rss = p.memory_info().rss
                except psutil.Error:
                    continue
                total += rss
                self.peak_single = max(self.peak_single, rss)
            self.peak = max(self.peak, total)
            time.sleep(self.every)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def encoded_texts(store: Store) -> list[list[str]]:
    """Per account, the claim texts the pipeline encoded (as alignment encodes them)."""
    out = []
    texts: dict[str, tuple[str, str]] = {}
    for r in store.iterate("SELECT id, text, language FROM accounts"):
        texts[r[0]] = (r[1], r[2])
    current, batch = None, []
    for r in store.iterate(
        "SELECT account_id, sentence, char_start, char_end, frame_start, frame_end FROM claims "
        "ORDER BY account_id, n"
    ):
        if r[0] != current:
            if batch:
                out.append(batch)
            current, batch = r[0], []
        text, lang = texts[r[0]]
        claim = Claim("x", r[0], r[1], r[2], r[3], Speaker("", "narrator"), frame_start=r[4],
                      frame_end=r[5])  # fmt: skip
        batch.append(content_text(text, claim, lang))
    if batch:
        out.append(batch)
    return out


def _raw_worker(args: tuple[list[list[str]], int]) -> tuple[float, int]:
    """Encode every account's texts as the pipeline does (one call per account, cache
    cleared), after loading the model; returns (seconds, texts)."""
    shards, threads = args
    emb = USEEmbedder(threads=threads)
    emb.encode(["warm up the encoder"])
    n = 0
    t = time.perf_counter()
    for texts in shards:
        emb.clear_cache()
        emb.encode(texts)
        n += len(texts)
    return time.perf_counter() - t, n


def raw_encoder(per_account: list[list[str]], workers: int, threads: int) -> tuple[float, int]:
    """Wall time of the raw encoder on the texts, split over ``workers`` processes."""
    shards: list[list[list[str]]] = [[] for _ in range(workers)]
    for i, texts in enumerate(per_account):
        shards[i % workers].append(texts)
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(workers) as pool:
        results = pool.map(_raw_worker, [(s, threads) for s in shards])
    return max(t for t, _ in results), sum(n for _, n in results)


def copy_db(src: Path, dst: Path) -> Store:
    with sqlite3.connect(src) as a, sqlite3.connect(dst) as b:
        a.backup(b)
    return Store(dst)


def growth_corpus(base: Store, folder: Path, factor: int) -> Store:
    """``factor`` copies of the base's accounts (keys and vectors), dates shifted by a
    whole span per copy, plus a counterpart account for every meeting readout."""
    from datetime import date, timedelta

    db = Store(folder / f"growth{factor}.db")
    rows = base.query(
        "SELECT a.*, k.party AS k_party, k.date AS k_date, k.published, k.format, k.meeting, "
        "k.counterparts, k.persons FROM accounts a JOIN pair_keys k ON k.account_id = a.id"
    )
    vectors = {r[0]: (r[1], r[2], r[3]) for r in base.query("SELECT * FROM vectors")}
    days = [date.fromisoformat(r["k_date"]) for r in rows if r["k_date"]]
    span = (max(days) - min(days)).days + 30
    rng = random.Random(7)

    def shift(iso: str, k: int, extra: int = 0) -> str:
        if not iso:
            return iso
        return (date.fromisoformat(iso) + timedelta(days=k * span + extra)).isoformat()

    accounts, keys, vecs = [], [], []
    for k in range(factor):
        for r in rows:
            for mirror in (False, True):
                if mirror and not (r["meeting"] and r["counterparts"] != "[]"):
                    continue
                ident = f"{r['id']}~{k}{'m' if mirror else ''}"
                extra = rng.choice((0, 0, 1)) if mirror else 0
                party = r["k_party"]
                counter = r["counterparts"]
                if mirror:
                    party = json.loads(r["counterparts"])[0]
                    counter = json.dumps([r["k_party"]])
                accounts.append(
                    (ident, f"{r['hash']}~{k}{mirror}", r["language"], r["script"], party,
                     r["side"], r["issuer"], shift(r["date"], k, extra), r["title"],
                     r["source"], r["path"], r["meta"], r["chars"], r["text"], r["ingested_at"])
                )  # fmt: skip
                keys.append(
                    (ident, party, shift(r["k_date"], k, extra), shift(r["published"], k, extra),
                     r["format"], r["meeting"], counter, r["persons"])
                )  # fmt: skip
                if r["id"] in vectors:
                    vecs.append((ident, *vectors[r["id"]]))
    with db.transaction() as conn:
        conn.executemany(f"INSERT INTO accounts VALUES ({','.join('?' * 15)})", accounts)
        conn.executemany("INSERT INTO pair_keys VALUES (?,?,?,?,?,?,?,?)", keys)
        conn.executemany("INSERT INTO vectors VALUES (?,?,?,?)", vecs)
    return db


def step_pipeline(
    sources: list[str], work: Path, workers: int, threads: int
) -> tuple[Store, float, float]:
    """1. ingest + pair + analyze; returns the store, the wall time and the analyze time."""
    for p in work.glob("corpus.db*"):
        p.unlink()
    store = Store(work / "corpus.db")
    with PeakMemory() as mem:
        t0 = time.perf_counter()
        rep_i = ingest(store, sources, workers=workers)
        t1 = time.perf_counter()
        rep_p = pair(store, embedder=get_embedder(USEEmbedder.name))
        t2 = time.perf_counter()
        rep_a = analyze(store, workers=workers, embedder=USEEmbedder.name, threads=threads)
        t3 = time.perf_counter()
    docs = len(rep_i.added)
    sentences = int(store.scalar("SELECT coalesce(sum(sentences), 0) FROM readings"))
    wall = t3 - t0
    print(
        f"\ningest: {docs:,} added, {len(rep_i.skipped)} duplicates, {len(rep_i.refused)} "
        f"refused in {t1 - t0:.1f}s"
    )
    print(f"pair:   {rep_p.groups} groups, {rep_p.candidates} candidates in {t2 - t1:.1f}s")
    print(
        f"analyze: {rep_a.read:,} read, {rep_a.compared} compared, {len(rep_a.errors)} failed "
        f"in {t3 - t2:.1f}s ({workers} workers x {threads} encoder threads; first batch back "
        f"after {rep_a.first_result:.1f}s)"
    )
    print(f"documents: {docs:,}; sentences: {sentences:,}; claims encoded: {rep_a.encoded:,}")
    print(f"wall time: {wall:.1f}s = {wall / 60:.1f} min  (target <= 20 min)")
    print(f"documents/s: {docs / wall:.1f}; sentences/s: {sentences / wall:.1f}")
    print(
        f"peak memory: {mem.peak / 1e9:.2f} GB summed over the process tree "
        f"(largest process {mem.peak_single / 1e9:.2f} GB)  (target <= 1.5 GB)"
    )
    return store, wall, t3 - t2


def step_raw(store: Store, workers: int, threads: int, wall: float, analysis: float) -> None:
    """2. the raw encoder on the texts the pipeline encoded."""
    per_account = encoded_texts(store)
    raw_t, n = raw_encoder(per_account, workers, threads)
    print(
        f"\nraw encoder: {n:,} texts in {raw_t:.1f}s = {n / raw_t:.0f} texts/s "
        f"({workers} processes x {threads} threads, model loaded)"
    )
    print(f"pipeline:    {n:,} texts in {wall:.1f}s = {n / wall:.0f} texts/s")
    print(f"ratio pipeline/encoder, end to end: {raw_t / wall:.2f}  (target >= 0.8)")
    print(f"ratio pipeline/encoder, analyze alone: {raw_t / analysis:.2f}")


def step_dask(store: Store, work: Path, docs: int) -> None:
    """3. Dask local clusters of 1 and 2 workers on a random subset; rows compared."""
    sub = work / "dask_base.db"
    for p in work.glob("dask*.db*"):
        p.unlink()
    base = Store(sub)
    keep = [r[0] for r in store.query("SELECT id FROM accounts ORDER BY id")]
    random.Random(1).shuffle(keep)
    keep = sorted(keep[:docs])
    marks = ",".join("?" * len(keep))
    with base.transaction() as conn:
        for table in ("accounts", "pair_keys"):
            cols = store.columns(table)
            key = "id" if table == "accounts" else "account_id"
            rows = store.query(f"SELECT * FROM {table} WHERE {key} IN ({marks})", keep)
            conn.executemany(
                f"INSERT INTO {table} VALUES ({','.join('?' * len(cols))})",
                [tuple(r) for r in rows],
            )
    base.close()
    timings, steady, stores = {}, {}, {}
    for n_workers in (1, 2):
        s = copy_db(sub, work / f"dask{n_workers}.db")
        t = time.perf_counter()
        r = analyze(s, dask="local", workers=n_workers, embedder=USEEmbedder.name, threads=1)
        timings[n_workers] = time.perf_counter() - t
        steady[n_workers] = r.seconds - r.first_result
        stores[n_workers] = s
        print(
            f"\ndask local, {n_workers} worker(s): {r.read} accounts, {r.sentences:,} "
            f"sentences in {timings[n_workers]:.1f}s (first batch back after "
            f"{r.first_result:.1f}s: cluster start, model load, one batch)"
        )
    single = copy_db(sub, work / "dask_single.db")
    analyze(single, embedder=USEEmbedder.name, threads=1)
    same = stores[1].digest() == stores[2].digest() == single.digest()
    print(
        f"dask 2-worker speed-up over 1 worker: {timings[1] / timings[2]:.2f} end to end, "
        f"{steady[1] / steady[2]:.2f} after the first batch  (target >= 1.6)"
    )
    print(f"dask rows equal the single-process run's: {'yes' if same else 'NO'}")


def step_growth(store: Store, work: Path) -> None:
    """4. pairing on 1x, 2x, 4x, 8x copies (dates shifted), median of three runs each."""
    times = {}
    for factor in (1, 2, 4, 8):
        for p in work.glob(f"growth{factor}.db*"):
            p.unlink()
        g = growth_corpus(store, work, factor)
        n = g.scalar("SELECT count(*) FROM accounts")
        runs = []
        for _ in range(3):
            with g.transaction() as conn:
                conn.execute("DELETE FROM meetings")
            t = time.perf_counter()
            rep = pair(g, embedder=get_embedder(USEEmbedder.name))
            runs.append(time.perf_counter() - t)
        times[factor] = statistics.median(runs)
        print(
            f"\npairing {factor}x: {n:,} accounts, {rep.candidates:,} candidates, "
            f"{rep.groups:,} groups, {rep.vectors} vectors computed: {times[factor]:.2f}s"
        )
        g.close()
        for p in work.glob(f"growth{factor}.db*"):
            p.unlink()
    ratios = [times[f] / times[f // 2] for f in (2, 4, 8)]
    print(
        "pairing growth ratios (2x/1x, 4x/2x, 8x/4x): "
        + ", ".join(f"{r:.2f}" for r in ratios)
        + f"  (2.0 = linear); 8x/1x = {times[8] / times[1]:.2f} (8.0 = linear)"
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(SHARED / "corpus" / "whitehouse"))
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--limit", type=int, default=None, help="only the first N files")
    ap.add_argument("--dask-docs", type=int, default=600)
    ap.add_argument("--skip-dask", action="store_true")
    ap.add_argument("--skip-growth", action="store_true")
    ap.add_argument("--skip-raw", action="store_true")
    ap.add_argument("--keep", default=None, help="keep the databases in this folder")
    ap.add_argument("--reuse", default=None, help="an analysed corpus database: skip 1 and 2")
    args = ap.parse_args()

    work = Path(args.keep or tempfile.mkdtemp(prefix="bench_corpus_"))
    work.mkdir(parents=True, exist_ok=True)
    sources: list[str] = [args.corpus]
    if args.limit:
        files = sorted(p for p in Path(args.corpus).rglob("*.md") if p.name != "README.md")
        sources = [str(p) for p in files[: args.limit]]
    threads = default_threads(args.workers)
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
    if args.reuse:
        store = Store(args.reuse)
        print(f"reusing {args.reuse}: {store.scalar('SELECT count(*) FROM readings'):,} read")
    else:
        print(f"corpus: {args.corpus} ({len(sources) if args.limit else 'all'} files)")
        store, wall, analysis = step_pipeline(sources, work, args.workers, threads)
        if not args.skip_raw:
            step_raw(store, args.workers, threads, wall, analysis)
    if not args.skip_dask:
        step_dask(store, work, args.dask_docs)
    if not args.skip_growth:
        step_growth(store, work)
    if not args.keep:
        store.close()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
