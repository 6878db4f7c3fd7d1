"""Full-text search over claims: English stemmed, Chinese by character, phrases, filters."""

from __future__ import annotations

import pytest

from readouts.corpus.search import fts_query, search
from readouts.errors import ConfigError


@pytest.mark.parametrize(
    ("query", "claims"),
    [
        ("红线", {"mfa-2023-04-10-spokesperson-taiwan:c4", "mfa-2023-06-20-xi-biden-zh:c3"}),
        ("紅線", {"mfa-2023-04-10-spokesperson-taiwan:c4", "mfa-2023-06-20-xi-biden-zh:c3"}),
        ("fentanyl precursor", {"2023-03-01-readout-of-secretary-blinkens-call-with-wang-yi:c6"}),
        ("precursor fentanyl", set()),  # a phrase: the words in this order
    ],
)
def test_corpus_search_finds_claims(corpus_store, query, claims):
    assert {h.claim for h in search(corpus_store, query)} == claims


def test_corpus_search_stems_english(corpus_store):
    plural = {h.claim for h in search(corpus_store, "concerns")}
    assert plural and plural == {h.claim for h in search(corpus_store, "concern")}


def test_corpus_search_filters_and_ranks(corpus_store):
    hits = search(corpus_store, "台湾", party="china", since="2023-06-01")
    assert hits and all(h.party == "china" and h.date >= "2023-06-01" for h in hits)
    assert [h.rank for h in hits] == sorted(h.rank for h in hits)


def test_corpus_search_raw_fts5_syntax(corpus_store):
    hits = search(corpus_store, "Taiwan AND (status OR Strait)", raw=True)
    assert {h.account for h in hits} >= {
        "2023-06-20-readout-of-president-bidens-video-call-with-president-xi"
    }


@pytest.mark.parametrize(("query", "raw"), [("!!!", False), ('"unbalanced', True)])
def test_corpus_search_bad_queries(corpus_store, query, raw):
    with pytest.raises(ConfigError):
        search(corpus_store, query, raw=raw)


@pytest.mark.parametrize(("text", "expected"), [("red line", '"red line"'), ("紅線!", '"红 线"')])
def test_corpus_search_query_is_a_phrase(text, expected):
    assert fts_query(text) == expected
