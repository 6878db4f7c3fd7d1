"""Golden files: the HTML and Markdown reports of one fixture pair, byte for byte.

The pair is tests/fixtures/golden_a.txt (the EU's account, English) and golden_b.txt
(China's, Chinese), compared with the deterministic ``FakeEmbedder``. When a change to
the pipeline or a renderer is meant to change the reports, rewrite the golden files and
review the diff before committing:

    READOUTS_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_report_golden.py
"""

from __future__ import annotations

from pathlib import Path

import pytest

from readouts.comparison import compare
from readouts.embed import FakeEmbedder
from readouts.ingest import account_from_bytes
from readouts.model import Comparison
from readouts.report import render

GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture(scope="module")
def golden_pair(fixtures: Path, lexicon) -> Comparison:
    accounts = [
        account_from_bytes((fixtures / name).read_bytes(), name=name, id=Path(name).stem)
        for name in ("golden_a.txt", "golden_b.txt")
    ]
    return compare(*accounts, lexicon=lexicon, embedder=FakeEmbedder())


@pytest.mark.parametrize("fmt, suffix", [("html", "html"), ("markdown", "md")])
def test_report_golden_matches(golden_pair: Comparison, fmt: str, suffix: str, golden) -> None:
    golden(GOLDEN / f"report_eu_china.{suffix}", render(golden_pair, fmt), f"{fmt} report")
