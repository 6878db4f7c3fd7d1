#!/usr/bin/env python3
"""Make the White House accounts of the training set from ../shared, as plain text.

The training meetings' US accounts are White House readouts from
``../shared/corpus/whitehouse`` (Markdown with YAML front matter, lines wrapped). The
gold format wants a plain-text file whose whole content is the account, so this script
writes, for every account in ``eval/train/*.json`` (and ``eval/train/second/*.json``)
that names a ``derived_from`` file, the text readouts' own Markdown reader makes of it
to the account's ``file``. Those files are generated, not committed (third-party text
is read from ../shared at run time). Each account records the SHA-256 of the text it
was annotated on (``sha256``); a mismatch stops the script, because the gold spans
would no longer point at the right words.

    .venv/bin/python eval/train/build_accounts.py          # write the files
    .venv/bin/python eval/train/build_accounts.py --check  # only verify them
    .venv/bin/python eval/train/build_accounts.py eval/train/X.json  # one gold file
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def gold_files() -> list[Path]:
    return sorted(HERE.glob("*.json")) + sorted((HERE / "second").glob("*.json"))


def build(files: list[Path], check: bool = False) -> int:
    from readouts.ingest import read_account

    problems = 0
    done: set[Path] = set()
    for gold in files:
        try:
            raw = json.loads(gold.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            print(f"{gold.name}: cannot read: {exc}", file=sys.stderr)
            problems += 1
            continue
        for acc in raw.get("accounts", []):
            src = acc.get("derived_from")
            if not src:
                continue
            target = (gold.parent / acc["file"]).resolve()
            if target in done:
                continue
            done.add(target)
            source = (gold.parent / src).resolve()
            if not source.exists():
                print(f"{gold.name}: {acc['id']}: source missing: {src}", file=sys.stderr)
                problems += 1
                continue
            text = read_account(source).text + "\n"
            digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
            want = acc.get("sha256")
            if want and want != digest:
                print(
                    f"{gold.name}: {acc['id']}: the text made from {source.name} has changed "
                    f"(sha256 {digest[:12]}, annotated on {want[:12]}); the spans may be stale",
                    file=sys.stderr,
                )
                problems += 1
                continue
            if check:
                if not target.exists() or target.read_text(encoding="utf-8") != text:
                    print(f"{gold.name}: {acc['id']}: {target.name} is missing or stale")
                    problems += 1
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
            if not want:
                print(f"{gold.name}: {acc['id']}: sha256 {digest} (record it in the gold file)")
    return 1 if problems else 0


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--check"]
    chosen = [Path(a) for a in args] or gold_files()
    sys.exit(build(chosen, check="--check" in sys.argv[1:]))
