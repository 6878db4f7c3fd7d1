"""Negation by scope: negated predicates as words, and the reversals between two passages."""

from __future__ import annotations

import pytest

from readouts.lang.words_zh import segmenter
from readouts.negation import compare, negations


@pytest.fixture(scope="module")
def words(lexicon):
    return segmenter(lexicon)


@pytest.mark.parametrize(
    ("text", "language", "strong"),
    [
        (
            "did not seek a new Cold War and did not seek to change China's system",
            "en",
            ["seek", "seek"],
        ),
        (
            "The US side cannot and won't accept it; it is not only a matter of trade.",
            "en",
            ["accept", "accept"],
        ),
        ("美方不寻求新冷战，也不寻求改变中国体制。", "zh", ["寻求", "寻求"]),
        ("哈方绝不允许任何人利用其领土。", "zh", ["允许"]),
        ("双方不断加强合作，中方对此表示强烈不满。一个巴掌拍不响。", "zh", []),
        ("中方不仅坚定不移，而且毫不动摇。", "zh", []),
    ],
)
def test_negation_strong_negations_and_their_predicates(text, language, strong, words):
    found = negations(text, language, words if language == "zh" else None)
    assert [n.predicate for n in found if n.strong] == strong


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("partners rather than rivals, without preconditions, non-interference", "en"),
        ("伙伴而不是对手，无条件，不干涉内政", "zh"),
    ],
)
def test_negation_words_and_contrasts_are_weak(text, language, words):
    found = negations(text, language, words if language == "zh" else None)
    assert found and not any(n.strong for n in found)


@pytest.mark.parametrize(
    ("en", "zh", "odd_en", "odd_zh"),
    [
        # a reversal is found though the sentence keeps another negation
        (
            "The US did not seek a new Cold War and did not seek to change China's system.",
            "布林肯表示，美方不寻求新冷战，寻求改变中国体制。",
            ["seek"],
            [],
        ),
        ("China supports Egypt.", "中方不支持埃及。", [], ["支持"]),
        ("They should be partners rather than rivals.", "双方应是伙伴而不是对手。", [], []),
        ("The boundary question should not affect relations.", "不应让边界问题影响关系。", [], []),
    ],
)
def test_negation_compare_finds_what_the_other_does_not_answer(en, zh, odd_en, odd_zh, words):
    a = negations(en, "en")
    b = negations(zh, "zh", words)
    got_a, got_b = compare(a, b, (0, len(en)), (0, len(zh)))
    assert [n.predicate for n in got_a] == odd_en
    assert [n.predicate for n in got_b] == odd_zh


def test_negation_compare_marks_the_unanswered_clause(words):
    en = (
        "Blinken said the US did not seek a new Cold War and did not seek to change China's system."
    )
    zh = "布林肯表示，美方不寻求新冷战，寻求改变中国体制。"
    odd, _ = compare(negations(en, "en"), negations(zh, "zh", words), (0, len(en)), (0, len(zh)))
    assert en[odd[0].span[0] : odd[0].span[1]] == "not seek"
    assert odd[0].start > en.index("Cold War")


def test_negation_chinese_needs_a_segmenter():
    with pytest.raises(ValueError):
        negations("不", "zh")
