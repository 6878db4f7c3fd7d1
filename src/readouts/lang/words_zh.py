"""Chinese words: jieba, fed a user dictionary made from the lexicons, loaded lazily.

Names, numbers and negators are recognised as words rather than substrings: 林肯 is not
found inside 布林肯, 万 is not a number inside 万象 (Vientiane), 不 is not a negator inside
不断 or 不满. :func:`segmenter` gives one :class:`Segmenter` per lexicon: jieba's own
dictionary plus every Chinese name of the actors and issuers, every topic, tone and act
term and the words of :mod:`.drift_words`, each added as a word of its own. jieba is
imported and its dictionary built on first use (a second or so), never at start-up.
"""

from __future__ import annotations

import bisect
import logging
from typing import TYPE_CHECKING, Any

from ..memo import TextCache
from . import drift_words

if TYPE_CHECKING:
    from ..lexicon import Lexicon

__all__ = ["Segmenter", "segmenter"]

#: Frequency given to each lexicon word: high enough that jieba keeps it whole.
_USER_FREQ = 100_000


def _new_tokenizer() -> Any:
    try:
        import jieba
    except ImportError as exc:  # pragma: no cover - a dependency, but say so clearly
        from ..errors import ConfigError

        raise ConfigError("Chinese word segmentation needs jieba: pip install jieba") from exc
    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer


class Segmenter:
    """Word spans of Chinese texts, cached per text."""

    def __init__(self, words: set[str]):
        self._tokenizer = _new_tokenizer()
        for word in sorted(words):
            if len(word) >= 2:
                self._tokenizer.add_word(word, _USER_FREQ)
        self._cache: TextCache[tuple[list[int], list[int]]] = TextCache("zh.words", 64)

    def spans(self, text: str) -> tuple[list[int], list[int]]:
        """(starts, ends) of the words of ``text``, in order (pass the simplified view)."""
        hit = self._cache.get(text)
        if hit is not None:
            return hit
        starts: list[int] = []
        ends: list[int] = []
        for _, start, end in self._tokenizer.tokenize(text):
            starts.append(start)
            ends.append(end)
        return self._cache.put(text, (starts, ends))

    def words(self, text: str) -> list[tuple[int, int]]:
        starts, ends = self.spans(text)
        return list(zip(starts, ends, strict=True))

    def word_at(self, text: str, offset: int) -> tuple[int, int]:
        """The span of the word that holds ``offset``."""
        starts, ends = self.spans(text)
        k = bisect.bisect_right(starts, offset) - 1
        if k < 0:
            return offset, offset + 1
        return starts[k], ends[k]

    def is_word(self, text: str, start: int, end: int) -> bool:
        """Do ``start`` and ``end`` fall on word boundaries (is text[start:end] whole words)?"""
        starts, ends = self.spans(text)
        k = bisect.bisect_left(starts, start)
        if k >= len(starts) or starts[k] != start:
            return False
        j = bisect.bisect_left(ends, end)
        return j < len(ends) and ends[j] == end


def segmenter(lexicon: Lexicon) -> Segmenter:
    """The segmenter for this lexicon's words, built once per lexicon."""
    found = lexicon.derived.get("zh_segmenter")
    if found is None:
        words: set[str] = set(drift_words.ZH_USER_WORDS)
        for actor in lexicon.actors.values():
            words.update(actor.names_zh)
        for issuer in lexicon.issuers.values():
            words.update(issuer.names_zh)
        for topic in lexicon.topics.values():
            words.update(topic.terms_zh)
        for term in lexicon.tone.values():
            words.update(term.terms_zh)
        for act in lexicon.acts.values():
            words.update(act.cues_zh)
        found = lexicon.derived["zh_segmenter"] = Segmenter(words)
    return found  # type: ignore[return-value]
