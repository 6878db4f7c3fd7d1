"""Differences: where two accounts of one meeting disagree on its facts."""

from __future__ import annotations

import re

from ..lexicon import Lexicon, default_lexicon
from ..model import MeetingFacts
from ..wording import cap, the

__all__ = ["fact_differences"]


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
    na, nb = (the(n) for n in names)
    out: list[dict[str, str]] = []

    def add(fact: str, va: str, vb: str, finding: str) -> None:
        out.append({"fact": fact, "a": va, "b": vb, "finding": cap(finding)})

    def who(value: str, name: str) -> str:
        return the(lexicon.party_name(value)) if value else name

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
    pa = {p.party for p in a.participants if p.party}
    pb = {p.party for p in b.participants if p.party}
    if pa and pb and pa != pb:
        only_a, only_b = sorted(pa - pb), sorted(pb - pa)
        bits = []
        if only_a:
            names_a = ", ".join(the(lexicon.party_name(x)) for x in only_a)
            bits.append(f"only {na} names participants from {names_a}")
        if only_b:
            names_b = ", ".join(the(lexicon.party_name(x)) for x in only_b)
            bits.append(f"only {nb} names participants from {names_b}")
        add("participants", ",".join(sorted(pa)), ",".join(sorted(pb)), "; ".join(bits))
    return out
