"""Score: how far the minds met, 0-100, with a verdict and the reasons for it.

The numbers below are data: the salience weights in ``data/weights.tsv``, the fitted
score weights in ``data/align_weights.json``; a ``--lexicon`` weights file replaces any
of them (``salience_fall``, ``score_topic``...). The score is built from four parts, each reported:

- ``mirrored``: the salience-weighted share of each account's claims that the other
  account also reports, combined as the harmonic mean over the accounts, so the score
  is only high when each side's account is found in the other's. Salience falls from
  1.0 for the opening claim to 0.6 for the last (readouts lead with what matters
  most), is halved for meeting boilerplate (a "met"/"spoke" claim with no issue in
  it), and is 0.7 for claims on no specific issue;
- ``topic_overlap``: the Jaccard overlap of the specific issues the two accounts
  raise (process topics such as "dialogue" are left out unless nothing else is
  raised);
- ``conflict``: the salience-weighted share of claims in conflict;
- ``accord``: in each account, the share of claims that cooperate or reassure (agree,
  welcome, support, assure) less the share that take a conflictual stance (concern,
  criticism, rejection, a warning, a demand made of the other side); the lower of the
  two accounts counts, as with ``mirrored``: minds meet as far as both accounts sound
  it (a statement full of "willing to cooperate" answering one that sets out concerns
  is no meeting of minds).

``score = clamp(scale * (mirrored + w_topic * topic_overlap - w_conflict * conflict +
w_accord * accord) + offset)``. The weights are fitted on the training set's ratings
(``readouts calibrate eval/train``, stored with the alignment weights); the bands are:
below 25 little, 25-40 limited, 40-55 partial, 55-75 broad, 75 and above full meeting
of minds. Every score says how many claims (points) it rests on.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields, replace
from functools import lru_cache

from .claimview import lean
from .lexicon import Lexicon
from .model import Claim, Reading, Relation, Score, topic_order

__all__ = [
    "BANDS",
    "ScoreModel",
    "band_of",
    "load_score_model",
    "meeting_of_minds",
    "salience",
    "score_model",
]


@dataclass(frozen=True)
class ScoreModel:
    """The score's weights (see the module docstring)."""

    topic: float = 0.45
    conflict: float = 0.5
    accord: float = 0.0
    scale: float = 55.0
    offset: float = 0.0

    def raw(self, parts: Mapping[str, float]) -> float:
        """The weighted sum of the parts, before scale and offset."""
        return (
            parts["mirrored"]
            + self.topic * parts["topic_overlap"]
            - self.conflict * parts["conflict"]
            + self.accord * parts["accord"]
        )

    def value(self, parts: Mapping[str, float]) -> int:
        return round(min(100.0, max(0.0, self.scale * self.raw(parts) + self.offset)))

    def to_dict(self) -> dict[str, float]:
        return {k: round(v, 4) for k, v in self.__dict__.items()}


@lru_cache(maxsize=1)
def load_score_model() -> ScoreModel:
    """The score weights shipped with the package (fitted on eval/train)."""
    from .align import shipped_weights

    raw = shipped_weights().get("score")
    return ScoreModel(**raw) if raw else ScoreModel()


def score_model(lexicon: Lexicon) -> ScoreModel:
    """The shipped score weights, each ``score_<name>`` weight of the lexicon (a
    ``--lexicon`` weights file) in place of its fitted value."""
    shipped = load_score_model()
    given = {
        f.name: lexicon.weights[f"score_{f.name}"].value
        for f in fields(ScoreModel)
        if f"score_{f.name}" in lexicon.weights
    }
    return replace(shipped, **given) if given else shipped


#: (lower bound, band, verdict), highest first.
BANDS = (
    (75, "full", "The accounts tell the same story."),
    (55, "broad", "Broad meeting of minds: the accounts mostly tell the same story."),
    (40, "partial", "Partial meeting of minds: a shared core, with real differences."),
    (
        25,
        "limited",
        "Limited meeting of minds: some common ground, but each side tells its own story.",
    ),
    (0, "little", "Very little meeting of minds: the accounts largely talk past each other."),
)


def band_of(value: float) -> tuple[str, str]:
    for lower, band, verdict in BANDS:
        if value >= lower:
            return band, verdict
    return BANDS[-1][1], BANDS[-1][2]


def salience(claims: Sequence[Claim], lexicon: Lexicon) -> list[float]:
    """Weight of each claim in its account (see the module docstring)."""
    n = len(claims)
    first, fall = lexicon.weight("salience_first"), lexicon.weight("salience_fall")
    boilerplate = lexicon.weight("salience_boilerplate")
    unspecific = lexicon.weight("salience_unspecific")
    out = []
    for k, c in enumerate(claims):
        w = first - fall * (k / (n - 1) if n > 1 else 0.0)
        specific = [t for t in c.topics if lexicon.is_specific(t)]
        if c.act == "consult" and not specific:
            w *= boilerplate
        elif not specific:
            w *= unspecific
        out.append(w)
    return out


def _label(lexicon: Lexicon, topic: str) -> str:
    t = lexicon.topics.get(topic)
    return t.label_en if t else topic


def _names(lexicon: Lexicon, topics: Sequence[str], limit: int = 6) -> str:
    names = [_label(lexicon, t) for t in topics[:limit]]
    more = len(topics) - limit
    return ", ".join(names) + (f" and {more} more" if more > 0 else "")


def score_parts(
    readings: Sequence[Reading],
    relations: Mapping[str, Relation],
    lexicon: Lexicon,
    stances: Mapping[str, int] | None = None,
) -> dict[str, float]:
    """The four parts of the score (see the module docstring)."""
    return meeting_of_minds(readings, relations, lexicon, stances, ScoreModel()).parts


def meeting_of_minds(
    readings: Sequence[Reading],
    relations: Mapping[str, Relation],
    lexicon: Lexicon,
    stances: Mapping[str, int] | None = None,
    model: ScoreModel | None = None,
) -> Score:
    """The meeting-of-minds score of two (or more) accounts, with its explanation.
    ``stances`` are the claims' stances from their views (by claim id); without them the
    act lexicon's stance of each claim is used."""
    model = model or score_model(lexicon)
    mirrored_parts, conflict_parts = [], []
    counts = {"shared": 0, "one-sided": 0, "conflict": 0}
    total = 0
    for r in readings:
        weights = salience(r.claims, lexicon)
        mass = sum(weights) or 1.0
        shared = sum(
            w for c, w in zip(r.claims, weights, strict=True) if relations[c.id].label == "shared"
        )
        conflict = sum(
            w for c, w in zip(r.claims, weights, strict=True) if relations[c.id].label == "conflict"
        )
        mirrored_parts.append(shared / mass)
        conflict_parts.append(conflict / mass)
        for c in r.claims:
            counts[relations[c.id].label] += 1
            total += 1
    # the harmonic mean of the accounts' mirrored shares: minds meet only as far as each
    # side's account is found in the other's (a short account fully echoed by a long one
    # that the short one ignores is not a meeting of minds)
    if mirrored_parts and all(x > 0 for x in mirrored_parts):
        mirrored = len(mirrored_parts) / sum(1.0 / x for x in mirrored_parts)
    else:
        mirrored = 0.0
    conflict = sum(conflict_parts) / len(conflict_parts) if conflict_parts else 0.0

    topic_sets = [[t for t in topic_order(r.claims) if lexicon.is_specific(t)] for r in readings]
    if not any(topic_sets):
        topic_sets = [topic_order(r.claims) for r in readings]
    union: dict[str, None] = {}
    for ts in topic_sets:
        for t in ts:
            union.setdefault(t, None)
    common = [t for t in union if all(t in ts for ts in topic_sets)]
    overlap = len(common) / len(union) if union else 0.0

    cooperative = conflictual = 0
    accords = []
    for r in readings:
        stance = [
            (stances or {}).get(c.id, lean(c, lexicon) if stances is None else 0) for c in r.claims
        ]
        up, down = sum(1 for x in stance if x > 0), sum(1 for x in stance if x < 0)
        cooperative, conflictual = cooperative + up, conflictual + down
        accords.append((up - down) / len(stance) if stance else 0.0)
    accord = min(accords) if accords else 0.0
    parts = {
        "mirrored": mirrored,
        "topic_overlap": overlap,
        "conflict": conflict,
        "accord": accord,
    }
    value = model.value(parts)
    band, verdict = band_of(value)

    reasons = [
        f"The score rests on {_count(total, 'point')}: {counts['shared']} reported by both "
        f"sides, {counts['conflict']} in conflict, {counts['one-sided']} on one side only.",
        f"{counts['shared']} of {total} claims are reported by both sides "
        f"(harmonic mean of the accounts' weighted shares: {round(100 * mirrored)}%).",
        f"{cooperative} of {total} claims cooperate or reassure, {conflictual} take a "
        "conflictual stance.",
    ]
    if common:
        reasons.append(f"Issues both raise: {_names(lexicon, common)}.")
    for r, ts in zip(readings, topic_sets, strict=True):
        only = [t for t in ts if t not in common]
        if only:
            who = lexicon.party_name(r.account.party) if r.account.party else r.account.id
            reasons.append(f"Raised only by {who}: {_names(lexicon, only)}.")
    if counts["conflict"]:
        kinds: dict[str, int] = {}
        for rel in relations.values():
            if rel.label == "conflict":
                kinds[rel.kind] = kinds.get(rel.kind, 0) + 1
        detail = ", ".join(f"{n} {k.replace('_', ' ')}" for k, n in sorted(kinds.items()))
        reasons.append(f"{counts['conflict']} claims in conflict ({detail}).")
    unconfirmed = sum(1 for rel in relations.values() if "unconfirmed_attribution" in rel.flags)
    if unconfirmed:
        what = "statement" if unconfirmed == 1 else "statements"
        verb = "does" if unconfirmed == 1 else "do"
        reasons.append(
            f"{unconfirmed} {what} one side attributes to the other {verb} not appear in "
            "the other's account."
        )
    return Score(
        value=value,
        band=band,
        verdict=verdict,
        parts=parts,
        reasons=tuple(reasons),
        points=total,
    )


def _count(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"
