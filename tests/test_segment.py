import pytest

from readouts.ingest import account_from_text
from readouts.segment import sentences


def _texts(text: str, language: str | None = None) -> list[str]:
    account = account_from_text(text, language=language)
    return [account.text[s.start : s.end] for s in sentences(account)]


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "President Joseph R. Biden, Jr. spoke with the U.S. Ambassador. They met in Sept. "
            "2021 with Gen. Milley.",
            [
                "President Joseph R. Biden, Jr. spoke with the U.S. Ambassador.",
                "They met in Sept. 2021 with Gen. Milley.",
            ],
        ),
        ("He met the U.S. team. The team agreed.", ["He met the U.S. team.", "The team agreed."]),
        (
            'Talks went well. "We agreed," he said. Mr. Smith left.',
            ["Talks went well.", '"We agreed," he said.', "Mr. Smith left."],
        ),
        ("The U.S. The President spoke.", ["The U.S.", "The President spoke."]),
    ],
)
def test_segment_english_abbreviations_do_not_end_sentences(text, expected):
    assert _texts(text) == expected


def test_segment_chinese_sentence_ends_and_quotes():
    text = "王毅表示，双方应加强沟通。他说：“这很重要！”双方同意保持联系？是的。"
    assert _texts(text) == [
        "王毅表示，双方应加强沟通。",
        "他说：“这很重要！”",
        "双方同意保持联系？",
        "是的。",
    ]


def test_segment_semicolon_does_not_end_a_chinese_sentence():
    assert len(_texts("中方主张对话；反对对抗。")) == 1


def test_segment_paragraphs_are_counted():
    account = account_from_text(
        "First paragraph here. Second sentence.\n\nNew paragraph now.", language="en"
    )
    assert [s.paragraph for s in sentences(account)] == [0, 0, 1]


def test_segment_soft_wrapped_lines_join():
    text = (
        "The two leaders discussed a wide range of issues of common concern including\n"
        "trade and the climate crisis.\nThey agreed to meet again."
    )
    assert _texts(text) == [
        "The two leaders discussed a wide range of issues of common concern including\n"
        "trade and the climate crisis.",
        "They agreed to meet again.",
    ]
