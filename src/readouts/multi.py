"""Multi: several accounts per side, merged per side, and a matrix for three or more sides.

``compare_sides({"nato": [en, zh], "china": [zh, en]})`` reads every account once,
compares every account of one side with every account of each other side
(:func:`readouts.comparison.compare`), checks the language versions of each side against
each other as translations (:func:`readouts.drifts.drift`), and merges the result:

- **points of a side**: the claims of a side's versions, grouped across versions. Two
  claims of two versions are one point when their sentences translate each other (a
  bead of the drift alignment) and, where a sentence holds several claims, when each
  is the other's closest claim in the bead by embedding cosine (when some claim has no
  match at :data:`CLAIM_LINK` or above, the versions cut the sentence differently and
  all its claims are one point). A claim of a sentence
  the other version lacks is a point of its own.
- **relation of a point** to another side: ``shared`` when any of its claims is shared
  with any account of that side, else ``conflict`` when any is in conflict, else
  ``one-sided``. The votes behind it (which version pair said what) are kept.
- **matrix**: one row per point of the first side, with the points of the other sides
  it is shared or in conflict with, then a row for each point of a later side not
  shown yet; each row says which sides carry it and how (``shared``, ``conflict``,
  ``one-sided``; "" when a side does not carry it).

Sides come from the caller, from ``side:`` in each file's front matter
(:func:`sides_from_front_matter`), or from a small manifest file
(:func:`load_manifest`). The JSON shape is documented in ``docs/multi.md``.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np

from .claimview import encoder_text
from .comparison import compare
from .drifts import Drift, drift
from .embed import Embedder, default_embedder
from .errors import ConfigError, DuplicateInputError, FormatError, MissingFileError
from .fetch import is_url, read_source
from .lang import text_view
from .lexicon import Lexicon, default_lexicon
from .model import SCHEMA_VERSION, Account, Comparison, Reading, topic_order
from .reading import infer_party, party_id, read
from .score import band_of

__all__ = [
    "CLAIM_LINK",
    "LABEL_ORDER",
    "MatrixRow",
    "SidePoint",
    "SidesComparison",
    "compare_sides",
    "group_claims",
    "load_manifest",
    "merge_label",
    "sides_from_front_matter",
]

#: Cosine each claim of a translated sentence needs with its closest claim in the other
#: version for the claims to be told apart; below it the sentence is one point.
CLAIM_LINK = 0.5

#: How labels merge across versions: the first one any version has wins.
LABEL_ORDER = ("shared", "conflict", "one-sided")

AccountSource = str | Path | Account | Reading


def merge_label(labels: Sequence[str]) -> str:
    """The merged relation of a point: shared if any is, else conflict, else one-sided."""
    for label in LABEL_ORDER:
        if label in labels:
            return label
    return "one-sided"


# --------------------------------------------------------------------------- results


@dataclass(frozen=True)
class SidePoint:
    """One point a side makes: a group of claims across the side's versions.

    ``claims`` maps each account of the side that carries the point to its claim ids;
    ``labels`` the merged relation to each other side; ``votes`` what each pair of
    accounts said, as ``(account, other account, label)``; ``partners`` the points of
    the other side it is shared or in conflict with.
    """

    id: str
    side: str
    claims: dict[str, tuple[str, ...]]
    labels: dict[str, str]
    kinds: dict[str, str]
    partners: dict[str, tuple[str, ...]]
    votes: dict[str, tuple[tuple[str, str, str], ...]]
    text: str
    topics: tuple[str, ...] = ()

    @property
    def accounts(self) -> tuple[str, ...]:
        return tuple(self.claims)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "side": self.side,
            "text": self.text,
            "topics": list(self.topics),
            "claims": {k: list(v) for k, v in self.claims.items()},
            "labels": dict(self.labels),
            "kinds": dict(self.kinds),
            "partners": {k: list(v) for k, v in self.partners.items()},
            "votes": {k: [list(v) for v in vs] for k, vs in self.votes.items()},
        }


@dataclass(frozen=True)
class MatrixRow:
    """One line of the matrix: the points of each side that speak to one thing."""

    id: str
    points: dict[str, tuple[str, ...]]  # side -> point ids
    cells: dict[str, str]  # side -> shared / conflict / one-sided, "" when not carried
    partial: dict[str, bool]  # side -> the side carries it, but not in every version
    text: str
    topics: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "topics": list(self.topics),
            "cells": dict(self.cells),
            "partial": dict(self.partial),
            "points": {k: list(v) for k, v in self.points.items()},
        }


@dataclass(frozen=True)
class SidesComparison:
    """Accounts of one meeting from several sides, compared and merged per side."""

    sides: dict[str, tuple[str, ...]]  # side -> account ids, in the order given
    readings: dict[str, Reading]  # account id -> its reading
    comparisons: tuple[Comparison, ...]  # every account pair across sides
    points: tuple[SidePoint, ...]
    rows: tuple[MatrixRow, ...]
    drift: tuple[Drift, ...]  # version pairs within a side
    method: str = "readouts"
    schema_version: str = SCHEMA_VERSION
    timings: dict[str, float] = field(default_factory=dict, compare=False)

    @property
    def pair(self) -> Comparison | None:
        """The one comparison of two sides of one account each: two accounts compared,
        which every report shows as it shows a :class:`~readouts.model.Comparison`; None
        when a side has several versions or there are more than two sides."""
        if len(self.sides) == 2 and all(len(ids) == 1 for ids in self.sides.values()):
            return self.comparisons[0]
        return None

    def side_of(self, account_id: str) -> str:
        return next(s for s, ids in self.sides.items() if account_id in ids)

    def points_of(self, side: str) -> tuple[SidePoint, ...]:
        return tuple(p for p in self.points if p.side == side)

    def side_pairs(self) -> list[dict[str, Any]]:
        """Per pair of sides: the account pairs' scores and the merged point counts."""
        out = []
        for s, t in itertools.combinations(self.sides, 2):
            comps = [
                c
                for c in self.comparisons
                if {self.side_of(c.readings[0].account.id), self.side_of(c.readings[1].account.id)}
                == {s, t}
            ]
            values = [c.score.value for c in comps]
            mean = round(sum(values) / len(values)) if values else 0
            band, verdict = band_of(mean)
            warnings = {w.message: w for c in comps for w in c.warnings}
            counts = {}
            for side, other in ((s, t), (t, s)):
                tally = dict.fromkeys(LABEL_ORDER, 0)
                for p in self.points_of(side):
                    tally[p.labels.get(other, "one-sided")] += 1
                counts[side] = tally
            out.append(
                {
                    "sides": [s, t],
                    "value": mean,
                    "band": band,
                    "verdict": verdict,
                    "warnings": [w.to_dict() for w in warnings.values()],
                    "comparable": all(c.comparable for c in comps),
                    "scores": [
                        {
                            "a": c.readings[0].account.id,
                            "b": c.readings[1].account.id,
                            "value": c.score.value,
                        }
                        for c in comps
                    ],
                    "points": counts,
                }
            )
        return out

    def warnings(self) -> list[dict[str, Any]]:
        """The warnings of every pair of sides, each with the sides it is about."""
        return [
            {**w, "sides": pair["sides"]} for pair in self.side_pairs() for w in pair["warnings"]
        ]

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": self.schema_version,
            "kind": "sides",
            "method": self.method,
            "warnings": self.warnings(),
            "sides": [{"name": s, "accounts": list(ids)} for s, ids in self.sides.items()],
            "accounts": [r.to_dict() for r in self.readings.values()],
            "pairs": [
                {
                    "a": c.readings[0].account.id,
                    "b": c.readings[1].account.id,
                    "score": c.score.to_dict(),
                    "warnings": [w.to_dict() for w in c.warnings],
                    "alignments": [a.to_dict() for a in c.alignments],
                    "relations": [
                        c.relations[x.id].to_dict() for r in c.readings for x in r.claims
                    ],
                }
                for c in self.comparisons
            ],
            "side_pairs": self.side_pairs(),
            "points": [p.to_dict() for p in self.points],
            "matrix": {
                "sides": list(self.sides),
                "rows": [r.to_dict() for r in self.rows],
            },
            "drift": [d.to_dict(with_accounts=False) for d in self.drift],
        }


# --------------------------------------------------------------------------- sides


def load_manifest(path: str | Path) -> dict[str, list[str]]:
    """Sides from a manifest file; paths in it are relative to the file.

    Two shapes are read (JSON, or YAML for ``.yaml``/``.yml``): a mapping from side to
    files, ``{"nato": ["nato_en.txt", "nato_zh.txt"], "china": ["mfa_zh.txt"]}``, or a
    gold file of ``eval/FORMAT.md`` (``accounts`` with ``side`` and ``file``).
    """
    p = Path(path)
    if not p.is_file():
        raise MissingFileError("no such manifest file", path=str(p))
    try:
        raw_text = p.read_text(encoding="utf-8")
        if p.suffix.lower() in (".yaml", ".yml"):
            import yaml

            raw = yaml.safe_load(raw_text)
        else:
            raw = json.loads(raw_text)
    except Exception as exc:  # any parse error is the user's file, not our bug
        raise FormatError(f"cannot read the manifest: {exc}", path=str(p)) from None
    sides: dict[str, list[str]] = {}
    if isinstance(raw, dict) and isinstance(raw.get("accounts"), list):
        for entry in raw["accounts"]:
            if not isinstance(entry, dict) or "side" not in entry or "file" not in entry:
                raise FormatError("each account needs a side and a file", path=str(p))
            sides.setdefault(str(entry["side"]), []).append(str(p.parent / entry["file"]))
    elif isinstance(raw, dict):
        for side, files in raw.items():
            if isinstance(files, str):
                files = [files]
            if not isinstance(files, list) or not all(isinstance(f, str) for f in files):
                raise FormatError(f"side {side!r} must list its files", path=str(p))
            sides[str(side)] = [str(p.parent / f) for f in files]
    else:
        raise FormatError("a manifest maps each side to its files", path=str(p))
    if not sides:
        raise FormatError("the manifest names no accounts", path=str(p))
    return sides


def sides_from_front_matter(paths: Sequence[str | Path]) -> dict[str, list[str]]:
    """Sides from the ``side:`` key of each file's front matter; every file needs one."""
    sides: dict[str, list[str]] = {}
    for path in paths:
        side = read_source(path).side
        if not side:
            raise ConfigError(
                f"{path} has no side: in its front matter; name the sides with --side"
            )
        sides.setdefault(side, []).append(str(path))
    return sides


def _read_all(
    sides: Mapping[str, Sequence[AccountSource]], lexicon: Lexicon
) -> tuple[dict[str, tuple[str, ...]], dict[str, Reading]]:
    if len(sides) < 2:
        raise ConfigError("give at least two sides to compare")
    seen_paths: dict[str, str] = {}
    readings: dict[str, Reading] = {}
    order: dict[str, tuple[str, ...]] = {}
    for side, items in sides.items():
        if not items:
            raise ConfigError(f"side {side!r} has no accounts")
        ids = []
        for item in items:
            if isinstance(item, str | Path):
                key = str(item) if is_url(item) else str(Path(item).resolve())
                if key in seen_paths:
                    raise DuplicateInputError("the same file is given twice", path=str(item))
                seen_paths[key] = side
                account: Account | Reading = read_source(item, side=side)
            else:
                account = item
            reading = _reading(account, side, lexicon)
            acc = reading.account
            for other in readings.values():
                if other.account.text.strip() == acc.text.strip():
                    raise DuplicateInputError(
                        "two accounts are the same text", path=acc.source or acc.id
                    )
            if acc.id in readings:
                new_id = next(
                    f"{acc.id}_{k}" for k in itertools.count(2) if f"{acc.id}_{k}" not in readings
                )
                reading = _reading(replace(acc, id=new_id), side, lexicon)
            readings[reading.account.id] = reading
            ids.append(reading.account.id)
        order[side] = tuple(ids)
    return order, readings


def _reading(item: Account | Reading, side: str, lexicon: Lexicon) -> Reading:
    if isinstance(item, Reading):
        if item.account.side == side:
            return item
        item = item.account
    if item.side != side:
        item = replace(item, side=side)
    if not item.party and not infer_party(item, lexicon):
        # the text does not say whose account it is: the side's name may be a party
        item = replace(item, party=party_id(side, lexicon))
    return read(item, lexicon)


# --------------------------------------------------------------------------- grouping


class _Union:
    def __init__(self, items: Sequence[str]):
        self.parent = {x: x for x in items}

    def find(self, x: str) -> str:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def join(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra


def _contents(reading: Reading) -> dict[str, str]:
    view = text_view(reading.account.text, reading.account.language)
    return {c.id: encoder_text(reading, c, view) for c in reading.claims}


def group_claims(
    readings: Sequence[Reading],
    drifts: Mapping[tuple[str, str], Drift],
    lexicon: Lexicon,
    embedder: Embedder,
) -> list[list[str]]:
    """Claims of one side's versions grouped into points, in reading order.

    ``drifts`` holds the drift alignment of each pair of versions, keyed by their ids.
    """
    claims = [c.id for r in readings for c in r.claims]
    union = _Union(claims)
    contents = {r.account.id: _contents(r) for r in readings}
    for rx, ry in itertools.combinations(readings, 2):
        d = drifts[(rx.account.id, ry.account.id)]
        by_sent_x: dict[int, list[str]] = {}
        by_sent_y: dict[int, list[str]] = {}
        for c in rx.claims:
            by_sent_x.setdefault(c.sentence, []).append(c.id)
        for c in ry.claims:
            by_sent_y.setdefault(c.sentence, []).append(c.id)
        for bead in d.beads:
            cx = [c for s in bead.a for c in by_sent_x.get(s, [])]
            cy = [c for s in bead.b for c in by_sent_y.get(s, [])]
            if not cx or not cy:
                continue
            if len(cx) == 1 or len(cy) == 1:
                for a, b in itertools.product(cx, cy):
                    union.join(a, b)
                continue
            vx = embedder.encode([contents[rx.account.id][c] for c in cx])
            vy = embedder.encode([contents[ry.account.id][c] for c in cy])
            sim = np.asarray(vx @ vy.T)
            if min(sim.max(axis=1).min(), sim.max(axis=0).min()) < CLAIM_LINK:
                # the versions cut the sentence into claims differently: one point
                for a, b in itertools.product(cx, cy):
                    union.join(a, b)
                continue
            for i, a in enumerate(cx):
                union.join(a, cy[int(sim[i].argmax())])
            for j, b in enumerate(cy):
                union.join(cx[int(sim[:, j].argmax())], b)
    # order: by the first version; a group only later versions have follows the group
    # of the claim before it in its own version
    key: dict[str, float] = {}
    step = 1.0 / (len(claims) + 1)
    for claim in readings[0].claims:
        key.setdefault(union.find(claim.id), float(len(key)))
    for r in readings[1:]:
        last = -1.0
        for claim in r.claims:
            root = union.find(claim.id)
            if root not in key:
                key[root] = last + step
            last = key[root]
    groups: dict[str, list[str]] = {}
    for cid in claims:
        groups.setdefault(union.find(cid), []).append(cid)
    return [groups[root] for root in sorted(groups, key=lambda g: key[g])]


def _points(
    side: str,
    groups: Sequence[Sequence[str]],
    readings: Mapping[str, Reading],
    side_ids: Sequence[str],
) -> list[dict[str, Any]]:
    owner = {c.id: aid for aid in side_ids for c in readings[aid].claims}
    claim_of = {c.id: c for aid in side_ids for c in readings[aid].claims}
    out = []
    for n, group in enumerate(groups, 1):
        by_account: dict[str, list[str]] = {}
        for cid in group:
            by_account.setdefault(owner[cid], []).append(cid)
        ordered = {aid: tuple(by_account[aid]) for aid in side_ids if aid in by_account}
        first = claim_of[next(iter(ordered.values()))[0]]
        reading = readings[first.account_id]
        topics = topic_order(claim_of[cid] for cid in group)
        out.append(
            {
                "id": f"{side}:p{n}",
                "claims": ordered,
                "text": reading.account.text[first.start : first.end],
                "topics": tuple(topics),
            }
        )
    return out


def _relate_points(
    sides: Mapping[str, Sequence[str]],
    raw_points: Mapping[str, list[dict[str, Any]]],
    comparisons: Mapping[frozenset[str], Comparison],
) -> list[SidePoint]:
    point_of = {
        cid: p["id"]
        for pts in raw_points.values()
        for p in pts
        for ids in p["claims"].values()
        for cid in ids
    }
    out = []
    for side, pts in raw_points.items():
        for p in pts:
            labels, kinds, partners, votes = {}, {}, {}, {}
            for other, other_ids in sides.items():
                if other == side:
                    continue
                found: list[tuple[str, str]] = []  # (label, kind)
                mates: dict[str, None] = {}
                pair_votes = []
                for aid, cids in p["claims"].items():
                    for bid in other_ids:
                        comp = comparisons[frozenset((aid, bid))]
                        rels = [comp.relations[c] for c in cids]
                        pair_votes.append((aid, bid, merge_label([r.label for r in rels])))
                        for rel in rels:
                            found.append((rel.label, rel.kind))
                            if rel.label != "one-sided":
                                for q in rel.partners:
                                    mates.setdefault(point_of[q], None)
                label = merge_label([f[0] for f in found])
                labels[other] = label
                kinds[other] = next((k for lab, k in found if lab == label), "omission")
                partners[other] = tuple(mates)
                votes[other] = tuple(pair_votes)
            out.append(
                SidePoint(
                    id=p["id"],
                    side=side,
                    claims=p["claims"],
                    labels=labels,
                    kinds=kinds,
                    partners=partners,
                    votes=votes,
                    text=p["text"],
                    topics=p["topics"],
                )
            )
    return out


def _rows(sides: Mapping[str, Sequence[str]], points: Sequence[SidePoint]) -> list[MatrixRow]:
    """One row per point, in side order, with the points of the other sides it is shared
    or in conflict with; a point already shown as another row's partner gets no row of
    its own. Rows are built from direct partners only, so one long chain of loosely
    related points never collapses into a single row."""
    by_id = {p.id: p for p in points}
    covered: set[str] = set()
    rows: list[MatrixRow] = []
    for anchor in points:  # points are in side order, then point order
        if anchor.id in covered:
            continue
        members: dict[str, tuple[SidePoint, ...]] = {anchor.side: (anchor,)}
        for other in sides:
            if other != anchor.side:
                members[other] = tuple(by_id[q] for q in anchor.partners.get(other, ()))
        present = [t for t in sides if t != anchor.side and members[t]]
        cells, partial, pts = {}, {}, {}
        for side in sides:
            mine = members[side]
            pts[side] = tuple(p.id for p in mine)
            covered.update(pts[side])
            if not mine:
                cells[side], partial[side] = "", False
                continue
            if side == anchor.side:
                labels = [anchor.labels[t] for t in present]
                cells[side] = merge_label(labels) if present else "one-sided"
            else:
                cells[side] = anchor.labels[side]
            carried = {a for p in mine for a in p.claims}
            partial[side] = len(carried) < len(sides[side])
        topics = topic_order(p for group in members.values() for p in group)
        rows.append(
            MatrixRow(
                id=f"r{len(rows) + 1}",
                points=pts,
                cells=cells,
                partial=partial,
                text=anchor.text,
                topics=tuple(topics),
            )
        )
    return rows


# --------------------------------------------------------------------------- compare


def compare_sides(
    sides: Mapping[str, Sequence[AccountSource]],
    *,
    lexicon: Lexicon | None = None,
    embedder: Embedder | None = None,
) -> SidesComparison:
    """Compare the accounts of several sides, several versions each, merged per side."""
    import time

    lexicon = lexicon or default_lexicon()
    embedder = embedder or default_embedder()
    t0 = time.perf_counter()
    order, readings = _read_all(sides, lexicon)
    t1 = time.perf_counter()
    comparisons: dict[frozenset[str], Comparison] = {}
    for s, t in itertools.combinations(order, 2):
        for a, b in itertools.product(order[s], order[t]):
            comparisons[frozenset((a, b))] = compare(
                readings[a], readings[b], lexicon=lexicon, embedder=embedder
            )
    t2 = time.perf_counter()
    drifts: dict[tuple[str, str], Drift] = {}
    for ids in order.values():
        for a, b in itertools.combinations(ids, 2):
            drifts[(a, b)] = drift(readings[a], readings[b], lexicon=lexicon, embedder=embedder)
    t3 = time.perf_counter()
    raw_points = {}
    for side, ids in order.items():
        groups = group_claims([readings[a] for a in ids], drifts, lexicon, embedder)
        raw_points[side] = _points(side, groups, readings, ids)
    points = _relate_points(order, raw_points, comparisons)
    rows = _rows(order, points)
    t4 = time.perf_counter()
    return SidesComparison(
        sides=order,
        readings=readings,
        comparisons=tuple(comparisons.values()),
        points=tuple(points),
        rows=tuple(rows),
        drift=tuple(drifts.values()),
        timings={"read": t1 - t0, "compare": t2 - t1, "drift": t3 - t2, "merge": t4 - t3},
    )
