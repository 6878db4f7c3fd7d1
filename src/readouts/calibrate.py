"""Calibrate: fit the alignment model's weights and thresholds on a gold folder.

Stage 1, weights: for every compared pair of every gold meeting, each pair of claims
(one per account) is a training example, positive when both claims cover a span of
the same gold point (the cover rule of FORMAT.md). A logistic regression with an L2
penalty, positives weighted to balance the classes, is fitted by Newton's method.

Stage 2, decisions: the thresholds of :func:`readouts.align.select`, the hub
correction, and the score from which an aligned pair counts as the same point
(``threshold_shared``; below it the pair is only "related") are chosen by grid
search to maximise the sum of alignment F1, omission F1 and relation accuracy, each
computed exactly as :mod:`readouts.evaluate` computes it, over the full pipeline
(alignment, then relations).

Leave-one-meeting-out figures (both stages fitted on the other meetings, scored on
the one left out) go into the provenance, so the shipped model comes with an
honest estimate of how it carries over to unseen meetings.
"""

from __future__ import annotations

import hashlib
import itertools
import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import numpy as np

from .align import (
    FEATURES,
    AlignModel,
    ClaimView,
    claim_views,
    decide,
    pair_features,
    similarity,
)
from .embed import Embedder, default_embedder
from .evaluate import GoldMeeting, PairTally, _covers, load_gold_dir, score_pair
from .lexicon import Lexicon, default_lexicon
from .model import Comparison, Reading, Score
from .read import read
from .relate import relate

__all__ = ["Example", "calibrate", "collect", "fit_logistic"]

THRESHOLDS = tuple(round(x, 2) for x in np.arange(0.3, 0.96, 0.1))
HUBS = (0.0, 0.5)
NEIGHBOURS = (0, 2, 3)
SHARED_STEPS = (0.0, 0.1, 0.2)
_NO_SCORE = Score(0, "little", "", {}, ())


@dataclass
class Example:
    """One compared pair of one gold meeting, read and featurised once."""

    meeting: GoldMeeting
    a_id: str
    b_id: str
    readings: tuple[Reading, Reading]
    views: tuple[list[ClaimView], list[ClaimView]]
    cos: np.ndarray
    features: np.ndarray  # [n, m, F]
    covers_a: list[frozenset[str]]  # points each claim of A covers
    covers_b: list[frozenset[str]]

    @property
    def labels(self) -> np.ndarray:
        n, m = len(self.covers_a), len(self.covers_b)
        y = np.zeros((n, m), dtype=np.float32)
        for i in range(n):
            for j in range(m):
                y[i, j] = float(bool(self.covers_a[i] & self.covers_b[j]))
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
    out = []
    for m in meetings:
        for a_id, b_id in m.compare:
            readings = [read(m.accounts[aid].read(), lexicon) for aid in (a_id, b_id)]
            va, vb = claim_views(readings[0], lexicon), claim_views(readings[1], lexicon)
            cos = similarity(va, vb, embedder)
            out.append(
                Example(
                    meeting=m,
                    a_id=a_id,
                    b_id=b_id,
                    readings=(readings[0], readings[1]),
                    views=(va, vb),
                    cos=cos,
                    features=pair_features(va, vb, cos),
                    covers_a=_covers_points(m, readings[0], a_id),
                    covers_b=_covers_points(m, readings[1], b_id),
                )
            )
    return out


def fit_logistic(
    x: np.ndarray, y: np.ndarray, l2: float = 1.0, iterations: int = 50
) -> tuple[np.ndarray, float]:
    """L2-penalised logistic regression by Newton's method; returns (weights, bias)."""
    n, f = x.shape
    xb = np.hstack([x, np.ones((n, 1))])
    w = np.zeros(f + 1)
    penalty = np.full(f + 1, l2)
    penalty[-1] = 0.0
    # positives are rare: weight them so both classes count alike
    pos = max(1.0, float(y.sum()))
    sample = np.where(y > 0, (n - pos) / pos, 1.0)
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-(xb @ w)))
        grad = xb.T @ (sample * (p - y)) + penalty * w
        hess = (xb * (sample * p * (1 - p))[:, None]).T @ xb + np.diag(penalty)
        step = np.linalg.solve(hess + 1e-6 * np.eye(f + 1), grad)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return w[:-1], float(w[-1])


def _run(ex: Example, model: AlignModel, lexicon: Lexicon) -> PairTally:
    """The full decision pipeline (select, then relate) on one example, scored."""
    va, vb = ex.views
    ra, rb = ex.readings
    scores = model.score(ex.features)
    aligned = decide(va, vb, scores, ex.cos, model, ra.account.text, rb.account.text)
    relations, final = relate(
        va, vb, scores, ex.cos, aligned, lexicon, ra.account.party, rb.account.party
    )
    result = Comparison((ra, rb), tuple(final), relations, _NO_SCORE, {})
    return score_pair(ex.meeting, ex.a_id, ex.b_id, result)


def _objective(figures: dict[str, float]) -> float:
    return figures["alignment_f1"] + figures["omission_f1"] + figures["relation_accuracy"]


def _evaluate(examples: Sequence[Example], model: AlignModel, lexicon: Lexicon) -> dict:
    total = PairTally()
    for ex in examples:
        total.add(_run(ex, model, lexicon))
    return total.figures()


def _decisions(
    examples: Sequence[Example], weights: np.ndarray, bias: float, lexicon: Lexicon
) -> AlignModel:
    best: tuple[float, AlignModel] | None = None
    w = tuple(float(x) for x in weights)
    for t, t_either, t_multi in itertools.product(THRESHOLDS, THRESHOLDS, (*THRESHOLDS, 1.01)):
        if not t <= t_either <= t_multi:
            continue
        for hub, step, k in itertools.product(HUBS, SHARED_STEPS, NEIGHBOURS):
            model = AlignModel(w, bias, t, t_either, t_multi, "1", "", hub, round(t + step, 2), k)
            value = _objective(_evaluate(examples, model, lexicon))
            if best is None or value > best[0] + 1e-9:
                best = (value, model)
    assert best is not None
    return best[1]


def _fit(examples: Sequence[Example], l2: float, lexicon: Lexicon) -> AlignModel:
    x = np.concatenate([ex.features.reshape(-1, len(FEATURES)) for ex in examples])
    y = np.concatenate([ex.labels.reshape(-1) for ex in examples])
    weights, bias = fit_logistic(x, y, l2=l2)
    return _decisions(examples, weights, bias, lexicon)


def calibrate(
    gold: str | Path,
    *,
    l2: float = 3.0,
    lexicon: Lexicon | None = None,
    embedder: Embedder | None = None,
    held_out: bool = True,
) -> tuple[AlignModel, dict]:
    """Fit on every meeting of ``gold``; with ``held_out``, report leave-one-meeting-out
    figures too."""
    lexicon = lexicon or default_lexicon()
    embedder = embedder or default_embedder()
    meetings = load_gold_dir(gold)
    examples = collect(meetings, lexicon, embedder)
    model = _fit(examples, l2, lexicon)
    in_sample = _evaluate(examples, model, lexicon)
    keys = ("alignment_f1", "omission_f1", "relation_accuracy")
    lomo: dict[str, dict[str, float]] = {}
    if held_out and len(meetings) > 1:
        for m in meetings:
            train = [ex for ex in examples if ex.meeting.id != m.id]
            test = [ex for ex in examples if ex.meeting.id == m.id]
            fold = _fit(train, l2, lexicon)
            figures = _evaluate(test, fold, lexicon)
            lomo[m.id] = {k: round(figures[k], 3) for k in keys}
    digest = hashlib.sha256()
    for m in meetings:
        digest.update(m.path.read_bytes())
    report = {
        "in_sample": {k: round(in_sample[k], 3) for k in keys},
        "leave_one_meeting_out": lomo,
        "leave_one_meeting_out_mean": {
            k: round(float(np.mean([f[k] for f in lomo.values()])), 3) for k in keys
        }
        if lomo
        else {},
    }
    provenance = (
        f"calibrated {date.today().isoformat()} on {len(meetings)} meetings "
        f"(gold digest {digest.hexdigest()[:12]}), l2={l2}, embedder {embedder.name}; "
        f"{json.dumps(report, sort_keys=True)}"
    )
    return replace(model, provenance=provenance), report
