"""The title, the dek and the meeting: who met whom, when, how, and at whose request.

The meeting paragraph comes from the accounts' meeting facts (:mod:`readouts.facts`):
names, date, format, place and event where the accounts agree, a sentence quoting each
where they differ on the date or the format, and who asked for the meeting or invited.
Without facts it quotes the sentence of each account that reports the meeting.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ...model import Speaker
from .._wording import possessive, spell_date
from ..model import FACT_VALUES, BriefSentence, Quote, Ref
from ._base import PlannerBase, Side

__all__ = ["MeetingPlanner"]

#: How firmly an account states the format: said outright, inferred from the verb, from the title.
_BASIS = {"stated": 0, "": 1, "verb": 2, "title": 3}


class MeetingPlanner(PlannerBase):
    """The title, the dek and the meeting paragraph."""

    def title(self) -> BriefSentence:
        a, b = self.sides
        s = self.c.score
        band = self.book.template(f"band.{s.band}" if self.c.comparable else "band.notcomparable")
        text = self.fill("title", a=a.name, b=b.name, band=band)
        return self.sentence("title", "title", text, score=s.value)

    def _principal(self, side: Side) -> tuple[str, Ref] | None:
        """The person who speaks for a side: from the meeting facts, else the first
        named speaker of that party (in its own account first)."""
        order = (side, self.sides[1 - side.index])
        for s in order:
            for p in s.reading.facts.participants:
                if p.party == side.party and p.start >= 0:
                    return p.name, self._ref(s, "participant", (p.start, p.end), p.name)
        for s in order:
            for c in s.reading.claims:
                sp: Speaker = c.speaker
                if sp.kind == "person" and sp.party == side.party and sp.start >= 0:
                    return sp.name, self._ref(s, "speaker", (sp.start, sp.end), sp.name)
        return None

    def dek(self) -> BriefSentence:
        a, b = self.sides
        langs = {
            f"lang_{k}": self.book.template(f"lang.{s.reading.account.language}")
            for k, s in zip("ab", self.sides, strict=True)
        }
        pa, pb = self._principal(a), self._principal(b)
        if pa and pb:
            text = self.fill(
                "dek",
                pa=self._person(pa[0]),
                pb=self._person(pb[0]),
                acc_a=a.acc,
                acc_b=b.acc,
                lang_a=langs["lang_a"],
                lang_b=langs["lang_b"],
            )
            return self.sentence("dek", "dek", text, refs=[pa[1], pb[1]])
        text = self.fill_map("dek.nonames", {"acc_a": a.acc, "acc_b": b.acc, **langs})
        return self.sentence("dek", "dek.nonames", text)

    def meeting(self) -> list[BriefSentence]:
        facts = [s.reading.facts for s in self.sides]
        if any(f.date or f.format or f.participants for f in facts):
            return self._meeting_facts()
        quotes: list[Quote] = []
        refs: list[Ref] = []
        found = []
        for side in self.sides:
            unit = next((u for u in self.units[side.index] if u.meeting), None)
            if unit is None:
                continue
            start, end = unit.claims[0].start, unit.claims[-1].end
            found.append((side, self.quote(side, start, end, quotes)))
            refs += self.claim_refs(side, unit.claims)
        if len(found) == 2:
            (a, qa), (b, qb) = found
            text = self.fill("meeting.quote.both", acc_a=a.acc, acc_b=b.acc, qa=qa, qb=qb)
            return [self.sentence("meeting", "meeting.quote.both", text, refs=refs, quotes=quotes)]
        if found:
            side, q = found[0]
            text = self.fill("meeting.quote", acc=side.acc, q=q)
            return [
                self.sentence(
                    "meeting", "meeting.quote", text, source=side.id, refs=refs, quotes=quotes
                )
            ]
        return []

    def _meeting_facts(self) -> list[BriefSentence]:
        """Who met whom, when, how and where, from the accounts' meeting facts; where the
        accounts differ on the date or the format, a sentence says so instead."""
        refs: list[Ref] = []
        quotes: list[Quote] = []
        out: list[BriefSentence] = []
        names = []
        for side in self.sides:
            found = self._participant(side)
            if found:
                names.append(found[0])
                refs.append(found[1])
        dated = [(s, s.reading.facts) for s in self.sides]
        dated = [(s, f) for s, f in dated if f.date and f.date_span[0] >= 0]
        date = ""
        if dated and all(
            (f.date, f.date_end) == (dated[0][1].date, dated[0][1].date_end) for _, f in dated
        ):
            date = spell_date(dated[0][1].date, self.lang, dated[0][1].date_end)
            refs += [self._ref(s, "date", f.date_span, f.date) for s, f in dated]
        elif dated:
            out.append(self._differ("date", dated, quotes=[]))
        fmt = ""
        formats = [(s, s.reading.facts) for s in self.sides]
        formats = [(s, f) for s, f in formats if f.format and f.format_span[0] >= 0]
        if formats:
            best = min(_BASIS.get(f.format_basis, 3) for _, f in formats)
            strong = [(s, f) for s, f in formats if _BASIS.get(f.format_basis, 3) == best]
            if len({f.format for _, f in strong}) == 1:
                fmt = strong[0][1].format
                refs += [self._ref(s, "format", f.format_span, f.format) for s, f in strong]
            else:
                out.append(self._differ("format", strong, quotes=[]))
        place = event = ""
        for side in sorted(self.sides, key=lambda s: s.reading.account.language != self.lang):
            f = side.reading.facts
            if f.place and f.place_span[0] >= 0 and not place:
                refs.append(self._ref(side, "place", f.place_span, f.place))
                place = self._phrase(side, f.place_span, quotes)
            if fmt == "sidelines" and f.event and f.event_span[0] >= 0 and not event:
                refs.append(self._ref(side, "event", f.event_span, f.event))
                event = self._phrase(side, f.event_span, quotes)
        fmt_key = f"format.{fmt}" if self.book.has(f"format.{fmt}") else "format.none"
        if event:
            fmt_key = "format.sidelines.event"
        values = {
            "who": (
                ("与" if self.lang == "zh" else " and ").join(names)
                if names
                else self.book.template("subject.both")
            ),
            "format": self.fill(fmt_key, caps=False, event=event),
            "place": self.fill("place", caps=False, place=place) if place else "",
        }
        plan = "meeting.facts" if date else "meeting.facts.nodate"
        text = self.fill_map(plan, {"date": date, **values})
        out.insert(0, self.sentence("meeting", plan, text, refs=refs, quotes=quotes))
        for kind in ("request", "invite"):
            asked = self._asked(kind)
            if asked is not None:
                out.append(asked)
        return out

    def _phrase(self, side: Side, span: tuple[int, int], quotes: list[Quote]) -> str:
        """A name from an account: as written when in the note's language, else quoted."""
        if side.reading.account.language == self.lang:
            return self._text(side)[span[0] : span[1]]
        return self.quote(side, span[0], span[1], quotes, point=False)

    def _differ(
        self, what: str, found: Sequence[tuple[Side, Any]], quotes: list[Quote]
    ) -> BriefSentence:
        """The accounts give different dates or formats: quote each."""
        (sa, fa), (sb, fb) = found[0], found[-1]
        span_a, span_b = getattr(fa, f"{what}_span"), getattr(fb, f"{what}_span")
        qa = self.quote(sa, span_a[0], span_a[1], quotes, point=False)
        qb = self.quote(sb, span_b[0], span_b[1], quotes, point=False)
        refs = [
            self._ref(sa, what, span_a, getattr(fa, what)),
            self._ref(sb, what, span_b, getattr(fb, what)),
        ]
        text = self.fill(f"meeting.{what}.differ", acc_a=sa.acc, acc_b=sb.acc, qa=qa, qb=qb)
        return self.sentence("meeting", f"meeting.{what}.differ", text, refs=refs, quotes=quotes)

    def _participant(self, side: Side) -> tuple[str, Ref] | None:
        """A side's principal as the meeting facts name them: the account's own words
        ("NATO Secretary General Jens Stoltenberg", 国务委员兼外长王毅) when they are in the
        note's language and short, else the name alone."""
        order = sorted(
            (side, self.sides[1 - side.index]),
            key=lambda s: s.reading.account.language != self.lang,
        )
        for s in order:
            for p in s.reading.facts.participants:
                if p.party != side.party or p.start < 0 or p.kind != "person":
                    continue
                ref = self._ref(s, "participant", (p.start, p.end), p.name)
                said = ref.text
                name = self._person(p.name, full_name=True)
                short = len(said) <= 16 if self.lang == "zh" else len(said.split()) <= 6
                if s.reading.account.language == self.lang and short and name in said:
                    return said, ref
                return name, ref
        found = self._principal(side)
        return (self._person(found[0], full_name=True), found[1]) if found else None

    def _asked(self, kind: str) -> BriefSentence | None:
        """Who asked for the meeting (``request``) or invited (``invite``), as each account
        says; when only one says, the sentence notes the other's silence."""
        field_, span_ = FACT_VALUES[kind]
        asked = [(s, s.reading.facts) for s in self.sides if getattr(s.reading.facts, field_)]
        asked = [(s, f) for s, f in asked if getattr(f, span_)[0] >= 0]
        if not asked:
            return None
        quotes: list[Quote] = []
        refs = [self._ref(s, kind, getattr(f, span_), getattr(f, field_)) for s, f in asked]
        parties = [getattr(f, field_) for _, f in asked]
        spans = [getattr(f, span_) for _, f in asked]
        qs = [
            self.quote(s, span[0], span[1], quotes, point=False)
            for (s, _), span in zip(asked, spans, strict=True)
        ]
        if len(asked) == 2 and parties[0] == parties[1]:
            party = self._party_name(parties[0])
            plan = f"meeting.{kind}.both"
            text = self.fill(plan, party=party, party_poss=possessive(party), qa=qs[0], qb=qs[1])
            return self.sentence("request", plan, text, refs=refs, quotes=quotes)
        if len(asked) == 2:
            plan = f"meeting.{kind}.differ"
            text = self.fill(
                plan,
                acc_a=asked[0][0].acc,
                acc_b=asked[1][0].acc,
                qa=qs[0],
                qb=qs[1],
                pa=self._party_name(parties[0]),
                pb=self._party_name(parties[1]),
            )
            return self.sentence("request", plan, text, refs=refs, quotes=quotes)
        sx = asked[0][0]
        sy = self.sides[1 - sx.index]
        party = self._party_name(parties[0])
        plan = f"meeting.{kind}.one"
        text = self.fill(
            plan, acc_x=sx.acc, acc_y=sy.acc, party=party, party_poss=possessive(party), q=qs[0]
        )
        return self.sentence(
            "request", plan, text, source=sx.id, refs=refs, quotes=quotes, absent_in=[sy.id]
        )
