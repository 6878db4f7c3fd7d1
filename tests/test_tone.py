"""Tone words in context: readings by language and issuer, atmosphere of the talks only."""

from __future__ import annotations

import pytest

from readouts.ingest import account_from_text
from readouts.reading import read
from readouts.tone import describes_talks, reading_of, talk_hits, usage_readings


def _terms(text: str, lang: str) -> list[tuple[str, str]]:
    reading = read(account_from_text(text, language=lang))
    return [(reading.account.text[h.start : h.end], h.term) for h in talk_hits(reading)]


@pytest.mark.parametrize(
    "text, lang, want",
    [
        # the NATO-China readout: one 建设性 of three describes the meeting
        (
            "北约应为地区和平发挥建设性作用。斯托尔滕贝格说，北约愿同中国建立建设性关系。"
            "双方一致认为，此次视频会晤是“积极和建设性的”。",
            "zh",
            [("积极", "positive"), ("建设性", "constructive")],
        ),
        (
            "两国元首坦诚、深入地交换了意见。",
            "zh",
            [("坦诚", "candid"), ("深入", "in_depth"), ("交换了意见", "exchanged_views")],
        ),
        ("中方愿同美方开展建设性对话。", "zh", []),  # an offer of talks to come
        (
            "The two sides had candid, substantive, and constructive discussions.",
            "en",
            [
                ("candid", "candid"),
                ("substantive", "substantive"),
                ("constructive", "constructive"),
            ],
        ),
        ("The meeting was productive.", "en", [("productive", "positive")]),
        ("NATO should play a constructive role in the region.", "en", []),
        ("They want a constructive relationship.", "en", []),
        ("Both should hold constructive talks soon.", "en", []),
    ],
)
def test_tone_atmosphere_only_of_the_talks(text, lang, want):
    assert _terms(text, lang) == want


def test_tone_describes_talks_is_only_for_atmosphere_words():
    reading = read(account_from_text("We have serious concerns about the talks.", language="en"))
    hit = next(h for h in reading.tone if h.category == "ladder")
    assert not describes_talks(reading.account.text, hit, "en")


@pytest.mark.parametrize(
    "term, lang, party, says",
    [
        ("concern", "en", "nato", "routine in Western readouts"),  # NATO's "concerns"
        ("concern", "zh", "china", "Foreign Ministry"),  # 关切
        ("concern", "en", "china", "Foreign Ministry"),  # the MFA's English version
        ("concern", "zh", "", "PRC usage"),  # Chinese, issuer unknown
        ("candid", "en", "united_states", "differences were aired"),  # no usage row: tone.tsv
    ],
)
def test_tone_reading_by_language_and_issuer(lexicon, term, lang, party, says):
    assert says in reading_of(lexicon, term, lang, party)


def test_tone_usage_rows_name_lexicon_terms(lexicon):
    rows = usage_readings()
    assert rows
    for term, lang, party in rows:
        assert term in lexicon.tone and lang in ("en", "zh", "*")
        assert party == "*" or party in lexicon.actors
