"""Chinese numbers: digits with 万 and 亿 ("2910亿", "1.5万"), Chinese numerals (through
cn2an: "三千五百万", "二十七"), percentages ("百分之五十") and dates ("3月14日"); numerals
inside a word (统一, 万象) are not numbers. See :mod:`readouts.quantities`."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from .. import drift_words
from ..base import DIGITS as _DIGITS
from ..base import NumberMention
from ..base import blank as _blank
from ..base import fmt as _fmt
from ..base import mask as _mask

if TYPE_CHECKING:
    from ..words_zh import Segmenter

__all__ = ["numbers"]

_FULLWIDTH = str.maketrans("０１２３４５６７８９．，％", "0123456789.,%")


#: Chinese round figures read as numbers without numerals of their own.
_ZH_ROUND = {"半个世纪": 50, "半世纪": 50, "一个世纪": 100, "世纪": 100}
_ZH_VAGUE = {**_ZH_ROUND, **drift_words.ZH_VAGUE_NUMBERS}
_ZH_VAGUE_RE = re.compile("|".join(sorted(_ZH_VAGUE, key=len, reverse=True)))
_ZH_DIGIT = "零〇一二两三四五六七八九"
_ZH_NUMERAL = _ZH_DIGIT + "十百千万亿"
_ZH_RUN = re.compile(r"(\d+(?:\.\d+)?)([万亿]+)|([" + _ZH_NUMERAL + r"]+)")
_ZH_NUM = rf"(?:\d{{1,4}}|[{_ZH_NUMERAL}]{{1,4}})"
_ZH_DATE = re.compile(
    rf"(?=[\d{_ZH_DIGIT}十])(?:(?P<y>\d{{4}}|[{_ZH_DIGIT}]{{4}})年)?(?:(?P<m>{_ZH_NUM})月)?(?:(?P<d>{_ZH_NUM})[日号])?"
)
_ZH_PERCENT = re.compile(rf"百分之(?P<p>[{_ZH_NUMERAL}点]+|\d+(?:\.\d+)?)|(?P<q>\d+(?:\.\d+)?)%")
#: Words with numeral characters that are not numbers; masked before reading numerals.
_ZH_NOT_NUMBERS = (
    "一些 一致 一道 一起 一切 一贯 一向 一直 一定 一系列 一方面 一带一路 统一 唯一 进一步 一体 "
    "一旦 一同 一般 一样 同一 万一 千万 万分 一再 一味 十分 三思 千方百计 百姓 万物 一律 一边 一面 "
    "一点 一度 一流 一中 一国两制 一手 第一时间 一贯 五湖四海 四面八方 七嘴八舌 一心 一员 "
    "千分之 星期一 星期二 星期三 星期四 星期五 星期六 星期日 星期天 "
    "周一 周二 周三 周四 周五 周六 周日 一个巴掌拍不响 两国 两军 两岸 两党 两院"
).split()
_ZH_NOT_NUMBERS_RE = re.compile("|".join(sorted(_ZH_NOT_NUMBERS, key=len, reverse=True)))
#: A single numeral before one of these is a count ("三次", "五项"), so it is checked.
_ZH_COUNT_CHARS = "年岁月日号次届项条点名位人架艘枚颗倍轮场天周家所只批份种起例支台辆座"
#: What may follow a numeral inside one word ("三十多个", "二十余", "十三次").
_ZH_AFTER_NUMERAL = _ZH_COUNT_CHARS + "个多余几来万亿千百十大中"
#: Five-year plans by number: "十四五" is the 14th ("the 14th Five-Year Plan").
_ZH_PLAN = re.compile(r"十([一二三四五六七八九])五(?=规划|时期|期间|”|\")")


@lru_cache(maxsize=4096)
def _zh_value(run: str) -> float | None:
    """The value of a run of Chinese numerals ("二十七", "三千五百万", "两"), or None."""
    import cn2an

    try:
        return float(cn2an.cn2an(run, "normal"))
    except ValueError:
        return None


def _zh_day_month(run: str | None) -> int | None:
    if run is None:
        return None
    if run.isdigit():
        return int(run)
    value = _zh_value(run)
    return int(value) if value is not None else None


def _in_word(text: str, start: int, end: int, words: Segmenter | None) -> bool:
    """Is the numeral run text[start:end] part of a word that is not a number (万象, 统一)?"""
    if words is None:
        return False
    ws, _ = words.word_at(text, start)
    if ws < start and not all(c in _ZH_NUMERAL or c.isdigit() or c == "第" for c in text[ws:start]):
        return True
    _, we = words.word_at(text, end - 1)
    rest = text[end:we]
    return bool(rest) and rest not in drift_words.ZH_COUNTERS and rest[0] not in _ZH_AFTER_NUMERAL


def numbers(
    text: str, masks: Sequence[tuple[int, int]], words: Segmenter | None
) -> list[NumberMention]:
    original = text
    text = _mask(text.translate(_FULLWIDTH), masks)
    masked = _ZH_NOT_NUMBERS_RE.sub(_blank, text)
    out = [
        NumberMention(_fmt(_ZH_VAGUE[m.group(0)]), m.start(), m.end(), False)
        for m in _ZH_VAGUE_RE.finditer(masked)
        if not _in_word(original, m.start(), m.end(), words) or m.group(0) in _ZH_ROUND
    ]
    masked = _ZH_VAGUE_RE.sub(_blank, masked)
    for m in _ZH_PLAN.finditer(masked):  # named like a number, read as one, never checked
        plan = 10 + "一二三四五六七八九".index(m.group(1)) + 1
        out.append(NumberMention(str(plan), m.start(), m.end(), False))
    masked = _ZH_PLAN.sub(_blank, masked)
    for m in _ZH_PERCENT.finditer(masked):
        raw = m.group("p") or m.group("q")
        share = float(raw) if re.fullmatch(r"[\d.]+", raw) else _zh_value(raw.replace("点", "."))
        if share is not None:
            out.append(NumberMention(_fmt(share) + "%", m.start(), m.end(), True))
    masked = _ZH_PERCENT.sub(_blank, masked)
    dates: list[tuple[int, int]] = []
    for m in _ZH_DATE.finditer(masked):
        month, day = _zh_day_month(m.group("m")), _zh_day_month(m.group("d"))
        if month is None and day is None:
            continue
        if (month is not None and not 1 <= month <= 12) or (day is not None and not 1 <= day <= 31):
            continue
        # the year stays a number of its own
        start = m.start("m") if month is not None else m.start("d")
        label = (
            f"date:{month}-{day}" if month and day else f"month:{month}" if month else f"day:{day}"
        )
        out.append(NumberMention(label, start, m.end(), True))
        dates.append((start, m.end()))
    masked = _mask(masked, dates)
    taken: set[int] = set()  # digits already read with their 万 or 亿
    for m in _ZH_RUN.finditer(masked):
        start, end = m.span()
        nxt = masked[end : end + 1]
        if m.group(1):
            value = float(m.group(1))
            for unit in m.group(2):
                value *= {"万": 10_000, "亿": 100_000_000}[unit]
            out.append(NumberMention(_fmt(value), start, end, True))
            taken.add(start)
            continue
        run = m.group(3)
        if _in_word(original, start, end, words):
            continue
        if len(run) >= 2 and all(ch in _ZH_DIGIT for ch in run):
            # a digit string: a year ("二〇二一年") is checked, "五六" (five or six) is not
            digits = "".join(
                "0"
                if ch in "零〇"
                else "2"
                if ch == "两"
                else str("一二三四五六七八九".index(ch) + 1)
                for ch in run
            )
            out.append(NumberMention(str(int(digits)), start, end, len(run) == 4 and nxt == "年"))
            continue
        read = _zh_value(run)
        if read is None:
            continue
        strong = any(ch in "十百千万亿" for ch in run) or (nxt != "" and nxt in _ZH_COUNT_CHARS)
        if read == 1:  # 一 is as often "a" or "one and the same" as a count
            strong = False
        if run in ("两", "二") and (nxt == "" or nxt not in _ZH_COUNT_CHARS):
            strong = False
        if re.match(r"[多余]", nxt):  # "三十多", "二十余": more than thirty
            end += 1
        out.append(NumberMention(_fmt(read), start, end, strong))
    for m in _DIGITS.finditer(masked):
        if m.start() in taken:
            continue
        value = float((m.group(1) + (m.group(2) or "")).replace(",", ""))
        out.append(NumberMention(_fmt(value), m.start(), m.end(), True))
    return sorted(out, key=lambda x: x.start)
