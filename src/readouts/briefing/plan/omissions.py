"""Omissions: what the other account leaves out of each side's.

What a side pressed on the other (concerns, objections, demands, invitations) that the
other account does not report, quoted; the issues it never raises; remarks attributed
to the other side that it does not confirm; and how many of the account's claims have no
counterpart at all.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...model import Claim
from .._wording import join_list, spell_number
from ..classify import PRESSED, claim_class
from ..model import BriefSentence, Quote
from ._base import PlannerBase, Side

__all__ = ["OmissionsPlanner"]


class OmissionsPlanner(PlannerBase):
    """What each account leaves out of the other's."""

    def _own(self, side: Side, claim: Claim) -> bool:
        sp = claim.speaker
        return sp.kind == "narrator" or (sp.kind in ("person", "side") and sp.party == side.party)

    def omissions(self, x: Side) -> list[BriefSentence]:
        """What the other account leaves out of ``x``'s."""
        y = self.sides[1 - x.index]
        claims = x.reading.claims
        one_sided = [c for c in claims if self.label(c) == "one-sided"]
        out: list[BriefSentence] = []
        pressed = [c for c in claims if self._own(x, c) and claim_class(c, self.lex) in PRESSED]
        left = [c for c in pressed if self.label(c) == "one-sided"]
        named: set[str] = set()
        if left:
            out.append(self._omit_pressed(x, y, pressed, left))
            named.update(self._specific(left))
        absent = [
            t
            for t in self.c.topics.get(x.id, ())
            if t not in self.c.topics.get(y.id, ())
            and self.lex.is_specific(t)
            and t not in named
            and any(t in c.topics for c in one_sided)
        ]
        if absent and self.layout != "paragraph":
            carriers = [c for c in one_sided if any(t in c.topics for t in absent)]
            text = self.fill(
                "omit.topics",
                acc_x=x.acc,
                acc_y=y.acc,
                topics=self._topics(absent, limit=8, conj="or"),
            )
            out.append(
                self.sentence(
                    "omission",
                    "omit.topics",
                    text,
                    source=x.id,
                    refs=self.claim_refs(x, carriers),
                    absent_in=[y.id],
                    absent_topics=absent[:8],
                )
            )
        attributed = [
            c for c in one_sided if "unconfirmed_attribution" in self.c.relations[c.id].flags
        ]
        if attributed and self.layout != "paragraph":
            quotes: list[Quote] = []
            qs, used = self._quote_runs(x, attributed, quotes, self.budget.quotes)
            person = self._subject(x, attributed[0])
            text = self.fill(
                "omit.attribution",
                acc_x=x.acc,
                acc_y=y.acc,
                person=person,
                quotes=self._quotes_list(qs),
            )
            out.append(
                self.sentence(
                    "omission",
                    "omit.attribution",
                    text,
                    source=x.id,
                    refs=self.claim_refs(x, used),
                    quotes=quotes,
                    absent_in=[y.id],
                )
            )
        if self.layout != "paragraph":
            if one_sided:
                text = self.fill(
                    "omit.count.one" if len(one_sided) == 1 else "omit.count",
                    acc_x=x.acc,
                    acc_y=y.acc,
                    k=spell_number(len(one_sided), self.lang, len(claims)),
                    n=spell_number(len(claims), self.lang, len(one_sided)),
                )
                refs = self.claim_refs(x, one_sided)
                out.append(
                    self.sentence(
                        "omission", "omit.count", text, source=x.id, refs=refs, absent_in=[y.id]
                    )
                )
            elif claims:
                text = self.fill("omit.none", acc_x=x.acc, acc_y=y.acc)
                out.append(
                    self.sentence(
                        "shared", "omit.none", text, source=x.id, refs=self.claim_refs(x, claims)
                    )
                )
        return out

    def _omit_pressed(
        self, x: Side, y: Side, pressed: Sequence[Claim], left: Sequence[Claim]
    ) -> BriefSentence:
        classes = [k for k in PRESSED if any(claim_class(c, self.lex) == k for c in pressed)]
        one = len(pressed) == 1
        what = join_list(
            [self.book.template(f"what.{k}{'.one' if one else ''}") for k in classes], self.lang
        )
        people = {c.speaker.name for c in pressed if c.speaker.kind == "person"}
        if len(people) == 1 and all(c.speaker.kind == "person" for c in pressed):
            whose = self._person(next(iter(people)))
        else:
            whose = x.short if self.lang == "zh" else x.name
        quotes: list[Quote] = []
        # a pressed claim is quoted with the one-sided claims beside it in its sentence
        # ("亚太无需再建新的军事集团，不应再次引发大国对抗，…")
        sentences = {c.sentence for c in left}
        index = {c.id: k for k, c in enumerate(x.reading.claims)}
        context = [
            c
            for c in x.reading.claims
            if c.sentence in sentences
            and self.label(c) == "one-sided"
            and (c in left or c.frame_start < 0)
            and any(abs(index[c.id] - index[p.id]) <= 2 for p in left)
        ]
        qs, used = self._quote_runs(x, context, quotes, self.budget.quotes)
        hidden = [c for c in left if c not in used]
        if hidden and self.lang == "en":
            qs[-1] += f" (and {spell_number(len(hidden), 'en')} more)"
        elif hidden:
            qs[-1] += f"（另有{spell_number(len(hidden), 'zh')}处）"
        named = self._specific(left)
        on_topics = self.fill("omit.on_topics", caps=False, topics=self._topics(named, 4))
        if one:
            plan = "omit.pressed.one"
        elif len(left) == len(pressed):
            plan = "omit.pressed.all"
        else:
            plan = "omit.pressed.some"
        text = self.fill(
            plan,
            acc_y=y.acc,
            what=what,
            whose=whose,
            on_topics=on_topics if named else "",
            quotes=self._quotes_list(qs),
            k=spell_number(len(left), self.lang, len(pressed)),
            n=spell_number(len(pressed), self.lang, len(left)),
        )
        refs = self.claim_refs(x, sorted({*left, *used}, key=lambda c: c.start))
        return self.sentence(
            "omission", plan, text, source=x.id, refs=refs, quotes=quotes, absent_in=[y.id]
        )
