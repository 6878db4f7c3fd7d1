#!/usr/bin/env python3
"""What the training set holds: meetings, points, relations, languages, scripts, counterparts.

python3 eval/train/stats.py            # a table, and the issue's minimums checked
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent

MINIMUMS = {
    "meetings": 30,
    "points": 600,
    "meetings with a Chinese account": 10,
    "meetings with a traditional-script account": 3,
    "meetings with an English and a Chinese version of one side": 5,
    "conflict points": 40,
}


def main() -> int:
    files = sorted(HERE.glob("*.json"))
    counts: Counter[str] = Counter()
    relations: Counter[str] = Counter()
    provenance: Counter[str] = Counter()
    counterparts: Counter[str] = Counter()
    for f in files:
        g = json.loads(f.read_text(encoding="utf-8"))
        counts["meetings"] += 1
        counts["points"] += len(g["points"])
        for p in g["points"]:
            relations[p["relation"].split(":")[0]] += 1
        langs = {a["id"]: a["language"] for a in g["accounts"]}
        if any(v.startswith("zh") for v in langs.values()):
            counts["meetings with a Chinese account"] += 1
        if any(v in ("zh-Hant", "zh-TW", "zh-HK") for v in langs.values()):
            counts["meetings with a traditional-script account"] += 1
        sides: dict[str, set[str]] = {}
        for a in g["accounts"]:
            sides.setdefault(a["side"], set()).add(a["language"][:2])
            provenance[a["provenance"]] += 1
        for party in {a["party"] for a in g["accounts"] if a["side"] != "us"}:
            counterparts[party] += 1
        if any({"en", "zh"} <= langs for langs in sides.values()):
            counts["meetings with an English and a Chinese version of one side"] += 1
    counts["conflict points"] = relations["conflict"]
    print(f"{len(files)} gold files in {HERE}")
    for key, floor in MINIMUMS.items():
        mark = "ok" if counts[key] >= floor else "BELOW"
        print(f"  {key:<60} {counts[key]:>5}  (at least {floor}: {mark})")
    print("  relations: " + ", ".join(f"{k} {v}" for k, v in sorted(relations.items())))
    print("  accounts by provenance: " + ", ".join(f"{k} {v}" for k, v in provenance.items()))
    print("  counterparts: " + ", ".join(f"{k} {v}" for k, v in counterparts.most_common()))
    return 0 if all(counts[k] >= v for k, v in MINIMUMS.items()) else 1


if __name__ == "__main__":
    sys.exit(main())
