"""Lexicons: versioned tab-separated data files, English and Chinese side by side.

Built-in files live in ``readouts/data``: ``topics.tsv``, ``actors.tsv``, ``acts.tsv``,
``tone.tsv`` and ``issuers.tsv`` (who publishes statements, mapped to an actor's party),
with the word lists and weights the readers use: ``words.tsv`` (vocabularies, English and
Chinese side by side), ``lists.tsv`` (lists of one language or of none) and
``weights.tsv`` (numbers). A list or a weight is one entry, overridden as a whole.
Each starts with comment lines (``#``), one of which is ``# version: N``, then a header
row naming the columns, then one entry per line.

A user adds or overrides entries with a file of the same shape (same header); an
entry with an id that exists replaces it, a new id is added. Every problem is
reported as a :class:`~readouts.errors.LexiconError` naming the file and line.

Matching: English terms match whole words, case-insensitively, with hyphens,
apostrophes and spaces treated alike; a trailing ``*`` matches any ending.
Chinese terms match the simplified form of the text (see :mod:`readouts.lang`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .errors import InputError, LexiconError
from .files import read_limited
from .memo import TextCache, by_text

#: The largest lexicon file read.
LEXICON_MAX_BYTES = 5_000_000

__all__ = [
    "Act",
    "Actor",
    "Issuer",
    "Lexicon",
    "ListEntry",
    "Match",
    "Matcher",
    "ToneTerm",
    "Topic",
    "Weight",
    "WordList",
    "default_lexicon",
    "lexicon_for",
    "load_lexicon",
    "normalise_en",
    "parse_tsv",
]


@dataclass(frozen=True)
class Topic:
    id: str
    cap: int
    generic: bool
    label_en: str
    label_zh: str
    terms_en: tuple[str, ...]
    terms_zh: tuple[str, ...]
    source: str


@dataclass(frozen=True)
class Actor:
    id: str
    kind: str  # country, org, person
    party: str
    code: str
    names_en: tuple[str, ...]
    names_zh: tuple[str, ...]
    roles: tuple[tuple[str, int, int], ...]  # (role, from, to); to = 9999 when open
    source: str

    @property
    def name(self) -> str:
        return self.names_en[0]

    @property
    def name_zh(self) -> str:
        """The Chinese name, or the English one when the lexicon has none."""
        return self.names_zh[0] if self.names_zh else self.name


@dataclass(frozen=True)
class Act:
    id: str
    plover: str
    mode: str
    stance: str  # "+", "-", "0"
    priority: int
    label_en: str
    label_zh: str
    cues_en: tuple[str, ...]
    cues_zh: tuple[str, ...]
    source: str


@dataclass(frozen=True)
class ToneTerm:
    id: str
    category: str  # atmosphere, position, ladder, signal, framing
    rung: int  # ordinal rung on the concern -> protest ladder (1..5), 0 when not on it
    valence: int  # -2..2, how warm the word reads; never averaged into a score
    terms_en: tuple[str, ...]
    terms_zh: tuple[str, ...]
    reading: str
    tier: str
    source: str


@dataclass(frozen=True)
class Issuer:
    id: str
    kind: str  # foreign_ministry, defence_ministry, leader_office, government, secretariat, ...
    party: str  # the actor id of the party the issuer speaks for
    names_en: tuple[str, ...]
    names_zh: tuple[str, ...]
    domains: tuple[str, ...]
    source: str


@dataclass(frozen=True)
class WordList:
    """A vocabulary a reader uses, English and Chinese (data/words.tsv)."""

    id: str
    words_en: tuple[str, ...]
    words_zh: tuple[str, ...]
    note: str


@dataclass(frozen=True)
class ListEntry:
    """A list of one language, or of none (act ids), named by its id (data/lists.tsv)."""

    id: str
    items: tuple[str, ...]
    note: str


@dataclass(frozen=True)
class Weight:
    """A number the program weighs or cuts by (data/weights.tsv)."""

    id: str
    value: float
    note: str


_SCHEMAS: dict[str, tuple[type, tuple[str, ...]]] = {
    "topics": (
        Topic,
        ("id", "cap", "generic", "label_en", "label_zh", "terms_en", "terms_zh", "source"),
    ),
    "actors": (
        Actor,
        ("id", "kind", "party", "code", "names_en", "names_zh", "roles", "source"),
    ),
    "acts": (
        Act,
        (
            "id",
            "plover",
            "mode",
            "stance",
            "priority",
            "label_en",
            "label_zh",
            "cues_en",
            "cues_zh",
            "source",
        ),
    ),
    "tone": (
        ToneTerm,
        (
            "id",
            "category",
            "rung",
            "valence",
            "terms_en",
            "terms_zh",
            "reading",
            "tier",
            "source",
        ),
    ),
    "issuers": (
        Issuer,
        ("id", "kind", "party", "names_en", "names_zh", "domains", "source"),
    ),
    "words": (WordList, ("id", "words_en", "words_zh", "note")),
    "lists": (ListEntry, ("id", "items", "note")),
    "weights": (Weight, ("id", "value", "note")),
}

_ACTOR_KINDS = {"country", "org", "person"}
_ISSUER_KINDS = {
    "foreign_ministry",
    "defence_ministry",
    "leader_office",
    "government",
    "secretariat",
    "spokesperson",
    "state_media",
}
_TONE_CATEGORIES = {"atmosphere", "position", "ladder", "signal", "framing"}


def _split(value: str) -> tuple[str, ...]:
    if value.strip() in ("", "-"):
        return ()
    return tuple(v.strip() for v in value.split("|") if v.strip())


def _int(value: str, name: str, path: str, line: int) -> int:
    try:
        return int(value)
    except ValueError:
        raise LexiconError(
            f"column {name!r} must be a whole number, got {value!r}", path=path, line=line
        ) from None


def _roles(value: str, path: str, line: int) -> tuple[tuple[str, int, int], ...]:
    out = []
    for part in value.split(";"):
        part = part.strip()
        if not part or part == "-":
            continue
        role, at, years = part.rpartition("@")
        if not at or not role:
            raise LexiconError(
                f"role {part!r} must look like 'Role@2021-2025'", path=path, line=line
            )
        start, _, end = years.partition("-")
        first = _int(start, "roles", path, line)
        last = _int(end, "roles", path, line) if end.strip() else 9999
        out.append((role.strip(), first, last))
    return tuple(out)


def _one_of(value: str, allowed: set[str], column: str, path: str, line: int) -> str:
    if value not in allowed:
        raise LexiconError(
            f"{column} must be one of {sorted(allowed)}, got {value!r}", path=path, line=line
        )
    return value


def _build(kind: str, row: dict[str, str], path: str, line: int) -> object:
    if not row["id"] or not re.fullmatch(r"[a-z0-9_]+", row["id"]):
        raise LexiconError(
            f"id {row['id']!r} must be lower-case letters, digits and _", path=path, line=line
        )
    if kind == "topics":
        return Topic(
            id=row["id"],
            cap=_int(row["cap"], "cap", path, line),
            generic=row["generic"].strip() == "1",
            label_en=row["label_en"],
            label_zh=row["label_zh"],
            terms_en=_split(row["terms_en"]),
            terms_zh=_split(row["terms_zh"]),
            source=row["source"],
        )
    if kind == "actors":
        _one_of(row["kind"], _ACTOR_KINDS, "kind", path, line)
        names = _split(row["names_en"])
        if not names:
            raise LexiconError("an actor needs at least one English name", path=path, line=line)
        return Actor(
            id=row["id"],
            kind=row["kind"],
            party=row["party"] or row["id"],
            code=row["code"],
            names_en=names,
            names_zh=_split(row["names_zh"]),
            roles=_roles(row["roles"], path, line),
            source=row["source"],
        )
    if kind == "acts":
        if row["stance"] not in ("+", "-", "0"):
            raise LexiconError(
                f"stance must be +, - or 0, got {row['stance']!r}", path=path, line=line
            )
        return Act(
            id=row["id"],
            plover=row["plover"],
            mode=row["mode"],
            stance=row["stance"],
            priority=_int(row["priority"], "priority", path, line),
            label_en=row["label_en"],
            label_zh=row["label_zh"],
            cues_en=_split(row["cues_en"]),
            cues_zh=_split(row["cues_zh"]),
            source=row["source"],
        )
    if kind == "words":
        return WordList(row["id"], _split(row["words_en"]), _split(row["words_zh"]), row["note"])
    if kind == "lists":
        return ListEntry(row["id"], _split(row["items"]), row["note"])
    if kind == "weights":
        try:
            value = float(row["value"])
        except ValueError:
            raise LexiconError(
                f"column 'value' must be a number, got {row['value']!r}", path=path, line=line
            ) from None
        return Weight(row["id"], value, row["note"])
    if kind == "issuers":
        _one_of(row["kind"], _ISSUER_KINDS, "kind", path, line)
        if not row["party"]:
            raise LexiconError("an issuer needs the party it speaks for", path=path, line=line)
        return Issuer(
            id=row["id"],
            kind=row["kind"],
            party=row["party"],
            names_en=_split(row["names_en"]),
            names_zh=_split(row["names_zh"]),
            domains=tuple(d.lower() for d in _split(row["domains"])),
            source=row["source"],
        )
    _one_of(row["category"], _TONE_CATEGORIES, "category", path, line)
    return ToneTerm(
        id=row["id"],
        category=row["category"],
        rung=_int(row["rung"], "rung", path, line),
        valence=_int(row["valence"], "valence", path, line),
        terms_en=_split(row["terms_en"]),
        terms_zh=_split(row["terms_zh"]),
        reading=row["reading"],
        tier=row["tier"],
        source=row["source"],
    )


def parse_tsv(
    text: str,
    path: str,
    columns: tuple[str, ...] | None = None,
    strip: bool = True,
    allowed: dict[str, tuple[str, ...]] | None = None,
) -> tuple[int, tuple[str, ...], list[tuple[int, dict[str, str]]]]:
    """A versioned tab-separated data file: ``# version: N`` before a header row, then
    one row per line. Returns (version, header, [(line number, row)]); with ``columns``
    the header must be exactly those, with ``allowed`` one of those named; ``strip=False``
    keeps the spaces around cells (templates that begin with one). Blank lines and ``#``
    comments are skipped; every problem names the file and line."""
    version: int | None = None
    header: tuple[str, ...] | None = None
    rows: list[tuple[int, dict[str, str]]] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\r\n")
        if not line.strip():
            continue
        if line.startswith("#"):
            m = re.match(r"#\s*version:\s*(\S+)", line)
            if m:
                version = _int(m.group(1), "version", path, number)
            continue
        cells = line.split("\t")
        if header is None:
            header = tuple(c.strip() for c in cells)
            if columns is not None and header != columns:
                raise LexiconError(f"header must be {' '.join(columns)}", path=path, line=number)
            if allowed is not None and header not in allowed.values():
                raise LexiconError(
                    "header row does not match any lexicon; expected the columns of one of "
                    + "; ".join(f"{k}: {' '.join(c)}" for k, c in allowed.items()),
                    path=path,
                    line=number,
                )
            if version is None:
                raise LexiconError(
                    "missing '# version: N' line before the header", path=path, line=number
                )
            continue
        if len(cells) != len(header):
            raise LexiconError(
                f"expected {len(header)} tab-separated columns, found {len(cells)}",
                path=path,
                line=number,
            )
        values = (c.strip() if strip else c for c in cells)
        rows.append((number, dict(zip(header, values, strict=True))))
    if header is None or version is None:
        raise LexiconError("no header row and no entries: the file is empty", path=path, line=1)
    if not rows:
        raise LexiconError("the file has a header but no entries", path=path, line=1)
    return version, header, rows


def read_table(text: str, path: str) -> tuple[str, int, list[object]]:
    """Parse one lexicon file; returns (kind, version, entries)."""
    schemas = {name: cols for name, (_, cols) in _SCHEMAS.items()}
    version, header, rows = parse_tsv(text, path, allowed=schemas)
    kind = next(name for name, cols in schemas.items() if header == cols)
    entries: list[object] = []
    seen: set[str] = set()
    for number, row in rows:
        if row["id"] in seen:
            raise LexiconError(f"duplicate id {row['id']!r}", path=path, line=number)
        seen.add(row["id"])
        entries.append(_build(kind, row, path, number))
    return kind, version, entries


# --------------------------------------------------------------------------- matching

_EN_FOLD = str.maketrans(
    {"-": " ", "‐": " ", "–": " ", "’": " ", "'": " ", "‘": " ", "\u00a0": " "}
)


def normalise_en(text: str) -> str:
    """Lower-case with hyphens and apostrophes as spaces; same length as ``text``."""
    out = text.translate(_EN_FOLD)
    low = out.lower()
    if len(low) == len(out):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in out)


_EN_TOKEN = re.compile(r"\w+")


def _en_words(term: str) -> tuple[str, ...]:
    """A term as words; a trailing ``*`` on a word is kept and means any ending."""
    out = []
    for raw in normalise_en(term).split():
        star = raw.endswith("*")
        for w in _EN_TOKEN.findall(raw):
            out.append(w)
        if star and out:
            out[-1] += "*"
    return tuple(out)


@by_text(64)
def _en_tokens(text: str) -> tuple[list[int], list[int], list[str]]:
    """Word starts, ends and words of a normalised English text (shared by the matchers)."""
    starts: list[int] = []
    ends: list[int] = []
    words: list[str] = []
    for m in _EN_TOKEN.finditer(text):
        starts.append(m.start())
        ends.append(m.end())
        words.append(m.group(0))
    return starts, ends, words


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    id: str


class Matcher:
    """Finds the entries of one lexicon in a text, leftmost and longest first.

    English is matched word by word over the normalised text (a dictionary from a
    term's first word, or its prefix for ``word*``, to the terms it starts); Chinese by
    a dictionary from a term's first character. Results are cached per text.
    """

    def __init__(self, entries: Iterable[tuple[str, Sequence[str], Sequence[str]]]):
        self._en_exact: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        self._en_prefix: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        self._zh: dict[str, list[tuple[str, str]]] = {}
        for entry_id, terms_en, terms_zh in entries:
            for term in terms_en:
                words = _en_words(term)
                if not words:
                    continue
                first = words[0]
                if first.endswith("*"):
                    self._en_prefix.setdefault(first[:-1], []).append((words, entry_id))
                else:
                    self._en_exact.setdefault(first, []).append((words, entry_id))
            for term in terms_zh:
                if term:
                    self._zh.setdefault(term[0], []).append((term, entry_id))
        for table in (self._en_exact, self._en_prefix):
            for k in table:
                table[k].sort(key=lambda t: -len(t[0]))
        for k in self._zh:
            self._zh[k].sort(key=lambda t: -len(t[0]))
        self._prefix_lengths = sorted({len(k) for k in self._en_prefix})
        self._cache: TextCache[list[Match]] = TextCache("lexicon.matches", 2048)
        self._word_cache: dict[str, list[tuple[tuple[str, ...], str]]] = {}

    def _candidates(self, word: str) -> list[tuple[tuple[str, ...], str]]:
        """The terms that may start with ``word`` (exact first words and prefixes)."""
        hit = self._word_cache.get(word)
        if hit is None:
            hit = list(self._en_exact.get(word, ()))
            for n in self._prefix_lengths:
                if n <= len(word):
                    hit += self._en_prefix.get(word[:n], ())
            if len(self._word_cache) < 200_000:
                self._word_cache[word] = hit
        return hit

    def _find_en(self, text: str) -> list[Match]:
        starts, ends, words = _en_tokens(text)
        n = len(words)
        out: list[Match] = []
        i = 0
        while i < n:
            candidates = self._candidates(words[i])
            if not candidates:
                i += 1
                continue
            best_k, best_id = 0, ""
            for term, entry_id in candidates:
                k = len(term)
                if k <= best_k or i + k > n:
                    continue
                # the first word matched already (exactly or as a prefix)
                for t in range(1, k):
                    w = term[t]
                    word = words[i + t]
                    if w[-1] == "*":
                        if not word.startswith(w[:-1]):
                            break
                    elif word != w:
                        break
                else:
                    best_k, best_id = k, entry_id
            if not best_k:
                i += 1
                continue
            out.append(Match(starts[i], ends[i + best_k - 1], best_id))
            i += best_k
        return out

    def _find_zh(self, text: str) -> list[Match]:
        out: list[Match] = []
        i = 0
        n = len(text)
        while i < n:
            for term, entry_id in self._zh.get(text[i], ()):
                if text.startswith(term, i):
                    out.append(Match(i, i + len(term), entry_id))
                    i += len(term)
                    break
            else:
                i += 1
        return out

    def find(self, text: str, language: str, simplified: str | None = None) -> list[Match]:
        """Matches in ``text``; for Chinese pass its simplified view (same length)."""
        # keyed by the text as given: normalising is deterministic, and skipping it on a
        # hit matters when one account is matched by several stages
        key = (language, (simplified or text) if language == "zh" else text)
        hit = self._cache.get(key)
        if hit is not None:
            return hit
        if language == "zh":
            return self._cache.put(key, self._find_zh(simplified or text))
        return self._cache.put(key, self._find_en(normalise_en(text)))


# --------------------------------------------------------------------------- lexicon


class Lexicon:
    """All lexicons together, with a matcher for each."""

    def __init__(self, tables: dict[str, dict[str, object]], versions: dict[str, str]):
        self.topics: dict[str, Topic] = tables["topics"]  # type: ignore[assignment]
        self.actors: dict[str, Actor] = tables["actors"]  # type: ignore[assignment]
        self.acts: dict[str, Act] = tables["acts"]  # type: ignore[assignment]
        self.tone: dict[str, ToneTerm] = tables["tone"]  # type: ignore[assignment]
        self.issuers: dict[str, Issuer] = tables.get("issuers", {})  # type: ignore[assignment]
        self.words: dict[str, WordList] = tables.get("words", {})  # type: ignore[assignment]
        self.lists: dict[str, ListEntry] = tables.get("lists", {})  # type: ignore[assignment]
        self.weights: dict[str, Weight] = tables.get("weights", {})  # type: ignore[assignment]
        self.versions = versions
        #: what other modules compute once from these tables (a word segmenter, name maps)
        self.derived: dict[str, object] = {}
        self.topic_matcher = Matcher((t.id, t.terms_en, t.terms_zh) for t in self.topics.values())
        self.actor_matcher = Matcher((a.id, a.names_en, a.names_zh) for a in self.actors.values())
        self.act_matcher = Matcher((a.id, a.cues_en, a.cues_zh) for a in self.acts.values())
        self.tone_matcher = Matcher((t.id, t.terms_en, t.terms_zh) for t in self.tone.values())
        self.issuer_matcher = Matcher((i.id, i.names_en, i.names_zh) for i in self.issuers.values())
        #: web domain -> issuer id (a subdomain counts as its domain)
        self.issuer_domains = {d: i.id for i in self.issuers.values() for d in i.domains}

    def word_list(self, name: str, language: str = "en") -> tuple[str, ...]:
        """The words of one list of data/words.tsv (or of an override file)."""
        entry = self.words[name]
        return entry.words_zh if language == "zh" else entry.words_en

    def weight(self, name: str) -> float:
        """One number of data/weights.tsv (or of an override file)."""
        return self.weights[name].value

    def is_specific(self, topic: str) -> bool:
        """Is this a topic of the lexicon that names an issue (not a generic one)?"""
        entry = self.topics.get(topic)
        return entry is not None and not entry.generic

    def party_of(self, actor_id: str) -> str:
        actor = self.actors.get(actor_id)
        return actor.party if actor else ""

    def party_name(self, party_id: str) -> str:
        actor = self.actors.get(party_id)
        return actor.name if actor else party_id

    def person_named(self, name: str) -> Actor | None:
        """The person the lexicon knows by this exact name, English or Chinese."""
        known = self.derived.get("people_by_name")
        if isinstance(known, dict):
            return known.get(name)
        people: dict[str, Actor] = {}
        for actor in self.actors.values():
            if actor.kind == "person":
                for n in (*actor.names_en, *actor.names_zh):
                    people.setdefault(n, actor)
        self.derived["people_by_name"] = people
        return people.get(name)


def _builtin_text(name: str) -> str:
    return resources.files("readouts").joinpath("data", f"{name}.tsv").read_text("utf-8")


def load_lexicon(extra: Sequence[str | Path] = ()) -> Lexicon:
    """The built-in lexicons overlaid by the user's files, in order."""
    tables: dict[str, dict[str, object]] = {}
    versions: dict[str, str] = {}
    for name in _SCHEMAS:
        kind, version, entries = read_table(_builtin_text(name), f"readouts/data/{name}.tsv")
        tables[kind] = {e.id: e for e in entries}  # type: ignore[attr-defined]
        versions[kind] = str(version)
    for path in extra:
        p = Path(path)
        try:  # a regular file of at most 5 MB: never a FIFO, a device or a link loop
            text = read_limited(p, LEXICON_MAX_BYTES, what="lexicon file").decode("utf-8")
        except InputError as exc:
            raise LexiconError(exc.message, path=str(p)) from None
        except UnicodeDecodeError:
            raise LexiconError("a lexicon file must be UTF-8 text", path=str(p)) from None
        kind, version, entries = read_table(text, str(p))
        for e in entries:
            tables[kind][e.id] = e  # type: ignore[attr-defined]
        versions[kind] = f"{versions[kind]}+{p.name}@{version}"
    return Lexicon(tables, versions)


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    return load_lexicon()


@lru_cache(maxsize=8)
def lexicon_for(paths: tuple[str, ...] = ()) -> Lexicon:
    """The built-in lexicons overlaid by these files, loaded once per process (for
    workers that read many accounts with the same files)."""
    return load_lexicon(paths) if paths else default_lexicon()


assert all(tuple(f.name for f in fields(cls)) == cols for cls, cols in _SCHEMAS.values())
