"""Verification: every sentence of a brief checked against the comparison it describes.

:func:`verify_brief` checks every quotation and reference against the comparison,
including the relation each sentence relies on (an omission sentence cites only claims
the comparison labels one-sided, a "both report" sentence only shared ones);
:func:`check_brief` raises :class:`~readouts.errors.BriefUnverified` on any problem.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from ..errors import BriefUnverified
from ..model import Claim, Comparison, Reading
from ._wording import marks_for
from .classify import talk_hits
from .model import FACT_VALUES, QUOTE_MARKS, Brief, BriefSentence, Quote, Ref

__all__ = ["check_brief", "verify_brief"]

_FACT_FIELDS = ("date", "format", "place", "event", "request", "invite")


#: Words that join the items of a list; between two claims they need no reference.
_CONNECTORS = frozenset({"and", "or", "as well as", "和", "及", "以及", "与", "同", "并"})


def _covered(quote: Quote, refs: Sequence[Ref]) -> bool:
    """Does every word character of the quote lie inside a ref of its account? (Spaces,
    punctuation and the words that join list items between two claims need not.)"""
    spans = [(r.start, r.end) for r in refs if r.account == quote.account]
    uncovered: list[str] = []
    run = ""
    for pos, ch in enumerate(quote.text, start=quote.start):
        if any(a <= pos < b for a, b in spans):
            if run:
                uncovered.append(run)
            run = ""
            continue
        run += ch
    if run:
        uncovered.append(run)
    for gap in uncovered:
        words = "".join(
            " " if ch.isspace() or unicodedata.category(ch).startswith("P") else ch for ch in gap
        ).split()
        if any(w.lower() not in _CONNECTORS for w in words):
            return False
    return True


def verify_brief(b: Brief, comparison: Comparison, versions: Sequence[Reading] = ()) -> list[str]:
    """Every problem with a brief's grounding, as one line each ([] when it is sound).

    Checks that each quotation is the account's text at its offsets and appears in its
    sentence, that no quotation mark in a sentence is left without a quotation, that each
    reference resolves (claims to the comparison's claims at the same offsets, meeting
    facts to the reading's facts, tone words to its tone hits), that a sentence on what
    both report cites only shared claims, one on a clash only conflicts and one on an
    omission only one-sided claims of the other account, that an absence is real, and that
    the score quoted is the comparison's. ``versions`` are the readings of the sides'
    versions the brief quotes beside their accounts (``brief(..., versions=...)``).
    """
    problems: list[str] = []
    readings = {r.account.id: r for r in (*comparison.readings, *versions)}
    known = {v["id"] for v in b.versions}
    for v in versions:
        if v.account.id not in known:
            problems.append(f"version {v.account.id!r} is not one the brief names")
    claims = {c.id: c for r in comparison.readings for c in r.claims}
    for k, s in enumerate(b.sentences()):
        where = f"sentence {k} ({s.plan or s.kind})"
        rest = s.text
        for q in s.quotes:
            r = readings.get(q.account)
            if r is None:
                problems.append(f"{where}: quote from unknown account {q.account!r}")
                continue
            text = r.account.text
            if not 0 <= q.start < q.end <= len(text) or text[q.start : q.end] != q.text:
                problems.append(f"{where}: quote {q.text!r} is not the account's text at {q.start}")
            left, right = marks_for(q.text)
            if left + q.text + right not in rest:
                problems.append(f"{where}: quote {q.text!r} does not appear in the sentence")
            else:
                rest = rest.replace(left + q.text + right, "", 1)
            if not _covered(q, s.refs):
                problems.append(f"{where}: quote {q.text!r} rests on no reference")
        if any(m in rest for m in QUOTE_MARKS):
            problems.append(f"{where}: quotation marks without a quotation of an account")
        for ref in s.refs:
            problems += _check_ref(where, ref, readings, claims)
        if not s.refs and s.kind not in ("title", "verdict") and not s.absent_in:
            problems.append(f"{where}: rests on nothing")
        problems += _check_relation(where, s, comparison, claims)
        if s.kind in ("title", "verdict") and s.score != comparison.score.value:
            problems.append(
                f"{where}: score {s.score} is not the comparison's {comparison.score.value}"
            )
    return problems


def _check_ref(
    where: str, ref: Ref, readings: dict[str, Reading], claims: dict[str, Claim]
) -> list[str]:
    r = readings.get(ref.account)
    if r is None:
        return [f"{where}: reference to unknown account {ref.account!r}"]
    text = r.account.text
    if not 0 <= ref.start < ref.end <= len(text):
        return [f"{where}: reference {ref.start}-{ref.end} is outside the account"]
    if ref.text and text[ref.start : ref.end] != ref.text:
        return [f"{where}: reference text {ref.text!r} is not the account's"]
    if ref.what == "version":
        return []  # the version's words at those offsets: checked above
    if ref.what == "claim":
        c = claims.get(ref.claim)
        if c is None or c.account_id != ref.account or (c.start, c.end) != (ref.start, ref.end):
            return [f"{where}: claim {ref.claim!r} does not resolve"]
        return []
    f = r.facts
    span = (ref.start, ref.end)
    if ref.what in _FACT_FIELDS:
        names = FACT_VALUES.get(ref.what, (ref.what, f"{ref.what}_span"))
        value, fact_span = getattr(f, names[0]), getattr(f, names[1])
        if value != ref.value or tuple(fact_span) != span:
            return [f"{where}: {ref.what} {ref.value!r} is not in the account's meeting facts"]
        return []
    if ref.what == "participant":
        if not any((p.start, p.end) == span for p in f.participants):
            return [f"{where}: participant {ref.value!r} is not in the account's meeting facts"]
        return []
    if ref.what == "speaker":
        if not any((c.speaker.start, c.speaker.end) == span for c in r.claims):
            return [f"{where}: no speaker is named at {ref.start}-{ref.end}"]
        return []
    if ref.what == "tone":
        if not any((h.start, h.end, h.term) == (*span, ref.value) for h in r.tone):
            return [f"{where}: no tone word {ref.value!r} at {ref.start}-{ref.end}"]
        return []
    return [f"{where}: unknown reference kind {ref.what!r}"]


def _check_relation(
    where: str, s: BriefSentence, comparison: Comparison, claims: dict[str, Claim]
) -> list[str]:
    problems = []
    want = {"shared": "shared", "clash": "conflict", "omission": "one-sided"}.get(s.kind)
    if s.plan == "omit.none":
        want = "shared"
    ids = [i for i in s.claims if i in claims]
    for cid in ids:
        label = comparison.relations[cid].label
        if want and label != want and not (s.plan == "omit.none" and label != "one-sided"):
            problems.append(f"{where}: cites {cid} as {s.kind} but it is {label}")
        if s.kind == "omission" and claims[cid].account_id in s.absent_in:
            problems.append(f"{where}: cites {cid} from the account said to lack it")
    for absent in s.absent_in:
        r = next((x for x in comparison.readings if x.account.id == absent), None)
        if r is None:
            problems.append(f"{where}: absent_in names unknown account {absent!r}")
            continue
        for t in s.absent_topics:
            if t in comparison.topics.get(absent, ()):
                problems.append(f"{where}: says {absent} never raises {t!r}, but it does")
        if s.plan.startswith("tone.none") and talk_hits(r):
            problems.append(f"{where}: says {absent} has no words on the talks, but it has")
        if s.plan.startswith("tone.noladder") and any(h.category == "ladder" for h in r.tone):
            problems.append(f"{where}: says {absent} has no word of concern, but it has")
        if s.plan == "meeting.request.one" and r.facts.requested_by:
            problems.append(f"{where}: says {absent} does not say who asked, but it does")
        if s.plan == "meeting.invite.one" and r.facts.invited_by:
            problems.append(f"{where}: says {absent} does not say who invited, but it does")
    return problems


def check_brief(b: Brief, comparison: Comparison, versions: Sequence[Reading] = ()) -> None:
    """Raise :class:`~readouts.errors.BriefUnverified` when :func:`verify_brief` finds problems."""
    problems = verify_brief(b, comparison, versions)
    if problems:
        more = f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""
        raise BriefUnverified("the brief does not verify: " + "; ".join(problems[:5]) + more)
