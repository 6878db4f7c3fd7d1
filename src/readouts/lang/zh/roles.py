"""Chinese roles of an event: the source is the subject before the predicate, the target
the actor after a coverb (向, 对, 同, 与...) or the predicate; 被 marks a passive; "中俄两国"
names two parties by their one-character names (see :mod:`readouts.lang.roles`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from ...lexicon import Lexicon, Match
from ..events import ACTIVE_FRAMES, Hit
from ..roles import Predicate, Roles
from .events import clause_break

__all__ = ["BA_ZH", "ChineseRoles"]

_STOP_ZH = re.compile(r"[。；！？;!?]")
#: "将X列入…": the coverb 将 (do X to ...), not "will"
BA_ZH = re.compile(r"将[^，。；]{1,12}?(?:列入|纳入|视为|作为|定为|认定|移交|送交|交由|提交|遣返)")
# "中俄两国", "中印边境": two parties by their one-character names (from "俄方", "印方")
_PAIR_ZH = re.compile(
    r"(.)(.)(?=两国|双方|两军|三国|两党|边境|海军|空军|陆军|外长|元首|领导人|执法|公安|警方|同为|"
    r"均为|同是|都是)"
)
_COVERB_ZH = re.compile(r"[向对同与和跟给为替朝就]$")
_PASSIVE_ZH = re.compile(r"被|遭到|遭受|受到|遭")
_JOIN_ZH = re.compile(r"^[、及]?$")
_MEET_ZH = re.compile(r"会见|会晤|接见|看望|访问|到访|出访|来访|抵达|前往|致电")
_PLACE_ZH = re.compile(r"在[^，。；]{0,4}$")
# what a Chinese clause is about: "就乌克兰局势交换意见", "围绕中美关系…深入交流"
_TOPIC_ZH = re.compile(
    r"(?:(?<![成造也早])就|围绕|关于|有关)[^，。；]{1,40}?"
    r"(?=交换|进行|表示|达成|深入|坦诚|举行|展开|开展|沟通|磋商|讨论|发表|阐述|介绍|，)"
)

# a leading adverbial or conditional clause, left out when an event follows it
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


def _overlaps(h: Hit, spans: Sequence[tuple[int, int]]) -> bool:
    return any(a < h.end and h.start < b for a, b in spans)


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


class ChineseRoles(Roles):
    join = _JOIN_ZH
    place = _PLACE_ZH
    adverbial = _ADVERBIAL_ZH

    def predicates(self, text: str, start: int, end: int, hits: Sequence[Hit]) -> list[Hit]:
        # objects of a coverb phrase, and the coverb 将, are no predicates
        objects = [m.span() for m in _OBJECT_ZH.finditer(text, start, end)]
        ba = {m.start() for m in BA_ZH.finditer(text, start, end)}
        return [
            h
            for h in hits
            if not (h.frame in ACTIVE_FRAMES and _overlaps(h, objects))
            and not (h.frame == "intent" and h.start in ba)
        ]

    def pairs(self, view: str, lexicon: Lexicon, start: int, end: int) -> list[Match]:
        out = []
        abbrev = _abbreviations(lexicon)
        for pair in _PAIR_ZH.finditer(view, start, end):
            a, b = abbrev.get(pair.group(1)), abbrev.get(pair.group(2))
            if a and b and a != b:
                for k, party in ((pair.start(1), a), (pair.start(2), b)):
                    out.append(Match(k, k + 1, party))
        return out

    def about(self, text: str, body: int, end: int) -> list[tuple[int, int]]:
        # what a clause is about ("就乌克兰局势交换意见") names no role
        return [m.span() for m in _TOPIC_ZH.finditer(text, body, end)]

    def trailing_end(self, text: str, hits: Sequence[Hit], after: int, end: int) -> int:
        m = _STOP_ZH.search(text, after, end)
        stop = m.start() if m else end
        comma = text.find("，", after, stop)
        return comma if comma >= 0 else stop

    def _consult_target(
        self, text: str, choice: Predicate, after: Sequence[Match], coverbed: Sequence[Match]
    ) -> tuple[Match, ...]:
        """Whom one meets: the actor after 同, 与, or the object of a meeting verb
        ("会见美国国务卿") -- never a topic."""
        if coverbed:
            return self.group(text, coverbed)
        direct = _MEET_ZH.search(text, choice.cue.start, choice.cue.end + 2)
        near = [m for m in after if direct and m.start - choice.cue.end <= 12]
        return self.group(text, near)

    def source_and_target(
        self,
        text: str,
        choice: Predicate,
        s_from: int,
        subject: Sequence[Match],
        frame_subject: tuple[Match, ...],
        after: Sequence[Match],
        stop: int,
    ) -> tuple[tuple[Match, ...], tuple[Match, ...]]:
        p = choice.start
        ba = [m.span() for m in BA_ZH.finditer(text, s_from, p + 4)]
        coverbed: list[Match] = []
        for k, m in enumerate(subject):
            prev = subject[k - 1] if k else None
            # "同俄罗斯总统普京": a name right after its party's mention shares its role
            same_np = (
                prev is not None
                and prev in coverbed
                and m.start - prev.end <= 6
                and not clause_break(text, prev.end, m.start)
            )
            in_ba = any(a < m.start < b for a, b in ba)
            if same_np or in_ba or _COVERB_ZH.search(text, max(0, m.start - 1), m.start):
                coverbed.append(m)
        passive = _PASSIVE_ZH.search(text, s_from, p)
        if passive:
            source = self.group(text, [m for m in subject if m.start >= passive.end()])
            target = self.group(text, [m for m in subject if m.end <= passive.start()])
            return source or frame_subject, target
        own = [m for m in subject if m not in coverbed]
        if choice.modal:
            return frame_subject, self.group(text, own) or self.group(text, coverbed)
        source = self.group(text, own) or frame_subject
        if choice.event == "CONSULT":
            return source, self._consult_target(text, choice, after, coverbed)
        return source, self.group(text, coverbed) or self.group(text, after)
