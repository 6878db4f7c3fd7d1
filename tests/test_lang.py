import pytest

from readouts.errors import LanguageError
from readouts.lang import declared, detect, parse_tag, simplified


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "The two leaders discussed the situation in the region and agreed to stay in touch.",
            ("en", ""),
        ),
        ("双方就地区局势交换了意见，同意保持沟通。", ("zh", "Hans")),
        ("雙方就地區局勢交換了意見，同意保持溝通。", ("zh", "Hant")),
    ],
)
def test_lang_detects_english_and_both_chinese_scripts(text, expected):
    assert detect(text) == expected


@pytest.mark.parametrize(
    "text,name",
    [
        (
            "Le président a rencontré le ministre et ils ont discuté de la situation.",
            "French",
        ),
        (
            "Der Präsident hat mit dem Minister gesprochen und die Lage in der Region erörtert.",
            "German",
        ),
        (
            "Президент провел телефонный разговор с министром иностранных дел и обсудил ситуацию.",
            "Russian",
        ),
        ("大統領は外務大臣と電話で会談し、地域の情勢について話し合いました。", "Japanese"),
    ],
)
def test_lang_refuses_other_languages_by_name(text, name):
    with pytest.raises(LanguageError, match=name):
        detect(text)


def test_lang_simplified_view_keeps_length_and_maps_characters():
    text = "雙方同意繼續保持聯繫。臺灣問題"
    view = simplified(text)
    assert len(view) == len(text)
    assert view.startswith("双方同意继续保持联系")


def test_lang_text_view_is_simplified_chinese_and_other_text_as_is():
    from readouts.lang import text_view

    assert text_view("雙方", "zh") == "双方"
    assert text_view("雙方", "zh", "given") == "given"  # the caller's view is used as it is
    assert text_view("Both sides", "en", "ignored") == "Both sides"


@pytest.mark.parametrize(
    "tag,expected",
    [
        ("en", ("en", "")),
        ("en-US", ("en", "")),
        ("en-GB", ("en", "")),
        ("zh", ("zh", "")),
        ("zh-Hans", ("zh", "Hans")),
        ("zh-CN", ("zh", "Hans")),
        ("zh-Hant", ("zh", "Hant")),
        ("zh-TW", ("zh", "Hant")),
        ("zh_HK", ("zh", "Hant")),
        ("ZH-hant-TW", ("zh", "Hant")),
    ],
)
def test_lang_reads_bcp47_tags(tag, expected):
    assert parse_tag(tag) == expected


@pytest.mark.parametrize("tag", ["fr", "de-DE", "ja", ""])
def test_lang_refuses_other_tags(tag):
    with pytest.raises(LanguageError):
        parse_tag(tag)


@pytest.mark.parametrize(
    "text,tag,expected",
    [
        ("雙方就地區局勢交換了意見，同意保持溝通。", "zh-Hant", ("zh", "Hant")),
        # the script is read from the text, whatever the tag says
        ("双方就地区局势交换了意见，同意保持沟通。", "zh-TW", ("zh", "Hans")),
        ("Talks held.", "en-US", ("en", "")),  # too short to tell: the declaration stands
    ],
)
def test_lang_declared_language_is_read(text, tag, expected):
    assert declared(text, tag) == expected


@pytest.mark.parametrize(
    "text,tag,says",
    [
        ("The President met the Foreign Minister and they discussed trade.", "zh", "English"),
        ("双方就地区局势交换了意见，同意保持沟通。", "en", "Chinese"),
    ],
)
def test_lang_declared_language_that_disagrees_with_the_text_is_an_error(text, tag, says):
    with pytest.raises(LanguageError, match=f"reads as {says}"):
        declared(text, tag)
