"""Claim views: what a claim *is* to every stage after reading.

A :class:`ClaimView` is filled once per claim from its reading and the lexicons, and
every later stage reads it instead of working it out again: the text the sentence
encoder sees (:func:`encoder_text`: the claim without its reporting frame, a list item
with the words of its list around it, Chinese in its simplified form), the topics and
the specific issues it names, the actors it mentions (not its speaker), its numbers,
the party that speaks, whether it only reports the meeting, and its **stance**: +1
cooperative or reassuring, -1 conflictual (concern, criticism, rejection, a warning,
a demand made of the other side, a strong word of protest), 0 neither. Stance comes
from the act and tone lexicons; negation is in the act cues ("did not seek", 不寻求).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from .lang import language_for, text_view
from .lexicon import Lexicon, Match
from .model import Claim, Reading

__all__ = [
    "ClaimView",
    "claim_views",
    "content_text",
    "encoder_text",
    "is_meeting_report",
    "lean",
]

_LEADING = re.compile(r"^(?:and|but|or|while|whereas|yet|however|also|then|that)\b[\s,]*", re.I)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_MEETING_WORDS = re.compile(
    r"\b(?:met|meets|meeting|held|holds|hosted|spoke|speaks|call|video|virtual|summit|talks)\b"
    r"|会见|会晤|会谈|通话|通电话|视频|举行",
    re.I,
)


def content_text(view: str, claim: Claim, language: str) -> str:
    """What a claim says, without its reporting frame; a list item keeps the words of its
    list around it ("concerns about" + item, "推进在" + item + "等领域的务实合作").
    ``view`` is the text the lexicons read (the simplified view of Chinese)."""
    body = view[claim.start : claim.end]
    if claim.frame_start >= 0:
        body = view[claim.frame_start : claim.frame_end] + " " + _LEADING.sub("", body)
    if claim.tail_start >= 0:
        body = body.rstrip(" ,，、") + " " + view[claim.tail_start : claim.tail_end]
    body, stripped = language_for(language).strip_frame(body)
    return stripped if len(stripped) >= 0.3 * len(body) else body


def encoder_text(reading: Reading, claim: Claim, view: str | None = None) -> str:
    """The text the sentence encoder sees for a claim: its content, lower-cased (capitals
    do not split the vocabulary), Chinese in simplified form. Alignment, the corpus and
    the multi-version comparison all encode exactly this."""
    acc = reading.account
    view = text_view(acc.text, acc.language, view)
    return content_text(view, claim, acc.language).lower()


@lru_cache(maxsize=50_000)
def _stem(word: str) -> str:
    for suffix in ("ations", "ation", "ities", "ity", "ing", "ies", "ied", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _numbers(text: str, language: str) -> frozenset[str]:
    nums = {n.replace(",", "") for n in _NUMBER.findall(text)}
    nums |= language_for(language).months(text)
    return frozenset(nums)


def lean(claim: Claim, lexicon: Lexicon) -> int:
    """-1 (conflictual), +1 (cooperative or reassuring) or 0: the act's stance, made
    conflictual by a strong word of concern or protest, unless the claim is negated
    ("不寻求通过强化同盟关系反对中国": an assurance, whatever word it denies)."""
    act = lexicon.acts.get(claim.act)
    value = {"+": 1, "-": -1}.get(act.stance, 0) if act is not None else 0
    if claim.negated and value > 0:
        return value
    for hit in claim.tone:
        term = lexicon.tone.get(hit.term)
        if term is not None and term.valence <= -2 and term.category in ("ladder", "signal"):
            value = -1
    return value


def is_meeting_report(claim: Claim, view: str) -> bool:
    """Does the claim only report the meeting itself ("X met Y", "王毅同…举行会谈")?"""
    return claim.act == "consult" and bool(_MEETING_WORDS.search(view, claim.start, claim.end))


@dataclass(frozen=True)
class ClaimView:
    """What the stages after reading need of one claim (see the module docstring)."""

    claim: Claim
    content: str  # the encoder text
    language: str
    topics: frozenset[str]
    specific: frozenset[str]  # topics that name an issue
    issue: str  # the first specific topic the claim names, "" when none
    actors: frozenset[str]  # parties mentioned (not the speaker)
    numbers: frozenset[str]
    party: str  # the speaker's party; "both" for both sides, "" when unknown
    sentence: int
    stance: int  # -1, 0, +1 (see the module docstring)
    toward_other: bool  # a request or demand that names the other side's party
    attributed: bool  # the speaker is the other side (filled by :func:`claim_views`)
    meeting: bool  # only reports the meeting itself
    charged: bool  # names its event in charged words ("unprovoked invasion", 侵略)


def _regions(c: Claim) -> list[tuple[int, int]]:
    """The stretches of text a claim is read from: its span, its frame and its tail."""
    spans = [(c.start, c.end), (c.frame_start, c.frame_end), (c.tail_start, c.tail_end)]
    return [(a, b) for a, b in spans if a >= 0]


def _mentions_in(c: Claim, mentions: Sequence[Match], starts: Sequence[int]) -> list[Match]:
    """The mentions that start in the claim's span, frame or tail (found by bisection:
    an account of thousands of sentences has thousands of mentions)."""
    return [
        m for a, b in _regions(c) for m in mentions[bisect_left(starts, a) : bisect_left(starts, b)]
    ]


def _demands_of(
    c: Claim, view: str, found: Sequence[Match], lexicon: Lexicon, language: str
) -> frozenset[str]:
    """The parties the claim makes a demand of: a party named right before a modal
    ("美方应恪守…", "The U.S. side, he said, must observe …", "NATO should …")."""
    demand_after = language_for(language).demand_after
    out = set()
    for m in found:
        if c.tail_start <= m.start < c.tail_end:
            continue
        if demand_after(view[m.end : m.end + 40]):
            out.add(lexicon.party_of(m.id) or m.id)
    return frozenset(out)


def _party_mentions(c: Claim, found: Sequence[Match], lexicon: Lexicon) -> frozenset[str]:
    """The parties the claim names, its speaker aside."""
    return frozenset(
        lexicon.party_of(m.id) or m.id
        for m in found
        if not (c.speaker.start <= m.start < c.speaker.end)
    )


def claim_views(reading: Reading, lexicon: Lexicon, other_party: str = "") -> tuple[ClaimView, ...]:
    """The views of a reading's claims. ``other_party`` is the party of the account it is
    compared with: a claim whose speaker belongs to it is *attributed* (one side reporting
    what the other said), and a demand that names it is aimed at the other side."""
    account = reading.account
    lang = account.language
    view = text_view(account.text, lang)
    mentions = sorted(lexicon.actor_matcher.find(account.text, lang, view), key=lambda m: m.start)
    starts = [m.start for m in mentions]
    out = []
    for c in reading.claims:
        found = _mentions_in(c, mentions, starts)
        actors = _party_mentions(c, found, lexicon)
        party = "both" if c.speaker.kind == "both" else c.speaker.party
        specific = frozenset(t for t in c.topics if lexicon.is_specific(t))
        issue = next((t for t in c.topics if t in specific), "")
        demanded = _demands_of(c, view, found, lexicon, lang)
        toward = bool(other_party) and (
            other_party in demanded or (c.act == "request" and other_party in actors)
        )
        stance = -1 if toward else lean(c, lexicon)
        charged = any(
            (term := lexicon.tone.get(h.term)) is not None and term.category == "framing"
            for h in c.tone
        )
        out.append(
            ClaimView(
                claim=c,
                content=content_text(view, c, lang).lower(),
                language=lang,
                topics=frozenset(c.topics),
                specific=specific,
                issue=issue,
                actors=actors,
                numbers=_numbers(view[c.start : c.end], lang),
                party=party,
                sentence=c.sentence,
                stance=stance,
                toward_other=toward,
                attributed=bool(other_party)
                and c.speaker.kind in ("person", "side")
                and c.speaker.party == other_party,
                meeting=is_meeting_report(c, view) and not specific,
                charged=charged,
            )
        )
    return tuple(out)
