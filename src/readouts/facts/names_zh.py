"""Who met whom, in Chinese: the meeting sentence, its subject and its object.

The meeting sentence is the first sentence (of the first few) with a meeting verb: 会见,
会谈, 同…举行…通话. Its subject (the clause before 同X or 会见X, up to 在, 应约, 应邀 or
于) names the *principals*; the object (同X, 会见X, 对X进行访问) names the *counterparts*.
Titles before a name are its role ("中共中央政治局委员、外交部长王毅"), as in
新加坡总理黄循财.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..lang.dates import DateMention
from ..model import Sentence
from ._base import MEETING_WINDOW, FormatCues, Party, ReaderBase
from .format import _ZH_INPERSON, _ZH_PHONE, _ZH_PLACE, _ZH_SIDELINES, _ZH_VIDEO
from .request import _ZH_INVITE, _ZH_REQUEST, _who

__all__ = ["ChineseNames"]

_ZH_MEETING = re.compile(
    r"会见|会谈|会晤|通电话|通话|视频通话|致电|接见|见面|举行|出席|共同主持|主持|访问"
)
_ZH_WITH = re.compile(
    r"(?:同|与|和)(?P<who>[^，。；]{2,40}?)"
    r"(?=(?:在[^，。；]{1,20}?)?(?:举行|通电话|通话|会谈|会晤|见面|进行|共同|视频|电话|交谈|一道|一起))"
    r"|(?:会见|接见|致电|会晤|宴请)(?:了)?(?P<obj>[^，。；]{2,40}?)(?=[，。；]|时|并|$)"
    r"|对(?P<to>[^，。；]{2,20}?)进行[^，。；]{0,6}访问"
)
_ZH_SUBJECT_STOP = re.compile(r"在|应约|应邀|应|同|与|会见|接见|致电|出席|举行|通电话|于|当天|日前")


def _split_zh(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    a = start
    for m in re.finditer(r"[、和及]|以及", text[start:end]):
        b = start + m.start()
        # "和" inside a name or title is rare; split only when both sides are long enough
        if b - a >= 2 and end - (start + m.end()) >= 2:
            out.append((a, b))
            a = start + m.end()
    out.append((a, end))
    return out


class ChineseNames(ReaderBase):
    """How the reader finds people, groups and sides in a Chinese account."""

    def _person_zh(self, start: int, end: int) -> Party | None:
        text = self.text
        while start < end and text[start] in " ，、的":
            start += 1
        while end > start and text[end - 1] in " ，、":
            end -= 1
        if end - start < 2:
            return None
        piece = text[start:end]
        found = self._mentions(start, end)
        persons = [m for m in found if self.lexicon.actors[m.id].kind == "person"]
        sides = [m for m in found if self.lexicon.actors[m.id].kind != "person"]
        party = self._party_in(start, end)
        lead = next((x for x in sides if x.start == start), None)
        if persons:
            m = persons[-1]
            actor = self.lexicon.actors[m.id]
            role = text[lead.end if lead else start : m.start]
            affiliation = text[lead.start : lead.end] if lead else ""
            name = actor.name_zh
            return Party(
                name,
                role,
                actor.party,
                affiliation,
                "person",
                start=start,
                end=end,
                name_start=m.start,
            )
        best, title = -1, ""
        for t in self.words.zh_titles:
            k = piece.rfind(t)
            if k >= 0 and k + len(t) > best:
                best, title = k + len(t), t
        if best < 0:
            kind = "side" if party else "group"
            return Party(piece, "", party, "", kind, start=start, end=end, name_start=start)
        name = piece[best:]
        role_start = piece.find(title)
        if lead:
            affiliation, role = text[lead.start : lead.end], text[lead.end : start + best]
        else:
            affiliation, role = piece[:role_start], piece[role_start:best]
        kind = "person" if name else "title"  # "美国总统" alone: a title without a name
        return Party(
            name, role, party, affiliation, kind, start=start, end=end, name_start=start + best
        )

    def _people_zh(self, start: int, end: int) -> list[Party]:
        """ "中共中央政治局委员、外交部长王毅": titles before a name are its role."""
        text = self.text
        parties: list[Party] = []
        for a, b in _split_zh(text, start, end):
            p = self._person_zh(a, b)
            if p is None:
                continue
            if parties and parties[-1].kind == "title":
                prev = parties.pop()
                p.role = text[prev.start : p.name_start].removeprefix(prev.affiliation)
                p.affiliation = p.affiliation or prev.affiliation
                p.party = p.party or prev.party
                p.start = prev.start
            parties.append(p)
        for p in parties:
            if p.kind == "title":
                p.kind = "person"
        return parties

    def participants_zh(
        self, sents: Sequence[Sentence]
    ) -> tuple[list[Party], Sentence | None, re.Match[str] | None]:
        text = self.text
        for s in sents[:MEETING_WINDOW]:
            verb = _ZH_MEETING.search(text, s.start, s.end)
            if not verb:
                continue
            w = _ZH_WITH.search(text, s.start, s.end)
            anchor = min(w.start() if w else verb.start(), verb.start())
            # the subject: the clause before "同X"/"会见X", up to 在/应约/应邀/于
            cut = max(text.rfind("，", s.start, anchor), text.rfind(",", s.start, anchor))
            subj_start = cut + 1 if cut >= 0 else s.start
            stop = _ZH_SUBJECT_STOP.search(text, subj_start, anchor)
            subj_end = stop.start() if stop else anchor
            people = self._people_zh(subj_start, subj_end)
            for p in people:
                p.position = "principal"
                p.party = p.party or self.account.party
            if w:
                g = next(g for g in ("who", "obj", "to") if w.group(g))
                for p in self._people_zh(w.start(g), w.end(g)):
                    p.position = "counterpart"
                    people.append(p)
            if people:
                return people, s, verb
        return [], None, None

    def title_counterparts(self, title: str) -> tuple[list[Party], str]:
        return [], ""  # the title patterns read English only

    def title_principals(self, title: str) -> list[Party]:
        return []

    def title_says_video(self, sents: Sequence[Sentence]) -> bool:
        return False

    def title_place(self, title: str) -> str:
        return ""

    def before_purpose(self, s: Sentence, inside: list[DateMention]) -> list[DateMention]:
        return inside

    def next_opening_day(self, nxt: Sentence, dates: Sequence[DateMention]) -> list[DateMention]:
        return []

    def format_cues(self, s: Sentence, verb: re.Match[str] | None) -> FormatCues:
        text = self.text
        a, b = s.start, s.end
        v = _ZH_VIDEO.search(text, a, b)
        side = _ZH_SIDELINES.search(text, a, b)
        ph = _ZH_PHONE.search(text, a, b)
        inp = _ZH_INPERSON.search(text, a, b)
        by_verb = None
        return v, side, ph, inp, by_verb

    def phone_over(self, ph: re.Match[str], inp: re.Match[str] | None) -> bool:
        """A phone cue makes a call wherever it stands (会见 may name the talks too)."""
        return True

    def place(self, s: Sentence, people: Sequence[Party]) -> tuple[str, tuple[int, int]]:
        text = self.text
        m = _ZH_PLACE.search(text, s.start, s.end)
        if m and not re.search(r"出席|参加|期间|访问期间", m.group("place")):
            return m.group("place"), (m.start("place"), m.end("place"))
        return "", (-1, -1)

    def asked(
        self, window: Sequence[Sentence], counter: Sequence[Party], invite: bool
    ) -> tuple[str, str, tuple[int, int]]:
        text = self.text
        a, b = window[0].start, window[-1].end
        rx = _ZH_INVITE if invite else _ZH_REQUEST
        m = rx.search(text, a, b)
        if not m:
            return "", "", (-1, -1)
        if m.group("who"):
            party, name = _who(self, m.start("who"), m.end("who"), counter)
        else:
            party, name = _who(self, -1, -1, counter)
        return party, name, (m.start(), m.end())

    participants = participants_zh
    people = _people_zh
