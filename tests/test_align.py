import numpy as np
import pytest

from readouts.align import (
    FEATURES,
    align,
    claim_views,
    content_text,
    load_model,
    match_probability,
    meeting_claim,
    pair_features,
    select,
)
from readouts.ingest import account_from_text
from readouts.read import read


def test_align_shipped_model_matches_the_features():
    model = load_model()
    assert len(model.weights) == len(FEATURES)
    assert 0 < model.threshold <= model.threshold_either <= model.threshold_multi
    assert "calibrated" in model.provenance


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Wang Yi said that China was open to dialogue.", "China was open to dialogue."),
        ("王毅表示，中方对对话持开放态度。", "中方对对话持开放态度。"),
        ("and welcomed the progress made.", "welcomed the progress made."),
    ],
)
def test_align_content_drops_the_reporting_frame(text, expected):
    reading = read(account_from_text(text))
    claim = reading.claims[0]
    assert content_text(reading.account.text, claim, reading.account.language) == expected


def test_align_select_mutual_either_and_multi():
    scores = np.array([[0.95, 0.7, 0.1], [0.9, 0.2, 0.1], [0.1, 0.1, 0.4]])
    # mutual best from 0.5; best of either from 0.85; any pair from 0.99
    assert select(scores, 0.5, 0.85, 0.99) == [(0, 0), (1, 0)]
    assert select(scores, 0.5, 0.95, 0.99) == [(0, 0)]
    assert select(scores, 0.3, 0.95, 0.99) == [(0, 0), (2, 2)]


def test_align_hub_correction_lowers_a_claim_close_to_everything():
    z = np.array([[3.0, 3.0, 3.0], [3.0, -2.0, -2.0]])
    plain = match_probability(z, 0.0)
    corrected = match_probability(z, 1.0)
    assert plain[0, 1] == plain[1, 0]
    assert corrected[0, 1] < plain[0, 1]


def test_align_features_cross_language_topics(lexicon, fake_embedder):
    a = read(account_from_text("The Secretary addressed the situation in Afghanistan."))
    b = read(account_from_text("双方还就阿富汗局势交换了意见。"))
    va, vb = claim_views(a, lexicon), claim_views(b, lexicon)
    feats = pair_features(va, vb, np.full((len(va), len(vb)), 0.5))
    # the shared topic counts as far as the claims read alike
    assert feats[0, 0, FEATURES.index("topic_specific")] == pytest.approx(0.5)
    assert feats[0, 0, FEATURES.index("cosine_cross")] == pytest.approx(0.5)
    unlike = pair_features(va, vb, np.zeros((len(va), len(vb))))
    assert unlike[0, 0, FEATURES.index("topic_specific")] == 0.0


def test_align_meeting_claims_pair(lexicon, use_embedder):
    a = read(
        account_from_text(
            "President Biden spoke today with President Xi Jinping. They discussed trade.",
            party="united_states",
        )
    )
    b = read(account_from_text("习近平同美国总统拜登通电话。双方讨论了经贸问题。", party="china"))
    assert meeting_claim(claim_views(a, lexicon), a.account.text) == 0
    pairs, *_ = align(a, b, lexicon, use_embedder)
    assert (a.claims[0].id, b.claims[0].id) in {(p.a, p.b) for p in pairs}
