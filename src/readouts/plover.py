"""PLOVER: the ontology and the cue lexicon that event export reads.

Two versioned data files, English and Chinese side by side like the other lexicons:

* ``data/plover.tsv``, the ontology (names from the PLOVER manual, draft v2.0): the 16
  event types with their quad code and modes, the older names read as aliases
  (``DEMAND`` is ``REQUEST``, ``DISAPPROVE`` is ``ACCUSE``...), and the 37 contexts with
  the readouts topics that put a claim in each. Three columns are readouts' own: what a
  stated intention to do a thing is coded as (``future``: AGREE or THREATEN), and the
  THREATEN and REQUEST/REJECT modes the thing gives when it is threatened or asked for.
* ``data/events.tsv``, the event cues (material events such as "imposed sanctions" and
  "withdrew troops", the news forms of talk, and the frames that shape an event: "will",
  "threatened to", "unless", "should"...). Its header documents each column.

English cues match whole words of the normalised text (:func:`readouts.lexicon.normalise_en`)
with ``word*`` for any ending and ``...`` for a gap of up to :data:`EN_GAP` words inside
the clause; Chinese cues match the simplified text, ``…`` a gap of up to :data:`ZH_GAP`
characters inside the clause.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from .errors import LexiconError
from .lang import language_for
from .lang.events import ACTIVE_FRAMES, REPORT_FRAMES, Hit, words_between
from .lang.events import TOKEN as _TOKEN
from .lexicon import Lexicon, Match, normalise_en, parse_tsv

if TYPE_CHECKING:
    from .lang.base import Language

__all__ = [
    "ACTIVE_FRAMES",
    "EN_GAP",
    "FRAMES",
    "REPORT_FRAMES",
    "ZH_GAP",
    "Context",
    "Cue",
    "CueMatcher",
    "EventLexicon",
    "EventType",
    "Hit",
    "clause_break",
    "cue_hits",
    "default_event_lexicon",
    "load_event_lexicon",
    "near",
    "words_between",
]

#: How a cue works in its clause (``frame`` column of ``data/events.tsv``).
FRAMES = (
    "event",
    "intent",
    "prepare",
    "refuse",
    "decision",
    "condition",
    "report",
    "attribution",
    "modal",
    "light",
    "context",
    "ignore",
)
#: Words an English ``...`` gap may span; characters a Chinese ``…`` gap may span.
EN_GAP = 6
ZH_GAP = 16

_ONTOLOGY_COLUMNS = (
    "kind",
    "name",
    "event",
    "quad",
    "modes",
    "future",
    "threat",
    "ask",
    "topics",
    "label_en",
    "label_zh",
    "source",
)
_CUE_COLUMNS = ("id", "event", "mode", "frame", "context", "cues_en", "cues_zh", "source")


@dataclass(frozen=True)
class EventType:
    """A current PLOVER event type."""

    name: str
    quad: int
    modes: tuple[str, ...]
    future: str  # AGREE, THREATEN, or "" (talk: stays itself)
    threat: str  # THREATEN mode when this is threatened, "" if none
    ask: str  # REQUEST / REJECT mode when this is asked for or refused, "" if none
    label_en: str
    label_zh: str


@dataclass(frozen=True)
class Context:
    """A PLOVER context and the readouts topics that put a claim in it."""

    name: str
    topics: tuple[str, ...]
    label_en: str
    label_zh: str


@dataclass(frozen=True)
class Cue:
    """A row of ``data/events.tsv``."""

    id: str
    event: str  # a current type, or "" for frames without a default event
    mode: str
    frame: str
    contexts: tuple[str, ...]
    cues_en: tuple[str, ...]
    cues_zh: tuple[str, ...]
    source: str


def _cells(value: str) -> tuple[str, ...]:
    if value.strip() in ("", "-"):
        return ()
    return tuple(v.strip() for v in value.split("|") if v.strip())


def _dash(value: str) -> str:
    return "" if value.strip() == "-" else value.strip()


# --------------------------------------------------------------------------- matching

# words that open a new clause, which an English gap does not cross ("orders that ... to")
_NEW_CLAUSE = frozenset({"that", "which", "who", "whom", "whose", "because", "but", "while"})


def clause_break(text: str, start: int, end: int, language: str = "en") -> bool:
    """Does a clause end between ``start`` and ``end``? (Punctuation, not a comma in a
    number such as "1,000" nor a quotation mark; each language says which.)"""
    return language_for(language).clause_break(text, start, end)


# an English pattern element: ("w", word) | ("p", prefix) | ("g", "")
_Elem = tuple[str, str]


def _en_pattern(cue: str) -> tuple[_Elem, ...]:
    out: list[_Elem] = []
    for part in cue.split("..."):
        if out:
            out.append(("g", ""))
        for raw in normalise_en(part).split():
            star = raw.endswith("*")
            words = _TOKEN.findall(raw)
            for k, w in enumerate(words):
                last = k == len(words) - 1
                out.append(("p", w) if star and last else ("w", w))
    while out and out[-1][0] == "g":
        out.pop()
    return tuple(out)


class CueMatcher:
    """Leftmost-longest matches of gap patterns (see the module doc), cached per text."""

    def __init__(self, entries: Iterable[tuple[str, Iterable[str], Iterable[str]]]):
        self._exact: dict[str, list[tuple[tuple[_Elem, ...], str]]] = {}
        self._prefix: dict[str, list[tuple[tuple[_Elem, ...], str]]] = {}
        self._zh: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for entry_id, terms_en, terms_zh in entries:
            for term in terms_en:
                pat = _en_pattern(term)
                if not pat or pat[0][0] == "g":
                    continue
                kind, word = pat[0]
                table = self._exact if kind == "w" else self._prefix
                table.setdefault(word, []).append((pat, entry_id))
            for term in terms_zh:
                parts = tuple(p for p in term.split("…") if p)
                if parts:
                    self._zh.setdefault(parts[0][0], []).append((parts, entry_id))
        self._prefix_lengths = sorted({len(k) for k in self._prefix})
        self._cache: dict[tuple[str, str], list[Match]] = {}

    def _candidates(self, word: str) -> list[tuple[tuple[_Elem, ...], str]]:
        hit = list(self._exact.get(word, ()))
        for n in self._prefix_lengths:
            if n <= len(word):
                hit += self._prefix.get(word[:n], ())
        return hit

    @staticmethod
    def _elem_ok(elem: _Elem, word: str) -> bool:
        kind, w = elem
        return word == w if kind == "w" else word.startswith(w)

    def _match_en(
        self, pat: tuple[_Elem, ...], i: int, words: list[str], breaks: list[bool]
    ) -> int:
        """The token index after the shortest match of ``pat`` at ``i``, or -1."""
        k = i
        e = 0
        while e < len(pat):
            kind, _ = pat[e]
            if kind == "g":
                nxt = pat[e + 1]
                for j in range(k, min(k + EN_GAP + 1, len(words))):
                    if breaks[j] or (j > k and words[j - 1] in _NEW_CLAUSE):
                        return -1  # a gap stays inside the clause
                    if self._elem_ok(nxt, words[j]):
                        k = j + 1
                        break
                else:
                    return -1
                e += 2
                continue
            if k >= len(words) or (k > i and breaks[k]) or not self._elem_ok(pat[e], words[k]):
                return -1
            k += 1
            e += 1
        return k

    def _find_en(self, text: str, language: Language) -> list[Match]:
        norm = normalise_en(text)
        spans = [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(norm)]
        words = [w for _, _, w in spans]
        breaks = [
            bool(k) and language.clause_break(text, spans[k - 1][1], spans[k][0])
            for k in range(len(spans))
        ]
        out: list[Match] = []
        i = 0
        while i < len(words):
            best_end, best_id = -1, ""
            for pat, entry_id in self._candidates(words[i]):
                end = self._match_en(pat, i, words, breaks)
                if end > best_end:
                    best_end, best_id = end, entry_id
            if best_end < 0:
                i += 1
                continue
            out.append(Match(spans[i][0], spans[best_end - 1][1], best_id))
            i = best_end
        return out

    def _find_zh(self, text: str, language: Language) -> list[Match]:
        out: list[Match] = []
        i = 0
        while i < len(text):
            best_end, best_id = -1, ""
            for parts, entry_id in self._zh.get(text[i], ()):
                if not text.startswith(parts[0], i):
                    continue
                k = i + len(parts[0])
                for part in parts[1:]:
                    window = text[k : k + ZH_GAP + len(part)]
                    j = window.find(part)
                    if j < 0 or language.clause_break(text, k, k + j):
                        k = -1
                        break
                    k += j + len(part)
                if k > best_end:
                    best_end, best_id = k, entry_id
            if best_end < 0:
                i += 1
                continue
            out.append(Match(i, best_end, best_id))
            i = best_end
        return out

    def find(self, text: str, language: str, simplified: str | None = None) -> list[Match]:
        """Matches in ``text``; for Chinese pass its simplified view (same length). Cues
        match whole words where spaces mark the words, else characters of the view."""
        lang = language_for(language)
        seen = text if lang.spaced else (simplified or text)
        key = (language, seen)
        hit = self._cache.get(key)
        if hit is None:
            hit = self._find_en(text, lang) if lang.spaced else self._find_zh(seen, lang)
            if len(self._cache) > 256:
                self._cache.clear()
            self._cache[key] = hit
        return hit


# --------------------------------------------------------------------------- lexicon


class EventLexicon:
    """The PLOVER ontology and the event cues, with a matcher over the cues."""

    def __init__(
        self,
        types: dict[str, EventType],
        aliases: dict[str, tuple[str, str]],
        contexts: dict[str, Context],
        cues: dict[str, Cue],
        versions: dict[str, str],
    ):
        self.types = types
        self.aliases = aliases
        self.contexts = contexts
        self.cues = cues
        self.versions = versions
        self.topic_contexts: dict[str, tuple[str, ...]] = {}
        for ctx in contexts.values():
            for topic in ctx.topics:
                self.topic_contexts[topic] = (*self.topic_contexts.get(topic, ()), ctx.name)
        self.matcher = CueMatcher((c.id, c.cues_en, c.cues_zh) for c in cues.values())

    def resolve(self, name: str) -> tuple[str, str]:
        """A type name, current or older, as (current type, the mode the name implies);
        ("", "") for a name PLOVER does not have."""
        key = name.strip().upper()
        if key in self.types:
            return key, ""
        return self.aliases.get(key, ("", ""))

    def quad(self, event: str) -> int:
        t = self.types.get(event)
        return t.quad if t else 0

    def mode(self, event: str, mode: str) -> str:
        """``mode`` when PLOVER defines it for ``event``, else ""."""
        t = self.types.get(event)
        return mode if t is not None and mode in t.modes else ""


def _ontology(text: str, path: str) -> tuple[dict, dict, dict, str]:
    version, _, rows = parse_tsv(text, path, _ONTOLOGY_COLUMNS)
    types: dict[str, EventType] = {}
    aliases: dict[str, tuple[str, str]] = {}
    contexts: dict[str, Context] = {}
    for line, row in rows:
        kind, name = row["kind"], row["name"]
        if kind == "type":
            try:
                quad = int(row["quad"])
            except ValueError:
                raise LexiconError(
                    f"quad must be 1-4, got {row['quad']!r}", path=path, line=line
                ) from None
            types[name] = EventType(
                name=name,
                quad=quad,
                modes=_cells(row["modes"]),
                future=_dash(row["future"]),
                threat=_dash(row["threat"]),
                ask=_dash(row["ask"]),
                label_en=row["label_en"],
                label_zh=row["label_zh"],
            )
        elif kind == "alias":
            aliases[name] = (row["event"], _dash(row["modes"]))
        elif kind == "context":
            contexts[name] = Context(name, _cells(row["topics"]), row["label_en"], row["label_zh"])
        else:
            raise LexiconError(
                f"kind must be type, alias or context, got {kind!r}", path=path, line=line
            )
    for name, (event, _) in aliases.items():
        if event not in types:
            raise LexiconError(f"alias {name} names no type {event!r}", path=path)
    for t in types.values():
        for ref in (t.future,):
            if ref and ref not in types:
                raise LexiconError(f"type {t.name}: no type {ref!r}", path=path)
    return types, aliases, contexts, str(version)


def _cues(
    text: str, path: str, types: dict[str, EventType], contexts: dict[str, Context]
) -> tuple[dict[str, Cue], str]:
    version, _, rows = parse_tsv(text, path, _CUE_COLUMNS)
    cues: dict[str, Cue] = {}
    for line, row in rows:
        ident, frame, event = row["id"], row["frame"], _dash(row["event"])
        if ident in cues:
            raise LexiconError(f"duplicate id {ident!r}", path=path, line=line)
        if frame not in FRAMES:
            raise LexiconError(
                f"frame must be one of {', '.join(FRAMES)}, got {frame!r}", path=path, line=line
            )
        if event and event not in types:
            raise LexiconError(f"no PLOVER type {event!r}", path=path, line=line)
        mode = _dash(row["mode"])
        if mode and mode not in types[event].modes:
            raise LexiconError(f"{event} has no mode {mode!r}", path=path, line=line)
        ctx = _cells(row["context"])
        bad = [c for c in ctx if c not in contexts]
        if bad:
            raise LexiconError(f"no PLOVER context {bad[0]!r}", path=path, line=line)
        cues[ident] = Cue(
            id=ident,
            event=event,
            mode=mode,
            frame=frame,
            contexts=ctx,
            cues_en=_cells(row["cues_en"]),
            cues_zh=_cells(row["cues_zh"]),
            source=row["source"],
        )
    return cues, str(version)


def load_event_lexicon(
    ontology: tuple[str, str] | None = None, cues: tuple[str, str] | None = None
) -> EventLexicon:
    """The event lexicon from ``(text, path)`` pairs; the built-in files by default."""

    def builtin(name: str) -> tuple[str, str]:
        data = resources.files("readouts").joinpath("data", f"{name}.tsv").read_text("utf-8")
        return data, f"readouts/data/{name}.tsv"

    types, aliases, contexts, v1 = _ontology(*(ontology or builtin("plover")))
    table, v2 = _cues(*(cues or builtin("events")), types, contexts)
    return EventLexicon(types, aliases, contexts, table, {"plover": v1, "events": v2})


@lru_cache(maxsize=1)
def default_event_lexicon() -> EventLexicon:
    return load_event_lexicon()


# --------------------------------------------------------------------------- cues in a text


def cue_hits(
    text: str, language: str, view: str, lexicon: Lexicon, events: EventLexicon
) -> tuple[Hit, ...]:
    """Every cue in ``text`` (acts and event cues merged; the longer of two overlapping
    ones, and on a tie the event cue, is kept), in text order. Cached: the claims of one
    account ask for the same text."""
    return _cue_hits(text, language, view, lexicon, events)


@lru_cache(maxsize=16)
def _cue_hits(
    text: str, language: str, view: str, lexicon: Lexicon, events: EventLexicon
) -> tuple[Hit, ...]:
    found: list[Hit] = []
    for m in lexicon.act_matcher.find(text, language, view):
        act = lexicon.acts.get(m.id)
        if act is None:
            continue
        event, implied = events.resolve(act.plover) if act.plover not in ("", "-") else ("", "")
        frame = "event" if event else "report"
        mode = events.mode(event, act.mode) or implied
        found.append(Hit(m.start, m.end, frame, event, mode, (), act.priority, f"acts:{act.id}"))
    for m in events.matcher.find(text, language, view):
        cue = events.cues[m.id]
        found.append(
            Hit(m.start, m.end, cue.frame, cue.event, cue.mode, cue.contexts, 100, f"events:{m.id}")
        )
    found.sort(key=lambda h: (h.start, -(h.end - h.start), h.priority != 100))
    out: list[Hit] = []
    for h in found:
        if out and h.start < out[-1].end:
            last = out[-1]
            longer = h.end - h.start > last.end - last.start
            tie_event_cue = h.end - h.start == last.end - last.start and h.priority == 100
            if longer or (tie_event_cue and last.priority != 100):
                out[-1] = h
            continue
        out.append(h)
    return tuple(out)


def near(text: str, lang: str, a: int, b: int, limit_en: int, limit_zh: int) -> bool:
    """Is ``b`` close after ``a`` within one clause (``limit_en`` words in English,
    ``limit_zh`` characters in Chinese: each language reads its own)?"""
    return language_for(lang).near(text, a, b, limit_en, limit_zh)
