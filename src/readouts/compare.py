"""Compare: two accounts of one meeting, claim by claim.

``compare(a, b)`` takes accounts (or paths, or readings) and returns a
:class:`~readouts.model.Comparison`: both readings, the aligned pairs, every claim's
relation, the topics each side raised, and the meeting-of-minds score.

``method="baseline"`` is the plain comparison the project measures itself against:
whole sentences as claims, raw embedding cosine, one fixed threshold
(:data:`BASELINE_THRESHOLD`), no topics, no attribution, no conflicts.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np

from .align import align, load_model
from .embed import Embedder, default_embedder
from .errors import ConfigError, DuplicateInputError
from .ingest import read_account
from .lexicon import Lexicon, default_lexicon
from .model import (
    Account,
    Alignment,
    Claim,
    Comparison,
    Reading,
    Relation,
    Score,
    Speaker,
    topic_order,
)
from .read import read
from .relate import relate
from .score import band_of, meeting_of_minds
from .signals import comparison_signals

__all__ = ["BASELINE_THRESHOLD", "METHODS", "as_reading", "compare"]

#: Cosine at or above which the baseline calls two sentences the same point.
BASELINE_THRESHOLD = 0.5
METHODS = ("readouts", "baseline")


def as_reading(item: Account | Reading | str | Path, lexicon: Lexicon, side: str = "") -> Reading:
    """A reading of an account, a path to one, or a reading already made."""
    if isinstance(item, Reading):
        return item
    if isinstance(item, str | Path):
        item = read_account(item, side=side)
    return read(item, lexicon)


def _check_pair(a: Reading, b: Reading) -> None:
    if a.account.text.strip() == b.account.text.strip():
        where = a.account.source or a.account.id
        raise DuplicateInputError(
            "the two accounts are the same text; give each side's account", path=where
        )
    if a.account.id == b.account.id:
        raise DuplicateInputError(f"two accounts have the same id {a.account.id!r}")


def compare(
    a: Account | Reading | str | Path,
    b: Account | Reading | str | Path,
    *,
    lexicon: Lexicon | None = None,
    embedder: Embedder | None = None,
    method: str = "readouts",
) -> Comparison:
    """Compare two accounts of one meeting."""
    if method not in METHODS:
        raise ConfigError(f"unknown method {method!r}; choose from {', '.join(METHODS)}")
    lexicon = lexicon or default_lexicon()
    embedder = embedder or default_embedder()
    ra, rb = as_reading(a, lexicon, "a"), as_reading(b, lexicon, "b")
    _check_pair(ra, rb)
    if method == "baseline":
        return _baseline(ra, rb, embedder)
    aligned = align(ra, rb, lexicon, embedder, load_model())
    relations, final = relate(aligned, lexicon)
    stances = {v.claim.id: v.stance for v in (*aligned.views_a, *aligned.views_b)}
    score = meeting_of_minds((ra, rb), relations, lexicon, stances)
    comparison = Comparison(
        readings=(ra, rb),
        alignments=tuple(final),
        relations=relations,
        score=score,
        topics={r.account.id: tuple(topic_order(r.claims)) for r in (ra, rb)},
        method=method,
    )
    signals = comparison_signals(comparison, lexicon)
    # the tone each side chose is part of why the score is what it is
    score = replace(score, reasons=(*score.reasons, *signals["tone_findings"]))
    return replace(comparison, score=score, signals=signals)


def _sentence_claims(reading: Reading) -> Reading:
    acc = reading.account
    narrator = Speaker(
        name=acc.issuer or acc.party or "the issuer", kind="narrator", party=acc.party
    )
    claims = tuple(
        Claim(
            id=f"{acc.id}:s{s.index + 1}",
            account_id=acc.id,
            sentence=s.index,
            start=s.start,
            end=s.end,
            speaker=narrator,
        )
        for s in reading.sentences
    )
    return replace(reading, claims=claims)


def _baseline(ra: Reading, rb: Reading, embedder: Embedder) -> Comparison:
    ra, rb = _sentence_claims(ra), _sentence_claims(rb)

    texts_a = [ra.account.text[c.start : c.end] for c in ra.claims]
    texts_b = [rb.account.text[c.start : c.end] for c in rb.claims]
    if texts_a and texts_b:
        vecs = embedder.encode(texts_a + texts_b)
        cos = vecs[: len(texts_a)] @ vecs[len(texts_a) :].T
    else:
        cos = np.zeros((len(texts_a), len(texts_b)))
    pairs = []
    partners_a: dict[str, list[str]] = {}
    partners_b: dict[str, list[str]] = {}
    for i, ca in enumerate(ra.claims):
        for j, cb in enumerate(rb.claims):
            if cos[i, j] >= BASELINE_THRESHOLD:
                pairs.append(Alignment(ca.id, cb.id, float(cos[i, j]), float(cos[i, j]), "shared"))
                partners_a.setdefault(ca.id, []).append(cb.id)
                partners_b.setdefault(cb.id, []).append(ca.id)
    relations: dict[str, Relation] = {}
    for reading, partners in ((ra, partners_a), (rb, partners_b)):
        for c in reading.claims:
            if c.id in partners:
                relations[c.id] = Relation(c.id, "shared", "mirrored", tuple(partners[c.id]))
            else:
                relations[c.id] = Relation(c.id, "one-sided", "omission")
    n = len(ra.claims) + len(rb.claims)
    shared = sum(1 for r in relations.values() if r.label == "shared")
    value = round(100 * shared / n) if n else 0
    band, verdict = band_of(value)
    score = Score(
        value,
        band,
        verdict,
        {"mirrored": shared / n if n else 0.0},
        (f"{shared} of {n} sentences have a counterpart at cosine >= {BASELINE_THRESHOLD}.",),
    )
    return Comparison(
        readings=(ra, rb),
        alignments=tuple(pairs),
        relations=relations,
        score=score,
        topics={ra.account.id: (), rb.account.id: ()},
        method="baseline",
    )
