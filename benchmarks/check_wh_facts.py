"""Meeting facts over the White House readouts: does extraction run clean, and is it right?

Runs :func:`readouts.facts.extract_facts` (through :func:`readouts.read`) on every file of
the White House corpus whose name contains ``readout``, counts errors (there must be
none) and how often each fact was found, and writes a random sample (fixed seed) with
the text it was read from, for checking by hand::

    .venv/bin/python benchmarks/check_wh_facts.py                     # run, write the sample
    .venv/bin/python benchmarks/check_wh_facts.py --score judged.jsonl  # precision of a judgement

To judge, set ``"ok": {"counterpart": true|false|null, "date": ..., "format": ...}`` on each
row of the sample (``null`` when nothing was extracted, so precision does not count it)
and pass the file to ``--score``. Exit 1 when any file raised an error.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path
from typing import Any

from readouts.facts import counterparts
from readouts.ingest import read_account
from readouts.lexicon import default_lexicon
from readouts.read import read

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "whitehouse"
FACTS = ("counterpart", "date", "format")


def readout_files(corpus: Path) -> list[Path]:
    """Every file under ``corpus`` whose name contains "readout", in a stable order."""
    return sorted(p for p in corpus.rglob("*") if p.is_file() and "readout" in p.name.lower())


def _counterpart_text(facts: Any) -> str:
    out = []
    for p in counterparts(facts):
        name = p["name"] or p["role"]
        extra = ", ".join(x for x in (p["role"] if p["name"] else "", p["affiliation"]) if x)
        out.append(f"{name} ({extra})" if extra else name)
    return "; ".join(out)


def row(path: Path) -> dict[str, Any]:
    """The facts of one file, with the first paragraph they were read from."""
    reading = read(read_account(path), default_lexicon())
    text = reading.account.text
    facts = reading.facts
    first = reading.sentences[0].paragraph if reading.sentences else 0
    para = " ".join(
        text[s.start : s.end] for s in reading.sentences if s.paragraph in (first, first + 1)
    )
    fs, fe = facts.format_span
    return {
        "file": str(path.relative_to(path.parents[2])),
        "title": reading.account.title,
        "account_date": reading.account.date,
        "text": para[:900],
        "counterpart": _counterpart_text(facts),
        "date": facts.date + (f"/{facts.date_end}" if facts.date_end else ""),
        "date_text": facts.date_text,
        "format": facts.format,
        "format_text": text[fs:fe] if fs >= 0 else ("(title)" if facts.format else ""),
        "place": facts.place,
        "requested_by": facts.requested_by or facts.requested_by_name,
        "ok": {"counterpart": None, "date": None, "format": None},
    }


def run(corpus: Path, sample: int, seed: int, out: Path) -> int:
    files = readout_files(corpus)
    if not files:
        print(f"no readout files under {corpus}", file=sys.stderr)
        return 1
    found: Counter[str] = Counter()
    errors: list[tuple[Path, str]] = []
    rows: dict[Path, dict[str, Any]] = {}
    t0 = time.perf_counter()
    for path in files:
        try:
            r = row(path)
        except Exception as exc:  # the point of the script: count every failure
            errors.append((path, f"{exc.__class__.__name__}: {exc}"))
            if len(errors) <= 3:
                traceback.print_exc()
            continue
        rows[path] = r
        for fact in FACTS:
            found[fact] += bool(r[fact])
    seconds = time.perf_counter() - t0
    n = len(files)
    print(
        f"files: {n}   errors: {len(errors)}   "
        f"time: {seconds:.1f} s ({1000 * seconds / n:.1f} ms/file)"
    )
    for fact in FACTS:
        print(f"  {fact:<12} found in {found[fact]:>5} of {n} ({100 * found[fact] / n:.1f}%)")
    for path, message in errors[:20]:
        print(f"  error: {path}: {message}")
    chosen = random.Random(seed).sample(sorted(rows), min(sample, len(rows)))
    with out.open("w", encoding="utf-8") as fh:
        for path in chosen:
            fh.write(json.dumps(rows[path], ensure_ascii=False) + "\n")
    print(f"sample of {len(chosen)} (seed {seed}) written to {out}")
    return 1 if errors else 0


def score(judged: Path) -> int:
    """Precision of each fact over the judged rows that extracted it."""
    rows = [json.loads(line) for line in judged.read_text(encoding="utf-8").splitlines() if line]
    print(f"judged rows: {len(rows)}")
    for fact in FACTS:
        verdicts = [r["ok"][fact] for r in rows if r["ok"].get(fact) is not None]
        right = sum(bool(v) for v in verdicts)
        extracted = sum(1 for r in rows if r[fact])
        precision = right / len(verdicts) if verdicts else 0.0
        print(
            f"  {fact:<12} precision {precision:.3f} ({right} right of {len(verdicts)} judged; "
            f"{extracted} of {len(rows)} rows extracted it)"
        )
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS, help="the White House corpus folder")
    ap.add_argument("--sample", type=int, default=50, help="rows to sample for hand-checking")
    ap.add_argument("--seed", type=int, default=20240829, help="seed of the sample")
    ap.add_argument(
        "-o",
        "--out",
        type=Path,
        default=Path(tempfile.gettempdir()) / "wh_facts_sample.jsonl",
        help="where to write the sample (JSON Lines)",
    )
    ap.add_argument("--score", type=Path, help="score a judged sample instead of running")
    args = ap.parse_args(argv)
    if args.score:
        return score(args.score)
    return run(args.corpus, args.sample, args.seed, args.out)


if __name__ == "__main__":
    sys.exit(main())
