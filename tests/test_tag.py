import pytest

from readouts.ingest import account_from_text
from readouts.reading import read
from readouts.tag import is_negated


def _claim(text: str):
    return read(account_from_text(text)).claims[0]


@pytest.mark.parametrize(
    "text,act",
    [
        ("He raised concerns about the expansion of its nuclear arsenal.", "express_concern"),
        ("He invited China to engage in arms control dialogue.", "invite"),
        ("The two sides agreed to keep in touch.", "agree"),
        ("The Secretary welcomed the resumption of cooperation.", "welcome"),
        ("Biden restated that the United States did not seek a new Cold War.", "assure"),
        ("王毅敦促美方停止武装台湾。", "request"),
        ("The leaders discussed issues of mutual concern.", "consult"),
    ],
)
def test_tag_speech_acts(text, act):
    assert _claim(text).act == act


def test_tag_topics_across_languages():
    assert (
        "afghanistan"
        in _claim("The Secretary General addressed the situation in Afghanistan.").topics
    )
    assert "afghanistan" in _claim("双方还就阿富汗局势等问题交换了意见。").topics


@pytest.mark.parametrize(
    "text,language,negated",
    [
        ("NATO does not regard China as an adversary.", "en", True),
        ("The sides didn't agree.", "en", True),
        ("The sides agreed.", "en", False),
        ("中国不谋求霸权。", "zh", True),
        ("双方不断加强合作，不仅在经贸领域。", "zh", False),
    ],
)
def test_tag_negation(text, language, negated):
    assert is_negated(text, language) is negated


def test_tag_tone_words_and_ladder():
    reading = read(account_from_text("中方对此表示强烈不满，并提出严正交涉。"))
    rungs = {t.term: t.rung for c in reading.claims for t in c.tone}
    assert rungs["representations"] == 5
    assert rungs["dissatisfaction"] == 3


def test_tag_claims_reads_traditional_chinese_without_a_view_given():
    from readouts.claims import extract_claims
    from readouts.segment import sentences
    from readouts.tag import tag_claims

    account = account_from_text("習近平強調，雙方應當加強經貿合作。")
    claims = extract_claims(account, sentences(account))
    tagged = tag_claims(account, claims)  # no simplified view passed in
    assert tagged == read(account).claims
    assert "trade" in tagged[0].topics


def test_tag_a_list_item_is_read_with_its_frame_and_tail(lexicon):
    from readouts.claims import extract_claims
    from readouts.ingest import account_from_text
    from readouts.segment import sentences
    from readouts.tag import tag_claims

    account = account_from_text("杨洁篪就涉台、涉港、涉疆等问题阐明了中方的严正立场。")
    claims = tag_claims(account, extract_claims(account, sentences(account)), lexicon)
    assert [account.text[c.start : c.end] for c in claims][:2] == ["杨洁篪就涉台", "涉港"]
    # the middle item has the stern position of its tail, and its own issue
    assert "hong_kong" in claims[1].topics
    assert any(t.term == "solemn_position" for t in claims[1].tone)
