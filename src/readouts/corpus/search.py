"""Search: full-text search over every stored claim (SQLite FTS5).

The index (``claims_fts``) holds each claim's text, English stemmed (Porter), Chinese
as its simplified characters one token each, so a query finds "sanction" in
"sanctions", 红线 in 越过红线 and in traditional 紅線. A query is a phrase by default
(``red line`` finds the two words together); ``raw=True`` passes FTS5 query syntax
through (``taiwan AND "red line"``, ``NEAR(...)``). Results come best first (BM25).
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from typing import Any

from ..errors import ConfigError, StorageError
from ..lang import simplified
from .store import Store

__all__ = ["Hit", "fts_query", "search"]

_TOKEN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]|[^\W_]+", re.U)


@dataclass(frozen=True)
class Hit:
    """A claim that matches, with its account's date, party and title."""

    claim: str
    account: str
    date: str
    party: str
    language: str
    title: str
    text: str
    rank: float

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def fts_query(text: str) -> str:
    """A plain query as one FTS5 phrase (Chinese simplified, one token per character)."""
    tokens = _TOKEN.findall(simplified(text))
    if not tokens:
        raise ConfigError("the search has no words in it")
    return '"' + " ".join(t.replace('"', "") for t in tokens) + '"'


def search(
    store: Store,
    query: str,
    *,
    limit: int = 20,
    party: str | None = None,
    since: str | None = None,
    until: str | None = None,
    raw: bool = False,
) -> list[Hit]:
    """Claims matching ``query``, best first."""
    match = query if raw else fts_query(query)
    party_of = "coalesce(nullif(r.party, ''), nullif(k.party, ''), a.party)"
    sql = (
        f"SELECT c.id, c.account_id, a.date, {party_of} AS party, "
        "a.language, a.title, c.text, bm25(claims_fts) AS rank "
        "FROM claims_fts JOIN claims c ON c.n = claims_fts.rowid "
        "JOIN accounts a ON a.id = c.account_id "
        "LEFT JOIN readings r ON r.account_id = a.id "
        "LEFT JOIN pair_keys k ON k.account_id = a.id "
        "WHERE claims_fts MATCH ?"
    )
    params: list[Any] = [match]
    if party:
        sql += f" AND {party_of} = ?"
        params.append(party)
    if since:
        sql += " AND a.date >= ?"
        params.append(since)
    if until:
        sql += " AND a.date <= ?"
        params.append(until)
    sql += " ORDER BY rank, a.date, c.id LIMIT ?"
    params.append(int(limit))
    try:
        rows = store.conn.execute(sql, params).fetchall()
    except sqlite3.Error as exc:
        message = str(exc)
        if any(w in message for w in ("locked", "busy", "disk", "malformed", "no such", "I/O")):
            raise StorageError(
                f"database error: {message}", path=store.path, stage="search"
            ) from None
        raise ConfigError(f"not a valid search ({message}): {match}") from None
    return [
        Hit(r[0], r[1], r[2], r[3] or "", r[4], r[5], r[6], round(float(r[7]), 4)) for r in rows
    ]
