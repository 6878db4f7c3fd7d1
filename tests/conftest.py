"""Shared fixtures: the hand-written accounts in tests/fixtures and the embedders."""

from __future__ import annotations

from pathlib import Path

import pytest

from readouts.embed import FakeEmbedder, USEEmbedder
from readouts.ingest import read_account
from readouts.lexicon import default_lexicon

FIXTURES = Path(__file__).parent / "fixtures"
SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(scope="session")
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture(scope="session")
def lexicon():
    return default_lexicon()


@pytest.fixture()
def fake_embedder() -> FakeEmbedder:
    return FakeEmbedder()


@pytest.fixture(scope="session")
def use_embedder() -> USEEmbedder:
    """The real encoder, loaded once per session."""
    return USEEmbedder()


@pytest.fixture()
def us_account():
    return read_account(FIXTURES / "call_us.txt")


@pytest.fixture()
def cn_account():
    return read_account(FIXTURES / "call_cn.txt")


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "eval" / "dev").exists():
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture(scope="session")
def corpus_store():
    """The fixture corpus ingested, paired and analysed once (fake encoder); read only."""
    from readouts.corpus.analyze import analyze
    from readouts.corpus.ingest import ingest
    from readouts.corpus.pair import pair
    from readouts.corpus.store import Store

    store = Store(":memory:")
    ingest(store, [FIXTURES / "corpus"])
    pair(store)
    analyze(store, embedder="fake.v1")
    return store
