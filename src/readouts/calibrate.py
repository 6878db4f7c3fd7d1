"""Calibrate: fit the alignment and conflict models on a gold folder (``eval/train``).

Only the training set is fitted on; ``../shared/eval/dev`` is validation and is never
passed here by the project (``readouts calibrate`` refuses no folder, but the shipped
weights record the digest of the folder they were fitted on).

1. **Match model.** For every compared pair of every meeting, each pair of claims
   (one per account) is an example, positive when both claims cover a span of the same
   gold point (the cover rule of FORMAT.md). An L2-penalised logistic regression,
   positives weighted to balance the classes, is fitted by Newton's method, once per
   value of the sentence-context share (:data:`CONTEXTS`).
2. **Link decisions.** The threshold, the near-best share and the hub correction of
   :func:`readouts.align.link` are chosen by grid search to maximise alignment F1 +
   omission F1 + relation accuracy, computed exactly as :mod:`readouts.evaluation`
   computes them, over the full pipeline with conflicts left out.
3. **Conflict model.** Every candidate pair (likely the same point, or on the same
   specific issue) is an example, positive when both claims cover one gold *conflict*
   point; a logistic regression over :data:`readouts.relate.CONFLICT_FEATURES`, then
   its threshold by the same objective over the full pipeline.

Leave-one-meeting-out figures (all stages fitted on the other meetings, scored on the
one left out) go into the report and the provenance, so the shipped model comes with
an honest estimate of how it carries over to meetings it has not seen.
"""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import numpy as np

from .align import FEATURES, AlignModel, AlignResult, decide, pair_features
from .claimview import ClaimView, claim_views
from .embed import Embedder, default_embedder
from .evaluation import GoldMeeting, PairTally, _covers, load_gold_dir, score_pair, spearman
from .lexicon import Lexicon, default_lexicon
from .model import Comparison, Reading, Score
from .reading import read
from .relate import CONFLICT_FEATURES, ConflictModel, conflict_features, relate
from .score import ScoreModel, score_parts

__all__ = ["Example", "calibrate", "collect", "fit", "fit_logistic", "gold_digest"]

CONTEXTS = (0.0, 0.5)
THRESHOLDS = (0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6)
NEARS = (0.5, 0.7, 0.85, 1.0)
HUBS = (0.0, 0.5)
CONFLICT_THRESHOLDS = (0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 1.01)
CANDIDATES = (0.05, 0.1, 0.2, 0.35)
#: The least share of reported conflict claims that must be right on the training set.
MIN_CONFLICT_PRECISION = 0.5
_NO_SCORE = Score(0, "little", "", {}, ())
_NO_CONFLICT = ConflictModel((0.0,) * len(CONFLICT_FEATURES), -50.0, 1.01, 1.01)


@dataclass
class Example:
    """One compared pair of one gold meeting, read and encoded once."""

    meeting: GoldMeeting
    a_id: str
    b_id: str
    readings: tuple[Reading, Reading]
    views: tuple[tuple[ClaimView, ...], tuple[ClaimView, ...]]
    vectors: tuple[np.ndarray, np.ndarray]  # the encoder's vectors of each side's claims
    covers_a: list[frozenset[str]]  # points each claim of A covers
    covers_b: list[frozenset[str]]
    conflict_points: frozenset[str]

    def cosine(self, context: float) -> np.ndarray:
        """The cosine matrix :func:`readouts.align.similarity` gives with this context."""
        mixed = []
        for views, vecs in zip(self.views, self.vectors, strict=True):
            v = vecs
            if context and len(views):
                sentence = np.array([x.sentence for x in views])
                means = np.stack([vecs[sentence == s].mean(axis=0) for s in sentence])
                v = vecs + context * means
            mixed.append(v / np.maximum(np.linalg.norm(v, axis=1, keepdims=True), 1e-9))
        if not len(mixed[0]) or not len(mixed[1]):
            return np.zeros((len(mixed[0]), len(mixed[1])), dtype=np.float32)
        return np.clip(mixed[0] @ mixed[1].T, -1.0, 1.0)

    def labels(self, points: frozenset[str] | None = None) -> np.ndarray:
        """1 where both claims cover one gold point (of ``points``, when given)."""
        n, m = len(self.covers_a), len(self.covers_b)
        y = np.zeros((n, m), dtype=np.float32)
        for i in range(n):
            for j in range(m):
                common = self.covers_a[i] & self.covers_b[j]
                if points is not None:
                    common &= points
                y[i, j] = float(bool(common))
        return y


def _covers_points(m: GoldMeeting, reading: Reading, aid: str) -> list[frozenset[str]]:
    return [
        frozenset(
            p.id
            for p in m.points
            if any(_covers((c.start, c.end), s) for s in p.spans.get(aid, ()))
        )
        for c in reading.claims
    ]


def collect(meetings: Sequence[GoldMeeting], lexicon: Lexicon, embedder: Embedder) -> list[Example]:
    """Read, view and encode every compared pair of the meetings once."""
    out = []
    for m in meetings:
        read_once: dict[str, Reading] = {}
        for aid in {x for pair in m.compare for x in pair}:
            read_once[aid] = read(m.accounts[aid].read(), lexicon)
        for a_id, b_id in m.compare:
            ra, rb = read_once[a_id], read_once[b_id]
            va = claim_views(ra, lexicon, other_party=rb.account.party)
            vb = claim_views(rb, lexicon, other_party=ra.account.party)
            texts = [v.content for v in (*va, *vb)]
            vecs = embedder.encode(texts) if texts else np.zeros((0, 1), dtype=np.float32)
            out.append(
                Example(
                    meeting=m,
                    a_id=a_id,
                    b_id=b_id,
                    readings=(ra, rb),
                    views=(va, vb),
                    vectors=(vecs[: len(va)], vecs[len(va) :]),
                    covers_a=_covers_points(m, ra, a_id),
                    covers_b=_covers_points(m, rb, b_id),
                    conflict_points=frozenset(p.id for p in m.points if p.relation == "conflict"),
                )
            )
    return out


def fit_logistic(
    x: np.ndarray, y: np.ndarray, l2: float = 1.0, iterations: int = 50, balanced: bool = False
) -> tuple[np.ndarray, float]:
    """L2-penalised logistic regression by Newton's method; returns (weights, bias).
    With ``balanced``, positives are weighted so that both classes count alike (the
    probabilities are then no longer calibrated)."""
    n, f = x.shape
    xb = np.hstack([x, np.ones((n, 1))]).astype(np.float64)
    w = np.zeros(f + 1)
    penalty = np.full(f + 1, l2)
    penalty[-1] = 0.0
    pos = max(1.0, float(y.sum()))
    sample = np.where(y > 0, (n - pos) / pos, 1.0) if balanced else np.ones(n)
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-(xb @ w)))
        grad = xb.T @ (sample * (p - y)) + penalty * w
        hess = (xb * (sample * p * (1 - p))[:, None]).T @ xb + np.diag(penalty)
        step = np.linalg.solve(hess + 1e-6 * np.eye(f + 1), grad)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return w[:-1], float(w[-1])


# --------------------------------------------------------------------------- the pipeline


@dataclass
class _Prepared:
    """An example with its features for one context value."""

    example: Example
    cos: np.ndarray
    features: np.ndarray


def _prepare(examples: Sequence[Example], context: float) -> list[_Prepared]:
    out = []
    for ex in examples:
        cos = ex.cosine(context)
        out.append(_Prepared(ex, cos, pair_features(ex.views[0], ex.views[1], cos)))
    return out


def _result(p: _Prepared, model: AlignModel, lexicon: Lexicon) -> AlignResult:
    va, vb = p.example.views
    prob = model.probability(p.features) if p.features.size else np.zeros(p.cos.shape)
    links = decide(va, vb, prob, p.cos, model, lexicon)
    ra, rb = p.example.readings
    return AlignResult(va, vb, p.cos, prob, links, (ra.account.party, rb.account.party))


def _tally(p: _Prepared, model: AlignModel, conflict: ConflictModel, lexicon: Lexicon) -> PairTally:
    ex = p.example
    relations, final = relate(_result(p, model, lexicon), lexicon, conflict)
    result = Comparison(ex.readings, final, relations, _NO_SCORE, {})
    return score_pair(ex.meeting, ex.a_id, ex.b_id, result)


def _figures(
    prepared: Sequence[_Prepared], model: AlignModel, conflict: ConflictModel, lexicon: Lexicon
) -> dict[str, float]:
    total = PairTally()
    for p in prepared:
        total.add(_tally(p, model, conflict, lexicon))
    return total.figures()


def _objective(figures: dict[str, float]) -> float:
    return figures["alignment_f1"] + figures["omission_f1"] + figures["relation_accuracy"]


def _fit_match(
    examples: Sequence[Example], l2: float, lexicon: Lexicon
) -> tuple[AlignModel, list[_Prepared]]:
    best: tuple[float, AlignModel, list[_Prepared]] | None = None
    for context in CONTEXTS:
        prepared = _prepare(examples, context)
        x = np.concatenate([p.features.reshape(-1, len(FEATURES)) for p in prepared])
        y = np.concatenate([p.example.labels().reshape(-1) for p in prepared])
        weights, bias = fit_logistic(x, y, l2=l2)
        w = tuple(float(v) for v in weights)
        for threshold, near, hub in itertools.product(THRESHOLDS, NEARS, HUBS):
            model = AlignModel(w, bias, threshold, near, context, hub, "2", "")
            value = _objective(_figures(prepared, model, _NO_CONFLICT, lexicon))
            if best is None or value > best[0] + 1e-9:
                best = (value, model, prepared)
    assert best is not None
    return best[1], best[2]


def _fit_conflict(
    prepared: Sequence[_Prepared], model: AlignModel, l2: float, lexicon: Lexicon
) -> ConflictModel:
    rows, labels, results = [], [], []
    for p in prepared:
        result = _result(p, model, lexicon)
        results.append(result)
        feats = conflict_features(result, lexicon)
        y = p.example.labels(p.example.conflict_points)
        rows.append(feats.reshape(-1, len(CONFLICT_FEATURES)))
        labels.append(y.reshape(-1))
    x, y = np.concatenate(rows), np.concatenate(labels)
    if y.sum() == 0:
        return _NO_CONFLICT
    weights, bias = fit_logistic(x, y, l2=l2)
    w = tuple(float(v) for v in weights)
    best: tuple[float, ConflictModel] = (-1.0, _NO_CONFLICT)
    for threshold, candidate in itertools.product(CONFLICT_THRESHOLDS, CANDIDATES):
        conflict = ConflictModel(w, bias, threshold, candidate)
        figures = _figures(prepared, model, conflict, lexicon)
        # a conflict readouts reports must more often be right than wrong: an analyst
        # reads each one; below that the macro relation figure is bought with false alarms
        if figures["conflict_precision"] < MIN_CONFLICT_PRECISION:
            continue
        value = _objective(figures)
        if value > best[0] + 1e-9:
            best = (value, conflict)
    return best[1]


def fit(
    examples: Sequence[Example], l2: float, lexicon: Lexicon
) -> tuple[AlignModel, ConflictModel]:
    """Both models fitted on these examples (see the module docstring)."""
    model, prepared = _fit_match(examples, l2, lexicon)
    return model, _fit_conflict(prepared, model, l2, lexicon)


#: Where on the 0-100 scale each rating sits (see readouts.score.BANDS): 1 (the accounts
#: talk past each other) and 2 (a few shared points; NATO-China 2021) in "little", 3 on
#: the edge of "partial", 4 in "broad", 5 (the same story) in "full".
RATING_TARGET = {1: 8.0, 2: 20.0, 3: 40.0, 4: 60.0, 5: 82.0}
ACCORDS = (0.0, 0.5, 1.0, 2.0, 3.0, 4.0)
TOPICS = (0.0, 0.25, 0.5, 1.0)
CONFLICTS = (0.0, 0.5, 1.0, 2.0)


def pair_parts(
    examples: Sequence[Example], model: AlignModel, conflict: ConflictModel, lexicon: Lexicon
) -> list[dict[str, float]]:
    """The score's parts for every example, under the fitted models."""
    out = []
    for p in _prepare(examples, model.context):
        result = _result(p, model, lexicon)
        relations, _ = relate(result, lexicon, conflict)
        stances = {v.claim.id: v.stance for v in (*result.views_a, *result.views_b)}
        out.append(score_parts(p.example.readings, relations, lexicon, stances))
    return out


def fit_score(parts: Sequence[dict[str, float]], ratings: Sequence[int]) -> ScoreModel:
    """The score's weights: the combination whose order agrees best with the ratings
    (Spearman; the simpler one on a tie), then the scale and offset that give the scores
    the mean and spread of the ratings' places on the scale (:data:`RATING_TARGET`)."""
    best: tuple[float, float, ScoreModel] | None = None
    for accord, topic, conflict in itertools.product(ACCORDS, TOPICS, CONFLICTS):
        m = ScoreModel(topic=topic, conflict=conflict, accord=accord, scale=1.0, offset=0.0)
        rho = spearman([m.raw(x) for x in parts], list(ratings))
        simplicity = -(accord + topic + conflict)
        if best is None or (rho, simplicity) > (best[0], best[1]):
            best = (rho, simplicity, m)
    assert best is not None
    m = best[2]
    raw = np.array([m.raw(x) for x in parts], dtype=float)
    target = np.array([RATING_TARGET[r] for r in ratings])
    # the line that gives the scores the ratings' mean and spread (reduced major axis):
    # a least-squares fit would pull every score towards the middle band as far as the
    # order is uncertain, and the verdicts would stop telling meetings apart
    spread = float(raw.std())
    scale = float(target.std()) / spread if spread > 1e-9 else 0.0
    offset = float(target.mean()) - scale * float(raw.mean())
    return replace(m, scale=float(scale), offset=float(offset))


def gold_digest(meetings: Sequence[GoldMeeting]) -> str:
    """A digest of the gold files and the account texts they point at."""
    digest = hashlib.sha256()
    for m in sorted(meetings, key=lambda m: m.id):
        digest.update(m.path.read_bytes())
        for acc in sorted(m.accounts.values(), key=lambda a: a.id):
            digest.update(acc.text.encode("utf-8"))
    return digest.hexdigest()[:12]


KEYS = (
    "alignment_f1",
    "omission_f1",
    "relation_accuracy",
    "relation_accuracy_conflict",
    "conflict_precision",
    "point_recall",
    "lumped_claims",
)


def _held_out(
    job: tuple[list[Example], str, float, Lexicon],
) -> tuple[str, PairTally, list[tuple[float, float]]]:
    """Fit every stage without one meeting, then score that meeting: its tally, and the
    (score, rating) of each of its compared pairs."""
    examples, mid, l2, lexicon = job
    train = [ex for ex in examples if ex.meeting.id != mid]
    test = [ex for ex in examples if ex.meeting.id == mid]
    model, conflict = fit(train, l2, lexicon)
    score_model = fit_score(
        pair_parts(train, model, conflict, lexicon), [ex.meeting.rating for ex in train]
    )
    tally = PairTally()
    for p in _prepare(test, model.context):
        tally.add(_tally(p, model, conflict, lexicon))
    parts = pair_parts(test, model, conflict, lexicon)
    scores = [
        (float(score_model.value(x)), float(ex.meeting.rating))
        for x, ex in zip(parts, test, strict=True)
    ]
    return mid, tally, scores


def calibrate(
    gold: str | Path,
    *,
    l2: float = 3.0,
    lexicon: Lexicon | None = None,
    embedder: Embedder | None = None,
    held_out: bool = True,
    workers: int = 2,
) -> tuple[dict, dict]:
    """Fit on every meeting of ``gold``; with ``held_out``, report leave-one-meeting-out
    figures too. Returns (the weights file's content, the report)."""
    lexicon = lexicon or default_lexicon()
    embedder = embedder or default_embedder()
    meetings = load_gold_dir(gold)
    examples = collect(meetings, lexicon, embedder)
    model, conflict = fit(examples, l2, lexicon)
    prepared = _prepare(examples, model.context)
    in_sample = _figures(prepared, model, conflict, lexicon)
    parts = pair_parts(examples, model, conflict, lexicon)
    ratings = [ex.meeting.rating for ex in examples]
    score_model = fit_score(parts, ratings)
    in_sample["convergence_spearman"] = spearman(
        [score_model.value(x) for x in parts], [float(r) for r in ratings]
    )
    lomo: dict[str, dict[str, float]] = {}
    pooled = PairTally()
    held_scores: list[float] = []
    held_ratings: list[float] = []
    if held_out and len(meetings) > 1:
        jobs = [(examples, m.id, l2, lexicon) for m in meetings]
        with ProcessPoolExecutor(max_workers=workers) as pool:
            for mid, tally, scores in pool.map(_held_out, jobs):
                pooled.add(tally)
                figures = tally.figures()
                lomo[mid] = {k: round(figures.get(k, 0.0), 3) for k in KEYS}
                held_scores += [s for s, _ in scores]
                held_ratings += [r for _, r in scores]
    report = {
        "meetings": len(meetings),
        "in_sample": {k: round(in_sample.get(k, 0.0), 3) for k in (*KEYS, "convergence_spearman")},
        "leave_one_meeting_out": lomo,
        # pooled over every held-out meeting, as readouts eval pools its figures
        "leave_one_meeting_out_pooled": {k: round(pooled.figures().get(k, 0.0), 3) for k in KEYS}
        if lomo
        else {},
    }
    provenance = (
        f"fitted {date.today().isoformat()} on {gold} ({len(meetings)} meetings, gold digest "
        f"{gold_digest(meetings)}), l2={l2}, embedder {embedder.name}"
    )
    weights = {
        **replace(model, provenance=provenance).to_dict(),
        "conflict": conflict.to_dict(),
        "score": score_model.to_dict(),
        # the figures that go with the weights; per-meeting ones are in the printed report
        "report": {k: v for k, v in report.items() if k != "leave_one_meeting_out"},
    }
    return weights, report
