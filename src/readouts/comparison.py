"""Compare: two accounts of one meeting, claim by claim.

``compare(a, b)`` takes accounts (or paths, or readings) and returns a
:class:`~readouts.model.Comparison`: both readings, the aligned pairs, every claim's
relation, the topics each side raised, and the meeting-of-minds score.

``meeting_warnings(a, b)`` says, before anything else, when two readings are probably
not two sides' accounts of one meeting: dated more than :data:`MAX_DAYS_APART` days
apart, naming no participant in common, or both issued by one party. The comparison
carries them (``Comparison.warnings``) and every rendering shows them first.

``method="baseline"`` is the plain comparison the project measures itself against:
whole sentences as claims, raw embedding cosine, one fixed threshold
(:data:`BASELINE_THRESHOLD`), no topics, no attribution, no conflicts.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
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
    ComparisonWarning,
    Reading,
    Relation,
    Score,
    Speaker,
    topic_order,
)
from .reading import read
from .relate import relate
from .score import band_of, meeting_of_minds
from .signals import comparison_signals
from .wording import the

__all__ = [
    "BASELINE_THRESHOLD",
    "MAX_DAYS_APART",
    "METHODS",
    "as_reading",
    "compare",
    "meeting_warnings",
]

#: Cosine at or above which the baseline calls two sentences the same point.
BASELINE_THRESHOLD = 0.5
METHODS = ("readouts", "baseline")
#: Accounts dated further apart than this many days are of different meetings (an
#: account may be published a day later, or dated in another time zone).
MAX_DAYS_APART = 2


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


# --------------------------------------------------------------------------- warnings


def _meeting_days(reading: Reading) -> tuple[str, str]:
    """The first and last day of the meeting as the account gives them: the date its text
    states (its year from the account's date when the text gives none), else the
    account's own date; ("", "") when neither is known."""
    facts, own = reading.facts, reading.account.date
    year = own[:4] if re.match(r"\d{4}-\d{2}-\d{2}", own) else ""
    first = facts.date or own
    last = facts.date_end or first
    if year:
        first, last = (year + d[1:] if d.startswith("--") else d for d in (first, last))
    return first, last


def _day(iso: str) -> date | None:
    """A date from ``YYYY-MM-DD``, or from ``--MM-DD`` in a leap year (for month and day
    only); None when it is neither."""
    m = re.fullmatch(r"(\d{4}|-)-(\d{2})-(\d{2})", iso)
    if not m:
        return None
    year = 2000 if m.group(1) == "-" else int(m.group(1))
    try:
        return date(year, int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _days_apart(a: tuple[str, str], b: tuple[str, str]) -> int | None:
    """Days between two meetings' date ranges (0 when they overlap); None when a date is
    unknown. When either gives no year, month and day are compared round the year."""
    found = [_day(d) for d in (*a, *b)]
    days = [d for d in found if d is not None]
    if len(days) < len(found):
        return None
    a0, a1, b0, b1 = days
    if a[0].startswith("--") or b[0].startswith("--"):
        gap = abs(a0.replace(year=2000) - b0.replace(year=2000)).days
        return min(gap, 366 - gap)
    return max(0, (b0 - a1).days, (a0 - b1).days)


def _people(reading: Reading, lexicon: Lexicon) -> tuple[set[str], set[str]]:
    """The persons an account names as taking part: actor ids of those the lexicon
    knows, and the other names (lower case)."""
    known: set[str] = set()
    other: set[str] = set()
    for p in reading.facts.participants:
        name = p.name.strip()
        if p.kind != "person" or not name:
            continue
        actor = lexicon.person_named(name)
        if actor is not None:
            known.add(actor.id)
        else:
            other.add(" ".join(name.lower().split()))
    return known, other


def meeting_warnings(ra: Reading, rb: Reading, lexicon: Lexicon) -> tuple[ComparisonWarning, ...]:
    """What a reader must know first: ``different-meetings`` when the two accounts are
    dated more than :data:`MAX_DAYS_APART` days apart or name no participant in common
    (each names someone the actors lexicon knows, and no one in common), ``same-side``
    when both were issued by one party."""
    out: list[ComparisonWarning] = []
    name_a, name_b = (lexicon.party_name(r.account.party) for r in (ra, rb))
    if not (name_a and name_b) or name_a == name_b:
        name_a, name_b = "the first account", "the second account"
    days_a, days_b = _meeting_days(ra), _meeting_days(rb)
    apart = _days_apart(days_a, days_b)
    if apart is not None and apart > MAX_DAYS_APART:
        out.append(
            ComparisonWarning(
                "different-meetings",
                f"The accounts are dated {apart} days apart ({name_a}: {days_a[0]}; "
                f"{name_b}: {days_b[0]}): they are probably of two different meetings.",
            )
        )
    known_a, other_a = _people(ra, lexicon)
    known_b, other_b = _people(rb, lexicon)
    if known_a and known_b and not (known_a & known_b) and not (other_a & other_b):
        names = [
            ", ".join(sorted(lexicon.actors[x].name for x in known)) for known in (known_a, known_b)
        ]
        out.append(
            ComparisonWarning(
                "different-meetings",
                f"The accounts name no participant in common ({name_a}: {names[0]}; "
                f"{name_b}: {names[1]}): they are probably of two different meetings.",
            )
        )
    party = ra.account.party
    if party and party == rb.account.party:
        out.append(
            ComparisonWarning(
                "same-side",
                f"Both accounts were issued by {the(lexicon.party_name(party))}: "
                "compare one side's account with the other side's.",
            )
        )
    return tuple(out)


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
    warnings = meeting_warnings(ra, rb, lexicon)
    if method == "baseline":
        return replace(_baseline(ra, rb, embedder), warnings=warnings)
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
    # conflicts counted as the pairs of claims that clash, not the claims in them; and the
    # tone each side chose is part of why the score is what it is
    reasons = [
        _conflict_reason(comparison) if _CLAIMS_IN_CONFLICT.match(r) else r for r in score.reasons
    ]
    score = replace(score, reasons=(*reasons, *signals.tone_findings))
    return replace(comparison, score=score, signals=signals, warnings=warnings)


#: The score's reason that counts the claims in conflict (readouts.score).
_CLAIMS_IN_CONFLICT = re.compile(r"\d+ claims? in conflict \(")


def _conflict_reason(c: Comparison) -> str:
    """How many clashes there are: pairs of claims in conflict (one per alignment), by
    kind; a claim in conflict with no partner in conflict counts on its own."""
    kinds: dict[str, int] = {}
    paired: set[str] = set()
    for al in c.alignments:
        if al.kind == "conflict" and all(c.relations[x].label == "conflict" for x in (al.a, al.b)):
            kind = c.relations[al.a].kind.replace("_", " ")
            kinds[kind] = kinds.get(kind, 0) + 1
            paired.update((al.a, al.b))
    alone = [r for r in c.relations.values() if r.label == "conflict" and r.claim not in paired]
    for r in alone:
        kind = r.kind.replace("_", " ")
        kinds[kind] = kinds.get(kind, 0) + 1
    n = sum(kinds.values())
    detail = ", ".join(f"{k} {kind}" for kind, k in sorted(kinds.items()))
    what = "conflict" if n == 1 else "conflicts"
    how = "a pair of claims that clash" if n == 1 else "each a pair of claims that clash"
    if alone:
        how = f"{len(paired)} claims in pairs, {len(alone)} on their own"
    return f"{n} {what} between the accounts ({detail}; {how})."


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
