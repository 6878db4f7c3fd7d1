"""Align: find the claims of two accounts that speak to the same point.

Order-free and many-to-many. Every pair of claims (one per account) gets features
that mean the same in either language: the cosine of the claims' encoder texts (see
:mod:`readouts.claimview`), that cosine standardised over the pair's whole matrix (so
an English-Chinese pair is judged on the same scale as an English-English one), its
rank in the row and in the column, and what the lexicons see on both sides: the same
specific issue, the same actors, the same numbers and dates, the same party speaking,
the same speech act, and stances that clash. A logistic model turns them into a match
probability; its weights and the decision thresholds are fitted on the training set
(``eval/train``) by :mod:`readouts.calibrate` and shipped in ``data/align_weights.json``.

A pair is linked when its probability reaches ``threshold`` and is near the best of
either claim (at least ``near`` times it). So a list item links to the list sentence
the other side wrote, and two sentences can link to one; one-to-one stays the common
case. Both accounts' reports of the meeting itself are always linked. Every link keeps
the reasons that made it (:class:`~readouts.model.Reason`).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np

from .claimview import ClaimView, claim_views
from .embed import Embedder
from .errors import ConfigError
from .lexicon import Lexicon
from .model import Alignment, Reading, Reason

__all__ = [
    "FEATURES",
    "AlignModel",
    "AlignResult",
    "align",
    "link",
    "load_model",
    "pair_features",
    "reasons",
    "shares",
    "shipped_weights",
    "similarity",
]

#: The features of a pair, in the order the model's weights use.
FEATURES = (
    "cosine",
    "cosine_z",  # the cosine standardised over the pair's matrix
    "csls",  # cosine less the two claims' mean cosine to their 3 nearest (hubness)
    "row_rank",  # 1 / rank of the pair in its row (1 for the first claim's best match)
    "col_rank",  # 1 / rank in its column
    "topic_specific",  # Jaccard of specific topics, times the cosine
    "topic_any",  # rarity-weighted overlap of all topics, times the cosine
    "same_issue",  # both name the same first specific issue
    "actors",  # Jaccard of the parties mentioned (not the speaker)
    "numbers",  # Jaccard of numbers and dates
    "same_party",  # the same party speaks (or both sides on both)
    "both_meeting",  # both only report the meeting itself
    "same_act",
    "one_consult",  # one only says an issue was discussed, the other takes a position
    "stance_clash",  # one cooperative, the other conflictual
)


@dataclass(frozen=True)
class AlignModel:
    """Logistic match model over FEATURES, with its decision thresholds."""

    weights: tuple[float, ...]
    bias: float
    threshold: float  # a pair at or above this probability may be linked ...
    near: float  # ... when it is at least this share of either claim's best probability
    context: float  # how much of a claim's sentence goes into its vector (0: none)
    hub: float  # how much a claim's closeness to many claims lowers each of its pairs
    version: str
    provenance: str

    def probability(self, features: np.ndarray) -> np.ndarray:
        z = features @ np.asarray(self.weights, dtype=np.float32) + self.bias
        return match_probability(z, self.hub)

    def to_dict(self) -> dict:
        return {  # plain floats, so the JSON file reads the same whatever computed it
            "version": self.version,
            "features": list(FEATURES),
            "weights": [round(float(w), 6) for w in self.weights],
            "bias": round(float(self.bias), 6),
            "threshold": round(float(self.threshold), 4),
            "near": round(float(self.near), 4),
            "context": round(float(self.context), 4),
            "hub": round(float(self.hub), 4),
            "provenance": self.provenance,
        }

    @classmethod
    def from_dict(cls, raw: dict) -> AlignModel:
        if tuple(raw.get("features", ())) != FEATURES:
            raise ConfigError(
                "the alignment weights were fitted for other features; run readouts calibrate"
            )
        return cls(
            weights=tuple(float(w) for w in raw["weights"]),
            bias=float(raw["bias"]),
            threshold=float(raw["threshold"]),
            near=float(raw["near"]),
            context=float(raw.get("context", 0.0)),
            hub=float(raw.get("hub", 0.0)),
            version=str(raw.get("version", "")),
            provenance=str(raw.get("provenance", "")),
        )


def match_probability(z: np.ndarray, hub: float) -> np.ndarray:
    """Logits to probabilities, less ``hub`` times the mean logit of each claim's two best
    pairs (cross-domain similarity local scaling on the match score): a claim that
    matches many claims about equally well (a hub) matches each of them less."""
    if hub and z.size:
        k = 2
        n, m = z.shape
        r_a = np.sort(z, axis=1)[:, -min(k, m) :].mean(axis=1)
        r_b = np.sort(z, axis=0)[-min(k, n) :, :].mean(axis=0)
        z = (
            z
            - hub * 0.5 * (r_a[:, None] + r_b[None, :])
            + hub * float(np.median(np.concatenate([r_a, r_b])))
        )
    return 1.0 / (1.0 + np.exp(-z))


@lru_cache(maxsize=1)
def shipped_weights() -> dict:
    """The fitted weights shipped with the package (``data/align_weights.json``): the
    match model, and under ``conflict`` the conflict model of :mod:`readouts.relate`."""
    return json.loads(
        resources.files("readouts").joinpath("data/align_weights.json").read_text("utf-8")
    )


@lru_cache(maxsize=1)
def load_model() -> AlignModel:
    """The match model shipped with the package (fitted on eval/train)."""
    return AlignModel.from_dict(shipped_weights())


# --------------------------------------------------------------------------- features


def _indicators(
    sets_a: Sequence[frozenset[str]], sets_b: Sequence[frozenset[str]]
) -> tuple[np.ndarray, np.ndarray]:
    """0/1 matrices of which items each set holds, over the items of both sides."""
    vocab: dict[str, int] = {}
    for group in (sets_a, sets_b):
        for items in group:
            for x in items:
                vocab.setdefault(x, len(vocab))
    a = np.zeros((len(sets_a), len(vocab)), dtype=np.float32)
    b = np.zeros((len(sets_b), len(vocab)), dtype=np.float32)
    for matrix, group in ((a, sets_a), (b, sets_b)):
        for i, items in enumerate(group):
            for x in items:
                matrix[i, vocab[x]] = 1.0
    return a, b


def shares(sets_a: Sequence[frozenset[str]], sets_b: Sequence[frozenset[str]]) -> np.ndarray:
    """Whether each set of one side shares an item with each set of the other."""
    a, b = _indicators(sets_a, sets_b)
    return (a @ b.T) > 0


def _jaccard(sets_a: Sequence[frozenset[str]], sets_b: Sequence[frozenset[str]]) -> np.ndarray:
    """Jaccard overlap of every set of one side with every set of the other (0 when
    either is empty)."""
    a, b = _indicators(sets_a, sets_b)
    inter = a @ b.T
    size_a, size_b = a.sum(axis=1)[:, None], b.sum(axis=1)[None, :]
    union = size_a + size_b - inter
    both = (size_a > 0) & (size_b > 0)
    return np.divide(inter, union, out=np.zeros_like(inter), where=both & (union > 0))


def _inverse_rank(values: np.ndarray, axis: int) -> np.ndarray:
    """1 / (rank + 1) of each entry along an axis, the largest ranked 0."""
    order = np.argsort(-values, axis=axis, kind="stable")
    ranks = np.argsort(order, axis=axis, kind="stable")
    return 1.0 / (ranks + 1.0)


def pair_features(va: Sequence[ClaimView], vb: Sequence[ClaimView], cos: np.ndarray) -> np.ndarray:
    """Feature tensor [len(va), len(vb), len(FEATURES)]."""
    n, m = len(va), len(vb)
    out = np.zeros((n, m, len(FEATURES)), dtype=np.float32)
    if n == 0 or m == 0:
        return out
    f = {name: k for k, name in enumerate(FEATURES)}
    out[:, :, f["cosine"]] = cos
    spread = float(cos.std())
    out[:, :, f["cosine_z"]] = (cos - float(cos.mean())) / spread if spread > 1e-6 else 0.0
    k = 3
    r_a = np.sort(cos, axis=1)[:, -min(k, m) :].mean(axis=1)
    r_b = np.sort(cos, axis=0)[-min(k, n) :, :].mean(axis=0)
    out[:, :, f["csls"]] = cos - 0.5 * (r_a[:, None] + r_b[None, :])
    out[:, :, f["row_rank"]] = _inverse_rank(cos, axis=1)
    out[:, :, f["col_rank"]] = _inverse_rank(cos, axis=0)
    # a shared topic counts as far as the claims also read alike: two claims about Taiwan
    # that say different things are not the same point
    alike = np.maximum(cos, 0.0)
    out[:, :, f["topic_specific"]] = _jaccard([a.specific for a in va], [b.specific for b in vb])
    out[:, :, f["topic_specific"]] *= alike
    ta, tb = _indicators([a.topics for a in va], [b.topics for b in vb])
    if ta.shape[1]:
        # a topic both accounts mention in many claims tells less than a rare one
        df = ta.sum(axis=0) + tb.sum(axis=0)
        w2 = np.log(1 + (n + m) / np.maximum(df, 1)) ** 2
        inter = (ta * w2) @ tb.T
        norms = np.sqrt(ta @ w2)[:, None] * np.sqrt(tb @ w2)[None, :]
        overlap = np.divide(inter, norms, out=np.zeros_like(inter), where=norms > 0)
        out[:, :, f["topic_any"]] = alike * overlap
    issue_a = np.array([a.issue for a in va], dtype=object)
    issue_b = np.array([b.issue for b in vb], dtype=object)
    out[:, :, f["same_issue"]] = (issue_a[:, None] == issue_b[None, :]) & (issue_a != "")[:, None]
    out[:, :, f["actors"]] = _jaccard([a.actors for a in va], [b.actors for b in vb])
    out[:, :, f["numbers"]] = _jaccard([a.numbers for a in va], [b.numbers for b in vb])
    party_a = np.array([a.party for a in va], dtype=object)
    party_b = np.array([b.party for b in vb], dtype=object)
    out[:, :, f["same_party"]] = (party_a[:, None] == party_b[None, :]) & (party_a != "")[:, None]
    meet_a = np.array([a.meeting for a in va])
    meet_b = np.array([b.meeting for b in vb])
    out[:, :, f["both_meeting"]] = meet_a[:, None] & meet_b[None, :]
    act_a = np.array([a.claim.act for a in va], dtype=object)
    act_b = np.array([b.claim.act for b in vb], dtype=object)
    out[:, :, f["same_act"]] = act_a[:, None] == act_b[None, :]
    out[:, :, f["one_consult"]] = (act_a == "consult")[:, None] != (act_b == "consult")[None, :]
    stance_a = np.array([a.stance for a in va])
    stance_b = np.array([b.stance for b in vb])
    out[:, :, f["stance_clash"]] = (stance_a[:, None] * stance_b[None, :]) < 0
    return out


def similarity(
    va: Sequence[ClaimView], vb: Sequence[ClaimView], embedder: Embedder, context: float = 0.0
) -> np.ndarray:
    """Cosine matrix of the claims' encoder texts; with ``context``, each claim's vector is
    mixed with that share of the mean vector of its sentence's claims (no extra
    encoding). One encoder call."""
    if not va or not vb:
        return np.zeros((len(va), len(vb)), dtype=np.float32)
    views = [*va, *vb]
    vecs = embedder.encode([v.content for v in views])
    if context:
        groups: dict[tuple[str, int], list[int]] = {}
        for k, v in enumerate(views):
            groups.setdefault((v.claim.account_id, v.sentence), []).append(k)
        means = np.stack(
            [vecs[groups[(v.claim.account_id, v.sentence)]].mean(axis=0) for v in views]
        )
        vecs = vecs + context * means
    vecs = vecs / np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-9)
    return np.clip(vecs[: len(va)] @ vecs[len(va) :].T, -1.0, 1.0)


# --------------------------------------------------------------------------- decisions


def _meeting_claim(views: Sequence[ClaimView]) -> int:
    """Index of the claim that reports the meeting itself (in the opening two sentences,
    naming the other side's people), or -1."""
    for k, v in enumerate(views):
        if v.sentence > 1:
            break
        if v.claim.act == "consult" and v.actors:
            return k
    return -1


def link(probability: np.ndarray, threshold: float, near: float) -> list[tuple[int, int]]:
    """Pairs whose probability reaches ``threshold`` and is at least ``near`` times the
    best probability of either of its claims: many-to-many, best matches first."""
    if probability.size == 0:
        return []
    row_best = probability.max(axis=1, keepdims=True)
    col_best = probability.max(axis=0, keepdims=True)
    keep = (probability >= threshold) & (
        (probability >= near * row_best) | (probability >= near * col_best)
    )
    return [(int(i), int(j)) for i, j in zip(*np.nonzero(keep), strict=True)]


def reasons(a: ClaimView, b: ClaimView, cosine: float, lexicon: Lexicon) -> tuple[Reason, ...]:
    """Why two claims were put together, in the order a reader wants them."""
    out = [Reason("similarity", f"{cosine:.2f}")]
    for topic in sorted(a.specific & b.specific):
        out.append(Reason("topic", topic))
    for actor in sorted(a.actors & b.actors):
        out.append(Reason("actor", actor))
    for number in sorted(a.numbers & b.numbers):
        out.append(Reason("number", number))
    if a.party and a.party == b.party:
        out.append(Reason("speaker", a.party))
    if a.stance * b.stance < 0:
        out.append(Reason("stance", f"{a.stance:+d}/{b.stance:+d}"))
    return tuple(out)


@dataclass(frozen=True)
class AlignResult:
    """What alignment hands to relation labelling: the claim views of both accounts, the
    cosine and match-probability matrices, and the links it drew."""

    views_a: tuple[ClaimView, ...]
    views_b: tuple[ClaimView, ...]
    cosine: np.ndarray
    probability: np.ndarray
    links: tuple[Alignment, ...]
    parties: tuple[str, str] = ("", "")  # the party that issued each account


def decide(
    va: Sequence[ClaimView],
    vb: Sequence[ClaimView],
    probability: np.ndarray,
    cos: np.ndarray,
    model: AlignModel,
    lexicon: Lexicon,
) -> tuple[Alignment, ...]:
    pairs = link(probability, model.threshold, model.near)
    mi, mj = _meeting_claim(va), _meeting_claim(vb)
    if mi >= 0 and mj >= 0 and (mi, mj) not in pairs:
        pairs.append((mi, mj))
    return tuple(
        Alignment(
            a=va[i].claim.id,
            b=vb[j].claim.id,
            score=float(probability[i, j]),
            similarity=float(cos[i, j]),
            kind="shared",
            evidence=tuple(
                sorted((va[i].specific & vb[j].specific) | (va[i].actors & vb[j].actors))
            ),
            reasons=reasons(va[i], vb[j], float(cos[i, j]), lexicon),
        )
        for i, j in sorted(pairs)
    )


def align(
    a: Reading,
    b: Reading,
    lexicon: Lexicon,
    embedder: Embedder,
    model: AlignModel | None = None,
) -> AlignResult:
    """Claim views of both readings, their match probabilities and the links drawn."""
    model = model or load_model()
    va = claim_views(a, lexicon, other_party=b.account.party)
    vb = claim_views(b, lexicon, other_party=a.account.party)
    cos = similarity(va, vb, embedder, model.context)
    feats = pair_features(va, vb, cos)
    prob = model.probability(feats) if feats.size else np.zeros(cos.shape, dtype=np.float32)
    links = decide(va, vb, prob, cos, model, lexicon)
    return AlignResult(va, vb, cos, prob, links, (a.account.party, b.account.party))
