"""Signals: what an analyst reads off each account, and off the two accounts side by side.

Per account (``account_signals``): the atmosphere words that describe the talks
("candid discussions", "the meeting was constructive", 坦诚, 建设性的会谈; not "a
constructive role", 发挥建设性作用: :func:`readouts.tone.describes_talks`), the highest
rung reached on the concern → regret → dissatisfaction → opposition → protest ladder,
the statements attributed to the other side, the topics in the order they are first
raised, and the length.

Per comparison (``comparison_signals``): where the two accounts differ on each of
these, plus the meeting facts they disagree on (:func:`readouts.facts.fact_differences`).

The ladder is ordinal (``../shared/reference/codewords.md`` §5): the rungs are
reported, compared by which is higher and by how many rungs apart, and never
averaged or turned into a score. Tone words are matched on the lexicon's terms
alone; a negated word ("did not oppose") still counts, so read the hits with their
text.

Length is compared in English-word units: a Chinese account's characters are divided
by :data:`ZH_CHARS_PER_WORD`, measured on the paired Chinese and English versions of
the development set (1.35 and 1.34 characters per word on the two longest pairs).
"""

from __future__ import annotations

import re
from dataclasses import replace

from .facts import fact_differences
from .lang import language_for
from .lang.zh.writing import ZH_CHARS_PER_WORD
from .lexicon import Lexicon, default_lexicon
from .model import (
    AccountSignals,
    AtmosphereGap,
    Attribution,
    Comparison,
    LadderGap,
    LadderTop,
    Length,
    LengthGap,
    Reading,
    Signals,
    ToneHit,
    ToneWord,
    TopicOrderGap,
    topic_order,
)
from .tone import talk_hits
from .wording import cap, count, possessive, short, the

__all__ = [
    "ASYMMETRY",
    "LADDER",
    "ZH_CHARS_PER_WORD",
    "account_signals",
    "comparison_signals",
    "ladder_top",
    "length",
]

#: The rungs of the representations ladder, mildest first (codewords.md §3).
LADDER = {1: "concern", 2: "regret", 3: "dissatisfaction", 4: "opposition", 5: "protest"}
#: One account is "much longer" when it is at least this many times the other's length.
ASYMMETRY = 1.5


def _hit(text: str, hit: ToneHit, lexicon: Lexicon) -> ToneWord:
    term = lexicon.tone.get(hit.term)
    return ToneWord(
        term=hit.term,
        text=text[hit.start : hit.end],
        category=hit.category,
        rung=hit.rung,
        valence=term.valence if term else 0,
        start=hit.start,
        end=hit.end,
    )


def ladder_top(reading: Reading, lexicon: Lexicon | None = None) -> LadderTop:
    """The highest rung an account reaches, with the first word that reaches it (rung 0
    when the account uses no ladder word)."""
    hits = [h for h in reading.tone if h.category == "ladder" and h.rung > 0]
    if not hits:
        return LadderTop()
    top = max(hits, key=lambda h: (h.rung, -h.start))
    return LadderTop(
        rung=top.rung,
        name=LADDER.get(top.rung, ""),
        term=top.term,
        text=reading.account.text[top.start : top.end],
        start=top.start,
        end=top.end,
    )


_SPACE = re.compile(r"\s")


def length(reading: Reading) -> Length:
    """Characters, words, English-word units, sentences, paragraphs and claims of an account.

    ``words`` counts English words, or Chinese characters (and any Latin words) in a
    Chinese account; ``units`` is ``words`` in English-word units.
    """
    text = reading.account.text
    words, units = language_for(reading.account.language).count_words(text)
    return Length(
        characters=len(text) - len(_SPACE.findall(text)),
        words=words,
        units=round(units, 1),
        sentences=len(reading.sentences),
        paragraphs=len({s.paragraph for s in reading.sentences}),
        claims=len(reading.claims),
    )


def _attributed(reading: Reading, other_party: str) -> tuple[Attribution, ...]:
    """Claims whose speaker stands for a party other than the issuer's (or ``other_party``)."""
    own = reading.account.party
    text = reading.account.text
    out = []
    for c in reading.claims:
        sp = c.speaker
        if sp.kind not in ("person", "side") or not sp.party or sp.party == own:
            continue
        if other_party and sp.party != other_party:
            continue
        out.append(Attribution(c.id, sp.name, sp.party, c.act, text[c.start : c.end]))
    return tuple(out)


def account_signals(
    reading: Reading, other_party: str = "", lexicon: Lexicon | None = None
) -> AccountSignals:
    """The signals of one account (see the module doc)."""
    lexicon = lexicon or default_lexicon()
    text = reading.account.text
    atmosphere = tuple(_hit(text, h, lexicon) for h in talk_hits(reading))
    return AccountSignals(
        account=reading.account.id,
        party=reading.account.party,
        language=reading.account.language,
        atmosphere=atmosphere,
        atmosphere_terms=tuple(dict.fromkeys(h.term for h in atmosphere)),
        ladder=ladder_top(reading, lexicon),
        ladder_hits=tuple(_hit(text, h, lexicon) for h in reading.tone if h.category == "ladder"),
        attributed=_attributed(reading, other_party),
        topic_order=tuple(topic_order(reading.claims)),
        length=length(reading),
    )


def _cut_quote(text: str, limit: int = 80) -> str:
    """A quotation of at most about ``limit`` characters, cut at a word (or, in Chinese,
    at a clause mark) and marked with an ellipsis when cut."""
    text = " ".join(text.split()).rstrip(" ,;，、；")
    if len(text) <= limit:
        return f'"{text}"'
    cut = text[:limit]
    at = max(cut.rfind(" "), *(cut.rfind(m) for m in "，、；,;"))
    if at >= limit // 2:
        cut = cut[:at]
    return f'"{cut.rstrip(" ,;，、；")}…"'


def _name(reading: Reading, lexicon: Lexicon) -> str:
    party = reading.account.party
    return lexicon.party_name(party) if party else reading.account.id


def comparison_signals(comparison: Comparison, lexicon: Lexicon | None = None) -> Signals:
    """Where the two accounts of a comparison differ in tone, length, topics, attributions
    and meeting facts; ``findings`` says each difference in one line, ``tone_findings``
    those about the ladder and the atmosphere words."""
    lexicon = lexicon or default_lexicon()
    ra, rb = comparison.readings
    na, nb = the(_name(ra, lexicon)), the(_name(rb, lexicon))
    if na == nb:  # both from one side (a warning says so): tell the accounts apart
        na, nb = f"{na} ({short(ra.account.id)})", f"{nb} ({short(rb.account.id)})"
    sa = account_signals(ra, rb.account.party, lexicon)
    sb = account_signals(rb, ra.account.party, lexicon)
    findings: list[str] = []

    # the ladder: ordinal, compared rung against rung
    la, lb = sa.ladder, sb.ladder
    ladder_mismatch = la.rung != lb.rung
    higher = ""
    if ladder_mismatch:
        hi, lo, hi_name, lo_name = (la, lb, na, nb) if la.rung > lb.rung else (lb, la, nb, na)
        higher = ra.account.id if hi is la else rb.account.id
        lo_text = f"{lo.name} ({lo.text})" if lo.rung else "no rung of the ladder"
        findings.append(
            f"{cap(hi_name)} goes up to {hi.name} ({hi.text}), rung {hi.rung} of 5; "
            f"{lo_name} reaches {lo_text}"
        )

    # atmosphere words
    ta, tb = sa.atmosphere_terms, sb.atmosphere_terms
    only_a = tuple(t for t in ta if t not in tb)
    only_b = tuple(t for t in tb if t not in ta)
    shared = tuple(t for t in ta if t in tb)
    atmosphere_mismatch = bool(only_a or only_b)

    def words(signals: AccountSignals, terms: tuple[str, ...]) -> str:
        first: dict[str, str] = {}
        for h in signals.atmosphere:
            first.setdefault(h.term, h.text)
        return ", ".join(f'"{first[t]}"' for t in terms)

    if atmosphere_mismatch:
        left = f"says {words(sa, only_a)}" if only_a else "uses no such word"
        right = f"says {words(sb, only_b)}" if only_b else "uses no such word"
        findings.append(f"atmosphere: {na} {left}; {nb} {right}")
    tone_findings = list(findings)  # the ladder and the atmosphere, for the score's reasons

    def valence(signals: AccountSignals) -> tuple[int, ...]:
        vals = [h.valence for h in signals.atmosphere]
        return (min(vals), max(vals)) if vals else ()

    # length, in English-word units
    ua, ub = sa.length.units, sb.length.units
    ratio = round(max(ua, ub) / min(ua, ub), 2) if min(ua, ub) > 0 else 0.0
    longer = "" if ua == ub else (ra.account.id if ua > ub else rb.account.id)
    asymmetric = ratio >= ASYMMETRY
    if asymmetric:
        long_name, short_name = (na, nb) if ua > ub else (nb, na)
        findings.append(
            f"{cap(possessive(long_name))} account is {ratio:.1f} times as long as "
            f"{possessive(short_name)} ({max(ua, ub):.0f} against {min(ua, ub):.0f} word units)"
        )

    # topics, in the order each side raises them: the first specific issue of each, and
    # what (generic) topics come before it, so that "first" is never said of a later one
    oa = list(comparison.topics.get(ra.account.id, sa.topic_order))
    ob = list(comparison.topics.get(rb.account.id, sb.topic_order))
    first_a = next((t for t in oa if lexicon.is_specific(t)), "")
    first_b = next((t for t in ob if lexicon.is_specific(t)), "")
    if first_a and first_b and first_a != first_b:

        def first_issue(order: list[str], first: str, name: str) -> str:
            label = lexicon.topics[first].label_en
            before = [lexicon.topics[t].label_en.lower() for t in order[: order.index(first)]]
            return f"{label} for {name}" + (f" (after {', '.join(before)})" if before else "")

        findings.append(
            f"first specific issue: {first_issue(oa, first_a, na)}; {first_issue(ob, first_b, nb)}"
        )

    # statements attributed to the other side, with what the other account made of them
    def with_relation(items: tuple[Attribution, ...]) -> tuple[Attribution, ...]:
        out = []
        for item in items:
            rel = comparison.relations.get(item.claim)
            label, kind = (rel.label, rel.kind) if rel else ("", "")
            out.append(replace(item, relation=label, kind=kind))
        return tuple(out)

    att_a, att_b = with_relation(sa.attributed), with_relation(sb.attributed)
    for items, name, other in ((att_a, na, nb), (att_b, nb, na)):
        lonely = [i for i in items if i.relation in ("one-sided", "conflict")]
        if lonely:
            findings.append(
                f"{cap(name)} attributes {count(len(lonely), 'statement')} to {other} "
                f"that {possessive(other)} own account does not carry "
                f"(first: {_cut_quote(lonely[0].text)})"
            )

    facts = fact_differences(ra.facts, rb.facts, (na, nb), lexicon)
    findings.extend(d["finding"] for d in facts)
    return Signals(
        sides=(ra.account.id, rb.account.id),
        ladder=LadderGap(la, lb, ladder_mismatch, higher, abs(la.rung - lb.rung)),
        atmosphere=AtmosphereGap(
            ta, tb, shared, only_a, only_b, valence(sa), valence(sb), atmosphere_mismatch
        ),
        length=LengthGap(sa.length, sb.length, ratio, longer, asymmetric),
        topic_order=TopicOrderGap(
            tuple(oa),
            tuple(ob),
            first_a,
            first_b,
            tuple(t for t in oa if t not in ob),
            tuple(t for t in ob if t not in oa),
        ),
        attributed=(att_a, att_b),
        facts=tuple(facts),
        findings=tuple(findings),
        tone_findings=tuple(tone_findings),
    )
