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

import itertools
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from .errors import GoldFormatError
from .ingest import read_account
from .model import Account, Claim, Comparison, Score

__all__ = [
    "ERROR_KINDS",
    "ErrorCase",
    "GoldAccount",
    "GoldMeeting",
    "GoldPoint",
    "agreement",
    "annotation_as_comparison",
    "diagnose",
    "diagnose_all",
    "evaluate",
    "format_errors",
    "invariance",
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
    claims: int = 0
    claims_lumped: int = 0  # claims that cover two or more gold points
    conflict_pred: int = 0  # claims labelled conflict
    conflict_pred_ok: int = 0  # ... that cover a span of a gold conflict point

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
            "lumped_claims": div(self.claims_lumped, self.claims),
            "conflict_precision": div(self.conflict_pred_ok, self.conflict_pred),
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

    for aid in (a_id, b_id):
        for c in claims[aid]:
            t.claims += 1
            covered = [p for p in meeting.points if covered_by(c.id, p.spans.get(aid, ()))]
            t.claims_lumped += len(covered) >= 2
            if label[c.id] == "conflict":
                t.conflict_pred += 1
                t.conflict_pred_ok += any(p.relation == "conflict" for p in covered)

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


# --------------------------------------------------------------------------- error analysis

#: The kinds of error :func:`diagnose` sorts a comparison's mistakes into.
ERROR_KINDS = (
    "missed_conflict_called_shared",  # a conflict point linked, but labelled shared
    "missed_conflict_unlinked",  # a conflict point whose claims were never linked
    "partner_taken",  # a point both report, left unlinked while a claim was linked elsewhere
    "missed_paraphrase",  # a point both report, neither claim linked to anything
    "false_link",  # a link whose two claims share no point
    "false_conflict",  # a claim labelled conflict on a shared or one-sided point
    "false_shared",  # a one-sided point whose claim is labelled shared
    "lumped_claim",  # a claim covering two or more points
    "uncovered",  # a gold span no claim covers
)


@dataclass(frozen=True)
class ErrorCase:
    """One mistake of a comparison against the gold, with the words involved."""

    kind: str
    pair: str  # "a_id|b_id"
    point: str  # gold point id, "" for a false link
    detail: str


def diagnose(meeting: GoldMeeting, a_id: str, b_id: str, result: Comparison) -> list[ErrorCase]:
    """Sort the mistakes of one comparison into :data:`ERROR_KINDS`, so that a fix can aim
    at the general cause of an error rather than at one example."""
    ra, rb = result.readings
    text = {a_id: ra.account.text, b_id: rb.account.text}
    claims = {a_id: ra.claims, b_id: rb.claims}
    span_of = {c.id: (c.start, c.end) for r in (ra, rb) for c in r.claims}
    account_of = {c.id: aid for aid, cs in claims.items() for c in cs}
    label = {cid: rel.label for cid, rel in result.relations.items()}
    pair = f"{a_id}|{b_id}"
    linked: dict[str, set[str]] = {}
    for al in result.alignments:
        linked.setdefault(al.a, set()).add(al.b)
        linked.setdefault(al.b, set()).add(al.a)

    def words(cid: str) -> str:
        s, e = span_of[cid]
        return text[account_of[cid]][s:e][:90]

    def covering(point: GoldPoint, aid: str) -> list[str]:
        return [
            c.id
            for c in claims[aid]
            if any(_covers((c.start, c.end), s) for s in point.spans.get(aid, ()))
        ]

    out: list[ErrorCase] = []
    for p in meeting.points:
        cov = {aid: covering(p, aid) for aid in (a_id, b_id)}
        for aid in (a_id, b_id):
            if p.spans.get(aid) and not cov[aid]:
                first = p.spans[aid][0]
                out.append(ErrorCase("uncovered", pair, p.id, text[aid][first[0] : first[1]]))
        if p.label == "one-sided":
            for aid in (a_id, b_id):
                for cid in cov[aid]:
                    if label[cid] == "shared":
                        out.append(ErrorCase("false_shared", pair, p.id, words(cid)))
        elif p.label == "shared":
            for aid in (a_id, b_id):
                for cid in cov[aid]:
                    if label[cid] == "conflict":
                        out.append(ErrorCase("false_conflict", pair, p.id, words(cid)))
        if not (cov[a_id] and cov[b_id]):
            continue
        hit = any(y in linked.get(x, ()) for x in cov[a_id] for y in cov[b_id])
        both = f"{words(cov[a_id][0])!r} <> {words(cov[b_id][0])!r}"
        if p.label == "conflict":
            if not hit:
                out.append(ErrorCase("missed_conflict_unlinked", pair, p.id, both))
            elif not any(label[c] == "conflict" for c in cov[a_id] + cov[b_id]):
                out.append(ErrorCase("missed_conflict_called_shared", pair, p.id, both))
        elif not hit:
            taken = any(linked.get(c) for c in cov[a_id] + cov[b_id])
            out.append(
                ErrorCase("partner_taken" if taken else "missed_paraphrase", pair, p.id, both)
            )
    for al in result.alignments:
        shared_point = any(
            any(_covers(span_of[al.a], s) for s in p.spans.get(a_id, ()))
            and any(_covers(span_of[al.b], s) for s in p.spans.get(b_id, ()))
            for p in meeting.points
        )
        if not shared_point:
            out.append(ErrorCase("false_link", pair, "", f"{words(al.a)!r} <> {words(al.b)!r}"))
    for aid in (a_id, b_id):
        for c in claims[aid]:
            n = sum(
                1
                for p in meeting.points
                if any(_covers((c.start, c.end), s) for s in p.spans.get(aid, ()))
            )
            if n >= 2:
                out.append(ErrorCase("lumped_claim", pair, "", f"{n} points: {words(c.id)!r}"))
    return out


def diagnose_all(
    gold: str | Path | Sequence[GoldMeeting], compare_fn: Callable[..., Comparison]
) -> list[ErrorCase]:
    """:func:`diagnose` over every compared pair of a gold folder."""
    meetings = load_gold_dir(gold) if isinstance(gold, str | Path) else list(gold)
    out: list[ErrorCase] = []
    for m in meetings:
        for a_id, b_id in m.compare:
            accs = [m.accounts[aid].read() for aid in (a_id, b_id)]
            result = compare_fn(accs[0], accs[1])
            out += [
                ErrorCase(e.kind, f"{m.id} {e.pair}", e.point, e.detail)
                for e in diagnose(m, a_id, b_id, result)
            ]
    return out


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
    figures: dict[str, Any] = dict(total.figures())
    figures["convergence_spearman"] = spearman(scores, ratings)
    figures["meetings"] = per_meeting
    figures["method"] = method
    figures["pairs"] = len(scores)
    return figures


# --------------------------------------------------------------------------- invariance


def _script_free(data: Any) -> Any:
    """A comparison's JSON with what depends on the script taken out: the texts and
    sources of accounts, the script fields, and every quoted string read in simplified
    form."""
    from .lang import simplified

    if isinstance(data, dict):
        return {
            k: _script_free(v)
            for k, v in data.items()
            if k not in ("text", "script", "source", "meta", "title")
        }
    if isinstance(data, list):
        return [_script_free(v) for v in data]
    if isinstance(data, str):
        return simplified(data)
    return data


def invariance(
    gold: str | Path | Sequence[GoldMeeting], compare_fn: Callable[..., Comparison]
) -> dict[str, Any]:
    """Metamorphic checks that need no gold labels, over the meetings of a gold folder.

    - **language**: for every side with an English and a Chinese version of one statement,
      both compared with the same account of the other side: the share of the other
      account's claims whose label is the same in both comparisons, and the difference
      of the two scores;
    - **script**: every comparison with a Chinese account, run again with that account
      in traditional script (converted with OpenCC): whether the JSON is the same, the
      script fields aside.
    """
    from .ingest import account_from_text
    from .lang import traditional

    meetings = load_gold_dir(gold) if isinstance(gold, str | Path) else list(gold)
    same = total = 0
    diffs: list[dict[str, Any]] = []
    script_same = script_total = 0
    script_diffs: list[str] = []
    for m in meetings:
        results: dict[tuple[str, str], Comparison] = {}
        for a_id, b_id in m.compare:
            a, b = m.accounts[a_id].read(), m.accounts[b_id].read()
            results[(a_id, b_id)] = result = compare_fn(a, b)
            if b.language == "zh" and b.script == "Hans":
                other = account_from_text(
                    traditional(b.text),
                    id=b.id,
                    side=b.side,
                    party=b.party,
                    issuer=b.issuer,
                    language="zh-Hant",
                )
                script_total += 1
                twin = compare_fn(a, other)
                if _script_free(result.to_dict()) == _script_free(twin.to_dict()):
                    script_same += 1
                else:
                    script_diffs.append(f"{m.id} {a_id}|{b_id}")
        by_other: dict[str, list[tuple[str, Comparison]]] = {}
        for (a_id, b_id), result in results.items():
            if m.accounts[a_id].side != m.accounts[b_id].side:
                by_other.setdefault(a_id, []).append((b_id, result))
        for a_id, versions in by_other.items():
            for (b1, r1), (b2, r2) in itertools.combinations(versions, 2):
                if m.accounts[b1].side != m.accounts[b2].side:
                    continue
                mine = f"{a_id}:"
                labels1 = {c: r.label for c, r in r1.relations.items() if c.startswith(mine)}
                labels2 = {c: r.label for c, r in r2.relations.items() if c.startswith(mine)}
                n = len(labels1)
                k = sum(labels1[c] == labels2.get(c) for c in labels1)
                same += k
                total += n
                diffs.append(
                    {
                        "meeting": m.id,
                        "pairs": [f"{a_id}|{b1}", f"{a_id}|{b2}"],
                        "same_labels": k,
                        "claims": n,
                        "score_difference": abs(r1.score.value - r2.score.value),
                    }
                )
    return {
        "language_same_labels": same / total if total else 1.0,
        "language_score_difference_max": max((d["score_difference"] for d in diffs), default=0),
        "language_score_difference_mean": (
            sum(d["score_difference"] for d in diffs) / len(diffs) if diffs else 0.0
        ),
        "language_pairs": diffs,
        "script_same_json": script_same / script_total if script_total else 1.0,
        "script_differing": script_diffs,
    }


# --------------------------------------------------------------------------- agreement


def annotation_as_comparison(meeting: GoldMeeting, a_id: str, b_id: str) -> Comparison:
    """A second annotation of a meeting dressed as a tool's comparison: every span is a
    claim labelled with its point's relation, and the spans of a point on the two sides
    are linked. Scoring it against the first annotation gives the agreement of two
    annotators with the very metrics the tool is scored by: the human ceiling."""
    from .model import Alignment, Reading, Relation, Speaker

    readings = []
    by_point: dict[str, dict[str, list[str]]] = {}
    relations: dict[str, Relation] = {}
    for aid in (a_id, b_id):
        acc = meeting.accounts[aid]
        account = Account(id=aid, text=acc.text, language=acc.language or "en", side=acc.side)
        narrator = Speaker(name=acc.issuer or acc.party, kind="narrator", party=acc.party)
        claims = []
        for p in meeting.points:
            for k, (start, end) in enumerate(p.spans.get(aid, ())):
                cid = f"{aid}:{p.id}:{k}"
                claims.append(Claim(cid, aid, 0, start, end, narrator))
                relations[cid] = Relation(cid, p.label, "annotated")
                by_point.setdefault(p.id, {}).setdefault(aid, []).append(cid)
        claims.sort(key=lambda c: (c.start, c.end))
        readings.append(Reading(account=account, sentences=(), claims=tuple(claims)))
    alignments = tuple(
        Alignment(x, y, 1.0, 1.0, "shared")
        for sides in by_point.values()
        for x in sides.get(a_id, ())
        for y in sides.get(b_id, ())
    )
    return Comparison(
        readings=(readings[0], readings[1]),
        alignments=alignments,
        relations=relations,
        score=Score(0, "little", "", {}, ()),
        topics={},
        method="annotation",
    )


def agreement(
    first: str | Path | Sequence[GoldMeeting], second: str | Path | Sequence[GoldMeeting]
) -> dict[str, Any]:
    """How far two annotations of the same meetings agree, scored with the evaluation's
    own metrics in both directions (second against first, first against second) and
    averaged: the ceiling a tool can be expected to reach. Meetings are matched by id;
    only meetings in both are scored."""
    one = {m.id: m for m in (load_gold_dir(first) if isinstance(first, str | Path) else first)}
    two = {m.id: m for m in (load_gold_dir(second) if isinstance(second, str | Path) else second)}
    common = sorted(set(one) & set(two))
    if not common:
        raise GoldFormatError("the two annotations share no meeting id", path=str(second))
    directions = {}
    for name, gold, other in (("second_vs_first", one, two), ("first_vs_second", two, one)):
        total = PairTally()
        for mid in common:
            for a_id, b_id in gold[mid].compare:
                if a_id in other[mid].accounts and b_id in other[mid].accounts:
                    pseudo = annotation_as_comparison(other[mid], a_id, b_id)
                    total.add(score_pair(gold[mid], a_id, b_id, pseudo))
        directions[name] = total.figures()
    keys = directions["second_vs_first"].keys() & directions["first_vs_second"].keys()
    mean = {
        k: (directions["second_vs_first"][k] + directions["first_vs_second"][k]) / 2
        for k in sorted(keys)
    }
    ratings = {mid: (one[mid].rating, two[mid].rating) for mid in common}
    return {"meetings": common, "mean": mean, **directions, "ratings": ratings}


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
    "relation_accuracy_conflict",
    "conflict_precision",
    "lumped_claims",
    "convergence_spearman",
)


def format_table(results: dict[str, dict[str, Any]]) -> str:
    """A plain table of the main figures, one column per method, then per meeting."""
    methods = list(results)
    lines = ["figure".ljust(28) + "".join(m.rjust(12) for m in methods)]
    for key in _MAIN:
        lines.append(key.ljust(28) + "".join(f"{results[m].get(key, 0.0):12.3f}" for m in methods))
    first = results[methods[0]]
    extra = [k for k in first if k.startswith("invariance_")]
    for key in extra:
        lines.append(key.ljust(28) + f"{first[key]:12.3f}")
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


def format_errors(errors: Sequence[ErrorCase], examples: int = 4) -> str:
    """Counts of each kind of mistake, with a few examples of each."""
    lines = ["mistakes by cause:"]
    for kind in ERROR_KINDS:
        cases = [e for e in errors if e.kind == kind]
        lines.append(f"  {kind:<32} {len(cases):>4}")
        for e in cases[:examples]:
            lines.append(f"      {e.pair} {e.point}: {e.detail}")
    return "\n".join(lines)


def check_floors(results: dict[str, dict[str, Any]], path: str | Path) -> list[str]:
    """Figures of the ``readouts`` method below their floor (``floors``) or above their
    ceiling (``ceilings``) in ``path`` (JSON)."""
    try:
        spec = json.loads(Path(path).read_text(encoding="utf-8"))
        floors: dict[str, float] = spec["floors"]
        ceilings: dict[str, float] = spec.get("ceilings", {})
    except (OSError, ValueError, KeyError, AttributeError) as exc:
        raise GoldFormatError(f"cannot read the floors file: {exc}", path=str(path)) from None
    figures = results["readouts"] if "readouts" in results else next(iter(results.values()))
    failures = []
    for key, floor in floors.items():
        value = figures.get(key)
        if value is None:
            failures.append(f"{key} is not reported")
        elif value + 1e-9 < floor:
            failures.append(f"{key} = {value:.3f} is below its floor {floor:.3f}")
    for key, ceiling in ceilings.items():
        value = figures.get(key)
        if value is None:
            failures.append(f"{key} is not reported")
        elif value - 1e-9 > ceiling:
            failures.append(f"{key} = {value:.3f} is above its ceiling {ceiling:.3f}")
    return failures
