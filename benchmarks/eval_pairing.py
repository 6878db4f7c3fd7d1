"""Pairing on a labelled set: precision and recall of the pairs of statements grouped.

Reads a key (``eval/pairing/key.tsv``: each statement and the meeting it is an account
of, ``-`` for none) and the statements beside it (``statements/<statement>.*``), ingests
them into an in-memory corpus, runs ``corpus pair`` and compares the groups with the key
pair by pair: a pair of statements grouped together is right when the key puts them in
one meeting. Precision is the share of grouped pairs that are right, recall the share of
the key's pairs that were grouped; also the meetings found whole.

With ``--floors FILE`` (JSON ``{"precision": x, "recall": y}``) exits 1 below a floor.
``--no-vectors`` pairs on topics only (no encoder); ``--show`` prints each group, each
missed pair and the keys of the statements involved.

Usage: python benchmarks/eval_pairing.py [--key eval/pairing/key.tsv] [--floors FILE]
       [--no-vectors] [--show]
"""

from __future__ import annotations

import argparse
import itertools
import sys
from pathlib import Path

import _floors

from readouts.corpus.ingest import ingest
from readouts.corpus.pair import groups, pair
from readouts.corpus.store import Store
from readouts.embed import default_embedder
from readouts.lexicon import parse_tsv

ROOT = Path(__file__).resolve().parents[1]


def load_key(path: Path) -> dict[str, str]:
    """statement id -> meeting id ("" for a statement without a counterpart)."""
    _, _, rows = parse_tsv(
        path.read_text("utf-8"), str(path), columns=("statement", "meeting", "issuer")
    )
    return {row["statement"]: "" if row["meeting"] == "-" else row["meeting"] for _, row in rows}


def _pairs(members: dict[str, list[str]]) -> set[frozenset[str]]:
    return {
        frozenset(p) for ids in members.values() for p in itertools.combinations(sorted(ids), 2)
    }


def score(key: dict[str, str], found: list[list[str]]) -> dict[str, float]:
    gold: dict[str, list[str]] = {}
    for statement, meeting in key.items():
        if meeting:
            gold.setdefault(meeting, []).append(statement)
    want = _pairs(gold)
    got = _pairs({str(k): ids for k, ids in enumerate(found)})
    right = want & got
    whole = sum(1 for ids in gold.values() if sorted(ids) in [sorted(g) for g in found])
    return {
        "precision": len(right) / len(got) if got else 1.0,
        "recall": len(right) / len(want) if want else 1.0,
        "pairs": len(want),
        "grouped": len(got),
        "right": len(right),
        "meetings": len(gold),
        "meetings_whole": whole,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--key", default=str(ROOT / "eval" / "pairing" / "key.tsv"))
    ap.add_argument("--statements", default=None, help="folder (default: beside the key)")
    ap.add_argument("--floors", default=None)
    ap.add_argument("--no-vectors", action="store_true")
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args()
    key_path = Path(args.key)
    folder = Path(args.statements) if args.statements else key_path.parent / "statements"
    key = load_key(key_path)
    store = Store(":memory:")
    ingest(store, [folder])
    pair(store, embedder=None if args.no_vectors else default_embedder())
    found = [sorted(a["account_id"] for a in g["accounts"]) for g in groups(store)]
    figures = score(key, found)
    if args.show:
        keys = {r["account_id"]: dict(r) for r in store.query("SELECT * FROM pair_keys")}
        for g in groups(store):
            ids = [a["account_id"] for a in g["accounts"]]
            ok = len({key.get(i) for i in ids}) == 1 and key.get(ids[0])
            print(("ok    " if ok else "WRONG ") + ", ".join(ids))
            for reason in g["reasons"]:
                print("        " + reason)
        grouped = {i for g in found for i in g}
        for statement, meeting in sorted(key.items(), key=lambda kv: kv[1]):
            if meeting and statement not in grouped:
                k = keys.get(statement, {})
                print(
                    f"MISS  {meeting} {statement}: party={k.get('party')!r} date={k.get('date')} "
                    f"meeting={k.get('meeting')} counterparts={k.get('counterparts')} "
                    f"persons={k.get('persons')}"
                )
    print(
        f"pairing set: {len(key)} statements, {figures['meetings']} meetings, "
        f"{figures['pairs']} pairs ({key_path})"
    )
    print("| figure | value |\n|---|---|")
    print(f"| precision (pairs grouped that are right) | {figures['precision']:.2f} |")
    print(f"| recall (pairs of the key grouped) | {figures['recall']:.2f} |")
    print(f"| meetings found whole | {figures['meetings_whole']} of {figures['meetings']} |")
    whole = {"all": {"precision": figures["precision"], "recall": figures["recall"]}}
    return _floors.check(whole, args.floors) if args.floors else 0


if __name__ == "__main__":
    sys.exit(main())
