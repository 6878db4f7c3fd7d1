"""Versions: what the drift checks read in one language version, and the checks themselves.

:func:`version` reads a whole version once: its names (actors, with Chinese names taken
only as whole words, so 林肯 is not found inside 布林肯, and "X方" read as the side of X),
numbers as values with units (:mod:`readouts.quantities`), negations by scope
(:mod:`readouts.negation`), tone words (``data/tone.tsv``) and intensity words and
judgements (:mod:`readouts.lang.drift_words`). The ``check_*`` functions compare two
aligned passages and return ``(change, a_values, b_values, a_marks, b_marks)`` or None.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from . import negation
from .lang import drift_words, language_for
from .lexicon import Lexicon, Match
from .model import Account, Reading, Sentence
from .quantities import NumberMention, numbers, same
from .segment import sentences as split_sentences

__all__ = [
    "Version",
    "check_names",
    "check_negation",
    "check_numbers",
    "check_tone",
    "version",
]

Span = tuple[int, int]

#: Tone-word contexts that carry no stance ("issues of mutual concern", "共同关心的问题").
_TONE_EXCEPTIONS = {
    "en": re.compile(
        r"(?:mutual|common|shared|each other['’]s|respective)\s+(?:core\s+)?concerns?"
        r"|of\s+(?:particular|special)\s+concern",
        re.I,
    ),
    "zh": re.compile(r"共同关心|共同关切|共同关注|彼此关切|相互关切|各自关切|关心的|关注的"),
}
#: Runs of short forms that name a region, not parties (中亚: Central Asia).
_ZH_NOT_SHORT = ("中亚",)
#: Words with 华 for China: "对华贸易逆差", "访华" (not 华盛顿).
_ZH_HUA = re.compile(r"(?<=[对访来涉赴驻援])华(?!盛顿|人|裔|侨|为)")
#: What follows a run of short forms of parties: "中美关系", "中俄双方".
_ZH_SHORT_AFTER = (
    "]{2,3})(?=关系|双方|两国|元首|合作|峰会|会晤|联合|"
    "三方|战略|之间|贸易|经贸|共同|军事|两军|友好)"
)
#: Characters that may stand right before a Chinese name as a word of their own.
_ZH_BEFORE_NAME = set("同与和及对向在的是为了被由将把给跟请让使称说、，。；：“”（）《》")
_EN_WORD = re.compile(r"[A-Za-z]+")


class _Spans:
    """Items with a start offset, sorted, to take those inside a span by bisection."""

    def __init__(self, items: Sequence[Any], start: Callable[[Any], int]):
        self.items = sorted(items, key=start)
        self.starts = [start(x) for x in self.items]

    def inside(self, span: Span) -> list[Any]:
        lo = bisect.bisect_left(self.starts, span[0])
        hi = bisect.bisect_left(self.starts, span[1], lo)
        return self.items[lo:hi]

    def covers(self, offset: int) -> bool:
        """Does an item (a span) start at or before ``offset`` and end after it?"""
        k = bisect.bisect_right(self.starts, offset) - 1
        return k >= 0 and offset < self.items[k][1]


@dataclass(frozen=True)
class _Name:
    """A name in a version: an actor of the lexicon, an issuer (its party), or a short form.
    ``parties`` holds every party the words may name: one, or several for an ambiguous
    short form (巴方: Brazil or Pakistan), which answers for any of them but is never
    reported itself."""

    start: int
    end: int
    id: str  # actor id (for an issuer or a short form, the party's id)
    kind: str  # person, country, org
    parties: frozenset[str]

    @property
    def party(self) -> str:
        return next(iter(self.parties)) if len(self.parties) == 1 else ""


@dataclass(frozen=True)
class _Word:
    """An intensity word (``kind`` "up" or "down") or a judgement (strength 1 or 2)."""

    start: int
    end: int
    word: str
    kind: str  # up, down, judgement
    strength: int = 0


@dataclass
class Version:
    """What the content checks need of one version, computed once for the whole text."""

    account: Account
    view: str
    sentences: tuple[Sentence, ...]
    tone: _Spans  # Match
    actors: _Spans  # _Name
    sides: _Spans  # spans of "X方" words of an unknown party (Chinese only)
    numbers: _Spans  # NumberMention
    negations: _Spans  # negation.Negation
    words: _Spans  # _Word

    def span(self, idx: Sequence[int]) -> Span:
        return self.sentences[idx[0]].start, self.sentences[idx[-1]].end


def _whole_name(view: str, m: Match, words: Any, person: bool) -> bool:
    """Is a Chinese name match a name of its own, not part of a longer transliteration
    (林肯 in 布林肯) or of another word (以方 in 可以方便)? A country may begin or end a
    longer word (俄乌冲突, 一个中国); a person's name must be whole words."""
    if not person:
        ws, _ = words.word_at(view, m.start)
        _, we = words.word_at(view, m.end - 1)
        return ws == m.start or we == m.end
    if not words.is_word(view, m.start, m.end):
        return False
    if m.start == 0:
        return True
    ps, pe = words.word_at(view, m.start - 1)
    before = view[ps:pe]
    # a single leftover character before the name is part of a foreign name ("布|林肯")
    return len(before) > 1 or before in _ZH_BEFORE_NAME or not re.match(r"[\u4e00-\u9fff]", before)


def _ambiguous_names(lexicon: Lexicon) -> dict[str, frozenset[str]]:
    """Names (lower-case in English) that several parties of the lexicon share."""
    found = lexicon.derived.get("ambiguous_names")
    if found is None:
        seen: dict[str, set[str]] = {}
        for actor in lexicon.actors.values():
            if actor.kind != "person":
                for name in (*(n.lower() for n in actor.names_en), *actor.names_zh):
                    seen.setdefault(name, set()).add(actor.party)
        found = {n: frozenset(p) for n, p in seen.items() if len(p) > 1}
        lexicon.derived["ambiguous_names"] = found
    return found  # type: ignore[return-value]


def _fixed_short(lexicon: Lexicon) -> tuple[dict[str, str], re.Pattern[str]]:
    """The short forms every text uses ("中" china, "美" united_states: the
    ``zh_short_parties`` list of data/lists.tsv, "char actor" items), and the pattern of
    a run of them before a word for two ("中美关系"); built once per lexicon."""
    built = lexicon.derived.get("zh_fixed_short")
    if built is None:
        fixed = dict(item.split() for item in lexicon.lists["zh_short_parties"].items)
        pattern = re.compile("([" + "".join(fixed) + _ZH_SHORT_AFTER)
        built = lexicon.derived["zh_fixed_short"] = (fixed, pattern)
    return built  # type: ignore[return-value]


def _short_parties(lexicon: Lexicon) -> dict[str, frozenset[str]]:
    """One-character short forms of parties: the fixed ones ("中", "美") and the X of each
    "X方" name of the lexicon ("哈" from 哈方; "巴" from 巴方, Brazil or Pakistan)."""
    found = lexicon.derived.get("zh_short_parties")
    if found is None:
        seen: dict[str, set[str]] = {}
        for actor in lexicon.actors.values():
            if actor.kind == "person":
                continue
            for name in actor.names_zh:
                if len(name) == 2 and name[1] == "方":
                    seen.setdefault(name[0], set()).add(actor.party)
        found = {ch: frozenset(p) for ch, p in seen.items()}
        found.update({ch: frozenset((p,)) for ch, p in _fixed_short(lexicon)[0].items()})
        lexicon.derived["zh_short_parties"] = found
    return found  # type: ignore[return-value]


def _zh_parties(view: str, words: Any, lexicon: Lexicon) -> list[tuple[int, frozenset[str]]]:
    """(offset, parties) named by short forms: "中美关系", "中哈贸易", "对华", "中巴"."""
    short = _short_parties(lexicon)
    fixed, fixed_run = _fixed_short(lexicon)
    china = frozenset(("china",))
    out = [(m.start(), china) for m in _ZH_HUA.finditer(view)]
    for m in fixed_run.finditer(view):
        out += [(m.start() + k, short[ch]) for k, ch in enumerate(m.group(1))]
    taken = {at for at, _ in out}
    chars = "".join(sorted(short))
    run = re.compile(f"[{re.escape(chars)}]{{2,3}}(?!洲)")
    for m in run.finditer(view):
        word = m.group(0)
        if m.start() in taken or words.word_at(view, m.start())[0] != m.start():
            continue
        if view.startswith(_ZH_NOT_SHORT, m.start()):
            continue
        # "中老铁路", "美日": with China in it, or only the parties everyone shortens
        if "中" in word or all(ch in fixed for ch in word):
            out += [(m.start() + k, short[ch]) for k, ch in enumerate(word)]
    return out


def _words_en(text: str) -> list[_Word]:
    out = []
    low = text.lower()
    for m in _EN_WORD.finditer(low):
        w = m.group(0)
        if w == "very" and re.search(
            r"\b(?:the|this|that)\s+$", low[max(0, m.start() - 6) : m.start()]
        ):
            continue  # "the very core": which one, not how much
        if w in drift_words.EN_INTENSIFIERS:
            out.append(_Word(m.start(), m.end(), w, "up"))
        elif w in drift_words.EN_DOWNTONERS:
            out.append(_Word(m.start(), m.end(), w, "down"))
        elif w in drift_words.EN_JUDGEMENTS:
            out.append(_Word(m.start(), m.end(), w, "judgement", drift_words.EN_JUDGEMENTS[w]))
    for phrase in ("a little", "a bit", "not helpful"):
        for m in re.finditer(r"\b" + phrase + r"\b", low):
            kind = "judgement" if phrase == "not helpful" else "down"
            out.append(_Word(m.start(), m.end(), phrase, kind, 1 if kind == "judgement" else 0))
    return sorted(out, key=lambda w: w.start)


_ZH_WORDS = {
    **{w: ("up", 0) for w in drift_words.ZH_INTENSIFIERS},
    **{w: ("down", 0) for w in drift_words.ZH_DOWNTONERS},
    **{w: ("judgement", n) for w, n in drift_words.ZH_JUDGEMENTS.items()},
}
_ZH_WORDS_RE = re.compile("|".join(sorted(_ZH_WORDS, key=len, reverse=True)))


def _words_zh(view: str) -> list[_Word]:
    """Intensity words and judgements, also inside longer words ("坚决反对", "严重关切")."""
    out = []
    for m in _ZH_WORDS_RE.finditer(view):
        kind, strength = _ZH_WORDS[m.group(0)]
        out.append(_Word(m.start(), m.end(), m.group(0), kind, strength))
    return out


def version(reading: Reading | Account, lexicon: Lexicon) -> Version:
    """Read one version for the checks (a Reading's sentences are used when given)."""
    account = reading.account if isinstance(reading, Reading) else reading
    sents = reading.sentences if isinstance(reading, Reading) else split_sentences(account)
    lang = account.language
    language = language_for(lang)
    # simplified text is its own view
    view = language.view(account.text, account.text if account.script == "Hans" else None)
    words = language.segmenter(lexicon)
    tone = lexicon.tone_matcher.find(account.text, lang, view)
    exception = _TONE_EXCEPTIONS.get(lang)
    if exception is not None:
        masked = _Spans([m.span() for m in exception.finditer(view)], lambda x: x[0])
        tone = [t for t in tone if not masked.covers(t.start)]
    actors: list[_Name] = []
    names: list[Span] = []  # every name, so no numeral is read inside one
    places = _Spans(language.not_parties(view), lambda x: x[0])
    ambiguous = _ambiguous_names(lexicon)
    for m in lexicon.actor_matcher.find(account.text, lang, view):
        names.append((m.start, m.end))
        if places.covers(m.start):
            continue
        actor = lexicon.actors[m.id]
        if words is not None and not _whole_name(view, m, words, actor.kind == "person"):
            continue
        surface = language.lowered(view[m.start : m.end])
        parties = ambiguous.get(surface, frozenset((actor.party,)))
        actors.append(_Name(m.start, m.end, m.id, actor.kind, parties))
    taken = _Spans([(n.start, n.end) for n in actors], lambda x: x[0])
    for m in lexicon.issuer_matcher.find(account.text, lang, view):  # "外交部表示"
        if taken.covers(m.start) or (words is not None and not _whole_name(view, m, words, False)):
            continue
        party = lexicon.issuers[m.id].party
        kind = lexicon.actors[party].kind if party in lexicon.actors else "org"
        actors.append(_Name(m.start, m.end, party, kind, frozenset((party,))))
    sides: list[Span] = []
    if words is not None:
        for at, parties in _zh_parties(view, words, lexicon):
            party = next(iter(parties))
            kind = lexicon.actors[party].kind if party in lexicon.actors else "country"
            actors.append(_Name(at, at + 1, party, kind, parties))
        known = {(n.start, n.end) for n in actors}
        sides = [
            (s, e)
            for s, e in words.words(view)
            if e - s == 2
            and view[s + 1] == "方"
            and view[s:e] not in drift_words.ZH_NOT_SIDES
            and (s, e) not in known
        ]
        found_words = _words_zh(view)
    else:
        found_words = _words_en(view)
    return Version(
        account,
        view,
        sents,
        _Spans(tone, lambda m: m.start),
        _Spans(actors, lambda n: n.start),
        _Spans(sides, lambda s: s[0]),
        _Spans(numbers(view, lang, names, words), lambda n: n.start),
        _Spans(negation.negations(view, lang, words), lambda n: n.start),
        _Spans(found_words, lambda w: w.start),
    )


# --------------------------------------------------------------------------- checks


def _finding(
    change: str,
    odd_a: Sequence[Any],
    odd_b: Sequence[Any],
    value: Callable[[Any], str],
    span: Callable[[Any], Span],
) -> tuple:
    """(change, values only in a, values only in b, their spans in a, in b)."""
    return (
        change,
        tuple(dict.fromkeys(value(x) for x in odd_a)),
        tuple(dict.fromkeys(value(x) for x in odd_b)),
        tuple(span(x) for x in odd_a),
        tuple(span(x) for x in odd_b),
    )


def _one_way(odd_a: Sequence[Any], odd_b: Sequence[Any]) -> str:
    """'changed' when both versions have something the other lacks, else which one does."""
    return "changed" if odd_a and odd_b else ("dropped" if odd_a else "added")


def check_numbers(va: Version, vb: Version, sa: Span, sb: Span) -> tuple | None:
    na: list[NumberMention] = va.numbers.inside(sa)
    nb: list[NumberMention] = vb.numbers.inside(sb)
    odd_a = [x for x in na if x.strong and not any(same(x.value, y.value) for y in nb)]
    odd_b = [y for y in nb if y.strong and not any(same(y.value, x.value) for x in na)]
    if not odd_a and not odd_b:
        return None
    return _finding(
        _one_way(odd_a, odd_b), odd_a, odd_b, lambda x: x.value, lambda x: (x.start, x.end)
    )


def _stand_in(version: Version, span: Span) -> bool:
    text = version.view[span[0] : span[1]]
    language = language_for(version.account.language)
    return language.stands_in(text) or bool(version.sides.inside(span))


def check_names(va: Version, vb: Version, sa: Span, sb: Span) -> tuple | None:
    ma: list[_Name] = va.actors.inside(sa)
    mb: list[_Name] = vb.actors.inside(sb)
    parties_a = {p for n in ma for p in n.parties}
    parties_b = {p for n in mb for p in n.parties}
    people_a = {n.id for n in ma if n.kind == "person"}
    people_b = {n.id for n in mb if n.kind == "person"}

    def odd(n: _Name, parties: set[str], people: set[str]) -> bool:
        if len(n.parties) > 1:  # an ambiguous short form is never reported itself
            return False
        return n.party not in parties or (
            n.kind == "person" and n.id not in people and bool(people)
        )

    odd_a = [n for n in ma if odd(n, parties_b, people_b)]
    odd_b = [n for n in mb if odd(n, parties_a, people_a)]
    # a name left out is drift only when nothing stands in for it on the other side (a
    # pronoun, a title, "both sides", or a side such as 阿方 that may name several parties)
    if odd_a and not odd_b and (_stand_in(vb, sb) or any(len(n.parties) > 1 for n in mb)):
        odd_a = [n for n in odd_a if n.kind == "person" and people_b]
    if odd_b and not odd_a and (_stand_in(va, sa) or any(len(n.parties) > 1 for n in ma)):
        odd_b = [n for n in odd_b if n.kind == "person" and people_a]
    if not odd_a and not odd_b:
        return None
    return _finding(
        _one_way(odd_a, odd_b), odd_a, odd_b, lambda n: n.id, lambda n: (n.start, n.end)
    )


def check_negation(va: Version, vb: Version, sa: Span, sb: Span) -> tuple | None:
    odd_a, odd_b = negation.compare(va.negations.inside(sa), vb.negations.inside(sb), sa, sb)
    if not odd_a and not odd_b:
        return None

    def value(n: negation.Negation) -> str:
        return f"not {n.predicate}".strip()

    return _finding(_one_way(odd_a, odd_b), odd_a, odd_b, value, lambda n: n.span)


def _tone_reading(hits: Sequence[Match], lexicon: Lexicon, category: str) -> tuple[int, int]:
    """(rung, -valence) of the strongest word of a category: larger reads harder."""
    best = (0, 0)
    for h in hits:
        term = lexicon.tone.get(h.id)
        if term is not None and term.category == category:
            best = max(best, (term.rung, -term.valence))
    return best


def _charged(version: Version, span: Span, lexicon: Lexicon) -> list[Span]:
    """Spans of the words an intensity word may modify: judgements and the tone words of
    the ladder, signals and framing, or cool ones (valence below zero)."""
    out = [(w.start, w.end) for w in version.words.inside(span) if w.kind == "judgement"]
    for h in version.tone.inside(span):
        term = lexicon.tone[h.id]
        if term.category in ("ladder", "signal", "framing") or term.valence < 0:
            out.append((h.start, h.end))
    return out


def _intensity(version: Version, span: Span, lexicon: Lexicon) -> tuple[int, list[Any]]:
    """(intensity, the words) of a passage: intensifiers minus downtoners that stand next
    to a charged word (within a few characters before it, or inside it)."""
    targets = _charged(version, span, lexicon)
    reach = language_for(version.account.language).intensity_reach
    score, used = 0, []
    for w in version.words.inside(span):
        if w.kind == "judgement":
            continue
        if any((w.start >= s and w.end <= e) or 0 <= s - w.end <= reach for s, e in targets):
            score += 1 if w.kind == "up" else -1
            used.append(w)
    return score, used


def check_tone(va: Version, vb: Version, sa: Span, sb: Span, lexicon: Lexicon) -> tuple | None:
    ha, hb = va.tone.inside(sa), vb.tone.inside(sb)
    odd_a: list[Any] = []
    odd_b: list[Any] = []
    direction = 0
    for category in ("ladder", "signal", "atmosphere", "position"):
        ca = [h for h in ha if lexicon.tone[h.id].category == category]
        cb = [h for h in hb if lexicon.tone[h.id].category == category]
        if {h.id for h in ca} == {h.id for h in cb}:
            continue
        ra, rb = _tone_reading(ca, lexicon, category), _tone_reading(cb, lexicon, category)
        if category != "ladder" and (not ca or not cb):
            # a word without a counterpart matters only when it is a strong one
            strong = [h for h in ca + cb if abs(lexicon.tone[h.id].valence) == 2]
            if not strong:
                continue
        elif ra == rb:
            continue
        odd_a += [h for h in ca if h.id not in {x.id for x in cb}]
        odd_b += [h for h in cb if h.id not in {x.id for x in ca}]
        if direction == 0:
            direction = (rb > ra) - (rb < ra)
    # judgements: the strongest on each side ("very dangerous" -> "somewhat unhelpful")
    ja = [w for w in va.words.inside(sa) if w.kind == "judgement"]
    jb = [w for w in vb.words.inside(sb) if w.kind == "judgement"]
    sa_max = max((w.strength for w in ja), default=0)
    sb_max = max((w.strength for w in jb), default=0)
    if ja and jb and sa_max != sb_max:
        odd_a += ja
        odd_b += jb
        direction = direction or (1 if sb_max > sa_max else -1)
    # intensity words next to charged words ("strongly opposes" -> "opposes")
    ia, wa = _intensity(va, sa, lexicon)
    ib, wb = _intensity(vb, sb, lexicon)
    if (ia > 0) != (ib > 0) or (ia < 0) != (ib < 0):
        # intensity words inside a tone word already listed are not listed again
        odd_a += [w for w in wa if not any(h.start <= w.start and w.end <= h.end for h in odd_a)]
        odd_b += [w for w in wb if not any(h.start <= w.start and w.end <= h.end for h in odd_b)]
        direction = direction or (1 if ib > ia else -1)
    if not odd_a and not odd_b:
        return None
    change = {1: "hardened", -1: "softened"}.get(direction, "changed")

    def value(h: Any) -> str:
        return h.id if isinstance(h, Match) else h.word

    return _finding(change, odd_a, odd_b, value, lambda h: (h.start, h.end))
