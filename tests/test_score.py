import pytest

from readouts.ingest import account_from_text
from readouts.model import Relation
from readouts.reading import read
from readouts.score import band_of, meeting_of_minds, salience


@pytest.mark.parametrize(
    "value,band",
    [(0, "little"), (24, "little"), (25, "limited"), (40, "partial"), (55, "broad"), (90, "full")],
)
def test_score_bands(value, band):
    assert band_of(value)[0] == band


def _readings():
    a = read(
        account_from_text(
            "Biden discussed Taiwan with Xi. They agreed on fentanyl.", party="united_states"
        )
    )
    b = read(account_from_text("习近平同拜登讨论了台湾问题。双方同意开展禁毒合作。", party="china"))
    return a, b


def _relations(readings, label):
    return {c.id: Relation(c.id, label, "x") for r in readings for c in r.claims}


def test_score_all_shared_beats_all_one_sided(lexicon):
    readings = _readings()
    high = meeting_of_minds(readings, _relations(readings, "shared"), lexicon)
    low = meeting_of_minds(readings, _relations(readings, "one-sided"), lexicon)
    assert high.value > low.value
    assert high.parts["mirrored"] == pytest.approx(1.0)
    assert low.parts["mirrored"] == 0.0
    assert any("Issues both raise" in r for r in high.reasons)


def test_score_conflicts_lower_the_score_and_are_explained(lexicon):
    readings = _readings()
    calm = meeting_of_minds(readings, _relations(readings, "one-sided"), lexicon)
    clash = meeting_of_minds(readings, _relations(readings, "conflict"), lexicon)
    assert clash.value <= calm.value
    assert any("conflict" in r for r in clash.reasons)


def test_score_salience_falls_along_the_account(lexicon):
    a, _ = _readings()
    weights = salience(a.claims, lexicon)
    assert weights == sorted(weights, reverse=True) or len(set(weights)) > 1
    assert all(0 < w <= 1 for w in weights)


def test_score_says_how_many_points_it_rests_on(lexicon):
    readings = _readings()
    score = meeting_of_minds(readings, _relations(readings, "shared"), lexicon)
    n = sum(len(r.claims) for r in readings)
    assert score.points == n and score.to_dict()["points"] == n
    assert score.reasons[0].startswith(f"The score rests on {n} points:")


def test_score_accord_weighs_cooperative_against_conflictual_claims(lexicon):
    from readouts.score import ScoreModel

    readings = _readings()
    relations = _relations(readings, "one-sided")
    ids = [c.id for r in readings for c in r.claims]
    warm = meeting_of_minds(readings, relations, lexicon, dict.fromkeys(ids, 1))
    cold = meeting_of_minds(readings, relations, lexicon, dict.fromkeys(ids, -1))
    assert warm.parts["accord"] == 1.0 and cold.parts["accord"] == -1.0
    model = ScoreModel(accord=1.0, scale=50.0, offset=50.0)
    assert model.value(warm.parts) > model.value(cold.parts)
    assert any("cooperate or reassure" in r for r in warm.reasons)


def test_score_model_clamps_to_the_scale():
    from readouts.score import ScoreModel

    parts = {"mirrored": 1.0, "topic_overlap": 1.0, "conflict": 0.0, "accord": 1.0}
    assert ScoreModel(scale=500.0).value(parts) == 100
    assert ScoreModel(scale=-500.0).value(parts) == 0
