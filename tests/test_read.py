import pytest

from readouts.ingest import account_from_text
from readouts.lexicon import default_lexicon
from readouts.reading import infer_party, party_id, read


@pytest.mark.parametrize(
    "text,party",
    [
        ("NATO Secretary General Jens Stoltenberg held a virtual meeting with Wang Yi.", "nato"),
        (
            "At the request of Jens Stoltenberg, Foreign Minister Wang Yi held a video meeting "
            "with him.",
            "china",
        ),
        ("2021年9月27日，国务委员兼外长王毅应约同北约秘书长斯托尔滕贝格举行视频会晤。", "china"),
        ("President Joseph R. Biden, Jr. spoke today with President Xi Jinping.", "united_states"),
        ("8月29日，中央军委副主席张又侠在北京会见美国总统国家安全事务助理沙利文。", "china"),
        # "between the President of the Republic and Mr Biden": Biden is the other side
        (
            "Telephone conversation between the President of the Republic and Mr Joe Biden, "
            "President of the United States of America",
            "",
        ),
    ],
)
def test_read_party_from_the_opening_sentence(text, party):
    assert infer_party(account_from_text(text), default_lexicon()) == party


def test_read_party_from_metadata_and_source():
    lexicon = default_lexicon()
    assert party_id("美国", lexicon) == "united_states"
    given = account_from_text("They met.", party="China", language="en")
    assert infer_party(given, lexicon) == "china"
    sourced = account_from_text(
        "The two sides met and talked.",
        language="en",
        source="https://www.fmprc.gov.cn/eng/xw/x.html",
    )
    assert infer_party(sourced, lexicon) == "china"


def test_read_runs_every_stage():
    reading = read(account_from_text("王毅表示，中方愿同美方加强对话。双方同意保持沟通。"))
    assert reading.account.party == "china"
    assert reading.sentences and reading.claims
    assert all(c.act for c in reading.claims)


def test_read_forgetting_the_caches_empties_them_and_reading_again_gives_the_same(lexicon):
    from readouts import memo
    from readouts.ingest import account_from_text
    from readouts.reading import read

    for text in (
        "The two sides agreed to keep up high-level exchanges, to manage differences "
        "properly, and to avoid conflict.",
        "雙方同意保持高層交往，妥善管控分歧。",
    ):
        account = account_from_text(text)
        first = read(account, lexicon)
        held = memo.sizes()
        assert held["lexicon.matches"] > 0
        assert held["readouts.lang.simplified"] > 0 or account.language == "en"
        memo.clear()
        assert not any(memo.sizes().values())
        assert read(account, lexicon) == first
