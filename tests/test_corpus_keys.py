"""Pairing keys: party, meeting date, format, counterparts and people, from title and lead."""

from __future__ import annotations

from pathlib import Path

import pytest

from readouts.corpus.keys import pair_keys
from readouts.ingest import account_from_text, read_account

CORPUS = Path(__file__).parent / "fixtures" / "corpus"


@pytest.mark.parametrize(
    ("path", "party", "date", "counterparts", "persons", "meeting"),
    [
        (
            "us/2023-03-01-readout-of-secretary-blinkens-call-with-wang-yi.md",
            "united_states", "2023-03-01", ("china",), ("blinken", "wang_yi"), True,
        ),
        (
            "nato/2023-05-15_stoltenberg-wang-yi-call_nato_en.txt",
            "nato", "", ("china",), ("stoltenberg", "wang_yi"), True,
        ),
        (
            "us/2023-04-02-statement-on-world-autism-awareness-day.md",
            "united_states", "2023-04-02", (), (), False,
        ),
    ],
)  # fmt: skip
def test_corpus_keys_of_fixture_accounts(
    path, party, date, counterparts, persons, meeting, lexicon
):
    keys = pair_keys(read_account(CORPUS / path), lexicon)
    assert keys.party == party
    assert keys.counterparts == counterparts and keys.persons == persons
    assert keys.meeting is meeting
    if date:
        assert keys.date == date


def test_corpus_keys_meeting_date_from_the_text(lexicon):
    # published the next day; the text dates the call
    text = (CORPUS / "cn" / "2023-06-21_he-lifeng-yellen-call_zh.txt").read_text("utf-8")
    account = account_from_text(text, id="x", date="2023-06-21")
    keys = pair_keys(account, lexicon)
    assert (keys.date, keys.published, keys.format) == ("2023-06-20", "2023-06-21", "phone")
    assert keys.party == "china" and keys.counterparts == ("united_states",)
    assert keys.persons == ("he_lifeng", "yellen")


@pytest.mark.parametrize(
    ("issuer", "text", "party", "counterparts"),
    [
        (
            "U.S. Department of Defense",
            "The Secretary met Admiral Dong Jun, the PRC Minister of National Defense, on May 31.",
            "united_states",
            ("china",),
        ),
        (
            "Minister for Foreign Affairs of Australia",
            "Today I welcomed Foreign Minister Wang Yi of China to Canberra for talks.",
            "australia",
            ("china",),
        ),
        (
            "",
            "2024年3月18日，外交部长王毅在惠灵顿同新西兰副总理兼外长皮特斯举行会谈。",
            "china",
            ("new_zealand",),
        ),
    ],
)
def test_corpus_keys_issuer_and_counterpart_from_the_lexicons(
    issuer, text, party, counterparts, lexicon
):
    keys = pair_keys(account_from_text(text, id="x", issuer=issuer, date="2024-03-18"), lexicon)
    assert keys.party == party
    assert keys.counterparts == counterparts
