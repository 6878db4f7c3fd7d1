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

import re
from functools import lru_cache
from importlib import resources

from .errors import LexiconError
from .lexicon import Lexicon, parse_tsv
from .model import Reading, ToneHit

__all__ = ["describes_talks", "reading_of", "talk_hits", "usage_readings"]

#: Terms that name the talks themselves ("exchanged views", 交换了意见).
_TALK_TERMS = frozenset(("exchanged_views", "full_exchange", "respective_positions"))

#: Words that name the talks (and the verbs of talking), in English and (simplified) Chinese.
_EN_TALKS = re.compile(
    r"\b(?:talks?|meetings?|discussions?|conversations?|calls?|exchanges?|consultations?|"
    r"dialogues?|sessions?|negotiations?|summit|visit|engagement|conference|communications?|"
    r"video\s*conference|videoconference|bilateral|"
    r"discuss(?:ed|es)?|spoke|speaks?|talked|met|meets?|exchanged|conferred)\b",
    re.I,
)
_ZH_TALKS = re.compile(
    r"会谈|会晤|会见|通话|通电话|对话|沟通|交流|磋商|谈话|交谈|晤谈|谈判|交换|讨论|探讨"
)
#: Nouns that, right after the word, show it qualifies something other than the talks.
_EN_OTHER = re.compile(
    r"(?:\s+and\s+[a-z-]+)*\s+(?:role|roles|relations?|relationships?|partnerships?|"
    r"ties|cooperation|approach|approaches|steps?|measures?|efforts?|solutions?|"
    r"attitude|manner|way|contribution|contributions|proposals?|agenda|work|action|actions|"
    r"outcomes?|results?|development|momentum|responses?|force|influence|policy|policies)\b",
    re.I,
)
_ZH_OTHER = re.compile(
    r"(?:[的地]?(?:和|与|、)?[\u4e00-\u9fff]{0,3}?)?"
    r"(?:作用|关系|伙伴|合作|态度|方式|努力|措施|贡献|方案|力量|姿态|行动|成果|发展|影响|步骤)"
)
#: Before the word in its clause: a demand, a wish or an offer, about talks to come
#: ("should hold constructive dialogue", 愿同美方开展建设性对话), not the meeting held.
_EN_MODAL = re.compile(
    r"\b(?:should|must|will|would|shall|ready\s+to|willing\s+to|hopes?\s+to|wants?\s+to|"
    r"urged|called\s+on|calls\s+on|continue\s+to|need\s+to|needs\s+to)\b",
    re.I,
)
_ZH_MODAL = re.compile(r"应当|应该|应|要|愿|希望|期待|必须|继续|将")
#: What ends the clause a word is read in.
_EN_CLAUSE = re.compile(
    r"[.;:!?]|,\s+(?:but|while|which|who|whereas)\b|\s+(?:and|but)\s+(?=\w+ed\b)"
)
_ZH_CLAUSE = re.compile(r"[。；;！？!?，,：:]")


def _clause(text: str, start: int, end: int, zh: bool) -> tuple[int, int]:
    """The clause of ``text`` that holds ``text[start:end]``."""
    mark = _ZH_CLAUSE if zh else _EN_CLAUSE
    lo = 0
    for m in mark.finditer(text, max(0, start - 200), start):
        lo = m.end()
    after = mark.search(text, end, end + 200)
    return lo, (after.start() if after else min(len(text), end + 200))


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
    zh = language == "zh"
    body = view if zh and view is not None else text
    other = _ZH_OTHER if zh else _EN_OTHER
    if other.match(body, hit.end):
        return False
    lo, hi = _clause(body, hit.start, hit.end, zh)
    modal = _ZH_MODAL if zh else _EN_MODAL
    if modal.search(body, lo, hit.start):
        return False
    talks = _ZH_TALKS if zh else _EN_TALKS
    return talks.search(body, lo, hi) is not None


def talk_hits(reading: Reading) -> list[ToneHit]:
    """The atmosphere words of an account that describe the talks, in text order."""
    from .lang import text_view

    acc = reading.account
    view = text_view(acc.text, acc.language) if acc.language == "zh" else None
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
