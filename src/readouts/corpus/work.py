"""Work: the analysis of one unit (a meeting's accounts, or one account), as rows.

This is what runs in worker processes, local or on a Dask cluster: it never opens the
database. It takes a :class:`UnitSpec` (the accounts' data and what to compute) and
returns a :class:`UnitResult` (rows per table) that the driver writes in one
transaction.

Results depend only on the unit: every account's claims are encoded in one encoder
call of their own with the encoder's text cache cleared, so the vectors, and every
score computed from them, are the same bit for bit whichever worker runs the unit,
in whatever company, and after however many interruptions. The comparisons reuse
those vectors (:class:`Precomputed`), so no sentence is encoded twice.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..claimview import encoder_text
from ..comparison import compare
from ..embed import Embedder, FakeEmbedder, USEEmbedder, get_embedder
from ..events import reading_events
from ..lang import language_for, text_view
from ..lexicon import Lexicon, lexicon_for
from ..model import Account, Comparison, MeetingFacts, Reading, topic_order
from ..reading import read
from ..signals import ladder_top
from .store import dumps

__all__ = [
    "Precomputed",
    "UnitResult",
    "UnitSpec",
    "WorkerConfig",
    "account_vector",
    "claim_texts",
    "default_threads",
    "fts_text",
    "meeting_date",
    "run_batch",
    "run_unit",
]


@dataclass(frozen=True)
class WorkerConfig:
    """How a worker reads: the encoder (registry name and threads) and the lexicons."""

    embedder: str = "usem3.v1"
    threads: int = 1
    lexicon_paths: tuple[str, ...] = ()


@dataclass(frozen=True)
class UnitSpec:
    """One unit of analysis: accounts to read, and comparisons to make between them."""

    accounts: tuple[dict[str, Any], ...]  # Account.to_dict(), with the text
    read_rows: tuple[str, ...] = ()  # accounts whose readings are not stored yet
    vector_rows: tuple[str, ...] = ()  # accounts whose vectors are not stored yet
    comparisons: tuple[tuple[str, str, str, str], ...] = ()  # (id, meeting id, a, b)


@dataclass
class UnitResult:
    """Rows per table, claims' search text, errors and counts."""

    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # by column name
    fts: list[tuple[str, str]] = field(default_factory=list)  # (claim id, search text)
    errors: list[tuple[str, str]] = field(default_factory=list)  # (account or pair, message)
    stats: dict[str, int] = field(default_factory=dict)

    def add(self, table: str, **row: Any) -> None:
        """A row of ``table``, by column name (see :func:`readouts.corpus.store.insert_rows`)."""
        self.rows.setdefault(table, []).append(row)

    def count(self, name: str, n: int = 1) -> None:
        self.stats[name] = self.stats.get(name, 0) + n


# --------------------------------------------------------------------------- helpers


def fts_text(text: str, language: str) -> str:
    """The text the full-text index sees: Chinese simplified, one token per character."""
    return language_for(language).index_text(text)


def claim_texts(reading: Reading) -> list[str]:
    """What the encoder reads of each claim: the same strings alignment encodes."""
    view = text_view(reading.account.text, reading.account.language)
    return [encoder_text(reading, c, view) for c in reading.claims]


def account_vector(vectors: np.ndarray) -> np.ndarray:
    """An account's vector: the normalised mean of its claims' vectors."""
    if len(vectors) == 0:
        return np.zeros(0, dtype=np.float32)
    mean = vectors.astype(np.float32).mean(axis=0)
    norm = float(np.linalg.norm(mean))
    return (mean / norm if norm else mean).astype(np.float32)


class Precomputed:
    """An embedder that answers from vectors already computed, falling back to a real one."""

    def __init__(self, inner: Embedder, known: dict[str, np.ndarray]):
        self.inner = inner
        self.known = known
        self.name = inner.name
        self.dim = inner.dim

    def encode(
        self, texts: Sequence[str], batch_size: int = 64, normalize: bool = True
    ) -> np.ndarray:
        missing = [t for t in texts if t not in self.known]
        if missing:
            for t, v in zip(missing, self.inner.encode(missing, batch_size), strict=True):
                self.known[t] = v
        out = np.empty((len(texts), self.dim), dtype=np.float32)
        for i, t in enumerate(texts):
            out[i] = self.known[t]
        return out


_STATE: dict[WorkerConfig, tuple[Lexicon, Embedder]] = {}


def _state(config: WorkerConfig) -> tuple[Lexicon, Embedder]:
    """The lexicon and encoder of this process, made once per configuration."""
    if config not in _STATE:
        lexicon = lexicon_for(config.lexicon_paths)
        embedder: Embedder
        if config.embedder == USEEmbedder.name:
            embedder = USEEmbedder(threads=config.threads)
        elif config.embedder == FakeEmbedder.name:
            embedder = FakeEmbedder()
        else:
            embedder = get_embedder(config.embedder)
        _STATE[config] = (lexicon, embedder)
    return _STATE[config]


def _encode_alone(embedder: Embedder, texts: list[str]) -> np.ndarray:
    """Encode one account's texts in a call of their own (the cache cleared first)."""
    if not texts:
        return np.zeros((0, embedder.dim), dtype=np.float32)
    clear = getattr(embedder, "clear_cache", None)
    if callable(clear):
        clear()
    return np.asarray(embedder.encode(texts), dtype=np.float32)


def meeting_date(facts: MeetingFacts, published: str) -> str:
    """The meeting's date when the facts found a meeting and a full date, else ``published``."""
    if facts.format and len(facts.date) == 10 and facts.date[4] == "-":
        return facts.date
    return published


# --------------------------------------------------------------------------- rows


def _reading_rows(out: UnitResult, reading: Reading, lexicon: Lexicon, embedder: str) -> None:
    acc = reading.account
    facts = reading.facts
    date = meeting_date(facts, acc.date)
    tone = [[t.term, t.category, t.rung, t.start, t.end] for t in reading.tone]
    top = ladder_top(reading, lexicon)
    atmosphere: dict[str, None] = {}
    for t in reading.tone:
        if t.category == "atmosphere":
            atmosphere.setdefault(t.term, None)
    out.add(
        "readings",
        account_id=acc.id,
        party=acc.party,
        sentences=len(reading.sentences),
        claims=len(reading.claims),
        topics=dumps(topic_order(reading.claims)),
        tone=dumps(tone),
        tone_max_rung=top.rung,
        ladder=top.name,
        atmosphere=dumps(list(atmosphere)),
        facts=dumps(facts.to_dict()),
        meeting_date=date,
        format=facts.format,
        requested_by=facts.requested_by,
        embedder=embedder,
        error=None,
    )
    for s in reading.sentences:
        out.add(
            "sentences",
            account_id=acc.id,
            idx=s.index,
            char_start=s.start,
            char_end=s.end,
            paragraph=s.paragraph,
        )
    for c in reading.claims:
        act = lexicon.acts.get(c.act)
        plover = act.plover if act is not None and act.plover not in ("", "-") else ""
        text = acc.text[c.start : c.end]
        out.add(
            "claims",
            id=c.id,
            account_id=acc.id,
            sentence=c.sentence,
            char_start=c.start,
            char_end=c.end,
            text=text,
            speaker=c.speaker.name,
            speaker_kind=c.speaker.kind,
            speaker_party=c.speaker.party,
            act=c.act,
            plover=plover,
            topics=dumps(list(c.topics)),
            tone=dumps([[t.term, t.rung] for t in c.tone]),
            negated=int(c.negated),
            frame_start=c.frame_start,
            frame_end=c.frame_end,
            tail_start=c.tail_start,
            tail_end=c.tail_end,
        )
        out.fts.append((c.id, fts_text(text, acc.language)))
    for record in reading_events(reading, lexicon):
        n = int(record["text_info"]["sequence"])
        claim = reading.claims[n - 1]
        out.add(
            "events",
            id=record["id"],
            account_id=acc.id,
            claim_id=claim.id,
            date=record["date"],
            actor=";".join(e["party"] for e in record["actor"] if e.get("party")),
            recipient=";".join(e["party"] for e in record["recipient"] if e.get("party")),
            event=";".join(record["event"]),
            mode=";".join(record["mode"]),
            quad_code=int(record.get("quad_code", 0)),
            act=claim.act,
            negated=int(bool(record.get("negated"))),
            record=dumps(record),
        )
    out.count("sentences", len(reading.sentences))
    out.count("claims", len(reading.claims))


def _comparison_rows(
    out: UnitResult, cid: str, meeting: str, result: Comparison, embedder: str
) -> None:
    ra, rb = result.readings
    labels = [r.label for r in result.relations.values()]
    out.add(
        "comparisons",
        id=cid,
        meeting_id=meeting,
        a=ra.account.id,
        b=rb.account.id,
        method=result.method,
        score=result.score.value,
        band=result.score.band,
        verdict=result.score.verdict,
        parts=dumps({k: round(v, 4) for k, v in result.score.parts.items()}),
        reasons=dumps(list(result.score.reasons)),
        topics_a=dumps(list(result.topics.get(ra.account.id, ()))),
        topics_b=dumps(list(result.topics.get(rb.account.id, ()))),
        shared=sum(1 for a in result.alignments if a.kind == "shared"),
        one_sided=labels.count("one-sided"),
        conflicts=labels.count("conflict"),
        embedder=embedder,
        error=None,
    )
    seen: set[tuple[str, str, str]] = set()
    for al in result.alignments:
        if (al.a, al.b, al.kind) in seen:  # the same pair twice says nothing more
            continue
        seen.add((al.a, al.b, al.kind))
        out.add(
            "alignments",
            comparison_id=cid,
            a=al.a,
            b=al.b,
            kind=al.kind,
            score=round(al.score, 4),
            similarity=round(al.similarity, 4),
            evidence=dumps(list(al.evidence)),
        )
    for reading in result.readings:
        for c in reading.claims:
            rel = result.relations[c.id]
            out.add(
                "relations",
                comparison_id=cid,
                claim_id=c.id,
                label=rel.label,
                kind=rel.kind,
                partners=dumps(list(rel.partners)),
                flags=dumps(list(rel.flags)),
            )


def _error_reading(out: UnitResult, account: Account, message: str, embedder: str) -> None:
    out.add(
        "readings",
        account_id=account.id,
        party=account.party,
        sentences=0,
        claims=0,
        topics="[]",
        tone="[]",
        tone_max_rung=0,
        ladder="",
        atmosphere="[]",
        facts="{}",
        meeting_date=account.date,
        format="",
        requested_by="",
        embedder=embedder,
        error=message,
    )


# --------------------------------------------------------------------------- units


def _failed(
    out: UnitResult, cid: str, meeting: str, a: str, b: str, embedder: str, error: str
) -> None:
    """A comparison row recording why the pair could not be compared (retried on request)."""
    out.add(
        "comparisons",
        id=cid,
        meeting_id=meeting,
        a=a,
        b=b,
        method="readouts",
        score=-1,
        band="",
        verdict="",
        parts="{}",
        reasons="[]",
        topics_a="[]",
        topics_b="[]",
        shared=0,
        one_sided=0,
        conflicts=0,
        embedder=embedder,
        error=error,
    )


def run_unit(spec: UnitSpec, config: WorkerConfig) -> UnitResult:
    """Read the unit's accounts, encode their claims, make its comparisons: rows."""
    lexicon, embedder = _state(config)
    out = UnitResult()
    out.count("accounts", len(spec.accounts))
    want_rows = set(spec.read_rows)
    want_vectors = set(spec.vector_rows)
    readings: dict[str, Reading] = {}
    known: dict[str, np.ndarray] = {}
    for data in spec.accounts:
        account = Account.from_dict(data)
        try:
            reading = read(account, lexicon)
            texts = claim_texts(reading)
            vectors = _encode_alone(embedder, texts)
        except Exception as exc:  # one unreadable account must not sink the run: record it
            message = f"{exc.__class__.__name__}: {exc}"
            out.errors.append((account.id, message))
            if account.id in want_rows:
                _error_reading(out, account, message, embedder.name)
            continue
        readings[account.id] = reading
        for t, v in zip(texts, vectors, strict=True):
            known.setdefault(t, v)
        out.count("encoded", len(texts))
        if account.id in want_rows:
            _reading_rows(out, reading, lexicon, embedder.name)
            out.count("read")
        if account.id in want_vectors and len(vectors):
            vec = account_vector(vectors)
            out.add(
                "vectors",
                account_id=account.id,
                embedder=embedder.name,
                dim=int(vec.shape[0]),
                vector=vec.tobytes(),
            )
    pre = Precomputed(embedder, known)
    for cid, meeting, a, b in spec.comparisons:
        if a not in readings or b not in readings:
            message = f"account {a if a not in readings else b} could not be read"
            out.errors.append((cid, message))
            _failed(out, cid, meeting, a, b, embedder.name, message)
            continue
        try:
            result = compare(readings[a], readings[b], lexicon=lexicon, embedder=pre)
        except Exception as exc:  # record the failure with the pair, go on with the rest
            message = f"{exc.__class__.__name__}: {exc}"
            out.errors.append((cid, message))
            _failed(out, cid, meeting, a, b, embedder.name, message)
            continue
        _comparison_rows(out, cid, meeting, result, embedder.name)
        out.count("compared")
    return out


def run_batch(batch: Sequence[UnitSpec], config: WorkerConfig) -> list[UnitResult]:
    """Run several units in this process (the task a worker receives)."""
    return [run_unit(spec, config) for spec in batch]


def default_threads(workers: int) -> int:
    """Encoder threads per worker: the machine's cores shared out, at least one."""
    return max(1, (os.cpu_count() or 1) // max(1, workers))
