"""Evaluate: score readouts against gold comparisons (format: ../shared/eval/FORMAT.md).

For every meeting file in a gold folder, every pair in its ``compare`` list is
compared, and the tool's claims, relations and aligned pairs are scored:

- a claim *covers* a gold span when it overlaps at least half of the span's characters;
- **point recall**: share of (point, account) with a span that some claim covers;
- **relation accuracy**: for each covered (point, account), the label of the covering
  claim with the largest overlap against the gold relation (``only:`` = one-sided);
  accuracy per gold class, then the mean of the three classes;
- **alignment P/R/F1**: each tool pair earns the share of the points covered by either
  claim that both claims cover; precision is the mean; a gold pair (a point with
  spans in both accounts) is recalled when a tool pair covers it on both sides;
- **omission P/R/F1**: precision over claims labelled one-sided (right when the claim
  covers a span of an ``only:`` point in its own account), recall over the
  (``only:`` point, account) spans (found when a one-sided claim covers one);
- **convergence**: Spearman correlation of the score with ``convergence.rating``, one
  value per compared pair.

Figures are pooled over all compared pairs (micro-averaged), except convergence.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from .errors import GoldFormatError
from .ingest import read_account
from .model import Account, Comparison

__all__ = [
    "GoldAccount",
    "GoldMeeting",
    "GoldPoint",
    "evaluate",
    "load_gold",
    "load_gold_dir",
    "score_pair",
    "spearman",
]

CLASSES = ("shared", "one-sided", "conflict")


@dataclass(frozen=True)
class GoldAccount:
    id: str
    side: str
    party: str
    issuer: str
    language: str
    path: Path
    text: str

    def read(self) -> Account:
        """The account as evaluation and calibration read it: the file, with the gold
        file's id, side, party, issuer and (when given) language."""
        return read_account(
            self.path,
            id=self.id,
            side=self.side,
            party=self.party,
            issuer=self.issuer,
            language=self.language or None,
        )


@dataclass(frozen=True)
class GoldPoint:
    id: str
    topic: str
    relation: str  # shared, conflict, only:<side>
    spans: dict[str, tuple[tuple[int, int], ...]]  # account id -> spans

    @property
    def label(self) -> str:
        return "one-sided" if self.relation.startswith("only:") else self.relation


@dataclass(frozen=True)
class GoldMeeting:
    id: str
    title: str
    date: str
    accounts: dict[str, GoldAccount]
    compare: tuple[tuple[str, str], ...]
    points: tuple[GoldPoint, ...]
    rating: int
    path: Path


def load_gold(path: str | Path) -> GoldMeeting:
    """One gold meeting file, with every span located in its account's text."""
    p = Path(path)
    try:
        raw = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise GoldFormatError(f"cannot read gold file: {exc}", path=str(p)) from None
    for key in ("meeting", "accounts", "compare", "points", "convergence"):
        if key not in raw:
            raise GoldFormatError(f"missing key {key!r}", path=str(p))
    accounts: dict[str, GoldAccount] = {}
    for a in raw["accounts"]:
        file = (p.parent / a["file"]).resolve()
        if not file.exists():
            raise GoldFormatError(f"account file missing: {a['file']}", path=str(p))
        accounts[a["id"]] = GoldAccount(
            id=a["id"],
            side=a["side"],
            party=a.get("party", ""),
            issuer=a.get("issuer", ""),
            language=a.get("language", ""),
            path=file,
            text=file.read_text(encoding="utf-8"),
        )
    points = []
    for pt in raw["points"]:
        spans: dict[str, tuple[tuple[int, int], ...]] = {}
        for aid, texts in pt.get("spans", {}).items():
            if aid not in accounts:
                raise GoldFormatError(f"point {pt['id']} names unknown account {aid}", path=str(p))
            located = []
            for t in texts:
                k = accounts[aid].text.find(t)
                if k < 0 or not t:
                    raise GoldFormatError(
                        f"point {pt['id']}: span not in {aid}: {t[:50]!r}", path=str(p)
                    )
                located.append((k, k + len(t)))
            spans[aid] = tuple(located)
        points.append(GoldPoint(pt["id"], pt.get("topic", ""), pt["relation"], spans))
    pairs = tuple((x, y) for x, y in raw["compare"])
    for x, y in pairs:
        if x not in accounts or y not in accounts:
            raise GoldFormatError(f"compare names unknown account: {[x, y]}", path=str(p))
    rating = raw["convergence"].get("rating")
    if rating not in (1, 2, 3, 4, 5):
        raise GoldFormatError("convergence.rating must be 1..5", path=str(p))
    return GoldMeeting(
        raw["meeting"],
        raw.get("title", ""),
        raw.get("date", ""),
        accounts,
        pairs,
        tuple(points),
        rating,
        p,
    )


def load_gold_dir(folder: str | Path) -> list[GoldMeeting]:
    files = sorted(Path(folder).glob("*.json"))
    if not files:
        raise GoldFormatError("no gold .json files in this folder", path=str(folder))
    return [load_gold(f) for f in files]


# --------------------------------------------------------------------------- scoring


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _covers(claim: tuple[int, int], span: tuple[int, int]) -> bool:
    return 2 * _overlap(claim, span) >= (span[1] - span[0])


@dataclass
class PairTally:
    """Counts for one compared pair; pooled by addition."""

    recall_hit: int = 0
    recall_all: int = 0
    rel_hit: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CLASSES, 0))
    rel_all: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CLASSES, 0))
    align_prec_sum: float = 0.0
    align_pairs: int = 0
    gold_pairs: int = 0
    gold_pairs_hit: int = 0
    om_pred: int = 0
    om_pred_ok: int = 0
    om_gold: int = 0
    om_gold_hit: int = 0

    def add(self, other: PairTally) -> None:
        for f in fields(self):
            mine, theirs = getattr(self, f.name), getattr(other, f.name)
            if isinstance(mine, dict):  # per-class counts
                for c in mine:
                    mine[c] += theirs[c]
            else:
                setattr(self, f.name, mine + theirs)

    def figures(self) -> dict[str, float]:
        def div(a: float, b: float) -> float:
            return a / b if b else 0.0

        def f1(p: float, r: float) -> float:
            return 2 * p * r / (p + r) if p + r else 0.0

        per_class = {c: div(self.rel_hit[c], self.rel_all[c]) for c in CLASSES if self.rel_all[c]}
        ap, ar = (
            div(self.align_prec_sum, self.align_pairs),
            div(self.gold_pairs_hit, self.gold_pairs),
        )
        op, orr = div(self.om_pred_ok, self.om_pred), div(self.om_gold_hit, self.om_gold)
        return {
            "point_recall": div(self.recall_hit, self.recall_all),
            "relation_accuracy": (sum(per_class.values()) / len(per_class)) if per_class else 0.0,
            **{f"relation_accuracy_{c.replace('-', '_')}": v for c, v in per_class.items()},
            "alignment_precision": ap,
            "alignment_recall": ar,
            "alignment_f1": f1(ap, ar),
            "omission_precision": op,
            "omission_recall": orr,
            "omission_f1": f1(op, orr),
        }


def score_pair(meeting: GoldMeeting, a_id: str, b_id: str, result: Comparison) -> PairTally:
    """Score one comparison of accounts ``a_id`` and ``b_id`` of a gold meeting."""
    t = PairTally()
    ra, rb = result.readings
    claims = {a_id: ra.claims, b_id: rb.claims}
    label = {cid: rel.label for cid, rel in result.relations.items()}
    span_of = {c.id: (c.start, c.end) for r in (ra, rb) for c in r.claims}
    side_of = {a_id: meeting.accounts[a_id].side, b_id: meeting.accounts[b_id].side}

    def covered_by(cid: str, point_spans: Sequence[tuple[int, int]]) -> bool:
        return any(_covers(span_of[cid], s) for s in point_spans)

    for p in meeting.points:
        for aid in (a_id, b_id):
            spans = p.spans.get(aid)
            if not spans:
                continue
            t.recall_all += 1
            best, best_overlap = None, 0
            for c in claims[aid]:
                for s in spans:
                    if _covers((c.start, c.end), s):
                        ov = _overlap((c.start, c.end), s)
                        if ov > best_overlap:
                            best, best_overlap = c, ov
            if best is None:
                continue
            t.recall_hit += 1
            t.rel_all[p.label] += 1
            if label[best.id] == p.label:
                t.rel_hit[p.label] += 1
        if p.spans.get(a_id) and p.spans.get(b_id):
            t.gold_pairs += 1
            if any(
                covered_by(al.a, p.spans[a_id]) and covered_by(al.b, p.spans[b_id])
                for al in result.alignments
            ):
                t.gold_pairs_hit += 1

    for al in result.alignments:
        t.align_pairs += 1
        either = both = 0
        for p in meeting.points:
            ca = covered_by(al.a, p.spans.get(a_id, ()))
            cb = covered_by(al.b, p.spans.get(b_id, ()))
            if ca or cb:
                either += 1
            if ca and cb:
                both += 1
        t.align_prec_sum += both / either if either else 0.0

    only = [p for p in meeting.points if p.relation.startswith("only:")]
    for aid in (a_id, b_id):
        for c in claims[aid]:
            if label[c.id] != "one-sided":
                continue
            t.om_pred += 1
            if any(
                p.relation == f"only:{side_of[aid]}" and covered_by(c.id, p.spans.get(aid, ()))
                for p in only
            ):
                t.om_pred_ok += 1
        for p in only:
            spans = p.spans.get(aid)
            if not spans:
                continue
            t.om_gold += 1
            if any(label[c.id] == "one-sided" and covered_by(c.id, spans) for c in claims[aid]):
                t.om_gold_hit += 1
    return t


def _ranks(values: Sequence[float]) -> list[float]:
    order = sorted(range(len(values)), key=lambda i: values[i])
    ranks = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return ranks


def spearman(x: Sequence[float], y: Sequence[float]) -> float:
    """Spearman rank correlation (average ranks for ties); 0.0 when undefined."""
    if len(x) < 2:
        return 0.0
    rx, ry = _ranks(x), _ranks(y)
    mx, my = sum(rx) / len(rx), sum(ry) / len(ry)
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry, strict=True))
    vx = sum((a - mx) ** 2 for a in rx)
    vy = sum((b - my) ** 2 for b in ry)
    return cov / (vx * vy) ** 0.5 if vx and vy else 0.0


def evaluate(
    gold: str | Path | Sequence[GoldMeeting],
    compare_fn: Callable[..., Comparison],
    method: str = "readouts",
) -> dict[str, Any]:
    """Run the comparison over every gold pair and return the pooled figures.

    ``compare_fn(account_a, account_b, method=...)`` is :func:`readouts.compare`
    or a stand-in with the same signature.
    """
    meetings = load_gold_dir(gold) if isinstance(gold, str | Path) else list(gold)
    total = PairTally()
    per_meeting: dict[str, Any] = {}
    scores: list[float] = []
    ratings: list[float] = []
    for m in meetings:
        tally = PairTally()
        pair_scores = {}
        for a_id, b_id in m.compare:
            accs = [m.accounts[aid].read() for aid in (a_id, b_id)]
            result = compare_fn(accs[0], accs[1], method=method)
            t = score_pair(m, a_id, b_id, result)
            tally.add(t)
            pair_scores[f"{a_id}|{b_id}"] = result.score.value
            scores.append(result.score.value)
            ratings.append(m.rating)
        total.add(tally)
        per_meeting[m.id] = {**tally.figures(), "scores": pair_scores, "rating": m.rating}
    figures = total.figures()
    figures["convergence_spearman"] = spearman(scores, ratings)
    figures["meetings"] = per_meeting
    figures["method"] = method
    figures["pairs"] = len(scores)
    return figures


# --------------------------------------------------------------------------- reporting

_MAIN = (
    "point_recall",
    "relation_accuracy",
    "alignment_precision",
    "alignment_recall",
    "alignment_f1",
    "omission_precision",
    "omission_recall",
    "omission_f1",
    "convergence_spearman",
)


def format_table(results: dict[str, dict[str, Any]]) -> str:
    """A plain table of the main figures, one column per method, then per meeting."""
    methods = list(results)
    lines = ["figure".ljust(24) + "".join(m.rjust(12) for m in methods)]
    for key in _MAIN:
        lines.append(key.ljust(24) + "".join(f"{results[m].get(key, 0.0):12.3f}" for m in methods))
    first = results[methods[0]]
    lines += ["", f"per meeting ({methods[0]}):"]
    for mid, fig in first["meetings"].items():
        lines.append(f"  {mid}")
        lines.append(
            "    "
            + "  ".join(
                f"{k}={fig[k]:.3f}"
                for k in ("point_recall", "relation_accuracy", "alignment_f1", "omission_f1")
            )
            + f"  scores={fig['scores']} rating={fig['rating']}"
        )
    return "\n".join(lines)


def check_floors(results: dict[str, dict[str, Any]], path: str | Path) -> list[str]:
    """Figures of the ``readouts`` method below their floor in ``path`` (JSON)."""
    try:
        spec = json.loads(Path(path).read_text(encoding="utf-8"))
        floors: dict[str, float] = spec["floors"]
    except (OSError, ValueError, KeyError) as exc:
        raise GoldFormatError(f"cannot read the floors file: {exc}", path=str(path)) from None
    figures = results["readouts"] if "readouts" in results else next(iter(results.values()))
    failures = []
    for key, floor in floors.items():
        value = figures.get(key)
        if value is None:
            failures.append(f"{key} is not reported")
        elif value + 1e-9 < floor:
            failures.append(f"{key} = {value:.3f} is below its floor {floor:.3f}")
    return failures
