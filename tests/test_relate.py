import numpy as np
import pytest

from readouts.align import AlignResult
from readouts.claimview import claim_views
from readouts.ingest import account_from_text
from readouts.model import Alignment
from readouts.reading import read
from readouts.relate import (
    CONFLICT_FEATURES,
    ConflictModel,
    conflict_features,
    load_conflict_model,
    relate,
)


def _views(text, lexicon, party="", other=""):
    # the account's id is its language: the two sides of a test never share one
    acc = account_from_text(text, party=party)
    acc = account_from_text(text, id=acc.language, party=party)
    return claim_views(read(acc), lexicon, other_party=other)


def _result(va, vb, probability, links=()):
    p = np.array(probability, dtype=np.float32)
    return AlignResult(tuple(va), tuple(vb), p, p, tuple(links))


def _model(**weights):
    """A conflict model that weighs only the named features (for testing the mechanics)."""
    w = tuple(float(weights.get(name, 0.0)) for name in CONFLICT_FEATURES)
    return ConflictModel(w, -2.0, threshold=0.5, candidate=0.3)


NONE = ConflictModel((0.0,) * len(CONFLICT_FEATURES), -50.0, 1.01, 1.01)


def test_relate_linked_is_shared_unlinked_is_one_sided(lexicon):
    va = _views("The two sides agreed to keep talking. NATO raised climate change.", lexicon)
    vb = _views("双方同意保持沟通。", lexicon)
    link = Alignment(va[0].claim.id, vb[0].claim.id, 0.95, 0.8, "shared")
    relations, final = relate(_result(va, vb, [[0.95], [0.1]], [link]), lexicon, NONE)
    assert relations[va[0].claim.id].label == "shared"
    assert relations[va[1].claim.id].label == "one-sided"
    assert relations[vb[0].claim.id].partners == (va[0].claim.id,)
    assert [a.kind for a in final] == ["shared"]


def test_relate_one_claim_may_share_with_several(lexicon):
    va = _views("They discussed Ukraine, the Middle East, and the Korean Peninsula.", lexicon)
    vb = _views("双方就乌克兰问题交换了意见。双方就中东局势交换了意见。", lexicon)
    assert len(va) == 3
    links = [
        Alignment(va[0].claim.id, vb[0].claim.id, 0.8, 0.6, "shared"),
        Alignment(va[1].claim.id, vb[1].claim.id, 0.8, 0.6, "shared"),
    ]
    p = [[0.8, 0.1], [0.1, 0.8], [0.1, 0.1]]
    relations, _ = relate(_result(va, vb, p, links), lexicon, NONE)
    assert [relations[v.claim.id].label for v in va] == ["shared", "shared", "one-sided"]


def test_relate_opposed_stances_on_one_issue_conflict(lexicon):
    va = _views(
        "He raised concerns about the PRC's military pressure on Taiwan.",
        lexicon,
        "united_states",
        "china",
    )
    vb = _views("王毅强调，台湾问题是中国核心利益中的核心。", lexicon, "china", "united_states")
    assert va[0].stance == -1
    feats = conflict_features(_result(va, vb, [[0.2]]), lexicon)
    assert feats[0, 0, CONFLICT_FEATURES.index("same_issue")] == 1.0
    model = _model(opposed=3.0, both_conflictual=3.0)
    relations, final = relate(_result(va, vb, [[0.2]]), lexicon, model)
    assert relations[va[0].claim.id].label == "conflict"
    assert relations[va[0].claim.id].kind == "opposed"
    assert final and final[0].kind == "conflict"
    assert any(r.kind == "conflict" for r in final[0].reasons)


def test_relate_merely_discussed_on_both_sides_is_not_a_conflict(lexicon):
    text = "The two sides discussed the situation in Taiwan."
    va = _views(text, lexicon, "united_states", "china")
    vb = _views("双方就台湾问题交换了意见。", lexicon, "china", "united_states")
    feats = conflict_features(_result(va, vb, [[0.3]]), lexicon)
    assert feats[0, 0, CONFLICT_FEATURES.index("opposed")] == 0.0
    relations, _ = relate(_result(va, vb, [[0.3]]), lexicon, _model(opposed=3.0))
    assert relations[va[0].claim.id].label == "one-sided"


def test_relate_a_demand_made_of_the_other_side_is_conflictual(lexicon):
    vb = _views("王毅指出，美方应恪守一个中国原则。", lexicon, "china", "united_states")
    assert vb[0].toward_other and vb[0].stance == -1


def test_relate_unconfirmed_attribution(lexicon):
    # China's account has Biden give an assurance on Taiwan; the US account talks about
    # Taiwan but gives no such assurance
    va = _views(
        "The President emphasized peace and stability across the Taiwan Strait.",
        lexicon,
        "united_states",
        "china",
    )
    vb = _views("拜登表示，美方不支持“台独”。", lexicon, "china", "united_states")
    assert vb[0].attributed and not va[0].attributed
    feats = conflict_features(_result(va, vb, [[0.1]]), lexicon)
    assert feats[0, 0, CONFLICT_FEATURES.index("unconfirmed")] == pytest.approx(0.9)
    # the same words in both accounts confirm the attribution: nothing unconfirmed
    echoed = conflict_features(_result(va, vb, [[1.0]]), lexicon)
    assert echoed[0, 0, CONFLICT_FEATURES.index("unconfirmed")] == 0.0
    relations, _ = relate(_result(va, vb, [[0.1]]), lexicon, _model(unconfirmed=4.0))
    rel = relations[vb[0].claim.id]
    assert rel.label == "conflict" and rel.kind == "unconfirmed_attribution"


def test_relate_unconfirmed_attribution_on_an_untouched_issue_is_flagged(lexicon):
    va = _views("The President discussed climate change.", lexicon, "united_states", "china")
    vb = _views("拜登表示，美方不寻求“新冷战”。", lexicon, "china", "united_states")
    relations, _ = relate(_result(va, vb, [[0.05]]), lexicon, _model(unconfirmed=4.0))
    rel = relations[vb[0].claim.id]
    assert rel.label == "one-sided" and "unconfirmed_attribution" in rel.flags


def test_relate_characterisations_that_clash(lexicon):
    va = _views("The talks were frank and candid.", lexicon, "united_states", "china")
    vb = _views("会谈在亲切友好的气氛中进行。", lexicon, "china", "united_states")
    feats = conflict_features(_result(va, vb, [[0.4]]), lexicon)
    assert feats[0, 0, CONFLICT_FEATURES.index("characterisation")] == 1.0


def test_relate_shipped_conflict_model_weighs_opposition_up():
    model = load_conflict_model()
    weights = dict(zip(CONFLICT_FEATURES, model.weights, strict=True))
    assert weights["opposed"] > 0 and weights["probability"] > 0


def test_relate_negation_of_near_the_same_words(lexicon):
    va = _views("NATO regards China as an adversary.", lexicon, "nato", "china")
    vb = _views("斯托尔滕贝格说，北约不视中国为对手。", lexicon, "china", "nato")
    assert vb[0].claim.negated and not va[0].claim.negated
    feats = conflict_features(_result(va, vb, [[0.9]]), lexicon)
    assert feats[0, 0, CONFLICT_FEATURES.index("negation")] == pytest.approx(0.9)
    relations, _ = relate(_result(va, vb, [[0.9]]), lexicon, _model(negation=4.0))
    assert relations[va[0].claim.id].kind == "negation"


def test_relate_framing_one_event_in_charged_words(lexicon):
    va = _views(
        "The conversation focused on Russia's unprovoked invasion of Ukraine.",
        lexicon,
        "united_states",
        "china",
    )
    vb = _views("双方就乌克兰局势交换了意见。", lexicon, "china", "united_states")
    assert va[0].charged and not vb[0].charged
    feats = conflict_features(_result(va, vb, [[0.4]]), lexicon)
    assert feats[0, 0, CONFLICT_FEATURES.index("framing")] == 1.0
    relations, _ = relate(_result(va, vb, [[0.4]]), lexicon, _model(framing=4.0))
    assert relations[va[0].claim.id].kind == "framing"


def test_relate_a_concern_both_sides_share_about_a_third_party(lexicon):
    va = _views(
        "The leaders expressed concern about North Korea's missile launches.",
        lexicon,
        "united_states",
        "japan",
    )
    vb = _views(
        "The two leaders voiced serious concern over North Korea's missile launches.",
        lexicon,
        "japan",
        "united_states",
    )
    result = _result(va, vb, [[0.8]])
    result = AlignResult(
        result.views_a,
        result.views_b,
        result.cosine,
        result.probability,
        result.links,
        ("united_states", "japan"),
    )
    feats = conflict_features(result, lexicon)
    assert feats[0, 0, CONFLICT_FEATURES.index("third_party")] == 1.0
