"""Claims: split sentences into the points they carry, and say who made each point.

A claim is a span of one sentence. English sentences are cut where a new point
starts: after ``;``, before ``but``/``while``, before a coordinated verb phrase
("..., and emphasized that"), a coordinated ``that``-clause, an infinitive after a
comma ("..., to manage ..."), a participle clause ("..., noting that"), a new main
clause after an introductory phrase ("At the request of X, Wang Yi held ..."), and
between the items of a list of long noun phrases ("concerns about A, B, and C"),
where each item keeps the list's lead-in as its *frame*. Chinese sentences are cut
at ， ； ： and the pieces then merged back where a piece only introduces a speaker
("王毅表示，"), sets the scene ("近年来，"), depends on the piece before ("以增进了解"),
or is too short to be a point; who asked for the meeting ("应约") is its own claim.

Speakers: a claim's speaker is the subject of its reporting verb ("Wang Yi said",
"王毅表示", "the two sides agreed", "双方同意"); pronouns and bare titles ("He",
"the Secretary General") resolve to the last person named or the holder of that
title; reported speech carries on over the following sentences of a paragraph;
otherwise the issuer speaks in its own voice (the narrator).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice

from .lang import en, text_view, zh
from .lexicon import Lexicon, Match, default_lexicon
from .model import Account, Claim, Sentence, Speaker

__all__ = ["extract_claims"]

MIN_WORDS_EN = 4
MIN_CHARS_ZH = 6

_TOKEN = re.compile(r"[A-Za-z0-9\u00c0-\u024f][A-Za-z0-9\u00c0-\u024f'’.\-]*")
_REPORTING = frozenset(en.REPORTING_VERBS)
_AUX = frozenset(
    [
        "is",
        "are",
        "was",
        "were",
        "has",
        "have",
        "had",
        "will",
        "would",
        "can",
        "could",
        "should",
        "must",
        "may",
        "might",
        "did",
        "does",
        "do",
        "remained",
        "remains",
        "stood",
        "stands",
    ]
)
_ADVERBS = frozenset(
    [
        "also",
        "further",
        "again",
        "then",
        "both",
        "once",
        "repeatedly",
        "still",
        "jointly",
        "all",
        "together",
        "separately",
    ]
)
_INFINITIVES = en.COMMON_VERBS | frozenset(en.REPORTING_VERBS)
_SUBJECT_WORDS = frozenset(
    [
        "the",
        "and",
        "of",
        "two",
        "both",
        "side",
        "sides",
        "leaders",
        "leader",
        "presidents",
        "president",
        "heads",
        "state",
        "his",
        "her",
        "their",
        "its",
        "our",
        "mr",
        "mr.",
        "ms",
        "ms.",
        "dr",
        "dr.",
    ]
)
_EN_BOTH = tuple(sorted(en.BOTH_SIDES, key=len, reverse=True))
_EN_TITLES = tuple(sorted(en.TITLES, key=len, reverse=True))
_ZH_VERBS = tuple(sorted((*zh.REPORTING_VERBS, *zh.AGENT_VERBS), key=len, reverse=True))
# where a Chinese subject ends: a preposition or the request marker after the name
_ZH_SUBJECT_END = re.compile(r"应约|应邀|应[^，。；]{1,12}?(?:请求|邀请)|[就向对同与在把将从于给]")
_ZH_ADVERBS = (
    "还",
    "也",
    "再次",
    "进一步",
    "同时",
    "则",
    "亦",
    "都",
    "均",
    "一致",
    "共同",
    "一贯",
    "始终",
    "一直",
    "坚决",
    "已经",
    "已",
)
_ZH_REQUEST = re.compile(r"应约|应邀|应[^，。；]{1,12}?(?:请求|邀请|之邀|要求)")
# longest first, so that "副总统" is read as itself and not as "总统"
_ZH_TITLES = tuple(sorted(zh.TITLES, key=len, reverse=True))
_ZH_TITLED_NAME = re.compile(
    "(?:" + "|".join(_ZH_TITLES) + ")"
    r"(?P<name>[\u4e00-\u9fff]{2,5}?)"
    r"(?=表示|指出|强调|说|认为|会见|会晤|会谈|同|与|在|应约|应邀|召见|接见|举行|通电话|，|。|、|和)"
)
_SUBJECT_TOKEN = re.compile(r"[\w'’.-]+")
_EN_GROUP = re.compile(
    r"(?:the\s+)?(?:two|three|four|five|six|seven|eight|nine|ten|\d+|all)\s+"
    r"(?:leaders|ministers|sides|presidents|countries|parties|delegations|heads of state|"
    r"heads of government|foreign ministers|prime ministers|officials|partners|defense chiefs|"
    r"defence chiefs|secretaries)"
)
_ABOUT_MEETING = re.compile(
    r"(?:The|This)\s+(?:meeting|talks|call|phone call|video call|telephone call|conversation|"
    r"visit|discussion|session|summit|exchange|videoconference)\s+(?:was|were|lasted|took|"
    r"followed|came|marked|is)\b|(?:会谈|会见|会晤|通话|此次会晤|此次会谈|此次通话|这是|本次)"
    r"(?!中)"
)
_IMPERSONAL_BOTH = re.compile(r"It\s+was\s+(?:agreed|decided|noted)\b")
_NAME_PARTICLES = frozenset(
    "von der de del della van den bin bint ibn al el la le da dos das du di y".split()
)
_SUBJECT_ALLOWED = _SUBJECT_WORDS | en.PERSON_PRONOUNS | {"they", "we", "it"} | _NAME_PARTICLES
_ZH_WHEN = re.compile(r"[\d０-９]{1,4}(?:年|月|日)[\d０-９年月日]*(?:[上下中]午|晚间?|早上?|凌晨)?")
_ZH_MODAL = re.compile(r"(?:也|还|则|更)?(?:应|应当|应该|必须|需要|须|要|不应|不要|勿|停止)")
_ZH_NOT_NAME_START = set("在同与的和等及对就向为将把从中美双我你他她该此其各")
_ZH_DATE = re.compile(r"^[\d０-９年月日号时分上下午晚早中间当地星期周一二三四五六日、\s至到—\-]+$")


@dataclass
class _State:
    """What attribution remembers while it reads an account from the top."""

    narrator: Speaker
    last_person: Speaker | None = None
    paragraph: int = -1
    reported: Speaker | None = None  # speaker of reported speech running in this paragraph
    roles: dict[str, Speaker] = field(default_factory=dict)


# --------------------------------------------------------------------------- English cuts


@lru_cache(maxsize=8192)
def _tokens(text: str, start: int, end: int) -> tuple[tuple[int, int, str], ...]:
    """The words of ``text[start:end]`` with their offsets (asked for many times over the
    same sentence while cutting it, so remembered)."""
    return tuple([(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(text, start, end)])


def _word_count(text: str) -> int:
    return len(_TOKEN.findall(text))


def _next_words(text: str, pos: int, end: int, n: int) -> list[str]:
    """The next ``n`` words from ``pos``, lower-cased (only those are read)."""
    return [m.group(0).lower().strip(".") for m in islice(_TOKEN.finditer(text, pos, end), n)]


def _clause_subject(text: str, pos: int, end: int, mentions: Sequence[Match]) -> int:
    """If a main clause (subject + verb) starts at ``pos``, where its subject ends; else -1."""
    toks = list(islice(_TOKEN.finditer(text, pos, end), 16))
    toks = [(m.start(), m.end(), m.group(0)) for m in toks]
    if not toks:
        return -1
    first = toks[0][2].lower()
    if first in ("he", "she", "they", "we", "it"):
        if len(toks) > 1 and (
            toks[1][2].lower() in _REPORTING
            or toks[1][2].lower() in _AUX
            or toks[1][2].lower() in _ADVERBS
        ):
            return toks[0][1]
        return -1
    low = text[pos:end].lower()
    subject_end = -1
    for phrase in _EN_BOTH:
        if low.startswith(phrase + " "):
            subject_end = pos + len(phrase)
            break
    if subject_end < 0:
        # a run of capitalised words (titles, names) that ends in a known actor
        i = 0
        has_actor = False
        while i < len(toks) and i < 12:
            s, _e, w = toks[i]
            if not (w[0].isupper() or w.lower() in ("and", "of", "the", "for", "side")):
                break
            has_actor = has_actor or any(m.start <= s < m.end for m in mentions)
            i += 1
        if has_actor and i < len(toks):
            subject_end = toks[i - 1][1]
    if subject_end < 0:
        return -1
    after = [t for t in toks if t[0] >= subject_end]
    for _, _, w in after[:3]:
        w = w.lower()
        if w in _ADVERBS:
            continue
        ok = w in _REPORTING or w in _AUX or w in en.MEETING_VERBS
        return subject_end if ok else -1
    return -1


def _looks_like_clause(text: str, pos: int, end: int, mentions: Sequence[Match]) -> bool:
    """Does a new main clause (subject + verb) start at ``pos``?"""
    return _clause_subject(text, pos, end, mentions) >= 0


_LIST_LEAD = re.compile(
    r"\b(?:about|over|regarding|on|to|for|of|in|including|such as|with|that|concerning|"
    r"between|among)\s",
    re.I,
)


def _list_cuts(text: str, start: int, end: int) -> tuple[list[int], tuple[int, int]]:
    """Cut points between the items of a list of long noun phrases, and the list's frame."""
    body = text[start:end]
    m = re.search(r",\s+(?:and|or)\s+[^,]+$", body.rstrip('.!?"”’'))
    if not m:
        return [], (-1, -1)
    last_and = start + m.start()
    head = text[start:last_and]
    commas = [start + c.start() for c in re.finditer(r",\s+", head)]
    if not commas:
        return [], (-1, -1)
    lead = None
    for lm in _LIST_LEAD.finditer(text, start, commas[0]):
        lead = lm
        break
    if lead is None:
        return [], (-1, -1)
    first_item = lead.end()
    items = [(first_item, commas[0])]
    for a, b in zip(commas, [*commas[1:], last_and], strict=True):
        items.append((a + 1, b))
    items.append((last_and + 1, end))
    for a, b in items:
        item_words = [w.lower() for w in _TOKEN.findall(text[a:b])]
        if any(w in _AUX or (w in _REPORTING and w.endswith("ed")) for w in item_words):
            return [], (-1, -1)  # items with a finite verb are clauses, not a noun list
        caps = [w for w in item_words if w[:1].isalpha()]
        if caps and sum(w[0].isupper() for w in _TOKEN.findall(text[a:b])) >= 0.6 * len(caps):
            return [], (-1, -1)  # a run of titles and names, not a list of points
    words = [_word_count(text[a:b]) for a, b in items]
    if words[0] < 2 or any(w < 3 for w in words[1:]) or any(w > 25 for w in words):
        return [], (-1, -1)
    cuts = []
    for a, _ in items[1:]:
        while a < end and text[a].isspace():
            a += 1
        cuts.append(a)
    frame_end = first_item
    while frame_end > start and text[frame_end - 1].isspace():
        frame_end -= 1
    return cuts, (start, frame_end)


def _cuts_en(text: str, start: int, end: int, mentions: Sequence[Match]) -> tuple[list[int], dict]:
    mentions = [m for m in mentions if m.start < end and m.end > start]  # this sentence's
    cuts: set[int] = set()
    frames: dict[int, tuple[int, int]] = {}
    seg = text[start:end]

    def at(offset: int) -> int:
        p = start + offset
        while p < end and text[p].isspace():
            p += 1
        return p

    for m in re.finditer(r";\s*", seg):
        if _word_count(seg[m.end() :]) >= 3:
            cuts.add(at(m.end()))
    for m in re.finditer(r":\s+", seg):
        if _word_count(seg[m.end() :]) >= 4 and _word_count(seg[: m.start()]) >= 3:
            cuts.add(at(m.end()))
    for m in re.finditer(r",\s+(but|while|whereas|yet|although|though)\s", seg, re.I):
        cuts.add(at(m.start() + 1))
    for m in re.finditer(r"\s+but\s+(?!also\b)", seg):
        nxt = _next_words(text, start + m.end(), end, 2)
        if nxt and (nxt[0] in _REPORTING or nxt[0] in ("he", "she", "they", "the")):
            cuts.add(at(m.start()))
    for m in re.finditer(r"(,?)\s+(and|or|as well as)\s+", seg):
        pos = start + m.end()
        nxt = _next_words(text, pos, end, 3)
        if not nxt:
            continue
        comma = bool(m.group(1))
        w = nxt[0]
        if w in _ADVERBS and len(nxt) > 1:
            w = nxt[1]
        past = w in _REPORTING or (
            w.endswith("ed")
            and (
                w[:-2] in en.COMMON_VERBS or w[:-1] in en.COMMON_VERBS or w[:-3] in en.COMMON_VERBS
            )
        )
        verb = past and (
            w.endswith("ed")
            or w in ("said", "made", "held", "set", "told", "met", "spoke", "sought")
        )
        to_verb = w == "to" and len(nxt) > 1 and nxt[-1] in _INFINITIVES
        repeated_to = to_verb and re.search(r"\bto\s+\w+", seg[: m.start()]) is not None
        if verb or (comma and w == "that") or (to_verb and (comma or repeated_to)):
            cuts.add(at(m.start() + len(m.group(1))))
        elif comma and _looks_like_clause(text, pos, end, mentions):
            cuts.add(at(m.start() + 1))
    for m in re.finditer(
        r",\s+(to|noting|saying|adding|stressing|emphasizing|emphasising|"
        r"underscoring|calling|urging|expressing|reaffirming|reiterating|"
        r"highlighting|making)\s+",
        seg,
    ):
        word = m.group(1)
        pos = start + m.end()
        if word == "to":
            nxt = _next_words(text, pos, end, 1)
            if not nxt or nxt[0] not in _INFINITIVES:
                continue
            if _word_count(seg[: m.start()]) < 6:
                continue  # "He called on China, to ...": the infinitive completes the call
        cuts.add(at(m.start() + 1))
    if first_that := re.search(r"\bthat\s", seg):
        for m in re.finditer(r",\s+that\s", seg):
            if m.start() > first_that.start():
                cuts.add(at(m.start() + 1))
    for m in re.finditer(r",\s+", seg):
        pos = start + m.end()
        if _looks_like_clause(text, pos, end, mentions):
            # not a parenthetical ", Wang Yi said," (a verb directly followed by a comma)
            tail = text[pos : min(end, pos + 60)]
            if re.match(r"[^,]{0,40}\b(said|added|noted|stressed)\s*,", tail):
                continue
            cuts.add(pos)
    inside = [(m.start, m.end) for m in mentions]
    cuts = {c for c in cuts if not any(a < c < b for a, b in inside)}
    list_cuts, frame = _list_cuts(text, start, end)
    for c in list_cuts:
        cuts.add(c)
        frames[c] = frame
    return sorted(c for c in cuts if start < c < end), frames


# --------------------------------------------------------------------------- Chinese cuts


def _zh_frame_only(piece: str) -> bool:
    """Is this piece nothing but "SPEAKER + reporting verb" ("王毅表示")?"""
    core = piece.rstrip("，；：,;: ")
    for verb in _ZH_VERBS:
        if core.endswith(verb) and len(core) - len(verb) <= 20:
            subject = core[: len(core) - len(verb)]
            for adv in _ZH_ADVERBS:
                if subject.endswith(adv):
                    subject = subject[: -len(adv)]
                    break
            return 0 < len(subject) <= 20 and verb not in ("愿", "愿意", "同意", "决定")
    return False


def _zh_len(piece: str) -> int:
    return sum(1 for c in piece if "\u4e00" <= c <= "\u9fff" or c.isalnum())


_ZH_NEW_CLAUSE = tuple(
    sorted(
        {
            *zh.BOTH_SIDES,
            *zh.PERSON_PRONOUNS,
            "中方",
            "美方",
            "北约",
            "中国",
            "美国",
            "俄方",
            "俄罗斯",
            "欧盟",
            "印方",
            "日方",
            "英方",
            "法方",
            "德方",
            "但",
            "但是",
            "然而",
            "而",
            "同时",
            "此外",
            "另外",
            "并",
            "与此同时",
            "因此",
            "所以",
            "否则",
            # a clause that opens with a speech-act verb is a new point
            *zh.ACT_STARTS,
        },
        key=len,
        reverse=True,
    )
)


def _zh_strong_boundary(view: str, sep: int, end: int) -> bool:
    """Does a new point start after the separator at ``sep``?"""
    if view[sep] in "；;":
        return True
    nxt = view[sep + 1 : min(end, sep + 24)].lstrip()
    if nxt.startswith(_ZH_NEW_CLAUSE):
        return True
    if _zh_frame_only(re.split(r"[，,：:]", nxt)[0] + "，"):
        return True
    # a new reporting frame ("王毅表示") or a list of long parallel predicates
    return view[sep] in "：:" and len(nxt) >= MIN_CHARS_ZH


def _pieces_zh(text: str, view: str, start: int, end: int) -> list[tuple[int, int]]:
    bounds = [start]
    for i in range(start, end):
        if view[i] in zh.CLAUSE_SEPARATORS and i + 1 < end and _zh_strong_boundary(view, i, end):
            bounds.append(i + 1)
    bounds.append(end)
    pieces = [(a, b) for a, b in itertools.pairwise(bounds) if a < b]
    # who asked for the meeting makes a claim of its own
    split: list[tuple[int, int]] = []
    for a, b in pieces:
        cut = -1
        m = _ZH_REQUEST.search(view, a, b)
        if m and b - m.end() >= MIN_CHARS_ZH:
            cut = m.end()
        if cut > a:
            split.extend([(a, cut), (cut, b)])
        else:
            split.append((a, b))
    pieces = split

    def kind(p: tuple[int, int]) -> str:
        s = view[p[0] : p[1]]
        core = s.rstrip("，；：,;:。！？ ")
        if _ZH_REQUEST.search(s) and _zh_len(s) < MIN_CHARS_ZH * 3:
            return "request"
        if _zh_frame_only(s):
            return "frame"
        if _ZH_DATE.match(core) or (core.startswith(zh.INTRO_STARTS) and _zh_len(core) <= 8):
            return "intro"
        if core.startswith(zh.DEPENDENT_STARTS):
            return "dependent"
        if core.startswith(zh.PAIRED_STARTS) or (
            _zh_len(core) <= 14 and any(m in core for m in zh.SUBORDINATE_MARKERS)
        ):
            return "intro"
        if _zh_len(core) < MIN_CHARS_ZH:
            return "short"
        return "clause"

    merged: list[list[int]] = []
    carry = -1  # start of a piece waiting to join the next one
    for p in pieces:
        a = carry if carry >= 0 else p[0]
        k = kind((a, p[1]))
        carry = -1
        if k in ("frame", "intro", "short") and p[1] < end:
            carry = a
            continue
        if k == "dependent" and merged and a == p[0]:
            merged[-1][1] = p[1]
            continue
        merged.append([a, p[1]])
    if carry >= 0:
        if merged:
            merged[-1][1] = end
        else:
            merged.append([carry, end])
    # a short last piece joins the one before
    if len(merged) > 1 and _zh_len(view[merged[-1][0] : merged[-1][1]]) < MIN_CHARS_ZH:
        merged[-2][1] = merged[-1][1]
        merged.pop()
    return [(a, b) for a, b in merged]


# --------------------------------------------------------------------------- attribution


def _party_near(lexicon: Lexicon, mentions: Sequence[Match], start: int, end: int) -> str:
    for m in mentions:
        if start <= m.start < end:
            actor = lexicon.actors.get(m.id)
            if actor and actor.kind != "person":
                return actor.party
    return ""


@lru_cache(maxsize=8)
def _zh_names(lexicon: Lexicon) -> frozenset[str]:
    """Every Chinese name of every actor of a lexicon."""
    return frozenset(n for a in lexicon.actors.values() for n in a.names_zh)


class _Attributor:
    def __init__(self, account: Account, lexicon: Lexicon, view: str, mentions: Sequence[Match]):
        self.account = account
        self.lexicon = lexicon
        self.view = view
        self.mentions = mentions
        self.zh = account.language == "zh"
        narrator_name = (
            account.issuer
            or (lexicon.party_name(account.party) if account.party else "")
            or "the issuer"
        )
        self.state = _State(
            narrator=Speaker(name=narrator_name, kind="narrator", party=account.party)
        )
        self.names: dict[str, str] = {}  # Chinese names not in the lexicon -> party
        self._learn_roles()
        if self.zh:
            self._learn_names()

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
                for x in self.mentions
                if m.start() - 12 <= x.start < m.start("name")
                and self.lexicon.actors[x.id].kind != "person"
            ]
            party = self.lexicon.party_of(before[-1].id) if before else self.account.party
            self.names[name] = party

    # -- roles: "NATO Secretary General Jens Stoltenberg" teaches "Secretary General" -> him
    def _learn_roles(self) -> None:
        text = self.view
        for m in self.mentions:
            actor = self.lexicon.actors.get(m.id)
            if not actor or actor.kind != "person":
                continue
            before = text[max(0, m.start - 60) : m.start]
            if not self.zh:
                before = before.lower().rstrip()
            titles = _ZH_TITLES if self.zh else _EN_TITLES
            for title in titles:
                if before.endswith(title):
                    key = title.replace("-", " ")
                    person = self._person(actor.id, m)
                    self.state.roles.setdefault(key, person)
                    head = key.split(" of ")[0]  # "secretary of state" -> "secretary"
                    self.state.roles.setdefault(head, person)
                    break
        # titles the lexicon knows for the people named ("the Secretary" -> Blinken,
        # "秘书长" -> Guterres)
        for m in self.mentions:
            actor = self.lexicon.actors.get(m.id)
            if not actor or actor.kind != "person":
                continue
            for role, _, _ in actor.roles:
                key = role.lower().replace("-", " ")
                for k in (key, key.split(" of ")[0]):
                    self.state.roles.setdefault(k, self._person(actor.id, m))
                if self.zh:
                    for title, roles in zh.TITLE_ROLES.items():
                        if any(key.startswith(r.replace("-", " ")) for r in roles):
                            self.state.roles.setdefault(title, self._person(actor.id, m))

    def _person(self, actor_id: str, m: Match | None = None) -> Speaker:
        actor = self.lexicon.actors[actor_id]
        return Speaker(
            name=actor.name_zh if self.zh else actor.name,
            kind="person",
            party=actor.party,
            start=m.start if m else -1,
            end=m.end if m else -1,
        )

    def _mentions_in(self, start: int, end: int) -> list[Match]:
        """Mentions that start inside the span ("President Joseph R. Biden" holds the start
        of the mention "Joseph R. Biden, Jr.")."""
        return [m for m in self.mentions if start <= m.start < end]

    def resolve(self, start: int, end: int) -> Speaker | None:
        """The speaker named by the subject text[start:end], if it names one."""
        subject = self.view[start:end].strip(" ,，")
        low = subject.lower()
        if not subject:
            return None
        if not self.zh and _EN_GROUP.fullmatch(low):
            return Speaker(name=low, kind="both", start=start, end=end)
        both = zh.BOTH_SIDES if self.zh else _EN_BOTH
        for phrase in both:
            if (
                low == phrase
                or low.endswith(" " + phrase)
                or (self.zh and subject.endswith(phrase))
            ):
                return Speaker(name=phrase, kind="both", start=start, end=end)
        for name, party in self.names.items():
            if subject.endswith(name):
                return Speaker(name=name, kind="person", party=party, start=start, end=end)
        if not self._subject_shape(subject):
            return None
        found = self._mentions_in(start, end)
        parties = {self.lexicon.party_of(m.id) for m in found}
        parties.discard("")
        if len(parties) >= 2 or (len(found) == 1 and self._two_names(subject)):
            return Speaker(name=subject, kind="both", start=start, end=end)
        persons = [m for m in found if self.lexicon.actors[m.id].kind == "person"]
        if persons:
            return self._person(persons[-1].id, persons[-1])
        if found:
            actor = self.lexicon.actors[found[-1].id]
            holder = self._title_holder(low, actor.party)
            if holder is not None:
                return Speaker(holder.name, "person", holder.party, start, end)
            return Speaker(
                name=subject if self.zh else actor.name,
                kind="side",
                party=actor.party,
                start=start,
                end=end,
            )
        pronouns = zh.PERSON_PRONOUNS if self.zh else tuple(en.PERSON_PRONOUNS)
        if low in pronouns and self.state.last_person is not None:
            p = self.state.last_person
            return Speaker(name=p.name, kind="person", party=p.party, start=start, end=end)
        key = re.sub(r"^(the|this)\s+", "", low).replace("-", " ")
        if key in self.state.roles:
            p = self.state.roles[key]
            return Speaker(name=p.name, kind="person", party=p.party, start=start, end=end)
        if not self.zh and re.fullmatch(r"(?:[A-Z][\w'’.-]+\s+){1,3}[A-Z][\w'’.-]+", subject):
            # an unknown name: take the party from the title run or apposition around it
            party = _party_near(self.lexicon, self.mentions, max(0, start - 80), end + 120)
            return Speaker(name=subject, kind="person", party=party, start=start, end=end)
        return None

    def _title_holder(self, subject: str, party: str) -> Speaker | None:
        """ "The Russian President", "the President of Russia", "美国总统": the person of
        that party named in the account (or, failing that, in the lexicon) who holds the
        title."""
        titles = _ZH_TITLES if self.zh else _EN_TITLES
        title = next(
            (t for t in titles if t in subject and not t.startswith("the ")),
            None,
        )
        if title is None or title in ("mr", "mr.", "ms", "ms.", "dr", "dr.", "先生", "女士"):
            return None
        for m in self.mentions:
            actor = self.lexicon.actors.get(m.id)
            if (
                actor
                and actor.kind == "person"
                and actor.party == party
                and any(title in role.lower() for role, _, _ in actor.roles)
            ):
                return self._person(actor.id)
        year = int(self.account.date[:4]) if self.account.date[:4].isdigit() else 0
        for actor in self.lexicon.actors.values():
            if actor.kind != "person" or actor.party != party:
                continue
            for role, first, last in actor.roles:
                if title in role.lower() and (not year or first <= year <= last):
                    return self._person(actor.id)
        return None

    def _subject_shape(self, subject: str) -> bool:
        """Does the text look like a subject (names, titles, "the two sides"), not a phrase?"""
        if self.zh:
            names = _zh_names(self.lexicon)
            if len(subject) <= 24 and any(subject[k:] in names for k in range(len(subject))):
                return True  # "中共中央政治局委员、外交部长王毅"
            core = subject
            for title in _ZH_TITLES:
                core = core.replace(title, "")
            if (
                not core
                or core in zh.PERSON_PRONOUNS
                or any(core.endswith(p) for p in zh.BOTH_SIDES)
            ):
                return True  # a bare title ("秘书长"), a pronoun, both sides
            covered = sum(len(n) for n in names if n in core)
            return len(core) <= 12 and covered >= 0.6 * max(1, len(core))
        words = _SUBJECT_TOKEN.findall(subject)
        return all(w[0].isupper() or w.lower() in _SUBJECT_ALLOWED or w[0].isdigit() for w in words)

    @staticmethod
    def _two_names(subject: str) -> bool:
        parts = re.split(r"\s+and\s+|和|与|同", subject)
        return len(parts) == 2 and all(re.search(r"[A-Z\u4e00-\u9fff]", p) for p in parts)

    def frame(self, start: int, end: int) -> tuple[Speaker | None, bool]:
        """The speaker a piece names at its start, and whether its verb reports speech."""
        return self._frame_zh(start, end) if self.zh else self._frame_en(start, end)

    def _frame_en(self, start: int, end: int) -> tuple[Speaker | None, bool]:
        text = self.account.text
        toks = _tokens(text, start, end)
        for i, (_, _, w) in enumerate(toks[:30]):
            lw = w.lower().rstrip(".")
            verb = lw in _REPORTING or (lw.endswith("ed") and len(lw) > 4 and i > 0)
            if not verb or not w[0].islower():
                continue
            j = i
            while j > 0 and (
                toks[j - 1][2].lower() in _ADVERBS or toks[j - 1][2].lower().endswith("ly")
            ):
                j -= 1
            subj_end = toks[j][0]
            # the subject is the nearest comma-delimited stretch before the verb that names
            # someone: "On December 25, Mr. IWAYA Takeshi, Minister for Foreign Affairs, met"
            bounds = [start, *(k + 1 for k in range(start, subj_end) if text[k] == ",")]
            found = None
            for seg_start in reversed(bounds):
                seg_end = subj_end if seg_start == bounds[-1] else text.find(",", seg_start)
                raw = text[seg_start:seg_end]
                lead = re.match(
                    r"\s*(?:(?:and|but|however|while|together|today|also|then)\b[,\s]*)*",
                    raw,
                    re.I,
                )
                s0 = seg_start + (lead.end() if lead else 0)
                e0 = seg_end
                while e0 > s0 and text[e0 - 1].isspace():
                    e0 -= 1
                if s0 < e0:
                    found = self.resolve(s0, e0)
                    if found is not None:
                        break
            if found is None:
                continue
            return found, lw in en.SPEECH_VERBS
        # a parenthetical ", Wang Yi said," inside the piece
        m = re.search(r",\s+([^,]{2,40}?)\s+(said|added|noted|stressed)\s*,", text[start:end])
        if m:
            sp = self.resolve(start + m.start(1), start + m.end(1))
            if sp is not None:
                return sp, True
        return None, False

    def _frame_zh(self, start: int, end: int) -> tuple[Speaker | None, bool]:
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
        return sp, verb in zh.SPEECH_VERBS

    def _subject_en(self, start: int, end: int) -> Speaker | None:
        """The subject of a piece that opens with one ("The two sides went on to ...",
        "The U.S. side was willing to ...")."""
        text = self.account.text
        low = text[start:end].lower()
        for phrase in _EN_BOTH:
            if low.startswith(phrase + " ") and phrase not in ("both", "they", "the two"):
                return Speaker(name=phrase, kind="both", start=start, end=start + len(phrase))
        near = [m for m in self.mentions if m.start < end and m.end > start]
        subject_end = _clause_subject(text, start, end, near)
        if subject_end > start and text[start:subject_end].lower() not in (
            "he",
            "she",
            "it",
            "we",
            "they",
        ):
            return self.resolve(start, subject_end)
        return None

    def _subject_zh(self, start: int, end: int) -> Speaker | None:
        """A piece that opens with both sides or an actor as its subject ("双方还就...")."""
        piece = self.view[start:end]
        for phrase in zh.BOTH_SIDES:
            if piece.startswith(phrase):
                return Speaker(name=phrase, kind="both", start=start, end=start + len(phrase))
        for m in self.mentions:
            if m.start == start:
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
        return None

    def speaker_for(self, sentence: Sentence, pieces: list[tuple[int, int]]) -> list[Speaker]:
        st = self.state
        if sentence.paragraph != st.paragraph:
            st.paragraph = sentence.paragraph
            st.reported = None
        out: list[Speaker] = []
        opening = self.view[sentence.start : sentence.start + 40]
        if _ABOUT_MEETING.match(opening):
            # "The meeting was followed by a dinner", "会谈在友好气氛中进行": the issuer
            # speaking about the meeting, whoever was quoted before
            st.reported = None
            return [st.narrator for _ in pieces]
        for i, (a, b) in enumerate(pieces):
            sp, speech = self.frame(a, b)
            if sp is None and i == 0 and _IMPERSONAL_BOTH.match(self.view, a):
                sp = Speaker(name="both sides", kind="both", start=a, end=a)
            if sp is None and i == 0 and self.zh:
                # "双方还就...交换了意见" opens a new report even inside reported speech;
                # "双方应..." (a modal) is still the speaker's demand
                both = next((p for p in zh.BOTH_SIDES if self.view.startswith(p, a)), None)
                if both and not _ZH_MODAL.match(self.view, a + len(both)):
                    sp = Speaker(name=both, kind="both", start=a, end=a + len(both))
            if sp is None and st.reported is None:
                # "双方还就...交换了意见": a subject without a reporting verb, outside reported
                # speech (inside it, "the two sides should ..." is still the speaker's word)
                sp = self._subject_zh(a, b) if self.zh else self._subject_en(a, b)
            if (
                sp is None
                and i == 0
                and len(pieces) > 1
                and not re.match(
                    r"\s*(and|but|or|yet|while|whereas)\b", self.account.text[pieces[1][0] :]
                )
            ):
                # "At the request of X, | Wang Yi held ..." : the subject comes later
                first_two = (pieces[0][0] if self.zh else pieces[1][0], pieces[1][1])
                sp2, speech2 = self.frame(*first_two)
                if sp2 is None and st.reported is None:
                    subject = self._subject_zh if self.zh else self._subject_en
                    sp2, speech2 = subject(*pieces[1]), False
                if sp2 is not None:
                    sp, speech = sp2, speech2
            if sp is not None:
                running = st.reported
                if (
                    running is not None
                    and sp.kind == "side"
                    and sp.party == running.party
                    and (self.zh or not speech)
                ):
                    # "中方对此表示强烈不满" inside an official's remarks is the official
                    # speaking; in English "The U.S. side stressed" names the side itself
                    # "China always stood for peace" inside Xi's reported speech: still Xi
                    sp = Speaker(name=running.name, kind=running.kind, party=running.party)
                if sp.kind == "person":
                    st.last_person = sp
                if speech:
                    st.reported = sp
            elif out:
                sp = out[-1]
            elif st.reported is not None:
                sp = Speaker(name=st.reported.name, kind=st.reported.kind, party=st.reported.party)
            else:
                sp = st.narrator
            out.append(sp)
        return out


# --------------------------------------------------------------------------- the stage


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and (text[a].isspace() or text[a] in ",，;；"):
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _merge_short_en(
    text: str, pieces: list[tuple[int, int]], frames: dict
) -> list[tuple[int, int]]:
    out: list[list[int]] = []
    for a, b in pieces:
        if out and _word_count(text[a:b]) < MIN_WORDS_EN and a not in frames:
            out[-1][1] = b
        else:
            out.append([a, b])
    if len(out) > 1 and _word_count(text[out[0][0] : out[0][1]]) < MIN_WORDS_EN:
        out[1][0] = out[0][0]
        out.pop(0)
    return [(a, b) for a, b in out]


def extract_claims(
    account: Account,
    sentences: Sequence[Sentence],
    lexicon: Lexicon | None = None,
    view: str | None = None,
) -> tuple[Claim, ...]:
    """The claims of an account, in text order, none overlapping another."""
    lexicon = lexicon or default_lexicon()
    text = account.text
    view = text_view(text, account.language, view)
    mentions = lexicon.actor_matcher.find(text, account.language, view)
    attributor = _Attributor(account, lexicon, view, mentions)
    claims: list[Claim] = []
    for sentence in sentences:
        frames: dict[int, tuple[int, int]] = {}
        if account.language == "zh":
            pieces = _pieces_zh(text, view, sentence.start, sentence.end)
        else:
            cuts, frames = _cuts_en(text, sentence.start, sentence.end, mentions)
            bounds = [sentence.start, *cuts, sentence.end]
            pieces = [(a, b) for a, b in itertools.pairwise(bounds) if a < b]
            pieces = _merge_short_en(text, pieces, frames)
        pieces = [p for p in (_trim(text, a, b) for a, b in pieces) if p[0] < p[1]]
        if not pieces:
            continue
        speakers = attributor.speaker_for(sentence, pieces)
        for (a, b), speaker in zip(pieces, speakers, strict=True):
            frame = frames.get(a, (-1, -1))
            claims.append(
                Claim(
                    id=f"{account.id}:c{len(claims) + 1}",
                    account_id=account.id,
                    sentence=sentence.index,
                    start=a,
                    end=b,
                    speaker=speaker,
                    frame_start=frame[0],
                    frame_end=frame[1],
                )
            )
    return tuple(claims)
