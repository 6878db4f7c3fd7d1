"""Signals: atmosphere words, the ladder, attributions, topic order and length."""

from __future__ import annotations

import pytest

from readouts.comparison import compare
from readouts.ingest import account_from_text
from readouts.reading import read
from readouts.signals import (
    ASYMMETRY,
    LADDER,
    account_signals,
    comparison_signals,
    ladder_top,
    length,
)


def _reading(text: str, party: str = "", lang: str = "en"):
    return read(account_from_text(text, party=party, language=lang))


@pytest.mark.parametrize(
    "text,lang,rung",
    [
        ("China expressed concern about the sanctions. China firmly opposes the move.", "en", 4),
        ("中方对此表示关切。中方提出严正交涉。", "zh", 5),
        ("中方对此深表遗憾。", "zh", 2),
        ("The two sides agreed to keep talking about trade.", "en", 0),
    ],
)
def test_signals_ladder_reports_the_highest_rung(text, lang, rung):
    top = ladder_top(_reading(text, "china", lang))
    assert top.rung == rung
    assert top.name == LADDER.get(rung, "")
    if rung:
        assert top.text and top.start >= 0


def test_signals_account_collects_atmosphere_attributions_topics_length(us_account):
    reading = read(us_account)
    s = account_signals(reading)
    assert s.party == "united_states"
    assert s.topic_order[:1] == ("dialogue",)
    assert "fentanyl" in s.topic_order and "taiwan" in s.topic_order
    assert s.length.claims == len(reading.claims)
    assert s.attributed == ()  # the US account quotes no one from the Chinese side


def test_signals_statements_of_the_other_side_are_attributed(cn_account):
    s = account_signals(read(cn_account), other_party="united_states")
    assert s.attributed
    assert {a.party for a in s.attributed} == {"united_states"}
    assert any("布林肯" in a.speaker for a in s.attributed)
    assert all("relation" not in a.to_dict() for a in s.attributed)  # not compared yet


@pytest.mark.parametrize(
    "text,lang,words,units",
    [
        ("The two sides met today in Malta.", "en", 7, 7.0),
        ("双方今天在马耳他会晤。", "zh", 10, round(10 / 1.35, 1)),
    ],
)
def test_signals_length_in_comparable_units(text, lang, words, units):
    n = length(_reading(text, lang=lang))
    assert n.words == words and n.units == units


@pytest.fixture()
def comparison(us_account, cn_account, fake_embedder):
    return compare(us_account, cn_account, embedder=fake_embedder)


def test_signals_comparison_reports_fact_and_attribution_findings(comparison):
    s = comparison_signals(comparison)
    assert s.sides == tuple(r.account.id for r in comparison.readings)
    facts = {d["fact"] for d in s.facts}
    assert "requested_by" in facts  # China says the US asked; the US does not say
    assert any("asked for" in f for f in s.findings)
    assert s.attributed[1] and all(a.relation for a in s.attributed[1])
    assert s.topic_order.a == comparison.topics[comparison.readings[0].account.id]
    as_json = s.to_dict()
    assert set(as_json["attributed"]) == {"a", "b"}
    assert all("relation" in a for a in as_json["attributed"]["b"])


def test_signals_comparison_ladder_is_ordinal(comparison):
    s = comparison_signals(comparison)
    la, lb = s.ladder.a.rung, s.ladder.b.rung
    assert s.ladder.mismatch == (la != lb)
    assert s.ladder.rungs_apart == abs(la - lb)
    assert all(isinstance(v.rung, int) for v in (s.ladder.a, s.ladder.b))


def test_signals_atmosphere_mismatch(fake_embedder):
    a = account_from_text(
        "The two leaders had a constructive meeting on trade.",
        id="a",
        party="united_states",
        language="en",
    )
    b = account_from_text("两国元首坦诚、深入地交换了意见。", id="b", party="china", language="zh")
    s = comparison_signals(compare(a, b, embedder=fake_embedder))
    assert s.atmosphere.only_a == ("constructive",)
    assert {"candid", "in_depth"} <= set(s.atmosphere.only_b)
    assert s.atmosphere.mismatch
    assert any(f.startswith("atmosphere:") for f in s.findings)


def test_signals_length_asymmetry(fake_embedder):
    short = account_from_text(
        "The leaders met today.", id="a", party="united_states", language="en"
    )
    long_text = " ".join(["The two sides discussed trade and climate cooperation at length."] * 4)
    long = account_from_text(long_text, id="b", party="china", language="en")
    s = comparison_signals(compare(short, long, embedder=fake_embedder))
    assert s.length.longer == "b"
    assert s.length.ratio >= ASYMMETRY and s.length.asymmetric


def test_signals_first_issue_is_said_after_the_topics_before_it(fake_embedder):
    a = account_from_text(
        "The two leaders agreed to keep channels of communication open. "
        "They discussed climate change.",
        id="a",
        party="nato",
        language="en",
    )
    b = account_from_text(
        "双方同意保持沟通。双方讨论了台湾问题。", id="b", party="china", language="zh"
    )
    s = comparison_signals(compare(a, b, embedder=fake_embedder))
    finding = next(f for f in s.findings if f.startswith("first specific issue"))
    assert "Climate change for NATO (after dialogue" in finding
    assert "raises Climate change first" not in " ".join(s.findings)


def test_signals_attribution_finding_counts_and_cuts_at_a_word(fake_embedder):
    a = account_from_text(
        "Secretary General Stoltenberg met Wang Yi.", id="a", party="nato", language="en"
    )
    b = account_from_text(
        "Wang Yi met Secretary General Stoltenberg. Stoltenberg said that NATO did not see "
        "China as a rival, and that it was willing to develop constructive relations with "
        "China founded on mutual respect and free of any preconditions.",
        id="b",
        party="china",
        language="en",
    )
    s = comparison_signals(compare(a, b, embedder=fake_embedder))
    finding = next(f for f in s.findings if "attributes" in f)
    assert "(s)" not in finding and "statement" in finding
    assert "NATO's own account" in finding


@pytest.mark.parametrize(
    "text, want",
    [
        (
            "it was willing to develop constructive relations with China founded on mutual "
            "respect and free of any preconditions",
            '"it was willing to develop constructive relations with China founded on mutual…"',
        ),
        ("斯托尔滕贝格说，北约不视中国为对手，", '"斯托尔滕贝格说，北约不视中国为对手"'),
    ],
)
def test_signals_quotes_are_cut_at_a_word(text, want):
    from readouts.signals import _cut_quote

    assert _cut_quote(text) == want


def test_signals_same_party_names_tell_the_accounts_apart(fake_embedder):
    a = account_from_text(
        "President Biden met Prime Minister Kishida.", id="a", language="en", party="united_states"
    )
    long_text = " ".join(["President Biden discussed trade with Prime Minister Kishida."] * 5)
    b = account_from_text(long_text, id="b", party="united_states", language="en")
    s = comparison_signals(compare(a, b, embedder=fake_embedder))
    finding = next(f for f in s.findings if "times as long" in f)
    assert "(a)" in finding and "(b)" in finding and "States's" not in finding
