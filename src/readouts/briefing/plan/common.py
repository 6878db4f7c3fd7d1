"""Common ground and clashes: what both accounts report, and where they contradict.

Shared claims are paired across the accounts and grouped by the issues they share (or
by a common partner); conflicting ones by their common issues and the kind of conflict.
The most salient groups get a sentence each, quoting both accounts; the rest of the
common ground is named in one line.
"""

from __future__ import annotations

from typing import Any

from ...model import Claim
from .._wording import join_list
from ..model import BriefSentence, Quote
from ._base import PlannerBase, Side

__all__ = ["CommonGroundPlanner"]


class CommonGroundPlanner(PlannerBase):
    """What both accounts report, and where they clash."""

    def _pairs(self, kind: str) -> list[tuple[Claim, list[Claim]]]:
        """Claims of the first account labelled ``kind`` with their partners in the second
        (aligned as ``kind`` and labelled so), best first, in the first account's order."""
        a, b = self.sides
        by_id = {c.id: c for c in b.reading.claims}
        scores: dict[tuple[str, str], float] = {}
        for al in self.c.alignments:
            if al.kind == kind:
                scores[(al.a, al.b)] = al.score
        out = []
        for claim in a.reading.claims:
            if self.label(claim) != kind:
                continue
            partners = [
                by_id[p] for p in by_id if (claim.id, p) in scores and self.label(by_id[p]) == kind
            ]
            if partners:
                partners.sort(key=lambda p: -scores[(claim.id, p.id)])
                out.append((claim, partners))
        return out

    def _keep(self, groups: dict[Any, list[tuple[Claim, list[Claim]]]], n: int) -> set[Any]:
        """The keys of the ``n`` groups with the most salient claim of the first account."""
        ranked = sorted(
            groups.items(), key=lambda kv: -max(self.weights.get(ca.id, 0.0) for ca, _ in kv[1])
        )
        return {k for k, _ in ranked[:n]}

    @staticmethod
    def _both(pairs: list[tuple[Claim, list[Claim]]]) -> tuple[list[Claim], list[Claim]]:
        """The first account's claims of some pairs, and their partners, each once."""
        return [ca for ca, _ in pairs], list({p.id: p for _, ps in pairs for p in ps}.values())

    def _is_meeting(self, side: Side, claim: Claim) -> bool:
        unit = next(u for u in self.units[side.index] if claim in u.claims)
        return unit.meeting and claim.act == "consult" and not claim.topics

    def shared(self) -> list[BriefSentence]:
        """One sentence per point both report (pairs of shared claims grouped by the issues
        they share, or by a common partner), the most salient first; the rest in one line."""
        a, b = self.sides
        groups: dict[tuple[str, ...], list[tuple[Claim, list[Claim]]]] = {}
        for ca, ps in self._pairs("shared"):
            if self._is_meeting(a, ca):
                continue
            common = tuple(t for t in self._specific([ca]) if t in self._specific(ps))
            key = common or next(
                (k for k, g in groups.items() if any(p in q for _, q in g for p in ps)),
                (ps[0].id,),
            )
            groups.setdefault(key, []).append((ca, ps))
        keep = self._keep(groups, self.budget.shared)
        out = []
        rest: list[tuple[Claim, list[Claim]]] = []
        for key, pairs in groups.items():
            if key not in keep:
                rest += pairs
                continue
            quotes: list[Quote] = []
            claims_a, claims_b = self._both(pairs)
            best = list({ps[0].id: ps[0] for _, ps in pairs}.values())
            qa, _ = self._quote_runs(a, claims_a, quotes, 2)
            qb, _ = self._quote_runs(b, best, quotes, 2)
            shared_topics = [t for t in key if t in self.lex.topics]
            plan = "shared.pair" if shared_topics else "shared.pair.none"
            text = self.fill(
                plan,
                topics=self._topics(shared_topics),
                acc_a=a.acc,
                acc_b=b.acc,
                qa=join_list(qa, self.lang),
                qb=join_list(qb, self.lang),
            )
            refs = self.claim_refs(a, claims_a) + self.claim_refs(b, claims_b)
            out.append(self.sentence("shared", plan, text, refs=refs, quotes=quotes))
        named = {t for k in keep for t in k}
        topics: list[str] = []
        for ca, ps in rest:
            theirs = self._specific_only(ps)
            topics += [
                t
                for t in sorted(self._specific_only([ca]))
                if t in theirs and t not in topics and t not in named
            ]
        if rest and topics:
            refs = []
            for ca, ps in rest:
                refs += self.claim_refs(a, [ca]) + self.claim_refs(b, ps)
            text = self.fill("shared.rest", topics=self._topics(topics, limit=6))
            out.append(self.sentence("shared", "shared.rest", text, refs=refs))
        return out

    def clashes(self) -> list[BriefSentence]:
        """One sentence per issue the accounts clash on (pairs of conflicting claims
        grouped by their common issues and the kind of conflict)."""
        a, b = self.sides
        groups: dict[tuple[str, tuple[str, ...]], list[tuple[Claim, list[Claim]]]] = {}
        for ca, ps in self._pairs("conflict"):
            kind = self.c.relations[ca.id].kind
            common = [t for t in self._specific([ca]) if t in self._specific(ps)]
            key = (kind, tuple(common or self._specific([ca, *ps])[:2]))
            if kind == "unconfirmed_attribution":
                key = (kind, (ca.id,))
            groups.setdefault(key, []).append((ca, ps))
        keep = self._keep(groups, self.budget.clash)
        out = []
        for (kind, key_topics), pairs in groups.items():
            if (kind, key_topics) not in keep:
                continue
            quotes: list[Quote] = []
            claims_a, claims_b = self._both(pairs)
            refs = self.claim_refs(a, claims_a) + self.claim_refs(b, claims_b)
            common = [t for t in key_topics if t in self.lex.topics]
            topics = self._topics(common)
            if kind == "unconfirmed_attribution":
                ca, ps = pairs[0]
                x, y, cx, cy = (a, b, ca, ps[0])
                if ca.speaker.party != b.party:
                    x, y, cx, cy = (b, a, ps[0], ca)
                qx = self._claim_quote(x, cx, quotes)
                qy = self._claim_quote(y, cy, quotes)
                topics = self._topics(self._specific([cx, cy]))
                text = self.fill(
                    "clash.attribution",
                    acc_x=x.acc,
                    acc_y=y.acc,
                    qx=qx,
                    qy=qy,
                    person=self._subject(x, cx),
                    topics=topics,
                )
                plan = "clash.attribution"
                refs = self.claim_refs(x, [cx]) + self.claim_refs(y, [cy])
            else:
                qa, _ = self._quote_runs(a, claims_a, quotes, self.budget.quotes)
                qb, _ = self._quote_runs(b, claims_b, quotes, self.budget.quotes)
                plan = "clash.negation" if kind == "negation" else "clash.opposed"
                if plan == "clash.opposed" and not common:
                    plan = "clash.opposed.none"
                text = self.fill(
                    plan,
                    topics=topics,
                    acc_a=a.acc,
                    acc_b=b.acc,
                    qa=join_list(qa, self.lang),
                    qb=join_list(qb, self.lang),
                )
            out.append(self.sentence("clash", plan, text, refs=refs, quotes=quotes))
        return out
