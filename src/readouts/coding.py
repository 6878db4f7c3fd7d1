"""Coding: the event one claim reports, as a PLOVER type with its source and target.

A news sentence and a readout's claim are read the same way, in three steps:

1. **Cues.** The speech acts of ``data/acts.tsv`` (each read as its PLOVER type; a plain
   reporting verb such as "said" is a frame) and the cues of ``data/events.tsv`` are
   found in the claim. Where two overlap the longer wins, and one of ``events.tsv`` over
   an act (it is the more specific). A leading adverbial ("With the signing of ...,",
   "在…期间，") is left out.
2. **The event.** The first cue that can carry an event decides, with what it governs in
   its clause: "threatened to break relations" is THREATEN (mode ``relations``), "will
   provide aid" AGREE (PLOVER: a promise of cooperation), "would blockade" THREATEN, "is
   prepared to shell" MOBILIZE, "will not attend" REJECT, "announced a suspension of air
   links" SANCTION, "demanded that ..." REQUEST; "should"/"应" is a REQUEST whose subject is
   its target. A light verb ("staged", "举行") gives way to the event noun after it.
   Nothing is guessed: a claim without a cue has no event.
3. **Roles.** The source is the actor (``data/actors.tsv``) that is the subject of the
   event's clause: the first actor named before the predicate, with those joined to it by
   "and" ("Hungarian and Romanian officials"); after "by" in a passive; the subject of a
   leading reporting verb when the clause names none ("Hungary has said it will ...").
   The target is the first actor after the predicate in the clause (English), or after a
   coverb (向, 对, 同, 与...) or the predicate (Chinese), leaving out who reports it
   (", a newspaper said", "according to ..."). When the sentence names no source, the
   caller falls back on the claim's speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from .lang import en
from .lexicon import Lexicon, Match
from .plover import EventLexicon, clause_break
from .tag import PHRASE_WINDOW

__all__ = ["Coded", "Hit", "code_claim", "cue_hits"]

#: Types that an announcement or decision enacts ("announced it will impose sanctions"
#: is a sanction, "决定放宽限制" an easing); any other conflictual intention is a threat
#: and any other cooperative one a promise (AGREE).
DECLARED = frozenset({"SANCTION", "COERCE", "CONCEDE"})
#: Active frames: cues that can carry or shape the event.
_ACTIVE = frozenset({"event", "intent", "prepare", "refuse", "decision", "modal", "light"})
#: Frames that report who speaks (leading) or who reports the event (trailing).
_REPORT = frozenset({"report", "decision", "attribution"})
#: Words a governed event may be away from its frame (English words, Chinese characters).
_GOVERN_EN = 8
_GOVERN_ZH = 16
_LIGHT_EN = 4
_LIGHT_ZH = 8

_STOP_ZH = re.compile(r"[。；！？;!?]")
_WORD = re.compile(r"\w+")
# words that ask to end what follows ("urged it to stop arming ...", "停止对台军售")
_STOP = re.compile(
    r"\b(?:stop|stopping|halt|cease|end|cancel|abandon|renounce)\b|停止|不要|取消|中止|结束|放弃",
    re.I,
)
# a leading adverbial or conditional clause, left out when an event follows it
_ADVERBIAL_EN = re.compile(
    r"\s*(?:in|on|with|under|after|before|despite|during|following|at(?!\s+(?:least|most)\b)|"
    r"for|amid|amidst|since|last|earlier|later|meanwhile|however|also|upon|as|when|while|"
    r"given|having|through|throughout|over|according|if|unless|should|once)\b[^;]{0,160}?"
    r",(?!\d)",
    re.I,
)
_ADVERBIAL_ZH = re.compile(
    r"\s*(?:(?:在|根据|按照|为了|随着|鉴于|针对|关于|对于|当地时间|应|如果|若|一旦|倘若|假如|"
    r"除非|只要)[^，。；]{0,40}|[\d０-９]+年?[\d０-９]*月?[\d０-９]+日[^，。；]{0,10})，"
)
# Chinese phrases whose cues are objects, not the predicate: "对X的做法表示不满" (the
# verb follows the coverb phrase), "在谈判中作出让步" (a place or occasion)
_OBJECT_ZH = re.compile(
    r"(?:(?<![反应面相绝核比派配])对|就|针对|关于|对于)[^，。；]{1,40}?(?=表示|提出|予以|作出|进行|发表|达成|深表)|"
    r"在[^，。；]{1,24}?(?:中|上|期间|之际|时)(?=[^，。；])"
)
# "将X列入…" is the coverb 将 (do X to ...), not "will"
_BA_ZH = re.compile(r"将[^，。；]{1,12}?(?:列入|纳入|视为|作为|定为|认定|移交|送交|交由|提交|遣返)")
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
# the place of an event: "in Haiti", "in East Timor's capital", "在东京街头"
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
class Hit:
    """A cue found in the text."""

    start: int
    end: int
    frame: str
    event: str  # current PLOVER type, or ""
    mode: str
    contexts: tuple[str, ...]
    priority: int  # the act's priority (acts.tsv); 100 for a cue of events.tsv
    cue: str  # "acts:<id>" or "events:<id>"


@dataclass(frozen=True)
class Coded:
    """The event a claim reports, with the actor mentions that are its source and target."""

    event: str
    mode: str
    start: int  # the cue that names the event
    end: int
    contexts: tuple[str, ...]
    source: tuple[Match, ...]  # actor mentions; () when the sentence names none
    target: tuple[Match, ...]
    modal: bool = False  # a REQUEST made with "should"/"应": the speaker asks its subject
    place: tuple[Match, ...] = ()  # where it happens ("in Haiti", "在东京"), when named


# --------------------------------------------------------------------------- cues


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


# --------------------------------------------------------------------------- the event


def _between_words(text: str, a: int, b: int) -> int:
    return len(_WORD.findall(text, a, b)) if b > a else 0


def _near(text: str, lang: str, a: int, b: int, limit_en: int, limit_zh: int) -> bool:
    """Is ``b`` close after ``a`` within one clause?"""
    if b < a or clause_break(text, a, b, lang):
        return False
    return b - a <= limit_zh if lang == "zh" else _between_words(text, a, b) <= limit_en


@dataclass(frozen=True)
class _Choice:
    event: str
    mode: str
    cue: Hit  # where the event is named
    predicate: int  # where its verb starts (for the roles)
    predicate_end: int
    modal: bool = False


class _Reader:
    def __init__(self, text: str, lang: str, hits: Sequence[Hit], events: EventLexicon):
        self.text = text
        self.lang = lang
        self.hits = list(hits)
        self.ev = events
        self.conditions = [h for h in hits if h.frame == "condition"]

    def _next_active(self, k: int) -> int:
        for j in range(k + 1, len(self.hits)):
            if self.hits[j].frame in _ACTIVE:
                return j
        return -1

    def _governed(self, k: int) -> tuple[Hit | None, bool]:
        """The event cue the frame at ``k`` governs (through light verbs and "will"), and
        whether an intention ("will") stood between."""
        via_intent = False
        j = self._next_active(k)
        anchor = self.hits[k]
        while j >= 0:
            h = self.hits[j]
            if not _near(self.text, self.lang, anchor.end, h.start, _GOVERN_EN, _GOVERN_ZH):
                return None, via_intent
            if h.frame == "event":
                return h, via_intent
            if h.frame == "intent" or h.frame == "light":
                via_intent = via_intent or h.frame == "intent"
                anchor = h
                j = self._next_active(j)
                continue
            return None, via_intent
        return None, via_intent

    def _type(self, name: str):  # type: ignore[no-untyped-def]
        return self.ev.types.get(name)

    def _threat_mode(self, g: Hit) -> str:
        t = self._type("THREATEN")
        if t is not None and g.mode in t.modes:
            return g.mode
        gt = self._type(g.event)
        return gt.threat if gt is not None else ""

    def _future(self, g: Hit) -> tuple[str, str]:
        """What a stated intention to do ``g`` is coded as."""
        gt = self._type(g.event)
        if gt is None or not gt.future:
            return g.event, g.mode
        if gt.future == "THREATEN":
            return "THREATEN", self._threat_mode(g)
        return gt.future, ""

    def _conditional_after(self, pos: int) -> bool:
        return any(c.start >= pos for c in self.conditions)

    def choose(self) -> _Choice | None:
        k = -1
        while True:
            k = self._next_active(k)
            if k < 0:
                return None
            h = self.hits[k]
            f = h.frame
            if f == "light":
                j = self._next_active(k)
                if j >= 0 and _near(
                    self.text, self.lang, h.end, self.hits[j].start, _LIGHT_EN, _LIGHT_ZH
                ):
                    g = self.hits[j]
                    if g.frame == "event":
                        return _Choice(g.event, g.mode, g, h.start, g.end)
                    continue  # another frame follows: it decides
                if h.event:
                    return _Choice(h.event, h.mode, h, h.start, h.end)
                continue
            if f == "event":
                return self._event(k)
            if f == "modal":
                g, _ = self._governed(k)
                mode = self._ask_mode("REQUEST", h, g) if g is not None else ""
                return _Choice("REQUEST", mode, h, h.start, h.end, modal=True)
            g, via_intent = self._governed(k)
            if g is None:
                if h.event:
                    return _Choice(h.event, h.mode, h, h.start, h.end)
                continue
            gt = self._type(g.event)
            if f == "intent":
                event, mode = self._future(g)
            elif f == "prepare":
                conflict = gt is not None and gt.future == "THREATEN"
                event, mode = ("MOBILIZE", "") if conflict else self._future(g)
            elif f == "refuse":
                if gt is not None and gt.ask:
                    event, mode = "REJECT", self._ask_mode("REJECT", h, g)
                elif gt is not None and gt.future == "THREATEN":
                    event, mode = "AGREE", ""  # an assurance not to
                else:
                    event, mode = h.event or "AGREE", ""
            else:  # decision
                if g.event in DECLARED:
                    event, mode = g.event, g.mode
                elif via_intent or h.event:
                    event, mode = self._future(g)
                else:
                    event, mode = g.event, g.mode
                if g.event in DECLARED and self._conditional_after(g.end):
                    event, mode = "THREATEN", self._threat_mode(g)
            return _Choice(event, mode, g, h.start, h.end)

    def _ask_mode(self, event: str, h: Hit, g: Hit) -> str:
        """The REQUEST / REJECT mode of asking for (or refusing) ``g``: asking to stop
        something is asking for a change."""
        if _STOP.search(self.text, h.end, g.start):
            return self.ev.mode(event, "change")
        gt = self._type(g.event)
        return self.ev.mode(event, gt.ask) if gt is not None else ""

    def _event(self, k: int) -> _Choice:
        h = self.hits[k]
        # among act cues within one short phrase, the act lexicon's priority decides
        # ("表示强烈不满和坚决反对" is opposition), as for the claim's act
        if h.priority != 100:
            phrase = [
                x
                for x in self.hits[k:]
                if x.frame == "event" and x.priority != 100 and x.start <= h.start + PHRASE_WINDOW
            ]
            h = min(phrase, key=lambda x: (x.priority, x.start))
        mode = h.mode
        if h.event in ("REQUEST", "REJECT", "THREATEN"):
            g, _ = self._governed(self.hits.index(h))
            if g is not None and not mode:
                if h.event == "THREATEN":
                    mode = self._threat_mode(g)
                else:
                    mode = self._ask_mode(h.event, h, g)
        return _Choice(h.event, mode, h, self.hits[k].start, h.end)


# --------------------------------------------------------------------------- roles


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
        if h.start >= after and h.frame in _REPORT | {"condition"} and h.start < stop:
            comma = text.rfind(",", after, h.start)
            stop = comma if comma >= 0 else h.start
            break
    return stop


def _consult_target(
    text: str, lang: str, choice: _Choice, after: Sequence[Match], coverbed: Sequence[Match]
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
        gap = text[choice.predicate_end : m.start]
        if _WITH_EN.search(gap) or (
            verb in _MEET_EN and _between_words(text, choice.cue.end, m.start) <= 3
        ):
            return _group(text, lang, [x for x in after if x.start >= m.start])
    return ()


def _possessor(text: str, choice: _Choice, mentions: Sequence[Match]) -> tuple[Match, ...]:
    """ "Russia's unprovoked invasion": whose the named event is."""
    for m in mentions:
        if m.end <= choice.cue.start and _POSSESSIVE_EN.match(text[m.end : choice.cue.start]):
            return (m,)
    return ()


def _roles(
    text: str,
    lang: str,
    body: int,
    end: int,
    hits: Sequence[Hit],
    choice: _Choice,
    mentions: Sequence[Match],
) -> tuple[tuple[Match, ...], tuple[Match, ...]]:
    p = choice.predicate
    # "表示强烈不满": a reporting verb right before the event is its verb, not a frame
    leading = [
        h
        for h in hits
        if h.frame in _REPORT
        and body <= h.start
        and h.end <= p
        and not _near(text, lang, h.end, p, 0, 4)
    ]
    frame = leading[-1] if leading else None
    s_from = frame.end if frame else body
    if lang == "zh":  # what a clause is about ("就乌克兰局势交换意见") names no role
        topics = [m.span() for m in _TOPIC_ZH.finditer(text, body, end)]
        mentions = [m for m in mentions if not any(a <= m.start < b for a, b in topics)]
    subject = [m for m in mentions if s_from <= m.start and m.end <= p]
    before_frame = [m for m in mentions if body <= m.start and frame and m.end <= frame.start]
    frame_subject = _group(text, lang, before_frame)
    stop = _trailing_end(text, lang, hits, choice.predicate_end, end)
    after = [m for m in mentions if choice.predicate_end <= m.start and m.end <= stop]
    consult = choice.event == "CONSULT"

    if lang == "zh":
        ba = [m.span() for m in _BA_ZH.finditer(text, s_from, p + 4)]
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


def _place(
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


# --------------------------------------------------------------------------- claims


def _body_start(text: str, lang: str, start: int, end: int, hits: Sequence[Hit]) -> int:
    """Where the claim's main clause starts: after a leading adverbial or conditional
    clause, when an event cue follows it."""
    pattern = _ADVERBIAL_ZH if lang == "zh" else _ADVERBIAL_EN
    m = pattern.match(text, start, end)
    if m and any(h.frame in _ACTIVE and h.start >= m.end() for h in hits):
        return m.end()
    return start


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


def _mentions(
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
        for m in _PAIR_ZH.finditer(view, start, end):
            a, b = abbrev.get(m.group(1)), abbrev.get(m.group(2))
            if a and b and a != b:
                for k, party in ((m.start(1), a), (m.start(2), b)):
                    found.setdefault((k, k + 1), Match(k, k + 1, party))
    return sorted(found.values(), key=lambda m: m.start)


def _in_name(h: Hit, names: Sequence[tuple[int, int]]) -> bool:
    """Does the cue begin or end inside an actor's name ("Amnesty International")? A
    gap pattern may span a name ("give Tanzania a grant")."""
    return any(a <= h.start < b or a < h.end <= b for a, b in names)


def _overlaps(h: Hit, spans: Sequence[tuple[int, int]]) -> bool:
    return any(a < h.end and h.start < b for a, b in spans)


def code_claim(
    text: str,
    language: str,
    start: int,
    end: int,
    *,
    view: str,
    lexicon: Lexicon,
    events: EventLexicon,
) -> Coded | None:
    """The event ``text[start:end]`` reports (see the module doc), or None when it has
    no cue of one."""
    subject = view if language == "zh" else text
    mentions = _mentions(text, language, view, lexicon, start, end)
    names = [(m.start, m.end) for m in mentions]
    every = cue_hits(text, language, view, lexicon, events)
    first = bisect_left(every, start, key=lambda h: h.start)
    hits = []
    for h in every[first:]:
        if h.start >= end:
            break
        if h.end <= end and h.frame != "ignore" and not _in_name(h, names):
            hits.append(h)
    if language == "zh":  # objects of a coverb phrase, and the coverb 将, are no predicates
        objects = [m.span() for m in _OBJECT_ZH.finditer(subject, start, end)]
        ba = {m.start() for m in _BA_ZH.finditer(subject, start, end)}
        hits = [
            h
            for h in hits
            if not (h.frame in _ACTIVE and _overlaps(h, objects))
            and not (h.frame == "intent" and h.start in ba)
        ]
    body = _body_start(subject, language, start, end, hits)
    hits = [h for h in hits if h.start >= body]
    mentions = [m for m in mentions if m.start >= body]
    choice = _Reader(subject, language, hits, events).choose()
    if choice is None:
        return None
    source, target = _roles(subject, language, body, end, hits, choice, mentions)
    place = _place(subject, language, body, end, hits, mentions)
    contexts: dict[str, None] = {}
    for h in (choice.cue, *hits):
        if h is choice.cue or h.frame == "context":
            for c in h.contexts:
                contexts.setdefault(c, None)
    return Coded(
        event=choice.event,
        mode=events.mode(choice.event, choice.mode),
        start=choice.cue.start,
        end=choice.cue.end,
        contexts=tuple(contexts),
        source=source,
        target=target,
        modal=choice.modal,
        place=place,
    )
