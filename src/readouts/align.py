"""Align: find the claims of two accounts that speak to the same point.

Order-free and many-to-many. Each pair of claims (one per account) gets features:
the embedding cosine of the claims' content (reporting frames such as "Wang Yi said
that" removed, list items given their lead-in), shared topics (lexicon topics match
across English and Chinese), shared actors, shared numbers and dates, and, within
one language, shared content words. A logistic model turns them into a match
score; its weights and the decision threshold are calibrated on the development
gold set by :mod:`readouts.calibrate` and shipped in ``data/align_weights.json``.

A pair is aligned when the two claims are each other's best match and the score
passes the threshold; when one is the other's best match and the score passes a
higher threshold; or, for one claim matching several, when it passes the highest.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np

from .embed import Embedder
from .lang import en, text_view, zh
from .lexicon import Lexicon, normalise_en
from .model import Alignment, Claim, Reading

__all__ = [
    "FEATURES",
    "AlignModel",
    "ClaimView",
    "align",
    "claim_views",
    "content_text",
    "decide",
    "lean",
    "load_model",
    "pair_features",
]

#: The features of a pair, in the order the model's weights use.
FEATURES = (
    "cosine",
    "csls",  # cosine less the two claims' mean cosine to their 3 nearest neighbours (hubness)
    "cosine_cross",  # cosine when the two accounts are in different languages
    "topic_specific",  # Jaccard of specific (non-generic) topics
    "topic_any",  # cosine of the claims' topics weighted by rarity in the two accounts
    "actors",  # Jaccard of actors mentioned (not the speaker)
    "numbers",  # Jaccard of numbers and dates
    "words",  # Jaccard of content-word stems (same language only)
    "same_speaker_party",  # both attributed to the same party (or both to both sides)
    "both_meeting",  # both claims only report the meeting itself ("met", "discussed")
    "same_act",  # the same speech act
    "one_consult",  # one claim only says an issue was discussed, the other takes a position
    "lean_clash",  # one claim leans cooperative, the other conflictual
    "negation_differs",  # one claim is negated, the other is not
    "mutual_best",  # each is the other's nearest claim by cosine plus topic overlap
)

_SPEECH_EN = "|".join(
    sorted(en.SPEECH_VERBS | {"agreed", "agree", "agrees"}, key=len, reverse=True)
)
_FRAME_EN = re.compile(r"^[^,;:]{0,90}?\b(?:" + _SPEECH_EN + r")\b(?:\s+that)?[\s,]+", re.I)
_FRAME_ZH = re.compile(
    r"^.{0,22}?(?:" + "|".join(sorted(zh.SPEECH_VERBS, key=len, reverse=True)) + r")[，,：:]\s*"
)
_LEADING = re.compile(r"^(?:and|but|or|while|whereas|yet|however|also|then|that)\b[\s,]*", re.I)
_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "and",
        "or",
        "to",
        "in",
        "on",
        "at",
        "for",
        "with",
        "by",
        "from",
        "as",
        "that",
        "this",
        "these",
        "those",
        "it",
        "its",
        "their",
        "his",
        "her",
        "our",
        "we",
        "they",
        "he",
        "she",
        "be",
        "is",
        "are",
        "was",
        "were",
        "been",
        "has",
        "have",
        "had",
        "will",
        "would",
        "can",
        "could",
        "should",
        "must",
        "may",
        "might",
        "not",
        "no",
        "also",
        "both",
        "two",
        "sides",
        "side",
        "said",
        "that",
        "which",
        "who",
        "whom",
        "what",
        "when",
        "where",
        "than",
        "then",
        "there",
        "here",
        "into",
        "over",
        "under",
        "about",
        "between",
        "among",
        "during",
        "after",
        "before",
        "while",
        "such",
        "more",
        "most",
        "other",
        "another",
        "any",
        "all",
        "each",
        "very",
        "so",
        "only",
        "just",
        "said",
        "says",
        "stated",
        "noted",
        "stressed",
        "emphasized",
        "reiterated",
        "added",
        "president",
        "secretary",
        "minister",
        "leader",
        "leaders",
    ]
)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def content_text(text: str, claim: Claim, language: str) -> str:
    """What a claim says, without its reporting frame; list items keep their lead-in."""
    body = text[claim.start : claim.end]
    if claim.frame_start >= 0:
        body = text[claim.frame_start : claim.frame_end] + " " + _LEADING.sub("", body)
    if language == "zh":
        stripped = _FRAME_ZH.sub("", body, count=1)
    else:
        body = _LEADING.sub("", body)
        stripped = _FRAME_EN.sub("", body, count=1)
    return stripped if len(stripped) >= 0.3 * len(body) else body


@lru_cache(maxsize=50_000)
def _stem(word: str) -> str:
    for suffix in ("ations", "ation", "ities", "ity", "ing", "ies", "ied", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _words(text: str) -> frozenset[str]:
    return frozenset(
        _stem(w) for w in re.findall(r"[a-z]+", normalise_en(text)) if w not in _STOP and len(w) > 2
    )


def _numbers(text: str, language: str) -> frozenset[str]:
    nums = {n.replace(",", "") for n in _NUMBER.findall(text)}
    if language != "zh":
        for w in re.findall(r"[A-Za-z]+", text):
            month = en.MONTHS.get(w.lower().rstrip("."))
            if month and w[0].isupper():
                nums.add(str(month))
    return frozenset(nums)


@dataclass(frozen=True)
class ClaimView:
    """What alignment needs of one claim."""

    claim: Claim
    content: str
    language: str
    topics: frozenset[str]
    specific: frozenset[str]
    actors: frozenset[str]
    numbers: frozenset[str]
    words: frozenset[str]
    party: str  # the speaker's party; "both" for both sides
    context: str  # the sentence the claim is part of
    lean: int  # +1 cooperative or reassuring act, -1 conflictual, 0 neither (lexicon stance)


def claim_views(reading: Reading, lexicon: Lexicon) -> list[ClaimView]:
    account = reading.account
    text = account.text
    lang = account.language
    view = text_view(text, lang)
    mentions = lexicon.actor_matcher.find(text, lang, view)
    out = []
    for c in reading.claims:
        # Chinese is embedded in its simplified form, so traditional text reads the same
        content = content_text(view, c, lang)
        actors = set()
        for m in mentions:
            in_claim = c.start <= m.start < c.end
            in_frame = c.frame_start <= m.start < c.frame_end
            if (in_claim or in_frame) and not (c.speaker.start <= m.start < c.speaker.end):
                actors.add(lexicon.party_of(m.id) or m.id)
        party = "both" if c.speaker.kind == "both" else c.speaker.party
        out.append(
            ClaimView(
                claim=c,
                content=content,
                language=lang,
                topics=frozenset(c.topics),
                specific=frozenset(t for t in c.topics if lexicon.is_specific(t)),
                actors=frozenset(actors),
                numbers=_numbers(view[c.start : c.end], lang),
                words=_words(content) if lang != "zh" else frozenset(),
                party=party,
                context=view[
                    reading.sentences[c.sentence].start : reading.sentences[c.sentence].end
                ]
                if c.sentence < len(reading.sentences)
                else content,
                lean=lean(c, lexicon),
            )
        )
    return out


def lean(claim: Claim, lexicon: Lexicon) -> int:
    """-1 (conflictual), +1 (cooperative or reassuring) or 0: the act's stance, overridden
    by a strong word of concern or protest."""
    act = lexicon.acts.get(claim.act)
    value = {"+": 1, "-": -1}.get(act.stance, 0) if act is not None else 0
    for hit in claim.tone:
        term = lexicon.tone.get(hit.term)
        if term is not None and term.valence <= -2 and term.category in ("ladder", "signal"):
            value = -1
    return value


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


def _jaccard_matrix(
    sets_a: Sequence[frozenset[str]], sets_b: Sequence[frozenset[str]]
) -> np.ndarray:
    """Jaccard overlap of every set of one side with every set of the other (0 when
    either is empty)."""
    a, b = _indicators(sets_a, sets_b)
    inter = a @ b.T
    union = a.sum(axis=1)[:, None] + b.sum(axis=1)[None, :] - inter
    both = (a.sum(axis=1)[:, None] > 0) & (b.sum(axis=1)[None, :] > 0)
    return np.divide(inter, union, out=np.zeros_like(inter), where=both & (union > 0))


def pair_features(va: Sequence[ClaimView], vb: Sequence[ClaimView], cos: np.ndarray) -> np.ndarray:
    """Feature tensor [len(va), len(vb), len(FEATURES)]."""
    n, m = len(va), len(vb)
    out = np.zeros((n, m, len(FEATURES)), dtype=np.float32)
    if n == 0 or m == 0:
        return out
    out[:, :, 0] = cos
    k = 3
    r_a = np.sort(cos, axis=1)[:, -min(k, m) :].mean(axis=1)
    r_b = np.sort(cos, axis=0)[-min(k, n) :, :].mean(axis=0)
    out[:, :, 1] = cos - 0.5 * (r_a[:, None] + r_b[None, :])
    cross = float(va[0].language != vb[0].language)
    out[:, :, 2] = cos * cross
    # a shared topic counts as far as the claims also read alike: two claims about Taiwan
    # that say different things are not the same point
    alike = np.maximum(cos, 0.0)
    out[:, :, 3] = _jaccard_matrix([a.specific for a in va], [b.specific for b in vb]) * alike
    # a topic both accounts mention in many claims tells less than a rare one
    ta, tb = _indicators([a.topics for a in va], [b.topics for b in vb])
    if ta.shape[1]:
        df = ta.sum(axis=0) + tb.sum(axis=0)
        w2 = np.log(1 + (n + m) / np.maximum(df, 1)) ** 2
        inter = (ta * w2) @ tb.T
        norms = np.sqrt(ta @ w2)[:, None] * np.sqrt(tb @ w2)[None, :]
        out[:, :, 4] = alike * np.divide(inter, norms, out=np.zeros_like(inter), where=norms > 0)
    out[:, :, 5] = _jaccard_matrix([a.actors for a in va], [b.actors for b in vb])
    out[:, :, 6] = _jaccard_matrix([a.numbers for a in va], [b.numbers for b in vb])
    out[:, :, 7] = _jaccard_matrix([a.words for a in va], [b.words for b in vb])
    party_a = np.array([a.party for a in va], dtype=object)
    party_b = np.array([b.party for b in vb], dtype=object)
    out[:, :, 8] = (party_a[:, None] == party_b[None, :]) & (party_a != "")[:, None]
    act_a = np.array([a.claim.act for a in va], dtype=object)
    act_b = np.array([b.claim.act for b in vb], dtype=object)
    consult_a, consult_b = act_a == "consult", act_b == "consult"
    meeting_a = consult_a & np.array([not a.specific for a in va])
    meeting_b = consult_b & np.array([not b.specific for b in vb])
    out[:, :, 9] = meeting_a[:, None] & meeting_b[None, :]
    out[:, :, 10] = act_a[:, None] == act_b[None, :]
    out[:, :, 11] = consult_a[:, None] != consult_b[None, :]
    lean_a = np.array([a.lean for a in va])
    lean_b = np.array([b.lean for b in vb])
    out[:, :, 12] = (lean_a[:, None] * lean_b[None, :]) < 0
    neg_a = np.array([a.claim.negated for a in va])
    neg_b = np.array([b.claim.negated for b in vb])
    out[:, :, 13] = neg_a[:, None] != neg_b[None, :]
    joint = cos + 0.5 * out[:, :, 4]
    best_row = joint.argmax(axis=1)
    best_col = joint.argmax(axis=0)
    for i in range(n):
        if best_col[best_row[i]] == i:
            out[i, best_row[i], 14] = 1.0
    return out


@dataclass(frozen=True)
class AlignModel:
    """Logistic match model over FEATURES, with its decision thresholds."""

    weights: tuple[float, ...]
    bias: float
    threshold: float  # mutual best matches at or above this are aligned
    threshold_either: float  # ... the best match of either claim at or above this
    threshold_multi: float  # ... and any pair at or above this
    version: str
    provenance: str
    hub: float = 0.0  # how much a claim's closeness to many claims lowers each of its pairs
    threshold_shared: float = 0.0  # aligned pairs below this are only "related", not shared
    neighbours: int = 0  # a best match of one claim must be among the other's this many best

    def score(self, features: np.ndarray) -> np.ndarray:
        z = features @ np.asarray(self.weights, dtype=np.float32) + self.bias
        return match_probability(z, self.hub)

    def to_dict(self) -> dict:
        return {  # plain floats, so the JSON file reads the same whatever computed it
            "version": self.version,
            "features": list(FEATURES),
            "weights": [round(w, 6) for w in self.weights],
            "bias": round(self.bias, 6),
            "threshold": round(self.threshold, 4),
            "threshold_either": round(self.threshold_either, 4),
            "threshold_multi": round(self.threshold_multi, 4),
            "threshold_shared": round(self.threshold_shared, 4),
            "neighbours": self.neighbours,
            "hub": self.hub,
            "provenance": self.provenance,
        }


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
def load_model() -> AlignModel:
    """The calibrated model shipped with the package."""
    raw = json.loads(
        resources.files("readouts").joinpath("data/align_weights.json").read_text("utf-8")
    )
    if tuple(raw["features"]) != FEATURES:
        raise ValueError(
            "data/align_weights.json was calibrated for other features; run readouts calibrate"
        )
    return AlignModel(
        tuple(raw["weights"]),
        raw["bias"],
        raw["threshold"],
        raw["threshold_either"],
        raw["threshold_multi"],
        raw["version"],
        raw.get("provenance", ""),
        raw.get("hub", 0.0),
        raw.get("threshold_shared", 0.0),
        raw.get("neighbours", 0),
    )


def similarity(va: Sequence[ClaimView], vb: Sequence[ClaimView], embedder: Embedder) -> np.ndarray:
    """Cosine matrix of the claims, each claim's content (lower-cased, so that capitals do
    not split the vocabulary) plus, for context, the mean vector of the claims of its
    sentence (no extra encoding); one encoder call."""
    if not va or not vb:
        return np.zeros((len(va), len(vb)), dtype=np.float32)
    views = [*va, *vb]
    texts = [v.content.lower() for v in views]
    vecs = embedder.encode(texts)
    groups: dict[tuple[str, str], list[int]] = {}
    for k, v in enumerate(views):
        groups.setdefault((v.claim.account_id, v.context), []).append(k)
    ctx = np.stack([vecs[groups[(v.claim.account_id, v.context)]].mean(axis=0) for v in views])
    vecs = vecs + ctx
    vecs /= np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-9)
    return np.clip(vecs[: len(va)] @ vecs[len(va) :].T, -1.0, 1.0)


def select(
    scores: np.ndarray,
    threshold: float,
    threshold_either: float,
    threshold_multi: float,
    neighbours: int = 0,
) -> list[tuple[int, int]]:
    """Pairs to align: mutual best matches from ``threshold``; from ``threshold_either``,
    the best match of either claim provided it is also among the other claim's
    ``neighbours`` best (0: no such limit); and any pair from ``threshold_multi``."""
    pairs: list[tuple[int, int]] = []
    if scores.size == 0:
        return pairs
    best_a = scores.argmax(axis=1)
    best_b = scores.argmax(axis=0)
    n, m = scores.shape
    if neighbours:
        # rank of each pair within its row and within its column (0 = best)
        rank_row = np.argsort(np.argsort(-scores, axis=1), axis=1)
        rank_col = np.argsort(np.argsort(-scores, axis=0), axis=0)
    for i in range(n):
        for j in range(m):
            s = scores[i, j]
            if s < threshold:
                continue
            mutual = best_a[i] == j and best_b[j] == i
            either = best_a[i] == j or best_b[j] == i
            if either and neighbours:
                either = rank_row[i, j] < neighbours and rank_col[i, j] < neighbours
            if mutual or (either and s >= threshold_either) or s >= threshold_multi:
                pairs.append((i, j))
    return pairs


_MEETING_WORDS = re.compile(
    r"\b(?:met|meets|meeting|held|holds|hosted|spoke|speaks|call|video|virtual|summit|talks)\b"
    r"|会见|会晤|会谈|通话|通电话|视频|举行",
    re.I,
)


def meeting_claim(views: Sequence[ClaimView], text: str) -> int:
    """Index of the claim that reports the meeting itself (in the opening two sentences,
    a meeting act naming the other side's people), or -1."""
    for k, v in enumerate(views):
        c = v.claim
        if c.sentence > 1:
            break
        if c.act == "consult" and _MEETING_WORDS.search(text[c.start : c.end]) and v.actors:
            return k
    return -1


def decide(
    va: Sequence[ClaimView],
    vb: Sequence[ClaimView],
    scores: np.ndarray,
    cos: np.ndarray,
    model: AlignModel,
    text_a: str,
    text_b: str,
) -> list[Alignment]:
    """The pairs the model keeps (see the module docstring), each marked shared or
    related. Both accounts' reports of the meeting itself are paired as one shared point
    (``scores`` is raised to match)."""
    pairs = select(
        scores, model.threshold, model.threshold_either, model.threshold_multi, model.neighbours
    )
    mi, mj = meeting_claim(va, text_a), meeting_claim(vb, text_b)
    if mi >= 0 and mj >= 0:
        scores[mi, mj] = max(float(scores[mi, mj]), model.threshold_shared, model.threshold)
        if (mi, mj) not in pairs:
            pairs.append((mi, mj))
    out = []
    for i, j in pairs:
        evidence = sorted(
            (va[i].specific & vb[j].specific)
            | (va[i].actors & vb[j].actors)
            | (va[i].numbers & vb[j].numbers)
        )
        out.append(
            Alignment(
                a=va[i].claim.id,
                b=vb[j].claim.id,
                score=float(scores[i, j]),
                similarity=float(cos[i, j]),
                kind="shared" if scores[i, j] >= model.threshold_shared else "related",
                evidence=tuple(evidence),
            )
        )
    return out


def align(
    a: Reading,
    b: Reading,
    lexicon: Lexicon,
    embedder: Embedder,
    model: AlignModel | None = None,
) -> tuple[list[Alignment], np.ndarray, np.ndarray, list[ClaimView], list[ClaimView]]:
    """Aligned pairs, plus the score and cosine matrices and the claim views behind them."""
    model = model or load_model()
    va, vb = claim_views(a, lexicon), claim_views(b, lexicon)
    cos = similarity(va, vb, embedder)
    feats = pair_features(va, vb, cos)
    scores = model.score(feats) if feats.size else np.zeros(cos.shape, dtype=np.float32)
    out = decide(va, vb, scores, cos, model, a.account.text, b.account.text)
    return out, scores, cos, va, vb
