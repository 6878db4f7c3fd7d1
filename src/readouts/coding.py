"""Coding: the event one claim reports, as a PLOVER type with its source and target.

A news sentence and a readout's claim are read the same way, in three steps:

1. **Cues.** The speech acts of ``data/acts.tsv`` (each read as its PLOVER type; a plain
   reporting verb such as "said" is a frame) and the cues of ``data/events.tsv`` are
   found in the claim. Where two overlap the longer wins, and one of ``events.tsv`` over
   an act (it is the more specific). A leading adverbial ("After the signing of ...,",
   "在…期间，") is left out.
2. **The event.** The first cue that can carry an event decides, with what it governs in
   its clause: "threatened to cut ties" is THREATEN (mode ``relations``), "will send
   aid" AGREE (PLOVER: a promise of cooperation), "would block the roads" THREATEN, "is
   poised to strike" MOBILIZE, "will not attend" REJECT, "announced a suspension of
   flights" SANCTION, "demanded that ..." REQUEST; "should"/"应" is a REQUEST whose subject
   is its target. A light verb ("staged", "举行") gives way to the event noun after it.
   Nothing is guessed: a claim without a cue has no event.
3. **Roles** (:mod:`readouts.roles`): the source is the subject of the event's clause,
   the agent of a passive, or the subject of a leading "said"; the target the actor after
   the predicate or a Chinese coverb; who reports the event is neither. When the sentence
   names no source, the caller falls back on the claim's speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from .lang import language_for
from .lexicon import Lexicon, Match
from .plover import ACTIVE_FRAMES, EventLexicon, EventType, Hit, cue_hits, near
from .roles import Predicate, actor_mentions, place_of, source_and_target
from .tag import PHRASE_WINDOW

__all__ = ["DECLARED", "Coded", "code_claim"]

#: Types that an announcement or decision enacts ("announced it will impose sanctions"
#: is a sanction, "决定放宽限制" an easing); any other conflictual intention is a threat
#: and any other cooperative one a promise (AGREE).
DECLARED = frozenset({"SANCTION", "COERCE", "CONCEDE"})
#: Words a governed event may be away from its frame (English words, Chinese characters).
_GOVERN_EN = 8
_GOVERN_ZH = 16
_LIGHT_EN = 4
_LIGHT_ZH = 8

_WORD = re.compile(r"\w+")
# words that ask to end what follows ("urged it to stop arming ...", "停止对台军售")
_STOP = re.compile(
    r"\b(?:stop|stopping|halt|cease|end|cancel|abandon|renounce)\b|停止|不要|取消|中止|结束|放弃",
    re.I,
)


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


# --------------------------------------------------------------------------- the event


class _Reader:
    def __init__(self, text: str, lang: str, hits: Sequence[Hit], events: EventLexicon):
        self.text = text
        self.lang = lang
        self.hits = list(hits)
        self.ev = events
        self.conditions = [h for h in hits if h.frame == "condition"]

    def _next_active(self, k: int) -> int:
        for j in range(k + 1, len(self.hits)):
            if self.hits[j].frame in ACTIVE_FRAMES:
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
            if not near(self.text, self.lang, anchor.end, h.start, _GOVERN_EN, _GOVERN_ZH):
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

    def _type(self, name: str) -> EventType | None:
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

    def choose(self) -> Predicate | None:
        k = -1
        while True:
            k = self._next_active(k)
            if k < 0:
                return None
            h = self.hits[k]
            f = h.frame
            if f == "light":
                j = self._next_active(k)
                if j >= 0 and near(
                    self.text, self.lang, h.end, self.hits[j].start, _LIGHT_EN, _LIGHT_ZH
                ):
                    g = self.hits[j]
                    if g.frame == "event":
                        return Predicate(g.event, g.mode, g, h.start, g.end)
                    continue  # another frame follows: it decides
                if h.event:
                    return Predicate(h.event, h.mode, h, h.start, h.end)
                continue
            if f == "event":
                return self._event(k)
            if f == "modal":
                asked, _ = self._governed(k)
                mode = self._ask_mode("REQUEST", h, asked) if asked is not None else ""
                return Predicate("REQUEST", mode, h, h.start, h.end, modal=True)
            governed, via_intent = self._governed(k)
            if governed is None:
                if h.event:
                    return Predicate(h.event, h.mode, h, h.start, h.end)
                continue
            g = governed
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
            return Predicate(event, mode, g, h.start, h.end)

    def _ask_mode(self, event: str, h: Hit, g: Hit) -> str:
        """The REQUEST / REJECT mode of asking for (or refusing) ``g``: asking to stop
        something is asking for a change."""
        if _STOP.search(self.text, h.end, g.start):
            return self.ev.mode(event, "change")
        gt = self._type(g.event)
        return self.ev.mode(event, gt.ask) if gt is not None else ""

    def _event(self, k: int) -> Predicate:
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
        return Predicate(h.event, mode, h, self.hits[k].start, h.end)


# --------------------------------------------------------------------------- claims


def _body_start(text: str, lang: str, start: int, end: int, hits: Sequence[Hit]) -> int:
    """Where the claim's main clause starts: after a leading adverbial or conditional
    clause, when an event cue follows it."""
    m = language_for(lang).roles().adverbial.match(text, start, end)
    if m and any(h.frame in ACTIVE_FRAMES and h.start >= m.end() for h in hits):
        return m.end()
    return start


def _in_name(h: Hit, names: Sequence[tuple[int, int]]) -> bool:
    """Does the cue begin or end inside an actor's name ("Amnesty International")? A
    gap pattern may span a name ("give Malawi a loan")."""
    return any(a <= h.start < b or a < h.end <= b for a, b in names)


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
    lang = language_for(language)
    subject = lang.view(text, view)
    mentions = actor_mentions(text, language, view, lexicon, start, end)
    names = [(m.start, m.end) for m in mentions]
    every = cue_hits(text, language, view, lexicon, events)
    first = bisect_left(every, start, key=lambda h: h.start)
    hits = []
    for h in every[first:]:
        if h.start >= end:
            break
        if h.end <= end and h.frame != "ignore" and not _in_name(h, names):
            hits.append(h)
    hits = lang.roles().predicates(subject, start, end, hits)
    body = _body_start(subject, language, start, end, hits)
    hits = [h for h in hits if h.start >= body]
    mentions = [m for m in mentions if m.start >= body]
    choice = _Reader(subject, language, hits, events).choose()
    if choice is None:
        return None
    source, target = source_and_target(subject, language, body, end, hits, choice, mentions)
    place = place_of(subject, language, body, end, hits, mentions)
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
