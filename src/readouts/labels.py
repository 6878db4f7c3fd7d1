"""Labels: score speakers, speech acts and topics against a hand-labelled set of sentences.

The set is JSON Lines (one file, or every ``*.jsonl`` of a folder; the one the project
keeps is ``tests/fixtures/labels``). Each row is one sentence of a short readout-like
document::

    {"doc": "en-03", "lang": "en", "party": "united_states", "date": "2023-11-15",
     "para": 1, "text": "The Secretary raised concerns about ...",
     "speaker": {"name": "Antony Blinken", "kind": "person", "party": "united_states"},
     "act": "express_concern", "topics": ["south_china_sea"]}

``doc``, ``party`` (the issuer's actor id) and ``date`` repeat on every row of a
document; ``para`` numbers its paragraphs. A document is rebuilt from its rows in file
order (sentences of a paragraph joined by a space in English and directly in Chinese,
paragraphs by a blank line), read with :func:`readouts.reading.read`, and each labelled
sentence is compared with the claims that overlap it:

* **speaker** and **act** label the sentence's *first point* (its first claim, where an
  introductory phrase such as "At the request of X," belongs to the point it
  introduces); the prediction is the speaker and act of the first claim that overlaps
  the sentence. Speakers are compared as classes ``kind:party`` (``person:china``,
  ``both:``, ``narrator:united_states``): who speaks for which side, which is what a
  comparison uses. Whether a person's *name* is right is reported apart
  (``name_accuracy``, names matched through the actors lexicon).
* **topics** label the whole sentence (multi-label): the prediction is the union of
  the topics of the claims that overlap it; each topic is scored on its own.

For each task: per-class precision, recall, F1 and support, and macro F1 over every
class that occurs in the gold labels or the predictions (a class only ever predicted
counts with F1 0). ``evaluate_labels`` returns it all as one dict; a floors file
(``{"speaker_macro_f1": 0.85, ...}``) turns it into a gate (:func:`check_label_floors`).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import GoldFormatError, InputError, MissingFileError
from .files import read_limited
from .ingest import account_from_text
from .lang import language_for
from .lexicon import Lexicon, default_lexicon
from .model import Claim
from .reading import read

__all__ = [
    "DEFAULT_LABELS",
    "LabelRow",
    "check_label_floors",
    "evaluate_labels",
    "format_label_report",
    "load_labels",
    "prf",
]

#: The largest labelled-set or floors file read.
LABELS_MAX_BYTES = 50_000_000

#: The labelled set kept with the project (present in a source checkout).
DEFAULT_LABELS = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "labels"
_KINDS = ("person", "side", "both", "narrator")


@dataclass
class LabelRow:
    """One labelled sentence, with where it sits in its rebuilt document."""

    doc: str
    lang: str
    party: str
    date: str
    para: int
    text: str
    speaker_name: str
    speaker_kind: str
    speaker_party: str
    act: str
    topics: tuple[str, ...]
    where: str  # file:line
    start: int = -1
    end: int = -1

    @property
    def speaker_class(self) -> str:
        return speaker_class(self.speaker_kind, self.speaker_party)


def speaker_class(kind: str, party: str) -> str:
    """The class a speaker is scored as: its kind and party ("both" sides have none)."""
    return f"{kind}:{'' if kind == 'both' else party}"


def _files(path: Path) -> list[Path]:
    if not path.exists():
        raise MissingFileError("no such labelled set", path=str(path))
    if path.is_dir():
        files = sorted(path.glob("*.jsonl"))
        if not files:
            raise InputError("the folder holds no .jsonl label files", path=str(path))
        return files
    return [path]


def _text(path: Path, what: str) -> str:
    """A UTF-8 file the user named: a regular file of at most 50 MB (never a pipe)."""
    try:
        return read_limited(path, LABELS_MAX_BYTES, what=what).decode("utf-8")
    except UnicodeDecodeError:
        raise GoldFormatError(f"the {what} must be UTF-8", path=str(path)) from None


def _row(d: Any, where: str, lexicon: Lexicon) -> LabelRow:
    def bad(msg: str) -> GoldFormatError:
        return GoldFormatError(msg, path=where)

    if not isinstance(d, dict):
        raise bad("a label row must be a JSON object")
    for key in ("doc", "lang", "text", "speaker", "act", "topics"):
        if key not in d:
            raise bad(f"missing field {key!r}")
    if d["lang"] not in ("en", "zh"):
        raise bad(f"lang must be en or zh, got {d['lang']!r}")
    sp = d["speaker"]
    if not isinstance(sp, dict) or sp.get("kind") not in _KINDS:
        raise bad(f"speaker must be an object whose kind is one of {', '.join(_KINDS)}")
    act = d["act"]
    if act != "statement" and act not in lexicon.acts:
        raise bad(f"unknown act {act!r}; use an id of data/acts.tsv or 'statement'")
    topics = d["topics"]
    if not isinstance(topics, list) or any(t not in lexicon.topics for t in topics):
        unknown = [t for t in topics if t not in lexicon.topics] if isinstance(topics, list) else []
        raise bad(f"topics must be a list of ids of data/topics.tsv; unknown: {unknown}")
    if sp.get("party") and sp["party"] not in lexicon.actors:
        raise bad(f"unknown speaker party {sp['party']!r}")
    return LabelRow(
        doc=str(d["doc"]),
        lang=d["lang"],
        party=str(d.get("party", "")),
        date=str(d.get("date", "")),
        para=int(d.get("para", 0)),
        text=str(d["text"]).strip(),
        speaker_name=str(sp.get("name", "")),
        speaker_kind=sp["kind"],
        speaker_party=str(sp.get("party", "")),
        act=act,
        topics=tuple(topics),
        where=where,
    )


def load_labels(path: str | Path, lexicon: Lexicon | None = None) -> list[LabelRow]:
    """Every labelled sentence of a file or folder, checked against the lexicons."""
    lexicon = lexicon or default_lexicon()
    rows: list[LabelRow] = []
    for f in _files(Path(path)):
        for number, line in enumerate(_text(f, "labelled set").splitlines(), start=1):
            if not line.strip():
                continue
            where = f"{f}:{number}"
            try:
                d = json.loads(line)
            except json.JSONDecodeError as exc:
                raise GoldFormatError(f"not JSON: {exc.msg}", path=where) from None
            rows.append(_row(d, where, lexicon))
    if not rows:
        raise InputError("the labelled set is empty", path=str(path))
    return rows


def _documents(rows: list[LabelRow]) -> dict[str, tuple[str, list[LabelRow]]]:
    """Rebuild each document's text and set every row's span in it."""
    docs: dict[str, list[LabelRow]] = {}
    for r in rows:
        docs.setdefault(r.doc, []).append(r)
    out = {}
    for doc, items in docs.items():
        text = ""
        para = items[0].para
        for r in items:
            if r.lang != items[0].lang:
                raise GoldFormatError(f"document {doc!r} mixes languages", path=r.where)
            if text:
                text += "\n\n" if r.para != para else language_for(r.lang).sentence_gap
            para = r.para
            r.start, r.end = len(text), len(text) + len(r.text)
            text += r.text
        out[doc] = (text, items)
    return out


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1 (0 where undefined)."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def _single(pairs: Iterable[tuple[str, str]]) -> dict[str, Any]:
    """Per-class figures for a single-label task from (gold, predicted) pairs."""
    pairs = list(pairs)
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for g, p in pairs:
        if g == p:
            tp[g] += 1
        else:
            fp[p] += 1
            fn[g] += 1
    return _table(tp, fp, fn, sum(tp.values()) / len(pairs) if pairs else 0.0)


def _table(tp: Counter[str], fp: Counter[str], fn: Counter[str], accuracy: float) -> dict[str, Any]:
    classes = sorted(set(tp) | set(fp) | set(fn))
    table = {}
    for c in classes:
        p, r, f = prf(tp[c], fp[c], fn[c])
        table[c] = {
            "precision": round(p, 4),
            "recall": round(r, 4),
            "f1": round(f, 4),
            "support": tp[c] + fn[c],
            "predicted": tp[c] + fp[c],
        }
    macro = sum(v["f1"] for v in table.values()) / len(table) if table else 0.0
    mtp, mfp, mfn = sum(tp.values()), sum(fp.values()), sum(fn.values())
    return {
        "classes": table,
        "macro_f1": round(macro, 4),
        "micro_f1": round(prf(mtp, mfp, mfn)[2], 4),
        "accuracy": round(accuracy, 4),
    }


def _same_person(gold: str, predicted: str, lexicon: Lexicon) -> bool:
    def ids(name: str) -> set[str]:
        low = name.strip().lower()
        return {
            a.id
            for a in lexicon.actors.values()
            if low in (n.lower() for n in a.names_en) or name.strip() in a.names_zh
        }

    if gold.strip().lower() == predicted.strip().lower():
        return True
    return bool(ids(gold) & ids(predicted))


def _predict(claims: list[Claim], row: LabelRow) -> tuple[str, str, str, set[str]]:
    """(speaker class, speaker name, act, topics) predicted for one labelled sentence."""
    over = sorted(
        (c for c in claims if c.start < row.end and c.end > row.start), key=lambda c: c.start
    )
    if not over:
        return "none:", "", "none", set()
    first = over[0]
    sp = first.speaker
    return speaker_class(sp.kind, sp.party), sp.name, first.act, {t for c in over for t in c.topics}


def evaluate_labels(
    path: str | Path | None = None, lexicon: Lexicon | None = None
) -> dict[str, Any]:
    """Per-class precision, recall and F1, and macro F1, for speaker, act and topic."""
    lexicon = lexicon or default_lexicon()
    path = Path(path) if path is not None else DEFAULT_LABELS
    rows = load_labels(path, lexicon)
    results: list[tuple[LabelRow, tuple[str, str, str, set[str]]]] = []
    for doc, (text, items) in _documents(rows).items():
        first = items[0]
        account = account_from_text(
            text, id=doc, party=first.party, date=first.date, language=first.lang
        )
        reading = read(account, lexicon)
        claims = list(reading.claims)
        for r in items:
            results.append((r, _predict(claims, r)))

    def scores(subset: list[tuple[LabelRow, tuple[str, str, str, set[str]]]]) -> dict[str, Any]:
        speaker = _single((r.speaker_class, p[0]) for r, p in subset)
        persons = [(r, p) for r, p in subset if r.speaker_kind == "person"]
        speaker["name_accuracy"] = (
            round(
                sum(_same_person(r.speaker_name, p[1], lexicon) for r, p in persons) / len(persons),
                4,
            )
            if persons
            else 0.0
        )
        act = _single((r.act, p[2]) for r, p in subset)
        tp: Counter[str] = Counter()
        fp: Counter[str] = Counter()
        fn: Counter[str] = Counter()
        exact = 0
        for r, p in subset:
            gold, pred = set(r.topics), p[3]
            exact += gold == pred
            for t in gold & pred:
                tp[t] += 1
            for t in pred - gold:
                fp[t] += 1
            for t in gold - pred:
                fn[t] += 1
        topic = _table(tp, fp, fn, exact / len(subset) if subset else 0.0)
        return {"speaker": speaker, "act": act, "topic": topic}

    out: dict[str, Any] = {
        "path": str(path),
        "sentences": len(results),
        "documents": len({r.doc for r, _ in results}),
        "languages": dict(Counter(r.lang for r, _ in results)),
        **scores(results),
    }
    out["by_language"] = {
        lang: {
            task: {k: v for k, v in figures.items() if k != "classes"}
            for task, figures in scores([x for x in results if x[0].lang == lang]).items()
        }
        for lang in sorted({r.lang for r, _ in results})
    }
    out["errors"] = [
        {
            "where": r.where,
            "text": r.text,
            "speaker": [r.speaker_class, p[0]],
            "act": [r.act, p[2]],
            "topics": [sorted(r.topics), sorted(p[3])],
        }
        for r, p in results
        if r.speaker_class != p[0] or r.act != p[2] or set(r.topics) != p[3]
    ]
    return out


def check_label_floors(result: dict[str, Any], floors_path: str | Path) -> list[str]:
    """The figures below their floor, as "name figure < floor" lines.

    A floors file is a JSON object of ``<task>_<figure>`` keys, e.g.
    ``{"speaker_macro_f1": 0.85, "topic_macro_f1": 0.85, "act_macro_f1": 0.6}``, either
    at the top or under ``"floors"`` (as in ``eval/label_floors.json``).
    """
    p = Path(floors_path)
    try:
        floors = json.loads(_text(p, "floors file"))
    except json.JSONDecodeError as exc:
        raise GoldFormatError(f"the floors file is not JSON: {exc.msg}", path=str(p)) from None
    if isinstance(floors, dict) and isinstance(floors.get("floors"), dict):
        floors = floors["floors"]  # the layout of eval/floors.json, with a note beside it
    if not isinstance(floors, dict):
        raise GoldFormatError("the floors file must be a JSON object", path=str(p))
    failures = []
    for key, floor in floors.items():
        task, _, figure = key.partition("_")
        value = result.get(task, {}).get(figure)
        if not isinstance(value, int | float) or not isinstance(floor, int | float):
            raise GoldFormatError(f"unknown figure {key!r} in the floors file", path=str(p))
        if value < floor:
            failures.append(f"{key} {value:.4f} < {floor}")
    return failures


def format_label_report(result: dict[str, Any]) -> str:
    """A plain-text table of the figures."""
    lines = [
        f"labelled set: {result['path']}",
        f"{result['sentences']} sentences in {result['documents']} documents "
        + ", ".join(f"{k}: {v}" for k, v in sorted(result["languages"].items())),
        "",
    ]
    for task in ("speaker", "act", "topic"):
        figures = result[task]
        extra = ""
        if task == "speaker":
            extra = f"   name accuracy {figures['name_accuracy']:.3f}"
        lines.append(
            f"{task}: macro F1 {figures['macro_f1']:.3f}   micro F1 {figures['micro_f1']:.3f}"
            f"   {'exact-set' if task == 'topic' else 'accuracy'} {figures['accuracy']:.3f}{extra}"
        )
        lines.append(f"  {'class':<28} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5} {'pred':>5}")
        for name, v in figures["classes"].items():
            lines.append(
                f"  {name:<28} {v['precision']:>6.3f} {v['recall']:>6.3f} {v['f1']:>6.3f}"
                f" {v['support']:>5} {v['predicted']:>5}"
            )
        lines.append("")
    for lang, tasks in result["by_language"].items():
        lines.append(
            f"{lang}: " + "   ".join(f"{t} macro F1 {v['macro_f1']:.3f}" for t, v in tasks.items())
        )
    return "\n".join(lines) + "\n"
