"""Memo: the caches the reading stages keep by text, declared in one place.

Reading one account asks the same questions of the same text at several stages (its
simplified view, its words, its lexicon matches, its Chinese word spans). Each stage
keeps the answers in a cache declared here, so that :func:`clear` forgets them all (a
benchmark measures a first reading) without reaching into another module's names, and
:func:`sizes` says how full each is.

- :func:`by_text` decorates a function of text: ``functools.lru_cache``, registered;
- :class:`TextCache` is a least-recently-used dictionary for an object that caches per
  instance (each lexicon's matchers, the Chinese segmenter), registered while it lives.
"""

from __future__ import annotations

import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable
from functools import lru_cache
from typing import Any, Generic, TypeVar

__all__ = ["TextCache", "by_text", "clear", "sizes"]

V = TypeVar("V")
F = TypeVar("F", bound=Callable[..., Any])

_functions: dict[str, Any] = {}
_objects: weakref.WeakSet[TextCache[Any]] = weakref.WeakSet()


def by_text(maxsize: int) -> Callable[[F], F]:
    """``lru_cache(maxsize)``, registered under the function's module and name."""

    def wrap(fn: F) -> F:
        cached = lru_cache(maxsize=maxsize)(fn)
        _functions[f"{fn.__module__}.{fn.__qualname__}"] = cached
        return cached  # type: ignore[return-value]

    return wrap


class TextCache(Generic[V]):
    """At most ``maxsize`` answers by key, the least recently used forgotten first."""

    def __init__(self, name: str, maxsize: int):
        self.name = name
        self.maxsize = maxsize
        self._items: OrderedDict[Hashable, V] = OrderedDict()
        _objects.add(self)

    def get(self, key: Hashable) -> V | None:
        hit = self._items.get(key)
        if hit is not None:
            self._items.move_to_end(key)
        return hit

    def put(self, key: Hashable, value: V) -> V:
        self._items[key] = value
        if len(self._items) > self.maxsize:
            self._items.popitem(last=False)
        return value

    def clear(self) -> None:
        self._items.clear()

    def __len__(self) -> int:
        return len(self._items)


def clear() -> None:
    """Forget every registered cache's answers."""
    for cached in _functions.values():
        cached.cache_clear()
    for cache in list(_objects):
        cache.clear()


def sizes() -> dict[str, int]:
    """How many answers each cache holds (caches of one name are summed)."""
    out = {name: cached.cache_info().currsize for name, cached in _functions.items()}
    for cache in list(_objects):
        out[cache.name] = out.get(cache.name, 0) + len(cache)
    return out
