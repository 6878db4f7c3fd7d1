"""English wording: articles, possessives and counts."""

from __future__ import annotations

import pytest

from readouts.wording import cap, count, plural, possessive, the


@pytest.mark.parametrize(
    "name, want",
    [
        ("China", "China's"),
        ("United States", "the United States'"),
        ("NATO", "NATO's"),
        ("Philippines", "the Philippines'"),
        ("the United States", "the United States'"),
    ],
)
def test_wording_possessive(name, want):
    assert possessive(name) == want


@pytest.mark.parametrize(
    "n, word, want",
    [
        (1, "statement", "1 statement"),
        (2, "statement", "2 statements"),
        (14, "missing sentence", "14 missing sentences"),
        (3, "negation", "3 negations"),
        (0, "tone word", "0 tone words"),
        (2, "country", "2 countries"),
        (2, "match", "2 matches"),
    ],
)
def test_wording_count(n, word, want):
    assert count(n, word) == want
    assert plural(word, n) == want.split(" ", 1)[1]


@pytest.mark.parametrize("name, want", [("United States", "the United States"), ("China", "China")])
def test_wording_the(name, want):
    assert the(name) == want
    assert cap(the(name))[0].isupper()


@pytest.mark.parametrize(
    "label, want",
    [
        ("call_us", "call_us"),
        (
            "2022-05-23-readout-of-president-bidens-meeting-with-prime-minister",
            "2022-05-23-readout-of…",
        ),
    ],
)
def test_wording_short_labels_for_titles(label, want):
    from readouts.wording import short

    assert short(label) == want and len(short(label)) <= 28
