"""Pair: group the accounts that describe the same meeting.

**Blocking, never all pairs.** Every account that reads as an account of a meeting is
filed under (its party, each party it names as the other side), sorted by date. Two
accounts are candidates only when one is filed under (P, Q) and the other under
(Q, P) and their dates are at most ``window`` days apart: a binary search in the
other list, so the cost grows with the number of accounts and of true neighbours,
not with the square of the corpus.

**Scoring** a candidate pair (0..1): the people both name as taking part (Jaccard, on
actor ids, so 布林肯 and "Blinken" are one person), how close the dates are (a day apart
counts as the same day: accounts are often published the day after), whether the
formats agree (phone and video count as close), and how alike the contents are (the
specific lexicon topics both raise, which match across English and Chinese, and the
cosine of the accounts' vectors when an encoder is given). Pairs at or above
``threshold`` are joined best first; a join is refused when the group would then hold
two accounts of one party in one language, span more than ``window`` days, or join
accounts a user has split apart.

**Users decide last.** ``confirm`` freezes a group; ``split`` moves accounts out of a
group and remembers they are apart; ``merge`` joins groups or accounts into one
confirmed group. Pairing again never touches confirmed groups, and keeps an automatic
group (and its comparisons) whose members did not change.
"""

from __future__ import annotations

import bisect
import hashlib
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date as Date
from typing import Any

import numpy as np

from ..embed import Embedder
from ..errors import ConfigError
from ..lang import text_view
from ..lexicon import Lexicon, default_lexicon
from ..reading import read
from .keys import pair_keys
from .store import Store, dumps, insert_rows, loads, row_account
from .work import account_vector, claim_texts

__all__ = [
    "DEFAULT_THRESHOLD",
    "DEFAULT_WINDOW",
    "PUBLICATION_LAG",
    "PairReport",
    "candidates",
    "confirm",
    "groups",
    "meeting_id",
    "merge",
    "pair",
    "split",
]

#: Days two accounts of one meeting may be apart.
DEFAULT_WINDOW = 3
#: Days between a meeting and an account of it that count as the same day.
PUBLICATION_LAG = 1
#: Score a candidate pair needs to be joined.
DEFAULT_THRESHOLD = 0.5

_WEIGHTS = {"persons": 0.35, "date": 0.2, "format": 0.15, "content": 0.3}
_CLOSE_FORMATS = ({"phone", "video"}, {"in_person", "sidelines"})


@dataclass
class PairReport:
    """What one pairing run did."""

    keyed: int = 0  # accounts whose keys were computed now
    candidates: int = 0  # pairs scored after blocking
    groups: int = 0  # groups after the run
    added: int = 0  # automatic groups created
    removed: int = 0  # automatic groups dissolved
    kept: int = 0  # automatic groups unchanged
    confirmed: int = 0  # confirmed groups left alone
    grouped: int = 0  # accounts in a group
    unpaired: int = 0  # meeting accounts without a counterpart
    undated: int = 0  # meeting accounts with no date (never paired automatically)
    vectors: int = 0  # account vectors computed for scoring
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class _Key:
    id: str
    party: str
    day: int  # date as a day number; -1 when undated
    date: str
    format: str
    meeting: bool
    counterparts: frozenset[str]
    persons: frozenset[str]
    language: str


@dataclass
class _Group:
    members: list[_Key]
    score: float = 0.0
    reasons: list[str] = field(default_factory=list)


def _day(iso: str) -> int:
    try:
        return Date.fromisoformat(iso[:10]).toordinal()
    except ValueError:
        return -1


def meeting_id(members: Iterable[str], day: str, parties: Iterable[str]) -> str:
    """A group's id: its date, its parties and a digest of its members (stable)."""
    digest = hashlib.sha1("|".join(sorted(members)).encode("utf-8")).hexdigest()[:8]
    return f"{day or 'undated'}_{'-'.join(sorted(set(parties))) or 'unknown'}_{digest}"


# --------------------------------------------------------------------------- keys


def _ensure_keys(store: Store, lexicon: Lexicon, rekey: bool = False) -> int:
    """Compute the keys of accounts that have none (added by other tools, or older runs);
    with ``rekey``, of every account (after a lexicon change)."""
    rows = store.query(
        "SELECT a.* FROM accounts a LEFT JOIN pair_keys k ON k.account_id = a.id "
        + ("" if rekey else "WHERE k.account_id IS NULL ")
        + "ORDER BY a.id"
    )
    if not rows:
        return 0
    values = [pair_keys(row_account(row), lexicon).row(row["id"]) for row in rows]
    with store.transaction() as conn:
        insert_rows(conn, "pair_keys", values, verb="REPLACE")
    return len(values)


def _load_keys(store: Store) -> dict[str, _Key]:
    out = {}
    for r in store.iterate(
        "SELECT k.*, a.language FROM pair_keys k JOIN accounts a ON a.id = k.account_id"
    ):
        out[r["account_id"]] = _Key(
            id=r["account_id"],
            party=r["party"],
            day=_day(r["date"]) if r["date"] else -1,
            date=r["date"],
            format=r["format"],
            meeting=bool(r["meeting"]),
            counterparts=frozenset(loads(r["counterparts"], [])),
            persons=frozenset(loads(r["persons"], [])),
            language=r["language"],
        )
    return out


# --------------------------------------------------------------------------- blocking


def candidates(keys: Sequence[_Key], window: int) -> list[tuple[_Key, _Key]]:
    """Pairs that may describe one meeting: blocked on (party, named party) and date."""
    blocks: dict[tuple[str, str], list[_Key]] = {}
    for k in keys:
        if not k.meeting or k.day < 0 or not k.party:
            continue
        for q in k.counterparts:
            blocks.setdefault((k.party, q), []).append(k)
    out: list[tuple[_Key, _Key]] = []
    for (p, q), left in sorted(blocks.items()):
        if p >= q or (q, p) not in blocks:
            continue
        right = sorted(blocks[(q, p)], key=lambda k: (k.day, k.id))
        days = [k.day for k in right]
        for a in sorted(left, key=lambda k: (k.day, k.id)):
            lo = bisect.bisect_left(days, a.day - window)
            hi = bisect.bisect_right(days, a.day + window)
            out.extend((a, b) for b in right[lo:hi])
    return out


# --------------------------------------------------------------------------- scoring


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _date_agreement(days: int, window: int) -> float:
    """1 within a day (an account is often published the day after the meeting, or dated
    in another time zone), then less for each day more, 0 past the window."""
    if days <= PUBLICATION_LAG:
        return 1.0
    return max(0.0, 1.0 - (days - PUBLICATION_LAG) / max(1, window))


def _format_agreement(a: str, b: str) -> float:
    if not a or not b:
        return 0.5
    if a == b:
        return 1.0
    return 0.6 if any(a in s and b in s for s in _CLOSE_FORMATS) else 0.0


class _Content:
    """Topics and vectors of candidate accounts, loaded or computed once per run."""

    def __init__(self, store: Store, lexicon: Lexicon, embedder: Embedder | None):
        self.store = store
        self.lexicon = lexicon
        self.embedder = embedder
        self.topics: dict[str, frozenset[str]] = {}
        self.vectors: dict[str, np.ndarray] = {}
        self.computed = 0

    def load(self, ids: Sequence[str]) -> None:
        todo = sorted(set(ids) - set(self.topics))
        new_vectors = []
        for lo in range(0, len(todo), 500):
            chunk = todo[lo : lo + 500]
            marks = ",".join("?" * len(chunk))
            have: dict[str, np.ndarray] = {}
            if self.embedder is not None:
                for r in self.store.query(
                    f"SELECT account_id, vector FROM vectors WHERE embedder = ? "
                    f"AND account_id IN ({marks})",
                    [self.embedder.name, *chunk],
                ):
                    have[r[0]] = np.frombuffer(r[1], dtype=np.float32)
            for row in self.store.query(f"SELECT * FROM accounts WHERE id IN ({marks})", chunk):
                account = row_account(row)
                view = text_view(account.text, account.language)
                found = self.lexicon.topic_matcher.find(account.text, account.language, view)
                self.topics[account.id] = frozenset(
                    m.id for m in found if self.lexicon.is_specific(m.id)
                )
                if self.embedder is None:
                    continue
                if account.id in have:
                    self.vectors[account.id] = have[account.id]
                    continue
                texts = claim_texts(read(account, self.lexicon))
                if texts:
                    vec = account_vector(self.embedder.encode(texts))
                    self.vectors[account.id] = vec
                    new_vectors.append(
                        {
                            "account_id": account.id,
                            "embedder": self.embedder.name,
                            "dim": int(vec.shape[0]),
                            "vector": vec.tobytes(),
                        }
                    )
        if new_vectors:
            with self.store.transaction() as conn:
                insert_rows(conn, "vectors", new_vectors, verb="IGNORE")
            self.computed += len(new_vectors)

    def similarity(self, a: str, b: str) -> tuple[float, list[str]]:
        parts = []
        notes = []
        ta, tb = self.topics.get(a, frozenset()), self.topics.get(b, frozenset())
        if ta and tb:
            topic = len(ta & tb) / float(np.sqrt(len(ta) * len(tb)))
            parts.append(topic)
            common = sorted(ta & tb)
            if common:
                notes.append("both raise " + ", ".join(common[:4]))
        va, vb = self.vectors.get(a), self.vectors.get(b)
        if va is not None and vb is not None and len(va) == len(vb):
            cos = float(va @ vb)
            parts.append(min(1.0, max(0.0, (cos - 0.3) / 0.5)))
            notes.append(f"content cosine {cos:.2f}")
        if not parts:
            return 0.5, notes
        return sum(parts) / len(parts), notes


def _score(a: _Key, b: _Key, window: int, content: _Content) -> tuple[float, list[str]]:
    persons = _jaccard(a.persons, b.persons)
    dated = _date_agreement(abs(a.day - b.day), window)
    fmt = _format_agreement(a.format, b.format)
    similar, notes = content.similarity(a.id, b.id)
    score = (
        _WEIGHTS["persons"] * persons
        + _WEIGHTS["date"] * dated
        + _WEIGHTS["format"] * fmt
        + _WEIGHTS["content"] * similar
    )
    reasons = []
    common = sorted(a.persons & b.persons)
    if common:
        reasons.append("both name " + ", ".join(common))
    days = abs(a.day - b.day)
    reasons.append("same day" if days == 0 else f"{days} day{'s' if days > 1 else ''} apart")
    if a.format and b.format:
        reasons.append(f"format {a.format} / {b.format}")
    reasons.extend(notes)
    return round(score, 4), reasons


# --------------------------------------------------------------------------- grouping


def _joinable(members: list[_Key], window: int, apart: set[frozenset[str]]) -> bool:
    days = [m.day for m in members]
    if max(days) - min(days) > window:
        return False
    seen: set[tuple[str, str]] = set()
    for m in members:
        key = (m.party, m.language)
        if key in seen:
            return False
        seen.add(key)
    ids = [m.id for m in members]
    return not any(frozenset((x, y)) in apart for i, x in enumerate(ids) for y in ids[i + 1 :])


def _group(
    scored: list[tuple[float, _Key, _Key, list[str]]],
    threshold: float,
    window: int,
    apart: set[frozenset[str]],
) -> list[_Group]:
    """Join pairs best first (ties by ids), keeping every group joinable."""
    owner: dict[str, _Group] = {}
    for score, a, b, reasons in sorted(scored, key=lambda t: (-t[0], t[1].id, t[2].id)):
        if score < threshold:
            break
        ga, gb = owner.get(a.id), owner.get(b.id)
        if ga is not None and ga is gb:
            continue
        members = (ga.members if ga else [a]) + (gb.members if gb else [b])
        if not _joinable(members, window, apart):
            continue
        group = _Group(
            members=members,
            score=max(score, ga.score if ga else 0.0, gb.score if gb else 0.0),
            reasons=(ga.reasons if ga else []) + (gb.reasons if gb else [])
            + [f"{a.id} ~ {b.id} ({score:.2f}): " + "; ".join(reasons)],
        )  # fmt: skip
        for m in members:
            owner[m.id] = group
    unique = {id(g): g for g in owner.values()}
    return sorted(unique.values(), key=lambda g: sorted(m.id for m in g.members))


def pair(
    store: Store,
    *,
    window: int = DEFAULT_WINDOW,
    threshold: float = DEFAULT_THRESHOLD,
    lexicon: Lexicon | None = None,
    embedder: Embedder | None = None,
    rekey: bool = False,
    progress: Callable[[str], None] | None = None,
) -> PairReport:
    """Group the accounts of each meeting; confirmed groups are left as they are.

    ``rekey`` computes every account's keys again first (after a lexicon change).
    """
    if window < 0:
        raise ConfigError("the pairing window must be 0 days or more")
    if not 0.0 <= threshold <= 1.0:
        raise ConfigError("the pairing threshold must be between 0 and 1")
    started = time.perf_counter()
    lexicon = lexicon or default_lexicon()
    report = PairReport()
    run = store.start_run("pair", {"window": window, "threshold": threshold, "rekey": rekey})
    report.keyed = _ensure_keys(store, lexicon, rekey)
    keys = _load_keys(store)
    fixed = {
        r[0]
        for r in store.query(
            "SELECT ma.account_id FROM meeting_accounts ma JOIN meetings m "
            "ON m.id = ma.meeting_id WHERE m.status = 'confirmed'"
        )
    }
    apart = {frozenset((r[0], r[1])) for r in store.query("SELECT a, b FROM pair_rules")}
    free = [k for k in keys.values() if k.id not in fixed]
    pairs = [(a, b) for a, b in candidates(free, window) if frozenset((a.id, b.id)) not in apart]
    report.candidates = len(pairs)
    if progress:
        progress(f"{len(pairs)} candidate pairs")
    content = _Content(store, lexicon, embedder)
    content.load([k.id for ab in pairs for k in ab])
    report.vectors = content.computed
    scored = [(*_score(a, b, window, content), a, b) for a, b in pairs]
    found = _group([(s, a, b, reasons) for s, reasons, a, b in scored], threshold, window, apart)
    report.undated = sum(1 for k in free if k.meeting and k.day < 0)

    desired: dict[str, _Group] = {}
    for g in found:
        day = min(m.date for m in g.members)
        desired[meeting_id([m.id for m in g.members], day, [m.party for m in g.members])] = g
    with store.transaction() as conn:
        existing = {r[0] for r in conn.execute("SELECT id FROM meetings WHERE status = 'auto'")}
        for mid in sorted(existing - set(desired)):
            conn.execute("DELETE FROM meetings WHERE id = ?", (mid,))
        for mid, g in sorted(desired.items()):
            parties = sorted({m.party for m in g.members})
            if mid in existing:
                conn.execute(
                    "UPDATE meetings SET score = ?, reasons = ? WHERE id = ?",
                    (round(g.score, 4), dumps(g.reasons), mid),
                )
                continue
            meeting = {
                "id": mid,
                "date": min(m.date for m in g.members),
                "parties": dumps(parties),
                "status": "auto",
                "score": round(g.score, 4),
                "reasons": dumps(g.reasons),
            }
            insert_rows(conn, "meetings", [meeting])
            insert_rows(
                conn,
                "meeting_accounts",
                [
                    {"meeting_id": mid, "account_id": m.id, "party": m.party}
                    for m in sorted(g.members, key=lambda m: m.id)
                ],
            )
        report.added = len(set(desired) - existing)
        report.removed = len(existing - set(desired))
        report.kept = len(existing & set(desired))
    report.confirmed = int(store.scalar("SELECT count(*) FROM meetings WHERE status = 'confirmed'"))
    report.groups = int(store.scalar("SELECT count(*) FROM meetings"))
    report.grouped = int(store.scalar("SELECT count(*) FROM meeting_accounts"))
    grouped = {r[0] for r in store.query("SELECT account_id FROM meeting_accounts")}
    report.unpaired = sum(1 for k in keys.values() if k.meeting and k.id not in grouped)
    report.seconds = round(time.perf_counter() - started, 3)
    store.finish_run(run, report.to_dict())
    return report


# --------------------------------------------------------------------------- user decisions


def groups(
    store: Store, *, status: str | None = None, party: str | None = None, id: str | None = None
) -> list[dict]:
    """Every group (or the one with ``id``) with its members:
    ``{id, date, parties, status, score, reasons, accounts}``."""
    where: list[str] = []
    params: list[Any] = []
    for column, value in (("status", status), ("id", id)):
        if value:
            where.append(f"{column} = ?")
            params.append(value)
    sql = "SELECT * FROM meetings" + (" WHERE " + " AND ".join(where) if where else "")
    out = []
    for m in store.query(sql + " ORDER BY date, id", params):
        parties = loads(m["parties"], [])
        if party and party not in parties:
            continue
        members = store.query(
            "SELECT ma.account_id, ma.party, a.date, a.language, a.title FROM meeting_accounts ma "
            "JOIN accounts a ON a.id = ma.account_id WHERE ma.meeting_id = ? ORDER BY ma.party, "
            "ma.account_id",
            (m["id"],),
        )
        out.append(
            {
                "id": m["id"],
                "date": m["date"],
                "parties": parties,
                "status": m["status"],
                "score": m["score"],
                "reasons": loads(m["reasons"], []),
                "accounts": [dict(r) for r in members],
            }
        )
    return out


def _members(store: Store, mid: str) -> list[str]:
    rows = store.query("SELECT account_id FROM meeting_accounts WHERE meeting_id = ?", (mid,))
    if not store.query("SELECT 1 FROM meetings WHERE id = ?", (mid,)):
        raise ConfigError(f"no group {mid!r}; see `readouts corpus group list`")
    return [r[0] for r in rows]


def _create(conn: Any, members: Sequence[str], reason: str) -> str:
    info = {
        r[0]: (r[1], r[2])
        for r in conn.execute(
            f"SELECT a.id, coalesce(k.party, a.party), coalesce(k.date, a.date) FROM accounts a "
            f"LEFT JOIN pair_keys k ON k.account_id = a.id "
            f"WHERE a.id IN ({','.join('?' * len(members))})",
            list(members),
        )
    }
    parties = sorted({p for p, _ in info.values()})
    day = min((d for _, d in info.values() if d), default="")
    mid = meeting_id(members, day, parties)
    meeting = {
        "id": mid,
        "date": day,
        "parties": dumps(parties),
        "status": "confirmed",
        "score": 1.0,
        "reasons": dumps([reason]),
    }
    insert_rows(conn, "meetings", [meeting])
    insert_rows(
        conn,
        "meeting_accounts",
        [{"meeting_id": mid, "account_id": a, "party": info[a][0]} for a in sorted(members)],
    )
    return mid


def confirm(store: Store, ids: Sequence[str]) -> list[str]:
    """Freeze groups: pairing will not change them."""
    for mid in ids:
        _members(store, mid)
    with store.transaction() as conn:
        conn.executemany(
            "UPDATE meetings SET status = 'confirmed' WHERE id = ?", [(m,) for m in ids]
        )
    return list(ids)


def split(store: Store, mid: str, accounts: Sequence[str]) -> list[str]:
    """Move ``accounts`` out of group ``mid``; they and the rest are remembered as apart.

    Returns the ids of the groups left (each side keeps a group if it has two or
    more accounts; both are confirmed).
    """
    members = _members(store, mid)
    moved = sorted(set(accounts))
    strangers = [a for a in moved if a not in members]
    if strangers:
        raise ConfigError(f"{', '.join(strangers)} not in group {mid}")
    rest = sorted(set(members) - set(moved))
    if not moved or not rest:
        raise ConfigError("name some, but not all, of the group's accounts to split off")
    out = []
    with store.transaction() as conn:
        conn.execute("DELETE FROM meetings WHERE id = ?", (mid,))
        conn.executemany(
            "INSERT OR IGNORE INTO pair_rules VALUES ('apart', ?, ?)",
            [tuple(sorted((x, y))) for x in moved for y in rest],
        )
        for part in (moved, rest):
            if len(part) >= 2:
                out.append(_create(conn, part, f"split from {mid} by a user"))
    return out


def merge(store: Store, ids: Sequence[str]) -> str:
    """Join groups and/or single accounts into one confirmed group; returns its id."""
    members: set[str] = set()
    meetings = []
    for ident in ids:
        if store.query("SELECT 1 FROM meetings WHERE id = ?", (ident,)):
            meetings.append(ident)
            members.update(_members(store, ident))
        elif store.query("SELECT 1 FROM accounts WHERE id = ?", (ident,)):
            members.add(ident)
        else:
            raise ConfigError(f"{ident!r} is neither a group nor an account")
    if len(members) < 2:
        raise ConfigError("a group needs at least two accounts")
    with store.transaction() as conn:
        # an account is in one group only: a group that loses one to the merge is dissolved
        marks = ",".join("?" * len(members))
        touched = {
            r[0]
            for r in conn.execute(
                f"SELECT meeting_id FROM meeting_accounts WHERE account_id IN ({marks})",
                sorted(members),
            )
        }
        for mid in sorted(touched | set(meetings)):
            conn.execute("DELETE FROM meetings WHERE id = ?", (mid,))
        conn.execute(
            f"DELETE FROM pair_rules WHERE a IN ({marks}) AND b IN ({marks})",
            sorted(members) * 2,
        )
        return _create(conn, sorted(members), "merged by a user")
