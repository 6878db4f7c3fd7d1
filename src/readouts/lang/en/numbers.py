"""English numbers: digits with their scale ("291 billion"), number words, percentages
("50 percent", "50%") and dates ("14 March", "March 14"); see :mod:`readouts.quantities`."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..base import DIGITS as _DIGITS
from ..base import NumberMention
from ..base import fmt as _fmt
from ..base import mask as _mask
from . import MONTHS

__all__ = ["numbers"]

_EN_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_EN_SCALE_AFTER = re.compile(r"\s*(thousand|million|billion|trillion)\b", re.I)
_EN_PERCENT_AFTER = re.compile(r"\s*(?:%|percent\b|per\s+cent\b)", re.I)
_EN_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen "
        "fourteen fifteen sixteen seventeen eighteen nineteen".split()
    )
}
_EN_TENS = {
    w: 10 * i
    for i, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split())
    if i >= 2
}
_EN_ORDINALS = {
    w: i
    for i, w in enumerate(
        "_ first second third fourth fifth sixth seventh eighth ninth tenth".split()
    )
    if i
}
_EN_MONTHS = {m.capitalize(): k for m, k in MONTHS.items()}  # as written in a sentence
_MONTH_RE = "|".join(sorted((m for m in _EN_MONTHS if len(m) > 3), key=len, reverse=True))
_EN_DATE = re.compile(
    rf"\b(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{_MONTH_RE}|May)\b"
    rf"|\b(?P<m2>{_MONTH_RE}|May)\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b(?!,\d)"
)
#: Words for round or vague figures: never checked, but they match the other version's.
_EN_VAGUE = {
    "hundred": 100,
    "dozen": 12,
    "dozens": 10,
    "decade": 10,
    "decades": 10,
    "century": 100,
    "centuries": 100,
    "centenary": 100,
    "centennial": 100,
    "hundreds": 100,
    "thousands": 1e3,
    "millions": 1e6,
    "billions": 1e9,
    "trillions": 1e12,
    "several": 3,
}
#: The words _numbers_en reads (the others are skipped by the regular expression).
_EN_TOKEN = re.compile(
    r"\b(?:"
    + "|".join(
        sorted(
            {*_EN_WORDS, *_EN_TENS, *_EN_ORDINALS, *_EN_VAGUE, "half"},
            key=len,
            reverse=True,
        )
    )
    + r")\b|\b(?-i:"
    + "|".join(sorted(_EN_MONTHS, key=len, reverse=True))
    + r")\b",
    re.I,
)


_EN_PLAN = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\s+Five[- ]Year\s+Plan\b", re.I)


def numbers(text: str, masks: Sequence[tuple[int, int]]) -> list[NumberMention]:
    text = _mask(text, masks)
    out: list[NumberMention] = []
    for m in _EN_DATE.finditer(text):
        day, month = m.group("d1", "m1") if m.group("d1") else m.group("d2", "m2")
        if 1 <= int(day) <= 31:
            label = f"date:{_EN_MONTHS[month]}-{int(day)}"
            out.append(NumberMention(label, m.start(), m.end(), True))
    for m in _EN_PLAN.finditer(text):  # "the 14th Five-Year Plan": a name, never checked
        out.append(NumberMention(m.group(1), m.start(), m.end(), False))
    text = _mask(text, [(x.start, x.end) for x in out])
    for m in _DIGITS.finditer(text):
        value = float((m.group(1) + (m.group(2) or "")).replace(",", ""))
        end = m.end()
        scale = _EN_SCALE_AFTER.match(text, end)
        if scale:
            value *= _EN_SCALE[scale.group(1).lower()]
            end = scale.end()
        percent = _EN_PERCENT_AFTER.match(text, end)
        if percent:
            out.append(NumberMention(_fmt(value) + "%", m.start(), percent.end(), True))
            continue
        out.append(NumberMention(_fmt(value), m.start(), end, True))
    tokens = list(_EN_TOKEN.finditer(text))
    skip = -1
    for k, m in enumerate(tokens):
        if k <= skip:
            continue
        word = m.group(0)
        low = word.lower()
        start, end = m.span()
        if word in _EN_MONTHS:
            if word == "May" and not re.match(r"\s+\d", text[end : end + 3]):
                continue  # the modal verb at the start of a sentence
            out.append(NumberMention(f"month:{_EN_MONTHS[word]}", start, end, True))
            continue
        if low in _EN_TENS:
            value = float(_EN_TENS[low])
            strong = True
            nxt = tokens[k + 1] if k + 1 < len(tokens) else None
            if nxt is not None and text[end : nxt.start()] in ("-", " "):
                unit = _EN_WORDS.get(nxt.group(0).lower(), 0)
                if 0 < unit < 10:  # "twenty-seven"
                    value += unit
                    end = nxt.end()
                    skip = k + 1
        elif low in _EN_WORDS:
            value = float(_EN_WORDS[low])
            strong = value > 10
        elif low in _EN_ORDINALS:
            value, strong = float(_EN_ORDINALS[low]), False
        elif low in _EN_VAGUE:
            value, strong = float(_EN_VAGUE[low]), False
            before = text[max(0, start - 7) : start].lower()
            if low == "century" and before.endswith("half a "):  # "half a century"
                value, start = 50.0, start - 7
        elif low == "half" and text[end : end + 8].lower() == "-century":
            out.append(NumberMention("50", start, end + 8, False))
            skip = k + 1
            continue
        else:
            continue
        scale = _EN_SCALE_AFTER.match(text, end)
        if scale:
            value *= _EN_SCALE[scale.group(1).lower()]
            end = scale.end()
            strong = True
        percent = _EN_PERCENT_AFTER.match(text, end)
        if percent:
            out.append(NumberMention(_fmt(value) + "%", start, percent.end(), strong))
            continue
        out.append(NumberMention(_fmt(value), start, end, strong))
    return sorted(out, key=lambda x: x.start)
