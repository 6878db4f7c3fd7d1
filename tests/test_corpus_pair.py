"""Pairing on the fixture corpus: the right groups, near-misses kept apart, user decisions."""

from __future__ import annotations

from pathlib import Path

import pytest

from readouts.corpus.analyze import analyze
from readouts.corpus.ingest import ingest
from readouts.corpus.pair import _Key, candidates, confirm, groups, merge, pair, split
from readouts.corpus.store import Store
from readouts.errors import ConfigError

CORPUS = Path(__file__).parent / "fixtures" / "corpus"

#: The meetings of the fixture corpus and their accounts (see fixtures/corpus/README.md).
EXPECTED = sorted(
    [
        sorted(
            [
                "2023-03-01-readout-of-secretary-blinkens-call-with-wang-yi",
                "2023-03-01_wang-yi-blinken-call_zh",
            ]
        ),
        sorted(
            [
                "2023-03-08-readout-of-secretary-blinkens-meeting-with-wang-yi",
                "2023-03-08_wang-yi-blinken-meeting_zh",
                "mfa-2023-03-08-wang-yi-blinken-en",
            ]
        ),
        sorted(
            [
                "2023-05-15_stoltenberg-wang-yi-call_nato_en",
                "2023-05-15_wang-yi-stoltenberg-call_zh",
            ]
        ),
        sorted(
            [
                "2023-06-20-readout-of-president-bidens-video-call-with-president-xi",
                "mfa-2023-06-20-xi-biden-zh",
            ]
        ),
        sorted(
            [
                "2023-06-20-readout-of-secretary-yellens-call-with-vice-premier-he-lifeng",
                "2023-06-21_he-lifeng-yellen-call_zh",
            ]
        ),
    ]
)


def _found(store: Store) -> list[list[str]]:
    return sorted(sorted(a["account_id"] for a in g["accounts"]) for g in groups(store))


@pytest.fixture()
def store() -> Store:
    s = Store(":memory:")
    ingest(s, [CORPUS])
    return s


@pytest.mark.parametrize("encoder", ["none", "fake", "use"])
def test_corpus_pair_finds_the_fixture_meetings(store, encoder, fake_embedder, use_embedder):
    embedder = {"none": None, "fake": fake_embedder, "use": use_embedder}[encoder]
    report = pair(store, embedder=embedder)
    assert _found(store) == EXPECTED
    assert report.groups == 5 and report.grouped == 11
    assert report.unpaired == 1  # the Sullivan-Doval call: no Indian account stored


@pytest.mark.parametrize("window", [8, 10, 14])
def test_corpus_pair_keeps_near_misses_apart_with_a_wide_window(store, window, use_embedder):
    # with a window this wide the 1 March call and the 8 March meeting (same principals,
    # a week apart) are candidates for each other; scoring still picks the right partner
    report = pair(store, window=window, embedder=use_embedder)
    assert report.candidates > 8
    assert _found(store) == EXPECTED


def test_corpus_pair_blocks_instead_of_comparing_all_pairs():
    def key(ident: str, party: str, day: int, named: str, lang: str) -> _Key:
        return _Key(ident, party, day, "", "", True, frozenset({named}), frozenset(), lang)

    keys = [key(f"us{i}", "united_states", 700000 + 10 * i, "china", "en") for i in range(200)]
    keys += [key(f"cn{i}", "china", 700001 + 10 * i, "united_states", "zh") for i in range(200)]
    found = candidates(keys, window=3)
    assert len(found) == 200  # one neighbour each, not 200 x 200
    assert all(a.id[2:] == b.id[2:] for a, b in found)


def test_corpus_pair_again_keeps_groups_and_their_comparisons(store, fake_embedder):
    pair(store, embedder=fake_embedder)
    analyze(store, embedder="fake.v1")
    before = store.stable_rows("comparisons")
    report = pair(store, embedder=fake_embedder)
    assert (report.added, report.removed, report.kept) == (0, 0, 5)
    assert store.stable_rows("comparisons") == before


def test_corpus_pair_split_remembers_and_merge_joins(store, fake_embedder):
    pair(store, embedder=fake_embedder)
    march8 = next(g for g in groups(store) if len(g["accounts"]) == 3)
    english = "mfa-2023-03-08-wang-yi-blinken-en"
    made = split(store, march8["id"], [english])
    assert len(made) == 1  # the other two stay together, confirmed
    assert groups(store, status="confirmed")[0]["id"] == made[0]
    pair(store, embedder=fake_embedder)  # a new pairing does not undo the user's split
    assert english not in {a["account_id"] for g in groups(store) for a in g["accounts"]}
    merged = merge(store, [made[0], english])
    assert [len(g["accounts"]) for g in groups(store) if g["id"] == merged] == [3]
    assert store.scalar("SELECT count(*) FROM pair_rules") == 0


def test_corpus_pair_confirmed_groups_survive_a_new_pairing(store, fake_embedder):
    pair(store, embedder=fake_embedder)
    first = groups(store)[0]["id"]
    confirm(store, [first])
    report = pair(store, threshold=0.99, embedder=fake_embedder)  # nothing else passes
    assert [g["id"] for g in groups(store)] == [first]
    assert report.confirmed == 1 and report.removed == 4


def test_corpus_pair_merge_takes_an_account_from_its_old_group(store, fake_embedder):
    pair(store, embedder=fake_embedder)
    doval = "2023-07-10-readout-of-national-security-advisor-sullivans-call-with-doval"
    yellen = "2023-06-20-readout-of-secretary-yellens-call-with-vice-premier-he-lifeng"
    merge(store, [doval, yellen])
    members = _found(store)
    assert sorted([doval, yellen]) in members
    assert "2023-06-21_he-lifeng-yellen-call_zh" not in {a for m in members for a in m}


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda s: split(s, "nope", ["x"]), "no group"),
        (lambda s: merge(s, ["only-one-thing"]), "neither a group nor an account"),
        (lambda s: confirm(s, ["nope"]), "no group"),
        (lambda s: pair(s, window=-1), "window"),
    ],
)
def test_corpus_pair_user_errors(store, call, message):
    with pytest.raises(ConfigError, match=message):
        call(store)


def test_corpus_pair_groups_by_id_is_that_group_alone(store, fake_embedder):
    pair(store, embedder=fake_embedder)
    every = groups(store)
    for g in every:
        assert groups(store, id=g["id"]) == [g]
    assert groups(store, id="no-such-group") == []
    confirmed = every[0]["id"]
    confirm(store, [confirmed])
    assert [g["id"] for g in groups(store, id=confirmed, status="confirmed")] == [confirmed]
    assert groups(store, id=every[1]["id"], status="confirmed") == []


@pytest.mark.parametrize(
    ("days", "score"), [(0, 1.0), (1, 1.0), (2, 2 / 3), (3, 1 / 3), (4, 0.0), (7, 0.0)]
)
def test_corpus_pair_a_day_apart_is_the_same_day(days, score):
    from readouts.corpus.pair import _date_agreement

    assert _date_agreement(days, 3) == pytest.approx(score)


def test_corpus_pair_the_pairing_set_meets_its_floors():
    """The labelled pairing set (eval/pairing) without an encoder: every meeting whole."""
    import sys

    root = Path(__file__).resolve().parents[1]
    sys.path.insert(0, str(root / "benchmarks"))
    try:
        from eval_pairing import load_key, score
    finally:
        sys.path.pop(0)
    key = load_key(root / "eval" / "pairing" / "key.tsv")
    s = Store(":memory:")
    ingest(s, [root / "eval" / "pairing" / "statements"])
    pair(s)
    found = [sorted(a["account_id"] for a in g["accounts"]) for g in groups(s)]
    figures = score(key, found)
    assert figures["precision"] >= 0.95 and figures["recall"] >= 0.9
