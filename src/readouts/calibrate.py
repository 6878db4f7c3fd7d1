"""Calibrate: fit the alignment model's weights and thresholds on a gold folder.

For every compared pair of every gold meeting, each pair of claims (one per account)
is a training example: positive when both claims cover a span of the same gold point
(the cover rule of FORMAT.md). A logistic regression with an L2 penalty is fitted by
Newton's method; the two decision thresholds are then chosen by grid search to
maximise the alignment F1 of the selection rule of :mod:`readouts.align`, scored
exactly as :mod:`readouts.evaluate` scores it.

Leave-one-meeting-out figures (fit on the other meetings, score the one left out)
are written into the provenance so the shipped thresholds come with an honest
estimate of how they carry over to unseen meetings.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np

from .align import FEATURES, AlignModel, claim_views, pair_features, select, similarity
from .embed import Embedder, default_embedder
from .evaluate import GoldMeeting, _covers, load_gold_dir
from .ingest import read_account
from .lexicon import Lexicon, default_lexicon
from .read import read

__all__ = ["Example", "calibrate", "collect", "fit_logistic"]

THRESHOLDS = tuple(round(x, 2) for x in np.arange(0.2, 0.91, 0.05))


@dataclass
class Example:
    """The features and labels of one compared pair of one gold meeting."""

    meeting: str
    features: np.ndarray  # [n, m, F]
    covers_a: list[frozenset[str]]  # points each claim of A covers
    covers_b: list[frozenset[str]]
    gold_pairs: frozenset[str]  # points with spans in both accounts

    @property
    def labels(self) -> np.ndarray:
        n, m = len(self.covers_a), len(self.covers_b)
        y = np.zeros((n, m), dtype=np.float32)
        for i in range(n):
            for j in range(m):
                y[i, j] = float(bool(self.covers_a[i] & self.covers_b[j]))
        return y


def collect(meetings: Sequence[GoldMeeting], lexicon: Lexicon, embedder: Embedder) -> list[Example]:
    out = []
    for m in meetings:
        for a_id, b_id in m.compare:
            readings = []
            for aid in (a_id, b_id):
                g = m.accounts[aid]
                acc = read_account(g.path, id=aid, side=g.side, party=g.party, issuer=g.issuer)
                readings.append(read(acc, lexicon))
            va, vb = claim_views(readings[0], lexicon), claim_views(readings[1], lexicon)
            cos = similarity(va, vb, embedder)
            feats = pair_features(va, vb, cos)

            def covers(reading, aid: str, m: GoldMeeting = m) -> list[frozenset[str]]:
                return [
                    frozenset(
                        p.id
                        for p in m.points
                        if any(_covers((c.start, c.end), s) for s in p.spans.get(aid, ()))
                    )
                    for c in reading.claims
                ]

            out.append(
                Example(
                    meeting=m.id,
                    features=feats,
                    covers_a=covers(readings[0], a_id),
                    covers_b=covers(readings[1], b_id),
                    gold_pairs=frozenset(
                        p.id for p in m.points if p.spans.get(a_id) and p.spans.get(b_id)
                    ),
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


def _f1(
    examples: Sequence[Example],
    weights: np.ndarray,
    bias: float,
    t: float,
    t_either: float,
    t_multi: float,
) -> tuple[float, float, float]:
    prec_sum, n_pairs, gold, hit = 0.0, 0, 0, 0
    for ex in examples:
        scores = 1.0 / (1.0 + np.exp(-(ex.features @ weights + bias)))
        pairs = select(scores, t, t_either, t_multi)
        found: set[str] = set()
        for i, j in pairs:
            either = ex.covers_a[i] | ex.covers_b[j]
            both = ex.covers_a[i] & ex.covers_b[j]
            prec_sum += len(both) / len(either) if either else 0.0
            n_pairs += 1
            found |= both
        gold += len(ex.gold_pairs)
        hit += len(ex.gold_pairs & found)
    p = prec_sum / n_pairs if n_pairs else 0.0
    r = hit / gold if gold else 0.0
    return (2 * p * r / (p + r) if p + r else 0.0), p, r


def _thresholds(
    examples: Sequence[Example], weights: np.ndarray, bias: float
) -> tuple[float, float, float, float]:
    best = (-1.0, 0.5, 0.7, 0.9)
    for t in THRESHOLDS:
        for t_either in THRESHOLDS:
            if t_either < t:
                continue
            for t_multi in THRESHOLDS:
                if t_multi < t_either:
                    continue
                f1 = _f1(examples, weights, bias, t, t_either, t_multi)[0]
                if f1 > best[0] + 1e-9:
                    best = (f1, t, t_either, t_multi)
    return best


def _fit(examples: Sequence[Example], l2: float) -> tuple[np.ndarray, float, float, float, float]:
    x = np.concatenate([ex.features.reshape(-1, len(FEATURES)) for ex in examples])
    y = np.concatenate([ex.labels.reshape(-1) for ex in examples])
    weights, bias = fit_logistic(x, y, l2=l2)
    _, t, t_either, t_multi = _thresholds(examples, weights, bias)
    return weights, bias, t, t_either, t_multi


def calibrate(
    gold: str | Path,
    *,
    l2: float = 1.0,
    lexicon: Lexicon | None = None,
    embedder: Embedder | None = None,
) -> tuple[AlignModel, dict]:
    """Fit on every meeting of ``gold``; report leave-one-meeting-out figures too."""
    lexicon = lexicon or default_lexicon()
    embedder = embedder or default_embedder()
    meetings = load_gold_dir(gold)
    examples = collect(meetings, lexicon, embedder)
    weights, bias, t, t_either, t_multi = _fit(examples, l2)
    in_sample = _f1(examples, weights, bias, t, t_either, t_multi)
    held_out = {}
    for m in meetings:
        train = [ex for ex in examples if ex.meeting != m.id]
        test = [ex for ex in examples if ex.meeting == m.id]
        if not train or not test:
            continue
        w, b, tt, te, tm = _fit(train, l2)
        held_out[m.id] = round(_f1(test, w, b, tt, te, tm)[0], 3)
    digest = hashlib.sha256()
    for m in meetings:
        digest.update(m.path.read_bytes())
    report = {
        "in_sample_alignment_f1": round(in_sample[0], 3),
        "in_sample_precision": round(in_sample[1], 3),
        "in_sample_recall": round(in_sample[2], 3),
        "leave_one_meeting_out_f1": held_out,
        "leave_one_meeting_out_mean": round(float(np.mean(list(held_out.values()))), 3)
        if held_out
        else None,
    }
    provenance = (
        f"calibrated {date.today().isoformat()} on {len(meetings)} meetings "
        f"(gold digest {digest.hexdigest()[:12]}), l2={l2}, embedder {embedder.name}; "
        f"{json.dumps(report, sort_keys=True)}"
    )
    model = AlignModel(
        tuple(float(w) for w in weights), bias, t, t_either, t_multi, "1", provenance
    )
    return model, report
