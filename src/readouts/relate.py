"""Relate: label every claim shared, one-sided or conflict, and say why.

A **conflict** is two claims on one issue that pull against each other. Every pair of
claims that could be about the same thing (linked by alignment, or naming the same
specific issue) is scored by a small logistic model over what the lexicons say of the
two claims' stances (:data:`CONFLICT_FEATURES`); its weights are fitted on the training
set with the alignment model. The kinds a conflict can be of:

- ``opposed``: one side takes a conflictual stance (concern, criticism, rejection, a
  warning, a demand made of the other side) where the other reassures, cooperates or
  states its own position: "concerns about China's coercive policies" against "China
  pursues a defensive national defence policy";
- ``unconfirmed_attribution``: one account has the other side say or assure something
  on an issue the other side's own account addresses, in other terms ("Biden said the
  US does not support Taiwan independence" against the White House's "continues to
  oppose any unilateral changes to the status quo");
- ``negation``: near the same words, opposite polarity ("an adversary" / "not an
  adversary");
- ``framing``: one names the event in charged words ("unprovoked invasion"), the
  other does not ("the situation in Ukraine");
- ``characterisation``: the two describe the talks (or a party) in opposed words
  ("frank and difficult" / "friendly and productive").

Then each claim's label: **conflict** when it is in a conflict pair; **shared** (kind
``mirrored``) when alignment linked it; **one-sided** (kind ``omission``) otherwise. A
one-sided claim that attributes words to the other side keeps the flag
``unconfirmed_attribution``: the other side's account does not carry them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

import numpy as np

from .align import AlignResult, shares, shipped_weights
from .claimview import ClaimView
from .errors import ConfigError
from .lexicon import Lexicon
from .model import Alignment, Reason, Relation

__all__ = [
    "CONFLICT_FEATURES",
    "ConflictModel",
    "conflict_features",
    "find_conflicts",
    "load_conflict_model",
    "relate",
]

#: The features of a candidate conflict pair, in the order the model's weights use.
CONFLICT_FEATURES = (
    "probability",  # the alignment's match probability
    "same_issue",  # both name the same first specific issue
    "same_topic",  # they share a topic, process topics ("competition") included
    "opposed",  # on a shared topic, one conflictual and the other not
    "both_conflictual",  # on a shared topic, both conflictual, spoken by different parties
    "unconfirmed",  # one has the other side speak, on a topic that side addresses otherwise
    "negation",  # near the same words, one negated and the other not
    "framing",  # on a shared topic, one charged and the other not
    "characterisation",  # opposed atmosphere words
    "consult",  # either only says the issue was discussed
    "third_party",  # both name a party that is neither side: a concern they may share
)

#: Topics that say only that the sides talked ("dialogue"); sharing one is no common issue.
_PROCESS = frozenset({"dialogue", "summit_followup", "people_to_people"})


@dataclass(frozen=True)
class ConflictModel:
    """Logistic conflict model over CONFLICT_FEATURES, with its threshold."""

    weights: tuple[float, ...]
    bias: float
    threshold: float
    candidate: float  # pairs below this match probability and on no common issue are skipped

    def to_dict(self) -> dict:
        return {
            "features": list(CONFLICT_FEATURES),
            "weights": [round(float(w), 6) for w in self.weights],
            "bias": round(float(self.bias), 6),
            "threshold": round(float(self.threshold), 4),
            "candidate": round(float(self.candidate), 4),
        }

    @classmethod
    def from_dict(cls, raw: dict) -> ConflictModel:
        if tuple(raw.get("features", ())) != CONFLICT_FEATURES:
            raise ConfigError(
                "the conflict weights were fitted for other features; run readouts calibrate"
            )
        return cls(
            weights=tuple(float(w) for w in raw["weights"]),
            bias=float(raw["bias"]),
            threshold=float(raw["threshold"]),
            candidate=float(raw["candidate"]),
        )

    def probability(self, features: np.ndarray) -> np.ndarray:
        z = features @ np.asarray(self.weights, dtype=np.float32) + self.bias
        return 1.0 / (1.0 + np.exp(-z))


def _atmosphere(view: ClaimView, lexicon: Lexicon) -> int:
    """The sign of the atmosphere words a claim uses of the talks: -1, 0 or +1."""
    total = 0
    for hit in view.claim.tone:
        term = lexicon.tone.get(hit.term)
        if term is not None and term.category == "atmosphere":
            total += term.valence
    return int(np.sign(total))


def conflict_features(result: AlignResult, lexicon: Lexicon) -> np.ndarray:
    """The CONFLICT_FEATURES of every pair of claims: [len(a), len(b), len(features)]."""
    va, vb = result.views_a, result.views_b
    n, m = len(va), len(vb)
    out = np.zeros((n, m, len(CONFLICT_FEATURES)), dtype=np.float32)
    if n == 0 or m == 0:
        return out

    def column(views: tuple[ClaimView, ...], get, dtype=object) -> np.ndarray:
        return np.array([get(v) for v in views], dtype=dtype)

    f = {name: k for k, name in enumerate(CONFLICT_FEATURES)}
    prob = result.probability
    out[:, :, f["probability"]] = prob
    issue_a, issue_b = column(va, lambda v: v.issue), column(vb, lambda v: v.issue)
    same_issue = (issue_a[:, None] == issue_b[None, :]) & (issue_a != "")[:, None]
    out[:, :, f["same_issue"]] = same_issue
    same_topic = shares([v.topics - _PROCESS for v in va], [v.topics - _PROCESS for v in vb])
    same_topic |= same_issue
    out[:, :, f["same_topic"]] = same_topic
    sa, sb = column(va, lambda v: v.stance, int), column(vb, lambda v: v.stance, int)
    low = np.minimum(sa[:, None], sb[None, :])
    high = np.maximum(sa[:, None], sb[None, :])
    out[:, :, f["opposed"]] = same_topic & (low < 0) & (high >= 0)
    party_a, party_b = column(va, lambda v: v.party), column(vb, lambda v: v.party)
    out[:, :, f["both_conflictual"]] = (
        same_topic & (sa[:, None] < 0) & (sb[None, :] < 0) & (party_a[:, None] != party_b[None, :])
    )
    att_a = column(va, lambda v: v.attributed, bool)
    att_b = column(vb, lambda v: v.attributed, bool)
    # what one side has the other say, set against what the other says on that topic
    # itself: a conflict only as far as the two do not say the same thing
    out[:, :, f["unconfirmed"]] = (att_a[:, None] != att_b[None, :]) * same_topic * (1.0 - prob)
    neg_a = column(va, lambda v: v.claim.negated, bool)
    neg_b = column(vb, lambda v: v.claim.negated, bool)
    out[:, :, f["negation"]] = (neg_a[:, None] != neg_b[None, :]) * prob
    ch_a, ch_b = column(va, lambda v: v.charged, bool), column(vb, lambda v: v.charged, bool)
    out[:, :, f["framing"]] = same_topic & (ch_a[:, None] != ch_b[None, :])
    atm_a = column(va, lambda v: _atmosphere(v, lexicon), int)
    atm_b = column(vb, lambda v: _atmosphere(v, lexicon), int)
    out[:, :, f["characterisation"]] = (atm_a[:, None] * atm_b[None, :]) < 0
    con_a = column(va, lambda v: v.claim.act == "consult", bool)
    con_b = column(vb, lambda v: v.claim.act == "consult", bool)
    out[:, :, f["consult"]] = con_a[:, None] | con_b[None, :]
    sides = {p for p in result.parties if p}
    third_a, third_b = [v.actors - sides for v in va], [v.actors - sides for v in vb]
    out[:, :, f["third_party"]] = shares(third_a, third_b)
    return out


def find_conflicts(
    result: AlignResult, features: np.ndarray, model: ConflictModel
) -> dict[tuple[int, int], tuple[float, str]]:
    """The conflict pairs: candidates (likely the same point, or on the same specific
    issue) whose conflict probability reaches the threshold and is the best of either
    claim's. Returns {(i, j): (probability, kind)}."""
    if features.size == 0:
        return {}
    f = {name: k for k, name in enumerate(CONFLICT_FEATURES)}
    candidate = (result.probability >= model.candidate) | (features[:, :, f["same_topic"]] > 0)
    prob = np.where(candidate, model.probability(features), 0.0)
    best_row = prob.max(axis=1, keepdims=True)
    best_col = prob.max(axis=0, keepdims=True)
    keep = candidate & (prob >= model.threshold) & ((prob >= best_row) | (prob >= best_col))
    return {
        (int(i), int(j)): (float(prob[i, j]), _kind(features[i, j]))
        for i, j in zip(*np.nonzero(keep), strict=True)
    }


def _kind(features: np.ndarray) -> str:
    f = dict(zip(CONFLICT_FEATURES, features.tolist(), strict=True))
    if f["negation"] >= 0.5 and not f["opposed"]:
        return "negation"
    if f["unconfirmed"] > 0 and not f["opposed"]:
        return "unconfirmed_attribution"
    if f["framing"]:
        return "framing"
    if f["characterisation"]:
        return "characterisation"
    return "opposed"


def relate(
    result: AlignResult, lexicon: Lexicon, model: ConflictModel | None = None
) -> tuple[dict[str, Relation], tuple[Alignment, ...]]:
    """Relations for every claim of both accounts, and the final links (shared and
    conflict pairs)."""
    model = model or load_conflict_model()
    va, vb = result.views_a, result.views_b
    conflicts = find_conflicts(result, conflict_features(result, lexicon), model)

    linked: dict[tuple[int, int], Alignment] = {}
    index_a = {v.claim.id: i for i, v in enumerate(va)}
    index_b = {v.claim.id: j for j, v in enumerate(vb)}
    for al in result.links:
        linked[(index_a[al.a], index_b[al.b])] = al

    final: list[Alignment] = []
    for key, al in sorted(linked.items()):
        if key in conflicts:
            kind = conflicts[key][1]
            final.append(
                replace(al, kind="conflict", reasons=(*al.reasons, Reason("conflict", kind)))
            )
        else:
            final.append(al)
    for (i, j), (_, kind) in sorted(conflicts.items()):
        if (i, j) in linked:
            continue
        a, b = va[i], vb[j]
        final.append(
            Alignment(
                a.claim.id,
                b.claim.id,
                float(result.probability[i, j]),
                float(result.cosine[i, j]),
                "conflict",
                tuple(sorted(a.specific & b.specific)),
                (
                    Reason("similarity", f"{result.cosine[i, j]:.2f}"),
                    *(Reason("topic", t) for t in sorted(a.specific & b.specific)),
                    Reason("conflict", kind),
                ),
            )
        )

    conflict_of: dict[str, tuple[str, list[str]]] = {}
    partners: dict[str, list[str]] = {}
    for (i, j), (_, kind) in sorted(conflicts.items(), key=lambda kv: -kv[1][0]):
        for mine, other in ((va[i], vb[j]), (vb[j], va[i])):
            conflict_of.setdefault(mine.claim.id, (kind, []))[1].append(other.claim.id)
    for i, j in linked:
        partners.setdefault(va[i].claim.id, []).append(vb[j].claim.id)
        partners.setdefault(vb[j].claim.id, []).append(va[i].claim.id)

    relations: dict[str, Relation] = {}
    for v in (*va, *vb):
        cid = v.claim.id
        flags = ("unconfirmed_attribution",) if v.attributed else ()
        if cid in conflict_of:
            kind, others = conflict_of[cid]
            relations[cid] = Relation(cid, "conflict", kind, tuple(others), flags=flags)
        elif cid in partners:
            relations[cid] = Relation(cid, "shared", "mirrored", tuple(partners[cid]))
        else:
            relations[cid] = Relation(cid, "one-sided", "omission", (), flags=flags)
    return relations, tuple(final)


@lru_cache(maxsize=1)
def load_conflict_model() -> ConflictModel:
    """The conflict model shipped with the package (fitted on eval/train)."""
    return ConflictModel.from_dict(shipped_weights()["conflict"])
