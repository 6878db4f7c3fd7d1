"""How and where: the meeting's format, its place, and the event it was held at.

The format is ``video`` (video call, virtual meeting, 视频), ``phone`` (call, telephone,
"spoke with", 通电话), ``sidelines`` (on the margins of an event, at a summit, 期间) or
``in_person`` (met, hosted, 会见, 会谈). The verb of the meeting sentence decides; a
modifier of that verb ("virtual", "by phone") overrides it. The place ("in Malta", "at
the White House", 在北京) and the event of a sidelines meeting ("the G20 Summit",
二十国集团峰会) come from the same sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Sentence
from ._base import Party, ReaderBase
from .dates import MONTH, WD

__all__ = ["meeting_format", "meeting_place", "title_place"]

_EN_VIDEO = re.compile(
    r"\b(?:secure\s+)?video(?:\s*-?\s*(?:call|conference|link|teleconference|meeting|chat))?\b"
    r"|\bvideoconferenc\w*|\bvirtual(?:ly)?\b|\bvia\s+zoom\b|\bby\s+video\b",
    re.I,
)
_EN_PHONE_WORD = re.compile(r"\b(?:by\s+)?(?:tele)?phone(?:\s+call)?\b|\bcall(?:ed|s)?\b", re.I)
_EN_PURPOSE = re.compile(
    r"\s+to\s+(?:discuss|review|reaffirm|underscore|coordinate|express|prepare|follow|continue|"
    r"consult|convey|congratulate|share|build|advance|mark|highlight|hear|ensure|talk|honor|"
    r"demonstrate|thank|offer|provide|receive|welcome|address|celebrate|emphasize|affirm|"
    r"strengthen|deepen|explore|launch|announce|commemorate|check|update|learn)\b"
    r"|\s+(?:focused|regarding|about)\b|,\s+(?:who|which|where)\b"
)
_EN_SIDELINES = re.compile(
    r"\b(?:on|in|at)\s+the\s+(?:margins|sidelines|sideline|margin)\s+of\s+(?P<event>[^,.;]+?)"
    r"(?=\s+(?:to|in|where|on|and\s+(?:discussed|reaffirmed|thanked))\b|[,.;]|$)"
    r"|\bon\s+the\s+(?:margins|sidelines)\b",
    re.I,
)
_EVENT_NOUN = (
    r"(?:Summit|Conference|Forum|General\s+Assembly|Assembly|Leaders[’']?\s+Meeting|"
    r"Ministerial|Dialogue|Games|Olympics|COP\s?\d+|Week|Meeting\s+of\s+[A-Z][\w\s]+)"
)
_EN_AT_EVENT = re.compile(
    rf"\b(?:at|during)\s+(?P<event>the\s+(?:[A-Z0-9][\w’'.&-]*\s+|of\s+|the\s+|and\s+)*?"
    rf"{_EVENT_NOUN}(?:\s+(?:of|in|on)\s+(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*)?)"
)
_EN_INPERSON = re.compile(
    r"\b(?:met|meet|meets|meeting|hosted|hosts|welcomed|received|visited|visit|in\s+person|"
    r"bilateral\s+meeting|convened|traveled|travelled|sat\s+down)\b",
    re.I,
)
_PLACE_WORD = r"[A-Z][\w’'.-]*"
#: The last word of a named venue ("the Naval Observatory", "the Blair House").
_VENUE = (
    r"Palace|House|Hotel|Guesthouse|Embassy|Residence|Observatory|Building|Center|Centre|"
    r"Hall|Castle|Villa|Estate|Headquarters|Ranch|Museum|Library|Cathedral|Airport|Base|"
    r"Compound|Room|Chancery|Consulate|Mansion|Lodge|Garden|Gardens|Square|Fort|Castle"
)
#: What after a comma starts a person, not a state: "In Jerusalem, Mr. Sullivan met".
_TITLE_AFTER = (
    r"(?:Mr|Mrs|Ms|Dr|Sir|President|Prime|Vice|Secretary|Minister|Chancellor|King|Queen|Crown|"
    r"Premier|Governor|Senator|Ambassador|Director|General|Admiral|Deputy|National|Special)\b"
)
_EN_PLACE = re.compile(
    rf"\b[Ii]n\s+(?P<place>(?:the\s+)?{_PLACE_WORD}(?:\s+(?:of\s+)?{_PLACE_WORD})*"
    rf"(?:,\s+(?!{_TITLE_AFTER}){_PLACE_WORD}(?:\s+{_PLACE_WORD})?"
    r"(?=[,.;]|\s+(?:to|on|and|for|at|in|with)\b|$))?)"
    r"|\b(?:at|to)\s+(?P<at>the\s+(?:White\s+House|Oval\s+Office|Roosevelt\s+Room|"
    r"Cabinet\s+Room|State\s+Department|Pentagon|Kremlin|Elysée|Elysee|Chancellery|"
    r"Great\s+Hall\s+of\s+the\s+People|Diaoyutai\s+State\s+Guesthouse|"
    # a named venue: "the Naval Observatory", "the Vice President's Residence"
    rf"(?:[A-Z][\w’'.-]*\s+){{1,4}}(?:{_VENUE})\b))"
    r"|\bat\s+(?P<camp>Camp\s+David|Mar-a-Lago|Filoli\s+Estate|Woodside)"
)
_NOT_PLACE = re.compile(
    rf"^(?:the\s+)?(?:{MONTH}|{WD}|Washington’s|Russia’s|China’s|Ukraine’s|His|Her|"
    r"Support|Addition|Particular|Person|Response|Light|Order|Line|Keeping|Recent|Both|"
    r"Advance|Furtherance|Coordination|Partnership|Conjunction|Memory|Honor|Honour|Celebration)\b"
)
_ZH_VIDEO = re.compile(r"视频|云会晤|线上|以视频方式|远程")
_ZH_PHONE = re.compile(r"通电话|通话|电话|致电")
_ZH_SIDELINES = re.compile(
    r"在(?:出席|参加|访问)?(?P<event>[^，。；]{2,30}?)(?:期间|间隙|之际)|(?:期间|间隙)"
)
_ZH_INPERSON = re.compile(r"会见|会谈|会晤|见面|接见|举行会谈|访问|共进")
_ZH_PLACE = re.compile(
    r"在(?P<place>[^，。；、]{2,14}?)(?=会见|会谈|会晤|举行|同|与|接见|主持|共同|见面)"
)


def _purpose(text: str, a: int, b: int) -> int:
    """Where the purpose clause of a meeting sentence begins ("... to discuss ..."), else b."""
    m = _EN_PURPOSE.search(text, a, b)
    return m.start() if m else b


def meeting_format(
    reader: ReaderBase, s: Sentence | None, verb: re.Match[str] | None
) -> tuple[str, tuple[int, int], str, tuple[int, int]]:
    """(format, span, event, event span) from the meeting sentence."""
    none = ("", (-1, -1), "", (-1, -1))
    if s is None:
        return none
    text = reader.text
    a, b = s.start, s.end
    v, side, ph, inp, by_verb = reader.format_cues(s, verb)
    event, event_span = "", (-1, -1)
    if side and side.groupdict().get("event"):
        event = side.group("event").strip()
        event_span = (side.start("event"), side.start("event") + len(event))
    if v:
        return "video", (v.start(), v.end()), event, event_span
    if by_verb is not None and verb is not None:
        fmt, (vs, ve) = by_verb
        if (
            fmt == "phone"
            and ph is None
            and (re.search(r"\bin\s+person\b", text[a:b]) or side is not None)
        ):
            fmt = "in_person"
        if fmt == "in_person" and ph is not None and re.search(r"by\s+(?:tele)?phone", ph.group(0)):
            return "phone", (ph.start(), ph.end()), "", (-1, -1)
        if fmt == "phone" and ph is not None and re.search(r"phone|call", ph.group(0), re.I):
            return "phone", (ph.start(), ph.end()), "", (-1, -1)  # "spoke by phone"
        if fmt == "in_person" and side is not None:
            return "sidelines", (side.start(), side.end()), event, event_span
        if fmt:
            return (
                fmt,
                (vs, ve),
                event if fmt != "phone" else "",
                event_span if fmt != "phone" else (-1, -1),
            )
    if side:
        return "sidelines", (side.start(), side.end()), event, event_span
    if ph and reader.phone_over(ph, inp):
        return "phone", (ph.start(), ph.end()), "", (-1, -1)
    if inp:
        return "in_person", (inp.start(), inp.end()), "", (-1, -1)
    return none


def _verb_format(verb: re.Match[str]) -> tuple[str, tuple[int, int]] | None:
    """The format the meeting verb itself implies: "met" in person, "spoke"/"called" phone."""
    g = verb.groupdict()
    key = "v1" if g.get("v1") else "v0"
    if g.get(key):
        word = g[key].lower()
        span = (verb.start(key), verb.end(key))
        if word.startswith(("spoke", "speak", "talk")):
            return "phone", span
        if word.startswith(("met", "meet", "visited")):
            return "in_person", span
        return None
    if g.get("v2"):
        noun = g["noun"].lower()
        span = (verb.start("noun"), verb.end("noun"))
        if noun.startswith("call"):
            return "phone", span
        if noun.startswith("video"):
            return "video", span
        if noun.startswith(("conversation", "exchange", "consultation", "discussion", "briefing")):
            return None
        return "in_person", span
    if g.get("v4"):
        word = g["v4"].lower()
        span = (verb.start("v4"), verb.end("v4"))
        if "called" in word:
            return "phone", span
        if "briefed" in word:
            return None
        return "in_person", span
    if g.get("v3"):
        word = g["v3"].lower()
        span = (verb.start("v3"), verb.end("v3"))
        if word.startswith("call"):
            return "phone", span
        if word.startswith(("convene", "join")):
            return None
        return "in_person", span
    return None


def meeting_place(
    reader: ReaderBase, s: Sentence | None, people: Sequence[Party]
) -> tuple[str, tuple[int, int]]:
    if s is None:
        return "", (-1, -1)
    return reader.place(s, people)


_TITLE_PLACE = re.compile(
    r"\b(?:in|at)\s+(?P<place>(?:the\s+)?[A-Z][\w’'.-]*(?:,?\s+(?:of\s+)?[A-Z][\w’'.-]*){0,3})"
    r"\s*$"
)


def title_place(title: str) -> str:
    """Where the title says the meeting was, at its end ("Readout of Peace Talks in
    Geneva"); "" when it does not say. Its span is (-1, -1): read from the title."""
    m = _TITLE_PLACE.search(title.strip())
    if m is None or _NOT_PLACE.match(m.group("place")):
        return ""
    return m.group("place")
