"""Chinese attribution: the subject before a reporting or agent verb ("王毅表示",
"习近平4月2日晚应约同…通电话"), names the lexicon does not know learnt from "title + name"
("外交部副部长孙卫东"), both sides opening a new report ("双方还就…"), and demands made of
the other side ("美方应恪守…") told from its speech (see :mod:`readouts.lang.attribution`)."""

from __future__ import annotations

import re
from functools import lru_cache

from ...lexicon import Actor, Lexicon, Match
from ...model import Speaker
from ..attribution import Attributor
from . import (
    ADVERBS,
    AGENT_VERBS,
    BOTH_SIDES,
    PERSON_PRONOUNS,
    REPORTING_VERBS,
    SPEECH_VERBS,
    TITLE_ROLES,
    TITLES,
)

__all__ = ["ChineseAttributor"]

_ZH_VERBS = tuple(sorted((*REPORTING_VERBS, *AGENT_VERBS), key=len, reverse=True))
# where a Chinese subject ends: a preposition or the request marker after the name
_ZH_SUBJECT_END = re.compile(r"应约|应邀|应[^，。；]{1,12}?(?:请求|邀请)|[就向对同与在把将从于给]")
_ZH_ADVERBS = ADVERBS
# longest first, so that "副总统" is read as itself and not as "总统"
_ZH_TITLES = tuple(sorted(TITLES, key=len, reverse=True))
_ZH_TITLED_NAME = re.compile(
    "(?:" + "|".join(_ZH_TITLES) + ")"
    r"(?P<name>[\u4e00-\u9fff]{2,5}?)"
    r"(?=表示|指出|强调|说|认为|会见|会晤|会谈|同|与|在|应约|应邀|召见|接见|举行|通电话|，|。|、|和)"
)
_ZH_WHEN = re.compile(r"[\d０-９]{1,4}(?:年|月|日)[\d０-９年月日]*(?:[上下中]午|晚间?|早上?|凌晨)?")
_ZH_MODAL = re.compile(r"(?:也|还|则|更)?(?:应|应当|应该|必须|需要|须|要|不应|不要|勿|停止)")
_ZH_NOT_NAME_START = set("在同与的和等及对就向为将把从中美双我你他她该此其各")


@lru_cache(maxsize=8)
def _zh_names(lexicon: Lexicon) -> frozenset[str]:
    """Every Chinese name of every actor of a lexicon."""
    return frozenset(n for a in lexicon.actors.values() for n in a.names_zh)


class ChineseAttributor(Attributor):
    titles = _ZH_TITLES
    pronouns = PERSON_PRONOUNS
    both_phrases = BOTH_SIDES

    def _learn_names(self) -> None:
        """Chinese names the lexicon does not know, from "title + name" ("外交部副部长孙卫东"):
        the party is a country or organisation named just before the title, or else the
        issuer's."""
        known = _zh_names(self.lexicon)
        for m in _ZH_TITLED_NAME.finditer(self.view):
            name = m.group("name")
            for title in (*_ZH_TITLES, "兼"):
                name = name.split(title)[
                    -1
                ]  # "国务委员兼外长王毅": the name is after the last title
            if (
                len(name) < 2
                or name in known
                or name[0] in _ZH_NOT_NAME_START
                or name in self.names
            ):
                continue
            before = [
                x
                for x in self.mentions.starting_in(m.start() - 12, m.start("name"))
                if self.lexicon.actors[x.id].kind != "person"
            ]
            party = self.lexicon.party_of(before[-1].id) if before else self.account.party
            self.names[name] = party

    def _learn_title_roles(self, key: str, actor: Actor, m: Match) -> None:
        for title, roles in TITLE_ROLES.items():
            if any(key.startswith(r.replace("-", " ")) for r in roles):
                self.state.roles.setdefault(title, self._person(actor.id, m))

    def _name(self, actor: Actor) -> str:
        return actor.name_zh

    def _both_sides(self, subject: str, low: str, phrase: str) -> bool:
        return low == phrase or low.endswith(" " + phrase) or subject.endswith(phrase)

    def _side_name(self, subject: str, actor: Actor) -> str:
        return subject

    def _opens_with_both(self, start: int) -> Speaker | None:
        # "双方还就...交换了意见" opens a new report even inside reported speech;
        # "双方应..." (a modal) is still the speaker's demand
        both = next((p for p in BOTH_SIDES if self.view.startswith(p, start)), None)
        if both and not _ZH_MODAL.match(self.view, start + len(both)):
            return Speaker(name=both, kind="both", start=start, end=start + len(both))
        return None

    def _later_frame(self, pieces: list[tuple[int, int]]) -> tuple[int, int]:
        return pieces[0][0], pieces[1][1]

    def _keeps_reported(self, speech: bool) -> bool:
        return True

    def _subject_shape(self, subject: str) -> bool:
        names = _zh_names(self.lexicon)
        if len(subject) <= 24 and any(subject[k:] in names for k in range(len(subject))):
            return True  # "中共中央政治局委员、外交部长王毅"
        core = subject
        for title in _ZH_TITLES:
            core = core.replace(title, "")
        if not core or core in PERSON_PRONOUNS or any(core.endswith(p) for p in BOTH_SIDES):
            return True  # a bare title ("秘书长"), a pronoun, both sides
        covered = sum(len(n) for n in names if n in core)
        return len(core) <= 12 and covered >= 0.6 * max(1, len(core))

    def frame(self, start: int, end: int) -> tuple[Speaker | None, bool]:
        view = self.view
        window = view[start : min(end, start + 50)]
        best: tuple[int, str] | None = None
        for verb in _ZH_VERBS:
            k = window.find(verb)
            if 0 < k <= 45 and (best is None or k < best[0]):
                best = (k, verb)
        if best is None:
            return None, False
        k, verb = best
        subj_end = start + k
        subj = view[start:subj_end]
        for adv in _ZH_ADVERBS:
            if subj.endswith(adv):
                subj_end -= len(adv)
                subj = subj[: -len(adv)]
                break
        # drop scene-setting before the subject ("会谈中，", "2021年9月27日，")
        cut = max(subj.rfind("，"), subj.rfind(","))
        subj_start = start + cut + 1 if cut >= 0 else start
        if _ZH_SUBJECT_END.match(view, subj_start):
            return None, False  # "同美国国务卿布林肯通电话": no subject of its own here
        # a date or time after the name is not part of it ("习近平4月2日晚应约...")
        when = _ZH_WHEN.search(view, subj_start, subj_end)
        if when and when.start() > subj_start:
            subj_end = when.start()
        # the subject ends before a preposition ("中方就美方...", "习近平在北京同...")
        m = _ZH_SUBJECT_END.search(view, subj_start + 1, subj_end)
        if m:
            subj_end = m.start()
        sp = self.resolve(subj_start, subj_end)
        return sp, verb in SPEECH_VERBS

    def subject(self, start: int, end: int) -> Speaker | None:
        """A piece that opens with both sides or an actor as its subject ("双方还就...")."""
        piece = self.view[start:end]
        for phrase in BOTH_SIDES:
            if piece.startswith(phrase):
                return Speaker(name=phrase, kind="both", start=start, end=start + len(phrase))
        m = self.mentions.at.get(start)
        if m is None:
            return None
        actor = self.lexicon.actors[m.id]
        if actor.kind == "person":
            return self._person(actor.id, m)
        if actor.party != self.account.party and _ZH_MODAL.match(self.view, m.end):
            return None  # "美方应恪守...": a demand made of the other side
        return Speaker(
            name=piece[: m.end - m.start],
            kind="side",
            party=actor.party,
            start=m.start,
            end=m.end,
        )
