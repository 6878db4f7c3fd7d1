import pytest

from readouts.errors import LexiconError
from readouts.lexicon import load_lexicon, normalise_en

HEADER = "id\tcap\tgeneric\tlabel_en\tlabel_zh\tterms_en\tterms_zh\tsource\n"


def test_lexicon_builtins_meet_their_promises(lexicon):
    assert len(lexicon.topics) >= 40
    assert all(t.cap > 0 for t in lexicon.topics.values())
    for must in (
        "taiwan",
        "ukraine",
        "south_china_sea",
        "afghanistan",
        "nuclear",
        "arms_control",
        "cyber",
        "space",
        "climate",
        "trade",
        "export_controls",
        "fentanyl",
        "human_rights",
        "xinjiang",
        "hong_kong",
        "military_blocs",
        "mil_to_mil",
    ):
        assert must in lexicon.topics
    parties = {a.party for a in lexicon.actors.values()}
    for must in (
        "united_states",
        "china",
        "nato",
        "european_union",
        "russia",
        "india",
        "japan",
        "united_kingdom",
        "france",
        "germany",
        "united_nations",
    ):
        assert must in parties


def test_lexicon_topics_match_across_languages(lexicon):
    en = {m.id for m in lexicon.topic_matcher.find("concerns about cross-Strait tensions", "en")}
    zh = {m.id for m in lexicon.topic_matcher.find("台湾问题是核心利益", "zh")}
    assert "taiwan" in en and "taiwan" in zh


def test_lexicon_wildcards_and_word_boundaries(lexicon):
    ids = [m.id for m in lexicon.topic_matcher.find("the Ukrainian people; a paid trip", "en")]
    assert "ukraine" in ids and "ai" not in ids


def test_lexicon_user_file_overrides_and_adds(tmp_path):
    path = tmp_path / "mine.tsv"
    path.write_text(
        "# version: 3\n"
        + HEADER
        + "taiwan\t19\t0\tTaiwan Strait\t台海\tformosa\t台海\tmy notes\n"
        + "arctic\t19\t0\tArctic\t北极\tarctic\t北极\t-\n",
        encoding="utf-8",
    )
    lex = load_lexicon([path])
    assert lex.topics["taiwan"].terms_en == ("formosa",)
    assert "arctic" in lex.topics
    assert lex.versions["topics"] == "1+mine.tsv@3"


@pytest.mark.parametrize(
    "content,line,message",
    [
        ("", 1, "empty"),
        ("# version: 1\n" + HEADER, 1, "no entries"),
        (HEADER + "x\t1\t0\tX\tX\tx\tx\t-\n", 1, "version"),
        ("# version: 1\nid\tfoo\n", 2, "header"),
        ("# version: 1\n" + HEADER + "x\t1\t0\tX\n", 3, "columns"),
        ("# version: 1\n" + HEADER + "x\tnine\t0\tX\tX\tx\tx\t-\n", 3, "whole number"),
        (
            "# version: 1\n" + HEADER + "x\t1\t0\tX\tX\tx\tx\t-\nx\t1\t0\tX\tX\tx\tx\t-\n",
            4,
            "duplicate",
        ),
    ],
)
def test_lexicon_malformed_user_files_name_file_and_line(tmp_path, content, line, message):
    path = tmp_path / "bad.tsv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError, match=message) as info:
        load_lexicon([path])
    assert info.value.line == line
    assert str(path) in str(info.value)


def test_lexicon_missing_user_file(tmp_path):
    with pytest.raises(LexiconError, match="no such"):
        load_lexicon([tmp_path / "none.tsv"])


def test_lexicon_normalise_keeps_length():
    text = "China’s cross-Strait U.S.–PRC İstanbul"
    assert len(normalise_en(text)) == len(text)


def test_lexicon_is_specific_tells_issues_from_process_topics_and_unknown_ids():
    lexicon = load_lexicon()
    assert lexicon.is_specific("afghanistan")
    assert not lexicon.is_specific("dialogue")  # generic: nearly every readout has it
    assert not lexicon.is_specific("no_such_topic")
