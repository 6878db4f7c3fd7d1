"""Facts: what an account says about the meeting itself.

``extract_facts`` reads who met whom, when, how, where and at whose request:

* **The meeting sentence** is the first sentence (of the first few) with a meeting verb:
  "met (today) with", "spoke with", "held a call with", "hosted", "welcomed", "convened",
  会见, 会谈, 同…举行…通话. Its subject names the *principals*; the object of the verb
  ("with X", 同X, 会见X) names the *counterparts*. Names come from the actors lexicon when
  it knows them, else from title patterns ("Prime Minister Petr Fiala of the Czech
  Republic", "Akiba Takeo, Secretary General of ...", 新加坡总理黄循财); groups ("county
  elected officials") are kept as written.
* **The date**: absolute ("27 September 2021", "Sept. 27", "September 16-17",
  2021年9月27日, 3月18日晚) or relative ("today", "yesterday", "on Monday", "the next day",
  今天, 昨天), resolved against ``account.date`` when the account has one. A date
  without a year takes the account's year (the year before when that would put it
  more than two months after the account); with no account date it stays partial
  (``--03-18``, ISO 8601's form for a day without a year).
* **The format**: ``video`` (video call, virtual meeting, 视频), ``phone`` (call,
  telephone, "spoke with", 通电话), ``sidelines`` (on the margins of an event, at a
  summit, 期间) or ``in_person`` (met, hosted, 会见, 会谈). The verb of the meeting
  sentence decides; a modifier of that verb ("virtual", "by phone") overrides it.
* **The place** ("in Malta", "at the White House", 在北京) and the **event** of a
  sidelines meeting ("the G20 Summit", 二十国集团峰会).
* **Who asked**: a request ("at the request of X", "X requested the call", 应约, 应X请求)
  or, recorded apart, an invitation ("at the invitation of X", 应X邀请, 应邀). 应约 and
  应邀 name no one: the counterpart asked.

Every value keeps its span in the account's text; a value with span ``(-1, -1)`` was
read from the account's title because the text did not say (format and counterpart
only). ``fact_differences`` lists where two accounts' facts disagree.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from .errors import ConfigError
from .lang import simplified, zh
from .lexicon import Lexicon, Match, default_lexicon
from .model import Account, Claim, MeetingFacts, Sentence

__all__ = [
    "FORMATS",
    "counterparts",
    "extract_facts",
    "fact_differences",
    "find_dates",
    "principals",
]

#: The meeting formats, in the order they are named in reports.
FORMATS = ("in_person", "sidelines", "video", "phone")

#: How many sentences from the top may hold the meeting sentence.
_MEETING_WINDOW = 4

# --------------------------------------------------------------------------- dates

_MONTHS = {
    name: number
    for number, names in enumerate(
        "jan january|feb february|mar march|apr april|may|jun june|jul july|aug august|"
        "sep sept september|oct october|nov november|dec december".split("|"),
        start=1,
    )
    for name in names.split()
}
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH = (
    r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)"
)
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DASH = r"\s*(?:-|–|—|to|through|and)\s*"
_EN_DATE = re.compile(
    # "Monday, September 27, 2021", "Sept. 27", "September 16-17", "November 30 to December 2"
    rf"(?:(?:on\s+)?{_WD},?\s+)?(?P<m>{_MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b"
    rf"(?:{_DASH}(?:(?P<m2>{_MONTH})\s+)?(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b)?"
    r"(?:,?\s+(?P<y>(?:19|20)\d\d)\b)?"
    # "27 September 2021", "16-17 September"
    rf"|(?:(?:on\s+)?{_WD},?\s+)?(?P<D>\d{{1,2}})(?:st|nd|rd|th)?"
    rf"(?:{_DASH}(?P<D2>\d{{1,2}})(?:st|nd|rd|th)?)?\s+(?:of\s+)?(?P<M>{_MONTH})"
    r"(?:,?\s+(?P<Y>(?:19|20)\d\d)\b)?"
)
_EN_RELATIVE = re.compile(
    r"\b(?P<today>(?:earlier|later)\s+today|today|this\s+(?:morning|afternoon|evening)|tonight)\b"
    r"|\b(?P<yesterday>yesterday|last\s+night)\b"
    r"|\b(?P<next>the\s+(?:next|following)\s+day)\b"
    r"|\b(?P<before>the\s+(?:previous\s+day|day\s+before))\b"
    rf"|\b(?:on|last|this\s+past)\s+(?P<wd>{_WD})\b(?!,?\s+(?:{_MONTH}\s+)?\d)"
    r"|\b(?P<week>(?:this|last|earlier\s+this)\s+week|during\s+the\s+week\s+of\s+\w+\.?\s+\d+)\b",
    re.I,
)
_ZH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_ZH_DATE = re.compile(
    r"(?:(?P<y>\d{4})年)?(?:(?P<m>\d{1,2})月)?(?P<d>\d{1,2})[日号]"
    r"(?:\s*[-—至到]\s*(?:(?P<m2>\d{1,2})月)?(?P<d2>\d{1,2})[日号])?"
    r"(?:(?:晚间|晚上|上午|下午|中午|早上|凌晨|晚)(?!会))?"
)
_ZH_NOT_DAY = frozenset("近第数每前后多几")
_ZH_RELATIVE = re.compile(
    r"(?P<today>今天|今日|当天|当日|今晨|今晚)|(?P<yesterday>昨天|昨日|昨晚)"
    r"|(?P<before2>前天)|(?P<next>次日|第二天|翌日)"
)


@dataclass(frozen=True)
class DateMention:
    """A date expression found in a text, resolved as far as the text allows."""

    text: str
    start: int
    end: int
    iso: str  # "2021-09-27", "--09-27" (no year), "" (not resolvable)
    iso_end: str = ""  # end of a range, "" when one day
    relative: bool = False


def _parse_iso(value: str) -> date | None:
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value or "")
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _day(year: int | None, month: int, day: int, anchor: date | None) -> str:
    """ISO day; a missing year comes from the anchor (the account's date)."""
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return ""
    if year is None and anchor is not None:
        year = anchor.year
        try:
            if date(year, month, day) - anchor > timedelta(days=62):
                year -= 1  # "December 29" in an account of 3 January
        except ValueError:
            return ""
    if year is None:
        return f"--{month:02d}-{day:02d}"
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return ""


def _month(name: str) -> int:
    return _MONTHS[name.lower().rstrip(".")]


def find_dates(text: str, language: str, anchor: str = "") -> list[DateMention]:
    """Every date expression in ``text``, in order, resolved against ``anchor`` (ISO)."""
    base = _parse_iso(anchor)
    found: list[DateMention] = []
    if language == "zh":
        digits = text.translate(_ZH_DIGITS)
        last_month = base.month if base else None
        for m in _ZH_DATE.finditer(digits):
            month = int(m.group("m")) if m.group("m") else last_month
            if month is None:
                continue
            if m.group("m") is None and digits[max(0, m.start() - 1) : m.start()] in _ZH_NOT_DAY:
                continue  # "近5日", "第3日": a count of days, not a date
            year = int(m.group("y")) if m.group("y") else None
            iso = _day(year, month, int(m.group("d")), base)
            end = ""
            if m.group("d2"):
                m2 = int(m.group("m2")) if m.group("m2") else month
                end = _day(year, m2, int(m.group("d2")), base)
            last_month = month
            found.append(DateMention(text[m.start() : m.end()], m.start(), m.end(), iso, end))
        for m in _ZH_RELATIVE.finditer(text):
            found.append(_relative(m, text, base, found))
    else:
        for m in _EN_DATE.finditer(text):
            if m.group("m"):
                month, day_ = _month(m.group("m")), int(m.group("d"))
                year = int(m.group("y")) if m.group("y") else None
                m2 = _month(m.group("m2")) if m.group("m2") else month
                d2 = m.group("d2")
            else:
                month, day_ = _month(m.group("M")), int(m.group("D"))
                year = int(m.group("Y")) if m.group("Y") else None
                m2, d2 = month, m.group("D2")
            iso = _day(year, month, day_, base)
            end = _day(year, m2, int(d2), base) if d2 else ""
            if not iso:
                continue
            found.append(DateMention(text[m.start() : m.end()], m.start(), m.end(), iso, end))
        for m in _EN_RELATIVE.finditer(text):
            if any(f.start <= m.start() < f.end for f in found):
                continue
            found.append(_relative(m, text, base, found))
    found.sort(key=lambda f: f.start)
    return found


def _relative(
    m: re.Match[str], text: str, base: date | None, before: Sequence[DateMention]
) -> DateMention:
    groups = m.groupdict()
    iso = ""
    if base is not None:
        if groups.get("today"):
            iso = base.isoformat()
        elif groups.get("yesterday"):
            iso = (base - timedelta(days=1)).isoformat()
        elif groups.get("before2"):
            iso = (base - timedelta(days=2)).isoformat()
        elif groups.get("wd"):
            back = (base.weekday() - _WEEKDAYS.index(groups["wd"].lower())) % 7
            iso = (base - timedelta(days=back)).isoformat()
    if groups.get("next") or groups.get("before"):
        prior = [f for f in before if f.start < m.start() and _parse_iso(f.iso)]
        if prior:
            day = _parse_iso(prior[-1].iso)
            assert day is not None
            step = 1 if groups.get("next") else -1
            iso = (day + timedelta(days=step)).isoformat()
    return DateMention(text[m.start() : m.end()], m.start(), m.end(), iso, relative=True)


# --------------------------------------------------------------------------- format, place

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
_EN_PLACE = re.compile(
    rf"\bin\s+(?P<place>(?:the\s+)?{_PLACE_WORD}(?:\s+(?:of\s+)?{_PLACE_WORD})*"
    rf"(?:,\s+{_PLACE_WORD}(?:\s+{_PLACE_WORD})?(?=[,.;]|\s+(?:to|on|and|for|at|in|with)\b|$))?)"
    r"|\b(?:at|to)\s+(?P<at>the\s+(?:White\s+House|Oval\s+Office|Roosevelt\s+Room|"
    r"Cabinet\s+Room|State\s+Department|Pentagon|Kremlin|Elysée|Elysee|Chancellery|"
    r"Great\s+Hall\s+of\s+the\s+People|Diaoyutai\s+State\s+Guesthouse|"
    r"[A-Z][\w’'.-]*\s+(?:Palace|House|Hotel|Guesthouse|Embassy|Residence)))"
    r"|\bat\s+(?P<camp>Camp\s+David|Mar-a-Lago|Filoli\s+Estate|Woodside)"
)
_NOT_PLACE = re.compile(
    rf"^(?:the\s+)?(?:{_MONTH}|{_WD}|Washington’s|Russia’s|China’s|Ukraine’s|His|Her|"
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


# --------------------------------------------------------------------------- who asked

_WHO = (
    r"(?P<{g}>(?:the\s+)?(?-i:[A-Z])(?:[^,;.]|\.(?!\s*$))+?)"
    r"(?=\s+(?:to|and|on|in|for)\b|[,;]|\.?\s*$)"
)
_EN_REQUEST = re.compile(
    r"\bat\s+the\s+request\s+of\s+"
    + _WHO.format(g="who")
    + r"|\bat\s+(?P<who2>(?-i:[A-Z])[^,;]{1,60}?)[’']s?\s+request\b"
    + r"|\b(?:requested|sought)\s+by\s+"
    + _WHO.format(g="who3")
    + r"|(?P<subject>(?-i:[A-Z])[^,;]{1,80}?)\s+(?:had\s+)?(?:requested|asked\s+for|sought)\s+"
    r"(?:the|a|this|today[’']s)\s+(?:phone\s+|video\s+)?(?:call|meeting|conversation|talks?)\b",
    re.I,
)
_EN_INVITE = re.compile(
    r"\b(?:at|upon|on)\s+the\s+invitation\s+of\s+"
    + _WHO.format(g="who")
    + r"|\b(?:at|upon)\s+(?P<who2>(?-i:[A-Z])[^,;]{1,60}?)[’']s?\s+invitation\b"
    + r"|\bhaving\s+been\s+invited\s+by\s+"
    + _WHO.format(g="who3"),
    re.I,
)
_ZH_REQUEST = re.compile(r"应约|应(?P<who>[^，。；]{1,20}?)(?:的)?(?:请求|要求)")
_ZH_INVITE = re.compile(r"应邀|应(?P<who>[^，。；]{1,20}?)(?:的)?(?:邀请|之邀)")


# --------------------------------------------------------------------------- who met whom

_EVENT_NOUNS = (
    r"call|calls|meeting|meetings|conversation|discussion|discussions|roundtable|roundtables|"
    r"videoconference|video\s+conference|talks|dialogue|session|summit|bilateral|briefing|"
    r"exchange|consultations?|convening|forum|panel|reception|dinner|lunch|breakfast|event|"
    r"workshop|symposium|conference|celebration|ceremony|town\s+hall|webinar|listening\s+session"
)
_EN_MEETING = re.compile(
    # verb + with/to: "met (today) with", "spoke by phone with", "spoke to President X"
    r"\b(?P<v1>met|meets|spoke|speaks|talked|talks|conferred|consulted|visited\s+with)"
    r"(?P<mods>(?:\s+(?!with\b|to\b)[\w’'.,-]+){0,8}?)\s+"
    r"(?:with|to(?=\s+(?:the\s+|his\s+|her\s+|their\s+)?(?-i:[A-Z])))\s+"
    # held/had/convened a call|meeting with
    r"|\b(?P<v2>held|holds|had|has|convened|hosted|joined|led|co-?chaired|chaired|"
    r"participated\s+in)\s+(?:a|an|the|their|his|her|its|two|separate)?\s*"
    rf"(?:[\w’'-]+\s+){{0,4}}?(?P<noun>{_EVENT_NOUNS})"
    r"(?:\s+of\s+|(?:[\s,]+(?!with\b|to\b)[\w’'.-]+){0,12}?[\s,]+with\s+)"
    # transitive verbs: "called X", "hosted X", "welcomed X to", "received X", "convened X"
    r"|\b(?P<v3>called|calls|hosted|hosts|welcomed|welcomes|received|receives|convened|"
    r"convenes|joined|joins|visited|visits)\s+(?:and\s+(?-i:[a-z]+ed)\s+)?"
    rf"(?!(?:a|an|the|two|three|several|separate|its|his|her|their)\s+(?:[\w’'-]+\s+){{0,8}}?"
    rf"(?:{_EVENT_NOUNS})\b)"
    r"(?!on\b|for\b|to\b|in\b|by\b|with\b|that\b|upon\b|today\b|the\s+(?:release|news|"
    r"announcement|passage|decision|progress|efforts?|commitment)\b)"
    # passive: "The President was briefed by X"
    r"|\b(?P<v4>(?:was|were)\s+(?:briefed|hosted|received|welcomed|visited|called)\s+by)\s+"
    # intransitive: "President Biden and Amir Tamim of Qatar spoke to reaffirm ..."
    r"|\b(?P<v0>spoke|met|talked|meet|speak)(?=\s+(?:today|yesterday|by\s+(?:phone|telephone)|"
    r"on\b|in\b|to\s+(?-i:[a-z])|this\b|virtually|for\b|again\b)|[.,;])",
    re.I,
)
_EN_STOP = re.compile(
    r"\s+to\s+(?!the\s+[A-Z](?!hite\s+House))|\s+to\s+the\s+White\s+House"
    r"|\s+(?:today|yesterday|tonight|this\s+(?:morning|afternoon|evening|week)|last\s+"
    r"(?:week|night)|earlier\s+(?:today|this\s+week))\b"
    r"|\s+(?:on|in|at|about|regarding|concerning|during|ahead|before|after|following|as|via|"
    r"who|which|where|when|while|because|since|amid|through|over|under|and\s+then|"
    r"whom|whose|by\s+(?:phone|telephone|video)|engaged|working|representing|including|"
    r"serving|advancing|focused|involved|that|whose)\b"
    r"|\s+for\s+(?=[a-z])|\s+and\s+(?=(?:also\s+)?[a-z]+ed\b|discussed\b|thanked\b|spoke\b)"
    r"|\s+(?:–|—|-{2})\s*|—|;|:\s|,\s+(?=[a-z]+ing\b)|,\s+(?:and\s+)?(?=(?:who|which|where|to|as|in|on|"
    r"during|after|following|including|marking|both|each|while|with|the\s+(?:two|leaders)|"
    r"a|an)\b)",
)
# words that make up titles, offices and honorifics rather than names
_PERSON_TITLES = frozenset(
    """
    president vice prime minister secretary general deputy principal advisor adviser chancellor
    king queen crown prince princess amir emir sheikh sheikha sultan his her majesty highness
    excellency chairman chairwoman chair director ambassador ambassador-at-large envoy premier
    governor senator mayor speaker leader member head commander commander-in-chief chief gen.
    gen admiral adm. dr. dr mr. mr mrs. mrs ms. ms representative commissioner councilor
    councillor coordinator counselor taoiseach pope holiness president-elect vice-president
    attorney lieutenant colonel major marshal duke duchess lord lady sir dame hon. honorable
    congressman congresswoman rep. sen. gov. nuncio co-chair chief-of-staff director-general
    secretary-general emir. sec. amb. lt. col. maj. capt. captain minister-president
    vice-chairman vice-premier spokesperson spokesman assistant gentleman administrator counsel
    surgeon bishop reverend rev. father rabbi imam cardinal archbishop judge nominee
    secretary-designate ceo founder under-secretary undersecretary minister-counselor
    """.split()
)
# words of offices and organisations: never part of a person's name
_ORG_WORDS = frozenset(
    """
    ministers national security advisors advisers foreign defense defence affairs state special
    presidential members executive senior high cabinet war finance interior trade economy
    economic commerce treasury homeland justice permanent under-secretary undersecretary office
    council commission federal acting interim staff joint chiefs committee ranking majority
    minority party communist central politburo standing army navy air force armed forces
    supreme grand apostolic first second deputy-prime co-chairs policy relations external
    european international development cooperation intelligence agency department ministry
    royal engagement caucus community republic kingdom secretariat administration bureau
    institute foundation coalition organization organisation center centre group service
    services union bank fund court assembly parliament congress senate house government
    authority board league network alliance partnership initiative program programme
    commissions councils committees agencies nations states countries governments co-chairs
    chairs leadership delegation team task
    """.split()
)
# words that head the name of an organisation ("Office of ...", "Council on ...")
_ORG_HEADS = frozenset(
    """
    office council commission committee department ministry agency bureau administration
    secretariat institute foundation coalition organization organisation center centre group
    union bank fund court assembly parliament congress senate house government cabinet
    authority board league network alliance partnership initiative program programme task
    team delegation leadership caucus conference forum summit
    """.split()
)
_TITLE_WORDS = _PERSON_TITLES | _ORG_WORDS | _ORG_HEADS
_FUNCTION_WORDS = frozenset(("of", "the", "for", "and", "to", "on", "in", "at", "&"))
_EN_LIST_SEP = re.compile(
    r"(?:,\s+(?:and|&)\s+|\s+(?:and|&)\s+|,\s+|;\s+)(?!(?:Jr|Sr|II|III|IV)\b)"
)
_EN_INTRO = re.compile(
    r"(?:Today|Yesterday|Tonight|Earlier|Later|This|Last|On|In|At|During|Over|Following|After|"
    r"Before|Throughout|Since|As|While|Prior|Separately|Additionally|Also|Meanwhile|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)
_NAME_PARTICLES = frozenset(
    "bin bint ibn al el de del della der den van von da das dos do di du e la le ter ten zu y abu"
    " ".split()
)
_GROUP_HEADS = re.compile(
    r"\b(?:leaders|officials|members|representatives|stakeholders|advocates|executives|experts|"
    r"ceos|groups?|organizations|organisations|coalition|delegation|delegations|counterparts|"
    r"governors|mayors|legislators|lawmakers|senators|families|survivors|students|workers|"
    r"partners|allies|ministers|heads|chiefs|staff|team|teams|community|communities|"
    r"caucus|committee|council|board|union|unions|association|associations|companies|"
    r"businesses|people|americans|activists|scholars|economists|clergy|participants|"
    r"attorneys\s+general|secretaries|commissions|councils|committees|agencies|nations|countries|"
    r"governments|co-chairs|chairs|leadership|panel|officers|advisors|advisers|fellows|colleges|"
    r"universities|schools|tribes|nations|cities|states|providers|societies|institutions|"
    r"philanthropies|firms|industries|manufacturers|companies|employers|unions|negotiators)\b",
    re.I,
)
_TOKEN = re.compile(r"[\w’'.-]+")
_ACRONYM = re.compile(
    r"(?!(?:I{1,3}|IV|VI{0,3}|IX|XI{0,3})\b)(?:(?:[A-Z]\.){2,}|[A-Z]{2,}[A-Z&-]*)"
)
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
#: Chinese titles before a name (longest first), beyond those of ``lang.zh``.
_ZH_TITLES = tuple(
    sorted(
        set(zh.TITLES)
        | set(
            """
            国务委员兼外长 政治局委员 中共中央政治局委员 外交部长 国家安全顾问 首席 副首相
            外交大臣 总督 议长 国防部长 中央外事工作委员会办公室主任 中央外办主任 秘书长
            联合国秘书长 外交部副部长 副部长 常务副部长 贸易代表 财长 财政部长 商务部长
            国务卿 副国务卿 国家安全事务助理 总统国家安全事务助理 副总理 总理 总统 主席
            国家主席 首相 国王 王储 埃米尔 亲王 女王 大公 委员长 特使 特别代表 高级代表
            专员
            """.split()
        ),
        key=len,
        reverse=True,
    )
)


def _lang_text(account: Account, view: str | None) -> str:
    if account.language == "zh":
        return view if view is not None else simplified(account.text)
    return account.text


@dataclass
class _Party:
    """One participant as found, before it becomes a plain dict."""

    name: str
    role: str = ""
    party: str = ""
    affiliation: str = ""
    kind: str = "person"  # person, group, side
    position: str = "counterpart"  # principal, counterpart
    start: int = -1
    end: int = -1
    name_start: int = -1  # where the name begins after its title

    def to_dict(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        d.pop("name_start")
        return d


class _Reader:
    """Reads the facts of one account; one instance per call of ``extract_facts``."""

    def __init__(self, account: Account, text: str, lexicon: Lexicon):
        self.account = account
        self.text = text
        self.lexicon = lexicon
        self.zh = account.language == "zh"
        self.mentions = lexicon.actor_matcher.find(account.text, account.language, text)
        self.year = int(account.date[:4]) if re.match(r"\d{4}-", account.date) else None

    # -- actors
    def _mentions(self, start: int, end: int) -> list[Match]:
        return [m for m in self.mentions if start <= m.start and m.end <= end]

    def _party_in(self, start: int, end: int) -> str:
        for m in self._mentions(start, end):
            actor = self.lexicon.actors[m.id]
            if actor.kind != "person":
                return actor.party
        return ""

    def _holder(self, role: str, party: str) -> str:
        """The lexicon person who held ``role`` for ``party`` in the account's year."""
        if not role or self.year is None:
            return ""
        key = re.sub(r"^(?:the|u\.s\.|us|american)\s+", "", role.lower()).strip()
        hits = [
            a.id
            for a in self.lexicon.actors.values()
            if a.kind == "person"
            and (not party or a.party == party)
            and any(r.lower() == key and lo <= self.year <= hi for r, lo, hi in a.roles)
        ]
        if len(hits) > 1:  # "the President" in 2021: the one the title or text names
            named = {m.id for m in self.mentions} | {
                m.id
                for m in self.lexicon.actor_matcher.find(
                    self.account.title, "zh" if self.zh else "en", self.account.title
                )
            }
            hits = [h for h in hits if h in named]
        return hits[0] if len(hits) == 1 else ""

    # -- English people
    def _strip_affiliation(self, start: int, end: int) -> tuple[int, str]:
        """Split "... of Qatar" / "... of the Czech Republic" off the end of a name."""
        piece = self.text[start:end]
        m = re.search(
            r"\s+of\s+(?:the\s+)?((?:[A-Z][\w’'.-]*)(?:\s+(?:[A-Z][\w’'.-]*|of|and|the))*"
            r"(?:\s*\([A-Z.]+\))?)\s*$",
            piece,
        )
        if not m:
            return end, ""
        before = _TOKEN.findall(piece[: m.start()])
        if not before or before[-1].lower() in _TITLE_WORDS or before[-1][0].islower():
            return end, ""  # "Secretary of Veterans Affairs X": the "of" is part of a title
        return start + m.start(), m.group(1)

    def _person_en(self, start: int, end: int, default_party: str = "") -> _Party | None:
        """One person, group or side named by text[start:end]."""
        text = self.text
        while start < end and text[start] in " ,;":
            start += 1
        while end > start and text[end - 1] in " ,;":
            end -= 1
        if start >= end:
            return None
        piece = text[start:end]
        found = self._mentions(start, end)
        persons = [m for m in found if self.lexicon.actors[m.id].kind == "person"]
        core_end, affiliation = self._strip_affiliation(start, end)
        party = self._party_in(start, end)
        before = text[start : persons[-1].start].split() if persons else []
        if (
            persons
            and " " not in text[persons[-1].start : persons[-1].end].strip()
            and before
            and before[-1][:1].isupper()
            and before[-1].lower() not in _TITLE_WORDS
        ):
            persons = []  # "Taoiseach Simon Harris": not the Harris the lexicon knows
        if persons:
            m = persons[-1]
            actor = self.lexicon.actors[m.id]
            name_start = m.start
            for t in _TOKEN.finditer(text, m.start, m.end):
                if t.group(0).lower() not in _TITLE_WORDS:
                    break
                name_start = t.end()  # "President Xi": the title is part of the match
            while name_start < m.end and text[name_start].isspace():
                name_start += 1
            role = re.sub(r"^(?:the|and)\s+", "", text[start:name_start].strip(" ,"))
            return _Party(
                actor.name,
                role,
                actor.party,
                affiliation,
                "person",
                start=start,
                end=end,
                name_start=name_start,
            )
        toks = [
            (t.start() + start, t.end() + start, t.group(0))
            for t in _TOKEN.finditer(text[start:core_end])
            if not (
                text[t.start() + start - 1 : t.start() + start] == "("
                and _ACRONYM.fullmatch(t.group(0))
            )
        ]
        if not toks:
            return None
        first, last = toks[0][2], toks[-1][2]
        if last.lower() in ("him", "her", "them", "counterparts", "counterpart"):
            return None
        sides = [m for m in found if self.lexicon.actors[m.id].kind != "person"]
        if (
            (last[0].islower() and last.lower() not in _NAME_PARTICLES)
            or _GROUP_HEADS.fullmatch(last)
            or (first[0].islower() and _GROUP_HEADS.fullmatch(first))
        ):
            kind = "side" if sides and len(toks) <= 3 else "group"  # "the Chinese side"
            return _Party(
                piece, "", party, affiliation, kind, start=start, end=end, name_start=start
            )
        # the name: the run of capitalised words at the end that holds no title word
        i = len(toks)
        while i > 0:
            w = toks[i - 1][2]
            lw = w.lower()
            if lw in _TITLE_WORDS or (w[0].islower() and lw not in _NAME_PARTICLES):
                break
            if _ACRONYM.fullmatch(w) or any(m.start <= toks[i - 1][0] < m.end for m in sides):
                break  # an acronym ("CARICOM"), a country or organisation ("Ukrainian", "Japan")
            if i >= 2 and toks[i - 2][2].lower() in _FUNCTION_WORDS:
                i = len(toks) if i == len(toks) or toks[i - 2][2].lower() != "and" else i
                break  # "Office of Public Engagement": an organisation's name, not a person's
            i -= 1
        while i < len(toks) and toks[i][2].lower() in _NAME_PARTICLES:
            i += 1
        if i == len(toks):
            # titles only ("the President of Guatemala", "His Highness"), or an organisation
            role = re.sub(r"^(?:the|and)\s+", "", piece)
            if not affiliation:
                m = re.search(r".*\bof\s+(?:the\s+)?([A-Z][^,]*)$", piece)
                if m and m.group(1).split()[0].lower() not in _TITLE_WORDS:
                    affiliation = m.group(1)
            if sides and sides[-1].start == start and sides[-1].end == end:
                return _Party(piece, "", party, "", "side", start=start, end=end, name_start=start)
            # "Minister of Foreign Affairs" names a person; "Office of the National Cyber
            # Director" and "the Dominican Republic" an organisation
            words = [t[2].lower() for t in toks if t[2].lower() != "the"]
            if (words and words[0] in _ORG_HEADS) or not any(w in _PERSON_TITLES for w in words):
                return _Party(
                    piece, "", party, affiliation, "group", start=start, end=end, name_start=start
                )
            holder = (party or default_party) and self._holder(
                re.sub(r"\s+of\s+.*$", "", role), party or default_party
            )
            if holder:
                actor = self.lexicon.actors[holder]
                return _Party(
                    actor.name,
                    role,
                    actor.party,
                    affiliation,
                    "person",
                    start=start,
                    end=end,
                    name_start=end,
                )
            return _Party(
                "", role, party, affiliation, "title", start=start, end=end, name_start=end
            )
        name = text[toks[i][0] : toks[-1][1]]
        role = re.sub(r"^(?:the|and)\s+", "", text[start : toks[i][0]].strip(" ,"))
        return _Party(
            name, role, party, affiliation, "person", start=start, end=end, name_start=toks[i][0]
        )

    def _people_en(self, start: int, end: int, default_party: str = "") -> list[_Party]:
        """Split a phrase naming one or more people ("X, Y, and Z") into participants."""
        text = self.text
        piece = text[start:end]
        first = _TOKEN.match(piece)
        if first and first.group(0)[0].islower() and first.group(0) not in ("the", "and"):
            # "members of the Alabama, Louisiana, and Mississippi delegations": one group
            one = self._person_en(start, end, default_party)
            if one is not None and one.kind in ("group", "side"):
                return [one]
        bounds = [start]
        for m in _EN_LIST_SEP.finditer(piece):
            bounds.extend([start + m.start(), start + m.end()])
        bounds.append(end)
        parties: list[_Party] = []
        for k in range(0, len(bounds), 2):
            a, b = bounds[k], bounds[k + 1]
            p = self._person_en(a, b, default_party)
            if p is None:
                continue
            prev = parties[-1] if parties else None
            if (
                p.kind == "group"
                and prev is not None
                and prev.kind == "person"
                and text[a:b].split()[0].lower() in (_PERSON_TITLES | {"member", "head"})
                and text[a:b][:1].islower()
            ):
                # "Wang Yi, member of the Political Bureau ...": a lower-case apposition
                prev.role = f"{prev.role} and {p.name}" if prev.role else p.name
                prev.end = p.end
                continue
            elif (
                p.kind == "group"
                and prev is not None
                and (
                    prev.kind in ("group", "side")
                    or (
                        prev.kind == "person"
                        and text[p.end - 1 : p.end].islower()
                        and not any(
                            w.lower() in _PERSON_TITLES
                            for w in _TOKEN.findall(text[prev.start : prev.end])
                        )
                    )
                )
            ):
                # "Israeli and Palestinian women leaders", "labor, and civil rights leaders"
                parties.pop()
                p = _Party(
                    text[prev.start : p.end].strip(),
                    "",
                    prev.party or p.party,
                    "",
                    "group",
                    start=prev.start,
                    end=p.end,
                    name_start=prev.start,
                )
            elif p.kind == "title" and prev is not None and prev.kind == "title":
                # "Politburo Member, Director of ..., and Foreign Minister Wang Yi"
                prev.role = f"{prev.role}, {p.role}"
                prev.end = p.end
                continue
            elif (
                p.kind == "person"
                and not p.role
                and " " not in p.name
                and prev is not None
                and prev.affiliation
                and text[prev.end : p.start].strip() in ("and", "&", ", and")
            ):
                # "Prime Minister Rowley of Trinidad and Tobago"
                cut = text.rfind(" of ", prev.start, prev.end) + 4
                prev.affiliation = re.sub(r"^the\s+", "", text[cut : p.end])
                prev.end = p.end
                continue
            elif p.kind == "title" and prev is not None and prev.kind == "person":
                # "Akiba Takeo, Secretary General of ...": an apposition
                prev.role = f"{prev.role} and {p.role}" if prev.role else p.role
                prev.affiliation = prev.affiliation or p.affiliation
                prev.party = prev.party or p.party
                prev.end = p.end
                continue
            elif (
                p.kind == "person"
                and prev is not None
                and (
                    prev.kind == "title"
                    or (
                        prev.kind in ("group", "side")
                        and text[prev.end - 1 : prev.end].islower()
                        and not _GROUP_HEADS.search(text[prev.start : prev.end])
                    )
                )
            ):
                # "the President of Guatemala, Alejandro Giammattei", "journalist and activist X"
                parties.pop()
                p.role = text[prev.start : p.name_start].strip(" ,")
                p.affiliation = p.affiliation or prev.affiliation
                p.party = p.party or prev.party
                p.start = prev.start
            parties.append(p)
        out = []
        for p in parties:
            if p.kind == "title":
                p.kind = "person"
            if p.name or p.role:
                out.append(p)
        return out

    def _clip_en(self, start: int, limit: int) -> int:
        pos = start
        while True:
            m = _EN_STOP.search(self.text, pos, limit)
            before = _TOKEN.findall(self.text[start : m.start()]) if m else []
            if (
                m
                and re.fullmatch(r"\s+(?:on|for)", m.group(0))
                and before
                and before[-1].lower() in _ORG_HEADS
                and self.text[m.end() : m.end() + 2].strip()[:1].isupper()
            ):
                pos = m.end()  # "the Council on Supply Chain Resilience": part of a name
                continue
            break
        end = m.start() if m else limit
        # "(PRC)" after a name stays; an unclosed "(" does not
        if self.text.count("(", start, end) > self.text.count(")", start, end):
            end = self.text.find("(", start, end)
        while end > start and self.text[end - 1] in " ,":
            end -= 1
        if (
            end > start
            and self.text[end - 1] == "."
            and not re.search(
                r"(?:\b[A-Z]|Jr|Sr|Gen|Adm|Dr|Mr|Mrs|Ms|Co|Inc|Ltd|St)\.$", self.text[start:end]
            )
        ):
            end -= 1
        return end

    def meeting_en(self, sents: Sequence[Sentence]) -> tuple[Sentence | None, re.Match[str] | None]:
        for s in sents[:_MEETING_WINDOW]:
            m = _EN_MEETING.search(self.text, s.start, s.end)
            if m:
                return s, m
        return None, None

    def _strip_intro(self, a: int, end: int) -> int:
        """Skip "Today, ", "On Saturday, December 9, ", "Today in Jeddah, " before a subject."""
        text = self.text
        while True:
            comma = text.find(",", a, end)
            if comma < 0:
                return a
            head = text[a:comma].strip()
            if (
                _EN_INTRO.match(head)
                or _EN_DATE.fullmatch(head)
                or re.fullmatch(r"\d{4}", head)
                or re.match(r"(?:to|as|in|on|at|after|during|following|with|for)\s", head)
            ):
                a = comma + 1
                while a < end and text[a].isspace():
                    a += 1
                continue
            return a

    def subject_en(self, s: Sentence, verb_start: int) -> list[_Party]:
        text = self.text
        a = self._strip_intro(s.start, verb_start)
        end = verb_start
        # trailing modifiers before the verb: "President Biden today", "X and Y also"
        tail = re.search(
            r"(?:\s+(?:today|yesterday|also|separately|jointly|together|both|again|virtually|"
            r"briefly|this\s+\w+|on\s+\w+day)|,)+\s*$",
            text[a:end],
            re.I,
        )
        if tail:
            end = a + tail.start()
        people = self._people_en(a, end, self.account.party)
        for p in people:
            p.position = "principal"
        return people

    def _named_before(self, s: Sentence, principals: Sequence[_Party]) -> list[_Party]:
        """ "At the request of X, Wang Yi held a video meeting with him": him is X."""
        taken = {p.name for p in principals}
        m = _EN_REQUEST.search(self.text, s.start, s.end) or _EN_INVITE.search(
            self.text, s.start, s.end
        )
        if m:
            g = next(g for g in ("who", "who2", "who3", "subject") if m.groupdict().get(g))
            found = [p for p in self._people_en(m.start(g), m.end(g)) if p.name not in taken]
            if found:
                return found
        out = []
        for mention in self._mentions(s.start, s.end):
            actor = self.lexicon.actors[mention.id]
            if actor.kind == "person" and actor.name not in taken:
                out.append(
                    _Party(
                        actor.name,
                        "",
                        actor.party,
                        start=mention.start,
                        end=mention.end,
                        name_start=mention.start,
                    )
                )
                break
        return out

    def _resolve_pronouns(
        self, people: list[_Party], sents: Sequence[Sentence], s: Sentence
    ) -> list[_Party]:
        """ "She met with ...": the principal is the subject of the first sentence."""
        if not people or people[0].name.lower() not in ("he", "she", "they"):
            return people
        first = sents[0]
        if first.index >= s.index:
            return people
        a = self._strip_intro(first.start, first.end)
        verb = re.search(
            r"\s(?!(?:of|the|for|and|to|on|in|at|de|bin|al)\b)(?-i:[a-z]+)\b",
            self.text[a : first.end],
        )
        if verb is None:
            return people
        earlier = self._people_en(a, a + verb.start(), self.account.party)
        if not earlier:
            return people
        for p in earlier:
            p.position = "principal"
            p.party = p.party or self.account.party
        return earlier + people[1:]

    def participants_en(
        self, sents: Sequence[Sentence]
    ) -> tuple[list[_Party], Sentence | None, re.Match[str] | None]:
        s, m = self.meeting_en(sents)
        if s is None or m is None:
            return [], None, None
        principals = self.subject_en(s, m.start())
        principals = self._resolve_pronouns(principals, sents, s)
        obj_start = m.end()
        end = self._clip_en(obj_start, s.end)
        others = self._people_en(obj_start, end) if end > obj_start and not m.group("v0") else []
        if not others and re.match(r"(?:him|her|them)\b", self.text[obj_start:end]):
            others = self._named_before(s, principals)
        for p in others:
            p.position = "counterpart"
        # "President Biden and Amir Tamim of Qatar spoke": the subject holds both sides
        if not others and len(principals) > 1:
            own = self.account.party
            split = [p for p in principals if p.party and own and p.party != own]
            if not split:
                split = [p for p in principals[1:] if p.affiliation]
            for p in split:
                p.position = "counterpart"
        for p in principals:
            if p.position == "principal" and not p.party:
                p.party = self.account.party
        return principals + others, s, m

    # -- Chinese people
    def _person_zh(self, start: int, end: int) -> _Party | None:
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
            name = actor.names_zh[0] if actor.names_zh else actor.name
            return _Party(
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
        for t in _ZH_TITLES:
            k = piece.rfind(t)
            if k >= 0 and k + len(t) > best:
                best, title = k + len(t), t
        if best < 0:
            kind = "side" if party else "group"
            return _Party(piece, "", party, "", kind, start=start, end=end, name_start=start)
        name = piece[best:]
        role_start = piece.find(title)
        if lead:
            affiliation, role = text[lead.start : lead.end], text[lead.end : start + best]
        else:
            affiliation, role = piece[:role_start], piece[role_start:best]
        kind = "person" if name else "title"  # "美国总统" alone: a title without a name
        return _Party(
            name, role, party, affiliation, kind, start=start, end=end, name_start=start + best
        )

    def _people_zh(self, start: int, end: int) -> list[_Party]:
        """ "中共中央政治局委员、外交部长王毅": titles before a name are its role."""
        text = self.text
        parties: list[_Party] = []
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
    ) -> tuple[list[_Party], Sentence | None, re.Match[str] | None]:
        text = self.text
        for s in sents[:_MEETING_WINDOW]:
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


# --------------------------------------------------------------------------- the stage


def _title_fallback(reader: _Reader, title: str) -> tuple[list[_Party], str]:
    """Counterparts and format from a title like "Readout of X's Call with Y"."""
    if not title or reader.zh:
        return [], ""
    fmt = ""
    low = title.lower()
    if re.search(r"\bvideo|virtual", low):
        fmt = "video"
    elif re.search(r"\bcall\b|\bphone", low):
        fmt = "phone"
    elif re.search(r"\bmeeting|\bvisit|\bbilateral", low):
        fmt = "in_person"
    people: list[_Party] = []
    m = re.search(r"\b(?:Call|Meeting|Calls|Meetings|Conversation)\s+with\s+(.+)$", title)
    if m:
        sub = _Reader(replace(reader.account, text=title), title, reader.lexicon)
        end = sub._clip_en(m.start(1), len(title))
        for p in sub._people_en(m.start(1), end):
            p.position, p.start, p.end = "counterpart", -1, -1
            people.append(p)
    return people, fmt


def _purpose(text: str, a: int, b: int) -> int:
    """Where the purpose clause of a meeting sentence begins ("... to discuss ..."), else b."""
    m = _EN_PURPOSE.search(text, a, b)
    return m.start() if m else b


def _format(
    reader: _Reader, s: Sentence | None, verb: re.Match[str] | None
) -> tuple[str, tuple[int, int], str, tuple[int, int]]:
    """(format, span, event, event span) from the meeting sentence."""
    none = ("", (-1, -1), "", (-1, -1))
    if s is None:
        return none
    text = reader.text
    a, b = s.start, s.end
    if reader.zh:
        v = _ZH_VIDEO.search(text, a, b)
        side = _ZH_SIDELINES.search(text, a, b)
        ph = _ZH_PHONE.search(text, a, b)
        inp = _ZH_INPERSON.search(text, a, b)
        by_verb = None
    else:
        limit = _purpose(text, a, b)
        v = _EN_VIDEO.search(text, a, limit)
        side = _EN_SIDELINES.search(text, a, b) or _EN_AT_EVENT.search(text, a, limit)
        ph = _EN_PHONE_WORD.search(text, a, limit)
        inp = _EN_INPERSON.search(text, a, limit)
        by_verb = _verb_format(verb) if verb is not None else None
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
    if ph and (not inp or ph.start() < inp.start() or reader.zh):
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


def _place(
    reader: _Reader, s: Sentence | None, people: Sequence[_Party]
) -> tuple[str, tuple[int, int]]:
    if s is None:
        return "", (-1, -1)
    text = reader.text
    if reader.zh:
        m = _ZH_PLACE.search(text, s.start, s.end)
        if m and not re.search(r"出席|参加|期间|访问期间", m.group("place")):
            return m.group("place"), (m.start("place"), m.end("place"))
        return "", (-1, -1)
    a, b = s.start, s.end
    limit = _purpose(text, a, b)
    for m in _EN_PLACE.finditer(text, a, limit):
        g = "place" if m.group("place") else ("at" if m.group("at") else "camp")
        value = m.group(g)
        if g == "place" and _NOT_PLACE.match(value):
            continue
        if any(p.start <= m.start(g) < p.end for p in people if p.start >= 0):
            continue  # "Special Representative ... in Conflict": part of a title
        if g == "place" and re.match(r"(?:the\s+)?(?:\d|[A-Z]{2,}\b(?!\s))", value) is None:
            words = value.split()
            if all(w.lower() in _TITLE_WORDS for w in words if w != "the"):
                continue
        value = re.sub(r"\s+(?:on|of)$", "", value)
        if value.endswith(".") and not re.search(r"[A-Z]\.[A-Z]\.$", value):
            value = value[:-1]
        return value, (m.start(g), m.start(g) + len(value))
    return "", (-1, -1)


def _who(reader: _Reader, start: int, end: int, counter: Sequence[_Party]) -> tuple[str, str]:
    """(party, name) of the one who asked, from the text naming them."""
    if start < 0:
        if counter:
            c = counter[0]
            return c.party, c.name or c.role
        return "", ""
    phrase = reader.text[start:end].strip()
    people = reader._people_zh(start, end) if reader.zh else reader._people_en(start, end)
    party = reader._party_in(start, end)
    if people:
        p = people[0]
        return p.party or party, p.name or p.role or phrase
    return party, phrase


def _ask(
    reader: _Reader, sents: Sequence[Sentence], counter: Sequence[_Party], invite: bool
) -> tuple[str, str, tuple[int, int]]:
    text = reader.text
    window = sents[:_MEETING_WINDOW]
    if not window:
        return "", "", (-1, -1)
    a, b = window[0].start, window[-1].end
    if reader.zh:
        rx = _ZH_INVITE if invite else _ZH_REQUEST
        m = rx.search(text, a, b)
        if not m:
            return "", "", (-1, -1)
        if m.group("who"):
            party, name = _who(reader, m.start("who"), m.end("who"), counter)
        else:
            party, name = _who(reader, -1, -1, counter)
        return party, name, (m.start(), m.end())
    rx = _EN_INVITE if invite else _EN_REQUEST
    m = None
    for sent in window:
        m = rx.search(text, sent.start, sent.end)
        if m:
            break
    if not m:
        return "", "", (-1, -1)
    for g in ("who", "who2", "who3", "subject"):
        if g in m.groupdict() and m.group(g):
            s0, e0 = m.start(g), m.end(g)
            if g == "subject":
                cut = max(text.rfind(",", s0, e0), text.rfind(".", s0, e0))
                s0 = cut + 1 if cut >= 0 else s0
            party, name = _who(reader, s0, e0, counter)
            return party, name, (m.start(), m.end())
    return "", "", (-1, -1)


def _meeting_date(
    reader: _Reader, sents: Sequence[Sentence], s: Sentence | None
) -> DateMention | None:
    """The date of the meeting: in the meeting sentence, else in the first paragraph."""
    account = reader.account
    dates = find_dates(reader.text, account.language, account.date)
    if not dates:
        return None
    if s is not None:
        inside = [d for d in dates if s.start <= d.start < s.end]
        if not reader.zh:
            purpose = re.search(
                r"\s+to\s+(?!the\b)[a-z]+|,\s+(?:which|when|where|after|before|"
                r"ahead)\b|\s+(?:ahead\s+of|in\s+advance\s+of|before|after)\s",
                reader.text[s.start : s.end],
            )
            if purpose:
                early = [d for d in inside if d.start < s.start + purpose.start()]
                inside = early or []
        if inside:
            return next((d for d in inside if d.iso), inside[0])
    window = sents[: (s.index + 1) if s is not None else 2]
    head = [d for d in dates for t in window if t.start <= d.start < t.end]
    return next((d for d in head if d.iso), head[0]) if head else None


def extract_facts(
    account: Account,
    sentences: Sequence[Sentence],
    claims: Sequence[Claim] = (),
    lexicon: Lexicon | None = None,
    view: str | None = None,
) -> MeetingFacts:
    """The meeting facts an account states, each with its span (see the module doc)."""
    if account.language not in ("en", "zh"):
        raise ConfigError(f"facts: unsupported language {account.language!r}")
    lexicon = lexicon or default_lexicon()
    reader = _Reader(account, _lang_text(account, view), lexicon)
    if account.language == "zh":
        people, s, verb = reader.participants_zh(sentences)
    else:
        people, s, verb = reader.participants_en(sentences)
    fmt, fmt_span, event, event_span = _format(reader, s, verb)
    if s is None:  # no meeting verb: the first sentence that names a format ("hosted a Summit")
        for t in sentences[:2]:
            fmt, fmt_span, event, event_span = _format(reader, t, None)
            if fmt:
                break
    if (
        fmt == "in_person"
        and account.language == "en"
        and re.search(r"\b(?:virtual|video)", account.title, re.I)
        and not re.search(r"\bin\s+person\b", reader.text[: sentences[0].end] if sentences else "")
    ):
        fmt, fmt_span = "video", (-1, -1)  # "... Virtual Listening Session": the title says how
    if not any(p.position == "counterpart" for p in people) or not fmt:
        extra, title_fmt = _title_fallback(reader, account.title)
        if not any(p.position == "counterpart" for p in people):
            people.extend(extra)
        if not fmt and title_fmt:
            fmt = title_fmt
    basis = ""
    if fmt:
        cue = reader.text[fmt_span[0] : fmt_span[1]].lower() if fmt_span[0] >= 0 else ""
        basis = "title" if fmt_span[0] < 0 else "stated"
        if fmt == "phone" and re.fullmatch(r"spoke|speaks?|talked|talks?", cue):
            basis = "verb"  # "spoke with": a call by default, not a stated one
    counter = [p for p in people if p.position == "counterpart"]
    requested_by, requested_name, request_span = _ask(reader, sentences, counter, invite=False)
    invited_by, invited_name, invite_span = _ask(reader, sentences, counter, invite=True)
    when = _meeting_date(reader, sentences, s)
    place, place_span = _place(reader, s, people)
    return MeetingFacts(
        participants=tuple(p.to_dict() for p in people),
        date=when.iso if when else "",
        date_end=when.iso_end if when else "",
        date_text=when.text if when else "",
        date_span=(when.start, when.end) if when else (-1, -1),
        format=fmt,
        format_span=fmt_span,
        event=event,
        event_span=event_span,
        place=place,
        place_span=place_span,
        requested_by=requested_by,
        requested_by_name=requested_name,
        request_span=request_span,
        invited_by=invited_by,
        invited_by_name=invited_name,
        invite_span=invite_span,
        format_basis=basis,
    )


def principals(facts: MeetingFacts) -> list[dict[str, Any]]:
    """The participants who lead the issuer's side."""
    return [p for p in facts.participants if p.get("position") == "principal"]


def counterparts(facts: MeetingFacts) -> list[dict[str, Any]]:
    """The participants the issuer's principals met."""
    return [p for p in facts.participants if p.get("position") == "counterpart"]


# --------------------------------------------------------------------------- differences


def _dates_agree(a: str, b: str) -> bool:
    """Two ISO dates agree when every part both give is the same ("--03-18" ~ "2022-03-18")."""
    return a[-5:] == b[-5:] and (a.startswith("--") or b.startswith("--") or a[:4] == b[:4])


def _place_key(value: str, lexicon: Lexicon) -> str:
    low = value.lower().removeprefix("the ").strip()
    for actor in lexicon.actors.values():
        if actor.kind == "person":
            continue
        if low in (n.lower() for n in actor.names_en) or value in actor.names_zh:
            return actor.id
    return low


def fact_differences(
    a: MeetingFacts,
    b: MeetingFacts,
    names: tuple[str, str] = ("A", "B"),
    lexicon: Lexicon | None = None,
) -> list[dict[str, str]]:
    """Where two accounts of one meeting disagree on its facts.

    Each difference is ``{"fact", "a", "b", "finding"}``: the fact (``requested_by``,
    ``invited_by``, ``date``, ``format``, ``place``, ``participants``), each account's
    value ("" when it does not say) and one sentence for a report. Saying nothing is a
    difference only for who asked or invited (its absence is itself a signal); for the
    other facts only two stated values that contradict each other count.
    """
    lexicon = lexicon or default_lexicon()
    na, nb = names
    out: list[dict[str, str]] = []

    def add(fact: str, va: str, vb: str, finding: str) -> None:
        out.append({"fact": fact, "a": va, "b": vb, "finding": finding})

    def who(value: str, name: str) -> str:
        return lexicon.party_name(value) if value else name

    for fact, verb in (("requested_by", "asked for"), ("invited_by", "invited")):
        va, vb = getattr(a, fact), getattr(b, fact)
        named_a = va or getattr(a, fact + "_name")
        named_b = vb or getattr(b, fact + "_name")
        if named_a and not named_b:
            add(
                fact,
                va or named_a,
                "",
                f"{na} says {who(va, named_a)} {verb} the meeting; {nb} does not say who {verb} it",
            )
        elif named_b and not named_a:
            add(
                fact,
                "",
                vb or named_b,
                f"{nb} says {who(vb, named_b)} {verb} the meeting; {na} does not say who {verb} it",
            )
        elif va and vb and va != vb:
            add(
                fact, va, vb, f"{na} says {who(va, '')} {verb} the meeting; {nb} says {who(vb, '')}"
            )
    if a.date and b.date and not _dates_agree(a.date, b.date):
        add("date", a.date, b.date, f"{na} dates the meeting {a.date}; {nb} dates it {b.date}")
    compatible = {frozenset(("in_person", "sidelines"))}
    remote = frozenset(("phone", "video"))
    if frozenset((a.format, b.format)) == remote and "verb" in (a.format_basis, b.format_basis):
        compatible.add(remote)  # "spoke with" does not say it was not a video call
    if (
        a.format
        and b.format
        and a.format != b.format
        and frozenset((a.format, b.format)) not in compatible
    ):
        add(
            "format",
            a.format,
            b.format,
            f"{na} reports a {a.format.replace('_', ' ')} meeting; "
            f"{nb} a {b.format.replace('_', ' ')} one",
        )
    if a.place and b.place:
        ka, kb = _place_key(a.place, lexicon), _place_key(b.place, lexicon)
        same_script = bool(re.search(r"[A-Za-z]", a.place)) == bool(re.search(r"[A-Za-z]", b.place))
        if ka != kb and (same_script or (ka in lexicon.actors and kb in lexicon.actors)):
            add(
                "place",
                a.place,
                b.place,
                f"{na} places the meeting in {a.place}; {nb} in {b.place}",
            )
    pa = {p["party"] for p in a.participants if p.get("party")}
    pb = {p["party"] for p in b.participants if p.get("party")}
    if pa and pb and pa != pb:
        only_a, only_b = sorted(pa - pb), sorted(pb - pa)
        bits = []
        if only_a:
            names_a = ", ".join(lexicon.party_name(x) for x in only_a)
            bits.append(f"only {na} names participants from {names_a}")
        if only_b:
            names_b = ", ".join(lexicon.party_name(x) for x in only_b)
            bits.append(f"only {nb} names participants from {names_b}")
        add("participants", ",".join(sorted(pa)), ",".join(sorted(pb)), "; ".join(bits))
    return out
