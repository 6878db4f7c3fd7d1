"""Tone words read in context: whose usage a reading belongs to, and whether a word
describes the talks.

**Readings by usage.** What analysts take a tone word to mean depends on the language
and on who uses it: the Foreign Ministry's 关切 is already displeasure, the first rung of
its protest ladder, while "concerns" in a NATO or White House readout is routine
(``../shared/reference/codewords.md`` §3 and its US State Department entries).
``data/tone_usage.tsv`` gives readings by term, language and issuing party;
:func:`reading_of` picks the most specific one, and falls back on the lexicon's own
reading (``data/tone.tsv``).

**Atmosphere of the talks.** An atmosphere word counts as describing the meeting only
where it characterises the talks (codewords.md: "match the phrase and the word it
modifies, not the word alone"): "the meeting was constructive", "candid and
constructive discussions", 此次会晤是积极和建设性的; not "play a constructive role",
"a constructive relationship", 发挥建设性作用, 建立建设性关系. :func:`describes_talks`
reads the word it modifies and the clause it stands in.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from .errors import LexiconError
from .lang import language_for, text_view
from .lexicon import Lexicon, parse_tsv
from .model import Reading, ToneHit

__all__ = ["describes_talks", "reading_of", "talk_hits", "usage_readings"]

#: Terms that name the talks themselves ("exchanged views", 交换了意见).
_TALK_TERMS = frozenset(("exchanged_views", "full_exchange", "respective_positions"))


def describes_talks(text: str, hit: ToneHit, language: str, view: str | None = None) -> bool:
    """Does the atmosphere word ``hit`` characterise the talks themselves? Yes when it
    names them ("exchanged views"), when it modifies a word for the talks or stands in a
    clause about them; no when the word right after it is something else it qualifies
    (a role, relations, cooperation: 建设性作用). ``view`` is the simplified view of a
    Chinese text (same length)."""
    if hit.category != "atmosphere":
        return False
    if hit.term in _TALK_TERMS:
        return True
    lang = language_for(language)
    body = text if view is None else lang.view(text, view)
    return lang.describes_talks(body, hit.start, hit.end)


def talk_hits(reading: Reading) -> list[ToneHit]:
    """The atmosphere words of an account that describe the talks, in text order."""
    acc = reading.account
    view = text_view(acc.text, acc.language)
    return [
        h
        for h in sorted(reading.tone, key=lambda h: h.start)
        if describes_talks(acc.text, h, acc.language, view)
    ]


# --------------------------------------------------------------------------- readings

_COLUMNS = ("id", "language", "party", "reading", "source")


@lru_cache(maxsize=1)
def usage_readings() -> dict[tuple[str, str, str], str]:
    """``data/tone_usage.tsv``: (term, language or *, party or *) -> reading."""
    path = "readouts/data/tone_usage.tsv"
    text = resources.files("readouts").joinpath("data", "tone_usage.tsv").read_text("utf-8")
    _, _, rows = parse_tsv(text, path, _COLUMNS)
    out: dict[tuple[str, str, str], str] = {}
    for line, row in rows:
        if row["language"] not in ("en", "zh", "*"):
            raise LexiconError(
                f"language must be en, zh or *, got {row['language']!r}", path=path, line=line
            )
        out[(row["id"], row["language"], row["party"] or "*")] = row["reading"]
    return out


def reading_of(lexicon: Lexicon, term: str, language: str, party: str = "") -> str:
    """How analysts read tone word ``term`` in an account in ``language`` issued by
    ``party``: the usage reading for that party, then for that language, then the
    lexicon's own reading ("" when there is none)."""
    usage = usage_readings()
    keys = [(term, language, party), (term, "*", party)] if party else []
    for key in (*keys, (term, language, "*")):
        if key in usage:
            return usage[key]
    entry = lexicon.tone.get(term)
    return entry.reading if entry else ""
