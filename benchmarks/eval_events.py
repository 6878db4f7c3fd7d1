"""Event export against labelled sentences: PLOVER's gold records and our own sets.

Each sentence is coded alone, as ``readouts export-events`` codes a one-sentence file
(:func:`readouts.ingest.account_from_text`, :func:`readouts.reading.read`,
:func:`readouts.events.reading_events`), and compared with its gold label:

- ``talk`` / ``material``: the share of sentences whose gold type is among the emitted
  types (talk: AGREE, REQUEST/DEMAND, REJECT, THREATEN, PROTEST, ACCUSE/DISAPPROVE,
  SUPPORT, CONSULT, CONCEDE, COOPERATE, as issue 15 counts them; material: the rest,
  INVESTIGATE and FIGHT included). Older names are read as today's (DEMAND is REQUEST,
  DISAPPROVE and INVESTIGATE are ACCUSE, FIGHT is ASSAULT: ``data/plover.tsv``);
- ``*_first``: the same, counting only the first event emitted (the stricter figure);
- ``source_country``: of the sentences whose gold source has a country code (three
  letters; not IGO, NGO, IMG, ISM...), the share whose first source actor, in the
  record of the gold type (else the first record), has one of those codes; a sentence
  with no event counts as wrong;
- ``no_event`` (share with no record), ``refused`` (sentences the reader refused: must
  be 0), and for sets with sentences labelled ``-`` (no event) ``false_event``.

Inputs: PLOVER gold records (``../shared/eval/plover/gsr_dev.jsonl``, see its README)
and our labelled sets (``eval/events_zh``: ``zh``, the sentences the rules were written
against, and ``zh_check``, written afterwards and never used to change a rule;
``eval/events_en``: an English check of the same kind). One JSON object a line,
``{"id", "text", "event", "source", "target"}``; see their READMEs.

Usage::

    .venv/bin/python benchmarks/eval_events.py                      # all three sets
    .venv/bin/python benchmarks/eval_events.py --floors eval/event_floors.json
    .venv/bin/python benchmarks/eval_events.py --set gsr=PATH --mistakes

Exit 0, or 1 when a figure falls below its floor in ``--floors``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from readouts.errors import ReadoutsError
from readouts.events import reading_events
from readouts.ingest import account_from_text
from readouts.lexicon import default_lexicon
from readouts.plover import default_event_lexicon
from readouts.reading import read

ROOT = Path(__file__).resolve().parents[1]
SETS = {
    "gsr": ROOT.parent / "shared" / "eval" / "plover" / "gsr_dev.jsonl",
    "zh": ROOT / "eval" / "events_zh" / "events_zh.jsonl",
    "zh_check": ROOT / "eval" / "events_zh" / "events_zh_check.jsonl",
    "en": ROOT / "eval" / "events_en" / "events_en.jsonl",
}
#: Talk events as issue 15 counts them, by the name the gold file gives (INVESTIGATE and
#: FIGHT, read as ACCUSE and ASSAULT, count as material, as they did there).
TALK = frozenset(
    {
        "AGREE",
        "REQUEST",
        "DEMAND",
        "REJECT",
        "THREATEN",
        "PROTEST",
        "ACCUSE",
        "DISAPPROVE",
        "SUPPORT",
        "CONSULT",
        "CONCEDE",
        "COOPERATE",
    }
)
#: CAMEO codes of actors that are not countries (international and transnational).
NOT_COUNTRY = frozenset({"IGO", "NGO", "IMG", "ISM", "MNC", "UIS", "UNO", "EUR", "NATO"})
_CODE = re.compile(r"^[A-Z]{3}$")


@dataclass(frozen=True)
class Item:
    """One labelled sentence, with its gold type in today's PLOVER names."""

    id: str
    text: str
    gold: str  # "" when the sentence reports no event
    gold_name: str  # the type as the gold file spells it
    sources: tuple[str, ...]  # gold source country codes


def _countries(codes: list[str]) -> tuple[str, ...]:
    return tuple(c for c in codes if c and _CODE.match(c) and c not in NOT_COUNTRY)


def load(path: Path) -> list[Item]:
    """A gold file: PLOVER records (``source`` a list of entities) or a labelled set
    (``source`` a code)."""
    ev = default_event_lexicon()
    items = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        name = str(row.get("event") or "-")
        gold = "" if name == "-" else ev.resolve(name)[0]
        if name != "-" and not gold:
            raise SystemExit(f"{path}: {row.get('id')}: unknown event type {name!r}")
        src = row.get("source")
        if isinstance(src, list):
            codes = [str(a.get("code") or "") for a in src if isinstance(a, dict)]
        else:
            codes = [str(src or "")]
        items.append(Item(str(row["id"]), str(row["text"]), gold, name, _countries(codes)))
    return items


def code(text: str, ident: str) -> list[dict[str, Any]]:
    """The records of one sentence coded alone (raises ReadoutsError when refused)."""
    lexicon = default_lexicon()
    return reading_events(read(account_from_text(text, id=ident), lexicon), lexicon)


def score(items: list[Item]) -> dict[str, Any]:
    """The figures of the module doc over ``items``, with the mistakes listed."""
    n: Counter[str] = Counter()
    mistakes: list[dict[str, Any]] = []
    by_type: dict[str, list[int]] = {}
    for it in items:
        try:
            records = code(it.text, it.id)
        except ReadoutsError as exc:
            n["refused"] += 1
            mistakes.append({"id": it.id, "why": f"refused: {exc.message}", "text": it.text})
            continue
        types = [t for r in records for t in r["event"]]
        n["sentences"] += 1
        n["no_event"] += not types
        if not it.gold:
            n["none_gold"] += 1
            n["false_event"] += bool(types)
            if types:
                mistakes.append({"id": it.id, "gold": "-", "got": types, "text": it.text})
            continue
        kind = "talk" if it.gold_name in TALK else "material"
        hit = it.gold in types
        first = bool(types) and types[0] == it.gold
        n[kind] += 1
        n[f"{kind}_hit"] += hit
        n[f"{kind}_first_hit"] += first
        by_type.setdefault(it.gold, [0, 0])
        by_type[it.gold][0] += hit
        by_type[it.gold][1] += 1
        got_source: list[str] = []
        if it.sources:
            rec = next(
                (r for r in records if it.gold in r["event"]), records[0] if records else None
            )
            got_source = [a.get("code", "") for a in rec["actor"]] if rec else []
            right = bool(got_source) and got_source[0] in it.sources
            n["with_source"] += 1
            n["source_hit"] += right
        if not hit or (it.sources and not (got_source and got_source[0] in it.sources)):
            mistakes.append(
                {
                    "id": it.id,
                    "gold": it.gold_name,
                    "got": types,
                    "gold_source": list(it.sources),
                    "source": got_source,
                    "text": it.text,
                }
            )

    def share(a: str, b: str) -> float | None:
        return round(n[a] / n[b], 3) if n[b] else None

    return {
        "sentences": len(items),
        "talk": share("talk_hit", "talk"),
        "material": share("material_hit", "material"),
        "talk_first": share("talk_first_hit", "talk"),
        "material_first": share("material_first_hit", "material"),
        "source_country": share("source_hit", "with_source"),
        "no_event": share("no_event", "sentences"),
        "false_event": share("false_event", "none_gold"),
        "refused": n["refused"],
        "counts": {k: n[k] for k in ("talk", "material", "with_source", "none_gold")},
        "by_type": {k: f"{v[0]}/{v[1]}" for k, v in sorted(by_type.items())},
        "mistakes": mistakes,
    }


def check(results: dict[str, dict[str, Any]], floors: dict[str, Any]) -> list[str]:
    """Figures below their floors (``refused`` is a ceiling: at most that many)."""
    failures = []
    for name, figures in floors.get("floors", {}).items():
        got = results.get(name)
        if got is None:
            failures.append(f"{name}: not measured")
            continue
        for key, floor in figures.items():
            value = got.get(key)
            if key == "refused":
                if value is None or value > floor:
                    failures.append(f"{name} {key} {value} > {floor}")
            elif value is None or value < floor:
                failures.append(f"{name} {key} {value} < {floor}")
    return failures


def _report(name: str, r: dict[str, Any]) -> str:
    keys = (
        "talk",
        "material",
        "talk_first",
        "material_first",
        "source_country",
        "no_event",
        "false_event",
        "refused",
    )
    figures = "  ".join(f"{k}={r[k]}" for k in keys if r[k] is not None)
    return f"{name} ({r['sentences']} sentences, {r['counts']})\n  {figures}\n  {r['by_type']}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="NAME=PATH",
        help="A gold file to score (repeatable; default: gsr, zh, zh_check, en).",
    )
    ap.add_argument("--floors", type=Path, help="Fail (exit 1) below these floors.")
    ap.add_argument("--mistakes", action="store_true", help="List every mistake.")
    ap.add_argument("--json", action="store_true", help="Print the figures as JSON.")
    args = ap.parse_args(argv)
    sets = dict(s.split("=", 1) for s in args.set) if args.set else SETS
    results = {name: score(load(Path(path))) for name, path in sets.items()}
    if args.json:
        out = {k: {f: v for f, v in r.items() if f != "mistakes"} for k, r in results.items()}
        print(json.dumps(out, indent=2))
    else:
        for name, r in results.items():
            print(_report(name, r))
            if args.mistakes:
                for m in r["mistakes"]:
                    print("   ", json.dumps(m, ensure_ascii=False))
    if args.floors:
        failures = check(results, json.loads(args.floors.read_text(encoding="utf-8")))
        if failures:
            print("event gate failed: " + "; ".join(failures), file=sys.stderr)
            return 1
        print("event gate: every figure is at or above its floor", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
