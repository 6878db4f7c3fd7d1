"""Trend: two parties over time, one row per meeting.

For a dyad (``"United States"``, ``China``) every meeting between them, oldest first:
groups whose parties include both (both sides' accounts, compared), and single
accounts issued by one of them that read as an account of a meeting with the other
(no counterpart stored). Each row gives the topics each side raised, the topics only
one side raised (when both published), the highest rung each side reached on the
tone ladder (1 concern ... 5 protest; 0 none) and its atmosphere words ("candid",
建设性), and the convergence: the
meeting-of-minds score (0-100) of the comparison, the mean when a group holds more
than one pair.

One list of rows, several renderings: :func:`to_csv`, :func:`plot_png` (through
:func:`readouts.plot.convergence_png`), and the table of ``readouts corpus trend``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from ..lexicon import Lexicon, default_lexicon
from ..reading import party_id
from .store import Store, loads

__all__ = ["TrendRow", "plot_png", "resolve_dyad", "to_csv", "trend", "yearly"]


@dataclass(frozen=True)
class TrendRow:
    """One meeting of the dyad."""

    date: str
    meeting: str  # group id, or the account id of a single account
    paired: bool  # both sides' accounts stored
    accounts: tuple[str, ...]
    format: str
    topics_a: tuple[str, ...]
    topics_b: tuple[str, ...]
    one_sided_a: tuple[str, ...]  # raised by A only (both sides published)
    one_sided_b: tuple[str, ...]
    shared: tuple[str, ...]
    tone_a: int | None  # highest tone rung of A's accounts; None when A published none
    tone_b: int | None
    atmosphere_a: tuple[str, ...]  # atmosphere words of A's accounts ("candid", 建设性)
    atmosphere_b: tuple[str, ...]
    convergence: int | None  # meeting-of-minds score, None without a comparison
    band: str

    def to_dict(self) -> dict[str, Any]:
        d = dict(self.__dict__)
        for k, v in d.items():
            if isinstance(v, tuple):
                d[k] = list(v)
        return d


def resolve_dyad(names: Sequence[str], lexicon: Lexicon | None = None) -> tuple[str, str]:
    """Two party names or ids ("United States", "中国", "china") to actor ids."""
    lexicon = lexicon or default_lexicon()
    if len(names) != 2:
        raise ConfigError("a dyad is two parties, e.g. --dyad 'United States' China")
    out = []
    for name in names:
        pid = party_id(name, lexicon)
        if not pid:
            raise ConfigError(f"unknown party {name!r}; use a name or id from data/actors.tsv")
        out.append(pid)
    if out[0] == out[1]:
        raise ConfigError("the two parties of a dyad must differ")
    return out[0], out[1]


def _union(lists: Sequence[Sequence[str]]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for items in lists:
        for t in items:
            seen.setdefault(t, None)
    return tuple(seen)


def trend(
    store: Store, dyad: tuple[str, str], *, since: str = "", until: str = "9999"
) -> list[TrendRow]:
    """The dyad's meetings, oldest first (parties as actor ids; see :func:`resolve_dyad`)."""
    pa, pb = dyad
    rows: list[TrendRow] = []
    with store.snapshot() as conn:
        readings = {
            r["account_id"]: r
            for r in conn.execute(
                "SELECT r.account_id, r.topics, r.tone_max_rung, r.atmosphere, r.format, "
                "coalesce(k.party, r.party) AS party FROM readings r "
                "LEFT JOIN pair_keys k ON k.account_id = r.account_id WHERE r.error IS NULL"
            )
        }
        grouped = {r[0] for r in conn.execute("SELECT account_id FROM meeting_accounts")}
        for m in conn.execute("SELECT * FROM meetings ORDER BY date, id").fetchall():
            parties = loads(m["parties"], [])
            if pa not in parties or pb not in parties or not (since <= m["date"] <= until):
                continue
            members = conn.execute(
                "SELECT account_id, party FROM meeting_accounts WHERE meeting_id = ? "
                "ORDER BY account_id",
                (m["id"],),
            ).fetchall()
            side = {r[0]: r[1] for r in members}
            scores = [
                c["score"]
                for c in conn.execute(
                    "SELECT score, a, b FROM comparisons WHERE meeting_id = ? AND error IS NULL",
                    (m["id"],),
                )
                if {side.get(c["a"]), side.get(c["b"])} == {pa, pb}
            ]
            rows.append(_row(m["date"], m["id"], True, side, readings, pa, pb, scores))
        singles = conn.execute(
            "SELECT k.account_id, k.party, k.date, k.counterparts FROM pair_keys k "
            "WHERE k.meeting = 1 AND k.party IN (?, ?) AND k.date >= ? AND k.date <= ? "
            "ORDER BY k.date, k.account_id",
            (pa, pb, since, until),
        ).fetchall()
        for s in singles:
            other = pb if s["party"] == pa else pa
            if s["account_id"] in grouped or other not in loads(s["counterparts"], []):
                continue
            side = {s["account_id"]: s["party"]}
            rows.append(_row(s["date"], s["account_id"], False, side, readings, pa, pb, []))
    rows.sort(key=lambda r: (r.date, r.meeting))
    return rows


def _row(
    day: str,
    ident: str,
    paired: bool,
    side: dict[str, str],
    readings: dict[str, Any],
    pa: str,
    pb: str,
    scores: list[int],
) -> TrendRow:
    from ..score import band_of

    def of(party: str) -> tuple[tuple[str, ...], int | None, tuple[str, ...]]:
        accs = [a for a, p in side.items() if p == party and a in readings]
        if not accs:
            return (), None, ()
        topics = _union([loads(readings[a]["topics"], []) for a in accs])
        atmosphere = _union([loads(readings[a]["atmosphere"], []) for a in accs])
        return topics, max(int(readings[a]["tone_max_rung"]) for a in accs), atmosphere

    ta, tone_a, atm_a = of(pa)
    tb, tone_b, atm_b = of(pb)
    both = tone_a is not None and tone_b is not None
    formats = [readings[a]["format"] for a in side if a in readings and readings[a]["format"]]
    convergence = round(sum(scores) / len(scores)) if scores else None
    return TrendRow(
        date=day,
        meeting=ident,
        paired=paired,
        accounts=tuple(sorted(side)),
        format=formats[0] if formats else "",
        topics_a=ta,
        topics_b=tb,
        one_sided_a=tuple(t for t in ta if t not in tb) if both else (),
        one_sided_b=tuple(t for t in tb if t not in ta) if both else (),
        shared=tuple(t for t in ta if t in tb),
        tone_a=tone_a,
        tone_b=tone_b,
        atmosphere_a=atm_a,
        atmosphere_b=atm_b,
        convergence=convergence,
        band=band_of(convergence)[0] if convergence is not None else "",
    )


def yearly(rows: Sequence[TrendRow]) -> list[dict[str, Any]]:
    """Per year: meetings, how many with both sides' accounts, mean convergence."""
    years: dict[str, list[TrendRow]] = {}
    for r in rows:
        years.setdefault(r.date[:4] or "undated", []).append(r)
    out = []
    for year, items in sorted(years.items()):
        scores = [r.convergence for r in items if r.convergence is not None]
        out.append(
            {
                "year": year,
                "meetings": len(items),
                "paired": sum(r.paired for r in items),
                "convergence": round(sum(scores) / len(scores), 1) if scores else None,
                "highest_tone_a": max((r.tone_a or 0 for r in items), default=0),
                "highest_tone_b": max((r.tone_b or 0 for r in items), default=0),
            }
        )
    return out


CSV_COLUMNS = (
    "date",
    "meeting",
    "paired",
    "accounts",
    "format",
    "topics_a",
    "topics_b",
    "one_sided_a",
    "one_sided_b",
    "shared",
    "tone_a",
    "tone_b",
    "atmosphere_a",
    "atmosphere_b",
    "convergence",
    "band",
)


def to_csv(rows: Sequence[TrendRow], dyad: tuple[str, str]) -> str:
    """The rows as CSV; lists joined with ``;``, side A and B named in the header."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    header = [
        c[:-1] + dyad[0] if c.endswith("_a") else c[:-1] + dyad[1] if c.endswith("_b") else c
        for c in CSV_COLUMNS
    ]
    w.writerow(header)
    for r in rows:
        d = r.to_dict()
        w.writerow(
            [
                ";".join(d[c]) if isinstance(d[c], list) else ("" if d[c] is None else d[c])
                for c in CSV_COLUMNS
            ]
        )
    return buf.getvalue()


def plot_png(rows: Sequence[TrendRow], path: str | Path, dyad: tuple[str, str]) -> Path:
    """Convergence over time as a PNG (:func:`readouts.plot.convergence_png`); meetings
    with one side's account only have no score and are left out of the line."""
    from ..plot import convergence_png

    names = default_lexicon()
    title = f"{names.party_name(dyad[0])} - {names.party_name(dyad[1])}: meeting of minds"
    return convergence_png([(r.date, r.convergence) for r in rows], path, title=title)
