"""Claims: split sentences into the propositions they carry, and say who made each.

A claim is one thing said: a span of one sentence, with the frame it needs to be
read alone (see :mod:`readouts.lang.en.cut` and :mod:`readouts.lang.zh.cut` for how
each language is cut: clauses, coordinated verb phrases, list items; "应约" and "at
the request of" stay with the sentence they open and become a meeting fact).

Speakers: a claim's speaker is the subject of its reporting verb ("Wang Yi said",
"王毅表示", "the two sides agreed", "双方同意"); pronouns and bare titles ("He",
"the Secretary General") resolve to the last person named or the holder of that
title; reported speech carries on over the following sentences of a paragraph; a
piece with no subject of its own keeps the speaker of the piece before it; otherwise
the issuer speaks in its own voice (the narrator).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from .lang import Piece, en, text_view, zh
from .lang.en import cut as en_cut
from .lang.en.cut import clause_subject, tokens
from .lang.zh import cut as zh_cut
from .lexicon import Lexicon, Match, default_lexicon
from .model import Account, Claim, Sentence, Speaker

__all__ = ["extract_claims"]

_REPORTING = frozenset(en.REPORTING_VERBS)
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
_ZH_ADVERBS = zh.ADVERBS
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


@dataclass
class _State:
    """What attribution remembers while it reads an account from the top."""

    narrator: Speaker
    last_person: Speaker | None = None
    paragraph: int = -1
    reported: Speaker | None = None  # speaker of reported speech running in this paragraph
    roles: dict[str, Speaker] = field(default_factory=dict)


# --------------------------------------------------------------------------- attribution


class _Mentions:
    """Actor mentions in text order, found by position without a scan of them all (an
    account of thousands of sentences has thousands of mentions)."""

    def __init__(self, mentions: Sequence[Match]):
        self.items = sorted(mentions, key=lambda m: m.start)
        self.starts = [m.start for m in self.items]
        self.at = {m.start: m for m in self.items}

    def __iter__(self) -> Iterator[Match]:
        return iter(self.items)

    def starting_in(self, start: int, end: int) -> list[Match]:
        """Mentions that start inside ``[start, end)``."""
        return self.items[bisect_left(self.starts, start) : bisect_left(self.starts, end)]

    def overlapping(self, start: int, end: int) -> list[Match]:
        """Mentions that overlap ``[start, end)`` (a name is a few words long)."""
        first = bisect_left(self.starts, start - 80)
        last = bisect_left(self.starts, end)
        return [m for m in self.items[first:last] if m.end > start]


def _party_near(lexicon: Lexicon, mentions: _Mentions, start: int, end: int) -> str:
    for m in mentions.starting_in(start, end):
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
        self.mentions = _Mentions(mentions)
        # the people the account names, each once, in order (titles resolve among them)
        self.people = list(
            dict.fromkeys(m.id for m in mentions if lexicon.actors[m.id].kind == "person")
        )
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
                for x in self.mentions.starting_in(m.start() - 12, m.start("name"))
                if self.lexicon.actors[x.id].kind != "person"
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
        return self.mentions.starting_in(start, end)

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
        for actor_id in self.people:
            actor = self.lexicon.actors[actor_id]
            if actor.party == party and any(title in role.lower() for role, _, _ in actor.roles):
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
        toks = tokens(text, start, end)
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
        subject_end = clause_subject(text, start, end, self.mentions.overlapping(start, end))
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

    def speaker_for(
        self,
        sentence: Sentence,
        pieces: list[tuple[int, int]],
        framed: Sequence[bool] = (),
    ) -> list[Speaker]:
        """The speaker of each piece of a sentence; a piece that borrows its frame from an
        earlier one (``framed``) keeps that piece's speaker."""
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
            if out and i < len(framed) and framed[i]:
                out.append(out[-1])
                continue
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


def extract_claims(
    account: Account,
    sentences: Sequence[Sentence],
    lexicon: Lexicon | None = None,
    view: str | None = None,
) -> tuple[Claim, ...]:
    """The claims of an account, in text order, one per proposition, none overlapping
    another (a list item's frame and tail may be shared)."""
    lexicon = lexicon or default_lexicon()
    text = account.text
    view = text_view(text, account.language, view)
    mentions = lexicon.actor_matcher.find(text, account.language, view)
    attributor = _Attributor(account, lexicon, view, mentions)
    persons = [m for m in mentions if lexicon.actors[m.id].kind == "person"]
    issues = [
        (m.start, m.end, m.id)
        for m in lexicon.topic_matcher.find(text, account.language, view)
        if lexicon.is_specific(m.id)
    ]
    spans = {m.start: m.end for m in mentions}
    per_paragraph = Counter(s.paragraph for s in sentences)
    claims: list[Claim] = []
    for sentence in sentences:
        if _not_a_point(view, sentence, per_paragraph[sentence.paragraph] == 1):
            continue
        if account.language == "zh":
            pieces: Sequence[Piece] = zh_cut.cut(view, sentence.start, sentence.end, spans, issues)
        else:
            near = _near(mentions, sentence.start, sentence.end)
            pieces = en_cut.cut(
                text,
                sentence.start,
                sentence.end,
                near,
                _near(persons, sentence.start, sentence.end),
                _near_issues(issues, sentence.start, sentence.end),
            )
        if not pieces:
            continue
        speakers = attributor.speaker_for(
            sentence, [(p.start, p.end) for p in pieces], [p.frame[0] >= 0 for p in pieces]
        )
        for p, speaker in zip(pieces, speakers, strict=True):
            claims.append(
                Claim(
                    id=f"{account.id}:c{len(claims) + 1}",
                    account_id=account.id,
                    sentence=sentence.index,
                    start=p.start,
                    end=p.end,
                    speaker=speaker,
                    frame_start=p.frame[0],
                    frame_end=p.frame[1],
                    tail_start=p.tail[0],
                    tail_end=p.tail[1],
                )
            )
    return tuple(claims)


_ENDS_SENTENCE = ".!?。！？…"
_CLOSING = "\"'”’」』）)"
_ANNOUNCES = re.compile(r"(?:as follows|the following statement|如下)\W*$", re.I)


def _not_a_point(view: str, sentence: Sentence, alone: bool) -> bool:
    """Is the sentence no point at all: a list number ("2."), a headline (a first paragraph
    of one sentence with no full stop: "PM meeting with President Biden: 13 September"),
    or a line that only announces what follows ("issued the following statement:")?
    ``alone``: the sentence is its paragraph's only one."""
    body = view[sentence.start : sentence.end].strip()
    if not re.search(r"[A-Za-z\u4e00-\u9fff]", body):
        return True
    if not alone:
        return False
    if sentence.index == 0 and body.rstrip(_CLOSING)[-1:] not in _ENDS_SENTENCE:
        return True
    return body.endswith((":", "：")) or bool(_ANNOUNCES.search(body))


def _near_issues(
    issues: Sequence[tuple[int, int, str]], start: int, end: int
) -> list[tuple[int, int, str]]:
    """The issues found inside ``[start, end)`` (issues are in text order)."""
    k = bisect_left(issues, start, key=lambda x: x[0])
    out = []
    while k < len(issues) and issues[k][0] < end:
        out.append(issues[k])
        k += 1
    return out


def _near(mentions: Sequence[Match], start: int, end: int) -> list[Match]:
    """The mentions that overlap ``[start, end)`` (mentions are in text order)."""
    k = bisect_left(mentions, start, key=lambda m: m.end)
    out = []
    while k < len(mentions) and mentions[k].start < end:
        out.append(mentions[k])
        k += 1
    return out
