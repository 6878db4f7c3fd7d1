"""What each side says: the most telling sentences of each account, in its own words.

Units (the claims of one sentence) are ranked by salience, raised for conflicts, for
what a side presses on the other, for issues only that side raises and for outcomes
only it reports; a unit that repeats issues already quoted is skipped. A quotation in
the note's language is attributed with the account's own reporting verb; one in the
other language is introduced by the speech act and the issues it is about.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...model import Claim, Speaker
from ..classify import PRESSED, claim_class
from ..model import BriefSentence, Quote
from ._base import BUDGETS, PlannerBase, Side, Unit

__all__ = ["AccountsPlanner"]

_PLAIN_GISTS = ("gist.state", "gist.narrator")


def _bare_verb(verb: str) -> bool:
    """Is this only a reporting verb ("said that", "表示，") with nothing of the point?"""
    verb = verb.rstrip()
    return verb[-1:] in "，：:," or verb.endswith(" that")


class AccountsPlanner(PlannerBase):
    """What each side says, quoted in its own words."""

    def _priority(self, side: Side, unit: Unit) -> float:
        best = 0.0
        for c in unit.claims:
            weight = self.weights.get(c.id, 0.5)
            label = self.label(c)
            if label == "conflict":
                weight *= 1.5
            elif label == "shared":
                weight *= 0.5
            if claim_class(c, self.lex) in PRESSED:
                weight *= 1.4
            if any(t in self.only_topics[side.index] for t in c.topics):
                weight *= 1.3
            if c.speaker.kind == "both" and c.act in ("agree", "cooperate") and label != "shared":
                weight *= 1.4  # an outcome only this side reports
            if not self._specific_only([c]):
                weight *= 0.8
            best = max(best, weight)
        return best

    def says(self, side: Side) -> list[BriefSentence]:
        units = [
            u
            for u in self.units[side.index]
            if not u.meeting and any(self.label(c) != "shared" for c in u.claims)
        ]
        ranked = sorted(units, key=lambda u: (-self._priority(side, u), u.sentence))
        budget = min(max(self.budget.says, (len(units) * 3 + 4) // 5), BUDGETS["long"].says)
        picked: list[Unit] = []
        covered: set[str] = set()
        for unit in ranked:  # the most telling first; skip a repeat of issues already quoted
            topics = self._specific_only(unit.claims)
            pressed = any(claim_class(c, self.lex) in PRESSED for c in unit.claims)
            if topics and topics <= covered and not pressed:
                continue
            picked.append(unit)
            covered |= topics
            if len(picked) == budget:
                break
        chosen = sorted(picked, key=lambda u: u.sentence)
        same = side.reading.account.language == self.lang
        groups: list[list[Unit]] = []
        for unit in chosen:  # a speaker's words in a row, quoted in one sentence
            last = groups[-1] if groups else None
            sp, prev = unit.claims[0].speaker, last[-1].claims[0].speaker if last else None
            if (
                same
                and last
                and len(last) < 3
                and prev is not None
                and sp.kind == "person"
                and sp.name == prev.name
                and sp.start < 0
                and unit.sentence == last[-1].sentence + 1
            ):
                last.append(unit)
            else:
                groups.append([unit])
        out = []
        previous: Speaker | None = None
        for k, group in enumerate(groups):
            speaker = group[0].claims[0].speaker
            again = (
                previous is not None and speaker.kind == "person" and speaker.name == previous.name
            )
            out.append(self._say(side, group, first=k == 0, again=again))
            previous = speaker
        return out

    def _gist_topics(self, claims: Sequence[Claim]) -> list[str]:
        """Issues to name for claims quoted in another language: the first claim's own,
        then the specific issues of the rest."""
        head = list(claims[0].topics)
        specific = [t for t in head if self.lex.is_specific(t)]
        out = specific or head
        for t in self._specific(claims[1:]):
            if t not in out and self.lex.is_specific(t):
                out.append(t)
        return out[:4]

    def _gist(self, claims: Sequence[Claim]) -> str:
        """The template for a run of claims quoted in another language: by what they
        press on the other side, else by the strongest speech act."""
        classes = {claim_class(c, self.lex) for c in claims}
        for cls, key in (
            ("objection", "gist.objection"),
            ("concern", "gist.express_concern"),
            ("demand", "gist.request"),
            ("invitation", "gist.invite"),
        ):
            if cls in classes:
                return key
        acts = [c.act for c in claims if c.act not in ("state", "statement")]
        if not acts:
            return "gist.state"
        act = min(acts, key=lambda a: self.lex.acts[a].priority if a in self.lex.acts else 99)
        if act == "agree" and all(c.speaker.kind == "both" for c in claims):
            return "gist.agree.both"
        return f"gist.{act}" if self.book.has(f"gist.{act}") else "gist.state"

    def _say(self, side: Side, group: Sequence[Unit], first: bool, again: bool) -> BriefSentence:
        unit = group[0]
        quotes: list[Quote] = []
        text_of = self._text(side)
        lead_claim = unit.claims[0]
        start, end = self._span(side, unit.claims)
        claims = [c for c in unit.claims if c.start < end]
        lead = self._lead(side, lead_claim, start, end)
        same = side.reading.account.language == self.lang
        subject = self._subject(side, lead_claim, again=again and not first)
        narrator = lead_claim.speaker.kind == "narrator"
        values: dict[str, str] = {}
        if same:
            if lead and lead[1] > lead[0]:
                plan = "says.verb"
                values = {"subj": subject, "verb": text_of[lead[0] : lead[1]].strip()}
                values["q"] = self.quote(side, lead[2], end, quotes)
            elif (
                lead
                and not narrator
                and (
                    side.reading.account.language == "zh"
                    or text_of[lead[0] :].lstrip()[:1].islower()
                )
            ):
                plan = "says.pred"
                values = {"subj": subject, "q": self.quote(side, lead[0], end, quotes)}
            elif not narrator:
                plan = "says.cont.first" if first else "says.cont"
                values = {"subj": subject, "q": self.quote(side, start, end, quotes)}
            else:
                plan = "says.account.first" if first else "says.account"
                values = {"acc": side.acc, "q": self.quote(side, start, end, quotes)}
        else:
            topics = self._gist_topics(claims)
            plan = "gist.narrator" if topics else "gist.narrator.none"
            if not narrator:
                plan = (
                    self._gist(claims) if topics else ("gist.none.first" if first else "gist.none")
                )
            verb = lead is not None and lead[1] > lead[0]
            # a bare reporting verb ("表示，", "said that") is dropped; one that carries the
            # point ("discussed relations", 敦促美方) stays unless the template names the act
            bare = lead is not None and verb and _bare_verb(text_of[lead[0] : lead[1]])
            if lead and verb and (bare or (topics and plan not in _PLAIN_GISTS)):
                from_ = lead[2]
                if not topics and not narrator:
                    plan = "gist.none.first" if first else "gist.none"
            elif lead and not topics and not narrator:
                plan, from_ = "says.pred", lead[0]
            else:
                from_ = lead[0] if lead else start
            q = self.quote(side, from_, end, quotes)
            values = {"subj": subject, "acc": side.acc, "q": q, "topics": self._topics(topics, 4)}
        for more in group[1:]:
            mstart, mend = self._span(side, more.claims)
            values["q"] += ("；" if self.lang == "zh" else "; ") + self.quote(
                side, mstart, mend, quotes
            )
            claims += [c for c in more.claims if c.start < mend]
        wrap = first and not plan.startswith(("says.account", "gist.narrator"))
        if wrap:
            clause = self.fill_map(plan, values, caps=False)
            if self.lang == "en":
                clause = clause[:1].lower() + clause[1:] if subject[:1].islower() else clause
            text = self.fill("attrib", acc=side.acc, clause=clause)
        else:
            text = self.fill_map(plan, values)
        return self.sentence(
            "says", plan, text, source=side.id, refs=self.claim_refs(side, claims), quotes=quotes
        )
