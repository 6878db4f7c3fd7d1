"""The planner's common ground: the sides, their units, names, quoting and sentences.

:class:`PlannerBase` holds what every part of the note needs: the two sides with their
names in the note's language, each account's claims grouped into units (the claims of
one sentence), the layout and its budget, how people and parties are named, how a span
of an account is quoted, and how a template is filled into a grounded sentence. The
parts of the note (:mod:`.meeting`, :mod:`.accounts`, :mod:`.common`, :mod:`.omissions`,
:mod:`.tone`, :mod:`.verdict`) build on it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ...errors import ConfigError
from ...lang import simplified
from ...lexicon import Lexicon, Match
from ...model import Claim, Comparison, Reading, topic_order
from ...score import salience
from .._wording import cap, join_list, marks_for, possessive, trim_quote
from ..model import BriefSentence, Quote, Ref
from ..phrases import phrasebook
from ..versions import SideVersion
from ..versions import gist as gist_of
from ..zh import lead_zh

__all__ = ["BUDGETS", "Budget", "PlannerBase", "Side", "Unit"]

_EN_ADVERBS = ("also", "again", "further", "then", "once", "twice")
_PRONOUNS = {"he": "he", "she": "she", "他": "他", "她": "她"}


@dataclass(frozen=True)
class Side:
    """One account's side in the note: its reading and how the note names it."""

    index: int
    reading: Reading
    party: str
    name: str  # the party in the note's language
    name_en: str
    acc: str  # its account: "NATO's release", "中方通报"
    short: str  # zh subject form ("中方"); the name in English

    @property
    def id(self) -> str:
        return self.reading.account.id


@dataclass(frozen=True)
class Unit:
    """Claims of one sentence of an account, quoted together."""

    side: int
    sentence: int
    claims: tuple[Claim, ...]
    meeting: bool = False


@dataclass(frozen=True)
class Budget:
    """How much a layout holds: sentences per part, quotations, quotation lengths."""

    says: int
    shared: int
    clash: int
    quotes: int
    limit_en: int
    limit_zh: int


BUDGETS = {
    "paragraph": Budget(says=0, shared=1, clash=1, quotes=2, limit_en=160, limit_zh=60),
    "standard": Budget(says=5, shared=4, clash=3, quotes=3, limit_en=240, limit_zh=90),
    "long": Budget(says=8, shared=5, clash=4, quotes=4, limit_en=240, limit_zh=90),
}


class PlannerBase:
    """Plans and phrases one brief; holds what has been said so far (names mentioned)."""

    def __init__(
        self,
        comparison: Comparison,
        lang: str,
        lexicon: Lexicon,
        versions: Sequence[SideVersion] = (),
    ):
        self.c = comparison
        self.lang = lang
        self.lex = lexicon
        self.book = phrasebook(lang)
        self.sides = tuple(self._side(i, r) for i, r in enumerate(comparison.readings))
        #: a side's own version in the note's language, by the id of the account compared
        self.versions = {
            v.of: v
            for v in versions
            if v.reading.account.language == lang
            and any(s.id == v.of and s.reading.account.language != lang for s in self.sides)
        }
        self.mentioned: set[str] = set()
        self.weights: dict[str, float] = {}
        for r in comparison.readings:
            self.weights.update(
                zip((c.id for c in r.claims), salience(r.claims, lexicon), strict=True)
            )
        self.pronouns: dict[str, str] = {}
        for r in comparison.readings:
            if r.account.language != lang:
                continue
            for c in r.claims:
                sp = c.speaker
                said = r.account.text[sp.start : sp.end] if sp.start >= 0 else ""
                person = self.lex.person_named(sp.name)
                if person and said.lower() in _PRONOUNS:
                    self.pronouns.setdefault(person.id, _PRONOUNS[said.lower()])
        self.units = tuple(self._units(s) for s in self.sides)
        n = sum(1 for us in self.units for u in us if not u.meeting)
        self.layout = "paragraph" if n <= 10 else ("long" if n > 30 else "standard")
        self.budget = BUDGETS[self.layout]
        self.only_topics = tuple(self._only_topics(s) for s in self.sides)

    # ---- names

    def _side(self, index: int, reading: Reading) -> Side:
        acc = reading.account
        party = acc.party
        row = self.book.sides.get(party)
        actor = self.lex.actors.get(party)
        name_en = row["name_en"] if row else (actor.name if actor else party or acc.id)
        if self.lang == "en":
            account = row["account_en"] if row else f"{possessive(name_en)} account"
            return Side(index, reading, party, name_en, name_en, account, name_en)
        if row:
            return Side(
                index, reading, party, row["name_zh"], name_en, row["account_zh"], row["short_zh"]
            )
        name_zh = actor.name_zh if actor else name_en
        short = next((n for n in (actor.names_zh if actor else ()) if n.endswith("方")), "")
        short = short or name_zh + "方面"
        return Side(index, reading, party, name_zh, name_en, short + "通报", short)

    def _party_name(self, party: str) -> str:
        """A party as a subject: "the United States" / "美方"."""
        for side in self.sides:
            if side.party == party:
                return side.short
        row = self.book.sides.get(party)
        if row:
            return row["name_en"] if self.lang == "en" else row["short_zh"]
        actor = self.lex.actors.get(party)
        if actor is None:
            return party
        return actor.name if self.lang == "en" else actor.name_zh

    def _person(self, name: str, full_name: bool = False) -> str:
        """A person as the note names them: in full at first mention, then by surname."""
        actor = self.lex.person_named(name)
        if actor is None:
            return name
        if self.lang == "zh":
            return actor.name_zh
        full = actor.names_en[0]
        if full_name:
            self.mentioned.add(actor.id)
            return full
        if actor.id not in self.mentioned:
            self.mentioned.add(actor.id)
            return full
        tokens = {t.strip(".,") for t in full.split()}
        short = [n for n in actor.names_en if " " not in n and n in tokens]
        return min(short, key=len) if short else full

    def _subject(self, side: Side, claim: Claim, again: bool = False) -> str:
        """Who a claim is attributed to; ``again`` when the sentence before had the same
        speaker, so that a pronoun the account itself uses for them may stand in."""
        sp = claim.speaker
        if sp.kind == "both":
            return self.book.template("subject.both")
        if sp.kind == "person":
            actor = self.lex.person_named(sp.name)
            if again and actor is not None and actor.id in self.pronouns:
                return self.pronouns[actor.id]
            return self._person(sp.name)
        if sp.kind == "side" and sp.party:
            return self._party_name(sp.party)
        return side.acc

    def _topics(self, topics: Sequence[str], limit: int = 3, conj: str = "and") -> str:
        names = []
        for t in topics[:limit]:
            if t in self.book.topics:
                names.append(self.book.topics[t])
            elif t in self.lex.topics:
                label = self.lex.topics[t]
                names.append(label.label_en.lower() if self.lang == "en" else label.label_zh)
            else:
                names.append(t)
        return join_list(names, self.lang, conj)

    def _specific(self, claims: Sequence[Claim]) -> list[str]:
        every = topic_order(claims)
        return [t for t in every if self.lex.is_specific(t)] or every

    def _specific_only(self, claims: Sequence[Claim]) -> set[str]:
        return {t for c in claims for t in c.topics if self.lex.is_specific(t)}

    # ---- units

    def _units(self, side: Side) -> tuple[Unit, ...]:
        claims = side.reading.claims
        groups: list[list[Claim]] = []
        for c in claims:
            if groups and groups[-1][-1].sentence == c.sentence:
                groups[-1].append(c)
            else:
                groups.append([c])
        meeting = self._meeting_sentence(side.reading)
        return tuple(
            Unit(side.index, g[0].sentence, tuple(g), meeting=g[0].sentence == meeting)
            for g in groups
        )

    @staticmethod
    def _meeting_sentence(reading: Reading) -> int:
        """The sentence that reports the meeting: the first "met"/"held talks" claim of
        the opening paragraph, or the first sentence."""
        opening = {s.index for s in reading.sentences if s.paragraph == 0}
        for c in reading.claims:
            if c.act == "consult" and c.sentence in opening and not c.topics:
                return c.sentence
        return reading.claims[0].sentence if reading.claims else -1

    def _only_topics(self, side: Side) -> set[str]:
        other = self.sides[1 - side.index].id
        mine = self.c.topics.get(side.id, ())
        theirs = set(self.c.topics.get(other, ()))
        return {t for t in mine if t not in theirs}

    def label(self, claim: Claim) -> str:
        return self.c.relations[claim.id].label

    # ---- quoting

    def _text(self, side: Side) -> str:
        return side.reading.account.text

    def _ref(self, side: Side, what: str, span: tuple[int, int], value: str) -> Ref:
        """A reference to a fact, speaker or tone word at ``span`` of a side's account."""
        return Ref(
            side.id, span[0], span[1], what, value=value, text=self._text(side)[slice(*span)]
        )

    def _marks(self, reading: Reading, start: int, end: int, quotes: list[Quote]) -> str:
        """``reading``'s text at a span, trimmed and in quotation marks (recorded)."""
        text = reading.account.text
        start, end = trim_quote(text, start, end, reading.account.language)
        piece = text[start:end]
        quotes.append(Quote(reading.account.id, start, end, piece))
        left, right = marks_for(piece)
        return left + piece + right

    def quote(
        self, side: Side, start: int, end: int, quotes: list[Quote], point: bool = True
    ) -> str:
        """A span of a side's account in quotation marks. A point quoted in the other
        language than the note's comes after the side's own version of it where it has
        one; else, in an English note, a gist of its claims follows. ``point=False`` for a
        word or a fact the sentence itself explains: the original alone."""
        if side.reading.account.language == self.lang or not point:
            return self._marks(side.reading, start, end, quotes)
        claims = [c for c in side.reading.claims if c.start < end and start < c.end]
        version = self.versions.get(side.id)
        span = version.span_of(claims) if version is not None and claims else None
        if version is not None and span is not None:
            shown = self._marks(version.reading, span[0], span[1], quotes)
            original = self._marks(side.reading, start, end, quotes)
            return self.fill("quote.version", caps=False, v=shown, q=original)
        original = self._marks(side.reading, start, end, quotes)
        if self.lang == "en" and claims:
            what = gist_of(claims, side.reading, self.lex)
            return self.fill("quote.gist", caps=False, q=original, gist=what)
        return original

    def _span(self, side: Side, claims: Sequence[Claim]) -> tuple[int, int]:
        """The span of a run of claims, cut after the claim that passes the length limit."""
        limit = (
            self.budget.limit_zh if side.reading.account.language == "zh" else self.budget.limit_en
        )
        start, end = claims[0].start, claims[0].end
        for c in claims[1:]:
            if c.end - start > limit:
                break
            end = c.end
        return start, end

    def _lead(self, side: Side, claim: Claim, start: int, end: int) -> tuple[int, int, int] | None:
        """(subject end, verb end, start of the words reported) when the claim opens with
        its speaker; verb end == subject end when no reporting verb follows."""
        sp = claim.speaker
        text = self._text(side)
        if sp.start < 0 or not start <= sp.start <= start + 4 or sp.end > end:
            return None
        if text[start : sp.start].strip():
            return None
        pos = sp.end
        language = side.reading.account.language
        if language == "zh":
            view = simplified(text)
            cues = self.lex.act_matcher.find(text, "zh", view)
            found = lead_zh(view, pos, end, cues)
            if found is None:
                return (pos, pos, pos)
            return (pos, found[0], found[1])
        cues = self.lex.act_matcher.find(text, "en")
        at = pos
        while at < end and text[at].isspace():
            at += 1
        for _ in range(2):
            word = text[at:end].split(" ", 1)[0]
            if word.lower() in _EN_ADVERBS:
                at += len(word)
                while at < end and text[at].isspace():
                    at += 1
        verb: Match | None = next((m for m in cues if m.start == at and m.end <= end), None)
        if verb is None:
            return (pos, pos, pos)
        verb_end = verb.end
        rest = verb_end
        while rest < end and text[rest].isspace():
            rest += 1
        if text.startswith("that ", rest):
            verb_end = rest + 4
            rest += 5
        if len(text[rest:end].split()) < 3:
            return (pos, pos, pos)
        return (pos, verb_end, rest)

    def _claim_quote(self, side: Side, claim: Claim, quotes: list[Quote]) -> str:
        start, end = self._span(side, [claim])
        return self.quote(side, start, end, quotes)

    def _runs(self, side: Side, claims: Sequence[Claim]) -> list[list[Claim]]:
        """Claims grouped into runs of neighbours in one sentence, in account order."""
        order = {c.id: k for k, c in enumerate(side.reading.claims)}
        runs: list[list[Claim]] = []
        for c in sorted(claims, key=lambda c: order[c.id]):
            last = runs[-1][-1] if runs else None
            if last and last.sentence == c.sentence and order[c.id] == order[last.id] + 1:
                runs[-1].append(c)
            else:
                runs.append([c])
        return runs

    def _quote_runs(
        self, side: Side, claims: Sequence[Claim], quotes: list[Quote], limit: int
    ) -> tuple[list[str], list[Claim]]:
        """One quotation per run of neighbouring claims, at most ``limit`` of them; the
        quotations and the claims they quote."""
        out, used = [], []
        for run in self._runs(side, claims)[:limit]:
            start, end = self._span(side, run)
            out.append(self.quote(side, start, end, quotes))
            used += [c for c in run if c.start < end]
        return out, used

    def _quotes_list(self, qs: Sequence[str]) -> str:
        return ("；" if self.lang == "zh" else "; ").join(qs)

    # ---- sentences

    def fill(self, key: str, caps: bool = True, **values: str) -> str:
        """Template ``key`` filled with ``values``; ``caps=False`` for a fragment (nothing
        capitalised, as inside another sentence)."""
        return self.fill_map(key, values, caps)

    def fill_map(self, key: str, values: dict[str, str], caps: bool = True) -> str:
        fields = dict(values)
        for k, v in values.items():
            fields[k[:1].upper() + k[1:]] = cap(v) if caps and self.lang == "en" else v
        try:
            out = self.book.template(key).format_map(fields)
        except KeyError as exc:
            raise ConfigError(f"brief template {key!r} needs the value {exc}") from None
        return cap(out) if caps and self.lang == "en" else out

    def claim_refs(self, side: Side, claims: Sequence[Claim]) -> list[Ref]:
        text = self._text(side)
        return [
            Ref(side.id, c.start, c.end, "claim", claim=c.id, text=text[c.start : c.end])
            for c in claims
        ]

    def sentence(
        self,
        kind: str,
        plan: str,
        text: str,
        *,
        source: str = "",
        refs: Sequence[Ref] = (),
        quotes: Sequence[Quote] = (),
        absent_in: Sequence[str] = (),
        absent_topics: Sequence[str] = (),
        score: int | None = None,
    ) -> BriefSentence:
        unique: dict[tuple[str, int, int, str, str], Ref] = {}
        for r in refs:
            unique.setdefault((r.account, r.start, r.end, r.what, r.claim), r)
        for q in quotes:  # a quotation of a side's version rests on the version's words
            if q.account in {v.id for v in self.versions.values()}:
                ref = Ref(q.account, q.start, q.end, "version", text=q.text)
                unique.setdefault((q.account, q.start, q.end, "version", ""), ref)
        for r in list(unique.values()):  # a fact or a word rests on the claim that holds it
            if r.what in ("claim", "version"):
                continue
            side = next(x for x in self.sides if x.id == r.account)
            for c in side.reading.claims:
                if c.start < r.end and r.start < c.end:
                    ref = self.claim_refs(side, [c])[0]
                    unique.setdefault((ref.account, ref.start, ref.end, "claim", ref.claim), ref)
        return BriefSentence(
            text=text,
            kind=kind,
            plan=plan,
            source=source,
            refs=tuple(unique.values()),
            quotes=tuple(quotes),
            absent_in=tuple(absent_in),
            absent_topics=tuple(absent_topics),
            score=score,
        )
