import numpy as np
import pytest

from readouts.align import (
    FEATURES,
    AlignModel,
    align,
    link,
    load_model,
    match_probability,
    pair_features,
    reasons,
)
from readouts.claimview import claim_views
from readouts.errors import ConfigError
from readouts.ingest import account_from_text
from readouts.reading import read


def test_align_shipped_model_matches_the_features():
    model = load_model()
    assert len(model.weights) == len(FEATURES)
    assert 0 < model.threshold < 1 and 0 < model.near <= 1


def test_align_model_refuses_weights_for_other_features():
    raw = load_model().to_dict()
    raw["features"] = ["cosine"]
    with pytest.raises(ConfigError, match="other features"):
        AlignModel.from_dict(raw)


@pytest.mark.parametrize(
    "probability,expected",
    [
        # one-to-one: each claim's best pair
        ([[0.9, 0.1], [0.1, 0.8]], [(0, 0), (1, 1)]),
        # many-to-many: a list sentence (row 0) links to both items of the other side
        ([[0.8, 0.7], [0.1, 0.2]], [(0, 0), (0, 1)]),
        # below the threshold nothing links
        ([[0.3, 0.1], [0.1, 0.2]], []),
    ],
)
def test_align_link_is_many_to_many_near_the_best(probability, expected):
    assert link(np.array(probability), threshold=0.5, near=0.8) == expected


def test_align_link_keeps_only_pairs_near_either_claims_best():
    p = np.array([[0.9, 0.6], [0.95, 0.2]])
    # (0, 1) is 0.6: under 0.8 x 0.9 for its row and the best of its column is itself
    assert (0, 1) in link(p, 0.5, 0.8)
    assert (0, 1) not in link(np.array([[0.9, 0.6], [0.95, 0.9]]), 0.5, 0.8)


def test_align_hub_correction_lowers_a_claim_close_to_everything():
    z = np.array([[3.0, 3.0, 3.0], [3.0, -2.0, -2.0]])
    plain = match_probability(z, 0.0)
    corrected = match_probability(z, 1.0)
    assert plain[0, 1] == plain[1, 0]
    assert corrected[0, 1] < plain[0, 1]


def test_align_features_cross_language_topics(lexicon):
    a = read(account_from_text("The Secretary addressed the situation in Afghanistan."))
    b = read(account_from_text("双方还就阿富汗局势交换了意见。"))
    va, vb = claim_views(a, lexicon), claim_views(b, lexicon)
    feats = pair_features(va, vb, np.full((len(va), len(vb)), 0.5))
    # the shared topic counts as far as the claims read alike
    assert feats[0, 0, FEATURES.index("topic_specific")] == pytest.approx(0.5)
    assert feats[0, 0, FEATURES.index("same_issue")] == 1.0
    unlike = pair_features(va, vb, np.zeros((len(va), len(vb))))
    assert unlike[0, 0, FEATURES.index("topic_specific")] == 0.0


def test_align_features_standardise_the_cosine_over_the_matrix(lexicon):
    a = read(
        account_from_text(
            "The two sides discussed trade. They discussed the situation in Taiwan. "
            "The leaders met in the morning."
        )
    )
    b = read(account_from_text("双方讨论了经贸问题。双方讨论了台湾问题。"))
    va, vb = claim_views(a, lexicon), claim_views(b, lexicon)
    cos = np.array([[0.5, 0.1], [0.1, 0.4], [0.2, 0.2]])
    z = pair_features(va, vb, cos)[:, :, FEATURES.index("cosine_z")]
    shifted = pair_features(va, vb, cos * 0.5 + 0.1)[:, :, FEATURES.index("cosine_z")]
    # a lower cross-lingual scale moves no standardised value
    assert np.allclose(z, shifted, atol=1e-5)
    ranks = pair_features(va, vb, cos)[:, :, FEATURES.index("row_rank")]
    assert ranks[0, 0] == 1.0 and ranks[0, 1] == 0.5


def test_align_meeting_claims_pair_and_links_keep_their_reasons(lexicon, use_embedder):
    a = read(
        account_from_text(
            "President Biden spoke today with President Xi Jinping. They discussed trade.",
            party="united_states",
        )
    )
    b = read(account_from_text("习近平同美国总统拜登通电话。双方讨论了经贸问题。", party="china"))
    result = align(a, b, lexicon, use_embedder)
    pairs = {(p.a, p.b): p for p in result.links}
    meeting = pairs[(a.claims[0].id, b.claims[0].id)]
    assert meeting.reasons[0].kind == "similarity"
    assert result.probability.shape == (len(a.claims), len(b.claims))


def test_align_reasons_name_what_two_claims_share(lexicon):
    a = read(account_from_text("The two sides discussed the war in Ukraine in 2022."))
    b = read(account_from_text("双方就2022年乌克兰局势交换了意见。"))
    (va,), (vb,) = claim_views(a, lexicon), claim_views(b, lexicon)
    got = {(r.kind, r.value) for r in reasons(va, vb, 0.61, lexicon)}
    assert {("similarity", "0.61"), ("topic", "ukraine"), ("number", "2022")} <= got
