"""The word lists and weights in data files: versioned, loaded with the lexicons, and
replaced by a --lexicon file of the same header (#14)."""

from __future__ import annotations

import pytest

from readouts.briefing.classify import claim_class
from readouts.errors import LexiconError
from readouts.facts import counterparts, extract_facts
from readouts.facts.words import name_words
from readouts.ingest import account_from_text
from readouts.lexicon import default_lexicon, load_lexicon
from readouts.model import Claim, Speaker
from readouts.score import salience, score_model
from readouts.segment import sentences
from readouts.versions import _fixed_short

WORDS = "id\twords_en\twords_zh\tnote\n"
LISTS = "id\titems\tnote\n"
WEIGHTS = "id\tvalue\tnote\n"


def _file(tmp_path, header, rows, name="mine.tsv"):
    path = tmp_path / name
    path.write_text("# version: 7\n" + header + "".join(rows), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "kind,ids",
    [
        ("words", ("person_titles", "org_words", "org_heads", "departments", "group_heads")),
        ("lists", ("stopwords_en", "stopwords_fr", "brief_acts_objection", "zh_short_parties")),
        ("weights", ("salience_first", "salience_fall", "brief_objection_rung")),
    ],
)
def test_wordlists_builtin_files_load_versioned(kind, ids):
    lexicon = default_lexicon()
    assert lexicon.versions[kind] == "1"
    table = getattr(lexicon, kind)
    for entry_id in ids:
        assert entry_id in table


@pytest.mark.parametrize("word", ["president", "secretary-general", "ambassador"])
def test_wordlists_name_words_hold_the_titles(word):
    words = name_words(default_lexicon())
    assert word in words.person_titles
    assert word in words.title_words
    assert "外交部长" in words.zh_titles


@pytest.mark.parametrize("grandmaster_role", ["Grandmaster"])
def test_wordlists_override_person_titles_changes_who_is_named(tmp_path, grandmaster_role):
    text = "President Biden spoke today with Grandmaster Abdel Fattah Al Sisi of Egypt."
    account = account_from_text(text, language="en")
    before = counterparts(extract_facts(account, sentences(account)))[0]
    assert before.name.startswith("Grandmaster")
    titles = default_lexicon().words["person_titles"]
    path = _file(
        tmp_path,
        WORDS,
        [
            "person_titles\t"
            + "|".join((*titles.words_en, "grandmaster"))
            + "\t"
            + "|".join(titles.words_zh)
            + "\tmine\n"
        ],
    )
    lexicon = load_lexicon([path])
    assert lexicon.versions["words"] == "1+mine.tsv@7"
    after = counterparts(extract_facts(account, sentences(account), lexicon=lexicon))[0]
    assert (after.name, after.role) == ("Abdel Fattah Al Sisi", grandmaster_role)


def _claim(k: int, act: str = "statement") -> Claim:
    return Claim(f"a:{k}", "a", k, 0, 1, Speaker("X", "narrator"), act=act)


@pytest.mark.parametrize("fall", [0.0])
def test_wordlists_override_salience_weight_changes_the_weights(tmp_path, fall):
    claims = [_claim(k) for k in range(3)]
    assert salience(claims, default_lexicon()) == pytest.approx([0.7, 0.56, 0.42])
    lexicon = load_lexicon([_file(tmp_path, WEIGHTS, [f"salience_fall\t{fall}\t-\n"])])
    assert salience(claims, lexicon) == pytest.approx([0.7, 0.7, 0.7])


@pytest.mark.parametrize("scale", [99.0])
def test_wordlists_override_score_weight_replaces_the_fitted_one(tmp_path, scale):
    shipped = score_model(default_lexicon())
    lexicon = load_lexicon([_file(tmp_path, WEIGHTS, [f"score_scale\t{scale}\t-\n"])])
    model = score_model(lexicon)
    assert model.scale == scale != shipped.scale
    assert (model.topic, model.conflict, model.offset) == (
        shipped.topic,
        shipped.conflict,
        shipped.offset,
    )
    parts = {"mirrored": 0.5, "topic_overlap": 0.5, "conflict": 0.0, "accord": 0.0}
    assert model.value(parts) != shipped.value(parts)


@pytest.mark.parametrize("act,before,after", [("request", "demand", "objection")])
def test_wordlists_override_brief_act_classes(tmp_path, act, before, after):
    claim = _claim(0, act)
    assert claim_class(claim, default_lexicon()) == before
    path = _file(tmp_path, LISTS, [f"brief_acts_objection\treject|protest|{act}\t-\n"])
    assert claim_class(claim, load_lexicon([path])) == after


@pytest.mark.parametrize("char,party", [("泰", "thailand")])
def test_wordlists_override_zh_short_parties(tmp_path, char, party):
    fixed, run = _fixed_short(default_lexicon())
    assert char not in fixed and run.search(f"中{char}关系") is None
    items = "|".join(f"{c} {p}" for c, p in fixed.items()) + f"|{char} {party}"
    lexicon = load_lexicon([_file(tmp_path, LISTS, [f"zh_short_parties\t{items}\t-\n"])])
    fixed, run = _fixed_short(lexicon)
    assert fixed[char] == party
    assert run.search(f"中{char}关系") is not None


@pytest.mark.parametrize(
    "header,row,message",
    [(WEIGHTS, "salience_fall\tsteep\t-\n", "must be a number"), (WORDS, "x\ta\n", "columns")],
)
def test_wordlists_malformed_override_names_file_and_line(tmp_path, header, row, message):
    path = _file(tmp_path, header, [row], name="bad.tsv")
    with pytest.raises(LexiconError, match=message) as info:
        load_lexicon([path])
    assert info.value.line == 3
    assert str(path) in str(info.value)
