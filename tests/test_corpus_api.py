"""The corpus package's public names: every one exported exists, and each module lists its own."""

from __future__ import annotations

import importlib

import pytest

import readouts.corpus

MODULES = (
    "analyze",
    "dask",
    "export",
    "ingest",
    "keys",
    "pair",
    "search",
    "store",
    "trend",
    "work",
)


def test_corpus_api_all_is_complete():
    for name in readouts.corpus.__all__:
        assert hasattr(readouts.corpus, name), name


@pytest.mark.parametrize("module", MODULES)
def test_corpus_api_modules_export_what_they_define(module):
    mod = importlib.import_module(f"readouts.corpus.{module}")
    public = {
        n
        for n, v in vars(mod).items()
        if not n.startswith("_")
        and callable(v)
        and getattr(v, "__module__", "") == mod.__name__
        and n[0].islower()
    }
    assert public <= set(mod.__all__), public - set(mod.__all__)
