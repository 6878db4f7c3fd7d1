"""Drift on the planted cases: precision and recall per kind of difference.

Reads a key (``eval/drift/key.tsv``: one row per planted difference, see its header) and
the EN/ZH pairs it names (``<cases>/<case>_en.txt`` and ``_zh.txt``), runs
``readouts.drifts`` on each pair with the default encoder and scores what it reports:

- a reported item is right when an unused key row of the same kind points at one of its
  sentences (the English sentence, or the Chinese one for a sentence only the Chinese
  has); every other item is a false alarm, every key row left unused a miss;
- ``not_versions``: the warning that two texts are not versions of one statement, right
  when the key says so; a warning on a real pair is a false alarm (its items are lost).

Prints a Markdown table of precision and recall per kind (and over all kinds); with
``--floors FILE`` (JSON ``{"precision": x, "recall": y}``, or per kind
``{"number": {"precision": x, "recall": y}, ...}``) exits 1 when a figure is below its floor.

Usage: python benchmarks/eval_drift.py [--key eval/drift/key.tsv] [--cases DIR]
       [--floors eval/drift_floors.json] [--show]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import _floors

from readouts.drifts import DRIFT_KINDS, drift
from readouts.embed import default_embedder
from readouts.ingest import read_account
from readouts.lexicon import default_lexicon, parse_tsv

ROOT = Path(__file__).resolve().parents[1]
KINDS = (*DRIFT_KINDS, "not_versions")


def load_key(path: Path) -> dict[str, list[dict[str, str]]]:
    """The key's rows per case (cases with nothing planted have an empty list)."""
    columns = ("case", "kind", "change", "a", "b", "note")
    _, _, rows = parse_tsv(path.read_text("utf-8"), str(path), columns=columns)
    out: dict[str, list[dict[str, str]]] = {}
    for _, row in rows:
        out.setdefault(row["case"], [])
        if row["kind"] != "none":
            out[row["case"]].append(row)
    return out


def _index(value: str) -> int | None:
    return int(value) - 1 if value.strip() not in ("", "-") else None


def score_case(result, rows: list[dict[str, str]]) -> tuple[Counter, list[str]]:
    """(counts of tp/fp/fn per kind, lines describing each decision)."""
    counts: Counter = Counter()
    lines: list[str] = []
    left = list(rows)
    wanted = [r for r in left if r["kind"] == "not_versions"]
    if result.warning or wanted:
        if result.warning and wanted:
            counts["not_versions", "tp"] += 1
            left.remove(wanted[0])
            lines.append("  ok    not_versions")
        elif result.warning:
            counts["not_versions", "fp"] += 1
            lines.append(f"  FALSE not_versions: {result.warning}")
    for item in result.items:
        match = None
        for row in left:
            if row["kind"] != item.kind:
                continue
            a, b = _index(row["a"]), _index(row["b"])
            if (a is not None and a in item.a_sentences) or (
                b is not None and b in item.b_sentences
            ):
                match = row
                break
        if match is None:
            counts[item.kind, "fp"] += 1
            lines.append(f"  FALSE {item.kind} ({item.change}): {item.note}")
        else:
            counts[item.kind, "tp"] += 1
            left.remove(match)
            lines.append(f"  ok    {item.kind} ({item.change}): {item.note}")
    for row in left:
        counts[row["kind"], "fn"] += 1
        lines.append(
            f"  MISS  {row['kind']} ({row['change']}) a{row['a']} b{row['b']}: {row['note']}"
        )
    return counts, lines


def table(counts: Counter) -> tuple[list[str], dict[str, dict[str, float]]]:
    """Markdown lines and {kind: {precision, recall, tp, fp, fn}}, "all" included."""
    figures: dict[str, dict[str, float]] = {}
    lines = [
        "| kind | planted | reported | right | precision | recall |",
        "|---|---|---|---|---|---|",
    ]
    total = Counter()
    for kind in (*KINDS, "all"):
        if kind == "all":
            tp, fp, fn = total["tp"], total["fp"], total["fn"]
        else:
            tp, fp, fn = (counts[kind, x] for x in ("tp", "fp", "fn"))
            total.update({"tp": tp, "fp": fp, "fn": fn})
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        figures[kind] = {"precision": p, "recall": r, "tp": tp, "fp": fp, "fn": fn}
        lines.append(f"| {kind} | {tp + fn} | {tp + fp} | {tp} | {p:.2f} | {r:.2f} |")
    return lines, figures


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--key", default=str(ROOT / "eval" / "drift" / "key.tsv"))
    ap.add_argument("--cases", default=None, help="folder of the pairs (default: beside the key)")
    ap.add_argument("--floors", default=None)
    ap.add_argument("--show", action="store_true", help="print every decision")
    args = ap.parse_args()
    key_path = Path(args.key)
    cases = Path(args.cases) if args.cases else key_path.parent / "cases"
    key = load_key(key_path)
    lexicon = default_lexicon()
    embedder = default_embedder()
    counts: Counter = Counter()
    for case, rows in sorted(key.items()):
        en = read_account(cases / f"{case}_en.txt", id=f"{case}_en")
        zh = read_account(cases / f"{case}_zh.txt", id=f"{case}_zh")
        result = drift(en, zh, lexicon=lexicon, embedder=embedder)
        found, lines = score_case(result, rows)
        counts.update(found)
        if args.show:
            print(case)
            print("\n".join(lines) or "  (nothing reported, nothing planted)")
    lines, figures = table(counts)
    print(f"drift cases: {len(key)} ({key_path})")
    print("\n".join(lines))
    return _floors.check(figures, args.floors) if args.floors else 0


if __name__ == "__main__":
    sys.exit(main())
