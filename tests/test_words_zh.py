"""Chinese words: jieba with the lexicons' words, so names and numerals are whole words."""

from __future__ import annotations

import pytest

from readouts.lang.words_zh import segmenter


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("美国国务卿布林肯表示", "布林肯"),
        ("王毅会见埃及外长舒凯里", "舒凯里"),
        ("新西兰外长皮特斯", "皮特斯"),
        ("中方坚决反对", "坚决反对"),
        ("一个巴掌拍不响", "一个巴掌拍不响"),
    ],
)
def test_words_zh_lexicon_words_are_whole(text, word, lexicon):
    words = segmenter(lexicon)
    start = text.index(word)
    assert words.is_word(text, start, start + len(word))


def test_words_zh_a_name_inside_a_longer_one_is_no_word(lexicon):
    words = segmenter(lexicon)
    text = "布林肯表示"
    assert not words.is_word(text, 1, 3)  # 林肯 (Lincoln) inside 布林肯 (Blinken)
    assert words.word_at(text, 2) == (0, 3)


def test_words_zh_segmenter_is_built_once_per_lexicon(lexicon):
    assert segmenter(lexicon) is segmenter(lexicon)


def test_words_zh_jieba_is_not_imported_by_the_cli():
    import subprocess
    import sys

    code = "import sys, readouts.cli; print('jieba' in sys.modules, 'cn2an' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
