#!/usr/bin/env python3
"""Make the training set's counterpart accounts into a Markdown corpus: corpus/counterparts.

The counterparts' accounts of the training meetings (``eval/train/accounts/*.txt`` that
are not ``*_wh_en.txt``) are our own writing: retellings of each side's published
account, or accounts written to a brief (``provenance`` in the gold files). With the
White House readouts of ``../shared/corpus/whitehouse`` they give ``readouts corpus``
both sides of 36 meetings, so that ``corpus pair`` finds them and ``corpus trend`` has
something to show (the README's corpus example).

Each account becomes ``corpus/counterparts/<file stem>.md``: YAML front matter (title,
date, issuer, party, language, source, and the provenance, what it retells and the
meeting it belongs to) and the text, escaped so that readouts' Markdown reader gives back
exactly the words of the account. The script checks that it does. Run it again after the
gold files change; ``--check`` only verifies that the committed files are current::

    .venv/bin/python eval/train/build_corpus.py
    .venv/bin/python eval/train/build_corpus.py --check
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
OUT = ROOT / "corpus" / "counterparts"

#: Characters readouts' Markdown reader would take for markup; escaped with a backslash.
_SPECIAL = re.compile(r"([\\`*_\[\]<>&#|~])")
_LINE_START = re.compile(r"^(\s*)(\d{1,3})([.)])(\s)|^(\s*)([-+>])(\s)", re.M)


def escape(text: str) -> str:
    """Plain text as Markdown that readouts reads back word for word."""
    text = _SPECIAL.sub(r"\\\1", text)
    return _LINE_START.sub(
        lambda m: (
            (m.group(1) + m.group(2) + "\\" + m.group(3) + m.group(4))
            if m.group(2)
            else (m.group(5) + "\\" + m.group(6) + m.group(7))
        ),
        text,
    )


def accounts() -> list[tuple[dict, dict]]:
    """(gold meeting, account) for every counterpart account of the training set, once."""
    out: list[tuple[dict, dict]] = []
    seen: set[str] = set()
    for gold in sorted(HERE.glob("*.json")):
        meeting = json.loads(gold.read_text(encoding="utf-8"))
        for acc in meeting["accounts"]:
            if acc.get("derived_from") or acc["file"] in seen:
                continue  # a White House readout: in ../shared, not ours
            seen.add(acc["file"])
            out.append((meeting, acc))
    return out


def document(meeting: dict, acc: dict) -> tuple[str, str]:
    """(file name, Markdown) of one counterpart account."""
    path = HERE / acc["file"]
    text = path.read_text(encoding="utf-8").strip()
    front = {
        "title": f"{acc['party']}: {meeting['title']}",
        "date": meeting["date"],
        "issuer": acc["issuer"],
        "party": acc["party"],
        "language": acc["language"],
        "source": f"eval/train/{acc['file']}",
        "provenance": acc["provenance"],
        "meeting": meeting["meeting"],
        "written_for": "readouts eval/train: our own words, not the issuer's",
    }
    if acc.get("based_on"):
        front["based_on"] = acc["based_on"]
    if acc.get("brief"):
        front["brief"] = acc["brief"]
    head = yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=1000)
    return f"{path.stem}.md", f"---\n{head}---\n\n{escape(text)}\n"


def _folded(text: str) -> str:
    return " ".join(text.split())


def build(check: bool = False) -> int:
    from readouts.ingest import account_from_bytes

    problems = 0
    wanted: dict[str, str] = {}
    for meeting, acc in accounts():
        name, markdown = document(meeting, acc)
        wanted[name] = markdown
        back = account_from_bytes(markdown.encode("utf-8"), name=name, id=name[:-3])
        original = (HERE / acc["file"]).read_text(encoding="utf-8")
        if _folded(back.text) != _folded(original):
            print(f"{name}: the Markdown does not read back as the account's text", file=sys.stderr)
            problems += 1
    if check:
        present = {p.name for p in OUT.glob("*.md")}
        for name, markdown in wanted.items():
            target = OUT / name
            if not target.exists() or target.read_text(encoding="utf-8") != markdown:
                print(f"{name}: missing or stale (run eval/train/build_corpus.py)")
                problems += 1
        for name in sorted(present - set(wanted)):
            print(f"{name}: not an account of the training set")
            problems += 1
        return 1 if problems else 0
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*.md"):
        if old.name not in wanted:
            old.unlink()
    for name, markdown in wanted.items():
        (OUT / name).write_text(markdown, encoding="utf-8")
    print(f"wrote {len(wanted)} accounts to {OUT.relative_to(ROOT)}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(build(check="--check" in sys.argv[1:]))
