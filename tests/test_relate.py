import numpy as np

from readouts.align import claim_views
from readouts.ingest import account_from_text
from readouts.model import Alignment
from readouts.read import read
from readouts.relate import relate, stance


def _views(text, lexicon, party=""):
    return claim_views(read(account_from_text(text, party=party)), lexicon)


def test_relate_aligned_is_shared_unaligned_is_one_sided(lexicon):
    va = _views("The two sides agreed to keep talking. NATO raised climate change.", lexicon)
    vb = _views("双方同意保持沟通。", lexicon)
    scores = np.array([[0.95], [0.1]])
    aligned = [Alignment(va[0].claim.id, vb[0].claim.id, 0.95, 0.8, "shared")]
    relations, final = relate(va, vb, scores, scores, aligned, lexicon, "nato", "china")
    assert relations[va[0].claim.id].label == "shared"
    assert relations[va[1].claim.id].label == "one-sided"
    assert relations[vb[0].claim.id].partners == (va[0].claim.id,)
    assert [a.kind for a in final] == ["shared"]


def test_relate_opposed_positions_on_one_issue_conflict(lexicon):
    va = _views(
        "He raised concerns about the PRC's military pressure on Taiwan.",
        lexicon,
        "united_states",
    )
    vb = _views("王毅强调，台湾问题是中国核心利益中的核心。", lexicon, "china")
    assert stance(va[0], lexicon) == -1
    scores = np.array([[0.3]])
    relations, final = relate(va, vb, scores, scores, [], lexicon, "united_states", "china")
    assert relations[va[0].claim.id].label == "conflict"
    assert relations[va[0].claim.id].kind == "opposed"
    assert final and final[0].kind == "conflict"


def test_relate_merely_discussed_is_not_a_conflict(lexicon):
    va = _views("He raised concerns about Taiwan.", lexicon, "united_states")
    vb = _views("双方就台湾问题交换了意见。", lexicon, "china")
    scores = np.array([[0.3]])
    relations, _ = relate(va, vb, scores, scores, [], lexicon, "united_states", "china")
    assert relations[va[0].claim.id].label == "one-sided"


def test_relate_unconfirmed_attribution(lexicon):
    # China's account has Biden give an assurance on Taiwan; the US account talks about
    # Taiwan but gives no such assurance
    va = _views(
        "The President emphasized peace and stability across the Taiwan Strait.",
        lexicon,
        "united_states",
    )
    vb = _views("拜登表示，美方不支持“台独”。", lexicon, "china")
    scores = np.array([[0.05]])
    relations, _ = relate(va, vb, scores, scores, [], lexicon, "united_states", "china")
    rel = relations[vb[0].claim.id]
    assert rel.label == "conflict" and rel.kind == "unconfirmed_attribution"


def test_relate_unconfirmed_attribution_on_an_untouched_issue_is_flagged(lexicon):
    va = _views("The President discussed climate change.", lexicon, "united_states")
    vb = _views("拜登表示，美方不寻求“新冷战”。", lexicon, "china")
    scores = np.array([[0.05]])
    relations, _ = relate(va, vb, scores, scores, [], lexicon, "united_states", "china")
    rel = relations[vb[0].claim.id]
    assert rel.label == "one-sided" and "unconfirmed_attribution" in rel.flags


def test_relate_related_pairs_do_not_make_claims_shared(lexicon):
    va = _views("The two sides discussed trade.", lexicon)
    vb = _views("双方讨论了经贸问题。", lexicon)
    aligned = [Alignment(va[0].claim.id, vb[0].claim.id, 0.6, 0.5, "related")]
    scores = np.array([[0.6]])
    relations, _ = relate(va, vb, scores, scores, aligned, lexicon, "", "")
    rel = relations[va[0].claim.id]
    assert rel.label == "one-sided" and rel.partners == (vb[0].claim.id,)
