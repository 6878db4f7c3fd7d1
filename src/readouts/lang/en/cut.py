"""English: cut a sentence into propositions, one claim per thing said.

A sentence is cut where a new point starts: after ``;`` or ``:``, before ``but``/
``while``, before a coordinated verb phrase ("..., and emphasized that", "..., does not
seek to ...", "..., to manage ..."), a coordinated ``that``-clause, a participle clause
("..., noting that"), a new main clause after a comma ("At the request of X, | Wang Yi
held ..." is not cut: an opening phrase stays with its clause). A list ("concerns about
A, B, and C", "discussed A, B and C", "including A, B, C") gives one piece per item.

Each piece that lacks words it needs to be read alone keeps them as its *frame*: a list
item the list's lead-in ("He set out NATO's concerns about"), a coordinated verb phrase
its subject and governing verb ("They agreed" for "to strengthen communication", "the
United States" for "does not seek to change China's system"). Claims carry the frame so
that their view reads as a whole proposition (:mod:`readouts.claimview`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import islice, pairwise
from typing import Protocol

from ...memo import by_text
from .. import Piece, distinct_issues
from . import BOTH_SIDES, COMMON_VERBS, MEETING_VERBS, REPORTING_VERBS

__all__ = [
    "AUX",
    "MIN_WORDS",
    "clause_subject",
    "cut",
    "tokens",
    "word_count",
]

MIN_WORDS = 4

_TOKEN = re.compile(r"[A-Za-z0-9\u00c0-\u024f][A-Za-z0-9\u00c0-\u024f'’.\-]*")
_REPORTING = frozenset(REPORTING_VERBS)
AUX = frozenset(
    "is are was were has have had will would can could should must may might did does do "
    "remained remains stood stands".split()
)
_ADVERBS = frozenset(
    "also further again then both once repeatedly still jointly all together separately".split()
)
_INFINITIVES = COMMON_VERBS | _REPORTING
_EN_BOTH = tuple(sorted(BOTH_SIDES, key=len, reverse=True))
# words that open a list of the things discussed, raised or named
_LIST_CUE = re.compile(
    r"\b(?:including|such as|namely|in particular|particularly|notably|discussed|addressed|"
    r"raised|reviewed|covered|highlighted|emphasized|emphasised|underscored|on issues such as|"
    r"on|about|over|regarding|concerning|for|to|in|with|of)\s",
    re.I,
)
_STRONG_CUE = frozenset(
    "including|such as|namely|in particular|particularly|notably|discussed|addressed|raised|"
    "reviewed|covered|highlighted|emphasized|emphasised|underscored".split("|")
)


_AMONG_OTHERS = re.compile(
    r",?\s+(?:among other (?:topics|issues|things|matters)|among others|"
    r"and (?:other|related) (?:issues|topics|matters)|etc\.?)$",
    re.I,
)


class Span(Protocol):
    """An actor mention: where it starts and ends."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


@by_text(8192)
def tokens(text: str, start: int, end: int) -> tuple[tuple[int, int, str], ...]:
    """The words of ``text[start:end]`` with their offsets (asked for many times over the
    same sentence, so remembered)."""
    return tuple([(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(text, start, end)])


def word_count(text: str) -> int:
    return len(_TOKEN.findall(text))


def _next_words(text: str, pos: int, end: int, n: int) -> list[str]:
    """The next ``n`` words from ``pos``, lower-cased (only those are read)."""
    return [m.group(0).lower().strip(".") for m in islice(_TOKEN.finditer(text, pos, end), n)]


def _is_past(word: str) -> bool:
    w = word.lower()
    if w in _REPORTING and (w.endswith("ed") or w in ("said", "made", "held", "set", "told")):
        return True
    return w.endswith("ed") and (w[:-2] in COMMON_VERBS or w[:-1] in COMMON_VERBS)


def _is_third_person(word: str) -> bool:
    w = word.lower()
    return w.endswith("s") and (w[:-1] in _INFINITIVES or w[:-2] in _INFINITIVES)


#: Words after "to" that show it is a preposition, not the mark of an infinitive.
_NOT_VERB_AFTER_TO = frozenset(
    "the a an its their his her our my your this that these those all each both such which "
    "whom what date and or some any every no more most other another one two three".split()
)


def _verb_after_to(word: str) -> bool:
    """Is ``word``, after "to", a verb ("to step up", "to manage")? Known verbs are; so is
    any lower-case word that is not a determiner or a number."""
    if word in _INFINITIVES:
        return True
    return word.isalpha() and word.islower() and word not in _NOT_VERB_AFTER_TO


def clause_subject(text: str, pos: int, end: int, mentions: Sequence[Span]) -> int:
    """If a main clause (subject + verb) starts at ``pos``, where its subject ends; else -1."""
    toks = [(m.start(), m.end(), m.group(0)) for m in islice(_TOKEN.finditer(text, pos, end), 16)]
    if not toks:
        return -1
    first = toks[0][2].lower()
    if first in ("he", "she", "they", "we", "it"):
        nxt = toks[1][2].lower() if len(toks) > 1 else ""
        if nxt in _REPORTING or nxt in AUX or nxt in _ADVERBS:
            return toks[0][1]
        return -1
    low = text[pos:end].lower()
    subject_end = -1
    for phrase in _EN_BOTH:
        if low.startswith(phrase + " "):
            subject_end = pos + len(phrase)
            break
    if subject_end < 0:
        # a run of capitalised words (titles, names) that ends in a known actor
        i = 0
        has_actor = False
        while i < len(toks) and i < 12:
            s, _e, w = toks[i]
            if not (w[0].isupper() or w.lower() in ("and", "of", "the", "for", "side")):
                break
            has_actor = has_actor or any(m.start <= s < m.end for m in mentions)
            i += 1
        if has_actor and i < len(toks):
            subject_end = toks[i - 1][1]
    if subject_end < 0:
        return -1
    after = [t for t in toks if t[0] >= subject_end]
    for _, _, w in after[:3]:
        w = w.lower()
        if w in _ADVERBS:
            continue
        ok = w in _REPORTING or w in AUX or w in MEETING_VERBS
        return subject_end if ok else -1
    return -1


# --------------------------------------------------------------------------- clause cuts

# kinds of cut: a new clause with its own subject, or a coordinated verb phrase that
# shares the subject (and governing verb) of the piece before it
_CLAUSE, _VERB_PHRASE, _INFINITIVE = "clause", "verb", "to"


def _clause_cuts(text: str, start: int, end: int, mentions: Sequence[Span]) -> dict[int, str]:
    """Where new propositions start in ``text[start:end]``, and what kind each is."""
    cuts: dict[int, str] = {}
    seg = text[start:end]

    def at(offset: int) -> int:
        p = start + offset
        while p < end and text[p].isspace():
            p += 1
        return p

    def add(offset: int, kind: str) -> None:
        cuts.setdefault(at(offset), kind)

    for m in re.finditer(r";\s*", seg):
        if word_count(seg[m.end() :]) >= 3:
            add(m.end(), _CLAUSE)
    for m in re.finditer(r":\s+", seg):
        if word_count(seg[m.end() :]) >= 4 and word_count(seg[: m.start()]) >= 3:
            add(m.end(), _CLAUSE)
    for m in re.finditer(r",\s+(but|while|whereas|yet|although|though)\s", seg, re.I):
        add(m.start() + 1, _CLAUSE)
    for m in re.finditer(r"\s+but\s+(?!also\b)", seg):
        nxt = _next_words(text, start + m.end(), end, 2)
        if nxt and (nxt[0] in _REPORTING or nxt[0] in ("he", "she", "they", "the")):
            add(m.start(), _CLAUSE)
    for m in re.finditer(r"(,?)\s+(and|or|as well as)\s+", seg):
        pos = start + m.end()
        nxt = _next_words(text, pos, end, 3)
        if not nxt:
            continue
        comma = bool(m.group(1))
        w = nxt[0]
        if w in _ADVERBS and len(nxt) > 1:
            w = nxt[1]
        to_verb = w == "to" and len(nxt) > 1 and _verb_after_to(nxt[1])
        repeated_to = to_verb and re.search(r"\bto\s+\w+", seg[: m.start()]) is not None
        if _is_past(w) or (comma and w in AUX and len(nxt) > 1):
            add(m.start() + len(m.group(1)), _VERB_PHRASE)
        elif comma and w == "that":
            add(m.start() + len(m.group(1)), _CLAUSE)
        elif to_verb and (comma or repeated_to):
            add(m.start() + len(m.group(1)), _INFINITIVE)
        elif comma and clause_subject(text, pos, end, mentions) >= 0:
            add(m.start() + 1, _CLAUSE)
    # "..., does not seek to change ...", "..., reaffirmed ...": a verb phrase after a comma
    for m in re.finditer(r",\s+", seg):
        pos = start + m.end()
        nxt = _next_words(text, pos, end, 3)
        if len(nxt) < 2:
            continue
        w = nxt[1] if nxt[0] in _ADVERBS else nxt[0]
        verb = (w in AUX and nxt[-1] != "been") or _is_past(w) or _is_third_person(w)
        # only after a clause that has a verb of its own: in "Wang Yi, member of ..., held
        # talks" the comma closes the subject, and "X, he said, must ..." is one clause
        before = seg[: m.start()]
        if verb and _has_finite_verb(before) and not _PARENTHETICAL.search(before):
            add(m.end(), _VERB_PHRASE)
    for m in re.finditer(
        r",\s+(to|noting|saying|adding|stressing|emphasizing|emphasising|"
        r"underscoring|calling|urging|expressing|reaffirming|reiterating|"
        r"highlighting|making)\s+",
        seg,
    ):
        word = m.group(1)
        pos = start + m.end()
        if word == "to":
            nxt = _next_words(text, pos, end, 1)
            if not nxt or not _verb_after_to(nxt[0]):
                continue
            if word_count(seg[: m.start()]) < 6:
                continue  # "He called on China, to ...": the infinitive completes the call
            add(m.start() + 1, _INFINITIVE)
        else:
            add(m.start() + 1, _CLAUSE)
    if first_that := re.search(r"\bthat\s", seg):
        for m in re.finditer(r",\s+that\s", seg):
            if m.start() > first_that.start():
                add(m.start() + 1, _CLAUSE)
    for m in re.finditer(r",\s+", seg):
        pos = start + m.end()
        if clause_subject(text, pos, end, mentions) >= 0:
            # not a parenthetical ", Wang Yi said," (a verb directly followed by a comma)
            tail = text[pos : min(end, pos + 60)]
            if re.match(r"[^,]{0,40}\b(said|added|noted|stressed)\s*,", tail):
                continue
            cuts.setdefault(pos, _CLAUSE)
    inside = [(m.start, m.end) for m in mentions]
    return {
        c: k for c, k in cuts.items() if start < c < end and not any(a < c < b for a, b in inside)
    }


_PARENTHETICAL = re.compile(
    r",\s+(?:he|she|they|it|[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3})\s+"
    r"(?:said|added|noted|stressed|explained|continued)$"
)


def _has_finite_verb(text: str) -> bool:
    """Does the stretch have a finite verb (an auxiliary, a past form, a reporting verb)?"""
    for w in _TOKEN.findall(text):
        lw = w.lower()
        if lw in AUX or _is_past(lw) or (lw in _REPORTING and w[0].islower()):
            return True
    return False


def _frame_for(text: str, first: tuple[int, int], piece_start: int, kind: str) -> tuple[int, int]:
    """The frame a coordinated verb phrase or infinitive borrows from the first piece of
    its run: the subject (and governing verb) the two share."""
    a, b = first
    if kind == _INFINITIVE:
        # "They agreed to take ..., to strengthen ...": the words before the first "to VERB"
        for m in re.finditer(r"\bto\s+(\w+)", text[a:b]):
            if m.group(1).lower() in _INFINITIVES:
                end = a + m.start()
                while end > a and text[end - 1] in " ,":
                    end -= 1
                return (a, end) if end > a else (-1, -1)
        return (-1, -1)
    head = _next_words(text, piece_start, piece_start + 40, 2)
    if not head:
        return (-1, -1)
    word = head[1] if head[0] in _ADVERBS and len(head) > 1 else head[0]
    toks = tokens(text, a, b)
    # the subject ends where the first piece has a verb of the same kind
    for s, _e, w in toks:
        lw = w.lower()
        same = lw == word or (lw in AUX and word in AUX)
        if same or (_is_past(lw) and _is_past(word)) or (lw in _REPORTING and word in _REPORTING):
            end = s
            while end > a and text[end - 1] in " ,":
                end -= 1
            return (a, end) if end > a else (-1, -1)
    return (-1, -1)


# --------------------------------------------------------------------------- lists


def _list_items(
    text: str, start: int, end: int, persons: Sequence[Span]
) -> tuple[list[tuple[int, int]], tuple[int, int]] | None:
    """The items of a list of noun phrases in ``text[start:end]`` and the list's lead-in,
    or None. A list has three or more items ("A, B, and C", "A, B and C") after a word
    that opens one (``including``, ``such as``, ``discussed``, a preposition)."""
    body = text[start:end]
    stripped = _AMONG_OTHERS.sub("", body.rstrip('.!?"”’ '))
    m = re.search(r"(?:,\s+|\s+)(?:and|or)\s+(?:the\s+|a\s+|an\s+)?[^,]+$", stripped)
    if not m:
        return None
    last_and = start + m.start()
    # the list starts after a word that opens one ("including", "discussed", "about"):
    # of the candidates before the list's first comma, the one whose first item is about
    # as long as the others, the later one when two are close ("He raised concerns over
    # A, B and C": the items are A, B, C; "discussed the process in Syria, B and C": the
    # first item is "the process in Syria")
    strong = [
        c
        for c in _LIST_CUE.finditer(text, start, last_and)
        if c.group(0).strip().lower() in _STRONG_CUE
    ]
    after = strong[-1].end() if strong else start
    first_comma = text.find(",", after, last_and)
    limit = first_comma if first_comma > 0 else last_and
    best: tuple[float, int] | None = None
    candidates = []
    for cue in _LIST_CUE.finditer(text, start, limit):
        cut_at = cue.end()
        commas = [cut_at + c.start() for c in re.finditer(r",\s+", text[cut_at:last_and])]
        bounds = [(cut_at, commas[0] if commas else last_and)]
        bounds += [(x + 1, y) for x, y in pairwise([*commas, last_and])]
        first = [w.lower() for w in _TOKEN.findall(text[bounds[0][0] : bounds[0][1]])]
        if not first or first[0] in COMMON_VERBS:
            continue
        others = sorted(word_count(text[x:y]) for x, y in bounds[1:]) or [len(first)]
        median = others[len(others) // 2]
        diff = abs(len(first) - median)
        candidates.append((diff, cut_at, bounds))
        best = (diff, cut_at) if best is None or diff < best[0] else best
    if best is None:
        return None
    first_item, bounds = next(
        (cut_at, bounds) for diff, cut_at, bounds in reversed(candidates) if diff <= best[0] + 3
    )
    commas = [b for _, b in bounds[:-1]] if len(bounds) > 1 else []
    and_at = re.match(r"(,?)\s+(?:and|or)\s+", text[last_and:end])
    assert and_at is not None
    bounds.append((last_and + and_at.end(), end))
    # "discussed Ukraine and the Middle East" is two points, "the importance of peace and
    # stability" one: without a comma, only names are split
    names = all(text[a:b].strip()[:1].isupper() for a, b in bounds)
    if not commas and not and_at.group(1) and not names:
        return None
    items: list[tuple[int, int]] = []
    for a, b in bounds:
        while a < b and text[a] in " ,":
            a += 1
        while b > a and text[b - 1] in " ,.":
            b -= 1
        words = [w.lower() for w in _TOKEN.findall(text[a:b])]
        if not words or len(words) > 20:
            return None
        relative = next(
            (k for k, w in enumerate(words) if w in ("where", "that", "which", "who", "whose")),
            len(words),
        )
        if any(w in AUX or (w in _REPORTING and _is_past(w)) for w in words[:relative]):
            return None  # items with a finite verb are clauses, not a list of things
        if words[0] in COMMON_VERBS or any(
            x == "to" and _verb_after_to(y) and y in _INFINITIVES for x, y in pairwise(words)
        ):
            return None  # verb phrases ("pursue mutual benefit", "so as to bring")
        if any(p.start <= a and b <= p.end + 2 for p in persons):
            return None  # a list of people ("Secretary Blinken, Secretary Yellen, ...")
        items.append((a, b))
    # "the coordination of political, financial and military support": one noun and its
    # modifiers (the middle items single words, the last one carrying the noun)
    middle = items[1:-1] if len(items) > 2 else items[:1]
    modifiers = all(word_count(text[a:b]) == 1 and text[a].islower() for a, b in middle)
    if modifiers and word_count(text[items[-1][0] : items[-1][1]]) > 1:
        return None
    caps = sum(1 for a, b in items if text[a].isupper())
    titles = sum(
        1
        for a, b in items
        if re.match(r"(?:Secretary|Minister|President|Director|Mr|Ms)\b", text[a:b])
    )
    if titles >= 2 or (caps == len(items) and all(word_count(text[a:b]) >= 3 for a, b in items)):
        return None  # titles and names, not issues
    frame_end = first_item
    while frame_end > start and text[frame_end - 1].isspace():
        frame_end -= 1
    return items, (start, frame_end)


# --------------------------------------------------------------------------- the cutter


# a piece that ends like this has not said its point yet ("Biden assured that,", "On
# January 21, Mr. KISHIDA Fumio,", "The second outcome, Kim said,")
_OPEN_END = re.compile(
    r"(?:\b(?:that|to|of|the|a|an|and|or|with|as|for|in|on|by|from|including|such as|"
    r"whether|which|who|while|when|said|added|noted|stressed|explained)|[:(])\W*$",
    re.I,
)


def _open(text: str, p: Piece) -> bool:
    """Is the piece unfinished: ending on a word that needs what follows, or with no word
    of its own but names and titles?"""
    body = text[p.start : p.end]
    if _OPEN_END.search(body):
        return True
    # an opening phrase ("On the evening of December 9,", "He said that, as allies,"): no
    # verb of its own after its last "that"
    opening = body.rstrip().endswith(",") and p.frame[0] < 0
    if opening and not _has_finite_verb(re.split(r"\bthat\b", body)[-1]):
        return True
    words = _TOKEN.findall(body)
    return bool(words) and all(w[0].isupper() or w[0].isdigit() for w in words) and p.frame[0] < 0


def _merge_short(text: str, pieces: list[Piece]) -> list[Piece]:
    """Pieces too short to be a point (under :data:`MIN_WORDS` words, and no list item)
    join the piece before (the first joins the one after); unfinished pieces join the one
    after."""
    joined: list[Piece] = []
    carry = -1
    for p in pieces:
        if carry >= 0:
            p = Piece(carry, p.end, (-1, -1), p.tail)
            carry = -1
        if p is not pieces[-1] and _open(text, p):
            carry = p.start
            continue
        joined.append(p)
    if carry >= 0:
        if joined:
            last = joined[-1]
            joined[-1] = Piece(last.start, pieces[-1].end, last.frame, last.tail)
        else:
            joined.append(Piece(carry, pieces[-1].end))
    out: list[Piece] = []
    for p in joined:
        if out and word_count(text[p.start : p.end]) < MIN_WORDS and p.frame[0] < 0:
            last = out[-1]
            out[-1] = Piece(last.start, p.end, last.frame, last.tail)
        else:
            out.append(p)
    if len(out) > 1 and word_count(text[out[0].start : out[0].end]) < MIN_WORDS:
        second = out[1]
        out[1] = Piece(out[0].start, second.end, (-1, -1), second.tail)
        out.pop(0)
    return out


def cut(
    text: str,
    start: int,
    end: int,
    mentions: Sequence[Span],
    persons: Sequence[Span] = (),
    issues: Sequence[tuple[int, int, str]] = (),
) -> list[Piece]:
    """The propositions of the sentence ``text[start:end]`` (see the module docstring).
    ``mentions`` are the actor names in the text (never cut inside one), ``persons`` those
    that name people (a list of people is not a list of points), ``issues`` the specific
    topics found in the text (a list is cut into its items only when they name different
    issues)."""
    mentions = [m for m in mentions if m.start < end and m.end > start]
    persons = [m for m in persons if m.start < end and m.end > start]
    cuts = _clause_cuts(text, start, end, mentions)
    bounds = [start, *sorted(cuts), end]
    pieces: list[Piece] = []
    run_first: tuple[int, int] | None = None
    for a, b in pairwise(bounds):
        if a >= b:
            continue
        kind = cuts.get(a, _CLAUSE)
        frame = (-1, -1)
        if a != start and kind in (_VERB_PHRASE, _INFINITIVE) and run_first is not None:
            frame = _frame_for(text, run_first, a, kind)
        else:
            run_first = (a, b)
        pieces.append(Piece(a, b, frame))
    pieces = _merge_short(text, pieces)
    out: list[Piece] = []
    for p in pieces:
        found = _list_items(text, p.start, p.end, persons)
        if found is not None and not distinct_issues(found[0], issues):
            found = None
        if found is None:
            out.append(p)
            continue
        items, lead = found
        # the first item keeps the lead-in in its own span; the others carry it as frame
        out.append(Piece(p.start, items[0][1], p.frame))
        for a, b in items[1:]:
            out.append(Piece(a, b, lead))
        last_end = items[-1][1]
        if word_count(text[last_end : p.end]) >= MIN_WORDS:
            out[-1] = Piece(out[-1].start, p.end, out[-1].frame)
    return [_trimmed(text, p) for p in out if _trimmed(text, p).start < _trimmed(text, p).end]


def _trimmed(text: str, p: Piece) -> Piece:
    a, b = p.start, p.end
    while a < b and (text[a].isspace() or text[a] in ",;"):
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return Piece(a, b, p.frame, p.tail)
