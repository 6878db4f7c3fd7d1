"""A dyad over time: one row per meeting, topics, one-sided topics, tone, convergence."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from readouts.corpus.trend import plot_png, resolve_dyad, to_csv, trend, yearly
from readouts.errors import ConfigError


@pytest.mark.parametrize(
    ("names", "ids"),
    [
        (("United States", "China"), ("united_states", "china")),
        (("美国", "中国"), ("united_states", "china")),
        (("nato", "PRC"), ("nato", "china")),
    ],
)
def test_corpus_trend_resolves_party_names(names, ids):
    assert resolve_dyad(names) == ids


@pytest.mark.parametrize("names", [("United States",), ("Atlantis", "China"), ("US", "USA")])
def test_corpus_trend_refuses_bad_dyads(names):
    with pytest.raises(ConfigError):
        resolve_dyad(names)


def test_corpus_trend_us_china_rows(corpus_store):
    rows = trend(corpus_store, ("united_states", "china"))
    assert [(r.date, r.paired) for r in rows] == [
        ("2023-03-01", True),
        ("2023-03-08", True),
        ("2023-06-20", True),
        ("2023-06-20", True),
    ]
    for r in rows:
        assert r.convergence is not None and 0 <= r.convergence <= 100
        assert set(r.one_sided_a).isdisjoint(r.topics_b)
        assert set(r.one_sided_b).isdisjoint(r.topics_a)
        assert set(r.shared) == set(r.topics_a) & set(r.topics_b)
        assert r.tone_a is not None and r.tone_b is not None
    march1 = rows[0]
    assert "russia_support" in march1.one_sided_b or "russia_support" in march1.shared


def test_corpus_trend_counts_single_accounts_of_a_meeting(corpus_store):
    rows = trend(corpus_store, ("united_states", "india"))
    assert [(r.paired, r.convergence, r.tone_b) for r in rows] == [(False, None, None)]
    assert rows[0].topics_a and rows[0].one_sided_a == ()


def test_corpus_trend_since_until(corpus_store):
    rows = trend(corpus_store, ("united_states", "china"), since="2023-06-01", until="2023-12-31")
    assert [r.date for r in rows] == ["2023-06-20", "2023-06-20"]


def test_corpus_trend_csv_and_years(corpus_store):
    rows = trend(corpus_store, ("united_states", "china"))
    table = list(csv.DictReader(io.StringIO(to_csv(rows, ("united_states", "china")))))
    assert len(table) == 4
    assert {"topics_united_states", "one_sided_china", "tone_china", "convergence"} <= set(table[0])
    years = yearly(rows)
    assert [(y["year"], y["meetings"], y["paired"]) for y in years] == [("2023", 4, 4)]


def test_corpus_trend_plot(corpus_store, tmp_path):
    rows = trend(corpus_store, ("united_states", "china"))
    out = plot_png(rows, tmp_path / "t.png", ("united_states", "china"))
    assert Path(out).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
