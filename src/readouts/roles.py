"""Roles: which actors a claim names as the source, the target and the place of its event.

The actors are the mentions of the actor lexicon (``data/actors.tsv``), in Chinese also
the two parties of "中俄两国" (from their one-character names 中方, 俄方). Given the event
:mod:`readouts.coding` chose, the source is the subject of its clause (with the actors
joined to it by "and" / "、"), the agent after "by" / "被" in a passive, or the subject of
a leading reporting verb when the clause names none; for a request made with "should" /
"应" the subject is the target and the speaker the source. The target is the first actor
after the predicate (English), after a coverb (向, 对, 同, 与...) or the predicate
(Chinese); whom one meets is only the actor after "with" / 同 or the object of a meeting
verb. Who reports the event (", a newspaper said", "according to", "据") is neither.
The place is the first actor named after "in" / "在".
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from .lang import en
from .lexicon import Lexicon, Match
from .plover import REPORT_FRAMES, Hit, clause_break, near, words_between

__all__ = ["BA_ZH", "Predicate", "actor_mentions", "place_of", "source_and_target"]

_STOP_ZH = re.compile(r"[。；！？;!?]")
#: "将X列入…": the coverb 将 (do X to ...), not "will"
BA_ZH = re.compile(r"将[^，。；]{1,12}?(?:列入|纳入|视为|作为|定为|认定|移交|送交|交由|提交|遣返)")
# "中俄两国", "中印边境": two parties by their one-character names (from "俄方", "印方")
_PAIR_ZH = re.compile(
    r"(.)(.)(?=两国|双方|两军|三国|两党|边境|海军|空军|陆军|外长|元首|领导人|执法|公安|警方|同为|"
    r"均为|同是|都是)"
)
_PASSIVE_EN = re.compile(r"\b(?:was|were|been|being|is|are|be|got)\s+(?:\w+ly\s+)?$", re.I)
_BY_EN = re.compile(r"\bby\b", re.I)
_JOIN_EN = re.compile(r"^\s*(?:,\s*)?(?:and|&|as well as|,)\s*(?:the\s+)?$", re.I)
_COVERB_ZH = re.compile(r"[向对同与和跟给为替朝就]$")
_PASSIVE_ZH = re.compile(r"被|遭到|遭受|受到|遭")
_JOIN_ZH = re.compile(r"^[、及]?$")
# whom one meets: "with", and the objects of meeting verbs
_WITH_EN = re.compile(r"\b(?:with|and)\b", re.I)
_MEET_EN = frozenset(en.MEETING_VERBS | {"meet", "call", "called", "calls", "telephoned", "phoned"})
_MEET_ZH = re.compile(r"会见|会晤|接见|看望|访问|到访|出访|来访|抵达|前往|致电")
# the place of an event: "in Haiti", "in Nepal's capital", "在东京街头"
_PLACE_EN = re.compile(r"\b(?:in|at|near|across|throughout|inside)\s+(?:[\w-]+\s+){0,4}$", re.I)
_PLACE_ZH = re.compile(r"在[^，。；]{0,4}$")
# "Russia's unprovoked invasion": a possessive before the event noun, two words at most
_POSSESSIVE_EN = re.compile(r"^\s*[’']s\b(?:\s+[\w-]+){0,2}\s*$")
# what a Chinese clause is about: "就乌克兰局势交换意见", "围绕中美关系…深入交流"
_TOPIC_ZH = re.compile(
    r"(?:(?<![成造也早])就|围绕|关于|有关)[^，。；]{1,40}?"
    r"(?=交换|进行|表示|达成|深入|坦诚|举行|展开|开展|沟通|磋商|讨论|发表|阐述|介绍|，)"
)
# a trailing clause that says who reports, or starts something else
_TRAIL_EN = re.compile(
    r",\s*(?:who|which|whose|whom|where|after|before|as|while|because|despite|although|"
    r"following|saying|adding|unless|if|until|when|but|according)\b",
    re.I,
)


@dataclass(frozen=True)
class Predicate:
    """The event chosen in a claim: its type and mode, the cue that names it, and where
    its verb stands (a frame such as "threatened to" or "will" comes before the cue)."""

    event: str
    mode: str
    cue: Hit
    start: int
    end: int
    modal: bool = False  # "should" / "应": the speaker asks the subject


@lru_cache(maxsize=4)
def _abbreviations(lexicon: Lexicon) -> dict[str, str]:
    """One-character Chinese names of parties, from their "X方" names (中方, 俄方...)
    and one-character names; a character two parties share is left out."""
    seen: dict[str, set[str]] = {}
    for actor in lexicon.actors.values():
        if actor.kind == "person":
            continue
        for name in actor.names_zh:
            if len(name) == 2 and name.endswith("方"):
                seen.setdefault(name[0], set()).add(actor.party)
            elif len(name) == 1:
                seen.setdefault(name, set()).add(actor.party)
    return {ch: next(iter(p)) for ch, p in seen.items() if len(p) == 1}


def actor_mentions(
    text: str, lang: str, view: str, lexicon: Lexicon, start: int, end: int
) -> list[Match]:
    """The actor mentions in ``[start, end)``; in Chinese also the two parties of "中俄两国"."""
    every = lexicon.actor_matcher.find(text, lang, view)
    found: dict[tuple[int, int], Match] = {}
    for m in every[bisect_left(every, start, key=lambda m: m.start) :]:
        if m.start >= end:
            break
        if m.end <= end:
            found[(m.start, m.end)] = m
    if lang == "zh":
        abbrev = _abbreviations(lexicon)
        for pair in _PAIR_ZH.finditer(view, start, end):
            a, b = abbrev.get(pair.group(1)), abbrev.get(pair.group(2))
            if a and b and a != b:
                for k, party in ((pair.start(1), a), (pair.start(2), b)):
                    found.setdefault((k, k + 1), Match(k, k + 1, party))
    return sorted(found.values(), key=lambda m: m.start)


def _group(text: str, lang: str, mentions: Sequence[Match]) -> tuple[Match, ...]:
    """The first mention and those joined to it ("X and Y", "X、Y")."""
    if not mentions:
        return ()
    out = [mentions[0]]
    for m in mentions[1:]:
        gap = text[out[-1].end : m.start]
        joined = _JOIN_ZH.match(gap) if lang == "zh" else _JOIN_EN.match(gap)
        if not joined:
            break
        out.append(m)
    return tuple(out)


def _trailing_end(text: str, lang: str, hits: Sequence[Hit], after: int, end: int) -> int:
    """Where the event's clause ends after ``after``: before a trailing report (", a
    newspaper said"), an attribution or a new clause."""
    if lang == "zh":
        m = _STOP_ZH.search(text, after, end)
        stop = m.start() if m else end
        comma = text.find("，", after, stop)
        return comma if comma >= 0 else stop
    stop = end
    semi = text.find(";", after, end)
    if semi >= 0:
        stop = semi
    m = _TRAIL_EN.search(text, after, stop)
    if m:
        stop = m.start()
    for h in hits:
        if h.start >= after and h.frame in REPORT_FRAMES | {"condition"} and h.start < stop:
            comma = text.rfind(",", after, h.start)
            stop = comma if comma >= 0 else h.start
            break
    return stop


def _consult_target(
    text: str, lang: str, choice: Predicate, after: Sequence[Match], coverbed: Sequence[Match]
) -> tuple[Match, ...]:
    """Whom one meets: the actor after "with" / 同, 与, or the object of a meeting verb
    ("visited Russia", "会见美国国务卿") -- never a topic ("discussed Ukraine")."""
    if lang == "zh":
        if coverbed:
            return _group(text, lang, coverbed)
        direct = _MEET_ZH.search(text, choice.cue.start, choice.cue.end + 2)
        near = [m for m in after if direct and m.start - choice.cue.end <= 12]
        return _group(text, lang, near)
    verb = text[choice.cue.start : choice.cue.end].split()[0].lower()
    for m in after:
        gap = text[choice.end : m.start]
        if _WITH_EN.search(gap) or (
            verb in _MEET_EN and words_between(text, choice.cue.end, m.start) <= 3
        ):
            return _group(text, lang, [x for x in after if x.start >= m.start])
    return ()


def _possessor(text: str, choice: Predicate, mentions: Sequence[Match]) -> tuple[Match, ...]:
    """ "Russia's unprovoked invasion": whose the named event is."""
    for m in mentions:
        if m.end <= choice.cue.start and _POSSESSIVE_EN.match(text[m.end : choice.cue.start]):
            return (m,)
    return ()


def source_and_target(
    text: str,
    lang: str,
    body: int,
    end: int,
    hits: Sequence[Hit],
    choice: Predicate,
    mentions: Sequence[Match],
) -> tuple[tuple[Match, ...], tuple[Match, ...]]:
    p = choice.start
    # "表示强烈不满": a reporting verb right before the event is its verb, not a frame
    leading = [
        h
        for h in hits
        if h.frame in REPORT_FRAMES
        and body <= h.start
        and h.end <= p
        and not near(text, lang, h.end, p, 0, 4)
    ]
    frame = leading[-1] if leading else None
    s_from = frame.end if frame else body
    if lang == "zh":  # what a clause is about ("就乌克兰局势交换意见") names no role
        topics = [m.span() for m in _TOPIC_ZH.finditer(text, body, end)]
        mentions = [m for m in mentions if not any(a <= m.start < b for a, b in topics)]
    subject = [m for m in mentions if s_from <= m.start and m.end <= p]
    before_frame = [m for m in mentions if body <= m.start and frame and m.end <= frame.start]
    frame_subject = _group(text, lang, before_frame)
    stop = _trailing_end(text, lang, hits, choice.end, end)
    after = [m for m in mentions if choice.end <= m.start and m.end <= stop]
    consult = choice.event == "CONSULT"

    if lang == "zh":
        ba = [m.span() for m in BA_ZH.finditer(text, s_from, p + 4)]
        coverbed: list[Match] = []
        for k, m in enumerate(subject):
            prev = subject[k - 1] if k else None
            # "同俄罗斯总统普京": a name right after its party's mention shares its role
            same_np = (
                prev is not None
                and prev in coverbed
                and m.start - prev.end <= 6
                and not clause_break(text, prev.end, m.start, lang)
            )
            in_ba = any(a < m.start < b for a, b in ba)
            if same_np or in_ba or _COVERB_ZH.search(text, max(0, m.start - 1), m.start):
                coverbed.append(m)
        passive = _PASSIVE_ZH.search(text, s_from, p)
        if passive:
            source = _group(text, lang, [m for m in subject if m.start >= passive.end()])
            target = _group(text, lang, [m for m in subject if m.end <= passive.start()])
            return source or frame_subject, target
        own = [m for m in subject if m not in coverbed]
        if choice.modal:
            return frame_subject, _group(text, lang, own) or _group(text, lang, coverbed)
        source = _group(text, lang, own) or frame_subject
        if consult:
            return source, _consult_target(text, lang, choice, after, coverbed)
        return source, _group(text, lang, coverbed) or _group(text, lang, after)

    if _PASSIVE_EN.search(text, s_from, choice.cue.start) and not choice.modal:
        by = _BY_EN.search(text, choice.cue.end, stop)
        if by:
            agents = [m for m in after if m.start >= by.end()]
            if agents:
                return _group(text, lang, agents), _group(text, lang, subject)
    if choice.modal:
        return frame_subject, _group(text, lang, subject)
    own = [m for m in subject if not _POSSESSIVE_EN.match(text[m.end : choice.cue.start])]
    source = _group(text, lang, own) or _possessor(text, choice, subject) or frame_subject
    after = [m for m in after if m not in source]
    if consult:
        return source, _consult_target(text, lang, choice, after, ())
    return source, _group(text, lang, after)


def place_of(
    text: str, lang: str, body: int, end: int, hits: Sequence[Hit], mentions: Sequence[Match]
) -> tuple[Match, ...]:
    """The first actor named as the place of the event ("in Haiti", "at a jail in East
    Timor's capital", "在东京"), outside any trailing attribution."""
    stop = _trailing_end(text, lang, hits, body, end)
    pattern = _PLACE_ZH if lang == "zh" else _PLACE_EN
    for m in mentions:
        if m.end <= stop and pattern.search(text[max(body, m.start - 30) : m.start]):
            return (m,)
    return ()
