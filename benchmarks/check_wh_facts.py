"""Meeting facts over the White House readouts: does extraction run clean, and is it right?

Runs :func:`readouts.facts.extract_facts` (through :func:`readouts.reading`) on every file of
the White House corpus whose name contains ``readout``, counts errors (there must be
none) and how often each fact was found, and writes a random sample (fixed seed) with
the text it was read from, for checking by hand::

    .venv/bin/python benchmarks/check_wh_facts.py                     # run, write the sample
    .venv/bin/python benchmarks/check_wh_facts.py --score judged.jsonl  # precision of a judgement

To judge, set ``"ok": {"counterpart": true|false|null, "date": ..., "format": ...}`` on each
row of the sample (``null`` when nothing was extracted, so precision does not count it)
and pass the file to ``--score``. Exit 1 when any file raised an error.

**The hand-checked set.** ``eval/wh_facts.jsonl`` holds 100 readout files drawn at random
(seed 1212) and checked by hand, by reading each file: who took part on the issuer's side
(``principals``) and on the other (``counterparts``, with their party where it is a
foreign one), people the text names as present who may or may not be listed
(``optional``), the meeting's date (and last day), its format and its place, as the
account states them ("" when it does not). ``--gold`` scores the extraction against it,
fact by fact, and ``--floor`` fails (exit 1) when a fact is right in fewer files than that
share::

    .venv/bin/python benchmarks/check_wh_facts.py --gold eval/wh_facts.jsonl --floor 0.97

Participants are right when every required person or group is found in its position,
nothing is found that the file does not name, no person has the wrong party, and no role
is a bare form of address ("Mr."). A person matches by the lexicon (the same actor) or by
name: the surname agrees and every word extracted is in the name as checked; a group
matches when the words of the checked name are all in the extracted one (a list of
groups may be found as one). Places match without "the" and case, or when the place found is
the first part of the one checked ("Wilmington" for "Wilmington, Delaware").
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import random
import re
import sys
import tempfile
import time
import traceback
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

from readouts.facts import counterparts
from readouts.facts.words import HONORIFICS
from readouts.ingest import read_account
from readouts.lexicon import default_lexicon
from readouts.reading import read

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "whitehouse"
FACTS = ("counterpart", "date", "format")
#: The facts of the hand-checked set.
CHECKED = ("participants", "date", "format", "place")


def readout_files(corpus: Path) -> list[Path]:
    """Every file under ``corpus`` whose name contains "readout", in a stable order."""
    return sorted(p for p in corpus.rglob("*") if p.is_file() and "readout" in p.name.lower())


def _counterpart_text(facts: Any) -> str:
    out = []
    for p in counterparts(facts):
        name = p.name or p.role
        extra = ", ".join(x for x in (p.role if p.name else "", p.affiliation) if x)
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


# --------------------------------------------------------------------------- the checked set

_STOP = frozenset("the a an of and from for with to in on at by".split())
_SUFFIXES = frozenset(("jr", "sr", "ii", "iii", "iv"))


def _words(name: str) -> list[str]:
    name = re.sub(r"['’]", "", name)
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.findall(r"[a-z0-9]+", folded)


def _surname(name: str) -> str:
    words = [w for w in _words(name) if w not in _SUFFIXES]
    return words[-1] if words else ""


def _actor(name: str, lexicon: Any) -> str:
    """The lexicon person a name stands for ("" when none)."""
    person = lexicon.person_named(name)
    if person is not None:
        return str(person.id)
    found = [
        m for m in lexicon.actor_matcher.find(name, "en") if lexicon.actors[m.id].kind == "person"
    ]
    return found[0].id if len(found) == 1 else ""


def _matches(gold: str, found: dict[str, Any], lexicon: Any) -> bool:
    """Does an extracted participant stand for the checked name?"""
    name = str(found.get("name") or "")
    if not name:
        return False
    ga, fa = _actor(gold, lexicon), _actor(name, lexicon)
    if ga and fa:
        return ga == fa
    gw, fw = _words(gold), _words(name)
    if found.get("kind") == "person" and len(gw) <= 5:
        return _surname(gold) == _surname(name) and set(fw) <= set(gw)
    content = [w for w in gw if w not in _STOP]
    return bool(content) and set(content) <= set(fw)


def participant_errors(row: dict[str, Any], facts: Any, own: str, lexicon: Any) -> list[str]:
    """What is wrong with the extracted participants ([] when they are right)."""
    found = [dataclasses.asdict(p) for p in facts.participants if p.name]
    errors = []
    wanted = [(n, "principal", "") for n in row["principals"]]
    wanted += [(c["name"], "counterpart", c.get("party", "")) for c in row["counterparts"]]
    for name, position, party in wanted:
        hits = [p for p in found if p.get("position") == position and _matches(name, p, lexicon)]
        if not hits:
            errors.append(f"{position} {name!r} not found")
        for p in hits:
            got = str(p.get("party") or "")
            if p.get("kind") == "person" and got and party and got != party:
                errors.append(f"{name!r} has party {got!r}, not {party!r}")
            if p.get("kind") == "person" and position == "principal" and got and got != own:
                errors.append(f"{name!r} has party {got!r}, not the issuer's")
    names = [n for n, _, _ in wanted] + list(row.get("optional", ()))
    for p in found:
        if not any(_matches(n, p, lexicon) for n in names):
            errors.append(f"found {p.get('position')} {p.get('name')!r}, not in the file")
        elif not any(
            _matches(n, p, lexicon) and pos in (p.get("position"), "any")
            for n, pos in [(n, pos) for n, pos, _ in wanted]
            + [(n, "any") for n in row.get("optional", ())]
        ):
            errors.append(f"{p.get('name')!r} found as {p.get('position')}")
        if HONORIFICS.match(str(p.get("role") or "")):
            errors.append(f"{p.get('name')!r} has the role {p.get('role')!r}, a form of address")
    return errors


def _place(value: str) -> str:
    return re.sub(r"^the\s+", "", value.strip(), flags=re.I).lower()


def fact_errors(row: dict[str, Any], lexicon: Any) -> dict[str, list[str]]:
    """Per fact, what the extraction got wrong for one checked file."""
    reading = read(read_account(CORPUS / row["file"]), lexicon)
    f = reading.facts
    own = reading.account.party
    date = f.date
    if date.startswith("--") and reading.account.date[:4].isdigit():
        date = reading.account.date[:4] + date[1:]
    out: dict[str, list[str]] = {"participants": participant_errors(row, f, own, lexicon)}
    out["date"] = (
        []
        if (date, f.date_end.replace("--", reading.account.date[:4] + "-") if f.date_end else "")
        == (row["date"], row.get("date_end", ""))
        else [f"date {date}/{f.date_end} for {row['date']}/{row.get('date_end', '')}"]
    )
    out["format"] = (
        [] if f.format == row["format"] else [f"format {f.format!r} for {row['format']!r}"]
    )
    got, want = _place(f.place), _place(row["place"])
    same = got == want or (
        bool(got) and want.startswith(got + ",")
    )  # "Wilmington" for "Wilmington, Delaware"
    out["place"] = [] if same else [f"place {f.place!r} for {row['place']!r}"]
    return out


def check(gold: Path, floor: float | None, show: bool) -> int:
    """Score the extraction against the hand-checked set; exit 1 below the floor."""
    lexicon = default_lexicon()
    rows = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line]
    right: Counter[str] = Counter()
    wrong: list[tuple[str, str, list[str]]] = []
    for row in rows:
        for fact, errors in fact_errors(row, lexicon).items():
            if errors:
                wrong.append((row["file"], fact, errors))
            else:
                right[fact] += 1
    n = len(rows)
    failed = []
    print(f"hand-checked files: {n}")
    for fact in CHECKED:
        share = right[fact] / n if n else 0.0
        below = floor is not None and share < floor
        failed += [fact] if below else []
        note = "  BELOW THE FLOOR" if below else ""
        print(f"  {fact:<13} right in {right[fact]:>3} of {n} ({share:.2f}){note}")
    if show:
        for file, fact, errors in wrong:
            print(f"  {fact}: {file}: " + "; ".join(errors))
    return 1 if failed else 0


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
    ap.add_argument(
        "--gold", type=Path, help="score against a hand-checked set (eval/wh_facts.jsonl)"
    )
    ap.add_argument("--floor", type=float, help="with --gold: the least share right per fact")
    ap.add_argument("--errors", action="store_true", help="with --gold: list every mistake")
    args = ap.parse_args(argv)
    if args.gold:
        return check(args.gold, args.floor, args.errors)
    if args.score:
        return score(args.score)
    return run(args.corpus, args.sample, args.seed, args.out)


if __name__ == "__main__":
    sys.exit(main())
