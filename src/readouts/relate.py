"""Relate: label every claim shared, one-sided or conflict, and say why.

- **shared** (kind ``mirrored``): aligned with a claim of the other account.
- **conflict**:
  - ``negation``: aligned with a near-identical claim of the other account whose
    polarity is the opposite;
  - ``opposed`` (aligned): aligned with a claim on the same specific issue that pulls
    the other way (see below);
  - ``framing``: aligned with a claim on the same issue, where one names the event in
    charged words ("unprovoked invasion", 侵略) and the other does not ("the situation
    in Ukraine"): the same event, told in opposed terms;
  - ``opposed``: not aligned, but the other account has an unaligned claim on the
    same specific issue (the first lexicon topic each names that is not a process topic
    such as "dialogue"), the two are related (match score at least the conflict threshold),
    neither merely reports that the issue was discussed, and at least one takes a
    negative stance (concern, criticism, opposition, a warning, a red line, a demand
    on the other side) while the other leans differently or speaks for the other
    party. Pairs are formed one to one, best first, so one clash is not counted many
    times;
  - ``unconfirmed_attribution``: the account attributes a statement or assurance to
    the *other* side, the other side's account addresses the same issue, and it does
    not contain that statement.
- **one-sided** (kind ``omission``): everything else; a claim that attributes words
  to the other side on an issue the other account never addresses keeps the flag
  ``unconfirmed_attribution``. Its ``partners`` are the claims of the other account
  it is *related* to (an alignment below the shared threshold: the nearest thing the
  other side says), if any.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .align import ClaimView, lean
from .lexicon import Lexicon
from .model import Alignment, Relation

__all__ = ["RelateOptions", "relate", "stance"]


@dataclass(frozen=True)
class RelateOptions:
    conflict_threshold: float = 0.12  # match score two claims need to be "on the same issue"
    negation_cosine: float = 0.85  # how alike two claims must be for a polarity flip to count


def stance(view: ClaimView, lexicon: Lexicon, toward: str = "") -> int:
    """-1 (conflictual), +1 (cooperative or reassuring) or 0, from the act and tone words.

    A request or demand aimed at ``toward`` (the other party, named in the claim) counts
    as conflictual: "He called on China to ...", "urged the U.S. side to halt ...".
    """
    request = view.claim.act == "request" and "request" in lexicon.acts
    if request and toward and toward in view.actors:
        return -1
    return lean(view.claim, lexicon)


def _opposed(a: ClaimView, b: ClaimView, lexicon: Lexicon, party_a: str, party_b: str) -> bool:
    """Do two claims on one issue pull against each other?

    One must take a negative stance and the other a position of its own (not merely
    "discussed"), or they must lean opposite ways.
    """
    if a.claim.act == "consult" or b.claim.act == "consult":
        return False
    sa, sb = stance(a, lexicon, party_b), stance(b, lexicon, party_a)
    return min(sa, sb) < 0 and (sa != sb or a.party != b.party)


def _charged(view: ClaimView, lexicon: Lexicon) -> bool:
    """Does the claim name its event in charged words ("unprovoked invasion")?"""
    for hit in view.claim.tone:
        term = lexicon.tone.get(hit.term)
        if term is not None and term.category == "framing":
            return True
    return False


def _main_issue(view: ClaimView, lexicon: Lexicon) -> str:
    """The first specific topic a claim names (its own words before its list lead-in)."""
    for t in view.claim.topics:
        if t in view.specific:
            return t
    return ""


def _same_issue(a: ClaimView, b: ClaimView, lexicon: Lexicon) -> bool:
    """Are two claims about the same issue? Their main issues must be the same; a claim
    about transparency that mentions military modernisation is not about posture."""
    main = _main_issue(a, lexicon)
    return bool(main) and main == _main_issue(b, lexicon)


def _addresses(views: Sequence[ClaimView], topics: frozenset[str]) -> list[int]:
    return [k for k, v in enumerate(views) if v.specific & topics]


def relate(
    va: Sequence[ClaimView],
    vb: Sequence[ClaimView],
    scores: np.ndarray,
    cos: np.ndarray,
    aligned: Sequence[Alignment],
    lexicon: Lexicon,
    party_a: str,
    party_b: str,
    options: RelateOptions | None = None,
) -> tuple[dict[str, Relation], list[Alignment]]:
    """Relations for every claim of both accounts, and the final alignments (shared and
    conflict pairs)."""
    opts = options or RelateOptions()
    index_a = {v.claim.id: i for i, v in enumerate(va)}
    index_b = {v.claim.id: j for j, v in enumerate(vb)}
    partners_a: dict[int, list[int]] = {}
    partners_b: dict[int, list[int]] = {}
    final: list[Alignment] = []
    conflict_a: dict[int, tuple[str, list[int]]] = {}
    conflict_b: dict[int, tuple[str, list[int]]] = {}
    related_a: dict[int, list[int]] = {}
    related_b: dict[int, list[int]] = {}

    for al in aligned:
        i, j = index_a[al.a], index_b[al.b]
        a, b = va[i], vb[j]
        flipped = a.claim.negated != b.claim.negated and cos[i, j] >= opts.negation_cosine
        same_issue = _same_issue(a, b, lexicon)
        opposed = same_issue and _opposed(a, b, lexicon, party_a, party_b)
        framed = same_issue and _charged(a, lexicon) != _charged(b, lexicon)
        if al.kind == "shared" and (flipped or opposed or framed):
            kind = "negation" if flipped else "opposed" if opposed else "framing"
            conflict_a.setdefault(i, (kind, []))[1].append(j)
            conflict_b.setdefault(j, (kind, []))[1].append(i)
            final.append(
                Alignment(al.a, al.b, al.score, al.similarity, "conflict", (*al.evidence, kind))
            )
        elif al.kind == "related":
            related_a.setdefault(i, []).append(j)
            related_b.setdefault(j, []).append(i)
            final.append(al)
        else:
            partners_a.setdefault(i, []).append(j)
            partners_b.setdefault(j, []).append(i)
            final.append(al)

    free_a = [i for i in range(len(va)) if i not in partners_a and i not in conflict_a]
    free_b = [j for j in range(len(vb)) if j not in partners_b and j not in conflict_b]

    # opposed positions on one issue, paired one to one, best first
    candidates = []
    for i in free_a:
        for j in free_b:
            if not _same_issue(va[i], vb[j], lexicon):
                continue
            if scores[i, j] < opts.conflict_threshold:
                continue
            if _opposed(va[i], vb[j], lexicon, party_a, party_b):
                candidates.append((float(scores[i, j]), i, j))
    used_a: set[int] = set()
    used_b: set[int] = set()
    for s, i, j in sorted(candidates, reverse=True):
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        conflict_a[i] = ("opposed", [j])
        conflict_b[j] = ("opposed", [i])
        shared_topics = sorted(va[i].specific & vb[j].specific)
        final.append(
            Alignment(
                va[i].claim.id,
                vb[j].claim.id,
                s,
                float(cos[i, j]),
                "conflict",
                (*shared_topics, "opposed"),
            )
        )

    # statements one side attributes to the other
    flags: dict[str, tuple[str, ...]] = {}
    for views, others, index_free, conflicts, other_party, attributed_dir in (
        (va, vb, free_a, conflict_a, party_b, "a"),
        (vb, va, free_b, conflict_b, party_a, "b"),
    ):
        for k in index_free:
            if k in conflicts:
                continue
            v = views[k]
            if not other_party or v.claim.speaker.party != other_party:
                continue
            if v.claim.speaker.kind not in ("person", "side"):
                continue
            flags[v.claim.id] = ("unconfirmed_attribution",)
            touching = _addresses(others, v.specific) if v.specific else []
            if not touching:
                continue
            row = scores[k, :] if attributed_dir == "a" else scores[:, k]
            best = max(touching, key=lambda t: float(row[t]))
            conflicts[k] = ("unconfirmed_attribution", [best])
            pair = (k, best) if attributed_dir == "a" else (best, k)
            final.append(
                Alignment(
                    va[pair[0]].claim.id,
                    vb[pair[1]].claim.id,
                    float(scores[pair]),
                    float(cos[pair]),
                    "conflict",
                    ("unconfirmed_attribution",),
                )
            )

    relations: dict[str, Relation] = {}
    for views, partners, conflicts, related, others in (
        (va, partners_a, conflict_a, related_a, vb),
        (vb, partners_b, conflict_b, related_b, va),
    ):
        for k, v in enumerate(views):
            cid = v.claim.id
            if k in conflicts:
                kind, ks = conflicts[k]
                relations[cid] = Relation(
                    cid,
                    "conflict",
                    kind,
                    tuple(others[t].claim.id for t in ks),
                    flags=flags.get(cid, ()),
                )
            elif k in partners:
                relations[cid] = Relation(
                    cid,
                    "shared",
                    "mirrored",
                    tuple(others[t].claim.id for t in partners[k]),
                    flags=flags.get(cid, ()),
                )
            else:
                nearest = tuple(others[t].claim.id for t in related.get(k, ()))
                relations[cid] = Relation(
                    cid, "one-sided", "omission", nearest, flags=flags.get(cid, ())
                )
    return relations, final
