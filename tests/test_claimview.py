import pytest

from readouts.claimview import claim_views, encoder_text
from readouts.ingest import account_from_text
from readouts.reading import read


def _views(text, lexicon, party="", other=""):
    return claim_views(read(account_from_text(text, party=party)), lexicon, other_party=other)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Wang Yi said that China was open to dialogue.", "china was open to dialogue."),
        ("王毅表示，中方对对话持开放态度。", "中方对对话持开放态度。"),
        # a list item is read with the words of its list around it
        (
            "He raised concerns over China's coercive policies, the expansion of its "
            "nuclear arsenal, and the lack of transparency.",
            "he raised concerns over the lack of transparency",
        ),
        ("双方同意推进在反恐、反海盗、网络空间和国际维和等领域的务实合作。", None),
    ],
)
def test_claimview_encoder_text_drops_frames_and_keeps_list_frames(text, expected):
    reading = read(account_from_text(text))
    last = reading.claims[-1]
    got = encoder_text(reading, last)
    if expected is not None:
        assert got == expected
    else:
        second = encoder_text(reading, reading.claims[1])
        assert second.startswith("双方同意推进在") and second.endswith("等领域的务实合作。")
        assert "反海盗" in second and "网络空间" not in second


def test_claimview_traditional_text_is_encoded_in_simplified_form():
    simp = read(account_from_text("双方同意加强沟通。"))
    trad = read(account_from_text("雙方同意加強溝通。"))
    assert encoder_text(simp, simp.claims[0]) == encoder_text(trad, trad.claims[0])


@pytest.mark.parametrize(
    "text,stance",
    [
        ("The two sides agreed to keep up high-level exchanges.", 1),
        ("He expressed concern about the PRC's actions in the South China Sea.", -1),
        ("The two sides discussed the situation in the Middle East.", 0),
        ("王毅表示，中方坚决反对美方对台军售。", -1),
        ("双方同意保持沟通。", 1),
    ],
)
def test_claimview_stance_from_the_act_and_tone_lexicons(lexicon, text, stance):
    assert _views(text, lexicon)[0].stance == stance


@pytest.mark.parametrize(
    "text,party,other",
    [
        ("王毅指出，美方应恪守一个中国原则。", "china", "united_states"),
        ("Wang Yi said the U.S. side must stop arming Taiwan.", "china", "united_states"),
    ],
)
def test_claimview_a_demand_made_of_the_other_side(lexicon, text, party, other):
    view = _views(text, lexicon, party, other)[0]
    assert view.toward_other and view.stance == -1


def test_claimview_attributed_when_the_other_side_speaks(lexicon):
    text = "王毅表示，中方愿加强沟通。布林肯表示，美方不支持“台独”。"
    views = _views(text, lexicon, "china", "united_states")
    assert [v.attributed for v in views] == [False, True]


def test_claimview_meeting_report_has_no_issue(lexicon):
    views = _views(
        "President Biden spoke today with President Xi. They discussed Taiwan.",
        lexicon,
        "united_states",
        "china",
    )
    assert views[0].meeting and not views[1].meeting
    assert views[1].issue == "taiwan"
