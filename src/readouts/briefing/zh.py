"""Chinese for the brief: numbers, dates, lists, headings, and where a quotation starts.

The brief (:mod:`readouts.briefing`) is planned once and phrased from the templates in
``data/brief_phrases.tsv``; what cannot live in a template lives here: counting words
(两项, not 二项), dates (2021年9月27日), lists joined with 、 and 和, numbered headings
(一、二、…), and how a Chinese claim opens ("王毅表示，…": speaker, reporting verb,
comma), so that the brief can quote what was said without the words that report it.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..lexicon import Match

__all__ = [
    "LEADING_WORDS",
    "date_zh",
    "heading_zh",
    "join_zh",
    "lead_zh",
    "number_zh",
    "ymd",
]

_DIGITS = "零一二三四五六七八九"

#: Words that open a clause but belong to the sentence around it, not to the point quoted.
LEADING_WORDS = ("但是", "但", "而且", "并且", "同时", "此外", "并", "而", "且")

#: Adverbs that may stand between a speaker and the reporting verb ("王毅还表示").
_ADVERBS = ("再次", "进一步", "还", "也", "又", "则", "均", "都", "一致", "同样")

#: Reporting verbs and the like that a speaker's words follow; the act lexicon's cues
#: are tried first, these catch what it leaves out.
_VERBS = ("表示", "指出", "强调", "认为", "说", "称", "介绍", "阐述了", "阐述", "阐明", "重申")

_SEPARATORS = "，：:,"


def _numeral(n: int) -> str:
    if 0 <= n < 10:
        return _DIGITS[n]
    if 10 <= n < 100:
        tens, ones = divmod(n, 10)
        head = "" if tens == 1 else _DIGITS[tens]
        return head + "十" + (_DIGITS[ones] if ones else "")
    return str(n)


def number_zh(n: int) -> str:
    """A count in Chinese numerals (两 for two, as in 两项); digits from 100 up."""
    return "两" if n == 2 else _numeral(n)


def date_zh(iso: str, until: str = "") -> str:
    """``2021-09-27`` as 2021年9月27日, ``--03-18`` (no year) as 3月18日; with ``until`` in the
    same month, a range (9月16日至17日)."""
    year, month, day = ymd(iso)
    if not (month.isdigit() and day.isdigit()):
        return iso
    out = (f"{year}年" if year.isdigit() else "") + f"{int(month)}月{int(day)}日"
    _, month_end, day_end = ymd(until) if until else ("", "", "")
    if month_end == month and day_end.isdigit() and day_end != day:
        out += f"至{int(day_end)}日"
    return out


def ymd(iso: str) -> tuple[str, str, str]:
    """Year, month and day of an ISO date; ``--MM-DD`` (no year) gives an empty year."""
    if iso.startswith("--"):
        month, _, day = iso[2:].partition("-")
        return "", month, day
    parts = [*iso.split("-"), "", ""]
    return parts[0], parts[1], parts[2]


def join_zh(items: Sequence[str]) -> str:
    """甲、乙和丙."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return "、".join(items[:-1]) + "和" + items[-1]


def heading_zh(index: int, text: str) -> str:
    """一、会晤概况: a numbered section heading."""
    return f"{_numeral(index + 1)}、{text}"


def lead_zh(view: str, pos: int, end: int, cues: Sequence[Match]) -> tuple[int, int] | None:
    """Where the reporting verb after a speaker ends, and where the words it reports start.

    ``view`` is the simplified text, ``pos`` the end of the speaker's name and ``end`` the
    end of the claim. Returns ``(verb_end, rest_start)`` (``verb_end`` includes a comma or
    colon after the verb), or None when no reporting verb follows the speaker.
    """
    at = pos
    moved = True
    while moved:
        moved = False
        for adverb in _ADVERBS:
            if view.startswith(adverb, at) and at + len(adverb) < end:
                at += len(adverb)
                moved = True
                break
    verb_end = -1
    while True:
        hit = next((m for m in cues if m.start == at and m.end <= end), None)
        if hit is not None:
            at = verb_end = hit.end
            continue
        word = next((v for v in _VERBS if view.startswith(v, at) and at + len(v) <= end), None)
        if word is not None:
            at = verb_end = at + len(word)
            continue
        if verb_end > 0 and view.startswith("了", at):
            at = verb_end = at + 1
            continue
        break
    if verb_end < 0:
        return None
    if verb_end < end and view[verb_end] in _SEPARATORS:
        verb_end += 1
    rest = verb_end
    if end - rest < 4:
        return None
    return verb_end, rest
