"""Quantities: numbers as values with units, dates and percentages, names and words masked."""

from __future__ import annotations

import pytest

from readouts.lang.words_zh import segmenter
from readouts.quantities import numbers, same


@pytest.fixture(scope="module")
def words(lexicon):
    return segmenter(lexicon)


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("291 billion euros, 3,000 troops, 1.5 million", "en", ["291000000000", "3000", "1500000"]),
        ("On 14 March 2024, the 13th round", "en", ["date:3-14", "2024", "13"]),
        ("March 14, 2024, in May 2023", "en", ["date:3-14", "2024", "month:5", "2023"]),
        ("twenty-seven ships, 50 percent, 12.5%", "en", ["27", "50%", "12.5%"]),
        ("2024年3月14日，第十三次对话", "zh", ["2024", "date:3-14", "13"]),
        ("2910亿欧元，1.5万人，三千五百万", "zh", ["291000000000", "15000", "35000000"]),
        ("二〇二一年，百分之五十，14日，3月", "zh", ["2021", "50%", "day:14", "month:3"]),
        ("十分重要，一些国家，进一步加强", "zh", []),
        ("三十多个国家，五项共识，第十三届", "zh", ["30", "5", "13"]),
        ("中共二十大", "zh", ["20"]),
    ],
)
def test_quantities_values_with_units(text, language, expected, words):
    found = numbers(text, language, words=words if language == "zh" else None)
    assert [n.value for n in found if n.strong] == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("the two sides", "en"),
        ("dozens of countries over decades", "en"),
        ("两国一个中国", "zh"),
        ("十几个国家数十年来", "zh"),
        ("老挝万象，日本千叶", "zh"),
        ("统一，一致，万一", "zh"),
        ("“十四五”规划，三中全会", "zh"),
        ("the 14th Five-Year Plan", "en"),
    ],
)
def test_quantities_vague_figures_and_words_with_numerals_are_not_checked(text, language, words):
    found = numbers(text, language, words=words if language == "zh" else None)
    assert not any(n.strong for n in found)


@pytest.mark.parametrize(("text", "language"), [("七国集团峰会", "zh"), ("the G7 summit", "en")])
def test_quantities_numerals_in_names_are_masked(text, language, lexicon, words):
    names = [(m.start, m.end) for m in lexicon.actor_matcher.find(text, language, text)]
    assert names
    assert numbers(text, language, names, words if language == "zh" else None) == []


@pytest.mark.parametrize(
    ("x", "y", "expected"),
    [
        ("date:3-14", "date:3-14", True),
        ("date:3-14", "day:14", True),
        ("month:3", "date:3-14", True),
        ("date:3-14", "date:3-15", False),
        ("day:14", "14", False),
        ("50%", "50", False),
    ],
)
def test_quantities_same(x, y, expected):
    assert same(x, y) is expected and same(y, x) is expected
