import itertools

import pytest

from readouts.claims import extract_claims
from readouts.ingest import account_from_text
from readouts.segment import sentences


def _claims(text: str, party: str = ""):
    account = account_from_text(text, party=party)
    return account, extract_claims(account, sentences(account))


def _texts(text: str) -> list[str]:
    account, claims = _claims(text)
    return [account.text[c.start : c.end] for c in claims]


def test_claims_split_points_of_one_sentence():
    out = _texts(
        "He welcomed the growing dialogue between the two sides, but called on China "
        "to stop its military pressure on Taiwan. He raised concerns over China's "
        "coercive economic policies, the expansion of its nuclear arsenal, and the lack "
        "of transparency about its military budget."
    )
    assert out == [
        "He welcomed the growing dialogue between the two sides,",
        "but called on China to stop its military pressure on Taiwan.",
        "He raised concerns over China's coercive economic policies",
        "the expansion of its nuclear arsenal",
        "the lack of transparency about its military budget",
    ]


def test_claims_list_items_keep_their_frame():
    account, claims = _claims(
        "He raised concerns over China's coercive economic policies, the "
        "expansion of its nuclear arsenal, and the lack of transparency "
        "about its military budget."
    )
    frame = account.text[claims[1].frame_start : claims[1].frame_end]
    assert frame == "He raised concerns over"


@pytest.mark.parametrize(
    "text,items,frame",
    [
        (
            "They agreed to advance cooperation in counter-terrorism, anti-piracy, "
            "cyberspace and peacekeeping.",
            ["anti-piracy", "cyberspace", "peacekeeping"],
            "They agreed to advance cooperation in",
        ),
        (
            "The leaders discussed the political process in Syria, the delivery of "
            "humanitarian assistance, and the fight against ISIS.",
            ["the delivery of humanitarian assistance", "the fight against ISIS"],
            "The leaders discussed",
        ),
        (
            "They shared concern about the situation in Xinjiang and Hong Kong.",
            ["Hong Kong"],
            "They shared concern about the situation in",
        ),
    ],
)
def test_claims_list_items_are_claims_of_their_own(text, items, frame):
    account, claims = _claims(text)
    assert [account.text[c.start : c.end] for c in claims[1:]] == items
    assert {account.text[c.frame_start : c.frame_end] for c in claims[1:]} == {frame}


@pytest.mark.parametrize(
    "text",
    [
        "The two leaders discussed the coordination of political, military and "
        "humanitarian support to Ukraine.",
        "They stressed the importance of peace and stability across the region.",
        "The meeting included Secretary Blinken, Secretary Yellen, and Special Envoy Kerry.",
    ],
)
def test_claims_modifiers_pairs_and_people_are_no_list_of_points(text):
    assert len(_texts(text)) == 1


def test_claims_coordinated_infinitives_keep_the_governing_frame():
    account, claims = _claims(
        "The two sides agreed to keep up high-level exchanges, to manage differences "
        "properly, and to avoid conflict."
    )
    texts = [account.text[c.start : c.end] for c in claims]
    assert texts[1:] == ["to manage differences properly,", "and to avoid conflict."]
    frames = {account.text[c.frame_start : c.frame_end] for c in claims[1:]}
    assert frames == {"The two sides agreed"}
    assert {c.speaker.name for c in claims} == {"the two sides"}


@pytest.mark.parametrize(
    "text",
    [
        # an appositive closes the subject, it does not open a verb phrase
        "Wang Yi, member of the Political Bureau, held talks with the National Security Advisor.",
        # an opening phrase stays with its clause: who asked for the meeting is a fact
        "At the request of Secretary General Jens Stoltenberg, Foreign Minister Wang Yi "
        "held a video meeting with him.",
        "On the evening of December 9, President Zelenskyy spoke with President Biden.",
    ],
)
def test_claims_no_verbless_fragments(text):
    assert len(_texts(text)) == 1


@pytest.mark.parametrize(
    "text,speaker,kind",
    [
        ("Wang Yi said that China is open to dialogue.", "Wang Yi", "person"),
        ("The two sides agreed to keep in touch.", "the two sides", "both"),
        ("王毅表示，中方愿意加强对话。", "王毅", "person"),
        ("双方同意保持沟通。", "双方", "both"),
        ("The U.S. side was willing to keep talking.", "United States", "side"),
    ],
)
def test_claims_speaker_from_reporting_frame(text, speaker, kind):
    _, claims = _claims(text)
    assert claims[0].speaker.name == speaker
    assert claims[0].speaker.kind == kind


def test_claims_pronoun_and_title_resolve_to_last_named_person():
    _, claims = _claims(
        "NATO Secretary General Jens Stoltenberg held a call with the minister. "
        "The Secretary General welcomed the dialogue. He stressed that NATO "
        "remains open to talks."
    )
    assert [c.speaker.name for c in claims] == ["Jens Stoltenberg"] * 3
    assert all(c.speaker.party == "nato" for c in claims)


def test_claims_reported_speech_continues_in_the_paragraph():
    _, claims = _claims(
        "王毅表示，中方对对话持开放态度。国际社会需要团结协作。\n\n双方还就阿富汗局势交换了意见。"
    )
    assert [c.speaker.name for c in claims] == ["王毅", "王毅", "双方"]


def test_claims_narrator_when_no_one_is_quoted():
    _, claims = _claims("The conversation focused on the war in Ukraine.", party="united_states")
    assert claims[0].speaker.kind == "narrator"


def test_claims_chinese_request_marker_stays_with_its_sentence():
    account, claims = _claims("2021年9月27日，外长王毅应约同北约秘书长斯托尔滕贝格举行视频会晤。")
    texts = [account.text[c.start : c.end] for c in claims]
    assert texts == ["2021年9月27日，外长王毅应约同北约秘书长斯托尔滕贝格举行视频会晤。"]


def test_claims_chinese_clauses_stay_together_without_a_strong_boundary():
    account, claims = _claims(
        "王毅指出，中国奉行防御性国防政策，不谋求霸权，不搞扩张，愿同各国分享发展红利。"
    )
    texts = [account.text[c.start : c.end] for c in claims]
    # short parallel clauses stay with their point; a new commitment (愿...) is a new one,
    # read with the frame of the sentence
    assert texts == [
        "王毅指出，中国奉行防御性国防政策，不谋求霸权，不搞扩张，",
        "愿同各国分享发展红利。",
    ]
    assert account.text[claims[1].frame_start : claims[1].frame_end] == "王毅指出"
    assert claims[1].speaker.name == "王毅"


def test_claims_chinese_list_items_keep_their_frame_and_tail():
    account, claims = _claims("双方同意推进在反恐、反海盗、网络空间和国际维和等领域的务实合作。")
    texts = [account.text[c.start : c.end] for c in claims]
    assert texts == ["双方同意推进在反恐", "反海盗", "网络空间", "国际维和等领域的务实合作。"]
    assert account.text[claims[1].frame_start : claims[1].frame_end] == "双方同意推进在"
    assert account.text[claims[1].tail_start : claims[1].tail_end] == "等领域的务实合作。"


@pytest.mark.parametrize(
    "text",
    ["双方进行了全面、坦诚、深入的交流。", "两国关系保持稳定、健康发展。"],
)
def test_claims_chinese_manner_words_are_no_list(text):
    assert len(_texts(text)) == 1


@pytest.mark.parametrize(
    "text,kept",
    [
        # a headline (a first line without a full stop) and a list number are no points
        (
            "PM meeting with President Biden: 13 September 2024\n\nThe Prime Minister met "
            "President Biden today.\n\n1.\n\nThey discussed the war in Ukraine.",
            ["The Prime Minister met President Biden today.", "They discussed the war in Ukraine."],
        ),
        (
            "Government Spokesperson Steffen Hebestreit issued the following statement:\n\n"
            "The Chancellor spoke with the President by telephone today.",
            ["The Chancellor spoke with the President by telephone today."],
        ),
        (
            "新华社北京5月18日电\u3000当地时间5月18日，杨洁篪应约同沙利文通电话。",
            ["新华社北京5月18日电\u3000当地时间5月18日，杨洁篪应约同沙利文通电话。"],
        ),
    ],
)
def test_claims_headlines_numbers_and_announcements_are_no_claims(text, kept):
    assert _texts(text) == kept


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "王毅表示，中方愿意加强对话，但美方应停止武装台湾。",
            ["王毅表示，中方愿意加强对话，", "但美方应停止武装台湾。"],
        ),
        (
            "中方主张通过对话解决分歧；美方应停止挑衅。",
            ["中方主张通过对话解决分歧；", "美方应停止挑衅。"],
        ),
        (
            "王毅强调，台湾问题是中国核心利益中的核心，双方应加强沟通。",
            ["王毅强调，台湾问题是中国核心利益中的核心，", "双方应加强沟通。"],
        ),
    ],
)
def test_claims_chinese_strong_boundaries_split(text, expected):
    account, claims = _claims(text)
    assert [account.text[c.start : c.end] for c in claims] == expected


def test_claims_ids_are_unique_and_ordered(us_account):
    claims = extract_claims(us_account, sentences(us_account))
    assert len({c.id for c in claims}) == len(claims)
    assert all(a.end <= b.start for a, b in itertools.pairwise(claims))


def test_claims_zh_vice_title_is_not_learnt_as_the_title_it_contains():
    from readouts.reading import read

    reading = read(
        account_from_text(
            "8月1日，王毅会见了美国副总统哈里斯。总统表示，美方愿同中方加强沟通。"
            "副总统表示，美方重视对华关系。"
        )
    )
    speakers = [c.speaker.name for c in reading.claims]
    assert speakers[1] != "哈里斯"  # "总统" is not the 副总统 named before
    assert speakers[2] == "哈里斯"
